"""Home beds through the service, on a real SQLite file: application at a station, registration at
the centre only, visits (append-only, corrected by a new entry), discharge, renewal keeping the
history, the policy warnings, the worklists, bed days by insurance year, the monthly figures, and a
舒缓照顾型 bed from a hospice assessment."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from chc_desktop.services.app import Services
from chc_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from chc_desktop.services.homebeds import ApplicationDraft, BedFilters, Discharge, Registration, VisitDraft
from chc_desktop.services.sites import site_id
from chc_desktop.store.capture import HardDeleteError
from chc_desktop.store.database import Database
from chc_desktop.store.models import BedVisit, Site
from tests.conftest import TODAY
from tests.services.helpers import draft, id_number
from tests.services.test_hospice import HOME

CENTRE = site_id("centre", "仙霞社区卫生服务中心")
APPLICATION = ApplicationDraft(
    diagnosis="脑梗死后遗症", icd10="i69.3", indication="长期卧床，需定期换药和康复指导", bed_type="2"
)


def at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour)).astimezone()


def on(services: Services, day: dt.date) -> Services:
    return Services(services.db, services.user, day)


@pytest.fixture
def resident(doctor: Services) -> uuid.UUID:
    return doctor.residents.file(draft(doctor, name="家床甲", id_number=id_number("19400202", "551"))).id


@pytest.fixture
def station(db: Database, admin: Services) -> Services:
    """A nurse at a 社区卫生服务站 of the centre."""
    with db.unit_of_work(None) as s:
        s.add(
            Site(id=site_id("station", "仙霞一站"), kind="station", name="仙霞第一服务站", parent_id=CENTRE)
        )
    admin.users.add("zhan", "站点护士", "nurse", "demo1234x", site_id("station", "仙霞一站"))
    return Services(db, None, TODAY).login("zhan", "demo1234x")


def opened(doctor: Services, resident: uuid.UUID, start: dt.date = TODAY, **kw: object) -> uuid.UUID:
    bed = on(doctor, start).homebeds.apply(resident, APPLICATION)
    nurse = next(u.id for u in doctor.users.staff("nurse"))
    reg = Registration(start, doctor.user.id, start, nurse, **kw)  # type: ignore[union-attr, arg-type]
    return on(doctor, start).homebeds.register(bed.id, reg).id


def test_an_application_is_checked_and_one_at_a_time(doctor: Services, resident: uuid.UUID) -> None:
    with pytest.raises(ValidationFailed) as e:
        doctor.homebeds.apply(resident, ApplicationDraft(diagnosis=" ", indication="", bed_type="9"))
    assert set(e.value.errors) == {"diagnosis", "indication", "bed_type"}
    bed = doctor.homebeds.apply(resident, APPLICATION)
    assert (bed.status_label, bed.icd10, bed.type_label, bed.applying_doctor) == (
        "申请",
        "I69.3",
        "康复型",
        "王医生",
    )
    with pytest.raises(ServiceError, match="已有在办的家庭病床"):
        doctor.homebeds.apply(resident, APPLICATION)


def test_a_station_applies_and_visits_but_only_the_centre_opens_the_bed(
    doctor: Services, station: Services, resident: uuid.UUID
) -> None:
    bed = station.homebeds.apply(resident, APPLICATION)
    assert bed.applying_site == "仙霞第一服务站"
    nurse = station.user.id  # type: ignore[union-attr]
    with pytest.raises(PermissionDenied):
        station.homebeds.register(bed.id, Registration(TODAY, doctor.user.id, TODAY, nurse))  # type: ignore[union-attr]
    with pytest.raises(ValidationFailed) as e:
        doctor.homebeds.register(bed.id, Registration(TODAY + dt.timedelta(days=1), nurse, None))
    assert set(e.value.errors) == {"start_date", "consent_on"}
    with pytest.raises(ValidationFailed, match="请选择责任医生"):
        doctor.homebeds.register(bed.id, Registration(TODAY, nurse, TODAY))  # a nurse is not a doctor
    opened_bed = doctor.homebeds.register(bed.id, Registration(TODAY, doctor.user.id, TODAY, nurse))  # type: ignore[union-attr]
    assert (opened_bed.status_label, opened_bed.bed_no, opened_bed.site) == (
        "在床",
        "2026-0001",
        "仙霞社区卫生服务中心",
    )
    assert opened_bed.planned_end == TODAY + dt.timedelta(days=90) and opened_bed.nurse == "站点护士"
    visit = station.homebeds.visit(
        bed.id, VisitDraft(at(TODAY), complaint="夜间咳嗽", vitals={"sbp": 150, "dbp": 90})
    )
    assert (visit.role, visit.role_label, visit.staff) == ("nurse", "巡诊（护士）", "站点护士")
    with pytest.raises(PermissionDenied):
        station.homebeds.discharge(bed.id, Discharge(TODAY, "好转"))  # a nurse does not close a bed


def test_the_centre_only_policy_can_be_turned_off(
    admin: Services, doctor: Services, station: Services, resident: uuid.UUID
) -> None:
    admin.users.add("zdoc", "站点医生", "doctor", "demo1234x", site_id("station", "仙霞一站"))
    station_doctor = Services(doctor.db, None, TODAY).login("zdoc", "demo1234x")
    bed = station.homebeds.apply(resident, APPLICATION)
    reg = Registration(TODAY, station_doctor.user.id, TODAY)  # type: ignore[union-attr]
    with pytest.raises(ServiceError, match="只有社区卫生服务中心可以登记建床"):
        station_doctor.homebeds.register(bed.id, reg)
    admin.settings.set("homebed.centre_only", False)
    assert station_doctor.homebeds.register(bed.id, reg).site == "仙霞第一服务站"


def test_visits_are_append_only_and_corrected_by_a_new_entry(
    doctor: Services, db: Database, resident: uuid.UUID
) -> None:
    start = TODAY - dt.timedelta(days=10)
    bed = on(doctor, start).homebeds.apply(resident, APPLICATION)
    with pytest.raises(ServiceError, match="不能记录查床"):
        doctor.homebeds.visit(bed.id, VisitDraft(at(TODAY), complaint="x"))
    bid = on(doctor, start).homebeds.register(bed.id, Registration(start, doctor.user.id, start)).id  # type: ignore[union-attr]
    with pytest.raises(ValidationFailed) as e:
        doctor.homebeds.visit(bid, VisitDraft(at(TODAY), vitals={"sbp": 400}, next_visit=TODAY))
    assert set(e.value.errors) == {"sbp", "next_visit"}
    with pytest.raises(ValidationFailed, match="建床与撤床之间"):
        doctor.homebeds.visit(bid, VisitDraft(at(TODAY - dt.timedelta(days=11)), complaint="x"))
    first = doctor.homebeds.visit(
        bid, VisitDraft(at(TODAY - dt.timedelta(days=3)), complaint="乏力", vitals={"sbp": 190, "dbp": 95})
    )
    with pytest.raises(ValidationFailed, match="更正须写明原因"):
        doctor.homebeds.correct(first.id, VisitDraft(at(TODAY - dt.timedelta(days=3)), complaint="乏力"), "")
    fixed = doctor.homebeds.correct(
        first.id,
        VisitDraft(at(TODAY - dt.timedelta(days=3)), complaint="乏力", vitals={"sbp": 150, "dbp": 95}),
        "收缩压录入错误",
    )
    timeline = doctor.homebeds.visits(bid)
    assert [v.id for v in timeline] == [fixed.id, first.id]
    assert timeline[1].corrected and timeline[0].corrects_id == first.id
    assert timeline[0].correction_reason == "收缩压录入错误" and timeline[1].vitals["sbp"] == 190  # kept
    with pytest.raises(HardDeleteError, match="bed_visits is append-only"), db.unit_of_work(None) as s:
        row = s.get(BedVisit, first.id)
        assert row is not None
        row.complaint = "改"


def test_discharge_and_renewal_keep_the_history(doctor: Services, resident: uuid.UUID) -> None:
    start = TODAY - dt.timedelta(days=100)
    bid = opened(doctor, resident, start)
    later = on(doctor, start + dt.timedelta(days=5))
    later.homebeds.visit(bid, VisitDraft(at(start + dt.timedelta(days=5)), complaint="褥疮好转"))
    assert [w.code for w in doctor.homebeds.get(bid).warnings] == ["cycle_length"]  # 100 days > 90
    renewed = doctor.homebeds.renew(bid)  # at the planned end
    assert (renewed.start_date, renewed.cycle, renewed.bed_no) == (
        start + dt.timedelta(days=90),
        2,
        "2026-0001",
    )
    old = doctor.homebeds.get(bid)
    assert (old.status_label, old.end_date, old.days) == ("已续床", renewed.start_date, 90)
    assert [v.complaint for v in doctor.homebeds.visits(renewed.id)] == ["褥疮好转"]  # the whole chain
    with pytest.raises(ValidationFailed) as e:
        doctor.homebeds.discharge(renewed.id, Discharge(TODAY, "痊愈"))
    assert "outcome" in e.value.errors
    with pytest.raises(ValidationFailed, match="不能早于建床日期"):
        doctor.homebeds.discharge(renewed.id, Discharge(renewed.start_date - dt.timedelta(days=1), "好转"))  # type: ignore[operator]
    done = doctor.homebeds.discharge(renewed.id, Discharge(TODAY, "好转", "脑梗死后遗症", "I69.3", "可扶行"))
    assert (done.status_label, done.outcome, done.days, done.warnings) == ("已撤床", "好转", 10, ())
    assert doctor.homebeds.bed_days_by_year(resident) == {2026: 100}
    with pytest.raises(ServiceError, match="已撤床，不能续床"):
        doctor.homebeds.renew(renewed.id)
    again = doctor.homebeds.apply(resident, APPLICATION)  # a new application after discharge
    assert again.status_label == "申请"


def test_visits_due_per_doctor_and_nurse_and_the_round_by_street(
    doctor: Services, resident: uuid.UUID
) -> None:
    other = doctor.residents.file(draft(doctor, name="家床乙", id_number=id_number("19380303", "552"))).id
    a = opened(doctor, resident, TODAY - dt.timedelta(days=9))
    b = opened(doctor, other, TODAY - dt.timedelta(days=2))
    on(doctor, TODAY - dt.timedelta(days=6)).homebeds.visit(
        a, VisitDraft(at(TODAY - dt.timedelta(days=6)), complaint="x")
    )
    due = doctor.homebeds.due()
    assert [(d.bed.id, d.role, d.days_over) for d in due] == [(a, "nurse", 2)]  # a's nurse round: 9 − 7
    later = on(doctor, TODAY + dt.timedelta(days=5)).homebeds.due()
    assert {(d.bed.id, d.role, d.days_over) for d in later} == {
        (a, "doctor", 4), (a, "nurse", 7), (b, "doctor", 0), (b, "nurse", 0)
    }  # fmt: skip
    mine = on(doctor, TODAY + dt.timedelta(days=5)).homebeds.due(staff_id=doctor.user.id)  # type: ignore[union-attr]
    assert {d.role for d in mine} == {"doctor"}
    rounds = on(doctor, TODAY + dt.timedelta(days=5)).homebeds.round_list()
    assert [(r.bed.street, r.bed.committee) for r in rounds] == sorted(
        (r.bed.street, r.bed.committee) for r in rounds
    )
    ending = on(doctor, TODAY + dt.timedelta(days=80)).homebeds.cycles_ending(7)
    assert [e.id for e in ending] == [a]  # planned end in 81 days from a's start


def test_policy_warnings_by_insurance_year(admin: Services, doctor: Services, resident: uuid.UUID) -> None:
    admin.settings.set("homebed.days_per_year", 30)
    bid = opened(doctor, resident, TODAY - dt.timedelta(days=40))
    [w] = doctor.homebeds.get(bid).warnings
    assert (w.code, w.rule) == ("days_per_year", "每医保年度床日上限 = 30 天")


def test_the_bed_list_filters(doctor: Services, nurse: Services, resident: uuid.UUID) -> None:
    bid = opened(doctor, resident)
    assert [b.id for b in doctor.homebeds.beds(BedFilters(status="open"))] == [bid]
    assert doctor.homebeds.beds(BedFilters(bed_type="1")) == []
    assert [b.id for b in doctor.homebeds.beds(BedFilters(staff_id=nurse.user.id))] == [bid]  # type: ignore[union-attr]


def test_monthly_figures(doctor: Services, resident: uuid.UUID) -> None:
    bid = opened(doctor, resident, dt.date(2026, 10, 20))
    doctor.homebeds.discharge(bid, Discharge(dt.date(2026, 11, 10), "好转"))
    stats = {m.month: m for m in doctor.homebeds.monthly(2026)}
    assert (stats["2026-10"].opened, stats["2026-10"].bed_days, stats["2026-10"].open_at_end) == (1, 12, 1)
    assert (stats["2026-11"].discharged, stats["2026-11"].bed_days) == (1, 9)
    assert "2026-12" not in stats


def test_a_palliative_bed_from_a_hospice_assessment(doctor: Services, resident: uuid.UUID) -> None:
    a = doctor.hospice.sign(doctor.hospice.save(resident, HOME).id)
    bed = doctor.homebeds.apply_from_hospice(a.id)
    assert (bed.bed_type, bed.diagnosis, bed.icd10, bed.hospice_assessment_id) == (
        "3",
        "胰腺癌",
        "C25.9",
        a.id,
    )
    assert bed.indication.startswith("安宁疗护评估（第 1 版")
    # Starting home hospice now keeps the bed already applied for and says why no second one.
    episode = doctor.hospice.start_home_care(a.id, TODAY)
    assert episode.bed_id is None and episode.bed_note == "该居民已有在办的家庭病床（申请中或在床）"
    inpatient = doctor.hospice.sign(doctor.hospice.save(resident, HOME, "inpatient", "家属要求").id)
    with pytest.raises(ServiceError, match="安排为居家"):
        doctor.homebeds.apply_from_hospice(inpatient.id)


def test_who_may_do_what(clerk: Services, nurse: Services, doctor: Services, resident: uuid.UUID) -> None:
    with pytest.raises(PermissionDenied):
        clerk.homebeds.beds()
    bed = nurse.homebeds.apply(resident, APPLICATION)
    with pytest.raises(PermissionDenied):
        nurse.homebeds.register(bed.id, Registration(TODAY, doctor.user.id, TODAY))  # type: ignore[union-attr]
    with pytest.raises(ValidationFailed, match="退回申请须写明原因"):
        doctor.homebeds.return_application(bed.id, " ")
    assert doctor.homebeds.return_application(bed.id, "病情不稳定，建议住院").status_label == "退回"


def test_the_workbench_shows_my_round_or_the_centres(
    doctor: Services, nurse: Services, clerk: Services, resident: uuid.UUID
) -> None:
    bid = opened(doctor, resident, TODAY - dt.timedelta(days=8))
    assert [(d.bed.id, d.role) for d in nurse.workbench.snapshot().round or ()] == [(bid, "nurse")]
    assert {d.role for d in doctor.workbench.snapshot().round or ()} == {"doctor"}  # only his own
    doctor2 = Services(doctor.db, None, TODAY).login("doctor2", "demo1234")
    assert {d.role for d in doctor2.workbench.snapshot().round or ()} == {"doctor", "nurse"}  # no bed: all
    assert clerk.workbench.snapshot().round is None  # a clerk does not see home beds


def test_due_follows_corrections_and_carries_over_a_renewal(doctor: Services, resident: uuid.UUID) -> None:
    start = TODAY - dt.timedelta(days=100)
    bid = opened(doctor, resident, start)
    day = TODAY - dt.timedelta(days=12)
    v = on(doctor, day).homebeds.visit(
        bid, VisitDraft(at(day), complaint="x", next_visit=day + dt.timedelta(days=1))
    )
    # The correction drops the too-early next date: the weekly interval applies again.
    doctor.homebeds.correct(v.id, VisitDraft(at(day), complaint="x"), "下次日期写错")
    renewed = doctor.homebeds.renew(bid, start + dt.timedelta(days=90))  # 10 days ago
    [due] = [d for d in doctor.homebeds.due() if d.role == "doctor"]
    assert (due.bed.id, due.last_visit, due.due_on) == (renewed.id, day, day + dt.timedelta(days=7))


def test_a_paper_application_keeps_its_date(doctor: Services, resident: uuid.UUID) -> None:
    with pytest.raises(ValidationFailed, match="申请日期不能晚于今天"):
        doctor.homebeds.apply(resident, APPLICATION, applied_on=TODAY + dt.timedelta(days=1))
    bed = doctor.homebeds.apply(resident, APPLICATION, applied_on=TODAY - dt.timedelta(days=3))
    assert bed.applied_on == TODAY - dt.timedelta(days=3)


def test_the_actions_offered_are_the_actions_allowed(
    doctor: Services, nurse: Services, station: Services, resident: uuid.UUID
) -> None:
    bed = station.homebeds.apply(resident, APPLICATION)
    assert doctor.homebeds.actions(bed.id) == ("register", "return")
    assert station.homebeds.actions(bed.id) == () == nurse.homebeds.actions(bed.id)
    nurse_id = station.user.id  # type: ignore[union-attr]
    doctor.homebeds.register(bed.id, Registration(TODAY, doctor.user.id, TODAY, nurse_id))  # type: ignore[union-attr]
    assert doctor.homebeds.actions(bed.id) == ("renew", "discharge", "visit")
    assert station.homebeds.actions(bed.id) == ("visit",)
    v = station.homebeds.visit(bed.id, VisitDraft(at(TODAY), nursing="换药"))
    fixed = doctor.homebeds.correct(v.id, VisitDraft(at(TODAY), nursing="换药，伤口渗液减少"), "补充")
    assert fixed.role == "nurse"  # the doctor corrected a 巡诊
