"""The session locks after idle time; only the same user's password unlocks; nothing typed is lost."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from chc_desktop.services.app import Services
from chc_desktop.ui.main_window import MainWindow
from chc_desktop.ui.residents.editor import ResidentEditor
from tests.ui.conftest import snap


def test_idle_lock_hides_everything_and_unlocks_with_the_password(
    qtbot: QtBot, doctor: Services, shots: Path
) -> None:
    window = MainWindow(doctor, "test")
    qtbot.addWidget(window)
    window.show()
    assert window.idle_lock.timer.interval() == 10 * 60_000  # the policy default
    editor = ResidentEditor(doctor, None, window)
    qtbot.addWidget(editor)
    editor.show()
    editor.edits["name"].setText("正在录入")
    window.idle_lock.timer.setInterval(30)
    window.idle_lock.timer.start()
    qtbot.waitUntil(lambda: window.idle_lock.dialog is not None)
    dialog = window.idle_lock.dialog
    assert dialog is not None
    assert not window.isVisible() and not editor.isVisible()
    snap(dialog, shots, "idle-lock")
    dialog.reject()  # Esc does not unlock
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.password, "wrong-pass1")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "密码" in dialog.message.text() and not window.isVisible()
    qtbot.keyClicks(dialog.password, "demo1234")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(window.isVisible)
    assert editor.isVisible() and editor.edits["name"].text() == "正在录入"
    assert window.idle_lock.dialog is None and window.idle_lock.timer.isActive()
