"""Logging in and creating the first administrator."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chc_desktop.services.app import Services, open_database
from chc_desktop.store.database import Database
from chc_desktop.ui.login import FirstAdminDialog, LoginDialog
from tests.ui.conftest import snap


def test_wrong_password_shows_the_reason_then_right_password_logs_in(
    qtbot: QtBot, ui_db: Database, shots: Path
) -> None:
    dialog = LoginDialog(Services(ui_db), [("doctor", "家庭医生")])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.username.text() == "doctor"
    qtbot.keyClicks(dialog.password, "wrong-pass1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "密码不正确" in dialog.message.text()
    assert dialog.logged_in is None and dialog.password.text() == ""
    snap(dialog, shots, "login-wrong-password")
    qtbot.keyClicks(dialog.password, "demo1234")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.logged_in is not None and dialog.logged_in.user is not None
    assert dialog.logged_in.user.username == "doctor"


def test_first_administrator(qtbot: QtBot, tmp_path: Path) -> None:
    db = open_database(tmp_path / "fresh.db")
    services = Services(db)
    dialog = FirstAdminDialog(services)
    qtbot.addWidget(dialog)
    dialog.display_name.setText("陈管理")
    dialog.password.setText("short")
    dialog.repeat.setText("short")
    dialog.create()
    assert "至少" in dialog.message.text() and services.needs_first_admin()
    dialog.password.setText("secret123")
    dialog.repeat.setText("secret124")
    dialog.create()
    assert "不一致" in dialog.message.text()
    dialog.repeat.setText("secret123")
    dialog.create()
    assert not services.needs_first_admin()
    assert services.login("admin", "secret123").user is not None
