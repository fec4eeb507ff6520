"""Two-way referrals (双向转诊): a draft filled in by the referring doctor, sent, received, completed
(or returned / cancelled with a reason), each step kept with who and when; the register with its
filters and the monthly up/down counts.

Which side acts: a member of the receiving site is the receiver; anyone else at the sending site is
the sender. Hospitals do not use this program, so the centre acts for them, as it does by phone and
paper today: on a 转出 to a hospital the sending centre records the hospital's answer (received,
completed, returned); a 回转 a hospital writes is entered at the receiving centre (from that
hospital), which records its sending on the hospital's behalf.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chc_desktop.domain import referrals as rules
from chc_desktop.domain.dates import age_on
from chc_desktop.domain.errors import DomainError
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context, live_row
from chc_desktop.services.contracts import RESIDENT_MISSING, in_force
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.store.models import Contract, Referral, ReferralStep, Resident, Site, StaffUser

RECEIVER_STEPS = frozenset({rules.Step.RECEIVE, rules.Step.COMPLETE, rules.Step.RETURN})
SENDER_STEPS = frozenset({rules.Step.SEND, rules.Step.CANCEL})
OPEN_STATUSES = frozenset({rules.Status.DRAFT, rules.Status.SENT, rules.Status.RECEIVED})


@dataclass(frozen=True)
class StepInfo:
    step: str
    label: str
    from_status: str
    to_status: str
    by: str
    at: dt.datetime
    reason: str


@dataclass(frozen=True)
class ReferralInfo:
    id: uuid.UUID
    resident_id: uuid.UUID
    resident_name: str
    sex: str
    age: int
    record_no: str | None
    direction: str
    direction_label: str
    status: str
    status_label: str
    from_site: str
    to_site: str
    from_site_id: uuid.UUID
    to_site_id: uuid.UUID
    department: str
    receiving_doctor: str
    referring_doctor: str
    content: Mapping[str, str]
    priorities: tuple[str, ...]
    expert_slot: str
    hospice_assessment_id: uuid.UUID | None
    sent_on: dt.date | None
    closed_reason: str
    steps: tuple[StepInfo, ...] = ()


@dataclass(frozen=True)
class RegisterFilters:
    direction: str | None = None
    status: str | None = None
    site_id: uuid.UUID | None = None  # either end
    month: str | None = None  # YYYY-MM of sending
    to_site_id: uuid.UUID | None = None  # the receiving end only
    resident_id: uuid.UUID | None = None


class ReferralService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # ---------------------------------------------------------------- writing
    def create(
        self,
        resident_id: uuid.UUID,
        direction: str,
        to_site_id: uuid.UUID | None,
        *,
        department: str = "",
        receiving_doctor: str = "",
        content: Mapping[str, str] | None = None,
        expert_slot: str = "",
        hospice_assessment_id: uuid.UUID | None = None,
        from_site_id: uuid.UUID | None = None,
    ) -> ReferralInfo:
        """A draft from this user's site — or, for a 回转 written by a hospital (``from_site_id``), a
        draft from that hospital to this user's site. A resident signed with a family doctor gets the
        green channel (优先就诊/检查/住院) on a 转出 (policy-defaults: priority for signed residents)."""
        way = self._direction(direction)
        content = dict(content or {})
        errors = rules.check_content(way, content, to_send=False)
        if errors:
            raise ValidationFailed(errors)
        user = self.ctx.require(Permission.REFERRAL_WRITE)
        if user.site_id is None:
            raise ServiceError("您的账户未指定所属机构，不能发起转诊")
        with self.ctx.work(Permission.REFERRAL_WRITE) as s:
            resident = live_row(s, Resident, resident_id, RESIDENT_MISSING)
            sender = user.site_id
            if to_site_id is None:
                raise ValidationFailed({"to_site_id": "请选择接收的医院或社区卫生服务中心"})
            if from_site_id is not None:
                hospital = s.get(Site, from_site_id)
                if way is not rules.Direction.BACK or hospital is None or hospital.kind != "hospital":
                    raise ValidationFailed({"from_site_id": "只有医院开具的回转单可以代为录入"})
                if to_site_id != user.site_id:
                    raise ValidationFailed({"to_site_id": "代医院录入的回转单，接收机构是本机构"})
                sender = from_site_id
            target = s.get(Site, to_site_id)
            if target is None or target.kind not in ("hospital", "centre", "station") or target.id == sender:
                raise ValidationFailed({"to_site_id": "请选择接收的医院或社区卫生服务中心（不能是本机构）"})
            signed = s.scalar(
                select(Contract.id).where(Contract.resident_id == resident.id, in_force(self.ctx.today()))
            )
            referral = Referral(
                resident_id=resident.id,
                direction=way.value,
                status=rules.Status.DRAFT.value,
                from_site_id=sender,
                to_site_id=to_site_id,
                department=department.strip()[:40] or None,
                receiving_doctor=receiving_doctor.strip()[:40] or None,
                referring_doctor_id=user.id,
                content=content,
                priorities=list(rules.PRIORITIES) if signed and way is rules.Direction.UP else [],
                expert_slot=expert_slot.strip()[:100] or None,
                hospice_assessment_id=hospice_assessment_id,
            )
            s.add(referral)
            s.flush()
            self.ctx.audit(s, "referral.create", "residents", resident.id, direction=way.value)
            rid = referral.id
        return self.get(rid)

    def update(
        self, referral_id: uuid.UUID, content: Mapping[str, str], expert_slot: str | None = None
    ) -> ReferralInfo:
        """Change the form's text while it is a draft (a sent referral is what the other side has)."""
        with self.ctx.work(Permission.REFERRAL_WRITE) as s:
            r = live_row(s, Referral, referral_id, "找不到该转诊")
            if r.status != rules.Status.DRAFT:
                raise ServiceError(f"转诊{rules.STATUS_LABELS[rules.Status(r.status)]}，内容不能再修改")
            merged = {**r.content, **content}
            errors = rules.check_content(rules.Direction(r.direction), merged, to_send=False)
            if errors:
                raise ValidationFailed(errors)
            r.content = merged
            if expert_slot is not None:
                r.expert_slot = expert_slot.strip()[:100] or None
            self.ctx.audit(s, "referral.update", "residents", r.resident_id, fields=sorted(content))
        return self.get(referral_id)

    def step(self, referral_id: uuid.UUID, step: str, reason: str = "") -> ReferralInfo:
        """Move the referral one step along its workflow; refused with the reason when not allowed."""
        try:
            move = rules.Step(step)
        except ValueError:
            raise ServiceError("没有这个转诊操作") from None
        user = self.ctx.require(Permission.REFERRAL_WRITE)
        with self.ctx.work(Permission.REFERRAL_WRITE) as s:
            r = live_row(s, Referral, referral_id, "找不到该转诊")
            current = rules.Status(r.status)
            if move is rules.Step.SEND:
                errors = rules.check_content(rules.Direction(r.direction), r.content, to_send=True)
                if errors:
                    raise ValidationFailed(errors)
            side = self._side(s, r, user.site_id, move)
            try:
                to = rules.next_status(current, move, side, reason)
            except DomainError as exc:
                raise ValidationFailed({exc.field or "step": exc.message}) from None
            r.status = to.value
            if move is rules.Step.SEND:
                r.sent_on = self.ctx.today()
            if move in rules.NEEDS_REASON:
                r.closed_reason = reason.strip()[:200]
            s.add(
                ReferralStep(
                    referral_id=r.id,
                    resident_id=r.resident_id,
                    step=move.value,
                    from_status=current.value,
                    to_status=to.value,
                    by_id=user.id,
                    reason=reason.strip() or None,
                )
            )
            self.ctx.audit(s, f"referral.{move.value}", "residents", r.resident_id)
        return self.get(referral_id)

    def actions(self, referral_id: uuid.UUID) -> tuple[str, ...]:
        """The steps this user may take on the referral now (for the form's buttons); the same
        decision ``step`` makes, so a button shown is a step allowed, reason aside."""
        if not self.ctx.can(Permission.REFERRAL_WRITE) or self.ctx.user is None:
            return ()
        site = self.ctx.user.site_id
        with self.ctx.db.reader() as s:
            r = live_row(s, Referral, referral_id, "找不到该转诊")
            if site not in (r.from_site_id, r.to_site_id):
                return ()
            current = rules.Status(r.status)
            return tuple(
                step.value
                for step in rules.Step
                if step in rules.steps_from(current, self._side(s, r, site, step))
            )

    # ---------------------------------------------------------------- reading
    def get(self, referral_id: uuid.UUID) -> ReferralInfo:
        self.ctx.require(Permission.REFERRAL_READ)
        with self.ctx.db.reader() as s:
            r = live_row(s, Referral, referral_id, "找不到该转诊")
            steps = list(
                s.scalars(
                    select(ReferralStep)
                    .where(ReferralStep.referral_id == r.id)
                    .order_by(ReferralStep.created_at)
                )
            )
            return self._infos(s, [r], {r.id: steps})[0]

    def register(self, f: RegisterFilters = RegisterFilters(), limit: int = 500) -> list[ReferralInfo]:
        """The referral register: drafts first, then the most recently sent."""
        self.ctx.require(Permission.REFERRAL_READ)
        with self.ctx.db.reader() as s:
            q = select(Referral).where(Referral.deleted_at.is_(None))
            if f.direction:
                q = q.where(Referral.direction == f.direction)
            if f.status:
                q = q.where(Referral.status == f.status)
            if f.site_id:
                q = q.where((Referral.from_site_id == f.site_id) | (Referral.to_site_id == f.site_id))
            if f.to_site_id:
                q = q.where(Referral.to_site_id == f.to_site_id)
            if f.resident_id:
                q = q.where(Referral.resident_id == f.resident_id)
            if f.month:
                first = dt.date.fromisoformat(f"{f.month}-01")
                after = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
                q = q.where(Referral.sent_on >= first, Referral.sent_on < after)
            # Drafts on top, then by the day sent: the register reads like the paper book it replaces.
            order = (Referral.sent_on.desc().nulls_first(), Referral.created_at.desc())
            rows = list(s.scalars(q.order_by(*order).limit(limit)))
            return self._infos(s, rows, {})

    def monthly(self) -> list[rules.MonthCount]:
        """Sent referrals per month, up and back."""
        self.ctx.require(Permission.REFERRAL_READ)
        with self.ctx.db.reader() as s:
            q = select(Referral.sent_on, Referral.direction).where(
                Referral.sent_on.is_not(None), Referral.deleted_at.is_(None)
            )
            return rules.monthly_counts([(day, rules.Direction(d)) for day, d in s.execute(q) if day])

    def waiting_list(self) -> list[ReferralInfo]:
        """For the workbench: referrals sent to this user's site and not yet received, newest first."""
        user = self.ctx.require(Permission.REFERRAL_READ)
        if user.site_id is None:
            return []
        return self.register(RegisterFilters(status=rules.Status.SENT, to_site_id=user.site_id))

    def waiting(self) -> int:
        """For the workbench: referrals sent to this user's site and not yet received."""
        user = self.ctx.require(Permission.REFERRAL_READ)
        with self.ctx.db.reader() as s:
            q = (
                select(func.count())
                .select_from(Referral)
                .where(
                    Referral.to_site_id == user.site_id,
                    Referral.status == rules.Status.SENT,
                    Referral.deleted_at.is_(None),
                )
            )
            return int(s.scalar(q) or 0)

    # ---------------------------------------------------------------- helpers
    @staticmethod
    def _direction(direction: str) -> rules.Direction:
        try:
            return rules.Direction(direction)
        except ValueError:
            raise ValidationFailed({"direction": "请选择转出或回转"}) from None

    @staticmethod
    def _side(s: Session, r: Referral, site_id: uuid.UUID | None, move: rules.Step) -> str:
        if site_id == r.to_site_id:
            source = s.get(Site, r.from_site_id)
            if move in SENDER_STEPS and source is not None and source.kind == "hospital":
                return "sender"  # a hospital's 回转单, sent on its behalf
            return "receiver"
        if site_id != r.from_site_id:
            raise ServiceError("只有转出机构或接收机构的人员可以办理此转诊")
        target = s.get(Site, r.to_site_id)
        if move in RECEIVER_STEPS and target is not None and target.kind == "hospital":
            return "receiver"  # recorded on the hospital's behalf
        return "sender"

    def _infos(
        self, s: Session, rows: list[Referral], steps: Mapping[uuid.UUID, list[ReferralStep]]
    ) -> list[ReferralInfo]:
        sites = {sid: name for sid, name in s.execute(select(Site.id, Site.name))}
        users = {u.id: u.display_name for u in s.scalars(select(StaffUser))}
        people = {
            r.id: r for r in s.scalars(select(Resident).where(Resident.id.in_({x.resident_id for x in rows})))
        }
        today = self.ctx.today()
        out = []
        for r in rows:
            p = people[r.resident_id]
            out.append(
                ReferralInfo(
                    r.id,
                    r.resident_id,
                    p.name,
                    p.sex,
                    age_on(p.birth_date, today),
                    p.record_no,
                    r.direction,
                    rules.DIRECTION_LABELS[rules.Direction(r.direction)],
                    r.status,
                    rules.STATUS_LABELS[rules.Status(r.status)],
                    sites.get(r.from_site_id, ""),
                    sites.get(r.to_site_id, ""),
                    r.from_site_id,
                    r.to_site_id,
                    r.department or "",
                    r.receiving_doctor or "",
                    users.get(r.referring_doctor_id, "") if r.referring_doctor_id else "",
                    dict(r.content),
                    tuple(r.priorities),
                    r.expert_slot or "",
                    r.hospice_assessment_id,
                    r.sent_on,
                    r.closed_reason or "",
                    tuple(
                        StepInfo(
                            st.step,
                            rules.STEP_LABELS[rules.Step(st.step)],
                            st.from_status,
                            st.to_status,
                            users.get(st.by_id, "") if st.by_id else "",
                            st.created_at,
                            st.reason or "",
                        )
                        for st in steps.get(r.id, [])
                    ),
                )
            )
        return out
