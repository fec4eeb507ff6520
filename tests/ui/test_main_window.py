"""The main window as a user meets it: areas by role, status bar, global search, filing from the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from chc_desktop.domain.id_number import check_digit
from chc_desktop.domain.pinyin_keys import name_keys
from chc_desktop.services.app import Services
from chc_desktop.services.residents import Filters
from chc_desktop.store.database import Database
from chc_desktop.ui.main_window import MainWindow
from chc_desktop.ui.residents.editor import ResidentEditor
from tests.ui.conftest import as_user, snap, type_text


def window(qtbot: QtBot, services: Services) -> MainWindow:
    w = MainWindow(services, "测试库")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()  # shortcuts go to the active window
    qtbot.waitUntil(w.isActiveWindow)
    return w


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def areas(w: MainWindow) -> list[str]:
    return [w.nav.item(i).text() for i in range(w.nav.count())]


def test_areas_and_status_bar_follow_the_role(qtbot: QtBot, ui_db: Database, shots: Path) -> None:
    doctor = window(qtbot, as_user(ui_db, "doctor"))
    assert areas(doctor) == ["工作台", "居民", "转诊", "家庭病床", "同步"]
    assert doctor.user_label.text() == "王医生（家庭医生）"
    assert doctor.site_label.text() == "仙霞社区卫生服务中心"
    assert doctor.database_label.text() == "数据库：测试库"
    assert doctor.sync_label.text() == "单机使用（未连接中心）"
    assert doctor.new_action.isEnabled() and doctor.new_action.shortcut().toString() == "Ctrl+N"
    assert doctor.find_action.shortcut().toString() == "Ctrl+F"
    assert doctor.quit_action.shortcut().toString() == "Ctrl+Q"
    assert doctor.pages.currentWidget() is doctor.workbench  # the first page after login
    doctor.nav.setCurrentRow(doctor.pages.indexOf(doctor.residents))
    snap(doctor, shots, "main-window-residents")

    admin = window(qtbot, as_user(ui_db, "admin"))
    assert areas(admin) == ["工作台", "居民", "同步", "管理"]
    assert not admin.new_action.isEnabled()  # an administrator reads files but does not file residents
    assert not admin.residents.new_button.isVisibleTo(admin)
    qtbot.keyClick(admin, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert admin.pages.currentWidget() is admin.admin


def test_list_filters_and_enter_opens(qtbot: QtBot, doctor: Services) -> None:
    w = window(qtbot, doctor)
    page = w.residents
    total = page.model.rowCount()
    assert page.count.text() == f"共 {total} 人"
    page.street.setCurrentIndex(1)
    street = page.street.currentData()
    assert page.model.rowCount() == doctor.residents.count(Filters(street_id=street)) < total
    assert page.committee.count() > 1  # the committees of that street
    page.committee.setCurrentIndex(1)
    assert page.model.rowCount() == doctor.residents.count(
        Filters(street_id=street, committee_id=page.committee.currentData())
    )
    page.street.setCurrentIndex(0)
    page.key_population.select("elderly65")
    assert page.count.text() == f"共 {doctor.residents.count(Filters(key_population='elderly65'))} 人"
    page.table.setFocus()
    page.table.selectRow(2)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert isinstance(w.editor, ResidentEditor) and w.editor.resident_id == page.model.resident_id(2)


def test_search_by_pinyin_initials_then_enter_opens_the_file(
    qtbot: QtBot, doctor: Services, shots: Path
) -> None:
    w = window(qtbot, doctor)
    target = w.residents.model.row(7)
    assert target is not None
    initials = name_keys(target.name).initials[0]
    qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.search.hasFocus()
    qtbot.keyClicks(w.search, initials)
    qtbot.waitUntil(w.search.popup.isVisible)
    rows = w.search.popup.model.rows
    assert target.id in [r.id for r in rows]
    assert "方向键选择" in w.search.popup.note.text() or "结果较多" in w.search.popup.note.text()
    snap(w, shots, "main-window-search")
    snap(w.search.popup, shots, "search-popup")
    for _ in range([r.id for r in rows].index(target.id)):
        qtbot.keyClick(w.search, Qt.Key.Key_Down)
    qtbot.keyClick(w.search, Qt.Key.Key_Return)
    assert not w.search.popup.isVisible()
    editor = w.editor
    assert isinstance(editor, ResidentEditor) and editor.resident_id == target.id
    assert editor.edits["name"].text() == target.name


def test_search_escape_closes_and_no_match_says_so(qtbot: QtBot, doctor: Services) -> None:
    w = window(qtbot, doctor)
    w.focus_search()
    qtbot.keyClicks(w.search, "zzzzqx")
    qtbot.waitUntil(w.search.popup.isVisible)
    assert w.search.popup.model.rowCount() == 0 and "没有找到" in w.search.popup.note.text()
    qtbot.keyClick(w.search, Qt.Key.Key_Escape)
    assert not w.search.popup.isVisible() and w.search.text() == "zzzzqx"
    qtbot.keyClick(w.search, Qt.Key.Key_Escape)
    assert w.search.text() == ""
    qtbot.keyClick(w.search, Qt.Key.Key_Return)  # nothing typed: nothing opens
    assert w.editor is None


def test_filing_a_new_resident_from_the_keyboard_only(qtbot: QtBot, ui_db: Database, shots: Path) -> None:
    w = window(qtbot, as_user(ui_db, "clerk"))
    before = w.residents.model.rowCount()
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = w.editor
    assert isinstance(editor, ResidentEditor) and editor.resident_id is None
    qtbot.waitUntil(lambda: editor.edits["name"].hasFocus())
    first17 = "31010519520817246"
    id_number = first17 + check_digit(first17)

    def type_in(text: str) -> None:
        type_text(qtbot, focused(), text)

    def tab(times: int = 1) -> None:
        for _ in range(times):
            qtbot.keyClick(focused(), Qt.Key.Key_Tab)

    type_in("冯秀英")  # 姓名
    tab()
    type_in("长宁区仙霞路")  # 现住址
    type_in("300")
    type_in("弄")
    tab(2)  # 户籍地址 left empty
    type_in("13800138000")  # 联系电话
    tab()
    type_in("仙")  # 乡镇（街道）: typing selects 仙霞新村街道
    assert editor.street.currentText() == "仙霞新村街道"
    tab()
    type_in("3")  # 村（居）委会: its code
    assert editor.committee.currentText().startswith("003 ")
    tab(2)  # 责任医生 left unassigned; 建档日期 is today
    assert focused() is editor.edits["filing_date"]
    tab()  # on into 基本信息
    assert editor.tabs.currentIndex() == 1 and focused() is editor.edits["id_number"]
    type_in(id_number)
    assert editor.edits["birth_date"].text() == "1952-08-17"  # filled in from the ID number
    assert editor.combos["sex"].value() == "2"
    snap(editor, shots, "editor-new-basic")
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert not editor.isVisible()
    assert w.residents.model.rowCount() == before + 1
    found = w.services.search.search(id_number).rows
    assert [r.name for r in found] == ["冯秀英"]
    assert found[0].record_no and found[0].record_no.startswith("310105008003")
    assert found[0].phone == "13800138000"
    assert "已建档：冯秀英" in w.statusBar().currentMessage()


def test_window_geometry_is_remembered(
    qtbot: QtBot, doctor: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    w = window(qtbot, doctor)
    w.close()
    saved = QSettings().value("main_window/geometry")
    assert isinstance(saved, QByteArray) and saved == w.saveGeometry()
    restored: list[QByteArray] = []
    monkeypatch.setattr(MainWindow, "restoreGeometry", lambda _self, data: restored.append(data) or True)
    window(qtbot, doctor)
    assert restored == [saved]


def test_language_choice_is_kept_for_the_next_start(qtbot: QtBot, doctor: Services) -> None:
    w = window(qtbot, doctor)
    english = w.findChild(QAction, "action_language_en")
    assert english is not None and not english.isChecked()
    english.trigger()
    assert QSettings().value("ui/language") == "en"
    assert "下次启动时生效" in w.statusBar().currentMessage()


def test_the_search_list_closes_when_the_window_moves(qtbot: QtBot, doctor: Services) -> None:
    w = window(qtbot, doctor)
    w.focus_search()
    qtbot.keyClicks(w.search, "wang")
    qtbot.waitUntil(w.search.popup.isVisible)
    w.move(w.x() + 30, w.y() + 20)
    qtbot.waitUntil(lambda: not w.search.popup.isVisible())
