"""The home-bed UI: the table models; applying from the resident's tab; registering and returning from
the bed's page (refusals under their fields); a nurse recording a visit with the keyboard alone; an
impossible vital sign; a correction with its reason beside what it corrects; renewal and discharge;
the list's filters; the monthly statistics and their chart; and screenshots to look at.

Every bed is made here through the service: nothing depends on beds in the demo data, and no test
counts the whole list."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from chc_desktop.domain.homebeds import MonthStats
from chc_desktop.services.app import Services
from chc_desktop.services.homebeds import ApplicationDraft, Discharge, Registration, VisitDraft
from chc_desktop.store.database import Database
from chc_desktop.ui.homebeds import (
    ApplicationDialog,
    BedListPage,
    BedPage,
    DischargeDialog,
    HomeBedTab,
    RegistrationDialog,
    ReturnDialog,
    StatsChart,
    VisitEntry,
)
from chc_desktop.ui.homebeds.models import BedListModel, MonthlyModel, VisitsModel, vitals_text
from chc_desktop.ui.homebeds.stats_chart import nice_ticks
from tests.conftest import TODAY
from tests.services.helpers import draft, id_number
from tests.ui.conftest import as_user, snap, type_text

APPLICATION = ApplicationDraft(
    diagnosis="脑梗死后遗症", icd10="I69.3", indication="长期卧床，需定期换药和康复指导", bed_type="2"
)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour)).astimezone()


def on(services: Services, day: dt.date) -> Services:
    """The same user on another day."""
    return Services(services.db, services.user, day)


def new_resident(doctor: Services, name: str, serial: str) -> uuid.UUID:
    return doctor.residents.file(
        draft(doctor, name=name, id_number=id_number("19400202", serial), phone="")
    ).id


@pytest.fixture
def rid(doctor: Services) -> uuid.UUID:
    return new_resident(doctor, "家床测试", "551")


@pytest.fixture
def nurse(ui_db: Database) -> Services:
    return as_user(ui_db, "nurse")


def nurse_id(services: Services) -> uuid.UUID:
    return next(u.id for u in services.users.staff("nurse") if u.username == "nurse")


def opened(
    doctor: Services, rid: uuid.UUID, start: dt.date = TODAY, draft: ApplicationDraft = APPLICATION
) -> uuid.UUID:
    """A bed applied for and registered on ``start`` by the doctor, with the demo nurse."""
    bed = on(doctor, start).homebeds.apply(rid, draft)
    assert doctor.user is not None
    registration = Registration(start, doctor.user.id, start, nurse_id(doctor))
    return on(doctor, start).homebeds.register(bed.id, registration).id


def visited(doctor: Services, bid: uuid.UUID, day: dt.date, hour: int = 10, **kw: object) -> uuid.UUID:
    return on(doctor, day).homebeds.visit(bid, VisitDraft(at(day, hour), **kw)).id  # type: ignore[arg-type]


def shown(qtbot: QtBot, widget: QWidget, width: int, height: int) -> None:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()  # keys and shortcuts go to the active window
    qtbot.waitUntil(widget.isActiveWindow)


def page_for(qtbot: QtBot, services: Services, bid: uuid.UUID) -> BedPage:
    page = BedPage(services, bid)
    shown(qtbot, page, 1120, 780)
    return page


def say_yes(monkeypatch: pytest.MonkeyPatch, asked: list[str]) -> None:
    def question(_parent: object, _title: str, text: str, *args: object, **kwargs: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)


def column(model: BedListModel | VisitsModel | MonthlyModel, c: int) -> list[str]:
    return [model.index(r, c).data() for r in range(model.rowCount())]


# ---------------------------------------------------------------- models
def test_the_table_models(qtmodeltester: ModelTester, doctor: Services, rid: uuid.UUID) -> None:
    beds, visits, monthly = BedListModel(), VisitsModel(), MonthlyModel()
    for model in (beds, visits, monthly):
        qtmodeltester.check(model)
    bid = opened(doctor, rid, TODAY - dt.timedelta(days=100))  # past the 90-day cycle: a warning
    first = visited(
        doctor, bid, TODAY - dt.timedelta(days=3), complaint="乏力", vitals={"sbp": 190, "dbp": 95}
    )
    v = doctor.homebeds.visits(bid)[0]
    fixed = doctor.homebeds.correct(
        first,
        VisitDraft(v.visited_at, complaint="乏力", vitals={"sbp": 150, "dbp": 95, "temperature": 36.8}),
        "收缩压录入错误",
    )
    beds.set_items([doctor.homebeds.get(bid)])
    visits.set_items(doctor.homebeds.visits(bid))
    monthly.set_items(doctor.homebeds.monthly(2026))
    for model in (beds, visits, monthly):
        qtmodeltester.check(model)

    assert beds.columnCount() == 13 and beds.headerData(12, Qt.Orientation.Horizontal) == "提示"
    row = [beds.index(0, c).data() for c in range(13)]
    start, end = TODAY - dt.timedelta(days=100), TODAY - dt.timedelta(days=10)
    age = str(doctor.homebeds.get(bid).age)
    assert row[1:9] == ["家床测试", "男", age, "康复型", "在床", str(start), str(end), "100"]
    assert row[9:12] == ["王医生", "李护士", "脑梗死后遗症"]
    assert "超过建床周期上限 90 天" in row[12]
    red = beds.data(beds.index(0, BedListModel.WARNINGS), Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.color().name() == "#b3261e"
    tip = beds.data(beds.index(0, BedListModel.WARNINGS), Qt.ItemDataRole.ToolTipRole)
    assert "依据：建床周期上限 = 90 天" in tip and "来源：policy-defaults.md" in tip

    assert visits.rowCount() == 2 and [v.id for v in visits.items] == [fixed.id, first]
    assert visits.index(0, 1).data() == "查床（医生）" and visits.index(0, 2).data() == "王医生"
    assert visits.index(0, 4).data() == "血压 150/95 mmHg，体温 36.8 °C"
    when_first = at(TODAY - dt.timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    assert visits.index(0, VisitsModel.NOTE).data() == f"更正 {when_first} 的记录：收缩压录入错误"
    assert visits.index(1, VisitsModel.NOTE).data() == "已更正"
    grey = visits.data(visits.index(1, 0), Qt.ItemDataRole.ForegroundRole)
    assert grey is not None and grey.color().name() == "#8a96a3"

    assert column(monthly, 0)[-1] == "2026-11" and len(column(monthly, 0)) == 11  # January to this month
    assert monthly.headerData(5, Qt.Orientation.Horizontal) == "新建床（按类型）"


def test_the_read_outs() -> None:
    assert vitals_text({}) == ""
    assert vitals_text({"sbp": 150}) == "收缩压 150 mmHg"
    assert vitals_text({"glucose": 7.2, "dbp": 90, "sbp": 150.0, "spo2": 96}) == (
        "血压 150/90 mmHg，血氧饱和度 96 %，血糖 7.2 mmol/L"
    )
    assert nice_ticks(0) == [0, 1] and nice_ticks(4) == [0, 1, 2, 3, 4] and nice_ticks(7) == [0, 2, 4, 6, 8]
    assert nice_ticks(23) == [0, 5, 10, 15, 20, 25] and nice_ticks(180)[-1] == 200


# ---------------------------------------------------------------- the resident's tab
def test_applying_from_the_tab(qtbot: QtBot, doctor: Services, rid: uuid.UUID, shots: Path) -> None:
    tab = HomeBedTab(doctor, doctor.residents.get(rid))
    shown(qtbot, tab, 1000, 520)
    assert tab.objectName() == "homebed_tab" and tab.summary.text() == "尚无家庭病床。"
    assert not tab.days.isVisible() and tab.apply_button.isVisible() and not tab.open_button.isEnabled()

    dialog = tab.apply()
    assert isinstance(dialog, ApplicationDialog) and tab.dialog is dialog and dialog.isVisible()
    dialog.accept_form()  # nothing filled in: the service's reasons under the fields
    assert dialog.errors["diagnosis"].text() == "请填写建床诊断"
    assert dialog.errors["indication"].text() == "请填写收治指征和建床理由"
    assert dialog.isVisible()
    dialog.diagnosis.setFocus()
    type_text(qtbot, dialog.diagnosis, "胰腺癌")
    type_text(qtbot, dialog.icd10, "c25.9")
    dialog.bed_type.setFocus()
    qtbot.keyClicks(dialog.bed_type, "3")  # the code on the form selects 舒缓照顾型
    assert dialog.bed_type.currentData() == "3"
    type_text(qtbot, dialog.indication, "晚期肿瘤，居家安宁疗护")
    with qtbot.waitSignal(tab.changed):
        dialog.accept_form()
    assert not dialog.isVisible() and tab.dialog is None
    assert tab.model.rowCount() == 1 and tab.summary.text() == "共 1 个家庭病床周期。"
    bed = tab.model.items[0]
    assert (bed.status_label, bed.type_label, bed.icd10) == ("申请", "舒缓照顾型", "C25.9")
    assert tab.notice.text() == "已提交家庭病床申请，待社区卫生服务中心登记建床。"
    assert tab.table.isColumnHidden(1) and not tab.table.isColumnHidden(0)  # the name is the file's own

    again = tab.apply()  # one bed at a time: the refusal stays in the dialog
    type_text(qtbot, again.diagnosis, "胰腺癌")
    type_text(qtbot, again.indication, "再次申请")
    again.accept_form()
    assert again.errors["_"].text() == "该居民已有在办的家庭病床（申请中或在床）" and again.isVisible()
    again.reject()  # something typed: asked first (the test answers 放弃)
    assert not again.isVisible()

    with qtbot.waitSignal(tab.table.row_opened):
        tab.table.setFocus()
        tab.table.selectRow(0)
        qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert tab.page is not None and tab.page.objectName() == "bed_page"
    tab.page.reject()
    snap(tab, shots, "homebed-tab")


def test_the_tab_shows_bed_days_by_insurance_year_and_who_may_not_read(
    qtbot: QtBot, doctor: Services, clerk: Services, rid: uuid.UUID
) -> None:
    bid = opened(doctor, rid, dt.date(2026, 2, 1))  # insurance years start in April
    doctor.homebeds.discharge(bid, Discharge(dt.date(2026, 5, 1), "好转"))
    tab = HomeBedTab(doctor, doctor.residents.get(rid))
    shown(qtbot, tab, 1000, 520)
    assert tab.days.text() == "2026 医保年度 30 天；2025 医保年度 59 天"
    closed = HomeBedTab(clerk, clerk.residents.get(rid))
    shown(qtbot, closed, 800, 400)
    assert closed.summary.text() == "您的角色无权查看家庭病床。"
    assert not closed.table.isVisible() and not closed.apply_button.isVisible()


# ---------------------------------------------------------------- the bed's page
def test_registering_from_the_bed_page(
    qtbot: QtBot, doctor: Services, nurse: Services, rid: uuid.UUID
) -> None:
    bed = nurse.homebeds.apply(rid, APPLICATION)
    as_nurse = page_for(qtbot, nurse, bed.id)  # a nurse applies but does not open a bed
    assert not as_nurse.register_button.isVisible() and not as_nurse.return_button.isVisible()
    assert not as_nurse.visits_box.isVisible() and not as_nurse.registration_box.isVisible()
    as_nurse.reject()

    page = page_for(qtbot, doctor, bed.id)
    assert page.status.text() == "申请" and page.fields["applied"].text().startswith("李护士，")
    assert page.fields["diagnosis"].text() == "脑梗死后遗症（I69.3）"
    assert page.register_button.isVisible() and page.return_button.isVisible()
    assert not page.visit_button.isVisible() and not page.renew_button.isVisible()
    dialog = page.register_bed()
    assert isinstance(dialog, RegistrationDialog) and page.dialog is dialog
    assert dialog.doctor.currentText() == "王医生"  # the doctor registering, by default
    dialog.nurse.setCurrentIndex(dialog.nurse.index_of(nurse_id(doctor)))
    dialog.accept_form()  # the informed consent is not recorded: refused, under its field
    assert dialog.errors["consent_on"].text() == "请登记知情同意书签署日期"
    assert dialog.errors["consent_on"].isVisible() and dialog.isVisible()
    dialog.consent.given.setChecked(True)
    with qtbot.waitSignal(page.changed) as changed:
        dialog.accept_form()
    assert changed.args == [bed.id] and page.dialog is None
    assert page.status.text() == "在床" and page.bed.bed_no.startswith("2026-")
    assert page.fields["nurse"].text() == "李护士" and page.fields["consent_on"].text() == f"{TODAY} 签署"
    assert page.fields["planned_end"].text() == (TODAY + dt.timedelta(days=90)).isoformat()
    assert f"家床号 {page.bed.bed_no}" in page.facts.text() and "第 1 周期" in page.facts.text()
    assert page.notice.text() == "已登记建床。"
    assert (
        page.visit_button.isVisible() and page.renew_button.isVisible() and page.discharge_button.isVisible()
    )
    assert not page.register_button.isVisible() and page.detail.text() == "尚无查床记录。"
    qtbot.keyClick(page, Qt.Key.Key_Escape)  # Esc closes the page
    assert not page.isVisible()


def test_returning_an_application_needs_a_reason(qtbot: QtBot, doctor: Services, rid: uuid.UUID) -> None:
    bed = doctor.homebeds.apply(rid, APPLICATION)
    page = page_for(qtbot, doctor, bed.id)
    dialog = page.return_bed()
    assert isinstance(dialog, ReturnDialog)
    dialog.accept_form()
    assert dialog.errors["reason"].text() == "退回申请须写明原因" and dialog.isVisible()
    type_text(qtbot, dialog.text, "病情不稳定，建议住院治疗")
    dialog.accept_form()
    assert (
        page.status.text() == "退回" and page.fields["returned_reason"].text() == "病情不稳定，建议住院治疗"
    )
    assert page.fields["returned_reason"].isVisible()
    for b in (page.register_button, page.return_button, page.renew_button, page.discharge_button):
        assert not b.isVisible()


# ---------------------------------------------------------------- visits
def test_a_nurse_records_a_visit_with_the_keyboard_alone(
    qtbot: QtBot, doctor: Services, nurse: Services, rid: uuid.UUID, shots: Path
) -> None:
    bid = opened(doctor, rid, TODAY - dt.timedelta(days=5))
    page = page_for(qtbot, nurse, bid)
    assert page.visit_button.isVisible() and not page.discharge_button.isVisible()  # a nurse visits
    page.visit_button.setFocus()
    qtbot.keyClick(page.visit_button, Qt.Key.Key_Space)  # 记录查床… from the keyboard
    entry = page.visit_entry
    assert entry is not None and entry.isVisible()
    qtbot.waitExposed(entry)
    entry.activateWindow()
    qtbot.waitUntil(entry.isActiveWindow)
    assert entry.findChild(QWidget, "visit_role").text() == "本次为巡诊（护士），记录人：李护士"  # type: ignore[union-attr]

    def focused() -> QWidget | None:
        return QApplication.focusWidget()

    assert focused() is entry.complaint  # the time is now; the complaint comes first
    type_text(qtbot, entry.complaint, "夜间咳嗽，痰多")
    for key, typed in (
        ("sbp", "150"),
        ("dbp", "90"),
        ("pulse", "88"),
        ("temperature", "37.6"),
        ("respiration", "20"),
        ("spo2", "95"),
        ("glucose", "7.2"),
    ):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is entry.vitals[key]
        qtbot.keyClicks(entry.vitals[key], typed)
    for key, typed in (
        ("exam", "双肺呼吸音粗"),
        ("tests", ""),
        ("treatment", "雾化吸入，每日两次"),
        ("nursing", "翻身拍背"),
        ("communication", "告知家属观察体温"),
    ):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is entry.texts[key]
        if typed:
            type_text(qtbot, entry.texts[key], typed)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is entry.next_visit.given
    qtbot.keyClick(entry.next_visit.given, Qt.Key.Key_Space)  # a next visit is agreed: tomorrow
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is entry.next_visit.date
    snap(entry, shots, "homebed-visit-entry")

    with qtbot.waitSignal(entry.saved) as saved, qtbot.waitSignal(page.changed):
        qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not entry.isVisible()
    [visit] = nurse.homebeds.visits(bid)
    assert saved.args == [visit.id]
    assert (visit.role_label, visit.staff, visit.complaint, visit.nursing) == (
        "巡诊（护士）",
        "李护士",
        "夜间咳嗽，痰多",
        "翻身拍背",
    )
    assert dict(visit.vitals) == {
        "sbp": 150, "dbp": 90, "pulse": 88, "temperature": 37.6, "respiration": 20, "spo2": 95, "glucose": 7.2
    }  # fmt: skip
    assert visit.next_visit == TODAY + dt.timedelta(days=1) and visit.visited_at.astimezone().date() == TODAY
    assert page.visits.rowCount() == 1 and page.notice.text() == "已记录查床。"
    assert page.visits.index(0, 4).data().startswith("血压 150/90 mmHg，脉搏 88 次/分，体温 37.6 °C")
    assert (
        "护理：翻身拍背" in page.detail.text()
        and f"下次查床：{TODAY + dt.timedelta(days=1)}" in page.detail.text()
    )


def test_an_impossible_vital_sign_is_refused_beside_its_field(
    qtbot: QtBot, doctor: Services, rid: uuid.UUID, asked: list[str], shots: Path
) -> None:
    bid = opened(doctor, rid)
    entry = VisitEntry.for_bed(doctor, bid)
    shown(qtbot, entry, 860, 720)
    assert not entry.save()  # nothing recorded at all
    assert entry.errors["complaint"].text() == "请至少记录主诉、体格检查、生命体征、处理或护理之一"
    entry.vitals["sbp"].setFocus()
    qtbot.keyClicks(entry.vitals["sbp"], "400")
    qtbot.keyClicks(entry.vitals["temperature"], "3x6.5")  # letters do not go in
    assert entry.vitals["temperature"].text() == "36.5"
    with qtbot.assertNotEmitted(entry.saved):
        qtbot.keyClick(entry.vitals["sbp"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    error = entry.errors["sbp"]
    assert error.text() == "收缩压应在 50–260 mmHg 之间" and error.isVisible()
    assert error.parentWidget() is entry.vitals["sbp"].parentWidget()  # under the field itself
    assert not entry.errors["complaint"].isVisible() and entry.isVisible()
    assert QApplication.focusWidget() is entry.vitals["sbp"]  # ready to be put right
    snap(entry, shots, "homebed-visit-refused")
    assert doctor.homebeds.visits(bid) == []
    qtbot.keyClick(entry.vitals["sbp"], Qt.Key.Key_Escape)  # typed: asked first (answered 放弃)
    assert asked == ["查床记录尚未保存。放弃填写的内容吗？"] and not entry.isVisible()


def test_a_correction_with_its_reason_shows_both_entries(
    qtbot: QtBot, doctor: Services, rid: uuid.UUID
) -> None:
    bid = opened(doctor, rid, TODAY - dt.timedelta(days=10))
    first = visited(
        doctor, bid, TODAY - dt.timedelta(days=3), complaint="乏力", vitals={"sbp": 190, "dbp": 95}
    )
    page = page_for(qtbot, doctor, bid)
    assert page.correct_button.isVisible() and page.correct_button.isEnabled()
    entry = page.correct_visit()
    assert entry is not None and entry.original is not None and entry.original.id == first
    qtbot.waitExposed(entry)
    assert entry.complaint.text() == "乏力" and entry.vitals["sbp"].text() == "190"  # prefilled
    assert entry.visited_at() == at(TODAY - dt.timedelta(days=3))
    assert "原记录保留" in entry.findChild(QWidget, "visit_corrects").text()  # type: ignore[union-attr]
    entry.vitals["sbp"].setText("150")
    assert not entry.save()  # no reason
    assert entry.errors["correction_reason"].text() == "更正须写明原因" and entry.isVisible()
    entry.reason.setFocus()
    type_text(qtbot, entry.reason, "收缩压录入错误")
    with qtbot.waitSignal(page.changed):
        assert entry.save()
    timeline = page.visits
    assert timeline.rowCount() == 2
    new, old = timeline.items
    assert (new.corrects_id, old.id, old.corrected) == (first, first, True)
    when_first = at(TODAY - dt.timedelta(days=3)).strftime("%Y-%m-%d %H:%M")
    assert timeline.index(0, VisitsModel.NOTE).data() == f"更正 {when_first} 的记录：收缩压录入错误"
    assert timeline.index(1, VisitsModel.NOTE).data() == "已更正"
    assert timeline.index(1, 4).data() == "血压 190/95 mmHg"  # the first entry is kept as it was
    assert page.selected_visit() == new and page.correct_button.isEnabled()
    page.visits_view.selectRow(1)
    assert not page.correct_button.isEnabled()  # the corrected entry: correct the correction instead
    assert page.detail.text().splitlines()[1] == "已更正"


# ---------------------------------------------------------------- renewal and discharge
def test_renewal_and_discharge_with_an_outcome(
    qtbot: QtBot, doctor: Services, rid: uuid.UUID, monkeypatch: pytest.MonkeyPatch, asked: list[str]
) -> None:
    start = TODAY - dt.timedelta(days=100)
    bid = opened(doctor, rid, start)
    visited(doctor, bid, start + dt.timedelta(days=5), complaint="褥疮好转")
    page = page_for(qtbot, doctor, bid)
    assert page.warnings.isVisible()
    warning = page.warnings.text()
    assert "本周期已建床 100 天，超过建床周期上限 90 天，请撤床或续床" in warning
    assert "依据：建床周期上限 = 90 天；来源：policy-defaults.md" in warning

    assert not page.renew_bed()  # asked, and the test's answer is not 是
    assert page.bed.id == bid and asked[-1].startswith("结束第 1 建床周期")
    say_yes(monkeypatch, asked)
    with qtbot.waitSignal(page.changed) as changed:
        assert page.renew_bed()
    new = page.bed
    assert changed.args == [new.id] and new.id != bid and new.cycle == 2
    assert (page.status.text(), new.start_date) == ("在床", start + dt.timedelta(days=90))
    assert "第 2 周期" in page.facts.text() and "床日 10 天" in page.facts.text()
    assert not page.warnings.isVisible()
    assert [v.complaint for v in page.visits.items] == ["褥疮好转"]  # the whole chain's visits
    assert doctor.homebeds.get(bid).status_label == "已续床"

    dialog = page.discharge_bed()
    assert isinstance(dialog, DischargeDialog)
    assert dialog.days.text() == "本周期共 10 床日"
    dialog.accept_form()  # no outcome chosen
    assert dialog.errors["outcome"].text() == "请从列表中选择转归" and dialog.isVisible()
    dialog.outcome.setFocus()
    type_text(qtbot, dialog.outcome, "好转")
    assert dialog.outcome.currentData() == "好转"
    dialog.summary.setPlainText("可扶行，创面愈合")
    with qtbot.waitSignal(page.changed):
        dialog.accept_form()
    assert page.status.text() == "已撤床" and page.discharge_box.isVisible()
    f = page.fields
    assert (f["discharged_on"].text(), f["days"].text(), f["outcome"].text()) == (str(TODAY), "10 天", "好转")
    assert f["discharge_diagnosis"].text() == "脑梗死后遗症（I69.3）"
    for b in (page.visit_button, page.renew_button, page.discharge_button, page.register_button):
        assert not b.isVisible()
    assert page.notice.text() == "已撤床。"


# ---------------------------------------------------------------- the list
def test_the_list_filters_and_opens(qtbot: QtBot, doctor: Services, rid: uuid.UUID) -> None:
    other = new_resident(doctor, "家床乙", "552")
    bid = opened(doctor, rid)
    applied = doctor.homebeds.apply(other, ApplicationDraft("慢性心力衰竭", "反复气促，需居家监测", "1")).id
    page = BedListPage(doctor)
    shown(qtbot, page, 1280, 640)
    assert page.objectName() == "bed_list_page"
    ids = {b.id for b in page.model.items}
    assert {bid, applied} <= ids and page.count.text() == f"共 {len(ids)} 张"

    page.status.setCurrentIndex(page.status.index_of("open"))
    assert bid in {b.id for b in page.model.items} and applied not in {b.id for b in page.model.items}
    assert set(column(page.model, 5)) == {"在床"}
    page.status.setCurrentIndex(0)
    page.bed_type.setFocus()
    qtbot.keyClicks(page.bed_type, "1")  # 治疗型 by its code
    assert page.bed_type.currentText() == "治疗型"
    assert applied in {b.id for b in page.model.items} and set(column(page.model, 4)) == {"治疗型"}
    page.bed_type.setCurrentIndex(0)
    page.staff.setCurrentIndex(page.staff.index_of(nurse_id(doctor)))
    assert page.staff.currentText() == "李护士（护士）"
    assert bid in {b.id for b in page.model.items} and set(column(page.model, 10)) == {"李护士"}

    row = page.model.row_of(bid)
    page.table.setFocus()
    page.table.selectRow(row)
    with qtbot.waitSignal(page.open_resident) as asked_for:
        page.open_resident_button.click()
    assert asked_for.args == [rid]
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter opens the bed's page
    bed_page = page.page
    assert bed_page is not None and bed_page.bed.id == bid and bed_page.isVisible()
    with qtbot.waitSignal(page.changed):
        entry = bed_page.record_visit()
        assert entry is not None
        entry.complaint.setText("无不适")
        entry.save()
    bed_page.reject()
    assert page.page is None


def test_the_statistics_table_and_chart(qtbot: QtBot, doctor: Services, rid: uuid.UUID, shots: Path) -> None:
    bid = opened(doctor, rid, dt.date(2026, 10, 20))
    doctor.homebeds.discharge(bid, Discharge(dt.date(2026, 11, 10), "好转"))
    page = BedListPage(doctor)
    shown(qtbot, page, 1280, 720)
    page.tabs.setCurrentIndex(1)
    assert page.year.currentData() == 2026 and page.monthly.rowCount() == 11  # January to November
    october = next(m for m in page.monthly.items if m.month == "2026-10")
    assert october.opened >= 1 and "康复型" in page.monthly.index(9, 5).data()
    assert "好转" in page.monthly.index(10, 6).data()
    assert page.totals.text().startswith("本年合计：新建床 ")
    page.year.setCurrentIndex(page.year.index_of(2025))
    assert page.monthly.rowCount() == 12 and page.chart.months == page.monthly.items
    page.year.setCurrentIndex(0)
    snap(page, shots, "homebed-stats")


def test_the_chart_paints_at_any_size_and_when_empty(qtbot: QtBot, shots: Path) -> None:
    chart = StatsChart()
    shown(qtbot, chart, 620, 260)
    assert chart.is_empty()
    snap(chart, shots, "homebed-chart-empty")
    chart.set_months([MonthStats(f"2026-{m:02d}", 0, 0, 0, 0, {}, {}) for m in range(1, 4)])
    assert chart.is_empty()  # months with nothing in them draw the same hint
    chart.grab()
    months = [
        MonthStats("2026-01", 3, 3, 0, 40, {"治疗型": 3}, {}),
        MonthStats("2026-02", 5, 3, 1, 120, {"康复型": 3}, {"好转": 1}),
        MonthStats("2026-03", 4, 1, 2, 140, {"舒缓照顾型": 1}, {"死亡": 1, "好转": 1}),
        MonthStats("2026-04", 7, 4, 1, 150, {"治疗型": 4}, {"到期撤床": 1}),
        MonthStats("2026-05", 6, 0, 1, 190, {}, {"好转": 1}),
        MonthStats("2026-06", 8, 2, 0, 200, {"治疗型": 2}, {}),
    ]
    chart.set_months(months)
    assert not chart.is_empty()
    snap(chart, shots, "homebed-chart")
    assert chart.tooltip_at(chart.width() - 20) == "2026-06\n新建床 2　撤床 0\n月末在床 8　床日 200"
    assert chart.tooltip_at(-5) == ""
    for width, height in ((60, 40), (200, 120), (1600, 300)):  # tiny to wide: no Qt warnings
        chart.resize(width, height)
        chart.grab()
    chart.set_months([MonthStats("2026-01", 1, 1, 0, 5, {"治疗型": 1}, {})])  # one month
    chart.grab()


# ---------------------------------------------------------------- screenshots
def test_screenshots_of_the_list_and_a_bed_with_visits_and_a_warning(
    qtbot: QtBot, doctor: Services, nurse: Services, rid: uuid.UUID, shots: Path
) -> None:
    start = TODAY - dt.timedelta(days=95)
    bid = opened(doctor, rid, start)
    for days, hour, services, kw in (
        (88, 9, doctor, {"complaint": "右侧肢体乏力", "vitals": {"sbp": 148, "dbp": 86, "pulse": 76},
                         "treatment": "继续阿司匹林，康复训练"}),
        (60, 15, nurse, {"complaint": "骶尾部压红", "vitals": {"temperature": 36.6, "spo2": 97},
                         "nursing": "每两小时翻身，气垫床"}),
        (30, 10, doctor, {"complaint": "睡眠差", "vitals": {"sbp": 190, "dbp": 95},
                          "exam": "神清，右侧肌力 4 级", "treatment": "调整降压药"}),
        (3, 10, nurse, {"complaint": "无新发不适", "vitals": {"glucose": 7.4, "pulse": 80},
                        "communication": "告知家属续床事宜"}),
    ):  # fmt: skip
        day = TODAY - dt.timedelta(days=days)
        visited(services, bid, day, hour, **kw)
    wrong = doctor.homebeds.visits(bid)[1]  # the doctor's visit 30 days ago
    doctor.homebeds.correct(
        wrong.id,
        VisitDraft(wrong.visited_at, complaint="睡眠差", vitals={"sbp": 150, "dbp": 95}, exam=wrong.exam,
                   treatment=wrong.treatment),
        "收缩压录入错误",
    )  # fmt: skip
    other = new_resident(doctor, "家床乙", "552")
    doctor.homebeds.apply(other, ApplicationDraft("慢性阻塞性肺疾病", "反复气促，需居家氧疗", "1", "J44.9"))
    third = new_resident(doctor, "家床丙", "553")
    opened(
        doctor,
        third,
        TODAY - dt.timedelta(days=20),
        ApplicationDraft("肺癌晚期", "居家安宁疗护", "3", "C34.9"),
    )

    page = BedListPage(doctor)
    shown(qtbot, page, 1280, 640)
    snap(page, shots, "homebed-list")
    bed_page = page_for(qtbot, doctor, bid)
    bed_page.visits_view.selectRow(0)
    assert bed_page.visits.rowCount() == 5 and bed_page.warnings.isVisible()
    snap(bed_page, shots, "homebed-bed-page")
    entry = bed_page.correct_visit()
    assert entry is not None
    qtbot.waitExposed(entry)
    snap(entry, shots, "homebed-visit-correction")
