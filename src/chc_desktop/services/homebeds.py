"""Home hospital beds (家庭病床): application (a station may record it), registration by a centre,
visits (查床 by the doctor, 巡诊 by the nurse; append-only, corrected by a new entry), discharge (撤床)
or a new cycle (续床) that keeps the history; the policy warnings; the worklists (visits due and
overdue, cycles ending, the day's round ordered by street and 居委); and the figures (bed days by
insurance year, monthly statistics by type and outcome).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from chc_desktop.domain import homebeds as rules
from chc_desktop.domain.dates import age_on
from chc_desktop.domain.errors import DomainError
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context, CurrentUser, live_row
from chc_desktop.services.contracts import RESIDENT_MISSING
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.services.settings import read_policy
from chc_desktop.store.base import utcnow
from chc_desktop.store.models import (
    BedVisit,
    HomeBed,
    HomeHospice,
    HospiceAssessment,
    Resident,
    Site,
    StaffUser,
)

BED_MISSING = "找不到该家庭病床"
TEXT_LIMIT = 2000


@dataclass(frozen=True)
class ApplicationDraft:
    """家庭病床申请单."""

    diagnosis: str
    indication: str  # 收治指征和建床理由
    bed_type: str = "1"
    icd10: str = ""
    summary: str = ""  # 病情摘要


@dataclass(frozen=True)
class Registration:
    """登记建床: the centre's decision."""

    start_date: dt.date
    doctor_id: uuid.UUID
    consent_on: dt.date | None  # the day the 知情同意书 was signed (required)
    nurse_id: uuid.UUID | None = None
    bed_type: str | None = None  # None: as applied for
    bed_no: str = ""  # empty: the next number of this centre and year


@dataclass(frozen=True)
class VisitDraft:
    visited_at: dt.datetime
    complaint: str = ""
    vitals: Mapping[str, Any] = field(default_factory=dict)
    exam: str = ""
    tests: str = ""
    treatment: str = ""
    nursing: str = ""
    communication: str = ""
    next_visit: dt.date | None = None
    role: str | None = None  # None: the visiting user's role (doctor or nurse)


@dataclass(frozen=True)
class Discharge:
    end_date: dt.date
    outcome: str
    diagnosis: str = ""
    icd10: str = ""
    summary: str = ""  # 经过治疗撤床时情况


@dataclass(frozen=True)
class BedInfo:
    id: uuid.UUID
    resident_id: uuid.UUID
    name: str
    sex: str
    age: int
    record_no: str | None
    street: str
    committee: str
    address: str
    phone: str
    status: str
    status_label: str
    bed_type: str
    type_label: str
    bed_no: str
    applied_on: dt.date
    applying_site: str
    applying_doctor: str
    diagnosis: str
    icd10: str
    indication: str
    summary: str
    returned_reason: str
    site: str
    start_date: dt.date | None
    planned_end: dt.date | None
    doctor_id: uuid.UUID | None
    doctor: str
    nurse_id: uuid.UUID | None
    nurse: str
    consent_on: dt.date | None
    end_date: dt.date | None
    outcome: str
    discharge_diagnosis: str
    discharge_icd10: str
    discharge_summary: str
    previous_id: uuid.UUID | None
    cycle: int  # 1 for the first 建床周期 of a chain of renewals
    days: int  # bed days of this cycle (to today while open)
    hospice_assessment_id: uuid.UUID | None
    warnings: tuple[rules.Warning, ...] = ()


@dataclass(frozen=True)
class VisitInfo:
    id: uuid.UUID
    bed_id: uuid.UUID
    visited_at: dt.datetime
    staff: str
    role: str
    role_label: str
    complaint: str
    vitals: Mapping[str, Any]
    exam: str
    tests: str
    treatment: str
    nursing: str
    communication: str
    next_visit: dt.date | None
    corrects_id: uuid.UUID | None
    correction_reason: str
    corrected: bool  # a later entry corrects this one


@dataclass(frozen=True)
class DueVisit:
    bed: BedInfo
    role: str
    staff_id: uuid.UUID | None
    staff: str
    last_visit: dt.date | None
    due_on: dt.date
    days_over: int  # 0: due that day


@dataclass(frozen=True)
class BedFilters:
    status: str | None = None
    bed_type: str | None = None
    staff_id: uuid.UUID | None = None  # responsible doctor or nurse
    resident_id: uuid.UUID | None = None


class HomeBedService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # ---------------------------------------------------------------- lifecycle
    def apply(
        self,
        resident_id: uuid.UUID,
        draft: ApplicationDraft,
        *,
        hospice_assessment_id: uuid.UUID | None = None,
        home_hospice_id: uuid.UUID | None = None,
        applied_on: dt.date | None = None,
    ) -> BedInfo:
        """家庭病床申请 by the applying doctor at this user's site (a station may apply); a paper
        application entered later keeps its own date (``applied_on``)."""
        errors = _check_application(draft)
        if applied_on is not None and applied_on > self.ctx.today():
            errors["applied_on"] = "申请日期不能晚于今天"
        if errors:
            raise ValidationFailed(errors)
        user = self.ctx.require(Permission.HOMEBED_WRITE)
        with self.ctx.work(Permission.HOMEBED_WRITE) as s:
            resident = live_row(s, Resident, resident_id, RESIDENT_MISSING)
            if resident.status != "active":
                raise ServiceError("档案已关闭（失访、死亡或迁出），不能申请家庭病床")
            if self._current(s, resident_id) is not None:
                raise ServiceError("该居民已有在办的家庭病床（申请中或在床）")
            bed = HomeBed(
                resident_id=resident_id,
                status=rules.Status.APPLIED.value,
                applied_on=applied_on or self.ctx.today(),
                applying_site_id=user.site_id,
                applying_doctor_id=user.id,
                diagnosis=draft.diagnosis.strip(),
                icd10=draft.icd10.strip().upper() or None,
                indication=draft.indication.strip(),
                summary=draft.summary.strip() or None,
                bed_type=draft.bed_type,
                hospice_assessment_id=hospice_assessment_id,
                home_hospice_id=home_hospice_id,
            )
            s.add(bed)
            s.flush()
            self.ctx.audit(s, "homebed.apply", "residents", resident_id)
            bid = bed.id
        return self.get(bid)

    def apply_from_hospice(self, assessment_id: uuid.UUID) -> BedInfo:
        """A 舒缓照顾型 bed applied for from a signed assessment whose arrangement is home care,
        linked to the assessment and to the home-hospice episode when one is running."""
        self.ctx.require(Permission.HOMEBED_WRITE)
        with self.ctx.db.reader() as s:
            a = live_row(s, HospiceAssessment, assessment_id, "找不到该评估")
            if a.signed_at is None or not a.eligible or a.chosen_setting != "home":
                raise ServiceError("只有已签署、安排为居家安宁疗护的评估可以申请舒缓照顾型家庭病床")
            episode = s.scalars(
                select(HomeHospice.id).where(
                    HomeHospice.resident_id == a.resident_id,
                    HomeHospice.ended_on.is_(None),
                    HomeHospice.deleted_at.is_(None),
                )
            ).first()
            inputs = a.inputs
            reasons = "；".join(a.reasons)
            draft = ApplicationDraft(
                diagnosis=str(inputs.get("diagnosis") or "终末期疾病")[:200],
                icd10=str(inputs.get("icd10") or ""),
                bed_type=rules.PALLIATIVE,
                indication=f"安宁疗护评估（第 {a.version} 版，{a.assessed_on}）建议居家：{reasons}",
            )
            resident_id = a.resident_id
        return self.apply(resident_id, draft, hospice_assessment_id=assessment_id, home_hospice_id=episode)

    def return_application(self, bed_id: uuid.UUID, reason: str) -> BedInfo:
        if not reason.strip():
            raise ValidationFailed({"reason": "退回申请须写明原因"})
        with self.ctx.work(Permission.HOMEBED_MANAGE) as s:
            bed = self._step(s, bed_id, "return")
            bed.returned_reason = reason.strip()[:200]
            self.ctx.audit(s, "homebed.return", "residents", bed.resident_id)
        return self.get(bed_id)

    def register(self, bed_id: uuid.UUID, reg: Registration) -> BedInfo:
        """登记建床: bed number, type, responsible doctor and nurse, start date, the planned end by the
        cycle policy, and the informed consent."""
        errors: dict[str, str] = {}
        today = self.ctx.today()
        if reg.start_date > today:
            errors["start_date"] = "建床日期不能晚于今天"
        if reg.consent_on is None:
            errors["consent_on"] = "请登记知情同意书签署日期"
        elif reg.consent_on > reg.start_date:
            errors["consent_on"] = "知情同意应在建床之前或当天签署"
        if reg.bed_type is not None and reg.bed_type not in rules.BED_TYPES:
            errors["bed_type"] = "请选择家床类型"
        if len(reg.bed_no.strip()) > 20:
            errors["bed_no"] = "家床号不能超过 20 个字符"
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.work(Permission.HOMEBED_MANAGE) as s:
            bed = self._step(s, bed_id, "register")
            if reg.start_date < bed.applied_on:
                raise ValidationFailed({"start_date": "建床日期不能早于申请日期"})
            self._staff(s, reg.doctor_id, ("doctor",), "doctor_id", "请选择责任医生")
            if reg.nurse_id is not None:
                self._staff(s, reg.nurse_id, ("nurse",), "nurse_id", "请选择责任护士")
            site = self._user_site(s)
            bed.site_id = site.id
            bed.bed_no = reg.bed_no.strip() or self._next_bed_no(s, site.id, reg.start_date.year)
            if reg.bed_type is not None:
                bed.bed_type = reg.bed_type
            bed.start_date = reg.start_date
            bed.planned_end = rules.planned_end(reg.start_date, int(read_policy(s, "homebed.cycle_days")))
            bed.doctor_id, bed.nurse_id = reg.doctor_id, reg.nurse_id
            bed.consent_on = reg.consent_on
            bed.registered_by_id = self.ctx.user.id if self.ctx.user else None
            self.ctx.audit(s, "homebed.register", "residents", bed.resident_id)
        return self.get(bed_id)

    def visit(self, bed_id: uuid.UUID, draft: VisitDraft) -> VisitInfo:
        """查床 or 巡诊, signed by the visiting user."""
        return self._write_visit(bed_id, draft, None, "")

    def correct(self, visit_id: uuid.UUID, draft: VisitDraft, reason: str) -> VisitInfo:
        """A visit record is never changed: the correction is a new entry saying what it corrects and why."""
        if not reason.strip():
            raise ValidationFailed({"correction_reason": "更正须写明原因"})
        with self.ctx.db.reader() as s:
            old = live_row(s, BedVisit, visit_id, "找不到该查床记录")
            bed_id, role = old.bed_id, old.role
        # A doctor correcting a nurse's 巡诊 corrects a 巡诊.
        return self._write_visit(
            bed_id, dataclasses.replace(draft, role=draft.role or role), visit_id, reason
        )

    def discharge(self, bed_id: uuid.UUID, d: Discharge) -> BedInfo:
        """撤床: the date, the bed days, the outcome from the policy list, the diagnosis and a summary."""
        errors: dict[str, str] = {}
        if d.end_date > self.ctx.today():
            errors["end_date"] = "撤床日期不能晚于今天"
        if len(d.summary) > TEXT_LIMIT:
            errors["summary"] = f"撤床小结不能超过 {TEXT_LIMIT} 字"
        with self.ctx.work(Permission.HOMEBED_MANAGE) as s:
            outcomes = list(read_policy(s, "homebed.outcomes"))
            if d.outcome not in outcomes:
                errors["outcome"] = "请从列表中选择转归"
            if errors:
                raise ValidationFailed(errors)
            bed = self._step(s, bed_id, "discharge")
            assert bed.start_date is not None
            if d.end_date < bed.start_date:
                raise ValidationFailed({"end_date": "撤床日期不能早于建床日期"})
            last = s.scalar(
                select(BedVisit.visited_at)
                .where(BedVisit.bed_id == bed.id, BedVisit.deleted_at.is_(None))
                .order_by(BedVisit.visited_at.desc())
            )
            if last is not None and d.end_date < last.astimezone().date():
                raise ValidationFailed({"end_date": "撤床日期不能早于最后一次查床"})
            bed.end_date = d.end_date
            bed.outcome = d.outcome
            bed.discharge_diagnosis = d.diagnosis.strip()[:200] or None
            bed.discharge_icd10 = d.icd10.strip().upper()[:12] or None
            bed.discharge_summary = d.summary.strip() or None
            bed.discharged_by_id = self.ctx.user.id if self.ctx.user else None
            self.ctx.audit(s, "homebed.discharge", "residents", bed.resident_id, outcome=d.outcome)
        return self.get(bed_id)

    def renew(self, bed_id: uuid.UUID, on: dt.date | None = None) -> BedInfo:
        """续床: this cycle ends on ``on`` (default: its planned end, or today if that is later) and a
        new cycle of the same bed starts that day, with the same people."""
        with self.ctx.work(Permission.HOMEBED_MANAGE) as s:
            old = live_row(s, HomeBed, bed_id, BED_MISSING)
            assert old.start_date is not None or old.status != rules.Status.OPEN
            day = on or min(self.ctx.today(), old.planned_end or self.ctx.today())
            if old.start_date is not None and day <= old.start_date:
                raise ValidationFailed({"on": "续床日期应晚于本周期建床日期"})
            if day > self.ctx.today():
                raise ValidationFailed({"on": "续床日期不能晚于今天"})
            self._step(s, bed_id, "renew")
            old.end_date = day
            new = HomeBed(
                resident_id=old.resident_id,
                status=rules.Status.OPEN.value,
                applied_on=day,
                applying_site_id=old.applying_site_id,
                applying_doctor_id=self.ctx.user.id if self.ctx.user else None,
                diagnosis=old.diagnosis,
                icd10=old.icd10,
                indication=old.indication,
                summary=old.summary,
                bed_type=old.bed_type,
                site_id=old.site_id,
                bed_no=old.bed_no,
                start_date=day,
                planned_end=rules.planned_end(day, int(read_policy(s, "homebed.cycle_days"))),
                doctor_id=old.doctor_id,
                nurse_id=old.nurse_id,
                consent_on=old.consent_on,
                registered_by_id=self.ctx.user.id if self.ctx.user else None,
                previous_id=old.id,
                hospice_assessment_id=old.hospice_assessment_id,
                home_hospice_id=old.home_hospice_id,
            )
            s.add(new)
            s.flush()
            self.ctx.audit(s, "homebed.renew", "residents", old.resident_id)
            nid = new.id
        return self.get(nid)

    def actions(self, bed_id: uuid.UUID) -> tuple[str, ...]:
        """What this user may do to the bed now (for the bed page's buttons): the same decisions as
        the steps themselves — status, the centre-only policy, and the user's permissions."""
        need = {
            "register": Permission.HOMEBED_MANAGE,
            "return": Permission.HOMEBED_MANAGE,
            "renew": Permission.HOMEBED_MANAGE,
            "discharge": Permission.HOMEBED_MANAGE,
            "visit": Permission.HOMEBED_WRITE,
        }
        with self.ctx.db.reader() as s:
            bed = live_row(s, HomeBed, bed_id, BED_MISSING)
            status = rules.Status(bed.status)
        where = self._where()  # read once for all five
        out = []
        for action, permission in need.items():
            if not self.ctx.can(permission):
                continue
            try:
                self._allowed_from(status, action, where)
            except ServiceError:
                continue
            out.append(action)
        return tuple(out)

    # ---------------------------------------------------------------- reading
    def get(self, bed_id: uuid.UUID) -> BedInfo:
        self.ctx.require(Permission.HOMEBED_READ)
        with self.ctx.db.reader() as s:
            bed = live_row(s, HomeBed, bed_id, BED_MISSING)
            return self._infos(s, [bed], warnings=True)[0]

    def beds(self, f: BedFilters = BedFilters(), limit: int = 1000) -> list[BedInfo]:
        """The bed list: open beds first, then the newest."""
        self.ctx.require(Permission.HOMEBED_READ)
        with self.ctx.db.reader() as s:
            q = select(HomeBed).where(HomeBed.deleted_at.is_(None))
            if f.status:
                q = q.where(HomeBed.status == f.status)
            if f.bed_type:
                q = q.where(HomeBed.bed_type == f.bed_type)
            if f.staff_id:
                q = q.where((HomeBed.doctor_id == f.staff_id) | (HomeBed.nurse_id == f.staff_id))
            if f.resident_id:
                q = q.where(HomeBed.resident_id == f.resident_id)
            q = q.order_by((HomeBed.status != rules.Status.OPEN.value), HomeBed.applied_on.desc())
            return self._infos(s, list(s.scalars(q.limit(limit))), warnings=True)

    def visits(self, bed_id: uuid.UUID, whole_chain: bool = True) -> list[VisitInfo]:
        """The visit timeline of a bed (and of the cycles it continues), newest first."""
        self.ctx.require(Permission.HOMEBED_READ)
        with self.ctx.db.reader() as s:
            ids = self._chain(s, bed_id) if whole_chain else [bed_id]
            rows = list(
                s.scalars(
                    select(BedVisit)
                    .where(BedVisit.bed_id.in_(ids), BedVisit.deleted_at.is_(None))
                    .order_by(BedVisit.visited_at.desc(), BedVisit.created_at.desc())
                )
            )
            corrected = {r.corrects_id for r in rows if r.corrects_id}
            users = _users(s)
            return [_visit_info(r, users, r.id in corrected) for r in rows]

    def due(self, on: dt.date | None = None, staff_id: uuid.UUID | None = None) -> list[DueVisit]:
        """Visits due by ``on`` (default today) and overdue, by the visit-interval policy, for each open
        bed's responsible doctor (查床) and nurse (巡诊); most overdue first."""
        self.ctx.require(Permission.HOMEBED_READ)
        day = on or self.ctx.today()
        with self.ctx.db.reader() as s:
            intervals = {
                "doctor": int(read_policy(s, "homebed.visit_interval_days")),
                "nurse": int(read_policy(s, "homebed.nurse_visit_interval_days")),
            }
            beds = list(
                s.scalars(
                    select(HomeBed).where(
                        HomeBed.status == rules.Status.OPEN.value, HomeBed.deleted_at.is_(None)
                    )
                )
            )
            infos = {b.id: i for b, i in zip(beds, self._infos(s, beds, warnings=False), strict=True)}
            # A renewed bed's rounds carry on from the cycles it continues; a corrected visit counts
            # as its correction says.
            previous = {r.id: r.previous_id for r in self._cycle_rows(s, {b.resident_id for b in beds})}
            cycle_of = {cid: b.id for b in beds for cid in chain_of(b.id, previous)}
            q = (
                select(
                    BedVisit.id,
                    BedVisit.bed_id,
                    BedVisit.role,
                    BedVisit.visited_at,
                    BedVisit.next_visit,
                    BedVisit.corrects_id,
                )
                .where(BedVisit.bed_id.in_(list(cycle_of)), BedVisit.deleted_at.is_(None))
                .order_by(BedVisit.visited_at, BedVisit.created_at)
            )
            rows = list(s.execute(q))
            corrected = {r.corrects_id for r in rows if r.corrects_id}
            last: dict[tuple[uuid.UUID, str], tuple[dt.date, dt.date | None]] = {}
            for r in rows:
                if r.id not in corrected:
                    last[(cycle_of[r.bed_id], r.role)] = (r.visited_at.astimezone().date(), r.next_visit)
            out: list[DueVisit] = []
            for b in beds:
                info = infos[b.id]
                assert b.start_date is not None
                for role, staff in (("doctor", b.doctor_id), ("nurse", b.nurse_id)):
                    if role == "nurse" and staff is None:
                        continue  # no nurse responsible: no 巡诊 round is planned
                    if staff_id is not None and staff != staff_id:
                        continue
                    seen, planned = last.get((b.id, role), (None, None))
                    due_on = rules.next_visit(b.start_date, seen, planned, intervals[role])
                    over = rules.days_over(due_on, day)
                    if over is not None:
                        name = info.doctor if role == "doctor" else info.nurse
                        out.append(DueVisit(info, role, staff, name, seen, due_on, over))
            return sorted(out, key=lambda d: (-d.days_over, d.bed.street, d.bed.committee, d.bed.name))

    def round_list(self, on: dt.date | None = None, staff_id: uuid.UUID | None = None) -> list[DueVisit]:
        """The day's visit list for planning the round: what is due by that day, by street, 居委, address."""
        rows = self.due(on, staff_id)
        return sorted(rows, key=lambda d: (d.bed.street, d.bed.committee, d.bed.address, d.bed.name))

    def cycles_ending(self, within_days: int = 7) -> list[BedInfo]:
        """Open beds whose planned end is within ``within_days`` (or past), soonest first."""
        until = self.ctx.today() + dt.timedelta(days=within_days)
        ending = [
            (b.planned_end, b)
            for b in self.beds(BedFilters(status=rules.Status.OPEN.value))
            if b.planned_end is not None and b.planned_end <= until
        ]
        return [b for _, b in sorted(ending, key=lambda pair: pair[0])]

    def bed_days_by_year(self, resident_id: uuid.UUID) -> dict[int, int]:
        """A resident's bed days per insurance year, over every cycle (open ones to today)."""
        self.ctx.require(Permission.HOMEBED_READ)
        with self.ctx.db.reader() as s:
            start_month = int(read_policy(s, "homebed.insurance_year_start_month"))
            out: dict[int, int] = {}
            for c in self._cycles(s, resident_id, exclude=None):
                for year, days in rules.days_by_insurance_year(c.start, c.end, start_month).items():
                    out[year] = out.get(year, 0) + days
            return dict(sorted(out.items()))

    def monthly(self, year: int) -> list[rules.MonthStats]:
        """Beds open at each month's end, opened, discharged, bed days, by type and outcome."""
        self.ctx.require(Permission.HOMEBED_READ)
        with self.ctx.db.reader() as s:
            q = select(HomeBed).where(HomeBed.start_date.is_not(None), HomeBed.deleted_at.is_(None))
            rows = [
                rules.CycleRow(
                    b.start_date,
                    b.end_date,
                    b.status == rules.Status.DISCHARGED,
                    b.bed_type,
                    b.outcome or "",
                    b.previous_id is not None,
                )
                for b in s.scalars(q)
                if b.start_date is not None
            ]
        return rules.monthly(rows, year, self.ctx.today())

    # ---------------------------------------------------------------- helpers
    def _write_visit(
        self, bed_id: uuid.UUID, d: VisitDraft, corrects: uuid.UUID | None, reason: str
    ) -> VisitInfo:
        user = self.ctx.require(Permission.HOMEBED_WRITE)
        role = d.role or user.role
        errors = rules.check_visit(d.vitals, (d.complaint, d.exam, d.tests, d.treatment, d.nursing))
        if role not in rules.ROLES:
            errors["role"] = "只有医生（查床）或护士（巡诊）可以记录"
        for key, text in (
            ("complaint", d.complaint),
            ("exam", d.exam),
            ("tests", d.tests),
            ("treatment", d.treatment),
            ("nursing", d.nursing),
            ("communication", d.communication),
        ):
            if len(text) > TEXT_LIMIT:
                errors[key] = f"不能超过 {TEXT_LIMIT} 字"
        now = utcnow()
        if d.visited_at.astimezone(dt.UTC) > now + dt.timedelta(minutes=5):
            errors["visited_at"] = "查床时间不能晚于现在"
        visit_day = d.visited_at.astimezone().date()
        if d.next_visit is not None and d.next_visit <= visit_day:
            errors["next_visit"] = "下次查床日期应晚于本次"
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.work(Permission.HOMEBED_WRITE) as s:
            bed = live_row(s, HomeBed, bed_id, BED_MISSING)
            if corrects is None:
                self._allowed(bed, "visit")
            elif bed.status not in (rules.Status.OPEN, rules.Status.DISCHARGED, rules.Status.RENEWED):
                raise ServiceError("该家庭病床尚未建床，没有查床记录可更正")
            assert bed.start_date is not None
            if visit_day < bed.start_date or (bed.end_date is not None and visit_day > bed.end_date):
                raise ValidationFailed({"visited_at": "查床日期应在建床与撤床之间"})
            v = BedVisit(
                bed_id=bed.id,
                resident_id=bed.resident_id,
                visited_at=d.visited_at,
                staff_id=user.id,
                role=role,
                complaint=d.complaint.strip() or None,
                vitals=dict(d.vitals),
                exam=d.exam.strip() or None,
                tests=d.tests.strip() or None,
                treatment=d.treatment.strip() or None,
                nursing=d.nursing.strip() or None,
                communication=d.communication.strip() or None,
                next_visit=d.next_visit,
                corrects_id=corrects,
                correction_reason=reason.strip()[:200] or None,
            )
            s.add(v)
            s.flush()
            self.ctx.audit(
                s, "homebed.correct" if corrects else "homebed.visit", "residents", bed.resident_id, role=role
            )
            return _visit_info(v, _users(s), False)

    def _allowed(self, bed: HomeBed, action: str) -> rules.Status:
        return self._allowed_from(rules.Status(bed.status), action)

    def _allowed_from(
        self, status: rules.Status, action: str, where: tuple[bool, bool] | None = None
    ) -> rules.Status:
        at_centre, centre_only = where or self._where()
        try:
            return rules.next_status(status, action, at_centre, centre_only)
        except DomainError as exc:
            raise ServiceError(exc.message) from None

    def _where(self) -> tuple[bool, bool]:
        """Whether this user works at a centre, and whether only a centre may open and close beds."""
        return self._at_centre(), bool(self._policy("homebed.centre_only"))

    def _step(self, s: Session, bed_id: uuid.UUID, action: str) -> HomeBed:
        bed = live_row(s, HomeBed, bed_id, BED_MISSING)
        bed.status = self._allowed(bed, action).value
        return bed

    def _policy(self, key: str) -> Any:
        with self.ctx.db.reader() as s:
            return read_policy(s, key)

    def _at_centre(self) -> bool:
        user = self.ctx.user
        if user is None or user.site_id is None:
            return False
        with self.ctx.db.reader() as s:
            site = s.get(Site, user.site_id)
            return site is not None and site.kind == "centre"

    def _user_site(self, s: Session) -> Site:
        user: CurrentUser | None = self.ctx.user
        site = s.get(Site, user.site_id) if user and user.site_id else None
        if site is None:
            raise ServiceError("您的账户未指定所属机构，不能建床")
        return site

    @staticmethod
    def _staff(s: Session, uid: uuid.UUID, roles: Sequence[str], key: str, message: str) -> StaffUser:
        u = s.get(StaffUser, uid)
        if u is None or u.role not in roles or u.deleted_at is not None or not u.active:
            raise ValidationFailed({key: message})
        return u

    @staticmethod
    def _current(s: Session, resident_id: uuid.UUID) -> HomeBed | None:
        q = select(HomeBed).where(
            HomeBed.resident_id == resident_id,
            HomeBed.status.in_([rules.Status.APPLIED.value, rules.Status.OPEN.value]),
            HomeBed.deleted_at.is_(None),
        )
        return s.scalars(q).first()

    @staticmethod
    def _next_bed_no(s: Session, site_id: uuid.UUID, year: int) -> str:
        """家床号: the year and a serial within this centre (e.g. 2026-0007)."""
        prefix = f"{year}-"
        taken = s.scalars(
            select(HomeBed.bed_no).where(HomeBed.site_id == site_id, HomeBed.bed_no.like(f"{prefix}%"))
        )
        serials = [int(n[len(prefix) :]) for n in taken if n and n[len(prefix) :].isdigit()]
        return f"{prefix}{max(serials, default=0) + 1:04d}"

    @staticmethod
    def _cycle_rows(s: Session, resident_ids: Iterable[uuid.UUID]) -> list[Row[Any]]:
        """Every registered or applied cycle of these residents, in one query."""
        q = select(HomeBed.id, HomeBed.resident_id, HomeBed.previous_id, HomeBed.start_date, HomeBed.end_date)
        return list(
            s.execute(q.where(HomeBed.resident_id.in_(set(resident_ids)), HomeBed.deleted_at.is_(None)))
        )

    def _chain(self, s: Session, bed_id: uuid.UUID) -> list[uuid.UUID]:
        """This cycle and every earlier one it continues."""
        resident = s.scalar(select(HomeBed.resident_id).where(HomeBed.id == bed_id))
        previous = {r.id: r.previous_id for r in self._cycle_rows(s, [resident] if resident else [])}
        return chain_of(bed_id, previous)

    def _cycles(self, s: Session, resident_id: uuid.UUID, exclude: uuid.UUID | None) -> list[rules.Cycle]:
        return self._as_cycles(self._cycle_rows(s, [resident_id]), exclude)

    def _as_cycles(self, rows: Iterable[Row[Any]], exclude: uuid.UUID | None) -> list[rules.Cycle]:
        today = self.ctx.today()
        return [
            rules.Cycle(r.start_date, max(r.start_date, r.end_date or today))
            for r in rows
            if r.id != exclude and r.start_date is not None
        ]

    def _infos(self, s: Session, beds: list[HomeBed], warnings: bool) -> list[BedInfo]:
        if not beds:
            return []
        today = self.ctx.today()
        sites = {sid: name for sid, name in s.execute(select(Site.id, Site.name))}
        users = _users(s)
        people = {
            r.id: r for r in s.scalars(select(Resident).where(Resident.id.in_({b.resident_id for b in beds})))
        }
        limits = None
        if warnings:
            limits = rules.Limits(
                int(read_policy(s, "homebed.cycle_days")),
                int(read_policy(s, "homebed.days_per_year")),
                int(read_policy(s, "homebed.cycles_per_year")),
                int(read_policy(s, "homebed.insurance_year_start_month")),
            )
        # The residents' cycles in one query: the renewal chains and the warnings' history.
        rows = self._cycle_rows(s, {b.resident_id for b in beds})
        previous = {r.id: r.previous_id for r in rows}
        of_resident: dict[uuid.UUID, list[Row[Any]]] = {}
        for r in rows:
            of_resident.setdefault(r.resident_id, []).append(r)
        out = []
        for b in beds:
            p = people[b.resident_id]
            end = b.end_date or today
            days = rules.bed_days(b.start_date, max(end, b.start_date)) if b.start_date else 0
            found: tuple[rules.Warning, ...] = ()
            if limits is not None and b.start_date is not None and b.status == rules.Status.OPEN:
                current = rules.Cycle(b.start_date, max(end, b.start_date))
                history = self._as_cycles(of_resident.get(b.resident_id, []), b.id)
                found = tuple(rules.warnings(current, history, limits))
            out.append(
                BedInfo(
                    b.id,
                    b.resident_id,
                    p.name,
                    p.sex,
                    age_on(p.birth_date, today),
                    p.record_no,
                    sites.get(p.street_id, "") if p.street_id else "",
                    sites.get(p.committee_id, "") if p.committee_id else "",
                    p.current_address or "",
                    p.phone or "",
                    b.status,
                    rules.STATUS_LABELS[rules.Status(b.status)],
                    b.bed_type,
                    rules.BED_TYPES.get(b.bed_type, b.bed_type),
                    b.bed_no or "",
                    b.applied_on,
                    sites.get(b.applying_site_id, "") if b.applying_site_id else "",
                    users.get(b.applying_doctor_id, "") if b.applying_doctor_id else "",
                    b.diagnosis,
                    b.icd10 or "",
                    b.indication,
                    b.summary or "",
                    b.returned_reason or "",
                    sites.get(b.site_id, "") if b.site_id else "",
                    b.start_date,
                    b.planned_end,
                    b.doctor_id,
                    users.get(b.doctor_id, "") if b.doctor_id else "",
                    b.nurse_id,
                    users.get(b.nurse_id, "") if b.nurse_id else "",
                    b.consent_on,
                    b.end_date,
                    b.outcome or "",
                    b.discharge_diagnosis or "",
                    b.discharge_icd10 or "",
                    b.discharge_summary or "",
                    b.previous_id,
                    len(chain_of(b.id, previous)),
                    days,
                    b.hospice_assessment_id,
                    found,
                )
            )
        return out


def chain_of(bed_id: uuid.UUID, previous: Mapping[uuid.UUID, uuid.UUID | None]) -> list[uuid.UUID]:
    """A cycle and every earlier one it continues, newest first, from each cycle's ``previous_id``."""
    ids: list[uuid.UUID] = []
    current: uuid.UUID | None = bed_id
    while current is not None and current not in ids:
        ids.append(current)
        current = previous.get(current)
    return ids


def _check_application(d: ApplicationDraft) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not d.diagnosis.strip():
        errors["diagnosis"] = "请填写建床诊断"
    elif len(d.diagnosis) > 200:
        errors["diagnosis"] = "建床诊断不能超过 200 字"
    if not d.indication.strip():
        errors["indication"] = "请填写收治指征和建床理由"
    if len(d.icd10.strip()) > 12:
        errors["icd10"] = "ICD-10 编码不能超过 12 个字符"
    if d.bed_type not in rules.BED_TYPES:
        errors["bed_type"] = "请选择家床类型"
    for key, text in (("indication", d.indication), ("summary", d.summary)):
        if len(text) > TEXT_LIMIT:
            errors[key] = f"不能超过 {TEXT_LIMIT} 字"
    return errors


def _users(s: Session) -> dict[uuid.UUID, str]:
    return {u.id: u.display_name for u in s.scalars(select(StaffUser))}


def _visit_info(v: BedVisit, users: Mapping[uuid.UUID, str], corrected: bool) -> VisitInfo:
    return VisitInfo(
        v.id,
        v.bed_id,
        v.visited_at,
        users.get(v.staff_id, "") if v.staff_id else "",
        v.role,
        rules.ROLES.get(v.role, v.role),
        v.complaint or "",
        dict(v.vitals),
        v.exam or "",
        v.tests or "",
        v.treatment or "",
        v.nursing or "",
        v.communication or "",
        v.next_visit,
        v.corrects_id,
        v.correction_reason or "",
        corrected,
    )
