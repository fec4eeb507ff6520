"""Fixtures shared by every test: a private data directory, a real SQLite file, logged-in users."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from chc_desktop.services.app import Services, open_database
from chc_desktop.services.demo import ensure_committees, ensure_demo_accounts
from chc_desktop.store.database import Database

TODAY = dt.date(2026, 11, 24)
PASSWORD = "demo1234"


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing a test writes may leave its temporary folder.
    monkeypatch.setenv("CHC_DATA_DIR", str(tmp_path / "data"))


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(tmp_path / "chc.db")
    ensure_demo_accounts(database)
    ensure_committees(database)
    yield database
    database.close()


def login(db: Database, username: str) -> Services:
    return Services(db, today=TODAY).login(username, PASSWORD)


@pytest.fixture
def doctor(db: Database) -> Services:
    return login(db, "doctor")


@pytest.fixture
def clerk(db: Database) -> Services:
    return login(db, "clerk")


@pytest.fixture
def admin(db: Database) -> Services:
    return login(db, "admin")


@pytest.fixture
def nurse(db: Database) -> Services:
    return login(db, "nurse")
