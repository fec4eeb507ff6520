"""Logging in, and creating the first administrator of a new database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel
from pytestqt.qtbot import QtBot

from chc_desktop.services.app import Services, open_database
from chc_desktop.store.database import Database
from chc_desktop.ui.login import FirstAdminDialog, LoginDialog
from tests.ui.conftest import snap


def test_wrong_password_shows_the_reason_then_the_right_one_logs_in(
    qtbot: QtBot, ui_db: Database, shots: Path
) -> None:
    dialog = LoginDialog(Services(ui_db), [("doctor", "家庭医生"), ("clerk", "行政助手")])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.username.text() == "doctor"  # demo: prefilled, and the accounts are listed
    assert dialog.password.hasFocus() or not dialog.isActiveWindow()
    hint = dialog.findChild(QLabel, "demo_hint")
    assert hint is not None and "clerk　行政助手" in hint.text() and "demo1234" in hint.text()

    qtbot.keyClicks(dialog.password, "wrong-pass1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.message.text() == "用户名或密码不正确"  # the service's own words
    assert dialog.logged_in is None and dialog.password.text() == "" and dialog.isVisible()
    snap(dialog, shots, "login-wrong-password")

    qtbot.keyClicks(dialog.password, "demo1234")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.logged_in is not None and dialog.logged_in.user is not None
    assert dialog.logged_in.user.username == "doctor"


def test_login_without_demo_accounts_starts_in_the_user_name(qtbot: QtBot, ui_db: Database) -> None:
    dialog = LoginDialog(Services(ui_db))
    qtbot.addWidget(dialog)
    assert dialog.username.text() == ""
    assert dialog.findChild(QLabel, "demo_hint") is None


def test_first_administrator(qtbot: QtBot, tmp_path: Path, shots: Path) -> None:
    db = open_database(tmp_path / "fresh.db")
    services = Services(db)
    assert services.needs_first_admin()
    dialog = FirstAdminDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.display_name.setText("陈管理")
    dialog.password.setText("short")
    dialog.repeat.setText("short")
    dialog.create_admin()
    assert "至少 8 位" in dialog.errors["password"].text()  # from the service, under the field
    assert services.needs_first_admin()
    dialog.password.setText("secret123")
    dialog.repeat.setText("secret124")
    dialog.create_admin()
    assert dialog.errors["repeat"].text() == "两次输入的密码不一致"
    assert not dialog.errors["password"].isVisible()
    snap(dialog, shots, "first-admin")
    dialog.repeat.setText("secret123")
    qtbot.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert not services.needs_first_admin()
    admin = services.login("admin", "secret123")
    assert admin.user is not None and admin.user.role == "admin" and admin.user.display_name == "陈管理"
    db.close()
