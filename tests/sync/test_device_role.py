"""On PostgreSQL a workstation can have its own least-privilege role: it syncs, and it can do
nothing else — no delete, no schema change, no enrolment."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from chc_desktop.domain.resident import ResidentDraft
from chc_desktop.services.app import Services, open_database
from chc_desktop.services.demo import ensure_committees, ensure_demo_accounts
from chc_desktop.services.sync import init_hub_at, register_device
from chc_desktop.sync import hub_schema
from chc_desktop.sync.hub import device_role
from tests.services.helpers import draft
from tests.sync.conftest import CENTRE, OTHER_CENTRE, Device, make_device


def _huayang(s: Services) -> ResidentDraft:
    street = next(x for x in s.sites.list("street") if x.code == "310105001")
    committee = s.sites.list("committee", street.id)[0]
    return replace(draft(s), street_id=street.id, committee_id=committee.id, current_address="华阳路 1 号")


@pytest.fixture
def pg_hub(pg_database: str) -> Iterator[str]:
    engine = hub_schema.hub_engine(pg_database)
    hub_schema.drop_hub(engine)
    engine.dispose()
    init_hub_at(pg_database)
    yield pg_database


def test_a_workstation_role_syncs_and_can_do_nothing_else(tmp_path: Path, pg_hub: str) -> None:
    db = open_database(tmp_path / "a.db")
    ensure_demo_accounts(db)
    ensure_committees(db)
    token = register_device(db, pg_hub, CENTRE, "a", db_role=True)
    role = device_role(db.device_id)
    try:
        stored = make_url(db.meta("sync.hub_url") or "")
        assert stored.username == role and stored.password is None  # no secret on disk
        d = Device("a", db, token, pg_hub)
        s = d.as_user()
        s.residents.file(draft(s))
        report = d.sync()
        assert report.pushed > 0 and not report.rejected
        # Another centre's workstation files a resident of its own street.
        far = make_device(tmp_path, pg_hub, "far", site=OTHER_CENTRE)
        far.sync()
        fs = far.as_user()
        elsewhere = fs.residents.file(_huayang(fs))
        far.sync()
        far.db.close()
        as_device = create_engine(stored.set(password=token, drivername="postgresql+psycopg"))
        with as_device.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM hub_rows")).scalar_one() > 0
            # Row-level security: the other street's file is invisible to this role, whatever it asks.
            hidden = conn.execute(
                text("SELECT count(*) FROM hub_rows WHERE row_id = :r"), {"r": elsewhere.id}
            )
            assert hidden.scalar_one() == 0
        with as_device.connect() as conn, pytest.raises(ProgrammingError, match="permission denied"):
            conn.execute(text("SELECT data FROM hub_changes"))  # values in the log stay out of reach
        for forbidden in (
            "DELETE FROM hub_rows",
            "DROP TABLE hub_changes",
            "INSERT INTO hub_devices (device_id, name, site_id, token_hash, registered_at, revoked) "
            "VALUES (gen_random_uuid(), 'x', gen_random_uuid(), 'x', now(), false)",
            "UPDATE hub_devices SET token_hash = 'x'",
        ):
            with (
                as_device.connect() as conn,
                pytest.raises(ProgrammingError, match=r"permission denied|must be owner"),
            ):
                conn.execute(text(forbidden))
        as_device.dispose()
    finally:
        db.close()
        admin = create_engine(make_url(pg_hub), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f"DROP OWNED BY {role}"))
            conn.execute(text(f"DROP ROLE IF EXISTS {role}"))
        admin.dispose()
