"""Hubs and devices for the sync tests.

Every hub test runs twice: against a SQLite hub file and against the real PostgreSQL named by
CHC_TEST_HUB_URL (default: the local server, user postgres). With CI=true an unreachable PostgreSQL
fails the run instead of skipping it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from chc_desktop.services.app import Services, open_database
from chc_desktop.services.demo import ensure_committees, ensure_demo_accounts
from chc_desktop.services.sync import init_hub_at, register_device
from chc_desktop.store.database import Database
from chc_desktop.sync import hub_schema
from chc_desktop.sync.device import DeviceSync, SyncReport, device_schema
from chc_desktop.sync.hub import Hub
from chc_desktop.sync.protocol import PROTOCOL_VERSION, DeviceInfo
from tests.conftest import TODAY, login

PG_URL = os.environ.get("CHC_TEST_HUB_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
CENTRE = "仙霞社区卫生服务中心"  # the demo accounts' centre
OTHER_CENTRE = "华阳社区卫生服务中心"


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


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'hub.db'}"
    else:
        url = request.getfixturevalue("pg_database")
        engine = hub_schema.hub_engine(url)
        hub_schema.drop_hub(engine)
        engine.dispose()
    init_hub_at(url)
    yield url


@dataclass
class Device:
    name: str
    db: Database
    token: str
    hub_url: str

    def sync(self, **kw: Any) -> SyncReport:
        return self.services().sync.run(self.token, **kw)

    def hub(self) -> Hub:
        return Hub(hub_schema.hub_engine(self.hub_url))

    def stepper(self) -> tuple[DeviceSync, DeviceInfo]:
        """The sync's steps one by one, for tests of a single step."""
        sync = DeviceSync(self.db, self.hub(), self.token)
        info = sync.hub.hello(self.db.device_id, self.token, PROTOCOL_VERSION, device_schema(self.db))
        return sync, info

    def as_user(self, username: str = "doctor") -> Services:
        return login(self.db, username)

    def services(self) -> Services:
        return Services(self.db, today=TODAY)


def make_device(
    tmp_path: Path, hub_url: str, name: str, site: str = CENTRE, accounts: bool = False
) -> Device:
    db = open_database(tmp_path / f"{name}.db")
    if accounts:
        ensure_demo_accounts(db)
        ensure_committees(db)
    token = register_device(db, hub_url, site, name)
    return Device(name, db, token, hub_url)


@pytest.fixture
def devices(tmp_path: Path, hub_url: str) -> Iterator[list[Device]]:
    """Two workstations of one centre: A set up the accounts, B joined later and pulled them."""
    a = make_device(tmp_path, hub_url, "a", accounts=True)
    a.sync()
    b = make_device(tmp_path, hub_url, "b")
    b.sync()
    yield [a, b]
    for d in (a, b):
        d.db.close()


def new_id() -> uuid.UUID:
    return uuid.uuid4()
