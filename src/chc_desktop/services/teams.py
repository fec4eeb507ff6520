"""Family-doctor teams (家庭医生团队) and the service packages contracts are signed for."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from chc_desktop.domain import codes
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context, live_row
from chc_desktop.services.errors import NotFound, ServiceError, ValidationFailed
from chc_desktop.store.database import Database
from chc_desktop.store.ids import natural_id
from chc_desktop.store.models import Contract, ServicePackage, Site, StaffUser, Team, TeamMember

# Example packages so a new centre can sign on day one. Fees are examples [U]: the district's price
# bureau sets them, and an administrator changes them here. Shanghai's basic contract costs the
# resident nothing: 医保 and the district budget pay the 签约服务费.
DEFAULT_PACKAGES: tuple[tuple[str, str, str, str, tuple[str, ...], int, int], ...] = (
    (
        "basic",
        "基础服务包",
        "basic",
        "全体签约居民",
        ("基本医疗服务", "基本公共卫生服务", "年度健康评估 1次/年", "预约转诊优先", "慢病长处方"),
        12000,
        12000,
    ),
    (
        "elderly",
        "老年人健康管理包",
        "personalised",
        "60岁及以上老年人",
        ("中医体质辨识 1次/年", "上门随访 2次/年", "用药指导"),
        10000,
        8000,
    ),
    (
        "chronic",
        "慢病管理包",
        "personalised",
        "高血压、2型糖尿病患者",
        ("血压/血糖监测 4次/年", "糖化血红蛋白 1次/年", "眼底检查 1次/年"),
        20000,
        10000,
    ),
    (
        "rehab",
        "康复护理包",
        "personalised",
        "失能/半失能老人、残疾人",
        ("上门护理 4次/年", "康复指导 2次/年"),
        30000,
        15000,
    ),
    (
        "maternal",
        "母婴健康包",
        "personalised",
        "孕产妇、0–6岁儿童",
        ("产后访视 2次", "儿童健康检查 按规范"),
        0,
        0,
    ),
)


def package_id(code: str) -> uuid.UUID:
    return natural_id("service_package", code)


def seed_service_packages(db: Database) -> int:
    """Insert the example packages that are missing (same ids on every device, so sync agrees)."""
    with db.unit_of_work(None) as s:
        have = set(s.scalars(select(ServicePackage.id)))
        missing = [p for p in default_packages() if p.id not in have]
        s.add_all(missing)
        return len(missing)


def default_packages() -> list[ServicePackage]:
    """The example service packages, as new rows (the same ids everywhere)."""
    return [
        ServicePackage(
            id=package_id(code),
            code=code,
            name=name,
            kind=kind,
            target=target,
            items=list(items),
            fee_cents=fee,
            subsidy_cents=subsidy,
        )
        for code, name, kind, target, items, fee, subsidy in DEFAULT_PACKAGES
    ]


@dataclass(frozen=True)
class PackageInfo:
    code: str
    name: str
    kind: str
    target: str
    items: tuple[str, ...]
    fee_cents: int
    subsidy_cents: int

    @property
    def self_pay_cents(self) -> int:
        return self.fee_cents - self.subsidy_cents


@dataclass(frozen=True)
class MemberInfo:
    id: uuid.UUID
    role: str
    role_label: str
    user_id: uuid.UUID | None
    name: str
    hospital: str
    specialty: str


@dataclass(frozen=True)
class TeamInfo:
    id: uuid.UUID
    name: str
    centre_id: uuid.UUID
    centre: str
    lead_doctor_id: uuid.UUID
    lead_doctor: str
    active: bool
    note: str
    members: tuple[MemberInfo, ...]

    @property
    def doctor_ids(self) -> frozenset[uuid.UUID]:
        """The family doctors a contract with this team may name: the lead and member doctors."""
        ids = {m.user_id for m in self.members if m.role == "doctor" and m.user_id}
        return frozenset({self.lead_doctor_id, *ids})

    @property
    def summary(self) -> str:
        """ "专科医师 X + 团队成员 N", as the centres write it (the lead doctor not counted)."""
        specialists = [m.name for m in self.members if m.role == "specialist"]
        others = sum(1 for m in self.members if m.role != "specialist")
        if specialists:
            return f"专科医师 {'、'.join(specialists)} + 团队成员 {others}"
        return f"团队成员 {others}"


def packages(s: Session, include_inactive: bool = False) -> list[PackageInfo]:
    q = select(ServicePackage).where(ServicePackage.deleted_at.is_(None))
    if not include_inactive:
        q = q.where(ServicePackage.active.is_(True))
    rows = s.scalars(q.order_by(ServicePackage.kind, ServicePackage.code))
    return [
        PackageInfo(p.code, p.name, p.kind, p.target or "", tuple(p.items), p.fee_cents, p.subsidy_cents)
        for p in rows
    ]


def team_infos(
    s: Session, team_ids: list[uuid.UUID] | None = None, today: dt.date | None = None
) -> list[TeamInfo]:
    q = select(Team).where(Team.deleted_at.is_(None))
    if team_ids is not None:
        q = q.where(Team.id.in_(team_ids))
    teams = list(s.scalars(q.order_by(Team.name)))
    if not teams:
        return []
    users = {u.id: u.display_name for u in s.scalars(select(StaffUser))}
    sites = {sid: name for sid, name in s.execute(select(Site.id, Site.name))}
    members: dict[uuid.UUID, list[MemberInfo]] = {}
    mq = select(TeamMember).where(
        TeamMember.team_id.in_([t.id for t in teams]), TeamMember.deleted_at.is_(None)
    )
    if today is not None:
        mq = mq.where(or_(TeamMember.until.is_(None), TeamMember.until > today))
    for m in s.scalars(mq.order_by(TeamMember.created_at)):
        members.setdefault(m.team_id, []).append(
            MemberInfo(
                m.id,
                m.role,
                codes.TEAM_ROLE.label(m.role),
                m.user_id,
                users.get(m.user_id, "") if m.user_id else (m.name or ""),
                sites.get(m.hospital_id, "") if m.hospital_id else "",
                m.specialty or "",
            )
        )
    return [
        TeamInfo(
            t.id,
            t.name,
            t.centre_id,
            sites.get(t.centre_id, ""),
            t.lead_doctor_id,
            users.get(t.lead_doctor_id, ""),
            t.active,
            t.note or "",
            tuple(members.get(t.id, [])),
        )
        for t in teams
    ]


class TeamService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def packages(self, include_inactive: bool = False) -> list[PackageInfo]:
        """The service packages on offer (with ``include_inactive``, also those since retired)."""
        with self.ctx.db.reader() as s:
            return packages(s, include_inactive)

    def all(self, *, active_only: bool = True) -> list[TeamInfo]:
        self.ctx.require(Permission.CONTRACT_READ)
        with self.ctx.db.reader() as s:
            return [t for t in team_infos(s, today=self.ctx.today()) if t.active or not active_only]

    def get(self, team_id: uuid.UUID) -> TeamInfo:
        self.ctx.require(Permission.CONTRACT_READ)
        with self.ctx.db.reader() as s:
            found = team_infos(s, [team_id], today=self.ctx.today())
            if not found:
                raise NotFound("找不到该家庭医生团队")
            return found[0]

    def of_user(self, user_id: uuid.UUID) -> list[TeamInfo]:
        """The active teams a staff member leads or belongs to."""
        return [
            t
            for t in self.all()
            if t.lead_doctor_id == user_id or any(m.user_id == user_id for m in t.members)
        ]

    def create(self, name: str, centre_id: uuid.UUID, lead_doctor_id: uuid.UUID, note: str = "") -> TeamInfo:
        with self.ctx.work(Permission.TEAM_MANAGE) as s:
            self._check(s, name, centre_id, lead_doctor_id, None)
            team = Team(
                name=name.strip(),
                centre_id=centre_id,
                lead_doctor_id=lead_doctor_id,
                note=note.strip() or None,
            )
            s.add(team)
            s.flush()
            self.ctx.audit(s, "team.create", "teams", team.id)
            tid = team.id
        return self.get(tid)

    def update(
        self, team_id: uuid.UUID, name: str, centre_id: uuid.UUID, lead_doctor_id: uuid.UUID, note: str = ""
    ) -> TeamInfo:
        with self.ctx.work(Permission.TEAM_MANAGE) as s:
            team = self._load(s, team_id)
            self._check(s, name, centre_id, lead_doctor_id, team_id)
            team.name, team.centre_id, team.lead_doctor_id = name.strip(), centre_id, lead_doctor_id
            team.note = note.strip() or None
            self.ctx.audit(s, "team.update", "teams", team_id)
        return self.get(team_id)

    def set_active(self, team_id: uuid.UUID, active: bool) -> TeamInfo:
        """Stand a team down (停用); refused while residents still hold active contracts with it."""
        with self.ctx.work(Permission.TEAM_MANAGE) as s:
            team = self._load(s, team_id)
            if not active:
                n = s.scalar(
                    select(Contract.id)
                    .where(
                        Contract.team_id == team_id,
                        Contract.status == "active",
                        Contract.deleted_at.is_(None),
                    )
                    .limit(1)
                )
                if n is not None:
                    raise ServiceError("该团队仍有在约居民，请先为他们改签到其他团队")
            team.active = active
            self.ctx.audit(s, "team.activate" if active else "team.deactivate", "teams", team_id)
        return self.get(team_id)

    def add_member(
        self,
        team_id: uuid.UUID,
        role: str,
        user_id: uuid.UUID | None = None,
        name: str = "",
        hospital_id: uuid.UUID | None = None,
        specialty: str = "",
    ) -> TeamInfo:
        """A staff account joins, or (role specialist) a hospital's specialist is named."""
        if not codes.TEAM_ROLE.has(role):
            raise ValidationFailed({"role": "请选择团队角色"})
        with self.ctx.work(Permission.TEAM_MANAGE) as s:
            self._load(s, team_id)
            errors: dict[str, str] = {}
            if role == "specialist":
                hospital = s.get(Site, hospital_id) if hospital_id else None
                if not name.strip() and user_id is None:
                    errors["name"] = "请填写专科医师姓名"
                if hospital is None or hospital.kind != "hospital":
                    errors["hospital_id"] = "请选择专科医师所在医院"
            else:
                user = s.get(StaffUser, user_id) if user_id else None
                if user is None:
                    errors["user_id"] = "请选择本中心的工作人员账户"
                elif role == "doctor" and user.role != "doctor":
                    errors["user_id"] = "家庭医生须为医生账户"
                elif user_id is not None and self._member(s, team_id, user_id) is not None:
                    errors["user_id"] = "该工作人员已在团队中"
            if errors:
                raise ValidationFailed(errors)
            member = TeamMember(
                team_id=team_id,
                role=role,
                user_id=user_id,
                name=name.strip() or None if role == "specialist" else None,
                hospital_id=hospital_id if role == "specialist" else None,
                specialty=specialty.strip() or None,
                since=self.ctx.today(),
            )
            s.add(member)
            self.ctx.audit(s, "team.member_add", "teams", team_id, role=role)
        return self.get(team_id)

    def remove_member(self, member_id: uuid.UUID) -> TeamInfo:
        with self.ctx.work(Permission.TEAM_MANAGE) as s:
            member = s.get(TeamMember, member_id)
            if member is None or member.deleted_at is not None or member.until is not None:
                raise NotFound("找不到该团队成员")
            member.until = self.ctx.today()
            self.ctx.audit(s, "team.member_remove", "teams", member.team_id, role=member.role)
            team_id = member.team_id
        return self.get(team_id)

    # ---------------------------------------------------------------- helpers
    def _check(
        self,
        s: Session,
        name: str,
        centre_id: uuid.UUID,
        lead_doctor_id: uuid.UUID,
        team_id: uuid.UUID | None,
    ) -> None:
        errors: dict[str, str] = {}
        if not name.strip():
            errors["name"] = "请填写团队名称"
        elif len(name.strip()) > 60:
            errors["name"] = "团队名称不能超过 60 个字"
        else:
            clash = s.scalar(
                select(Team.id).where(
                    Team.name == name.strip(), Team.centre_id == centre_id, Team.deleted_at.is_(None)
                )
            )
            if clash is not None and clash != team_id:
                errors["name"] = "本中心已有同名团队"
        centre = s.get(Site, centre_id)
        if centre is None or centre.kind != "centre":
            errors["centre_id"] = "请选择社区卫生服务中心"
        lead = s.get(StaffUser, lead_doctor_id)
        if lead is None or lead.role != "doctor" or not lead.active:
            errors["lead_doctor_id"] = "团队长须为在职的家庭医生账户"
        if errors:
            raise ValidationFailed(errors)

    @staticmethod
    def _load(s: Session, team_id: uuid.UUID) -> Team:
        return live_row(s, Team, team_id, "找不到该家庭医生团队")

    def _member(self, s: Session, team_id: uuid.UUID, user_id: uuid.UUID) -> TeamMember | None:
        return s.scalars(
            select(TeamMember).where(
                TeamMember.team_id == team_id,
                TeamMember.user_id == user_id,
                TeamMember.deleted_at.is_(None),
                or_(TeamMember.until.is_(None), TeamMember.until > self.ctx.today()),
            )
        ).first()
