"""Family-doctor contracts (家庭医生签约): signing a resident or a household, renewing (续约),
switching team (改签), terminating (解约), death, and the lists the workbench shows.

A contract counts as in force while its status is ``active`` and its end date has not passed; a
renewal is signed ahead and starts the day after the old term, so coverage has no gap. At most one
contract per resident is in force: checked here in the unit of work, and after sync by
``double_contracts``, since two stations may sign the same person offline.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from chc_desktop.domain import codes
from chc_desktop.domain import contracts as rules
from chc_desktop.domain.dates import age_on
from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.spreadsheet import CellError, Invalid, date_cell
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context, live_row
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.services.settings import read_policy
from chc_desktop.services.teams import PackageInfo, TeamInfo, packages, team_infos
from chc_desktop.services.xlsx_files import write_xlsx
from chc_desktop.store.models import Contract, HouseholdMember, Resident, ServicePackage, Site, StaffUser

RESIDENT_MISSING = "找不到该居民档案"


class ImportedContract(Protocol):
    """A row's 签约 cells as services/imports hands them on (its ContractCells)."""

    @property
    def resident_id(self) -> uuid.UUID: ...
    @property
    def row(self) -> int: ...
    @property
    def cells(self) -> dict[str, str]: ...


@dataclass(frozen=True)
class SignRequest:
    """What the signing form collects; the end date follows from the term policy."""

    team_id: uuid.UUID
    doctor_id: uuid.UUID
    start_date: dt.date
    packages: tuple[str, ...] = ("basic",)
    sign_method: str = "self"
    district_hospital_id: uuid.UUID | None = None
    municipal_hospital_id: uuid.UUID | None = None


@dataclass(frozen=True)
class ContractInfo:
    id: uuid.UUID
    resident_id: uuid.UUID
    team_id: uuid.UUID
    team: str
    doctor_id: uuid.UUID
    doctor: str
    start_date: dt.date
    end_date: dt.date
    status: str
    packages: tuple[str, ...]
    package_names: tuple[str, ...]
    fee_cents: int
    subsidy_cents: int
    district_hospital: str
    municipal_hospital: str
    sign_method: str
    signed_on: dt.date
    signed_by: str
    household_id: uuid.UUID | None
    previous_id: uuid.UUID | None
    ended_on: dt.date | None
    end_reason: str
    end_note: str

    @property
    def status_label(self) -> str:
        return rules.STATUS_LABELS[rules.Status(self.status)]

    @property
    def sign_method_label(self) -> str:
        return codes.SIGN_METHOD.label(self.sign_method)

    @property
    def self_pay_cents(self) -> int:
        return self.fee_cents - self.subsidy_cents

    def in_force(self, today: dt.date) -> bool:
        return self.status == rules.Status.ACTIVE and self.end_date >= today


@dataclass(frozen=True)
class HouseholdSigned:
    """What a household signing did: who was signed, who was left out and why."""

    signed: tuple[ContractInfo, ...]
    skipped: tuple[tuple[uuid.UUID, str], ...] = field(default=())


@dataclass(frozen=True)
class ExpiringRow:
    """A line of the 即将到期 worklist."""

    contract_id: uuid.UUID
    resident_id: uuid.UUID
    name: str
    sex: str
    age: int
    phone: str | None
    team: str
    doctor: str
    end_date: dt.date
    days_left: int


def in_force(today: dt.date) -> ColumnElement[bool]:
    """The condition for a contract row in force on ``today``."""
    return and_(Contract.status == "active", Contract.end_date >= today, Contract.deleted_at.is_(None))


def _package_named(text: str, known: Sequence[PackageInfo]) -> PackageInfo | None:
    """A package as a sheet names it: its name or code, or a short form (基础包, 慢病包, 老年人包)."""
    for p in known:
        if text in (p.name, p.code):
            return p
    stem = text.removesuffix("包").removesuffix("服务")
    found = [p for p in known if stem and p.name.startswith(stem)]
    return found[0] if len(found) == 1 else None


def renewal_start(end_date: dt.date, today: dt.date) -> dt.date:
    """续约 starts the day after the old term ends, or today when it has already lapsed (the gap in
    between is real and stays visible)."""
    return max(end_date + dt.timedelta(days=1), today)


def end_on_death(s: Session, resident_id: uuid.UUID, on: dt.date) -> int:
    """死亡终止: the file records death, so every contract in force ends that day."""
    ended = 0
    for c in s.scalars(select(Contract).where(Contract.resident_id == resident_id, in_force(on))):
        c.status = rules.next_status(rules.Status(c.status), rules.Action.DEATH)
        c.ended_on = max(on, c.start_date)
        c.end_reason = "死亡"
        ended += 1
    return ended


class ContractService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # ---------------------------------------------------------------- reading
    def current(self, resident_id: uuid.UUID) -> ContractInfo | None:
        """The contract in force, or None."""
        self.ctx.require(Permission.CONTRACT_READ)
        with self.ctx.db.reader() as s:
            row = s.scalars(
                select(Contract)
                .where(Contract.resident_id == resident_id, in_force(self.ctx.today()))
                .order_by(Contract.start_date)
            ).first()
            return self._infos(s, [row])[0] if row else None

    def history(self, resident_id: uuid.UUID) -> list[ContractInfo]:
        """Every contract the resident has held, newest first."""
        self.ctx.require(Permission.CONTRACT_READ)
        with self.ctx.db.reader() as s:
            rows = s.scalars(
                select(Contract)
                .where(Contract.resident_id == resident_id, Contract.deleted_at.is_(None))
                .order_by(Contract.start_date.desc(), Contract.created_at.desc())
            )
            return self._infos(s, list(rows))

    def get(self, contract_id: uuid.UUID) -> ContractInfo:
        self.ctx.require(Permission.CONTRACT_READ)
        with self.ctx.db.reader() as s:
            return self._infos(s, [live_row(s, Contract, contract_id, "找不到该签约记录")])[0]

    def term_preview(self, start: dt.date) -> dt.date:
        """The end date a contract starting on ``start`` would get (shown while the form is filled)."""
        with self.ctx.db.reader() as s:
            return rules.term_end(start, int(read_policy(s, "contract.term_months")))

    def termination_reasons(self) -> list[str]:
        with self.ctx.db.reader() as s:
            return [r for r in read_policy(s, "contract.termination_reasons") if r != "死亡"]

    # ---------------------------------------------------------------- signing
    def sign(self, resident_id: uuid.UUID, request: SignRequest) -> ContractInfo:
        """签约 one resident."""
        with self.ctx.work(Permission.CONTRACT_WRITE) as s:
            resident = live_row(s, Resident, resident_id, RESIDENT_MISSING)
            team = self._check_request(s, request)
            self._refuse_second(s, resident)
            contract = self._new(s, resident.id, request, team, None, None)
            self.ctx.audit(s, "contract.sign", "residents", resident.id, team=str(team.id))
            cid = contract.id
        return self.get(cid)

    def sign_household(self, resident_id: uuid.UUID, request: SignRequest) -> HouseholdSigned:
        """家庭签约: every member of the resident's household who can sign, at once, on one form.

        Members already under contract, or whose file is closed, are left out and listed with the
        reason; if nobody can sign, nothing is written and the reasons are the error."""
        with self.ctx.work(Permission.CONTRACT_WRITE) as s:
            live_row(s, Resident, resident_id, RESIDENT_MISSING)
            member = s.scalars(
                select(HouseholdMember).where(
                    HouseholdMember.resident_id == resident_id, HouseholdMember.deleted_at.is_(None)
                )
            ).first()
            if member is None:
                raise ServiceError("该居民尚未登记家庭，请先在档案中加入家庭")
            team = self._check_request(s, request)
            member_ids = list(
                s.scalars(
                    select(HouseholdMember.resident_id).where(
                        HouseholdMember.household_id == member.household_id,
                        HouseholdMember.deleted_at.is_(None),
                    )
                )
            )
            made: list[uuid.UUID] = []
            skipped: list[tuple[uuid.UUID, str]] = []
            for rid in member_ids:
                r = s.get(Resident, rid)
                if r is None or r.deleted_at is not None:
                    continue
                try:
                    self._refuse_second(s, r)
                except ServiceError as exc:
                    skipped.append((rid, str(exc)))
                    continue
                made.append(self._new(s, rid, request, team, member.household_id, None).id)
            if not made:
                raise ServiceError("家庭中没有可以签约的成员：" + "；".join(sorted({m for _, m in skipped})))
            self.ctx.audit(
                s,
                "contract.sign_household",
                "households",
                member.household_id,
                signed=len(made),
                skipped=len(skipped),
            )
            infos = self._infos(s, [s.get(Contract, cid) for cid in made])
        return HouseholdSigned(tuple(infos), tuple(skipped))

    def renew(self, contract_id: uuid.UUID, packages: Sequence[str] | None = None) -> ContractInfo:
        """续约 with the same team and doctor: the new term starts the day after the old one ends
        (or today, when it has already lapsed)."""
        with self.ctx.work(Permission.CONTRACT_WRITE) as s:
            old = live_row(s, Contract, contract_id, "找不到该签约记录")
            resident = live_row(s, Resident, old.resident_id, RESIDENT_MISSING)
            self._close(old, rules.Action.RENEW, None)
            old.ended_on = old.end_date
            start = renewal_start(old.end_date, self.ctx.today())
            request = SignRequest(
                old.team_id,
                old.doctor_id,
                start,
                tuple(packages) if packages is not None else tuple(old.packages),
                old.sign_method,
                old.district_hospital_id,
                old.municipal_hospital_id,
            )
            team = self._check_request(s, request, renewal=True)
            new = self._new(s, resident.id, request, team, old.household_id, old.id)
            self.ctx.audit(s, "contract.renew", "residents", resident.id)
            cid = new.id
        return self.get(cid)

    def switch(self, contract_id: uuid.UUID, request: SignRequest) -> ContractInfo:
        """改签: end the contract with the old team and sign with another, from the request's start date."""
        with self.ctx.work(Permission.CONTRACT_WRITE) as s:
            old = live_row(s, Contract, contract_id, "找不到该签约记录")
            resident = live_row(s, Resident, old.resident_id, RESIDENT_MISSING)
            if request.team_id == old.team_id:
                raise ValidationFailed({"team_id": "改签须选择另一个团队；同一团队请用续约"})
            if request.start_date < old.start_date:
                raise ValidationFailed({"start_date": "改签生效日期不能早于原签约开始日期"})
            self._close(old, rules.Action.SWITCH, None)
            # A switch on the day of signing (a correction) ends the old contract that same day.
            old.ended_on = max(old.start_date, request.start_date - dt.timedelta(days=1))
            team = self._check_request(s, request)
            new = self._new(s, resident.id, request, team, old.household_id, old.id)
            self.ctx.audit(s, "contract.switch", "residents", resident.id, team=str(team.id))
            cid = new.id
        return self.get(cid)

    def terminate(self, contract_id: uuid.UUID, reason: str, on: dt.date, note: str = "") -> ContractInfo:
        """解约 with a reason from the policy list and the date it takes effect."""
        with self.ctx.work(Permission.CONTRACT_WRITE) as s:
            c = live_row(s, Contract, contract_id, "找不到该签约记录")
            reasons = tuple(r for r in read_policy(s, "contract.termination_reasons") if r != "死亡")
            if on > self.ctx.today():
                raise ValidationFailed({"ended_on": "解约日期不能晚于今天"})
            if on < c.start_date and c.start_date <= self.ctx.today():
                raise ValidationFailed({"ended_on": "解约日期不能早于签约开始日期"})
            if reason == "其他" and not note.strip():
                raise ValidationFailed({"end_note": "原因为“其他”时请写明"})
            self._close(c, rules.Action.TERMINATE, reason, reasons)
            c.ended_on = on
            c.end_reason = reason
            c.end_note = note.strip()[:200] or None
            self.ctx.audit(s, "contract.terminate", "residents", c.resident_id, reason=reason)
        return self.get(contract_id)

    # ---------------------------------------------------------------- worklists
    def reminder_days(self) -> int:
        with self.ctx.db.reader() as s:
            return int(read_policy(s, "contract.renewal_reminder_days"))

    def _expiring_where(self, days: int | None) -> list[ColumnElement[bool]]:
        today = self.ctx.today()
        if days is None:
            days = self.reminder_days()
        return [
            in_force(today),
            Contract.end_date <= today + dt.timedelta(days=days),
            Resident.id == Contract.resident_id,
            Resident.status == "active",
        ]

    def expiring_count(self, days: int | None = None) -> int:
        """Contracts in force that end within the reminder window (续约提醒)."""
        self.ctx.require(Permission.CONTRACT_READ)
        with self.ctx.db.reader() as s:
            q = select(func.count()).select_from(Contract).join(Resident, Resident.id == Contract.resident_id)
            return int(s.scalar(q.where(*self._expiring_where(days))) or 0)

    def expiring(self, offset: int = 0, limit: int = 200, days: int | None = None) -> list[ExpiringRow]:
        """The soonest-ending first."""
        self.ctx.require(Permission.CONTRACT_READ)
        today = self.ctx.today()
        with self.ctx.db.reader() as s:
            users = {u.id: u.display_name for u in s.scalars(select(StaffUser))}
            teams = {t.id: t.name for t in team_infos(s)}
            q = (
                select(
                    Contract.id,
                    Resident.id,
                    Resident.name,
                    Resident.sex,
                    Resident.birth_date,
                    Resident.phone,
                    Contract.team_id,
                    Contract.doctor_id,
                    Contract.end_date,
                )
                .where(*self._expiring_where(days))
                .order_by(Contract.end_date, Contract.id)
                .offset(offset)
                .limit(limit)
            )
            return [
                ExpiringRow(
                    cid,
                    rid,
                    name,
                    sex,
                    age_on(birth, today),
                    phone,
                    teams.get(team, ""),
                    users.get(doctor, ""),
                    end,
                    (end - today).days,
                )
                for cid, rid, name, sex, birth, phone, team, doctor, end in s.execute(q)
            ]

    def export_expiring(self, path: Path, days: int | None = None) -> int:
        """The 即将到期 worklist to .xlsx (soonest first); audited with the count."""
        self.ctx.require(Permission.CONTRACT_READ)
        total = self.expiring_count(days)
        rows = self.expiring(0, max(total, 1), days)
        written = write_xlsx(
            path,
            ("到期日期", "剩余天数", "姓名", "性别", "年龄", "联系电话", "签约团队", "签约医生"),
            (
                (
                    r.end_date,
                    r.days_left,
                    r.name,
                    codes.SEX.label_or(r.sex),
                    r.age,
                    r.phone,
                    r.team,
                    r.doctor,
                )
                for r in rows
            ),
            text_columns=(5,),
        )
        with self.ctx.db.unit_of_work(self.ctx.user.id if self.ctx.user else None) as s:
            self.ctx.audit(s, "contract.export", "contracts", None, list="expiring", rows=written)
        return int(written)

    # ---------------------------------------------------------------- import
    def import_rows(self, s: Session, rows: Sequence[ImportedContract]) -> list[CellError]:
        """Contracts from an import's 签约 columns, in the import's unit of work (services/imports
        calls this for each batch). A resident with a contract in force keeps it (so importing the
        same file again changes nothing); a row whose contract cannot be read is imported without
        it, with a note saying why. A term already over is kept as history (已到期)."""
        today = self.ctx.today()
        term_months = int(read_policy(s, "contract.term_months"))
        teams = {t.name: t for t in team_infos(s, today=today) if t.active}
        users = {u.id: (u.username, u.display_name) for u in s.scalars(select(StaffUser))}
        known = packages(s)
        by_code = {p.code: p for p in known}
        user = self.ctx.require(Permission.CONTRACT_WRITE)
        notes: list[CellError] = []

        def note(row: int, key: str, label: str, reason: str) -> None:
            notes.append(CellError(row, f"contract.{key}", label, None, reason + "，签约未导入"))

        ids = [r.resident_id for r in rows]
        signed = set(
            s.scalars(select(Contract.resident_id).where(Contract.resident_id.in_(ids), in_force(today)))
        )
        # The same contract imported before (an expired one too): importing a file twice adds nothing.
        had = {
            (rid, team, start)
            for rid, team, start in s.execute(
                select(Contract.resident_id, Contract.team_id, Contract.start_date).where(
                    Contract.resident_id.in_(ids), Contract.deleted_at.is_(None)
                )
            )
        }
        for r in rows:
            cells = r.cells
            if r.resident_id in signed or not any(cells.values()):
                continue
            team = teams.get(cells.get("team", "").strip())
            if team is None:
                note(r.row, "team", "签约团队", "找不到该团队" if cells.get("team") else "未填写")
                continue
            doctor = team.lead_doctor_id
            if cells.get("doctor"):
                wanted = cells["doctor"].strip()
                match = [d for d in team.doctor_ids if wanted in users.get(d, ())]
                if not match:
                    note(r.row, "doctor", "签约医生", f"不是{team.name}的家庭医生")
                    continue
                doctor = match[0]
            start = date_cell(cells.get("signed_on"))
            if start is None or isinstance(start, Invalid):
                reason = start.reason if isinstance(start, Invalid) else "未填写"
                note(r.row, "signed_on", "签约日期", reason)
                continue
            names = [n.strip() for n in re.split(r"[、,，;；/+]", cells.get("packages", "")) if n.strip()]
            chosen = [_package_named(n, known) for n in names] or [by_code["basic"]]
            if any(p is None for p in chosen):
                note(r.row, "packages", "服务包", "有服务包不存在")
                continue
            codes_ = tuple(p.code for p in chosen if p is not None)
            if rules.check_packages({p.code: p.kind for p in known}, codes_):
                codes_ = ("basic", *(c for c in codes_ if c != "basic"))
            if start > today:
                note(r.row, "signed_on", "签约日期", "不能晚于今天")
                continue
            if (r.resident_id, team.id, start) in had:
                continue
            end = rules.term_end(start, term_months)
            lapsed = end < today
            s.add(
                Contract(
                    resident_id=r.resident_id,
                    team_id=team.id,
                    doctor_id=doctor,
                    start_date=start,
                    end_date=end,
                    status=(rules.Status.EXPIRED if lapsed else rules.Status.ACTIVE).value,
                    ended_on=end if lapsed else None,
                    packages=list(codes_),
                    fee_cents=sum(p.fee_cents for p in chosen if p is not None),
                    subsidy_cents=sum(p.subsidy_cents for p in chosen if p is not None),
                    sign_method=rules.IMPORT_SIGN_METHOD,
                    signed_on=start,
                    signed_by_id=user.id,
                )
            )
            if not lapsed:
                signed.add(r.resident_id)
        s.flush()
        return notes

    # ---------------------------------------------------------------- after sync
    def double_contracts(self) -> list[uuid.UUID]:
        """Residents with two contracts in force (signed at two stations offline): to be settled."""
        self.ctx.require(Permission.CONTRACT_READ)
        with self.ctx.db.reader() as s:
            q = (
                select(Contract.resident_id)
                .where(in_force(self.ctx.today()))
                .group_by(Contract.resident_id)
                .having(func.count() > 1)
            )
            return list(s.scalars(q))

    # ---------------------------------------------------------------- helpers
    def _check_request(self, s: Session, r: SignRequest, renewal: bool = False) -> TeamInfo:
        errors: dict[str, str] = {}
        found = team_infos(s, [r.team_id], today=self.ctx.today())
        team = found[0] if found else None
        if team is None or not team.active:
            errors["team_id"] = "请选择在册的家庭医生团队"
        elif r.doctor_id not in team.doctor_ids:
            errors["doctor_id"] = "签约医生须为该团队的家庭医生"
        if not codes.SIGN_METHOD.has(r.sign_method):
            errors["sign_method"] = "请选择签约方式"
        kinds = {p.code: p.kind for p in packages(s)}
        problem = rules.check_packages(kinds, r.packages)
        if problem:
            errors["packages"] = problem
        levels = {}
        for key, sid in (("district", r.district_hospital_id), ("municipal", r.municipal_hospital_id)):
            site = s.get(Site, sid) if sid else None
            if sid is not None and (site is None or site.kind != "hospital"):
                errors[f"{key}_hospital_id"] = "请选择医院"
            levels[key] = site.level if site is not None else None
        errors.update(rules.check_hospitals(levels["district"], levels["municipal"]))
        if not renewal:
            try:
                rules.new_term(r.start_date, int(read_policy(s, "contract.term_months")), self.ctx.today())
            except DomainError as exc:
                errors[exc.field or "start_date"] = exc.message
        if errors:
            raise ValidationFailed(errors)
        assert team is not None
        return team

    def _new(
        self,
        s: Session,
        resident_id: uuid.UUID,
        r: SignRequest,
        team: TeamInfo,
        household_id: uuid.UUID | None,
        previous_id: uuid.UUID | None,
    ) -> Contract:
        term_months = int(read_policy(s, "contract.term_months"))
        chosen = {p.code: p for p in packages(s) if p.code in r.packages}
        user = self.ctx.require(Permission.CONTRACT_WRITE)
        c = Contract(
            resident_id=resident_id,
            team_id=team.id,
            doctor_id=r.doctor_id,
            start_date=r.start_date,
            end_date=rules.term_end(r.start_date, term_months),
            status=rules.Status.ACTIVE.value,
            packages=list(r.packages),
            fee_cents=sum(p.fee_cents for p in chosen.values()),
            subsidy_cents=sum(p.subsidy_cents for p in chosen.values()),
            district_hospital_id=r.district_hospital_id,
            municipal_hospital_id=r.municipal_hospital_id,
            sign_method=r.sign_method,
            signed_on=self.ctx.today(),
            signed_by_id=user.id,
            household_id=household_id,
            previous_id=previous_id,
        )
        s.add(c)
        s.flush()
        return c

    def _refuse_second(self, s: Session, resident: Resident) -> None:
        """One contract in force per resident; a lapsed one is closed as 已到期 on the way."""
        if resident.status != "active":
            label = codes.RESIDENT_STATUS.label(resident.status)
            raise ServiceError(f"档案状态为“{label}”，不能签约")
        today = self.ctx.today()
        for c in s.scalars(
            select(Contract).where(
                Contract.resident_id == resident.id,
                Contract.status == "active",
                Contract.deleted_at.is_(None),
            )
        ):
            if c.end_date < today:
                c.status = rules.next_status(rules.Status.ACTIVE, rules.Action.EXPIRE)
                c.ended_on = c.end_date
                continue
            team = team_infos(s, [c.team_id])
            name = team[0].name if team else ""
            raise ServiceError(
                f"已与{name}签约（至 {c.end_date.isoformat()}），同一时间只能签约一个团队；更换团队请用改签"
            )

    @staticmethod
    def _close(c: Contract, action: rules.Action, reason: str | None, reasons: tuple[str, ...] = ()) -> None:
        try:
            c.status = rules.next_status(rules.Status(c.status), action, reason, reasons).value
        except DomainError as exc:
            raise ValidationFailed({exc.field or "status": exc.message}) from None

    def _infos(self, s: Session, rows: Sequence[Contract | None]) -> list[ContractInfo]:
        users = {u.id: u.display_name for u in s.scalars(select(StaffUser))}
        sites = {sid: name for sid, name in s.execute(select(Site.id, Site.name))}
        teams = {t.id: t.name for t in team_infos(s, list({c.team_id for c in rows if c}))}
        names = {p.code: p.name for p in s.scalars(select(ServicePackage))}
        return [
            ContractInfo(
                c.id,
                c.resident_id,
                c.team_id,
                teams.get(c.team_id, ""),
                c.doctor_id,
                users.get(c.doctor_id, ""),
                c.start_date,
                c.end_date,
                c.status,
                tuple(c.packages),
                tuple(names.get(p, p) for p in c.packages),
                c.fee_cents,
                c.subsidy_cents,
                sites.get(c.district_hospital_id, "") if c.district_hospital_id else "",
                sites.get(c.municipal_hospital_id, "") if c.municipal_hospital_id else "",
                c.sign_method,
                c.signed_on,
                users.get(c.signed_by_id, "") if c.signed_by_id else "",
                c.household_id,
                c.previous_id,
                c.ended_on,
                c.end_reason or "",
                c.end_note or "",
            )
            for c in rows
            if c is not None
        ]
