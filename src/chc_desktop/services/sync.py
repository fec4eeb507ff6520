"""Sync use cases: join a hub, sync now, the sync state, quarantine and conflicts."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from chc_desktop.domain.resident import CLINICAL_FIELDS
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context
from chc_desktop.services.errors import NotFound, ServiceError
from chc_desktop.services.record_numbers import HUB_URL_KEY, assign_pending_numbers
from chc_desktop.services.settings import read_policy
from chc_desktop.store.capture import change_row, insert_data, synced_columns, to_json
from chc_desktop.store.database import Database
from chc_desktop.store.hlc import stamp_time
from chc_desktop.store.models import ChangeRecord, Resident, Site, StaffUser, SyncConflict, SyncRun
from chc_desktop.sync import credentials
from chc_desktop.sync.device import CHANGES, DeviceSync, Progress, SyncReport
from chc_desktop.sync.hub import Hub, device_role, unreachable
from chc_desktop.sync.hub_schema import hub_engine, init_hub
from chc_desktop.sync.protocol import HubUnreachable, SyncError
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


AUTH_KEY = "sync.auth"  # token: the hub checks the token | role: also the database password


class NeedToken(ServiceError):
    """No stored token: the user must type it (and we say why)."""


def public_url(url: str) -> str:
    """The hub address without its password: the only form stored or shown."""
    try:
        return make_url(url).set(password=None).render_as_string(hide_password=False)
    except ArgumentError:
        raise ServiceError("中心地址格式不正确，例如 postgresql://chc_device@10.0.0.5/chc_hub") from None


def init_hub_at(url: str) -> str:
    engine = hub_engine(url)
    try:
        return init_hub(engine)
    except HubUnreachable:
        raise
    except Exception as exc:  # driver errors: never their text (it may echo the URL)
        raise unreachable(exc) from None
    finally:
        engine.dispose()


def device_street(db: Database, site_id: uuid.UUID) -> uuid.UUID | None:
    """The street whose residents a workstation at this site serves: a centre's own street, or the
    street of a station's centre."""
    with db.reader() as s:
        site = s.get(Site, site_id)
        while site is not None and site.kind != "street":
            site = s.get(Site, site.parent_id) if site.parent_id else None
        return site.id if site else None


def find_site(db: Database, name: str) -> Site:
    with db.reader() as s:
        sites = list(s.scalars(select(Site).where(Site.name == name, Site.kind.in_(("centre", "station")))))
    if len(sites) != 1:
        raise NotFound(f"没有名为“{name}”的社区卫生服务中心或服务站")
    return sites[0]


def register_device(
    db: Database, hub_url: str, site_name: str, device_name: str, db_role: bool = False
) -> str:
    """Enrol this workstation at the hub (an administrator, with the hub's own credentials) and
    remember the hub. Returns the token; it is also kept in the keyring where one exists. With
    ``db_role`` the workstation connects as its own least-privilege PostgreSQL role afterwards."""
    site = find_site(db, site_name)
    engine = hub_engine(hub_url)
    try:
        hub = Hub(engine)
        token = hub.register_device(db.device_id, device_name, site.id, device_street(db, site.id), db_role)
    except HubUnreachable:
        raise
    except SyncError:
        raise
    except Exception as exc:  # driver errors: never their text
        raise unreachable(exc) from None
    finally:
        engine.dispose()
    url = make_url(hub_url).set(password=None)
    if db_role:
        url = url.set(username=device_role(db.device_id))
    db.set_meta(HUB_URL_KEY, url.render_as_string(hide_password=False))
    db.set_meta(AUTH_KEY, "role" if db_role else "token")
    credentials.save_token(db.device_id, token)
    return token


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

    def join(self, hub_url: str, token: str) -> bool:
        """Point this workstation at a hub it is registered with; True if the token was kept in
        the keyring, False if it must be typed at each sync."""
        self.ctx.require(Permission.SETTINGS_MANAGE)
        self.db.set_meta(HUB_URL_KEY, public_url(hub_url))
        return credentials.save_token(self.db.device_id, token)

    def stored_token(self) -> str | None:
        return credentials.load_token(self.db.device_id)

    def run(
        self,
        token: str | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> SyncReport:
        # No login needed: a new workstation syncs before anyone can log in (accounts come from
        # the hub), and the token, not a user, is what the hub trusts.
        url = self.hub_url()
        if url is None:
            raise SyncError("本工作站尚未连接中心：请管理员在“同步”页面或用 chc sync join 设置。")
        token = token or self.stored_token()
        if not token:
            raise NeedToken(
                credentials.NO_KEYRING
                if not credentials.keyring_available()
                else "请输入本工作站的中心凭据。"
            )
        with self.db.reader() as s:
            block = int(read_policy(s, "record_no.lease_block"))
        # A workstation with its own database role logs in with its token as the password.
        engine = hub_engine(url, password=token if self.db.meta(AUTH_KEY) == "role" else None)
        try:
            return DeviceSync(
                self.db,
                Hub(engine),
                token,
                progress,
                cancelled,
                lease_block=block,
                after_pull=lambda: assign_pending_numbers(self.db, block),
            ).run()
        finally:
            engine.dispose()

    def probe(self) -> bool:
        """Is the hub reachable now (a quick connection, no sync)?"""
        url = self.hub_url()
        if url is None:
            return False
        engine = hub_engine(url)
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
            return True
        except Exception:
            return False
        finally:
            engine.dispose()

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
            u = make_url(url)
            hub = f"{u.host or ''}{'/' if u.host else ''}{(u.database or '').rsplit('/', 1)[-1]}"
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


__all__ = ["SyncService", "init_hub_at", "register_device"]
