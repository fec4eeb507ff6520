"""UI fixtures: a private data directory and QSettings, a 300-resident demo database (built once per
run, copied for each test), logged-in services per role, the app's font and style, screenshots.

Set CHC_UI_SCREENSHOTS=/some/folder to keep a copy of the screenshots after the run.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from chc_desktop.services.app import Services, open_database
from chc_desktop.services.demo import build_demo
from chc_desktop.store.database import Database
from chc_desktop.ui import i18n, theme
from tests.conftest import TODAY, login

DEMO_SIZE = 300


@pytest.fixture(autouse=True)
def _private_places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[None]:
    """Nothing a UI test writes leaves its temporary folder: data directory and QSettings."""
    monkeypatch.setenv("CHC_DATA_DIR", str(tmp_path / "data"))
    QCoreApplication.setOrganizationName("CHC-tests")
    QCoreApplication.setApplicationName("CHCDesktop-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    yield
    QThreadPool.globalInstance().waitForDone(10_000)  # no background job outlives its test
    i18n.install(qapp, i18n.DEFAULT)


@pytest.fixture(scope="session", autouse=True)
def _look(qapp: QApplication) -> None:
    """The bundled font and the style sheet, as the app uses them."""
    theme.apply(qapp)


@pytest.fixture(scope="session")
def ui_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database, built once per run (build_demo(db, 300, seed=1))."""
    path = tmp_path_factory.mktemp("ui-template") / "template.db"
    db = open_database(path)
    build_demo(db, DEMO_SIZE, seed=1, today=TODAY)
    db.close()
    return path


@pytest.fixture(scope="session")
def plain_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database without its hospice patients and referrals (tests that count every referral)."""
    path = tmp_path_factory.mktemp("ui-plain") / "template.db"
    db = open_database(path)
    build_demo(db, DEMO_SIZE, seed=1, today=TODAY, care=False)
    db.close()
    return path


def private_copy(template: Path, tmp_path: Path) -> Iterator[Database]:
    target = tmp_path / "ui.db"
    src, dst = sqlite3.connect(template), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    db = open_database(target)
    yield db
    db.close()


@pytest.fixture
def ui_db(ui_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A private copy of the demo database for one test."""
    yield from private_copy(ui_template, tmp_path)


as_user = login  # the same log-in as the service tests, on the UI's database


@pytest.fixture
def doctor(ui_db: Database) -> Services:
    return as_user(ui_db, "doctor")


@pytest.fixture
def clerk(ui_db: Database) -> Services:
    return as_user(ui_db, "clerk")


@pytest.fixture
def admin(ui_db: Database) -> Services:
    return as_user(ui_db, "admin")


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = tmp_path / "screenshots"
    folder.mkdir()
    return folder


def snap(widget: QWidget, folder: Path, name: str) -> Path:
    """Save what the widget looks like now (and copy it to $CHC_UI_SCREENSHOTS when set)."""
    QApplication.processEvents()
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not save {path}"
    keep = os.environ.get("CHC_UI_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(keep) / path.name)
    return path


def ime(widget: QWidget, text: str) -> None:
    """Chinese is typed through an input method, which commits whole words rather than key presses
    (QTest can only press keys of Latin-1 characters)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a person would: Latin letters and digits as key presses, Chinese through the input method."""
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        ime(widget, text)


@pytest.fixture(autouse=True)
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Modal message boxes would wait for a person: record what they say and answer as one would
    (questions: Discard; the rest: OK)."""
    said: list[str] = []

    def question(_parent: object, _title: str, text: str, *args: object, **kwargs: object) -> object:
        said.append(text)
        return QMessageBox.StandardButton.Discard

    def note(_parent: object, _title: str, text: str, *args: object, **kwargs: object) -> object:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    for name in ("warning", "information", "critical", "about"):
        monkeypatch.setattr(QMessageBox, name, note)
    return said
