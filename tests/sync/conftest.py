"""Hub servers and workstations for the sync tests.

Every hub test runs twice: a real hub server (the same ASGI app ``chc-hub serve`` runs, under
uvicorn on 127.0.0.1) storing in a SQLite file, and the same server storing in the real PostgreSQL
named by CHC_TEST_HUB_URL (default: the local server, user postgres). Workstations reach it only
over HTTP with their own credentials, as in production. With CI=true an unreachable PostgreSQL
fails the run instead of skipping it.
"""

from __future__ import annotations

import os
import secrets
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
import pytest
import uvicorn
from keyring.backend import KeyringBackend
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from chc_desktop.hub import schema as H
from chc_desktop.hub.accounts import Accounts, seed_demo, seed_reference
from chc_desktop.hub.api import create_app
from chc_desktop.hub.config import HubConfig, Limits, SnapshotSettings
from chc_desktop.hub.devices import DeviceRegistry
from chc_desktop.hub.storage import Hub
from chc_desktop.security.passwords import hash_password
from chc_desktop.services.app import Services, open_database
from chc_desktop.services.sites import site_id
from chc_desktop.store.database import Database
from chc_desktop.sync.client import HubClient
from chc_desktop.sync.device import DeviceSync, SyncReport, device_schema
from chc_desktop.sync.protocol import PROTOCOL_VERSION
from tests.conftest import PASSWORD, TODAY, login

PG_URL = os.environ.get("CHC_TEST_HUB_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
CENTRE = "仙霞社区卫生服务中心"  # the demo accounts' centre
OTHER_CENTRE = "华阳社区卫生服务中心"
SECRET = secrets.token_bytes(32)  # this test run's hubs only; no key stands in the code


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A throwaway database on the test PostgreSQL for this test session."""
    admin_url = make_url(PG_URL)
    try:
        admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        message = f"PostgreSQL hub tests cannot reach {admin_url.render_as_string()}: {type(exc).__name__}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    name = f"chc_hub_test_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield admin_url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def demo_hash() -> str:
    return hash_password(PASSWORD)  # one Argon2 hash for every demo account of every test hub


def free_port() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


@dataclass
class HubServer:
    """A running hub server and what an administrator at the hub machine holds (its database)."""

    database_url: str
    url: str = ""
    config: HubConfig | None = None
    _server: Any = None
    _thread: threading.Thread | None = None
    engines: list[Any] = field(default_factory=list)

    def start(self, limits: Limits | None = None, snapshots: SnapshotSettings | None = None) -> HubServer:
        # Tests enrol dozens of workstations a minute from one address.
        self.config = HubConfig(
            self.database_url,
            SECRET,
            limits=limits or Limits(enrol_per_minute=100_000),
            snapshots=snapshots or SnapshotSettings(),
        )
        sock = free_port()
        port = sock.getsockname()[1]
        app = create_app(self.config)
        self._server = uvicorn.Server(uvicorn.Config(app, log_level="error", access_log=False, lifespan="on"))
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [sock]}, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the test hub did not start")
            time.sleep(0.01)
        self.url = f"http://127.0.0.1:{port}"
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            assert self._thread is not None
            self._thread.join(10)
            self._server = None
        for e in self.engines:
            e.dispose()

    def engine(self) -> Any:
        e = H.hub_engine(self.database_url)
        self.engines.append(e)
        return e

    def storage(self) -> Hub:
        return Hub(self.engine())

    def registry(self) -> DeviceRegistry:
        return DeviceRegistry(self.engine(), SECRET)

    def accounts(self) -> Accounts:
        return Accounts(self.storage())

    def code(self, site: str = CENTRE) -> str:
        """A one-time enrolment code, as ``chc-hub enrol-code`` issues it."""
        return self.registry().issue_code(site_id("centre", site), "hub")[0]


ROOT = Path(__file__).resolve().parents[2]


def hub_config_file(path: Path, database_url: str, *lines: str) -> Path:
    """A hub configuration file (0600) for this test run's hubs: the database, the secret, and
    ``lines`` (TOML sections) after them."""
    import base64

    head = [f'database_url = "{database_url}"', f'secret = "{base64.urlsafe_b64encode(SECRET).decode()}"']
    path.write_text("\n".join([*head, *lines]) + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


@dataclass
class HubProcess:
    """A hub server in its own process (tests/sync/_hub_process.py), to be killed and restarted."""

    database_url: str
    folder: Path
    port: int = 0
    certificate: Path | None = None
    private_key: Path | None = None
    proc: Any = None

    @property
    def url(self) -> str:
        return f"{'https' if self.certificate else 'http'}://127.0.0.1:{self.port}"

    def config_file(self) -> Path:
        # Snapshots only where a test makes them: a server making its own would load the machine.
        lines = ["[limits]", "enrol_per_minute = 100000", "[snapshots]", "auto = false", "[server]"]
        if self.certificate:
            lines += [f'certificate = "{self.certificate}"', f'private_key = "{self.private_key}"']
        return hub_config_file(self.folder / f"hub-{self.port}.toml", self.database_url, *lines)

    def start(self, point: str = "", n: int = 0) -> HubProcess:
        import subprocess
        import sys

        if not self.port:
            sock = free_port()
            self.port = sock.getsockname()[1]
            sock.close()
        args = [sys.executable, "-m", "tests.sync._hub_process", str(self.config_file()), str(self.port)]
        if point:
            args += [point, str(n)]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.proc = subprocess.Popen(args, cwd=ROOT, env=env)
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return self
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the hub process did not start") from None
                time.sleep(0.05)

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
        if self.proc is not None:
            self.proc.wait(10)

    def died(self) -> bool:
        return self.proc is not None and self.proc.poll() is not None

    def code(self, site: str = CENTRE) -> str:
        return HubServer(self.database_url).code(site)

    def engine(self) -> Any:
        return HubServer(self.database_url).engine()


def prepare_hub(database_url: str, demo_hash: str) -> None:
    engine = H.hub_engine(database_url)
    try:
        H.drop_hub(engine)
        H.init_hub(engine)
        hub = Hub(engine)
        seed_reference(hub)
        seed_demo(hub, password_hash=demo_hash)
    finally:
        engine.dispose()


def hub_url(request: pytest.FixtureRequest, tmp_path: Path, demo_hash: str) -> str:
    """A prepared hub database of the kind the test is parametrized with."""
    url = (
        f"sqlite:///{tmp_path / 'hub.db'}"
        if request.param == "sqlite"
        else request.getfixturevalue("pg_database")
    )
    prepare_hub(url, demo_hash)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def hub(request: pytest.FixtureRequest, tmp_path: Path, demo_hash: str) -> Iterator[HubServer]:
    server = HubServer(hub_url(request, tmp_path, demo_hash)).start()
    yield server
    server.stop()


@dataclass
class Device:
    name: str
    db: Database
    token: str
    hub: Any  # HubServer or HubProcess

    def sync(self, **kw: Any) -> SyncReport:
        return self.services().sync.run(self.token, **kw)

    def client(self) -> HubClient:
        return HubClient(self.hub.url, self.token, None)

    def stepper(self) -> DeviceSync:
        """The sync's steps one by one, for tests of a single step (after ``hello``)."""
        sync = DeviceSync(self.db, self.client())
        sync.device, sync.hub_id = sync.hub.hello(PROTOCOL_VERSION, device_schema(self.db))
        return sync

    def as_user(self, username: str = "doctor") -> Services:
        return login(self.db, username)

    def services(self) -> Services:
        return Services(self.db, today=TODAY)


def add_staff(hub: HubServer, username: str, role: str, site: str, password_hash: str) -> uuid.UUID:
    """An account made at the hub (as ``chc-hub user add`` would), password ``demo1234``."""
    account = hub.accounts().add(
        username, username, role, site_id("centre", site), PASSWORD, password_hash=password_hash
    )
    return account.id


def make_device(
    tmp_path: Path, hub: Any, name: str, site: str = CENTRE, sync: bool = True, fingerprint: str | None = None
) -> Device:
    """A new workstation enrolled at ``site`` with a one-time code (and, by default, synced once:
    its accounts come from the hub)."""
    db = open_database(tmp_path / f"{name}.db")
    done = Services(db).sync.enrol(hub.url, hub.code(site), fingerprint, name)
    d = Device(name, db, done.credential, hub)
    if sync:
        d.sync()
    return d


@pytest.fixture
def devices(tmp_path: Path, hub: HubServer) -> Iterator[list[Device]]:
    """Two workstations of one centre, both enrolled and synced."""
    a = make_device(tmp_path, hub, "a")
    b = make_device(tmp_path, hub, "b")
    yield [a, b]
    for d in (a, b):
        d.db.close()


def new_id() -> uuid.UUID:
    return uuid.uuid4()
