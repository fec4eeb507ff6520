"""Hospice assessment (安宁疗护评估): the instruments and the rule computed from what the doctor
enters, the doctor's decision (an override needs a reason), sign-off that locks the record with a
digest of its content, new versions for later changes, the reassessment date, consultations, and
the referral to the regional hospice centre.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chc_desktop.domain import hospice as H
from chc_desktop.domain.dates import age_on
from chc_desktop.domain.errors import DomainError
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context, live_row
from chc_desktop.services.contracts import RESIDENT_MISSING
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.services.homebeds import HomeBedService
from chc_desktop.services.referrals import OPEN_STATUSES, ReferralInfo, ReferralService, RegisterFilters
from chc_desktop.services.settings import read_policy
from chc_desktop.services.sites import site_id
from chc_desktop.store.base import utcnow
from chc_desktop.store.models import (
    Consultation,
    HomeBed,
    HomeHospice,
    HospiceAssessment,
    Resident,
    Site,
    StaffUser,
)

# policy-defaults.md: the regional hospice centre of the district's "1+1+10".
REGIONAL_CENTRE = site_id("centre", "程家桥社区卫生服务中心")
SETTINGS = {"home": "居家", "inpatient": "机构"}


@dataclass(frozen=True)
class AssessmentDraft:
    """Everything the assessment form collects (stored as entered, so the rule can be replayed)."""

    diagnosis: str = ""
    icd10: str = ""
    end_stage: bool = False
    survival_months: int | None = None
    kps: int | None = None
    pps: int | None = None
    ppi: Mapping[str, Any] | None = None  # oral_intake, oedema, dyspnoea, delirium
    esas: Mapping[str, Any] | None = None  # items, completed_by, other_name, other_score
    barthel: Mapping[str, int] | None = None
    self_care: Mapping[str, str] | None = None
    refractory_pain: bool = False
    caregiver: bool = False
    caregiver_capable: bool = False
    caregiver_24h: bool = False
    home_suitable: bool = False
    wish: str = ""  # home | inpatient | ""
    aware_diagnosis: bool = False
    aware_prognosis: bool = False
    consent_care: bool = False
    consent_share: bool = False
    # 舒缓照护协调: preferred place of care / death (1st, 2nd), CPR decision and where kept, advance
    # directives, main carer, key worker, anticipatory medicines.
    coordination: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class AssessmentInfo:
    id: uuid.UUID
    resident_id: uuid.UUID
    version: int
    assessed_on: dt.date
    draft: AssessmentDraft
    results: Mapping[str, Any]
    eligible: bool
    recommended_setting: str | None
    reasons: tuple[str, ...]
    rule_version: str
    chosen_setting: str | None
    override_reason: str
    next_review: dt.date | None
    signed: bool
    digest: str | None
    assessor: str = ""
    assessor_site: str = ""  # the assessor's site
    signed_by: str = ""
    signed_at: dt.datetime | None = None


def evaluate(d: AssessmentDraft) -> tuple[dict[str, Any], H.Recommendation]:
    """Scores of every instrument given and the rule's recommendation; a DomainError says what is wrong."""
    results: dict[str, Any] = {}
    if d.kps is not None:
        k = H.kps(d.kps)
        results["kps"] = {"score": k.score, "description": k.description, "band": k.band}
    if d.pps is not None:
        results["pps"] = {"score": H.check_pps(d.pps)}
    ppi_score: Decimal | None = None
    if d.ppi is not None:
        if d.pps is None:
            raise DomainError("hospice.ppi", "计算 PPI 需先评 PPS", "ppi")
        p = H.ppi(
            d.pps,
            str(d.ppi.get("oral_intake", "")),
            bool(d.ppi.get("oedema")),
            bool(d.ppi.get("dyspnoea")),
            bool(d.ppi.get("delirium")),
        )
        ppi_score = p.score
        results["ppi"] = {"score": str(p.score), "survival": p.survival, "group": p.group}
    esas_max: int | None = None
    if d.esas is not None:
        e = H.esas(
            dict(d.esas.get("items", {})),
            str(d.esas.get("completed_by", "")),
            str(d.esas.get("other_name", "")),
            d.esas.get("other_score"),
        )
        esas_max = max(e.items.values())
        results["esas"] = {"total": e.total, "severe": list(e.severe), "max": esas_max}
    if d.barthel is not None:
        b = H.barthel(d.barthel)
        results["barthel"] = {"total": b.total, "band": b.band}
    if d.self_care is not None:
        c = H.elder_self_care(d.self_care)
        results["self_care"] = {"total": c.total, "band": c.band}
    if d.wish not in ("", "home", "inpatient"):
        raise DomainError("hospice.wish", "意愿只能是居家或机构", "wish")
    H.check_coordination(d.coordination)
    rec = H.recommend(
        H.RuleInputs(
            end_stage=d.end_stage,
            consent=d.consent_care,
            kps=d.kps,
            pps=d.pps,
            survival_months=d.survival_months,
            ppi=ppi_score,
            esas_max=esas_max,
            refractory_pain=d.refractory_pain,
            caregiver=d.caregiver,
            caregiver_capable=d.caregiver_capable,
            caregiver_24h=d.caregiver_24h,
            home_suitable=d.home_suitable,
            wish=d.wish,
        )
    )
    return results, rec


def content_digest(a: HospiceAssessment) -> str:
    """sha256 over what a signature covers, in a canonical JSON form."""
    body = {
        "resident": str(a.resident_id),
        "version": a.version,
        "assessed_on": a.assessed_on.isoformat(),
        "inputs": a.inputs,
        "results": a.results,
        "eligible": a.eligible,
        "recommended": a.recommended_setting,
        "reasons": a.reasons,
        "rule": a.rule_version,
        "chosen": a.chosen_setting,
        "override": a.override_reason,
        "next_review": a.next_review.isoformat() if a.next_review else None,
    }
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class HomeCareInfo:
    id: uuid.UUID
    resident_id: uuid.UUID
    assessment_id: uuid.UUID
    assessment_version: int
    started_on: dt.date
    ended_on: dt.date | None
    note: str
    bed_id: uuid.UUID | None = None  # the 舒缓照顾型 home bed that delivers it (applied for, or open)
    bed_note: str = ""  # why no bed was applied for, when none was


@dataclass(frozen=True)
class DueReview:
    resident_id: uuid.UUID
    name: str
    sex: str
    age: int
    assessment: AssessmentInfo
    days_over: int  # past the review date (0 = due today, negative = due in so many days)


@dataclass(frozen=True)
class ConsultationInfo:
    id: uuid.UUID
    held_on: dt.date
    consultant: str
    site: str
    advice: str


class HospiceService:
    def __init__(
        self, ctx: Context, referrals: ReferralService, homebeds: HomeBedService | None = None
    ) -> None:
        self.ctx = ctx
        self.referrals = referrals
        self.homebeds = homebeds

    def preview(self, draft: AssessmentDraft) -> tuple[dict[str, Any], H.Recommendation]:
        """The live result while the form is filled (nothing is saved)."""
        self.ctx.require(Permission.HOSPICE_READ)
        try:
            return evaluate(draft)
        except DomainError as exc:
            raise ValidationFailed.of(exc) from None

    def save(
        self,
        resident_id: uuid.UUID,
        draft: AssessmentDraft,
        chosen_setting: str | None = None,
        override_reason: str = "",
        assessment_id: uuid.UUID | None = None,
    ) -> AssessmentInfo:
        """Create an assessment, or change one that is not signed yet."""
        results, rec = self.preview(draft)
        draft = dataclasses.replace(draft, coordination=H.check_coordination(draft.coordination))
        if chosen_setting not in (None, "home", "inpatient"):
            raise ValidationFailed({"chosen_setting": "请选择居家或机构"})
        chosen = chosen_setting or rec.setting
        if chosen != rec.setting and not override_reason.strip():
            raise ValidationFailed({"override_reason": "与建议不同的安排须写明理由"})
        user = self.ctx.require(Permission.HOSPICE_WRITE)
        with self.ctx.work(Permission.HOSPICE_WRITE) as s:
            live_row(s, Resident, resident_id, RESIDENT_MISSING)
            previous = self._previous_pps(s, resident_id, assessment_id)
            if assessment_id is None:
                a = HospiceAssessment(
                    resident_id=resident_id, assessed_on=self.ctx.today(), assessor_id=user.id
                )
                s.add(a)
            else:
                a = live_row(s, HospiceAssessment, assessment_id, "找不到该评估")
                if a.signed_at is not None:
                    raise ServiceError("评估已签署，不能修改；如需更改请新建版本")
            a.inputs = _jsonable(dataclasses.asdict(draft))
            a.results = results
            a.eligible = rec.eligible
            a.recommended_setting = rec.setting
            a.reasons = list(rec.reasons)
            a.rule_version = rec.rule_version
            a.chosen_setting = chosen
            a.override_reason = override_reason.strip() or None if chosen != rec.setting else None
            a.next_review = self._review(s, a.assessed_on, a.inputs, results, previous)
            s.flush()
            self.ctx.audit(s, "hospice.save", "residents", resident_id)
            aid = a.id
        return self.get(aid)

    def sign(self, assessment_id: uuid.UUID) -> AssessmentInfo:
        """签署: the record is locked and its content digested (a later change shows)."""
        user = self.ctx.require(Permission.HOSPICE_SIGN)
        with self.ctx.work(Permission.HOSPICE_SIGN) as s:
            a = live_row(s, HospiceAssessment, assessment_id, "找不到该评估")
            if a.signed_at is not None:
                raise ServiceError("评估已签署")
            a.signed_at, a.signed_by_id = utcnow(), user.id
            a.digest = content_digest(a)
            self.ctx.audit(s, "hospice.sign", "residents", a.resident_id)
        return self.get(assessment_id)

    def verify(self, assessment_id: uuid.UUID) -> bool:
        """Whether a signed record's content is still what was signed."""
        with self.ctx.db.reader() as s:
            a = live_row(s, HospiceAssessment, assessment_id, "找不到该评估")
            return a.digest is not None and a.digest == content_digest(a)

    def revise(self, assessment_id: uuid.UUID) -> AssessmentInfo:
        """A new, unsigned version carrying the signed one's inputs (the signed one stays as it is)."""
        self.ctx.require(Permission.HOSPICE_WRITE)
        with self.ctx.work(Permission.HOSPICE_WRITE) as s:
            old = live_row(s, HospiceAssessment, assessment_id, "找不到该评估")
            if old.signed_at is None:
                raise ServiceError("评估尚未签署，直接修改即可")
            new = HospiceAssessment(
                resident_id=old.resident_id,
                version=old.version + 1,
                previous_id=old.id,
                assessed_on=self.ctx.today(),
                assessor_id=self.ctx.user.id if self.ctx.user else None,
                inputs=dict(old.inputs),
                results=dict(old.results),
                eligible=old.eligible,
                recommended_setting=old.recommended_setting,
                reasons=list(old.reasons),
                rule_version=old.rule_version,
                chosen_setting=old.chosen_setting,
                override_reason=old.override_reason,
            )
            new.next_review = self._review(s, new.assessed_on, old.inputs, old.results, old.inputs.get("pps"))
            s.add(new)
            s.flush()
            self.ctx.audit(s, "hospice.revise", "residents", old.resident_id, version=new.version)
            nid = new.id
        return self.get(nid)

    def replay(self, assessment_id: uuid.UUID) -> H.Recommendation:
        """What the current rule recommends for the stored inputs (to compare with the stored result)."""
        info = self.get(assessment_id)
        return evaluate(info.draft)[1]

    def refer_to_regional_centre(self, assessment_id: uuid.UUID) -> ReferralInfo:
        """机构安宁疗护: a 转出 referral to the regional hospice centre carrying the signed assessment."""
        info = self.get(assessment_id)
        if not info.signed:
            raise ServiceError("请先签署评估，再转介")
        if not info.eligible:
            raise ServiceError("评估结果不符合安宁疗护条件，不能转介")
        open_ = self.referrals.register(RegisterFilters(resident_id=info.resident_id))
        if any(r.hospice_assessment_id == info.id and r.status in OPEN_STATUSES for r in open_):
            raise ServiceError("该评估已有转介在办理中，请在转诊中查看")
        d = info.draft
        setting = SETTINGS.get(info.chosen_setting or "", "")
        content = {
            "impression": f"{d.diagnosis}（{d.icd10}）终末期，申请安宁疗护"
            if d.icd10
            else f"{d.diagnosis} 终末期，申请安宁疗护",
            "history_present": "；".join(info.reasons),
            "treatment": f"安宁疗护评估（第 {info.version} 版，{info.assessed_on}）安排：{setting}",
        }
        return self.referrals.create(
            info.resident_id,
            "up",
            REGIONAL_CENTRE,
            department="安宁疗护科",
            content=content,
            hospice_assessment_id=info.id,
        )

    def consult(
        self,
        resident_id: uuid.UUID,
        held_on: dt.date,
        consultant: str,
        advice: str,
        site: uuid.UUID | None = None,
        assessment_id: uuid.UUID | None = None,
    ) -> uuid.UUID:
        """会诊: date, consultant, site and advice."""
        errors = {}
        if not consultant.strip():
            errors["consultant"] = "请填写会诊医生"
        if not advice.strip():
            errors["advice"] = "请填写会诊意见"
        if held_on > self.ctx.today():
            errors["held_on"] = "会诊日期不能晚于今天"
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.work(Permission.HOSPICE_WRITE) as s:
            live_row(s, Resident, resident_id, RESIDENT_MISSING)
            c = Consultation(
                resident_id=resident_id,
                assessment_id=assessment_id,
                held_on=held_on,
                consultant=consultant.strip()[:40],
                site_id=site,
                advice=advice.strip(),
            )
            s.add(c)
            s.flush()
            self.ctx.audit(s, "hospice.consult", "residents", resident_id)
            return c.id

    def start_home_care(self, assessment_id: uuid.UUID, started_on: dt.date, note: str = "") -> HomeCareInfo:
        """居家安宁疗护 from a signed assessment whose chosen setting is home. The 舒缓照顾型 home bed
        that delivers it links to this record (家庭病床); the link to the assessment is kept either way."""
        info = self.get(assessment_id)
        if not info.signed:
            raise ServiceError("请先签署评估，再开始居家安宁疗护")
        if not info.eligible:
            raise ServiceError("评估结果不符合安宁疗护条件")
        if info.chosen_setting != "home":
            raise ServiceError("评估的安排是机构安宁疗护；如改为居家，请修订评估并写明理由")
        if started_on > self.ctx.today():
            raise ValidationFailed({"started_on": "开始日期不能晚于今天"})
        if started_on < info.assessed_on:
            raise ValidationFailed({"started_on": "开始日期不能早于评估日期"})
        user = self.ctx.require(Permission.HOSPICE_WRITE)
        with self.ctx.work(Permission.HOSPICE_WRITE) as s:
            if self._open_home_care(s, info.resident_id) is not None:
                raise ServiceError("该居民的居家安宁疗护已在进行中")
            row = HomeHospice(
                resident_id=info.resident_id,
                assessment_id=info.id,
                started_on=started_on,
                started_by_id=user.id,
                note=note.strip()[:200] or None,
            )
            s.add(row)
            s.flush()
            self.ctx.audit(s, "hospice.home_start", "residents", info.resident_id)
            started = _home_info(row, info.version)
        return self._apply_for_bed(started)

    def _apply_for_bed(self, started: HomeCareInfo) -> HomeCareInfo:
        """Home hospice is delivered as a 舒缓照顾型 home bed: apply for one at once (the centre opens
        it). When that cannot be done — no right to apply, a bed already open — the episode stands
        and says why."""
        if self.homebeds is None or not self.ctx.can(Permission.HOMEBED_WRITE):
            return dataclasses.replace(started, bed_note="未申请家庭病床（无家庭病床权限）")
        try:
            bed = self.homebeds.apply_from_hospice(started.assessment_id)
        except ServiceError as exc:
            return dataclasses.replace(started, bed_note=str(exc))
        return dataclasses.replace(started, bed_id=bed.id)

    def end_home_care(self, home_care_id: uuid.UUID, ended_on: dt.date) -> None:
        with self.ctx.work(Permission.HOSPICE_WRITE) as s:
            row = live_row(s, HomeHospice, home_care_id, "找不到该居家安宁疗护记录")
            if row.ended_on is not None:
                raise ServiceError("居家安宁疗护已结束")
            if ended_on < row.started_on or ended_on > self.ctx.today():
                raise ValidationFailed({"ended_on": "结束日期须在开始日期与今天之间"})
            row.ended_on = ended_on
            self.ctx.audit(s, "hospice.home_end", "residents", row.resident_id)

    # ---------------------------------------------------------------- reading
    def home_care(self, resident_id: uuid.UUID) -> list[HomeCareInfo]:
        """Every home-hospice episode of a resident, newest first."""
        self.ctx.require(Permission.HOSPICE_READ)
        with self.ctx.db.reader() as s:
            versions = dict(
                s.execute(
                    select(HospiceAssessment.id, HospiceAssessment.version).where(
                        HospiceAssessment.resident_id == resident_id
                    )
                ).all()
            )
            q = select(HomeHospice).where(
                HomeHospice.resident_id == resident_id, HomeHospice.deleted_at.is_(None)
            )
            rows = s.scalars(q.order_by(HomeHospice.started_on.desc()))
            beds = dict(
                s.execute(
                    select(HomeBed.home_hospice_id, HomeBed.id).where(
                        HomeBed.resident_id == resident_id,
                        HomeBed.home_hospice_id.is_not(None),
                        HomeBed.deleted_at.is_(None),
                    )
                ).all()
            )
            return [
                dataclasses.replace(_home_info(r, versions.get(r.assessment_id, 0)), bed_id=beds.get(r.id))
                for r in rows
            ]

    def consultations(self, resident_id: uuid.UUID) -> list[ConsultationInfo]:
        """会诊 records, newest first."""
        self.ctx.require(Permission.HOSPICE_READ)
        with self.ctx.db.reader() as s:
            sites = dict(s.execute(select(Site.id, Site.name)).all())
            q = select(Consultation).where(
                Consultation.resident_id == resident_id, Consultation.deleted_at.is_(None)
            )
            return [
                ConsultationInfo(
                    c.id, c.held_on, c.consultant, sites.get(c.site_id, "") if c.site_id else "", c.advice
                )
                for c in s.scalars(q.order_by(Consultation.held_on.desc(), Consultation.created_at.desc()))
            ]

    def outcome(self, resident_id: uuid.UUID) -> H.DeathOutcome | None:
        """For a resident who has died: where and when, against the place of death preferred in the
        latest assessment that recorded one."""
        self.ctx.require(Permission.HOSPICE_READ)
        with self.ctx.db.reader() as s:
            r = live_row(s, Resident, resident_id, RESIDENT_MISSING)
            if r.status != "dead" or r.status_date is None:
                return None
            q = (
                select(HospiceAssessment.inputs)
                .where(HospiceAssessment.resident_id == resident_id, HospiceAssessment.deleted_at.is_(None))
                .order_by(HospiceAssessment.assessed_on.desc(), HospiceAssessment.version.desc())
            )
            preferred: tuple[str, ...] = ()
            for inputs in s.scalars(q):
                c = inputs.get("coordination") or {}
                preferred = tuple(c[k] for k in ("death_place_1", "death_place_2") if c.get(k))
                if preferred:
                    break
            return H.death_outcome(r.status_date, r.death_place, preferred)

    def get(self, assessment_id: uuid.UUID) -> AssessmentInfo:
        self.ctx.require(Permission.HOSPICE_READ)
        with self.ctx.db.reader() as s:
            return _info(live_row(s, HospiceAssessment, assessment_id, "找不到该评估"), _staff(s))

    def history(self, resident_id: uuid.UUID) -> list[AssessmentInfo]:
        """Every version, oldest first (for the PPS / KPS / ESAS chart)."""
        self.ctx.require(Permission.HOSPICE_READ)
        with self.ctx.db.reader() as s:
            q = select(HospiceAssessment).where(
                HospiceAssessment.resident_id == resident_id, HospiceAssessment.deleted_at.is_(None)
            )
            staff = _staff(s)
            return [
                _info(a, staff)
                for a in s.scalars(q.order_by(HospiceAssessment.assessed_on, HospiceAssessment.version))
            ]

    def reviews_due(self, within_days: int = 0) -> list[AssessmentInfo]:
        """Signed, latest versions whose reassessment is due by today + ``within_days`` (workbench)."""
        self.ctx.require(Permission.HOSPICE_READ)
        until = self.ctx.today() + dt.timedelta(days=within_days)
        with self.ctx.db.reader() as s:
            newer = select(HospiceAssessment.previous_id).where(HospiceAssessment.previous_id.is_not(None))
            q = select(HospiceAssessment).where(
                HospiceAssessment.next_review <= until,
                HospiceAssessment.signed_at.is_not(None),
                HospiceAssessment.deleted_at.is_(None),
                HospiceAssessment.id.not_in(newer),
            )
            staff = _staff(s)
            return [_info(a, staff) for a in s.scalars(q.order_by(HospiceAssessment.next_review))]

    @staticmethod
    def _review(
        s: Session,
        on: dt.date,
        inputs: Mapping[str, Any],
        results: Mapping[str, Any],
        previous_pps: int | None,
    ) -> dt.date:
        """The reassessment date by the policy (shorter when PPS is low, PPI high, or PPS fell)."""
        interval = int(read_policy(s, "hospice.reassess_days"))
        unstable = int(read_policy(s, "hospice.reassess_days_unstable"))
        ppi_score = Decimal(results["ppi"]["score"]) if "ppi" in results else None
        return H.next_review(on, inputs.get("pps"), ppi_score, previous_pps, interval, unstable)[0]

    def due_list(self, within_days: int = 0) -> list[DueReview]:
        """reviews_due with who each one is (the workbench's 复评到期 list), most overdue first."""
        due = self.reviews_due(within_days)
        today = self.ctx.today()
        with self.ctx.db.reader() as s:
            people = {
                r.id: r
                for r in s.scalars(select(Resident).where(Resident.id.in_({a.resident_id for a in due})))
            }
        out = []
        for a in due:
            p = people[a.resident_id]
            if p.status == "dead" or p.deleted_at is not None:
                continue  # nobody to reassess
            assert a.next_review is not None
            out.append(
                DueReview(p.id, p.name, p.sex, age_on(p.birth_date, today), a, (today - a.next_review).days)
            )
        return out

    @staticmethod
    def _open_home_care(s: Session, resident_id: uuid.UUID) -> HomeHospice | None:
        q = select(HomeHospice).where(
            HomeHospice.resident_id == resident_id,
            HomeHospice.ended_on.is_(None),
            HomeHospice.deleted_at.is_(None),
        )
        return s.scalars(q).first()

    @staticmethod
    def _previous_pps(s: Session, resident_id: uuid.UUID, exclude: uuid.UUID | None) -> int | None:
        q = (
            select(HospiceAssessment)
            .where(HospiceAssessment.resident_id == resident_id, HospiceAssessment.signed_at.is_not(None))
            .order_by(HospiceAssessment.assessed_on.desc(), HospiceAssessment.version.desc())
        )
        for a in s.scalars(q):
            if a.id != exclude and a.inputs.get("pps") is not None:
                return int(a.inputs["pps"])
        return None


def _jsonable(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _home_info(r: HomeHospice, version: int) -> HomeCareInfo:
    return HomeCareInfo(r.id, r.resident_id, r.assessment_id, version, r.started_on, r.ended_on, r.note or "")


def _staff(s: Session) -> dict[uuid.UUID, tuple[str, str]]:
    """Each user's name and site name (who assessed and signed, and where)."""
    sites = dict(s.execute(select(Site.id, Site.name)).all())
    return {
        uid: (name, sites.get(site_id, "") if site_id else "")
        for uid, name, site_id in s.execute(select(StaffUser.id, StaffUser.display_name, StaffUser.site_id))
    }


def _info(a: HospiceAssessment, staff: Mapping[uuid.UUID, tuple[str, str]]) -> AssessmentInfo:
    fields = {f.name for f in dataclasses.fields(AssessmentDraft)}
    assessor, site = staff.get(a.assessor_id, ("", "")) if a.assessor_id else ("", "")
    draft = AssessmentDraft(**{k: v for k, v in a.inputs.items() if k in fields})
    return AssessmentInfo(
        a.id,
        a.resident_id,
        a.version,
        a.assessed_on,
        draft,
        dict(a.results),
        a.eligible,
        a.recommended_setting,
        tuple(a.reasons),
        a.rule_version,
        a.chosen_setting,
        a.override_reason or "",
        a.next_review,
        a.signed_at is not None,
        a.digest,
        assessor,
        site,
        staff.get(a.signed_by_id, ("", ""))[0] if a.signed_by_id else "",
        a.signed_at,
    )
