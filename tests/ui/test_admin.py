"""管理: accounts, policy parameters and 居委会, each through its service with the messages shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from chc_desktop.services.app import Services
from chc_desktop.ui.admin.admin_page import AdminPage
from chc_desktop.ui.admin.users_page import AddUserDialog, ResetPasswordDialog
from tests.ui.conftest import snap, type_text


def page(qtbot: QtBot, admin: Services) -> AdminPage:
    p = AdminPage(admin)
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    qtbot.waitExposed(p)
    p.activateWindow()
    qtbot.waitUntil(p.isActiveWindow)
    return p


def test_add_a_user_with_messages_under_the_fields(qtbot: QtBot, admin: Services, shots: Path) -> None:
    dialog = AddUserDialog(admin)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("Bad Name")
    dialog.passwords.password.setText("abc")
    dialog.passwords.repeat.setText("abc")
    dialog.add()
    assert "用户名只能用小写字母" in dialog.errors["username"].text()
    assert dialog.errors["display_name"].text() == "请填写姓名"
    assert "至少 8 位" in dialog.errors["password"].text()
    snap(dialog, shots, "admin-add-user")
    dialog.username.setText("nurse2")
    type_text(qtbot, dialog.display_name, "赵护士")
    dialog.role.select("nurse")
    dialog.passwords.password.setText("welcome12")
    dialog.passwords.repeat.setText("welcome12")
    dialog.add()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.added is not None and dialog.added.site_id == admin.user.site_id  # type: ignore[union-attr]
    assert admin.login("nurse2", "welcome12").user is not None


def test_reset_password_and_disable(qtbot: QtBot, admin: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    p = page(qtbot, admin)
    users = p.users
    row = [u.username for u in users.model.users].index("clerk")
    users.table.selectRow(row)
    assert users.toggle_button.text() == "停用"

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ResetPasswordDialog)
        dialog.passwords.password.setText("newpass99")
        dialog.passwords.repeat.setText("newpass99")
        dialog.apply()

    QTimer.singleShot(0, answer)
    users.reset_button.click()
    assert admin.login("clerk", "newpass99").user is not None

    users.toggle_button.click()
    assert not users.model.users[row].active and users.toggle_button.text() == "启用"
    assert users.model.data(users.model.index(row, 4)) == "已停用"
    me = [u.username for u in users.model.users].index("admin")
    users.table.selectRow(me)
    users.toggle_button.click()
    assert users.message.text() == "不能停用自己的账户"


def test_settings_value_edited_in_place(qtbot: QtBot, admin: Services, shots: Path) -> None:
    p = page(qtbot, admin)
    p.setCurrentWidget(p.settings)
    settings = p.settings
    row = next(
        i for i, v in enumerate(settings.model.values) if v.parameter.key == "homebed.visit_interval_days"
    )
    index = settings.model.index(row, 1)
    settings.table.setCurrentIndex(index)
    settings.table.setFocus()
    qtbot.keyClick(settings.table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not settings.table
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "0")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: settings.message.text() != "")
    assert "不能小于" in settings.message.text() and settings.message.isVisible()
    snap(p, shots, "admin-settings-refused")
    assert settings.model.setData(index, "10")
    assert admin.settings.get("homebed.visit_interval_days") == 10 and not settings.message.isVisible()
    settings.table.setCurrentIndex(index)
    settings.default_button.click()
    assert admin.settings.get("homebed.visit_interval_days") == settings.model.values[row].parameter.default


def test_add_a_committee(qtbot: QtBot, admin: Services, shots: Path) -> None:
    p = page(qtbot, admin)
    p.setCurrentWidget(p.committees)
    c = p.committees
    c.street.setCurrentIndex(2)
    before = c.model.rowCount()
    c.code.setText("200")
    type_text(qtbot, c.name, "测试居委会")
    c.add_button.click()
    assert "001–099" in c.errors["code"].text()
    c.code.setText("013")
    c.add_button.click()
    assert c.model.rowCount() == before + 1 and c.code.text() == ""
    assert c.model.data(c.model.index(before, 1)) == "测试居委会"
    assert c.model.data(c.model.index(before, 2)) == "居委会"
    snap(p, shots, "admin-committees")
    c.code.setText("013")
    c.name.setText("重复")
    c.add_button.click()
    assert "已有代码为 013 的居委会" in c.errors["code"].text()
