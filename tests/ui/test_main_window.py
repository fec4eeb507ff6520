"""The main window as a user meets it: search, open, edit, validate, save, file from the keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from chc_desktop.domain.id_number import check_digit
from chc_desktop.domain.pinyin_keys import name_keys
from chc_desktop.services.residents import Filters
from chc_desktop.store.database import Database
from chc_desktop.ui.main_window import MainWindow
from chc_desktop.ui.residents.editor import ResidentEditor
from tests.ui.conftest import as_user, snap


def window(qtbot: QtBot, db: Database, user: str = "doctor") -> MainWindow:
    w = MainWindow(as_user(db, user), "test")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w


def test_search_by_initials_opens_the_editor(qtbot: QtBot, ui_db: Database, shots: Path) -> None:
    w = window(qtbot, ui_db)
    snap(w, shots, "main-window")
    target = w.residents.model.row(7)
    assert target is not None
    initials = name_keys(target.name).initials[0]
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.search.hasFocus()
    qtbot.keyClicks(w.search, initials)
    qtbot.waitUntil(lambda: w.search.popup.isVisible())
    names = [r.name for r in w.search.popup.model.rows]
    assert target.name in names
    snap(w.search.popup, shots, "search-popup")
    for _ in range(names.index(target.name)):
        qtbot.keyClick(w.search, Qt.Key.Key_Down)
    qtbot.keyClick(w.search, Qt.Key.Key_Return)
    editor = w.editor
    assert isinstance(editor, ResidentEditor) and editor.resident_id == target.id
    assert editor.edits["name"].text() == target.name
    snap(editor, shots, "editor-cover")


def test_invalid_phone_is_explained_next_to_the_field_and_not_saved(qtbot: QtBot, ui_db: Database) -> None:
    services = as_user(ui_db, "doctor")
    rid = services.residents.page(Filters(), 0, 1)[0].id
    editor = ResidentEditor(services, rid)
    qtbot.addWidget(editor)
    editor.show()
    editor.edits["phone"].clear()
    qtbot.keyClicks(editor.edits["phone"], "12345")
    qtbot.waitUntil(lambda: editor.errors["phone"].isVisible())
    assert "手机号" in editor.errors["phone"].text()
    assert not editor.save()
    assert services.residents.get(rid).draft.phone != "12345"
    editor.edits["phone"].clear()
    qtbot.keyClicks(editor.edits["phone"], "13912340000")
    qtbot.waitUntil(lambda: not editor.errors["phone"].isVisible())
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.edits["phone"], Qt.Key.Key_Return)
    assert services.residents.get(rid).draft.phone == "13912340000"


def test_keyboard_only_filing(qtbot: QtBot, ui_db: Database, shots: Path) -> None:
    w = window(qtbot, ui_db, "clerk")
    before = w.residents.model.rowCount()
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = w.editor
    assert isinstance(editor, ResidentEditor) and editor.resident_id is None
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.waitUntil(lambda: editor.edits["name"].hasFocus())
    first17 = "31010519520817" + "246"
    id_number = first17 + check_digit(first17)

    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "keyboard focus was lost"
        return widget

    def type_into(text: str) -> None:
        if text.isascii():
            qtbot.keyClicks(focused(), text)
        else:  # Chinese arrives through the input method, as a commit
            event = QInputMethodEvent()
            event.setCommitString(text)
            QApplication.sendEvent(focused(), event)

    type_into("冯秀英")                                   # 姓名
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_into("长宁区仙霞路 300 弄 2 号 301 室")            # 现住址
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # 户籍地址 left empty
    type_into("13800138000")                              # 联系电话
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    type_into("仙")                                       # 街道: type to select 仙霞新村街道
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Down)  # first 居委会
    assert editor.street.currentText() == "仙霞新村街道"
    editor.tabs.setCurrentIndex(1)
    editor.edits["id_number"].setFocus()
    type_into(id_number)
    assert editor.edits["birth_date"].text() == "1952-08-17"  # filled from the ID number
    assert editor.combos["sex"].value() == "2"
    snap(editor, shots, "editor-new-basic")
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: w.residents.model.rowCount() == before + 1)
    found = w.services.search.search(id_number).rows
    assert [r.name for r in found] == ["冯秀英"] and found[0].record_no


def test_clerk_has_no_clinical_tab_and_no_admin_pages(qtbot: QtBot, ui_db: Database) -> None:
    w = window(qtbot, ui_db, "clerk")
    assert [w.nav.item(i).text() for i in range(w.nav.count())] == ["居民"]
    rid = w.residents.model.resident_id(0)
    editor = ResidentEditor(w.services, rid)
    qtbot.addWidget(editor)
    tabs = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert "既往史" not in tabs and "基本信息" in tabs


def test_admin_sees_administration(qtbot: QtBot, ui_db: Database, shots: Path) -> None:
    w = window(qtbot, ui_db, "admin")
    items = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert items == ["居民", "管理：用户", "管理：设置"]
    w.nav.setCurrentRow(2)
    snap(w, shots, "admin-settings")


def test_status_change_from_the_editor(qtbot: QtBot, ui_db: Database) -> None:
    services = as_user(ui_db, "doctor")
    rid = services.residents.page(Filters(), 0, 1)[0].id
    editor = ResidentEditor(services, rid)
    qtbot.addWidget(editor)
    editor.status.setCurrentIndex(editor.status.findData("dead"))
    editor._apply_status()
    assert "死亡原因" in editor.status_error.text()
    editor.death_cause.setText("脑出血")
    editor._apply_status()
    assert services.residents.get(rid).status == "dead"
