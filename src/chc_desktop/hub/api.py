"""The hub server's HTTP API: the only door to the district's data.

Every request but ``/health`` and ``/v2/enrol`` carries a device credential; the server looks the
device up in its own records on each request (so revocation and rotation act at once) and passes
that record — never anything the client says about itself — to the storage, which decides scope
and authorizes every pushed change.

Bodies are JSON. Request models describe the API (``/openapi.json``) and check shapes and sizes;
the large responses (pulls) are written with orjson directly. No response ever carries a
traceback, a statement or a personal value from an error: clients get a short Chinese message and
a code, the log gets the request's shape.
"""

import dataclasses
import datetime as dt
import logging
import os
import threading
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, Path, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chc_desktop.hub import schema as H
from chc_desktop.hub.accounts import Account, AccountError, Accounts
from chc_desktop.hub.config import HubConfig
from chc_desktop.hub.devices import AdminUser, DeviceRegistry, Forbidden, NotAuthenticated
from chc_desktop.hub.snapshots import CHUNK as SNAPSHOT_CHUNK
from chc_desktop.hub.snapshots import SnapshotMaker, Snapshots, is_fresh
from chc_desktop.hub.storage import Hub
from chc_desktop.store import migrate
from chc_desktop.sync import wire
from chc_desktop.sync.protocol import (
    PROTOCOL_VERSION,
    ChangeIn,
    Cursor,
    DeviceInfo,
    HubRefused,
    HubUnreachable,
    Rejection,
)
from chc_desktop.sync.tables import specs

log = logging.getLogger("chc_hub")

Uuid = uuid.UUID
Text40 = Annotated[str, Field(max_length=40)]
Stamp = Annotated[str, Field(max_length=64)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EnrolIn(_Model):
    code: Annotated[str, Field(min_length=1, max_length=40)]
    device_id: Uuid
    name: Annotated[str, Field(max_length=100)] = ""
    device_schema: Text40


class EnrolOut(_Model):
    credential: str
    device_id: Uuid
    site_id: Uuid
    site_name: str
    street_id: Uuid | None
    centre_id: Uuid | None
    hub_id: str


class HelloIn(_Model):
    protocol: int
    device_schema: Text40


class HelloOut(_Model):
    device_id: Uuid
    name: str
    site_id: Uuid
    street_id: Uuid | None
    centre_id: Uuid | None
    hub_id: str


class ChangeModel(_Model):
    change_id: Uuid
    table: Text40
    row_id: Uuid
    op: Annotated[str, Field(pattern="^(insert|update|delete)$")]
    data: dict[str, Any]
    hlc: Stamp
    base: dict[str, Stamp] | None = None
    user_id: Uuid | None = None
    created_at: Any  # an ISO time; checked below, kept loose so a bad one is one quarantined change


class PushIn(_Model):
    changes: list[ChangeModel]


class RejectionOut(_Model):
    change_id: Uuid
    code: str
    reason: str


class PushOut(_Model):
    accepted: dict[str, int]
    rejected: list[RejectionOut]
    conflicts: int


class LeasesIn(_Model):
    block: Annotated[int, Field(ge=1, le=5000)]


class CountOut(_Model):
    count: int


class SnapshotIn(_Model):
    device_schema: Text40


class CursorIn(_Model):
    cursor: Annotated[str, Field(max_length=80)] = ""


class PullIn(CursorIn):
    limit: Annotated[int, Field(ge=1)] = 5000


class PullOut(_Model):
    rows: list[list[Any]] = Field(description="[table, row id, data, clocks, hlc, seq] per row")
    cursor: str
    more: bool


class IdsIn(_Model):
    ids: list[Uuid]


class IdsOut(_Model):
    ids: list[Uuid]


class TableIn(_Model):
    table: Text40


class ClocksOut(_Model):
    clocks: dict[str, list[Any]] = Field(description="row id -> [hlc, sequence of its last change]")


class DigestsOut(_Model):
    digests: dict[str, list[int]]


class CredentialOut(_Model):
    credential: str


class PasswordIn(_Model):
    username: Text40
    old_password: Annotated[str, Field(max_length=200)]
    new_password: Annotated[str, Field(max_length=200)]


class LoginIn(_Model):
    username: Text40
    password: Annotated[str, Field(max_length=200)]


class SessionOut(_Model):
    session: str
    expires_at: str


class CodeIn(_Model):
    site_id: Uuid | None = None
    hours: Annotated[int, Field(ge=1, le=336)] = 72


class CodeOut(_Model):
    code: str
    site_id: Uuid
    expires_at: str


class DeviceOut(_Model):
    device_id: Uuid
    name: str
    site_id: Uuid
    registered_at: str
    last_seen_at: str | None
    revoked: bool


class AccountOut(_Model):
    id: Uuid
    username: str
    display_name: str
    role: str
    role_label: str
    site_id: Uuid | None
    active: bool


class AccountIn(_Model):
    username: Text40
    display_name: Text40
    role: Annotated[str, Field(max_length=16)]
    password: Annotated[str, Field(max_length=200)]
    id: Uuid | None = None


class AccountPatch(_Model):
    display_name: Text40 | None = None
    role: Annotated[str | None, Field(max_length=16)] = None
    active: bool | None = None
    password: Annotated[str | None, Field(max_length=200)] = None


class SettingIn(_Model):
    value: Any


class ErrorOut(_Model):
    detail: str
    code: str


ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorOut} for s in (400, 401, 403, 404, 409, 413, 422, 429, 503)
}


class HubError(Exception):
    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.code, self.detail = status, code, detail


class RateLimiter:
    """A token bucket per key (a device, or a client address for enrolment and logins), in this
    process. Several hub processes each keep their own: the limit is per process, which is what
    protects each of them."""

    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, at = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - at) * self.rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1, now)
            if len(self._buckets) > 10_000:  # forget idle keys
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 600}
            return True


class BodyLimit:
    """Refuse a body over the limit before reading it all (413), whether or not it declares its
    length."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await _too_large(send)


class _TooLarge(Exception):
    pass


async def _too_large(send: Send) -> None:
    body = wire.dumps({"detail": "请求过大，请分批发送", "code": "too_large"})
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def create_app(config: HubConfig) -> FastAPI:
    """The hub's ASGI application on the configured database."""
    engine = H.hub_engine(config.database_url, statement_timeout_s=config.limits.statement_timeout_s)
    hub = Hub(engine)
    registry = DeviceRegistry(engine, config.secret)
    accounts = Accounts(hub)
    limits = config.limits
    per_device = RateLimiter(limits.requests_per_second, limits.burst)
    per_address = RateLimiter(limits.enrol_per_minute / 60, limits.enrol_per_minute)

    folder = config.snapshots.folder
    snapshots = Snapshots(hub, folder) if folder is not None else None
    maker = (
        SnapshotMaker(config.database_url, folder, config.snapshots.max_age_hours)
        if folder is not None and config.snapshots.auto
        else None
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        yield
        if maker is not None:
            maker.stop()
        engine.dispose()

    app = FastAPI(
        title="CHC Desktop hub",
        version=f"{PROTOCOL_VERSION}",
        description="中心同步服务：工作站登记、推送与拉取、管理接口。",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.hub = hub
    app.state.snapshot_maker = maker
    app.state.registry = registry

    # -- errors: a short message and a code, never a traceback or a value from the request

    @app.exception_handler(HubError)
    async def _hub_error(request: Request, exc: HubError) -> JSONResponse:
        return JSONResponse({"detail": exc.detail, "code": exc.code}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        where = []
        for e in exc.errors()[:3]:
            where.append(".".join(str(p) for p in e.get("loc", ()) if not isinstance(p, int)))
        return JSONResponse(
            {"detail": "请求格式不正确：" + "、".join(w for w in where if w)[:200], "code": "malformed"},
            status_code=422,
        )

    @app.exception_handler(HubRefused)
    async def _refused(request: Request, exc: HubRefused) -> JSONResponse:
        if isinstance(exc, NotAuthenticated):
            return JSONResponse({"detail": str(exc), "code": "unauthenticated"}, status_code=401)
        if isinstance(exc, Forbidden):
            return JSONResponse({"detail": str(exc), "code": "forbidden"}, status_code=403)
        return JSONResponse({"detail": str(exc), "code": "refused"}, status_code=409)

    @app.exception_handler(HubUnreachable)
    async def _database_down(request: Request, exc: HubUnreachable) -> JSONResponse:
        return JSONResponse(
            {"detail": "中心数据库暂时不可用，请稍后再同步", "code": "unavailable"}, status_code=503
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        ref = uuid.uuid4().hex[:12]
        # The type and where it happened: an exception's text may hold a statement's parameters.
        tb = exc.__traceback__
        while tb is not None and tb.tb_next is not None:
            tb = tb.tb_next
        place = f"{tb.tb_frame.f_code.co_filename.rsplit('/', 1)[-1]}:{tb.tb_lineno}" if tb else "?"
        log.error(
            "unexpected error ref=%s type=%s at=%s path=%s", ref, type(exc).__name__, place, request.url.path
        )
        return JSONResponse(
            {"detail": f"中心服务器内部错误（编号 {ref}）", "code": "internal"}, status_code=500
        )

    @app.middleware("http")
    async def _access_log(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        device = getattr(request.state, "device", None)
        log.info(
            "request method=%s path=%s status=%s ms=%.1f device=%s",
            request.method,
            getattr(request.scope.get("route"), "path", "-"),
            response.status_code,
            (time.perf_counter() - started) * 1000,
            device.device_id.hex if device is not None else "-",
        )
        return response

    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=limits.gzip_level)
    app.add_middleware(BodyLimit, limit=limits.max_body_bytes)

    # -- who is calling

    def client_address(request: Request) -> str:
        if config.behind_proxy:
            forwarded = request.headers.get("x-forwarded-for", "")
            if forwarded:
                return forwarded.split(",")[-1].strip()
        return request.client.host if request.client else "-"

    def device(request: Request, authorization: Annotated[str | None, Header()] = None) -> DeviceInfo:
        credential = (authorization or "").removeprefix("Bearer ").strip()
        key = credential.split(".", 1)[0][:32] or client_address(request)
        if not per_device.allow(key):
            raise HubError(429, "rate_limited", "请求过于频繁，请稍后再试")
        found = registry.authenticate(credential or None)
        request.state.device = found
        return found

    Device = Annotated[DeviceInfo, Depends(device)]

    def admin(d: Device, x_chc_session: Annotated[str | None, Header()] = None) -> AdminUser:
        return registry.admin(d, x_chc_session)

    Admin = Annotated[AdminUser, Depends(admin)]

    def guarded(request: Request) -> None:
        if not per_address.allow("addr:" + client_address(request)):
            raise HubError(429, "rate_limited", "尝试次数过多，请一分钟后再试")

    def batch(items: list[Any], limit: int, what: str) -> None:
        if len(items) > limit:
            raise HubError(413, "too_large", f"一次最多{what} {limit} 条，请分批发送")

    def ok(value: Any) -> Response:
        return Response(wire.dumps(value), media_type="application/json")

    # -- health

    @app.get("/health", responses={503: {"model": ErrorOut}})
    def health() -> dict[str, Any]:
        meta = hub.meta()  # raises HubUnreachable (503) when the database is away
        return {"status": "ok", "protocol": PROTOCOL_VERSION, "hub_schema": meta.get("hub_schema", "")}

    # -- enrolment

    @app.post("/v2/enrol", response_model=EnrolOut, responses=ERRORS, dependencies=[Depends(guarded)])
    def enrol(body: EnrolIn) -> Response:
        hub.check_versions(PROTOCOL_VERSION, body.device_schema)
        e = registry.enrol(body.code, body.device_id, body.name)
        log.info("enrolled device=%s site=%s", e.device.device_id.hex, e.device.site_id.hex)
        return ok(
            {
                "credential": e.credential,
                **wire.device_out(e.device),
                "site_name": e.site_name,
                "hub_id": e.hub_id,
            }
        )

    # -- sync

    @app.post("/v2/hello", response_model=HelloOut, responses=ERRORS)
    def hello(body: HelloIn, d: Device) -> Response:
        hub_id = hub.check_versions(body.protocol, body.device_schema)
        registry.touch(d.device_id)
        return ok({**wire.device_out(d), "hub_id": hub_id})

    @app.post("/v2/push", response_model=PushOut, responses=ERRORS)
    def push(body: PushIn, d: Device) -> Response:
        batch(body.changes, limits.push_batch, "上传")
        changes = []
        malformed = []
        for c in body.changes:
            try:
                created = _time(c.created_at)
            except ValueError:
                malformed.append(c.change_id)
                continue
            changes.append(
                ChangeIn(c.change_id, c.table, c.row_id, c.op, c.data, c.hlc, c.base, c.user_id, created)
            )
        result = hub.push(d, changes)
        for cid in malformed:
            result.rejected.append(_rejection(cid))
        return ok(wire.push_out(result))

    @app.post("/v2/leases", response_model=CountOut, responses=ERRORS)
    def leases(body: LeasesIn, d: Device) -> Response:
        return ok({"count": hub.grant_leases(d, body.block)})

    @app.post("/v2/pull", response_model=PullOut, responses=ERRORS)
    def pull(body: PullIn, d: Device) -> Response:
        b = hub.pull(d, _cursor(body.cursor), min(body.limit, limits.pull_batch))
        answer = ok({"rows": b.rows, "cursor": str(b.cursor), "more": b.more})
        # Also in the headers: a first sync asks for the next batch before reading this one.
        answer.headers.update({wire.CURSOR_HEADER: str(b.cursor), wire.MORE_HEADER: "1" if b.more else "0"})
        return answer

    @app.post("/v2/snapshot", response_class=StreamingResponse, responses=ERRORS)
    def snapshot(body: SnapshotIn, d: Device) -> Response:
        """The device's site's snapshot for a first sync (hub/snapshots.py): the gzip file as kept,
        its hash in a header. 404 when there is none for this schema — then made, if the server
        makes its own — and the device pulls everything."""
        found = snapshots.open_for(d, body.device_schema) if snapshots is not None else None
        stale = found is None or not is_fresh(found[1], config.snapshots.max_age_hours)
        if maker is not None and stale and body.device_schema == migrate.HEAD:
            maker.request(d.site_id)
        if found is None:
            raise HubError(404, "no_snapshot", "中心尚无本机构的快照，本次逐批下载")
        fh, info = found

        def chunks() -> Iterator[bytes]:
            with fh:
                while data := fh.read(SNAPSHOT_CHUNK):
                    yield data

        size = os.fstat(fh.fileno()).st_size
        log.info("snapshot sent device=%s bytes=%s", d.device_id.hex, size)
        return StreamingResponse(
            chunks(),
            media_type="application/gzip",
            headers={"Content-Length": str(size), wire.SNAPSHOT_SHA_HEADER: info.sha256},
        )

    @app.post("/v2/pending", response_model=CountOut, responses=ERRORS)
    def pending(body: CursorIn, d: Device) -> Response:
        return ok({"count": hub.pending_count(d, _cursor(body.cursor))})

    @app.post("/v2/rows", response_model=PullOut, responses=ERRORS)
    def rows(body: IdsIn, d: Device) -> Response:
        batch(body.ids, limits.ids_batch, "查询")
        found = hub.rows_by_id(d, body.ids)
        return ok({"rows": found, "cursor": "", "more": False})

    @app.post("/v2/row-clocks", response_model=ClocksOut, responses=ERRORS)
    def row_clocks(body: TableIn, d: Device) -> Response:
        if body.table not in specs():
            raise HubError(404, "unknown_table", "没有这个数据表")
        return ok({"clocks": {k.hex: list(v) for k, v in hub.row_clocks(d, body.table).items()}})

    @app.post("/v2/known", response_model=IdsOut, responses=ERRORS)
    def known(body: IdsIn, d: Device) -> Response:
        batch(body.ids, limits.ids_batch, "查询")
        return ok({"ids": sorted(hub.known(body.ids))})

    @app.post("/v2/digests", response_model=DigestsOut, responses=ERRORS)
    def digests(d: Device) -> Response:
        return ok({"digests": {t: list(v) for t, v in hub.digests(d).items()}})

    @app.post("/v2/rotate", response_model=CredentialOut, responses=ERRORS)
    def rotate(d: Device) -> Response:
        log.info("rotated device=%s", d.device_id.hex)
        return ok({"credential": registry.rotate(d)})

    @app.post("/v2/password", response_model=CountOut, responses=ERRORS, dependencies=[Depends(guarded)])
    def change_password(body: PasswordIn, d: Device) -> Response:
        """A user of the device's site changes their own password (the old one is checked here)."""
        user_id = registry.check_password(d, body.username, body.old_password)
        _account_call(lambda: accounts.update(user_id, user_id, password=body.new_password))
        log.info("password changed user=%s", user_id.hex)
        return ok({"count": 1})

    # -- administration (an administrator of the device's site, logged in through it)

    @app.post("/v2/admin/login", response_model=SessionOut, responses=ERRORS, dependencies=[Depends(guarded)])
    def admin_login(body: LoginIn, d: Device) -> Response:
        token, expires = registry.admin_login(d, body.username, body.password)
        return ok({"session": token, "expires_at": expires.isoformat()})

    @app.post("/v2/admin/enrolment-codes", response_model=CodeOut, responses=ERRORS)
    def enrolment_code(body: CodeIn, a: Admin) -> Response:
        site = body.site_id or a.site_id
        if site is None or site != a.site_id:
            raise HubError(403, "forbidden", "只能为本机构的工作站发放登记码")
        code, expires = registry.issue_code(site, str(a.user_id), body.hours)
        log.info("enrolment code issued site=%s by=%s", site.hex, a.user_id.hex)
        return ok({"code": code, "site_id": site, "expires_at": expires.isoformat()})

    @app.get("/v2/admin/devices", response_model=list[DeviceOut], responses=ERRORS)
    def list_devices(a: Admin) -> Response:
        return ok([_device(x) for x in registry.devices(a.site_id)])

    @app.post("/v2/admin/devices/{device_id}/revoke", response_model=CountOut, responses=ERRORS)
    def revoke(device_id: Annotated[Uuid, Path()], a: Admin) -> Response:
        if device_id not in {x["device_id"] for x in registry.devices(a.site_id)}:
            raise HubError(404, "not_found", "本机构没有这台工作站")
        log.info("revoked device=%s by=%s", device_id.hex, a.user_id.hex)
        return ok({"count": int(registry.revoke(device_id))})

    @app.get("/v2/admin/users", response_model=list[AccountOut], responses=ERRORS)
    def list_users(a: Admin) -> Response:
        return ok([_account(x) for x in accounts.all(a.site_id)])

    @app.post("/v2/admin/users", response_model=AccountOut, responses=ERRORS)
    def add_user(body: AccountIn, a: Admin) -> Response:
        site = a.site_id
        if site is None:
            raise HubError(403, "forbidden", "管理员账户没有所属机构")
        made = _account_call(
            lambda: accounts.add(
                body.username, body.display_name, body.role, site, body.password, a.user_id, body.id
            )
        )
        log.info("account created user=%s by=%s", made.id.hex, a.user_id.hex)
        return ok(_account(made))

    @app.patch("/v2/admin/users/{user_id}", response_model=AccountOut, responses=ERRORS)
    def change_user(user_id: Annotated[Uuid, Path()], body: AccountPatch, a: Admin) -> Response:
        if user_id not in {x.id for x in accounts.all(a.site_id)}:
            raise HubError(404, "not_found", "本机构没有这个用户")
        if user_id == a.user_id and (body.active is False or body.role not in (None, "admin")):
            raise HubError(403, "forbidden", "不能停用自己的账户或取消自己的管理员角色")
        changed = _account_call(
            lambda: accounts.update(
                user_id,
                a.user_id,
                display_name=body.display_name,
                role=body.role,
                active=body.active,
                password=body.password,
            )
        )
        log.info("account changed user=%s by=%s", user_id.hex, a.user_id.hex)
        return ok(_account(changed))

    @app.get("/v2/admin/settings", response_model=dict[str, Any], responses=ERRORS)
    def list_settings(a: Admin) -> Response:
        return ok(accounts.settings())

    @app.put("/v2/admin/settings/{key}", response_model=dict[str, Any], responses=ERRORS)
    def set_setting(key: Annotated[str, Path(max_length=80)], body: SettingIn, a: Admin) -> Response:
        value = _account_call(lambda: accounts.set_setting(key, body.value, a.user_id))
        log.info("setting changed key=%s by=%s", key, a.user_id.hex)
        return ok({"key": key, "value": value})

    return app


def _cursor(text: str) -> Cursor:
    try:
        return Cursor.parse(text)
    except (ValueError, TypeError):
        raise HubError(422, "malformed", "同步位置格式不正确") from None


def _time(value: Any) -> dt.datetime:
    if not isinstance(value, str):
        raise ValueError("not a time")
    t = dt.datetime.fromisoformat(value)
    return t if t.tzinfo else t.replace(tzinfo=dt.UTC)


def _rejection(change_id: uuid.UUID) -> Rejection:
    return Rejection(change_id, "validation", "修改时间格式不正确")


def _device(x: dict[str, Any]) -> dict[str, Any]:
    return {
        "device_id": x["device_id"],
        "name": x["name"],
        "site_id": x["site_id"],
        "registered_at": x["registered_at"].isoformat(),
        "last_seen_at": x["last_seen_at"].isoformat() if x["last_seen_at"] else None,
        "revoked": bool(x["revoked"]),
    }


def _account(a: Account) -> dict[str, Any]:
    return dataclasses.asdict(a)


def _account_call(work: Callable[[], Any]) -> Any:
    try:
        return work()
    except AccountError as exc:
        raise HubError(422, "invalid", str(exc)) from None


def app_from_env() -> FastAPI:
    """For ``uvicorn --factory`` with several worker processes: the configuration comes from
    ``CHC_HUB_CONFIG`` (or the environment)."""
    from chc_desktop.hub.config import load

    return create_app(load())
