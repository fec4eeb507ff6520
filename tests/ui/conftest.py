"""UI fixtures: a small demo database, logged-in services, the app's font and style, screenshots."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from chc_desktop.services.app import Services, open_database
from chc_desktop.services.demo import build_demo
from chc_desktop.store.database import Database
from chc_desktop.ui import theme
from tests.conftest import TODAY


@pytest.fixture(scope="session")
def ui_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo database built once per run and copied for each test."""
    path = tmp_path_factory.mktemp("ui") / "template.db"
    db = open_database(path)
    build_demo(db, 300, seed=1, today=TODAY)
    db.close()
    return path


@pytest.fixture
def ui_db(ui_template: Path, tmp_path: Path, qapp: QApplication) -> Iterator[Database]:
    import sqlite3

    target = tmp_path / "ui.db"
    src, dst = sqlite3.connect(ui_template), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    QCoreApplication.setOrganizationName("CHC-tests")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    theme.apply(qapp)
    db = open_database(target)
    yield db
    db.close()


def as_user(db: Database, username: str) -> Services:
    return Services(db, today=TODAY).login(username, "demo1234")


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = tmp_path / "screenshots"
    folder.mkdir()
    return folder


def snap(widget: QWidget, folder: Path, name: str) -> Path:
    QApplication.processEvents()
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


@pytest.fixture(autouse=True)
def _no_blocking_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal message boxes would wait for a person; record them and answer like one would."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *args: object, **kwargs: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Discard

    def note(_parent: object, _title: str, text: str, *args: object, **kwargs: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, note)
    return asked
