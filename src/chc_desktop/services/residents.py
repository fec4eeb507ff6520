"""The resident file: filing (建档), editing, closing (失访/死亡/迁出), duplicates, households, tags."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from chc_desktop.domain import codes
from chc_desktop.domain.contracts import COVERAGE_KEY_POPULATIONS
from chc_desktop.domain.dates import age_on
from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.hospice import PLACES
from chc_desktop.domain.id_number import parse_id_number
from chc_desktop.domain.key_populations import (
    AGE_GROUPS,
    DERIVED_BY_FILE,
    birth_date_range,
    derived_from_file,
)
from chc_desktop.domain.resident import (
    CLINICAL_FIELDS,
    DRAFT_FIELDS,
    HistoryItem,
    ResidentDraft,
    check_resident,
)
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context, live_row
from chc_desktop.services.contracts import RESIDENT_MISSING, end_on_death
from chc_desktop.services.contracts import in_force as contract_in_force
from chc_desktop.services.errors import NotFound, ServiceError, ValidationFailed
from chc_desktop.services.record_numbers import assign_record_number
from chc_desktop.services.settings import read_policy
from chc_desktop.store.base import utcnow
from chc_desktop.store.database import HUB_URL_KEY
from chc_desktop.store.models import (
    Contract,
    HistoryEntry,
    Household,
    HouseholdMember,
    KeyPopulationTag,
    Resident,
    Site,
    StaffUser,
    Team,
    TeamMember,
)

__all__ = ["HistoryItem", "ResidentDraft"]

STATUS_LABELS = {c.code: c.label for c in codes.RESIDENT_STATUS.codes}
COVERAGE_AGE_GROUPS = tuple(c for c in COVERAGE_KEY_POPULATIONS if c in AGE_GROUPS)
# Filters.key_population for "any group the key-population coverage counts" (应签尽签).
ANY_KEY_POPULATION = "any"
# Columns copied one-to-one between the draft's clean values and the resident row.
# Columns copied one-to-one between a draft's clean values and the resident row (history has rows).
ROW_FIELDS = tuple(f for f in DRAFT_FIELDS if f != "history")
ID_FIELDS = frozenset({"street_id", "committee_id", "doctor_id"})
ROW_COLUMNS = (
    Resident.id,
    Resident.record_no,
    Resident.name,
    Resident.sex,
    Resident.birth_date,
    Resident.id_number,
    Resident.phone,
    Resident.street_id,
    Resident.committee_id,
    Resident.current_address,
    Resident.status,
)
SORT_COLUMNS = {
    "record_no": Resident.record_no,
    "name": Resident.name,
    "sex": Resident.sex,
    "birth_date": Resident.birth_date,
    "filing_date": Resident.filing_date,
    "status": Resident.status,
    "phone": Resident.phone,
    "id_number": Resident.id_number,
    "current_address": Resident.current_address,
}


@dataclass(frozen=True)
class ResidentRow:
    """One line of a list or a search result."""

    id: uuid.UUID
    record_no: str | None
    name: str
    sex: str
    birth_date: dt.date
    age: int
    id_number: str | None
    phone: str | None
    street: str
    committee: str
    current_address: str | None
    status: str
    match: str = ""  # for search: what matched (身份证号, 姓名拼音…)


@dataclass(frozen=True)
class Filters:
    street_id: uuid.UUID | None = None
    committee_id: uuid.UUID | None = None
    key_population: str | None = None  # a KEY_POPULATION code, or ANY_KEY_POPULATION
    status: str | None = "active"
    contract: str | None = None  # "signed" | "unsigned" | "mine" (in force with the user's teams)


@dataclass(frozen=True)
class TagInfo:
    id: uuid.UUID | None
    code: str
    label: str
    since: dt.date | None
    source: str  # derived | manual | import | age
    note: str | None


@dataclass(frozen=True)
class HouseholdMemberInfo:
    resident_id: uuid.UUID
    name: str
    relation: str
    relation_label: str
    sex: str
    age: int


@dataclass(frozen=True)
class HouseholdInfo:
    id: uuid.UUID
    address: str | None
    members: list[HouseholdMemberInfo]


@dataclass(frozen=True)
class ResidentFile:
    id: uuid.UUID
    record_no: str | None
    draft: ResidentDraft
    age: int
    status: str
    status_date: dt.date | None
    status_reason: str | None
    death_cause: str | None
    death_place: str | None
    moved_to: str | None
    street: str
    committee: str
    doctor: str
    filed_by: str
    filing_site: str
    clinical_visible: bool
    key_populations: list[TagInfo] = field(default_factory=list)
    household: HouseholdInfo | None = None

    @property
    def record_no_formatted(self) -> str:
        r = self.record_no
        return f"{r[:6]}-{r[6:9]}-{r[9:12]}-{r[12:]}" if r else "（待分配）"


@dataclass(frozen=True)
class DuplicateCandidate:
    row: ResidentRow
    reason: str  # 身份证号相同 / 姓名和出生日期相同 / 姓名和电话相同
    same_id_number: bool


class DuplicateSuspected(ServiceError):
    """Likely the same person is filed already; the user is offered the existing file."""

    def __init__(self, candidates: list[DuplicateCandidate]) -> None:
        self.candidates = candidates
        self.blocking = any(c.same_id_number for c in candidates)
        super().__init__(
            "已有相同身份证号的档案，请打开已有档案"
            if self.blocking
            else "可能已建档：发现姓名相同的相似档案"
        )


def _draft_value(value: Any) -> Any:
    """A stored value as the form holds it: text, tuples of codes, ids as they are."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return tuple(value)
    if isinstance(value, dict):
        return {k: tuple(v) for k, v in value.items()}
    return value


def _draft_from_row(r: Resident, history: Sequence[HistoryEntry], clinical: bool) -> ResidentDraft:
    values = {
        f: getattr(r, f) if f in ID_FIELDS else _draft_value(getattr(r, f))
        for f in ROW_FIELDS
        if clinical or f not in CLINICAL_FIELDS
    }
    if clinical:
        values["history"] = tuple(
            HistoryItem(h.kind, h.code, h.detail, h.occurred_year, h.occurred_month) for h in history
        )
    return ResidentDraft(**values)


class ResidentService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._site_names: dict[uuid.UUID, str] | None = None

    # ---------------------------------------------------------------- validation
    def check(self, draft: ResidentDraft) -> dict[str, str]:
        """Field → message for everything saving would refuse (live feedback while typing)."""
        with self.ctx.db.reader() as s:
            return self._check(s, draft, self.ctx.can(Permission.CLINICAL_WRITE))[1]

    def id_number_facts(self, text: str) -> tuple[str, str] | None:
        """(birth date as YYYY-MM-DD, sex code) a valid ID number tells, so a form can fill them in."""
        try:
            info = parse_id_number(text, today=self.ctx.today())
        except DomainError:
            return None
        return info.birth_date.isoformat(), info.sex

    def _clean(self, s: Session, draft: ResidentDraft, clinical: bool) -> dict[str, Any]:
        values, errors = self._check(s, draft, clinical)
        if errors:
            raise ValidationFailed(errors)
        return values

    def _check(
        self, s: Session, draft: ResidentDraft, clinical: bool
    ) -> tuple[dict[str, Any], dict[str, str]]:
        values, errors = check_resident(draft, self.ctx.today(), include_clinical=clinical)
        street = s.get(Site, values["street_id"]) if values.get("street_id") else None
        committee = s.get(Site, values["committee_id"]) if values.get("committee_id") else None
        if street is None or street.kind != "street":
            errors["street_id"] = "请选择乡镇（街道）"
        if committee is None or committee.kind != "committee":
            errors["committee_id"] = "请选择村（居）委会"
        elif street is not None and committee.parent_id != street.id:
            errors["committee_id"] = "该居委会不属于所选街道"
        if values.get("doctor_id"):
            doctor = s.get(StaffUser, values["doctor_id"])
            if doctor is None or doctor.role != "doctor":
                errors["doctor_id"] = "责任医生须为家庭医生账户"
        return values, errors

    # ---------------------------------------------------------------- duplicates
    def find_duplicates(
        self, draft: ResidentDraft, exclude: uuid.UUID | None = None
    ) -> list[DuplicateCandidate]:
        """Existing files that are likely the same person: same ID number, name + birth date, name + phone."""
        values, _errors = check_resident(draft, self.ctx.today(), include_clinical=False)
        self.ctx.require(Permission.RESIDENT_READ)
        with self.ctx.db.reader() as s:
            return self._duplicates(s, values, exclude)

    def _duplicates(
        self, s: Session, values: dict[str, Any], exclude: uuid.UUID | None
    ) -> list[DuplicateCandidate]:
        tests: list[tuple[ColumnElement[bool], str, bool]] = []
        if values.get("id_number"):
            tests.append((Resident.id_number == values["id_number"], "身份证号相同", True))
        if values.get("name") and values.get("birth_date"):
            tests.append(
                (
                    and_(Resident.name == values["name"], Resident.birth_date == values["birth_date"]),
                    "姓名和出生日期相同",
                    False,
                )
            )
        if values.get("name") and values.get("phone"):
            tests.append(
                (
                    and_(Resident.name == values["name"], Resident.phone == values["phone"]),
                    "姓名和联系电话相同",
                    False,
                )
            )
        found: dict[uuid.UUID, DuplicateCandidate] = {}
        for condition, reason, same_id in tests:
            q = select(Resident).where(condition, Resident.deleted_at.is_(None)).limit(20)
            if exclude:
                q = q.where(Resident.id != exclude)
            for r in s.scalars(q):
                if r.id not in found or same_id:
                    found[r.id] = DuplicateCandidate(self._row(r), reason, same_id)
        return sorted(found.values(), key=lambda c: not c.same_id_number)

    def suspected_duplicates(self, limit: int = 200) -> list[list[DuplicateCandidate]]:
        """Groups of files in this database that look like one person (e.g. filed twice offline)."""
        self.ctx.require(Permission.RESIDENT_READ)
        groups: list[list[DuplicateCandidate]] = []
        seen: set[frozenset[uuid.UUID]] = set()
        live = Resident.deleted_at.is_(None)
        keys = [
            ((Resident.id_number,), "身份证号相同", True),
            ((Resident.name, Resident.birth_date), "姓名和出生日期相同", False),
            ((Resident.name, Resident.phone), "姓名和联系电话相同", False),
        ]
        with self.ctx.db.reader() as s:
            for cols, reason, same_id in keys:
                dup_keys = s.execute(
                    select(*cols)
                    .where(live, *(c.is_not(None) for c in cols))
                    .group_by(*cols)
                    .having(func.count() > 1)
                    .limit(limit)
                ).all()
                for key in dup_keys:
                    rows = list(
                        s.scalars(
                            select(Resident).where(live, *(c == v for c, v in zip(cols, key, strict=True)))
                        )
                    )
                    ids = frozenset(r.id for r in rows)
                    if ids in seen:
                        continue
                    seen.add(ids)
                    groups.append([DuplicateCandidate(self._row(r, s), reason, same_id) for r in rows])
        return groups

    def merge(self, keep_id: uuid.UUID, drop_id: uuid.UUID) -> ResidentFile:
        """Merge a duplicate file into the one kept: every child record moves over, fields empty on
        the kept file take the duplicate's value, and the duplicate is tombstoned pointing at the
        kept file. Both files' audit trails stay where they are; the merge itself is audited."""
        if keep_id == drop_id:
            raise ServiceError("不能把档案合并到它自己")
        clinical = self.ctx.can(Permission.CLINICAL_WRITE)
        with self.ctx.work(Permission.RESIDENT_WRITE) as s:
            keep, drop = self._load(s, keep_id), self._load(s, drop_id)
            if keep.deleted_at is not None or drop.deleted_at is not None:
                raise ServiceError("已合并或已删除的档案不能再合并")
            moved: dict[str, int] = {}
            child_models: tuple[type[HistoryEntry | HouseholdMember | KeyPopulationTag | Contract], ...] = (
                HistoryEntry,
                HouseholdMember,
                KeyPopulationTag,
                Contract,  # two in force afterwards are listed by contracts.double_contracts
            )
            for model in child_models:
                if model is HistoryEntry and not clinical:
                    continue
                children: Sequence[Any] = s.scalars(
                    select(model).where(model.resident_id == drop_id, model.deleted_at.is_(None))
                ).all()
                for child in children:
                    child.resident_id = keep_id
                moved[model.__tablename__] = len(children)
            filled = []
            for key in ROW_FIELDS:
                if key in ("record_no", "id", "status") or (key in CLINICAL_FIELDS and not clinical):
                    continue
                mine, theirs = getattr(keep, key, None), getattr(drop, key, None)
                if mine in (None, "", [], {}) and theirs not in (None, "", [], {}):
                    setattr(keep, key, theirs)
                    filled.append(key)
            drop.merged_into_id = keep_id
            drop.deleted_at = utcnow()
            self.ctx.audit(
                s,
                "resident.merge",
                "residents",
                keep_id,
                merged=str(drop_id),
                moved=moved,
                filled=sorted(filled),
            )
            self.ctx.audit(s, "resident.merged_into", "residents", drop_id, into=str(keep_id))
        return self.get(keep_id, audit=False)

    # ---------------------------------------------------------------- filing and editing
    def file(self, draft: ResidentDraft, *, not_duplicate_of: Sequence[uuid.UUID] = ()) -> ResidentFile:
        """建档: validate, refuse a second file for the same ID number, warn on look-alikes, assign the
        record number, write everything in one unit of work."""
        clinical = self.ctx.can(Permission.CLINICAL_WRITE)
        if not clinical and any(getattr(draft, f) != getattr(ResidentDraft(), f) for f in CLINICAL_FIELDS):
            raise ServiceError("您的角色无权填写既往史等临床信息")
        user = self.ctx.require(Permission.RESIDENT_WRITE)
        standalone = self.ctx.db.meta(HUB_URL_KEY) is None
        with self.ctx.work(Permission.RESIDENT_WRITE) as s:
            values = self._clean(s, draft, clinical)
            candidates = self._duplicates(s, values, None)
            blocking = [c for c in candidates if c.same_id_number or c.row.id not in set(not_duplicate_of)]
            if blocking:
                raise DuplicateSuspected(candidates)
            street = s.get(Site, values["street_id"])
            committee = s.get(Site, values["committee_id"])
            assert street is not None and committee is not None
            record_no = assign_record_number(
                s,
                self.ctx.db,
                street,
                committee,
                int(read_policy(s, "record_no.lease_block")),
                standalone=standalone,
            )
            resident = Resident(
                record_no=record_no,
                filed_by_id=user.id,
                filing_site_id=user.site_id,
                **{k: values[k] for k in ROW_FIELDS if k in values},
            )
            s.add(resident)
            s.flush()
            self._write_history(s, resident, values.get("history", []))
            self._refresh_derived_tags(s, resident)
            self.ctx.audit(
                s, "resident.create", "residents", resident.id, duplicates_overridden=len(candidates) or None
            )
            rid = resident.id
        return self.get(rid, audit=False)

    def update(self, resident_id: uuid.UUID, draft: ResidentDraft) -> ResidentFile:
        """Save the changed fields only (each is one field for the sync merge)."""
        clinical = self.ctx.can(Permission.CLINICAL_WRITE)
        with self.ctx.work(Permission.RESIDENT_WRITE) as s:
            resident = self._load(s, resident_id)
            values = self._clean(s, draft, clinical)
            changed = [k for k in ROW_FIELDS if k in values and getattr(resident, k) != values[k]]
            if values.get("id_number") and "id_number" in changed:
                clash = [c for c in self._duplicates(s, values, resident_id) if c.same_id_number]
                if clash:
                    raise DuplicateSuspected(clash)
            for key in changed:
                setattr(resident, key, values[key])
            if clinical and self._write_history(s, resident, values.get("history", [])):
                changed.append("history")
            self._refresh_derived_tags(s, resident)
            if changed:
                self.ctx.audit(s, "resident.update", "residents", resident_id, fields=sorted(changed))
        return self.get(resident_id, audit=False)

    def set_status(
        self,
        resident_id: uuid.UUID,
        status: str,
        on: dt.date,
        reason: str = "",
        death_cause: str = "",
        moved_to: str = "",
        death_place: str = "",
    ) -> ResidentFile:
        """Close a file as 失访 / 死亡 / 迁出 (with date and reason; for a death also where, compared
        with the hospice preference), or reopen it (在册). Never deletes."""
        errors: dict[str, str] = {}
        if not codes.RESIDENT_STATUS.has(status):
            errors["status"] = "未知的档案状态"
        if on > self.ctx.today():
            errors["status_date"] = "日期不能晚于今天"
        if status == "lost" and not reason.strip():
            errors["status_reason"] = "失访请写明原因"
        if status == "dead" and not death_cause.strip():
            errors["death_cause"] = "死亡请写明死亡原因"
        if status == "moved" and not moved_to.strip():
            errors["moved_to"] = "迁出请写明迁往何处"
        if death_place and death_place not in PLACES:
            errors["death_place"] = "请从列表中选择死亡地点"
        if errors:
            raise ValidationFailed(errors)
        with self.ctx.work(Permission.RESIDENT_STATUS) as s:
            resident = self._load(s, resident_id)
            if on < resident.birth_date:
                raise ValidationFailed({"status_date": "日期不能早于出生日期"})
            if resident.status == "dead" and status != "dead":
                self.ctx.require(Permission.CLINICAL_WRITE)  # undoing a death is a clinical correction
            resident.status = status
            resident.status_date = None if status == "active" else on
            resident.status_reason = reason.strip() or None
            resident.death_cause = death_cause.strip() or None if status == "dead" else None
            resident.moved_to = moved_to.strip() or None if status == "moved" else None
            resident.death_place = death_place or None if status == "dead" else None
            ended = end_on_death(s, resident_id, on) if status == "dead" else 0
            self.ctx.audit(
                s, "resident.status", "residents", resident_id, status=status, contracts_ended=ended or None
            )
        return self.get(resident_id, audit=False)

    def filed_since(self, day: dt.date) -> list[uuid.UUID]:
        """Files opened on or after ``day`` (a batch of covers), by record number."""
        self.ctx.require(Permission.RESIDENT_READ)
        with self.ctx.db.reader() as s:
            q = select(Resident.id).where(
                Resident.filing_date >= day, Resident.deleted_at.is_(None), Resident.merged_into_id.is_(None)
            )
            return list(s.scalars(q.order_by(Resident.record_no, Resident.id)))

    def get(self, resident_id: uuid.UUID, *, audit: bool = True) -> ResidentFile:
        """One file; clinical history only for roles that may see it. Viewing is audited."""
        self.ctx.require(Permission.RESIDENT_READ)
        clinical = self.ctx.can(Permission.CLINICAL_READ)
        if audit:
            with self.ctx.db.unit_of_work(self.ctx.user.id if self.ctx.user else None) as s:
                self.ctx.audit(s, "resident.view", "residents", resident_id)
        with self.ctx.db.reader() as s:
            r = self._load(s, resident_id)
            history = (
                list(
                    s.scalars(
                        select(HistoryEntry)
                        .where(HistoryEntry.resident_id == r.id, HistoryEntry.deleted_at.is_(None))
                        .order_by(HistoryEntry.kind, HistoryEntry.occurred_year, HistoryEntry.occurred_month)
                    )
                )
                if clinical
                else []
            )
            names = self._names(s)
            users = {u.id: u.display_name for u in s.scalars(select(StaffUser))}
            return ResidentFile(
                id=r.id,
                record_no=r.record_no,
                draft=_draft_from_row(r, history, clinical),
                age=age_on(r.birth_date, self.ctx.today()),
                status=r.status,
                status_date=r.status_date,
                status_reason=r.status_reason,
                death_cause=r.death_cause,
                death_place=r.death_place,
                moved_to=r.moved_to,
                street=names.get(r.street_id, "") if r.street_id else "",
                committee=names.get(r.committee_id, "") if r.committee_id else "",
                doctor=users.get(r.doctor_id, "") if r.doctor_id else "",
                filed_by=users.get(r.filed_by_id, "") if r.filed_by_id else "",
                filing_site=names.get(r.filing_site_id, "") if r.filing_site_id else "",
                clinical_visible=clinical,
                key_populations=self._tags(s, r),
                household=self._household(s, r.id),
            )

    # ---------------------------------------------------------------- key populations
    def tag(self, resident_id: uuid.UUID, code: str, since: dt.date | None, note: str = "") -> None:
        """Tag a key population that cannot be derived (孕产妇, 计划生育特殊家庭, 低保…)."""
        if not codes.KEY_POPULATION.has(code) or code in DERIVED_BY_FILE or code in AGE_GROUPS:
            raise ValidationFailed({"key_population": "该重点人群由档案自动判断，无需手工标记"})
        if since and since > self.ctx.today():
            raise ValidationFailed({"since": "日期不能晚于今天"})
        with self.ctx.work(Permission.KEY_POPULATION_WRITE) as s:
            self._load(s, resident_id)
            active = s.scalars(
                select(KeyPopulationTag).where(
                    KeyPopulationTag.resident_id == resident_id,
                    KeyPopulationTag.code == code,
                    KeyPopulationTag.deleted_at.is_(None),
                    KeyPopulationTag.until.is_(None),
                )
            ).first()
            if active:
                raise ValidationFailed({"key_population": "已标记该重点人群"})
            tag = KeyPopulationTag(
                resident_id=resident_id,
                code=code,
                since=since or self.ctx.today(),
                source="manual",
                note=note.strip() or None,
            )
            s.add(tag)
            self.ctx.audit(s, "keypop.tag", "residents", resident_id, code=code)

    def untag(self, tag_id: uuid.UUID, until: dt.date | None = None) -> None:
        # A tag ends today or earlier: an open tag (no end date) is what membership means.
        if until is not None and until > self.ctx.today():
            raise ValidationFailed({"until": "结束日期不能晚于今天"})
        with self.ctx.work(Permission.KEY_POPULATION_WRITE) as s:
            tag = s.get(KeyPopulationTag, tag_id)
            if tag is None or tag.deleted_at is not None:
                raise NotFound("找不到该重点人群标记")
            tag.until = until or self.ctx.today()
            self.ctx.audit(s, "keypop.untag", "residents", tag.resident_id, code=tag.code)

    # ---------------------------------------------------------------- households
    def join_household(self, resident_id: uuid.UUID, relation: str, with_resident: uuid.UUID | None) -> None:
        """Put a resident into the household of ``with_resident`` (or a new one, as its head)."""
        if not codes.RELATION_TO_HEAD.has(relation):
            raise ValidationFailed({"relation": "请选择与户主关系"})
        with self.ctx.work(Permission.RESIDENT_WRITE) as s:
            resident = self._load(s, resident_id)
            self._leave(s, resident_id)
            if with_resident is None:
                household = Household(address=resident.current_address, committee_id=resident.committee_id)
                s.add(household)
                s.flush()
                household_id = household.id
            else:
                other = self._membership(s, with_resident)
                if other is None:
                    raise ServiceError("对方尚未加入任何家庭，请先为其新建家庭")
                household_id = other.household_id
            if relation == "02" and s.scalar(
                select(func.count())
                .select_from(HouseholdMember)
                .where(
                    HouseholdMember.household_id == household_id,
                    HouseholdMember.relation == "02",
                    HouseholdMember.deleted_at.is_(None),
                )
            ):
                raise ValidationFailed({"relation": "该家庭已有户主"})
            s.add(HouseholdMember(household_id=household_id, resident_id=resident_id, relation=relation))
            self.ctx.audit(s, "household.join", "households", household_id)

    def leave_household(self, resident_id: uuid.UUID) -> None:
        with self.ctx.work(Permission.RESIDENT_WRITE) as s:
            self._leave(s, resident_id)

    def _leave(self, s: Session, resident_id: uuid.UUID) -> None:
        member = self._membership(s, resident_id)
        if member is not None:
            member.deleted_at = dt.datetime.now(dt.UTC)
            self.ctx.audit(s, "household.leave", "households", member.household_id)

    @staticmethod
    def _membership(s: Session, resident_id: uuid.UUID) -> HouseholdMember | None:
        return s.scalars(
            select(HouseholdMember).where(
                HouseholdMember.resident_id == resident_id, HouseholdMember.deleted_at.is_(None)
            )
        ).first()

    def _household(self, s: Session, resident_id: uuid.UUID) -> HouseholdInfo | None:
        member = self._membership(s, resident_id)
        if member is None:
            return None
        household = s.get(Household, member.household_id)
        assert household is not None
        rows = s.execute(
            select(HouseholdMember.relation, Resident)
            .join(Resident, Resident.id == HouseholdMember.resident_id)
            .where(HouseholdMember.household_id == household.id, HouseholdMember.deleted_at.is_(None))
            .order_by(HouseholdMember.relation)
        ).all()
        today = self.ctx.today()
        return HouseholdInfo(
            household.id,
            household.address,
            [
                HouseholdMemberInfo(
                    r.id, r.name, rel, codes.RELATION_TO_HEAD.label(rel), r.sex, age_on(r.birth_date, today)
                )
                for rel, r in rows
            ],
        )

    # ---------------------------------------------------------------- lists
    def count_mine(self) -> int:
        """= count(Filters(contract="mine", status=None)), from the contracts' index alone: contracts
        never point at a tombstone (merging moves them), so no resident row need be read
        (8 ms against 180 ms on 300,000)."""
        self.ctx.require(Permission.RESIDENT_READ)
        with self.ctx.db.reader() as s:
            q = select(func.count(func.distinct(Contract.resident_id))).where(*self.my_contracts(s))
            return int(s.scalar(q.with_hint(Contract, "INDEXED BY ix_contracts_team_status", "sqlite")) or 0)

    def count(self, filters: Filters) -> int:
        if filters == Filters(contract="mine", status=None):
            return self.count_mine()
        self.ctx.require(Permission.RESIDENT_READ)
        with self.ctx.db.reader() as s:
            return int(
                s.scalar(select(func.count()).select_from(Resident).where(*self._where(s, filters))) or 0
            )

    def page(
        self, filters: Filters, offset: int, limit: int, sort: str = "record_no", descending: bool = False
    ) -> list[ResidentRow]:
        """A page of the resident list, sorted; the list view fetches pages as it scrolls."""
        self.ctx.require(Permission.RESIDENT_READ)
        column = SORT_COLUMNS.get(sort, Resident.record_no)
        order = [column.desc(), Resident.id.desc()] if descending else [column, Resident.id]
        with self.ctx.db.reader() as s:
            q = (
                select(*ROW_COLUMNS)
                .where(*self._where(s, filters))
                .order_by(*order)
                .offset(offset)
                .limit(limit)
            )
            return [self._row_of(t, s) for t in s.execute(q)]

    def rows(self, ids: Sequence[uuid.UUID], s: Session | None = None) -> dict[uuid.UUID, ResidentRow]:
        if s is None:
            with self.ctx.db.reader() as session:
                return self.rows(ids, session)
        out: dict[uuid.UUID, ResidentRow] = {}
        for start in range(0, len(ids), 500):
            q = select(*ROW_COLUMNS).where(Resident.id.in_(list(ids[start : start + 500])))
            out.update((t[0], self._row_of(t, s)) for t in s.execute(q))
        return out

    def _row_of(self, t: Any, s: Session) -> ResidentRow:
        names = self._names(s)
        rid, record_no, name, sex, birth, idn, phone, street, committee, address, status = t
        return ResidentRow(
            rid,
            record_no,
            name,
            sex,
            birth,
            age_on(birth, self.ctx.today()),
            idn,
            phone,
            names.get(street, "") if street else "",
            names.get(committee, "") if committee else "",
            address,
            status,
        )

    def _where(self, s: Session, f: Filters) -> list[ColumnElement[bool]]:
        where: list[ColumnElement[bool]] = [Resident.deleted_at.is_(None)]
        if f.status:
            where.append(Resident.status == f.status)
        if f.street_id:
            where.append(Resident.street_id == f.street_id)
        if f.committee_id:
            where.append(Resident.committee_id == f.committee_id)
        if f.key_population == ANY_KEY_POPULATION:
            where.append(self.any_key_population(s))
        elif f.key_population:
            where.append(self.key_population_condition(s, f.key_population))
        if f.contract:
            # contract_until is kept by the database from the contracts (store/signing_state.py).
            signed = Resident.contract_until >= self.ctx.today()
            if f.contract == "signed":
                where.append(signed)
            elif f.contract == "unsigned":
                where.append(or_(Resident.contract_until.is_(None), ~signed))
            elif f.contract == "mine":
                # Correlated, so a page in record-number order stops after its 200 rows instead
                # of sorting the team's 55,000 (181 → 6 ms); the total comes from count_mine.
                where.append(exists().where(Contract.resident_id == Resident.id, *self.my_contracts(s)))
        return where

    def any_key_population(self, s: Session) -> ColumnElement[bool]:
        """In a group the key-population coverage counts (by age now, or by an open tag)."""
        ages = [self.key_population_condition(s, c) for c in COVERAGE_AGE_GROUPS]
        return or_(*ages, Resident.key_tagged.is_(True))

    def my_contracts(self, s: Session) -> list[ColumnElement[bool]]:
        """Contracts in force with a team the user leads or belongs to."""
        user = self.ctx.user.id if self.ctx.user else None
        today = self.ctx.today()
        # The few team ids first: as a literal list the planner drives from the contracts index.
        teams = set(s.scalars(select(Team.id).where(Team.lead_doctor_id == user, Team.deleted_at.is_(None))))
        teams.update(
            s.scalars(
                select(TeamMember.team_id).where(
                    TeamMember.user_id == user,
                    TeamMember.deleted_at.is_(None),
                    or_(TeamMember.until.is_(None), TeamMember.until > today),
                )
            )
        )
        return [contract_in_force(today), Contract.team_id.in_(sorted(teams))]

    def _tagged(self, tag_codes: Sequence[str]) -> ColumnElement[bool]:
        today = self.ctx.today()
        return exists().where(
            KeyPopulationTag.resident_id == Resident.id,
            KeyPopulationTag.code.in_(list(tag_codes)),
            KeyPopulationTag.deleted_at.is_(None),
            or_(KeyPopulationTag.until.is_(None), KeyPopulationTag.until > today),
        )

    def key_population_condition(self, s: Session, code: str) -> ColumnElement[bool]:
        today = self.ctx.today()
        if code in AGE_GROUPS:
            low, high = AGE_GROUPS[code]
            min_age = int(read_policy(s, low)) if isinstance(low, str) else low
            earliest, latest = birth_date_range(min_age, high, today)
            if earliest is None:
                return Resident.birth_date <= latest
            if min_age == 0:  # born by today: every file (a future birth date is refused)
                return Resident.birth_date >= earliest
            return and_(Resident.birth_date <= latest, Resident.birth_date >= earliest)
        return self._tagged([code])

    # ---------------------------------------------------------------- helpers
    def _names(self, s: Session) -> dict[uuid.UUID, str]:
        if self._site_names is None:
            self._site_names = {sid: name for sid, name in s.execute(select(Site.id, Site.name))}
        return self._site_names

    def _row(self, r: Resident, s: Session | None = None, match: str = "") -> ResidentRow:
        names = self._site_names or {}
        if s is not None and self._site_names is None:
            names = self._names(s)
        return ResidentRow(
            r.id,
            r.record_no,
            r.name,
            r.sex,
            r.birth_date,
            age_on(r.birth_date, self.ctx.today()),
            r.id_number,
            r.phone,
            names.get(r.street_id, "") if r.street_id else "",
            names.get(r.committee_id, "") if r.committee_id else "",
            r.current_address,
            r.status,
            match,
        )

    @staticmethod
    def _load(s: Session, resident_id: uuid.UUID) -> Resident:
        return live_row(s, Resident, resident_id, RESIDENT_MISSING)

    @staticmethod
    def _write_history(s: Session, resident: Resident, items: Sequence[HistoryItem]) -> bool:
        """Make the stored history equal ``items``: tombstone what went, insert what came."""
        current = list(
            s.scalars(
                select(HistoryEntry).where(
                    HistoryEntry.resident_id == resident.id, HistoryEntry.deleted_at.is_(None)
                )
            )
        )

        def key(h: HistoryEntry) -> tuple[Any, ...]:
            return (h.kind, h.code, h.detail, h.occurred_year, h.occurred_month)

        wanted = [(i.kind, i.code, i.detail, i.year, i.month) for i in items]
        changed = False
        remaining = list(wanted)
        now = dt.datetime.now(dt.UTC)
        for h in current:
            if key(h) in remaining:
                remaining.remove(key(h))
            else:
                h.deleted_at = now
                changed = True
        for kind, code, detail, year, month in remaining:
            s.add(
                HistoryEntry(
                    resident_id=resident.id,
                    kind=kind,
                    code=code,
                    detail=detail,
                    occurred_year=year,
                    occurred_month=month,
                )
            )
            changed = True
        if changed:
            s.flush()
        return changed

    def _refresh_derived_tags(self, s: Session, r: Resident) -> None:
        disease_codes = s.scalars(
            select(HistoryEntry.code).where(
                HistoryEntry.resident_id == r.id,
                HistoryEntry.kind == "disease",
                HistoryEntry.deleted_at.is_(None),
            )
        )
        wanted = derived_from_file([c for c in disease_codes if c], r.disabilities or [])
        tags = list(
            s.scalars(
                select(KeyPopulationTag).where(
                    KeyPopulationTag.resident_id == r.id,
                    KeyPopulationTag.source == "derived",
                    KeyPopulationTag.deleted_at.is_(None),
                    KeyPopulationTag.until.is_(None),
                )
            )
        )
        today = self.ctx.today()
        for t in tags:
            if t.code not in wanted:
                t.until = today
        for code in wanted - {t.code for t in tags}:
            s.add(KeyPopulationTag(resident_id=r.id, code=code, since=today, source="derived"))

    def _tags(self, s: Session, r: Resident) -> list[TagInfo]:
        today = self.ctx.today()
        out: list[TagInfo] = []
        for code, (low, high) in AGE_GROUPS.items():
            min_age = int(read_policy(s, low)) if isinstance(low, str) else low
            age = age_on(r.birth_date, today)
            if age >= min_age and (high is None or age <= high):
                out.append(TagInfo(None, code, codes.KEY_POPULATION.label(code), None, "age", None))
        for t in s.scalars(
            select(KeyPopulationTag).where(
                KeyPopulationTag.resident_id == r.id,
                KeyPopulationTag.deleted_at.is_(None),
                or_(KeyPopulationTag.until.is_(None), KeyPopulationTag.until > today),
            )
        ):
            out.append(TagInfo(t.id, t.code, codes.KEY_POPULATION.label(t.code), t.since, t.source, t.note))
        return out
