"""The resident editor: live checks next to the fields, saving, duplicates, roles, and the tabs that act
at once (household, key populations, status)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from chc_desktop.domain.id_number import check_digit
from chc_desktop.services.app import Services
from chc_desktop.services.residents import Filters
from chc_desktop.ui.residents.duplicates import DuplicateDialog
from chc_desktop.ui.residents.editor import ResidentEditor
from tests.ui.conftest import snap, type_text


def first_resident(services: Services, offset: int = 0) -> uuid.UUID:
    return services.residents.page(Filters(), offset, 1)[0].id


def elderly_without_history(services: Services) -> uuid.UUID:
    """A resident aged 65+ (so an age tag is certain) with no past disease filed yet."""
    for row in services.residents.page(Filters(key_population="elderly65"), 0, 200):
        if not services.residents.get(row.id, audit=False).draft.history:
            return row.id
    raise AssertionError("the demo data has no elderly resident without history")


def open_editor(qtbot: QtBot, services: Services, rid: uuid.UUID | None) -> ResidentEditor:
    editor = ResidentEditor(services, rid)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()  # keys and focus go to the active window
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def retype(qtbot: QtBot, editor: ResidentEditor, key: str, text: str) -> None:
    edit = editor.edits[key]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def a_new_id_number(birth: str = "19520817", serial: str = "246") -> str:
    first17 = "310105" + birth + serial
    return first17 + check_digit(first17)


def when_dialog_opens(click: Callable[[DuplicateDialog], None], parent: ResidentEditor) -> None:
    """Answer the modal duplicate dialog as a user would, once it is up."""

    def answer() -> None:
        dialog = parent.findChild(DuplicateDialog)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, answer)
            return
        click(dialog)

    QTimer.singleShot(0, answer)


def test_a_wrong_phone_is_explained_next_to_it_and_not_saved(
    qtbot: QtBot, doctor: Services, shots: Path
) -> None:
    rid = first_resident(doctor)
    before = doctor.residents.get(rid, audit=False).draft
    editor = open_editor(qtbot, doctor, rid)
    assert not editor.errors["phone"].isVisible()
    retype(qtbot, editor, "phone", "12345")
    qtbot.waitUntil(editor.errors["phone"].isVisible)
    expected = doctor.residents.check(replace(before, phone="12345"))["phone"]
    assert editor.errors["phone"].text() == expected  # the service's message, under the field
    assert editor.edits["phone"].property("invalid") is True
    assert editor.summary.text().startswith("有 1 处需要修改")
    snap(editor, shots, "editor-wrong-phone")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible() and editor.edits["phone"].hasFocus()
    assert doctor.residents.get(rid, audit=False).draft.phone == before.phone

    retype(qtbot, editor, "phone", "13912340000")
    qtbot.waitUntil(lambda: not editor.errors["phone"].isVisible())
    assert editor.summary.text() == ""
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.edits["phone"], Qt.Key.Key_Return)  # Enter saves
    assert not editor.isVisible()
    assert doctor.residents.get(rid, audit=False).draft.phone == "13912340000"


def test_a_valid_id_number_fills_birth_date_and_sex(qtbot: QtBot, doctor: Services) -> None:
    editor = open_editor(qtbot, doctor, None)
    editor.tabs.setCurrentIndex(1)
    edit = editor.edits["id_number"]
    edit.setFocus()
    number = a_new_id_number("19880229", "131")
    qtbot.keyClicks(edit, number[:10])
    assert editor.edits["birth_date"].text() == ""  # not yet a number
    qtbot.keyClicks(edit, number[10:])
    assert editor.edits["birth_date"].text() == "1988-02-29"
    assert editor.combos["sex"].value() == "1"  # 17th digit odd: male
    qtbot.waitUntil(lambda: editor.errors["id_number"].text() == "" and not editor.errors["sex"].isVisible())


def test_a_new_file_only_complains_about_touched_fields_until_saved(qtbot: QtBot, doctor: Services) -> None:
    editor = open_editor(qtbot, doctor, None)
    qtbot.keyClicks(editor.edits["name"], "Li4")
    qtbot.waitUntil(editor.errors["name"].isVisible)
    assert not editor.errors["birth_date"].isVisible()  # untouched: no message yet
    assert not editor.save()
    assert not editor.errors["birth_date"].isHidden() and not editor.errors["street_id"].isHidden()
    assert editor.errors["name"].text() == "姓名中不能有数字"
    assert editor.tabs.currentIndex() == 0 and editor.edits["name"].hasFocus()  # the first thing to fix


def test_escape_asks_before_discarding_changes(qtbot: QtBot, doctor: Services, asked: list[str]) -> None:
    editor = open_editor(qtbot, doctor, first_resident(doctor))
    qtbot.keyClick(editor.edits["name"], Qt.Key.Key_Escape)
    assert not editor.isVisible() and asked == []  # nothing changed: no question
    editor = open_editor(qtbot, doctor, first_resident(doctor))
    qtbot.keyClicks(editor.edits["current_address"], "A")
    qtbot.keyClick(editor.edits["current_address"], Qt.Key.Key_Escape)
    assert asked == ["有未保存的修改。放弃这些修改吗？"] and not editor.isVisible()


def test_same_id_number_offers_the_existing_file(qtbot: QtBot, doctor: Services) -> None:
    existing = doctor.residents.get(first_resident(doctor, 5), audit=False)
    editor = open_editor(qtbot, doctor, None)
    editor.edits["name"].setText("另一个名字")
    editor.street.select(existing.draft.street_id)
    editor.committee.select(existing.draft.committee_id)
    editor.edits["id_number"].setText(existing.draft.id_number)
    opened: list[uuid.UUID] = []
    editor.open_instead.connect(opened.append)
    seen: list[bool] = []

    def choose_existing(dialog: DuplicateDialog) -> None:
        seen.append(dialog.anyway_button is None)  # same ID number: filing anyway is not offered
        dialog.open_button.click()

    when_dialog_opens(choose_existing, editor)
    assert not editor.save()
    assert seen == [True] and opened == [existing.id] and not editor.isVisible()


def test_look_alike_can_be_filed_anyway(qtbot: QtBot, doctor: Services) -> None:
    existing = doctor.residents.get(first_resident(doctor, 9), audit=False)
    editor = open_editor(qtbot, doctor, None)
    editor.edits["name"].setText(existing.draft.name)
    editor.edits["birth_date"].setText(existing.draft.birth_date)
    editor.combos["sex"].set_value(existing.draft.sex)
    editor.street.select(existing.draft.street_id)
    editor.committee.select(existing.draft.committee_id)
    count = doctor.residents.count(Filters())

    def not_the_same_person(dialog: DuplicateDialog) -> None:
        assert dialog.anyway_button is not None
        assert dialog.table.item(0, 6).text() == "姓名和出生日期相同"
        dialog.anyway_button.click()

    when_dialog_opens(not_the_same_person, editor)
    assert editor.save()
    assert editor.saved_file is not None and editor.saved_file.record_no
    assert doctor.residents.count(Filters()) == count + 1


def test_history_is_checked_and_saved_by_a_doctor(qtbot: QtBot, doctor: Services, shots: Path) -> None:
    rid = elderly_without_history(doctor)
    editor = open_editor(qtbot, doctor, rid)
    editor.tabs.setCurrentIndex(2)
    assert editor.tabs.tabText(2) == "既往史"
    editor.history["disease"].add_button.click()
    row = editor.history["disease"].rows[-1]
    assert editor.combos["past_disease_status"].value() == "2"  # a line added: 有
    qtbot.waitUntil(editor.errors["history"].isVisible)
    assert "请选择代码" in editor.errors["history"].text()
    assert row.code is not None
    row.code.set_value("2")  # 高血压
    row.year.setValue(2015)
    row.month.setValue(3)
    qtbot.waitUntil(lambda: not editor.errors["history"].isVisible())
    snap(editor, shots, "editor-history")
    assert editor.save()
    saved = doctor.residents.get(rid, audit=False)
    assert any(
        h.kind == "disease" and h.code == "2" and (h.year, h.month) == (2015, 3) for h in saved.draft.history
    )
    assert saved.draft.past_disease_status == "2"
    assert "hypertension" in {t.code for t in saved.key_populations}  # derived from the history


def test_a_clerk_sees_no_clinical_tab_and_keeps_the_history_intact(
    qtbot: QtBot, clerk: Services, doctor: Services
) -> None:
    rid = first_resident(doctor, 1)
    history = doctor.residents.get(rid, audit=False).draft.history
    editor = open_editor(qtbot, clerk, rid)
    tabs = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert tabs == ["封面", "基本信息", "家庭", "重点人群", "签约", "转诊", "档案状态"]
    assert "drug_allergies" not in editor.pickers
    retype(qtbot, editor, "contact_name", "王小明")
    assert editor.save()
    after = doctor.residents.get(rid, audit=False).draft
    assert after.contact_name == "王小明" and after.history == history


def test_an_administrator_reads_but_cannot_change(qtbot: QtBot, admin: Services) -> None:
    editor = open_editor(qtbot, admin, elderly_without_history(admin))
    assert not editor.save_button.isVisible() and editor.cancel_button.text() == "关闭"
    assert editor.edits["name"].isReadOnly() and not editor.street.isEnabled()
    assert "既往史" not in [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    household, tags, contract, status = editor.file_tabs
    assert not contract.sign_button.isEnabled()  # type: ignore[attr-defined]
    editor.tabs.setCurrentWidget(household)
    assert household.members.rowCount() >= 1 and not household.join_button.isVisible()
    editor.tabs.setCurrentWidget(tags)
    assert tags.tags.rowCount() >= 1 and not tags.add.isVisible()
    editor.tabs.setCurrentWidget(status)
    assert not status.apply.isEnabled()
    assert not editor.save()


def test_tab_walks_into_the_next_tab_and_back(qtbot: QtBot, doctor: Services) -> None:
    editor = open_editor(qtbot, doctor, None)
    editor.edits["filing_date"].setFocus()
    qtbot.keyClick(editor.edits["filing_date"], Qt.Key.Key_Tab)
    assert editor.tabs.currentIndex() == 1 and editor.edits["id_number"].hasFocus()
    qtbot.keyClick(editor.edits["id_number"], Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert editor.tabs.currentIndex() == 0 and editor.edits["filing_date"].hasFocus()


def test_household_leave_and_start_a_new_one(qtbot: QtBot, doctor: Services) -> None:
    rid = first_resident(doctor, 3)
    editor = open_editor(qtbot, doctor, rid)
    household = editor.file_tabs[0]
    editor.tabs.setCurrentWidget(household)
    assert household.members.rowCount() >= 1
    changed: list[uuid.UUID] = []
    editor.changed.connect(changed.append)
    household.leave.click()
    assert household.members.rowCount() == 0 and household.summary.text() == "尚未加入任何家庭。"
    household.new_household.click()
    assert household.members.rowCount() == 1 and household.members.item(0, 1).text() == "户主"
    assert changed == [rid, rid]

    other = first_resident(doctor, 40)
    other_name = doctor.residents.get(other, audit=False).draft.name
    household.find_edit.setText(other_name)
    household.find_edit.setFocus()
    qtbot.keyClick(household.find_edit, Qt.Key.Key_Return)  # searches; does not press 保存
    assert editor.isVisible() and household.found.count() >= 1
    household.relation.set_value("10")  # 配偶
    household.join_button.click()
    assert household.members.rowCount() >= 2 and household.error.text() == ""


def test_key_population_tag_added_and_ended(qtbot: QtBot, clerk: Services) -> None:
    editor = open_editor(qtbot, clerk, first_resident(clerk, 2))
    tab = editor.file_tabs[1]
    rows = tab.tags.rowCount()
    tab.code.select("low_income")
    tab.note.setText("低保证 2026-001")
    tab.add.click()
    assert tab.tags.rowCount() == rows + 1 and tab.error.text() == ""
    labels = [tab.tags.item(i, 0).text() for i in range(tab.tags.rowCount())]
    row = labels.index("脱贫/低保/特困")
    assert tab.tags.item(row, 1).text() == "人工标记" and tab.tags.item(row, 3).text() == "低保证 2026-001"
    tab.add.click()  # twice: the service refuses
    assert tab.error.text() == "已标记该重点人群"
    tab.tags.selectRow(row)
    tab.end.click()
    assert tab.tags.rowCount() == rows


def test_status_needs_its_reason_and_never_deletes(qtbot: QtBot, doctor: Services) -> None:
    rid = first_resident(doctor)
    editor = open_editor(qtbot, doctor, rid)
    tab = editor.file_tabs[-1]
    editor.tabs.setCurrentWidget(tab)
    assert not tab.death_cause.isVisible()
    tab.status.select("dead")
    assert tab.death_cause.isVisible() and tab.death_place.isVisible() and not tab.moved_to.isVisible()
    tab.apply.click()
    assert tab.errors["death_cause"].text() == "死亡请写明死亡原因"
    tab.death_cause.setText("脑出血")
    tab.death_place.select("home")
    tab.apply.click()
    dead = doctor.residents.get(rid, audit=False)
    assert (dead.status, dead.death_place) == ("dead", "home")
    assert (
        tab.now.text().startswith("死亡")
        and "脑出血" in tab.now.text()
        and "死亡地点：家中" in tab.now.text()
    )
    assert "死亡" in editor.heading.text()
    assert doctor.residents.count(Filters(status="dead")) == 1


def test_enter_in_a_closed_combo_saves(qtbot: QtBot, doctor: Services) -> None:
    rid = first_resident(doctor)
    editor = open_editor(qtbot, doctor, rid)
    editor.tabs.setCurrentIndex(1)
    combo = editor.combos["education"]
    combo.setFocus()
    qtbot.keyClicks(combo, "2")  # the code on the paper form: 大学本科
    assert combo.value() == "2"
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(combo, Qt.Key.Key_Return)
    assert doctor.residents.get(rid, audit=False).draft.education == "2"
