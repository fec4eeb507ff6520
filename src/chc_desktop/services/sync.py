"""Sync use cases: join a hub, sync now, the sync state, quarantine and conflicts."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from chc_desktop.domain.resident import CLINICAL_FIELDS
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context
from chc_desktop.services.errors import NotFound, ServiceError
from chc_desktop.services.hub_link import FINGERPRINT_KEY, HUB_ID_KEY, connect, enrolled
from chc_desktop.services.record_numbers import assign_pending_numbers
from chc_desktop.services.settings import read_policy
from chc_desktop.store.capture import change_row, insert_data, synced_columns, to_json
from chc_desktop.store.database import HUB_URL_KEY, LEGACY_AUTH_KEY, LEGACY_PREFIX, Database
from chc_desktop.store.hlc import stamp_time
from chc_desktop.store.models import ChangeRecord, Resident, StaffUser, SyncConflict, SyncRun
from chc_desktop.sync import credentials
from chc_desktop.sync.client import Address, HubClient, health, normalise_fingerprint, server_fingerprint
from chc_desktop.sync.client import enrol as client_enrol
from chc_desktop.sync.device import CHANGES, CURSOR_KEY, DeviceSync, Progress, SyncReport, device_schema
from chc_desktop.sync.tables import specs

TABLE_LABELS = {
    "residents": "居民档案",
    "history_entries": "既往史",
    "households": "家庭",
    "household_members": "家庭成员",
    "key_population_tags": "重点人群标记",
    "contracts": "签约",
    "teams": "家庭医生团队",
    "team_members": "团队成员",
    "service_packages": "服务包",
    "hospice_assessments": "安宁疗护评估",
    "consultations": "会诊",
    "referrals": "转诊",
    "referral_steps": "转诊记录",
    "sites": "机构与地区",
    "staff_users": "用户",
    "settings": "设置",
    "serial_leases": "档案编号段",
    "audit_log": "审计记录",
    "sync_conflicts": "同步冲突",
}


@dataclass(frozen=True)
class EnrolResult:
    site_name: str
    kept_in_keyring: bool
    credential: str  # shown once where no keyring can keep it


def enrol(db: Database, url: str, code: str, fingerprint: str | None, name: str) -> EnrolResult:
    """Enrol this workstation at a hub with a one-time code from its administrator. The code is the
    authority (a new workstation has no accounts yet: they come from the hub). Unsent changes stay
    and go through the service at the next sync; a workstation moved to another hub pulls again
    from the start."""
    address = str(Address.parse(url))
    pin = normalise_fingerprint(fingerprint) if fingerprint else None
    if address.startswith("https://") and pin is None:
        raise ServiceError("请填写中心服务器证书的 SHA-256 指纹（管理员在中心运行 chc-hub fingerprint 可见）")
    done = client_enrol(address, pin, code, db.device_id, name, device_schema(db))
    if db.meta(HUB_ID_KEY) != done.hub_id:
        db.set_meta(CURSOR_KEY, "")
    db.set_meta(HUB_URL_KEY, address)
    db.set_meta(FINGERPRINT_KEY, pin or "")
    db.set_meta(HUB_ID_KEY, done.hub_id)
    db.delete_meta(LEGACY_AUTH_KEY)
    kept = credentials.save_token(db.device_id, done.credential)
    return EnrolResult(done.site_name, kept, done.credential)


@dataclass(frozen=True)
class SyncStatus:
    configured: bool
    hub: str  # host and database only
    online: bool | None  # None: not tried yet
    last_ok: dt.datetime | None
    last_attempt: dt.datetime | None
    last_message: str
    waiting: int
    rejected: int
    conflicts: int
    keyring: bool


@dataclass(frozen=True)
class RunInfo:
    started_at: dt.datetime
    finished_at: dt.datetime | None
    outcome: str
    pushed: int
    pulled: int
    rejected: int
    conflicts: int
    message: str


@dataclass(frozen=True)
class QuarantineItem:
    seq: int
    table: str
    table_label: str
    row_id: uuid.UUID
    record: str  # what a person recognises: the resident's name where the row is a resident's
    fields: list[str]
    code: str
    reason: str
    at: dt.datetime


@dataclass(frozen=True)
class ConflictItem:
    id: uuid.UUID
    table: str
    table_label: str
    row_id: uuid.UUID
    record: str
    field: str
    winner_value: Any
    winner_user: str
    winner_at: dt.datetime
    loser_value: Any
    loser_user: str
    loser_at: dt.datetime
    detected_at: dt.datetime
    resolved: bool


class SyncService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.db = ctx.db

    # ----------------------------------------------------------------- setup and running

    def hub_url(self) -> str | None:
        return self.db.meta(HUB_URL_KEY)

    def enrol(self, url: str, code: str, fingerprint: str | None, name: str) -> EnrolResult:
        return enrol(self.db, url, code, fingerprint, name)

    @staticmethod
    def server_fingerprint(url: str) -> str:
        """The fingerprint the server at ``url`` presents, for the user to compare."""
        return server_fingerprint(url)

    def stored_token(self) -> str | None:
        return credentials.load_token(self.db.device_id)

    def client(self, token: str | None = None) -> HubClient:
        """The hub as this enrolled workstation reaches it."""
        return connect(self.ctx, token)

    def rotate(self, token: str | None = None) -> bool:
        """A new credential for this workstation (the old one stops working at once); True if the
        keyring keeps it."""
        hub = self.client(token)
        try:
            fresh = hub.rotate()
        finally:
            hub.close()
        return credentials.save_token(self.db.device_id, fresh)

    def run(
        self,
        token: str | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SyncReport:
        # No login needed: a new workstation syncs before anyone can log in (accounts come from
        # the hub), and the credential, not a user, is what the hub trusts.
        hub = self.client(token)
        if token:
            self.ctx.hub_token = token  # typed once (no keyring): kept in memory for this session
        with self.db.reader() as s:
            block = int(read_policy(s, "record_no.lease_block"))
        try:
            return DeviceSync(
                self.db,
                hub,
                progress,
                cancelled,
                lease_block=block,
                after_pull=lambda: assign_pending_numbers(self.db, block),
            ).run()
        finally:
            hub.close()

    def probe(self) -> bool:
        """Is the hub reachable now (a quick request, no sync)?"""
        if not enrolled(self.db):
            return False
        return health(self.hub_url() or "", self.db.meta(FINGERPRINT_KEY) or None)

    # ----------------------------------------------------------------- state

    def status(self) -> SyncStatus:
        url = self.hub_url()
        with self.db.reader() as s:
            # Only the statuses a person must see: counting every sent change took 0.5 s at 300,000.
            counts = dict(
                s.execute(
                    select(ChangeRecord.status, func.count())
                    .where(ChangeRecord.status.in_(("pending", "rejected")))
                    .group_by(ChangeRecord.status)
                ).all()
            )
            conflicts = s.scalar(select(func.count()).where(SyncConflict.resolved_at.is_(None))) or 0
            last = s.scalars(
                select(SyncRun).where(SyncRun.outcome != "running").order_by(SyncRun.id.desc())
            ).first()
            last_ok = s.scalar(select(func.max(SyncRun.finished_at)).where(SyncRun.outcome == "ok"))
        hub = ""
        if url:
            hub = url.removeprefix(LEGACY_PREFIX).removeprefix("https://").removeprefix("http://")
        return SyncStatus(
            configured=url is not None,
            hub=hub,
            online=None if last is None else last.outcome == "ok",
            last_ok=last_ok,
            last_attempt=last.finished_at if last else None,
            last_message=(last.message or "") if last else "",
            waiting=counts.get("pending", 0),
            rejected=counts.get("rejected", 0),
            conflicts=conflicts,
            keyring=credentials.keyring_available(),
        )

    def runs(self, limit: int = 100) -> list[RunInfo]:
        with self.db.reader() as s:
            rows = s.scalars(select(SyncRun).order_by(SyncRun.id.desc()).limit(limit)).all()
        return [
            RunInfo(
                r.started_at,
                r.finished_at,
                r.outcome,
                r.pushed,
                r.pulled,
                r.rejected,
                r.conflicts,
                r.message or "",
            )
            for r in rows
        ]

    # ----------------------------------------------------------------- quarantine

    def quarantine(self) -> list[QuarantineItem]:
        self.ctx.require(Permission.RESIDENT_READ)
        with self.db.reader() as s:
            rows = s.scalars(
                select(ChangeRecord).where(ChangeRecord.status == "rejected").order_by(ChangeRecord.seq)
            ).all()
            return [
                QuarantineItem(
                    r.seq,
                    r.table_name,
                    TABLE_LABELS.get(r.table_name, r.table_name),
                    r.row_id,
                    self._record_label(s, r.table_name, r.row_id),
                    sorted(r.data),
                    r.reject_code or "",
                    r.reject_reason or "",
                    r.created_at,
                )
                for r in rows
            ]

    def resend(self, seq: int) -> None:
        """Send a quarantined change again, with the row's values as they are now (after the fix):
        one fresh change replaces every quarantined change of that row."""
        user = self.ctx.require(Permission.RESIDENT_WRITE)
        spec_by_table = specs()
        with self.db.unit_of_work(user.id) as s:
            first = s.get(ChangeRecord, seq)
            if first is None or first.status != "rejected":
                raise NotFound("这条被拒记录已不存在或已重新发送")
            spec = spec_by_table[first.table_name]
            model: Any = spec.model
            obj = s.get(model, first.row_id)
            if obj is None:
                raise NotFound("被拒记录对应的数据已不存在")
            group = s.scalars(
                select(ChangeRecord).where(
                    ChangeRecord.row_id == first.row_id, ChangeRecord.status == "rejected"
                )
            ).all()
            fields = sorted({f for c in group for f in c.data})
            base: dict[str, str] = {}
            for c in sorted(group, key=lambda c: c.seq, reverse=True):
                base.update(c.base or {})
            inserted = any(c.op == "insert" for c in group)
            actor = self.db.actor(user.id)
            hlc = actor.clock.now()
            clocks = dict(obj.clocks) if obj.clocks else {"": obj.hlc}
            clocks.update(dict.fromkeys(fields, hlc))
            values = {f: getattr(obj, f) for f in synced_columns(model)}
            data = insert_data(values, values) if inserted else {f: to_json(values[f]) for f in fields}
            s.execute(
                model.__table__.update()
                .where(model.__table__.c.id == obj.id)
                .values(hlc=hlc, clocks=None if inserted else clocks)
            )
            s.execute(
                CHANGES.insert().values(
                    change_row(
                        first.table_name,
                        obj.id,
                        "insert" if inserted else "update",
                        data,
                        hlc,
                        actor,
                        dt.datetime.now(dt.UTC),
                        None if inserted else base,
                    )
                )
            )
            for c in group:
                c.status = "resent"
            self.ctx.audit(s, "sync.resend", first.table_name, obj.id, fields=fields)

    # ----------------------------------------------------------------- conflicts

    def conflicts(self, include_resolved: bool = False) -> list[ConflictItem]:
        self.ctx.require(Permission.RESIDENT_READ)
        clinical = self.ctx.can(Permission.CLINICAL_READ)
        with self.db.reader() as s:
            q = select(SyncConflict).order_by(SyncConflict.detected_at)
            if not include_resolved:
                q = q.where(SyncConflict.resolved_at.is_(None))
            users = dict(s.execute(select(StaffUser.id, StaffUser.display_name)).all())
            out = []
            for c in s.scalars(q):
                if c.table_name == "residents" and c.field in CLINICAL_FIELDS and not clinical:
                    continue
                out.append(
                    ConflictItem(
                        c.id,
                        c.table_name,
                        TABLE_LABELS.get(c.table_name, c.table_name),
                        c.row_id,
                        self._record_label(s, c.table_name, c.row_id),
                        c.field,
                        c.winner_value,
                        users.get(c.winner_user, "（未知）") if c.winner_user else "（系统）",
                        stamp_time(c.winner_hlc),
                        c.loser_value,
                        users.get(c.loser_user, "（未知）") if c.loser_user else "（系统）",
                        stamp_time(c.loser_hlc),
                        c.detected_at,
                        c.resolved_at is not None,
                    )
                )
            return out

    def resolve(self, conflict_id: uuid.UUID, value: Any) -> None:
        """A person's decision: the field takes ``value`` (either side's or typed), audited."""
        user = self.ctx.require(Permission.RESIDENT_WRITE)
        with self.db.unit_of_work(user.id) as s:
            c = s.get(SyncConflict, conflict_id)
            if c is None or c.resolved_at is not None:
                raise NotFound("这个冲突已不存在或已被处理")
            spec = specs()[c.table_name]
            if c.table_name == "residents" and c.field in CLINICAL_FIELDS:
                self.ctx.require(Permission.CLINICAL_WRITE)
            obj = s.get(spec.model, c.row_id)
            if obj is None:
                raise NotFound("冲突对应的记录在本机不存在，请先同步")
            try:
                decoded = spec.decode(c.field, value)
            except (TypeError, ValueError):
                raise ServiceError("所选的值格式不正确") from None
            if getattr(obj, c.field) != decoded:
                setattr(obj, c.field, decoded)
            c.resolved_at = dt.datetime.now(dt.UTC)
            c.resolved_by = user.id
            c.resolution = to_json(decoded)
            self.ctx.audit(s, "sync.resolve", c.table_name, c.row_id, field=c.field, conflict=str(c.id))

    def flagged(self, row_id: uuid.UUID) -> int:
        """Open conflicts on one record (the editor shows a banner)."""
        with self.db.reader() as s:
            return (
                s.scalar(
                    select(func.count()).where(
                        SyncConflict.row_id == row_id, SyncConflict.resolved_at.is_(None)
                    )
                )
                or 0
            )

    @staticmethod
    def _record_label(s: Any, table: str, row_id: uuid.UUID) -> str:
        resident_id: uuid.UUID | None = row_id
        if table != "residents":
            spec = specs().get(table)
            obj = s.get(spec.model, row_id) if spec else None
            resident_id = getattr(obj, "resident_id", None) if obj is not None else None
            if resident_id is None:
                return TABLE_LABELS.get(table, table)
        r = s.get(Resident, resident_id)
        return r.name if r is not None else "（本机尚无此档案）"


__all__ = ["EnrolResult", "SyncService", "enrol"]
