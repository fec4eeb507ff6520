"""Two-way referrals in the UI: the referral form from draft to completed (the doctor at the centre
recording the hospital's answers), cancelling with a reason, read-only for who may not write, the
register with its filters and monthly counts, and the resident's 转诊 tab."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from chc_desktop.domain import referrals as rules
from chc_desktop.services.app import Services
from chc_desktop.services.referrals import ReferralInfo
from chc_desktop.services.residents import Filters
from chc_desktop.services.sites import site_id
from chc_desktop.store.database import Database
from chc_desktop.ui.referrals.editor import ReasonDialog, ReferralEditor
from chc_desktop.ui.referrals.models import (
    MonthlyModel,
    RegisterModel,
    StepsModel,
    back_year_on_year,
)
from chc_desktop.ui.referrals.register_page import ReferralRegisterPage, ReferralTab
from tests.conftest import TODAY
from tests.ui.conftest import as_user, private_copy, snap, type_text


@pytest.fixture
def ui_db(plain_template: Path, tmp_path: Path) -> Iterator[Database]:
    """The demo without its referrals: these tests count every row of the register."""
    yield from private_copy(plain_template, tmp_path)


TONGREN = site_id("hospital", "同仁医院")
HUADONG = site_id("hospital", "华东医院")
CHENGJIAQIAO = site_id("centre", "程家桥社区卫生服务中心")
UP = {"impression": "肺部感染可能", "history_present": "发热三天，咳嗽加重"}
BACK = {"diagnosis": "社区获得性肺炎", "treatment": "抗感染治疗七天", "plan": "社区随访，两周后复查胸片"}


def signed_resident(services: Services) -> uuid.UUID:
    """A resident signed with the doctor's team (a 转出 gets the green channel)."""
    return services.residents.page(Filters(contract="mine"), 0, 1)[0].id


def other_residents(services: Services, n: int) -> list[uuid.UUID]:
    return [r.id for r in services.residents.page(Filters(contract="unsigned"), 0, n)]


def sent(services: Services, rid: uuid.UUID, on: dt.date, direction: str = "up") -> ReferralInfo:
    """A referral sent on ``on`` (the day is the service's today when it is sent)."""
    content = UP if direction == "up" else BACK
    r = services.referrals.create(rid, direction, TONGREN, department="呼吸内科", content=content)
    return Services(services.db, services.user, on).referrals.step(r.id, "send")


def visible_steps(editor: ReferralEditor) -> list[str]:
    return [step.value for step, b in editor.step_buttons.items() if b.isVisibleTo(editor)]


def open_editor(qtbot: QtBot, editor: ReferralEditor) -> ReferralEditor:
    qtbot.addWidget(editor)
    editor.resize(900, 820)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()  # keys and shortcuts go to the active window
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def when_reason_asked(editor: ReferralEditor, answer: Callable[[ReasonDialog], None]) -> None:
    """Answer the modal reason dialog once it is up; it is closed whatever the answer did."""

    def respond() -> None:
        dialog = editor.reason_dialog
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, respond)
            return
        try:
            answer(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, respond)


# ---------------------------------------------------------------- models and read-outs
def test_the_table_models(qtmodeltester: ModelTester, doctor: Services) -> None:
    rid = signed_resident(doctor)
    a = sent(doctor, rid, TODAY)
    doctor.referrals.step(a.id, "receive")
    b = doctor.referrals.create(rid, "back", CHENGJIAQIAO, content=BACK)
    register = RegisterModel()
    register.set_items(doctor.referrals.register())
    assert register.rowCount() == 2 and register.columnCount() == 11
    qtmodeltester.check(register)
    assert register.headerData(10, Qt.Orientation.Horizontal) == "绿色通道"
    first, second = register.items
    assert (first.id, second.id) == (b.id, a.id)  # newest first
    row = [register.index(1, c).data() for c in range(11)]
    assert row[:3] == [TODAY.isoformat(), "转出", "已接收"]
    assert row[7:] == ["同仁医院", "呼吸内科", "王医生", "优先就诊、优先检查、优先住院"]
    assert register.index(0, 0).data() == ""  # a draft has not been sent

    monthly = MonthlyModel()
    monthly.set_items(doctor.referrals.monthly())
    qtmodeltester.check(monthly)
    assert [monthly.index(0, c).data() for c in range(3)] == ["2026-11", "1", "0"]

    steps = StepsModel()
    steps.set_items(doctor.referrals.get(a.id).steps)
    qtmodeltester.check(steps)
    assert [steps.index(r, 1).data() for r in range(2)] == ["发出", "接收"]
    assert steps.index(1, 2).data() == "已发出 → 已接收" and steps.index(1, 3).data() == "王医生"


def test_year_on_year_only_when_it_can_be_said() -> None:
    M = rules.MonthCount
    counts = [M("2025-01", 3, 1), M("2025-06", 2, 1), M("2025-11", 0, 4), M("2026-03", 1, 3)]
    yoy = back_year_on_year(counts, TODAY)
    assert yoy is not None and (yoy.months, yoy.this_year, yoy.last_year) == (10, 3, 2)
    assert yoy.change_percent == 50.0  # November, not finished, is left out on both sides
    assert back_year_on_year(counts[1:], TODAY) is None  # the register starts after last January
    assert back_year_on_year([M("2025-01", 3, 0), M("2026-02", 0, 2)], TODAY) is None  # nothing to compare
    assert back_year_on_year(counts, dt.date(2026, 1, 20)) is None  # no finished month this year
    assert back_year_on_year([], TODAY) is None


# ---------------------------------------------------------------- the referral form
def test_an_up_referral_from_draft_to_completed(
    qtbot: QtBot, doctor: Services, shots: Path, asked: list[str]
) -> None:
    rid = signed_resident(doctor)
    file = doctor.residents.get(rid, audit=False)
    editor = open_editor(qtbot, ReferralEditor.new(doctor, rid))
    assert editor.head.text().startswith(f"{file.draft.name}　")
    assert f"档案编号 {file.record_no_formatted}" in editor.head.text()
    assert editor.status.text() == "草稿（未保存）" and editor.up_radio.isChecked()
    assert visible_steps(editor) == ["send"] and editor.save_button.isVisible()
    assert editor.site.index_of(doctor.user.site_id) < 0  # type: ignore[union-attr]  # not one's own centre
    assert editor.site.index_of(CHENGJIAQIAO) > 0 and editor.site.index_of(TONGREN) > 0

    editor.save_button.click()
    assert editor.errors["to_site_id"].text() == "请选择接收的医院或社区卫生服务中心"
    assert editor.referral is None
    type_text(qtbot, editor.site, "同仁")
    assert editor.site.currentData() == TONGREN
    type_text(qtbot, editor.department, "呼吸内科")
    type_text(qtbot, editor.content[rules.Direction.UP]["history_present"], "发热三天，咳嗽加重")
    type_text(qtbot, editor.content[rules.Direction.UP]["history_past"], "高血压十年")
    with qtbot.waitSignal(editor.changed) as saved:
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    draft = editor.referral
    assert draft is not None and saved.args == [draft.id]
    assert (draft.status_label, draft.department, draft.content["history_past"]) == (
        "草稿",
        "呼吸内科",
        "高血压十年",
    )
    assert editor.notice.text() == "草稿已保存。" and editor.status.text() == "草稿"
    assert not editor.site.isEnabled() and not editor.up_radio.isEnabled() and editor.department.isReadOnly()
    assert editor.priorities.isVisibleTo(editor)
    assert editor.priorities.text() == "优先就诊、优先检查、优先住院"
    assert visible_steps(editor) == ["send", "cancel"]
    snap(editor, shots, "referral-editor-draft")

    editor.step_buttons[rules.Step.SEND].click()  # refused: 初步印象 is empty
    assert editor.content_errors[rules.Direction.UP]["impression"].text() == "发出前请填写初步印象"
    assert doctor.referrals.get(draft.id).status == "draft"
    snap(editor, shots, "referral-editor-refused")
    type_text(qtbot, editor.content[rules.Direction.UP]["impression"], "肺部感染可能")
    type_text(qtbot, editor.expert_slot, "12月2日上午 呼吸科专家门诊")
    with qtbot.waitSignal(editor.changed):
        editor.step_buttons[rules.Step.SEND].click()  # saves the text, then sends
    sent_ = doctor.referrals.get(draft.id)
    assert (sent_.status_label, sent_.sent_on, sent_.content["impression"]) == (
        "已发出",
        TODAY,
        "肺部感染可能",
    )
    assert sent_.expert_slot == "12月2日上午 呼吸科专家门诊"
    assert not editor.content_errors[rules.Direction.UP]["impression"].isVisible()
    assert editor.status.text() == "已发出" and editor.notice.text() == "转诊已发出。"
    assert editor.content[rules.Direction.UP]["impression"].isReadOnly() and editor.expert_slot.isReadOnly()
    assert not editor.save_button.isVisible()
    assert visible_steps(editor) == ["receive", "return", "cancel"]
    assert editor.step_buttons[rules.Step.RECEIVE].toolTip() == "代同仁医院登记（电话确认后）"

    editor.step_buttons[rules.Step.RECEIVE].click()  # the hospital's answer, recorded by the centre
    assert visible_steps(editor) == ["complete"]
    editor.step_buttons[rules.Step.COMPLETE].click()
    assert editor.status.text() == "已完成" and visible_steps(editor) == []
    assert [editor.steps.index(r, 1).data() for r in range(editor.steps.rowCount())] == [
        "发出",
        "接收",
        "完成",
    ]
    assert editor.steps_box.isVisible()
    assert editor.minimumSizeHint().height() <= 720  # fits a 1366×768 laptop
    snap(editor, shots, "referral-editor-completed")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # nothing unsaved: closes without asking
    assert not editor.isVisible() and asked == []


def test_cancel_asks_for_a_reason_and_the_service_refuses_an_empty_one(
    qtbot: QtBot, doctor: Services, shots: Path
) -> None:
    rid = signed_resident(doctor)
    r = sent(doctor, rid, TODAY)
    editor = open_editor(qtbot, ReferralEditor.open_referral(doctor, r.id))
    assert editor.windowTitle() == f"转出单 — {r.resident_name}"
    refused: list[str] = []

    def answer(dialog: ReasonDialog) -> None:
        dialog.accept_form()  # empty: the service refuses
        refused.append(dialog.error.text())
        snap(dialog, shots, "referral-reason")
        type_text(qtbot, dialog.text, "患者改变主意")
        dialog.accept_form()

    when_reason_asked(editor, answer)
    with qtbot.waitSignal(editor.changed):
        editor.step_buttons[rules.Step.CANCEL].click()
    assert refused == ["撤销须写明原因"]
    done = doctor.referrals.get(r.id)
    assert (done.status_label, done.closed_reason) == ("已撤销", "患者改变主意")
    assert editor.status.text() == "已撤销" and visible_steps(editor) == []
    assert editor.steps.index(1, 4).data() == "患者改变主意"

    # A reason dialog left with 取消 changes nothing.
    other = sent(doctor, rid, TODAY)
    second = open_editor(qtbot, ReferralEditor.open_referral(doctor, other.id))
    when_reason_asked(second, lambda dialog: dialog.reject())
    second.step_buttons[rules.Step.RETURN].click()
    assert doctor.referrals.get(other.id).status_label == "已发出"


def test_a_back_referral_has_its_own_fields_and_a_refused_step_is_explained(
    qtbot: QtBot, doctor: Services, ui_db: object
) -> None:
    rid = other_residents(doctor, 1)[0]
    editor = open_editor(qtbot, ReferralEditor.new(doctor, rid))
    editor.back_radio.click()
    assert editor.pages.currentIndex() == 1 and editor.content_box.title().startswith("回转单内容")
    type_text(qtbot, editor.site, "程家桥")
    for key, text in BACK.items():
        type_text(qtbot, editor.content[rules.Direction.BACK][key], text)
    editor.step_buttons[rules.Step.SEND].click()
    r = editor.referral
    assert r is not None and (r.direction, r.status_label, r.to_site) == (
        "back",
        "已发出",
        "程家桥社区卫生服务中心",
    )
    assert r.priorities == () and not editor.priorities.isVisibleTo(editor)
    assert editor.step_buttons[rules.Step.RECEIVE].toolTip() == ""  # a centre answers for itself
    editor.step_buttons[rules.Step.RECEIVE].click()
    assert editor.errors["_"].text() == "只有接收方可以接收"
    assert editor.status.text() == "已发出"


def test_esc_asks_before_dropping_typed_text(qtbot: QtBot, doctor: Services, asked: list[str]) -> None:
    editor = open_editor(qtbot, ReferralEditor.new(doctor, signed_resident(doctor)))
    type_text(qtbot, editor.content[rules.Direction.UP]["impression"], "胸痛待查")
    qtbot.keyClick(editor.department, Qt.Key.Key_Escape)
    assert asked == ["转诊单有未保存的修改。放弃这些修改吗？"] and not editor.isVisible()  # answered 放弃
    assert doctor.referrals.register() == []


def test_without_referral_write_the_form_is_read_only(qtbot: QtBot, doctor: Services, ui_db: object) -> None:
    r = sent(doctor, signed_resident(doctor), TODAY)
    clerk = as_user(ui_db, "clerk")  # type: ignore[arg-type]
    editor = open_editor(qtbot, ReferralEditor.open_referral(clerk, r.id))
    assert visible_steps(editor) == [] and not editor.save_button.isVisible()
    assert editor.content[rules.Direction.UP]["impression"].isReadOnly()
    assert editor.content[rules.Direction.UP]["impression"].toPlainText() == "肺部感染可能"
    tab = ReferralTab(clerk, clerk.residents.get(r.resident_id, audit=False))
    qtbot.addWidget(tab)
    assert not tab.new_up.isVisibleTo(tab) and tab.model.rowCount() == 1


# ---------------------------------------------------------------- the register
def test_the_register_filters_and_counts(qtbot: QtBot, doctor: Services, shots: Path) -> None:
    people = [signed_resident(doctor), *other_residents(doctor, 3)]
    sent(doctor, people[0], TODAY)
    sent(doctor, people[1], dt.date(2026, 10, 9))
    sent(doctor, people[2], dt.date(2025, 1, 14), "back")
    sent(doctor, people[3], dt.date(2025, 6, 3), "back")
    sent(doctor, people[2], dt.date(2026, 3, 2), "back")
    sent(doctor, people[3], dt.date(2026, 5, 20), "back")
    sent(doctor, people[1], dt.date(2026, 8, 11), "back")
    draft = doctor.referrals.create(people[0], "up", HUADONG, content=UP)
    page = ReferralRegisterPage(doctor)
    qtbot.addWidget(page)
    page.resize(1240, 640)
    page.show()
    qtbot.waitExposed(page)
    assert page.model.rowCount() == 8 and page.count.text() == "共 8 条"
    months = [page.month.itemText(i) for i in range(page.month.count())]
    assert months == ["全部", "2026-11", "2026-10", "2026-08", "2026-05", "2026-03", "2025-06", "2025-01"]
    assert page.monthly.rowCount() == 7
    assert [page.monthly.index(0, c).data() for c in range(3)] == ["2026-11", "1", "0"]
    assert page.year_on_year.text() == "回转（下转）较去年同期：1–10月 今年 3 例，去年 2 例，+50.0%"

    page.direction.select("back")
    assert page.model.rowCount() == 5 and all(r.direction == "back" for r in page.model.items)
    page.month.select("2026-03")
    assert [r.sent_on for r in page.model.items] == [dt.date(2026, 3, 2)]
    page.direction.select(None)
    page.month.select(None)
    page.status.select("draft")
    assert [r.id for r in page.model.items] == [draft.id]
    page.status.select(None)
    page.site.select(HUADONG)
    assert [r.id for r in page.model.items] == [draft.id]
    page.site.select(None)
    page.month.select(f"{TODAY:%Y-%m}")
    assert page.model.rowCount() == 1 and page.count.text() == "共 1 条"
    page.month.select(None)
    snap(page, shots, "referral-register")

    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(2, 0))
    wanted = page.model.items[2]
    with qtbot.waitSignal(page.open_resident) as opened:
        page.open_resident_button.click()
    assert opened.args == [wanted.resident_id]
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    editor = page.editor
    assert editor is not None and editor.referral is not None and editor.referral.id == wanted.id
    qtbot.waitExposed(editor)
    # A step taken in the form shows in the register at once.
    with qtbot.waitSignal(page.changed):
        editor.step_buttons[rules.Step.RECEIVE].click()
    assert page.model.items[2].status_label == "已接收"
    assert page.table.currentIndex().row() == 2  # still on the same referral
    editor.reject()
    assert page.editor is None


def test_the_register_explains_a_refusal(qtbot: QtBot, admin: Services) -> None:
    page = ReferralRegisterPage(admin)  # the administrator may not read referrals
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0 and page.message.text() == "您的角色无权查看转诊"
    assert not page.open_resident_button.isEnabled()


# ---------------------------------------------------------------- the resident's tab
def test_the_resident_tab_lists_that_resident_and_starts_new_ones(
    qtbot: QtBot, doctor: Services, shots: Path
) -> None:
    rid, other = signed_resident(doctor), other_residents(doctor, 1)[0]
    first = sent(doctor, rid, dt.date(2026, 9, 1))
    sent(doctor, other, TODAY)
    doctor.referrals.create(rid, "back", CHENGJIAQIAO, content=BACK)
    tab = ReferralTab(doctor, doctor.residents.get(rid, audit=False))
    qtbot.addWidget(tab)
    tab.resize(900, 400)
    tab.show()
    assert tab.objectName() == "referral_tab" and tab.summary.text() == "共 2 次转诊。"
    snap(tab, shots, "referral-tab")
    assert {r.resident_id for r in tab.model.items} == {rid}
    assert all(tab.table.isColumnHidden(c) for c in (3, 4, 5))

    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(1, 0))
    tab.open_button.click()
    assert tab.editor is not None and tab.editor.referral is not None and tab.editor.referral.id == first.id
    tab.editor.reject()

    tab.new_up.click()
    editor = tab.editor
    assert editor is not None and editor.referral is None and editor.up_radio.isChecked()
    qtbot.waitExposed(editor)
    editor.site.select(HUADONG)
    with qtbot.waitSignal(tab.changed):
        editor.save_draft()
    assert tab.summary.text() == "共 3 次转诊。" and tab.model.items[0].to_site == "华东医院"
    editor.reject()
    tab.new_back.click()
    assert tab.editor is not None and tab.editor.back_radio.isChecked()
    tab.editor.reject()


def test_a_hospitals_back_referral_is_entered_and_followed_here(
    qtbot: QtBot, doctor: Services, shots: Path
) -> None:
    rid = signed_resident(doctor)
    editor = open_editor(qtbot, ReferralEditor.new(doctor, rid, direction=rules.Direction.BACK))
    assert editor.from_site.isVisibleTo(editor) and not editor.from_hint.isVisibleTo(editor)
    editor.from_site.select(TONGREN)
    own = doctor.user.site_id  # type: ignore[union-attr]
    assert editor.site.currentData() == own and not editor.site.isEnabled()
    assert editor.from_hint.isVisibleTo(editor)
    for key, text in BACK.items():
        type_text(qtbot, editor.content[rules.Direction.BACK][key], text)
    assert editor.save_draft()
    r = editor.referral
    assert r is not None and (r.from_site, r.to_site, r.direction) == (
        "同仁医院",
        "仙霞社区卫生服务中心",
        "back",
    )
    assert visible_steps(editor) == ["send", "cancel"]  # sent on the hospital's behalf
    snap(editor, shots, "referral-back-from-hospital")
    editor.step_buttons[rules.Step.SEND].click()
    assert visible_steps(editor) == ["receive", "return", "cancel"]  # received here, or withdrawn
    editor.step_buttons[rules.Step.RECEIVE].click()
    editor.step_buttons[rules.Step.COMPLETE].click()
    assert editor.status.text() == "已完成" and visible_steps(editor) == []
    assert not editor.from_site.isEnabled() and editor.from_site.currentText() == "同仁医院"
