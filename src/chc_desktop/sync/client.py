"""The workstation's side of the hub API: HTTPS with the hub's certificate pinned, the device's
credential on every request, JSON bodies, gzip for large pulls.

A centre's hub usually has a self-signed certificate. Enrolment records its SHA-256 fingerprint
(the administrator reads the same fingerprint at the hub), and every connection checks it before a
single byte of the request is sent. A hub behind a proxy with a certificate from a trusted
authority may instead be checked the ordinary way (``fingerprint=None``). Plain HTTP is refused
except to this machine (a hub on the same computer, and the tests).
"""

from __future__ import annotations

import gzip
import hashlib
import http.client
import socket
import ssl
import threading
import uuid
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from chc_desktop.security.files import private_open
from chc_desktop.sync import wire
from chc_desktop.sync.protocol import (
    ChangeIn,
    Cursor,
    DeviceInfo,
    HubRefused,
    HubRejected,
    HubUnreachable,
    PullBatch,
    PushResult,
    RowState,
    SyncError,
)

T = TypeVar("T")
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})
TIMEOUT_S = 120.0
CHUNK = 1 << 20


class SnapshotBroken(HubUnreachable):
    """A snapshot arrived whole but not as the hub described it (its hash, its compression)."""


class CertificateMismatch(HubRefused):
    """The server's certificate is not the one pinned at enrolment: not our hub, or a new one."""


def fingerprint_of(der: bytes) -> str:
    digest = hashlib.sha256(der).hexdigest().upper()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))


def normalise_fingerprint(text: str) -> str:
    hexits = "".join(ch for ch in text.upper() if ch in "0123456789ABCDEF")
    if len(hexits) != 64:
        raise SyncError("证书指纹应为 64 位十六进制数字（SHA-256），可带冒号")
    return ":".join(hexits[i : i + 2] for i in range(0, 64, 2))


@dataclass(frozen=True)
class Address:
    scheme: str
    host: str
    port: int

    @classmethod
    def parse(cls, url: str) -> Address:
        try:
            parts = urlsplit(url.strip())
            port = parts.port
        except ValueError:
            raise SyncError("中心地址格式不正确，例如 https://10.0.0.5:8443") from None
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise SyncError("中心地址应以 https:// 开头，例如 https://10.0.0.5:8443")
        if parts.scheme == "http" and parts.hostname not in LOOPBACK:
            raise SyncError("只有本机上的中心服务器可以不加密（http://127.0.0.1）；其他地址请用 https://")
        return cls(parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80))

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"


def server_fingerprint(url: str, timeout: float = 10.0) -> str:
    """The SHA-256 fingerprint of the certificate a server presents (shown for the user to compare
    with the one the administrator read at the hub)."""
    address = Address.parse(url)
    if address.scheme != "https":
        raise SyncError("不加密的地址没有证书")
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    try:
        with (
            socket.create_connection((address.host, address.port), timeout=timeout) as raw,
            ctx.wrap_socket(raw, server_hostname=address.host) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
    except OSError as exc:
        raise _unreachable(exc) from None
    if not der:
        raise HubRefused("中心服务器没有出示证书")
    return fingerprint_of(der)


def _unreachable(exc: BaseException) -> HubUnreachable:
    return HubUnreachable(
        f"无法连接中心服务器，或连接在同步中断开（{type(exc).__name__}）。本机数据未受影响。"
    )


class Transport:
    """One keep-alive connection per thread (a pull fetches its next batch while applying one)."""

    def __init__(self, url: str, fingerprint: str | None, timeout: float = TIMEOUT_S) -> None:
        self.address = Address.parse(url)
        self.fingerprint = normalise_fingerprint(fingerprint) if fingerprint else None
        self.timeout = timeout
        self._local = threading.local()

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None

    def _connection(self) -> http.client.HTTPConnection:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            return conn  # type: ignore[no-any-return]
        a = self.address
        if a.scheme == "http":
            conn = http.client.HTTPConnection(a.host, a.port, timeout=self.timeout)
        else:
            ctx = ssl.create_default_context()
            if self.fingerprint:
                # The pin is the check: the certificate may be self-signed and name an address.
                ctx.check_hostname = False
                ctx.verify_mode = ssl.CERT_NONE
            conn = http.client.HTTPSConnection(a.host, a.port, timeout=self.timeout, context=ctx)
        try:
            conn.connect()
        except ssl.SSLCertVerificationError:
            conn.close()
            raise HubRefused("中心服务器的证书不受信任：请在登记时核对并固定证书指纹。") from None
        except OSError as exc:
            conn.close()
            raise _unreachable(exc) from None
        if self.fingerprint and isinstance(conn, http.client.HTTPSConnection):
            sock = conn.sock
            der = sock.getpeercert(binary_form=True) if isinstance(sock, ssl.SSLSocket) else None
            if not der or fingerprint_of(der) != self.fingerprint:
                conn.close()
                raise CertificateMismatch(
                    "中心服务器的证书与登记时固定的不一致：可能不是本中心的服务器，已停止连接。"
                    "如中心更换了证书，请管理员核对新指纹后重新登记。"
                )
        self._local.conn = conn
        return conn

    def call(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Any:
        status, data, _ = self._exchange(method, path, body, headers)
        return _answer(status, data)

    def call_raw(self, path: str, body: Any, headers: dict[str, str]) -> tuple[bytes, Message]:
        """A POST whose successful answer the caller reads itself (a first sync's batches are read
        in a second process), with its headers; a refusal raises as ``call`` does."""
        status, data, head = self._exchange("POST", path, body, headers)
        if status >= 300:
            _answer(status, data)  # raises, with the hub's own words where it gave them
        return data, head

    def download(
        self, path: str, body: Any, headers: dict[str, str], sink: Callable[[bytes, int], None]
    ) -> Message | None:
        """A POST whose answer is a file, handed to ``sink`` piece by piece as it arrives (a
        snapshot: hundreds of MB). None when the hub has no such file (404); a refusal raises as
        ``call`` does; a connection lost midway raises HubUnreachable."""
        head = {"Accept-Encoding": "identity", "Content-Type": "application/json", **headers}
        conn = self._connection()
        try:
            conn.request("POST", path, body=wire.dumps(body), headers=head)
            response = conn.getresponse()
            if response.status >= 300:
                data = response.read()
                if response.status == 404:
                    return None
                _answer(response.status, data)
            total = int(response.getheader("Content-Length") or 0)
            while chunk := response.read(CHUNK):
                sink(chunk, total)
            answered = response.headers
        except (OSError, http.client.HTTPException) as exc:
            raise _unreachable(exc) from None
        finally:
            self.close()  # a large answer read in pieces: a fresh connection for what follows
        return answered

    def _exchange(
        self, method: str, path: str, body: Any, headers: dict[str, str] | None
    ) -> tuple[int, bytes, Message]:
        payload = None if body is None else wire.dumps(body)
        head = {"Accept": "application/json", "Accept-Encoding": "gzip", **(headers or {})}
        if payload is not None:
            head["Content-Type"] = "application/json"
        for attempt in (1, 2):
            conn = self._connection()
            try:
                conn.request(method, path, body=payload, headers=head)
                response = conn.getresponse()
                data = response.read()
                status = response.status
                encoding = response.getheader("Content-Encoding", "")
                answered = response.headers
                if response.will_close:
                    self.close()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                self.close()
                # A kept-alive connection the server closed while idle: one fresh try, and only
                # for a request that cannot have been half-applied (the hub's pushes are idempotent).
                if attempt == 2:
                    raise _unreachable(exc) from None
            except (OSError, http.client.HTTPException) as exc:
                self.close()
                raise _unreachable(exc) from None
        if encoding == "gzip":
            try:
                data = gzip.decompress(data)
            except (OSError, EOFError, zlib.error):
                raise HubUnreachable("中心服务器的回应不完整。本机数据未受影响。") from None
        return status, data, answered


def _answer(status: int, data: bytes) -> Any:
    """A reply's JSON if it succeeded; otherwise the error its status and detail call for."""
    try:
        parsed = wire.loads(data) if data else None
    except ValueError:
        raise HubUnreachable(f"中心服务器的回应无法识别（HTTP {status}）。本机数据未受影响。") from None
    if status < 300:
        return parsed
    raise _refusal(status, parsed)


def _refusal(status: int, parsed: Any) -> SyncError:
    detail = parsed.get("detail") if isinstance(parsed, dict) else None
    message = str(detail) if isinstance(detail, str) else f"中心服务器拒绝了请求（HTTP {status}）"
    if status in (401, 403, 409):
        return HubRefused(message)
    if status == 429 or status >= 500:  # busy or down: try again later, nothing was lost
        return HubUnreachable(message + "。本机数据未受影响。")
    return HubRejected(message)


class HubClient:
    """The hub as one enrolled device sees it. Every call carries this device's credential; the
    server decides what it may see and write."""

    def __init__(
        self, url: str, credential: str, fingerprint: str | None, timeout: float = TIMEOUT_S
    ) -> None:
        self.transport = Transport(url, fingerprint, timeout)
        self._auth = {"Authorization": f"Bearer {credential}"}

    def close(self) -> None:
        self.transport.close()

    def _post(self, path: str, body: Any = None) -> Any:
        return self.transport.call("POST", wire.API + path, body if body is not None else {}, self._auth)

    def _read(self, path: str, body: Any, decode: Callable[[Any], T]) -> T:
        """A request whose answer must have the protocol's shape; one that has not is the hub's
        fault, reported like an unreachable hub (nothing local changes), never a crash."""
        answer = self._post(path, body)
        try:
            return decode(answer)
        except (KeyError, ValueError, TypeError, AttributeError):
            raise HubUnreachable(f"中心服务器的回应格式不正确（{path}）。本机数据未受影响。") from None

    def hello(self, protocol: int, device_schema: str) -> tuple[DeviceInfo, str]:
        return self._read(
            "/hello",
            {"protocol": protocol, "device_schema": device_schema},
            lambda body: (wire.device_in(body), str(body.get("hub_id", ""))),
        )

    def push(self, changes: Sequence[ChangeIn]) -> PushResult:
        return self._read("/push", {"changes": [wire.change_out(c) for c in changes]}, wire.push_in)

    def grant_leases(self, block: int) -> int:
        return self._read("/leases", {"block": block}, lambda body: int(body["count"]))

    def pull(self, cursor: Cursor, limit: int) -> PullBatch:
        return self._read("/pull", {"cursor": str(cursor), "limit": limit}, wire.batch_in)

    def pull_raw(self, cursor: Cursor, limit: int) -> tuple[bytes, Cursor, bool]:
        """A pull's answer as the hub sent it (JSON, read later with ``wire.batch_in``), and the
        cursor after it from the headers — so the next batch can be asked for at once."""
        body, head = self.transport.call_raw(
            wire.API + "/pull", {"cursor": str(cursor), "limit": limit}, self._auth
        )
        after, more = head.get(wire.CURSOR_HEADER), head.get(wire.MORE_HEADER)
        try:
            if after is None or more not in ("0", "1"):
                raise ValueError
            return body, Cursor.parse(after), more == "1"
        except ValueError:
            raise HubUnreachable("中心服务器的回应格式不正确（/pull）。本机数据未受影响。") from None

    def snapshot(self, device_schema: str, target: Path, progress: Callable[[int, int], None]) -> bool:
        """This site's snapshot (hub/snapshots.py) unpacked into ``target``, a new private file, and
        checked against the hash the hub names; False when the hub has none for this schema."""
        digest, unpack, received = hashlib.sha256(), zlib.decompressobj(wbits=31), 0
        broken = SnapshotBroken("中心快照已损坏。本机数据未受影响。")
        with private_open(target, "wb") as out:

            def sink(chunk: bytes, total: int) -> None:
                nonlocal received
                digest.update(chunk)
                try:
                    out.write(unpack.decompress(chunk))
                except zlib.error:
                    raise broken from None
                except OSError as exc:  # not the network's fault: say so
                    raise SyncError(f"本机写入快照文件失败（{exc.strerror}）。本机数据未受影响。") from None
                received += len(chunk)
                progress(received, total)

            head = self.transport.download(
                wire.API + "/snapshot", {"device_schema": device_schema}, self._auth, sink
            )
        if head is None:
            return False
        if head.get(wire.SNAPSHOT_SHA_HEADER) != digest.hexdigest() or not unpack.eof:
            raise broken
        return True

    def pending_count(self, cursor: Cursor) -> int:
        return self._read("/pending", {"cursor": str(cursor)}, lambda body: int(body["count"]))

    def rows_by_id(self, ids: Sequence[uuid.UUID]) -> list[RowState]:
        out: list[RowState] = []
        for i in range(0, len(ids), 2000):
            good, _bad = self._read(
                "/rows", {"ids": list(ids[i : i + 2000])}, lambda b: wire.rows_in(b["rows"])
            )
            out += good
        return out

    def row_clocks(self, table: str) -> dict[uuid.UUID, tuple[str, int]]:
        """Each row's stamp at the hub and the sequence number of its last change."""
        return self._read(
            "/row-clocks",
            {"table": table},
            lambda body: {uuid.UUID(k): (str(v[0]), int(v[1])) for k, v in body["clocks"].items()},
        )

    def known(self, ids: Sequence[uuid.UUID]) -> set[uuid.UUID]:
        found: set[uuid.UUID] = set()
        for i in range(0, len(ids), 2000):
            found |= self._read(
                "/known", {"ids": list(ids[i : i + 2000])}, lambda b: {uuid.UUID(x) for x in b["ids"]}
            )
        return found

    def digests(self) -> dict[str, tuple[int, int]]:
        return self._read(
            "/digests", {}, lambda b: {t: (int(v[0]), int(v[1])) for t, v in b["digests"].items()}
        )

    def rotate(self) -> str:
        return self._read("/rotate", {}, lambda body: str(body["credential"]))

    def change_password(self, username: str, old: str, new: str) -> None:
        """A user's own password, changed at the hub (which checks the old one)."""
        self._post("/password", {"username": username, "old_password": old, "new_password": new})

    # -- administration

    def admin_login(self, username: str, password: str) -> str:
        return str(self._post("/admin/login", {"username": username, "password": password})["session"])

    def admin(self, session: str, method: str, path: str, body: Any = None) -> Any:
        headers = {**self._auth, "X-CHC-Session": session}
        return self.transport.call(method, wire.API + "/admin" + path, body, headers)


@dataclass(frozen=True)
class Enrolled:
    credential: str
    device: DeviceInfo
    site_name: str
    hub_id: str


def enrol(
    url: str, fingerprint: str | None, code: str, device_id: uuid.UUID, name: str, device_schema: str
) -> Enrolled:
    """Exchange a one-time code for this workstation's credential."""
    transport = Transport(url, fingerprint)
    try:
        body = transport.call(
            "POST",
            wire.API + "/enrol",
            {"code": code.strip(), "device_id": device_id, "name": name, "device_schema": device_schema},
        )
    finally:
        transport.close()
    return Enrolled(
        str(body["credential"]), wire.device_in(body), str(body["site_name"]), str(body["hub_id"])
    )


def health(url: str, fingerprint: str | None, timeout: float = 5.0) -> bool:
    transport = Transport(url, fingerprint, timeout)
    try:
        body = transport.call("GET", "/health")
        return isinstance(body, dict) and body.get("status") == "ok"
    except SyncError:
        return False
    finally:
        transport.close()
