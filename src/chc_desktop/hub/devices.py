"""Enrolled workstations: one-time enrolment codes, device credentials, authentication of every
request, revocation and rotation, and administrators' sessions on the admin API.

Secrets are kept at the hub only as HMAC-SHA256 under the server's own key (``HubConfig.secret``,
which lives in the server's configuration, not in the database): a copy of the database opens no
workstation's door. A credential is ``<device id hex>.<random secret>``; the device keeps it in the
system keyring.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, select

from chc_desktop.hub import schema as H
from chc_desktop.security.passwords import check_login_password
from chc_desktop.security.roles import Role
from chc_desktop.sync.protocol import DeviceInfo, HubRefused

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread on paper
CODE_LENGTH = 16  # 80 bits: not guessable within a code's life, whatever the rate limit
ENROL_HOURS = 72
SESSION_MINUTES = 30


class NotAuthenticated(HubRefused):
    """No, or no valid, credential: the device (or administrator) must enrol (log in) again."""


class Forbidden(HubRefused):
    """A valid caller asking for something its role or site does not allow."""


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


@dataclass(frozen=True)
class Enrolment:
    device: DeviceInfo
    credential: str
    site_name: str
    hub_id: str


@dataclass(frozen=True)
class AdminUser:
    user_id: uuid.UUID
    username: str
    site_id: uuid.UUID | None
    device_id: uuid.UUID


class DeviceRegistry:
    def __init__(self, engine: Engine, secret: bytes) -> None:
        if len(secret) < 16:
            raise ValueError("the hub's secret key must be at least 16 bytes")
        self.engine = engine
        self._secret = secret

    def mac(self, text: str) -> str:
        return hmac.new(self._secret, text.encode(), hashlib.sha256).hexdigest()

    # ----------------------------------------------------------------- enrolment

    def issue_code(
        self, site_id: uuid.UUID, issued_by: str, hours: int = ENROL_HOURS, now: dt.datetime | None = None
    ) -> tuple[str, dt.datetime]:
        """A one-time code for one workstation of ``site_id`` (a centre or a station)."""
        now = now or dt.datetime.now(dt.UTC)
        if not 1 <= hours <= 24 * 14:
            raise Forbidden("登记码有效期应在 1 小时到 14 天之间")
        with self.engine.begin() as conn:
            site = _site(conn, site_id)
            if site is None or site.get("kind") not in ("centre", "station"):
                raise Forbidden("只能为社区卫生服务中心或服务站发放登记码")
            code = new_code()
            expires = now + dt.timedelta(hours=hours)
            conn.execute(
                H.ENROLMENTS.insert().values(
                    code_hash=self.mac("enrol:" + normalise_code(code)),
                    site_id=site_id,
                    issued_by=issued_by[:80],
                    issued_at=now,
                    expires_at=expires,
                )
            )
        return code, expires

    def enrol(self, code: str, device_id: uuid.UUID, name: str, now: dt.datetime | None = None) -> Enrolment:
        """Exchange a one-time code for this workstation's credential (returned once)."""
        now = now or dt.datetime.now(dt.UTC)
        refused = NotAuthenticated("登记码无效、已使用或已过期，请向管理员重新申请。")
        with self.engine.begin() as conn:
            e = H.ENROLMENTS.c
            row = (
                conn.execute(
                    select(H.ENROLMENTS).where(e.code_hash == self.mac("enrol:" + normalise_code(code)))
                )
                .mappings()
                .first()
            )
            if row is None or row["used_at"] is not None or _aware(row["expires_at"]) <= now:
                raise refused
            site_id = row["site_id"]
            known = (
                conn.execute(select(H.DEVICES).where(H.DEVICES.c.device_id == device_id)).mappings().first()
            )
            if known is not None and known["site_id"] != site_id:
                raise Forbidden("这台工作站已登记在另一个机构，请管理员先撤销原登记。")
            secret = secrets.token_urlsafe(32)
            street, centre = place_of(conn, site_id)
            values = {
                "name": name.strip()[:100] or "工作站",
                "site_id": site_id,
                "street_id": street,
                "token_hash": self.mac("device:" + secret),
                "registered_at": now,
                "revoked": False,
                "revoked_at": None,
                "rotated_at": None,
            }
            if known is None:
                conn.execute(H.DEVICES.insert().values(device_id=device_id, **values))
            else:
                conn.execute(H.DEVICES.update().where(H.DEVICES.c.device_id == device_id).values(**values))
            conn.execute(
                H.ENROLMENTS.update()
                .where(e.code_hash == row["code_hash"])
                .values(used_at=now, device_id=device_id)
            )
            site = _site(conn, site_id) or {}
            hub_id = conn.execute(select(H.META.c.value).where(H.META.c.key == "hub_id")).scalar() or ""
        info = DeviceInfo(device_id, values["name"], site_id, street, centre)
        return Enrolment(info, f"{device_id.hex}.{secret}", str(site.get("name", "")), hub_id)

    # ----------------------------------------------------------------- every request

    def authenticate(self, credential: str | None, now: dt.datetime | None = None) -> DeviceInfo:
        """The device a credential belongs to, read from the hub's own records on every request:
        a revoked or rotated credential fails at once."""
        device_id, secret = _split(credential)
        with self.engine.connect() as conn:
            row = conn.execute(select(H.DEVICES).where(H.DEVICES.c.device_id == device_id)).mappings().first()
            if row is None or not row["token_hash"]:
                raise NotAuthenticated("本工作站未在中心登记或登记已失效：请向管理员申请登记码重新登记。")
            if not hmac.compare_digest(row["token_hash"], self.mac("device:" + secret)):
                raise NotAuthenticated("工作站凭据不正确或已更换：请向管理员申请登记码重新登记。")
            if row["revoked"]:
                raise NotAuthenticated("本工作站在中心的登记已被撤销，请联系管理员。")
            street, centre = place_of(conn, row["site_id"])
        return DeviceInfo(row["device_id"], row["name"], row["site_id"], street, centre)

    def touch(self, device_id: uuid.UUID, now: dt.datetime | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                H.DEVICES.update()
                .where(H.DEVICES.c.device_id == device_id)
                .values(last_seen_at=now or dt.datetime.now(dt.UTC))
            )

    def rotate(self, device: DeviceInfo, now: dt.datetime | None = None) -> str:
        """A new credential for this device; the old one stops working at once."""
        secret = secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            conn.execute(
                H.DEVICES.update()
                .where(H.DEVICES.c.device_id == device.device_id)
                .values(token_hash=self.mac("device:" + secret), rotated_at=now or dt.datetime.now(dt.UTC))
            )
        return f"{device.device_id.hex}.{secret}"

    def revoke(self, device_id: uuid.UUID, now: dt.datetime | None = None) -> bool:
        with self.engine.begin() as conn:
            done = conn.execute(
                H.DEVICES.update()
                .where(H.DEVICES.c.device_id == device_id)
                .values(revoked=True, revoked_at=now or dt.datetime.now(dt.UTC))
            ).rowcount
            conn.execute(H.SESSIONS.delete().where(H.SESSIONS.c.device_id == device_id))
        return bool(done)

    def devices(self, site_id: uuid.UUID | None = None) -> list[dict[str, Any]]:
        d = H.DEVICES.c
        q = select(
            d.device_id, d.name, d.site_id, d.registered_at, d.last_seen_at, d.revoked, d.revoked_at
        ).order_by(d.registered_at)
        if site_id is not None:
            q = q.where(d.site_id == site_id)
        with self.engine.connect() as conn:
            return [dict(m) for m in conn.execute(q).mappings()]

    # ----------------------------------------------------------------- administrators

    def check_password(self, device: DeviceInfo, username: str, password: str) -> uuid.UUID:
        """The active account of this device's site with this password. An unknown name and a
        wrong password get the same answer after the same work."""
        account = None
        with self.engine.connect() as conn:
            r = H.ROWS.c
            for row_id, data in conn.execute(select(r.row_id, r.data).where(r.table_name == "staff_users")):
                if data.get("username") == username.strip().lower():
                    account = (row_id, data)
        stored = str(account[1].get("password_hash") or "") if account else ""
        good = check_login_password(stored, password)
        if (
            account is None
            or not good
            or not account[1].get("active", True)
            or account[1].get("deleted_at")
            or account[1].get("site_id") != str(device.site_id)
        ):
            raise NotAuthenticated("用户名或密码不正确")
        return account[0]  # type: ignore[no-any-return]

    def admin_login(
        self, device: DeviceInfo, username: str, password: str, now: dt.datetime | None = None
    ) -> tuple[str, dt.datetime]:
        """An administrator's session on the admin API, from an enrolled workstation of their site."""
        now = now or dt.datetime.now(dt.UTC)
        user_id = self.check_password(device, username, password)
        with self.engine.connect() as conn:
            data = conn.execute(select(H.ROWS.c.data).where(H.ROWS.c.row_id == user_id)).scalar() or {}
        if data.get("role") != Role.ADMIN:
            raise Forbidden("只有本机构的管理员可以在工作站上管理中心的账户和登记")
        token = secrets.token_urlsafe(32)
        expires = now + dt.timedelta(minutes=SESSION_MINUTES)
        with self.engine.begin() as conn:
            conn.execute(H.SESSIONS.delete().where(H.SESSIONS.c.expires_at < now))
            conn.execute(
                H.SESSIONS.insert().values(
                    token_hash=self.mac("session:" + token),
                    user_id=user_id,
                    device_id=device.device_id,
                    created_at=now,
                    expires_at=expires,
                )
            )
        return token, expires

    def admin(self, device: DeviceInfo, token: str | None, now: dt.datetime | None = None) -> AdminUser:
        now = now or dt.datetime.now(dt.UTC)
        if not token:
            raise NotAuthenticated("请先以管理员身份登录中心")
        with self.engine.connect() as conn:
            s = H.SESSIONS.c
            row = (
                conn.execute(select(H.SESSIONS).where(s.token_hash == self.mac("session:" + token)))
                .mappings()
                .first()
            )
            if row is None or row["device_id"] != device.device_id or _aware(row["expires_at"]) <= now:
                raise NotAuthenticated("管理员登录已过期，请重新登录")
            r = H.ROWS.c
            data = conn.execute(select(r.data).where(r.row_id == row["user_id"])).scalar()
        if (
            not data
            or data.get("role") != Role.ADMIN
            or not data.get("active", True)
            or data.get("deleted_at")
        ):
            raise Forbidden("该账户已不是管理员")
        site = data.get("site_id")
        return AdminUser(
            row["user_id"], str(data["username"]), uuid.UUID(site) if site else None, device.device_id
        )


@functools.cache
def _split(credential: str | None) -> tuple[uuid.UUID, str]:
    if not credential or credential.count(".") != 1:
        raise NotAuthenticated("缺少工作站凭据：请先登记本工作站。")
    head, secret = credential.split(".")
    try:
        return uuid.UUID(hex=head), secret
    except ValueError:
        raise NotAuthenticated("工作站凭据格式不正确。") from None


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _site(conn: Connection, site_id: uuid.UUID) -> dict[str, Any] | None:
    r = H.ROWS.c
    data = conn.execute(select(r.data).where(r.row_id == site_id, r.table_name == "sites")).scalar()
    return data if isinstance(data, dict) else None


def place_of(conn: Connection, site_id: uuid.UUID) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """(street, centre) of a site as the hub records them: a centre's own street; a station's
    centre and that centre's street."""
    street = centre = None
    current: uuid.UUID | None = site_id
    for _ in range(6):
        if current is None:
            break
        site = _site(conn, current)
        if site is None:
            break
        if site.get("kind") == "centre" and centre is None:
            centre = current
        if site.get("kind") == "street":
            street = current
            break
        parent = site.get("parent_id")
        current = uuid.UUID(str(parent)) if parent else None
    return street, centre


__all__ = ["DeviceRegistry", "Enrolment", "Forbidden", "NotAuthenticated", "new_code", "place_of"]
