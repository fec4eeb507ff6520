"""The signing state the database keeps on each resident (store/signing_state.py) always equals what
the contracts and tags say, whatever writes them and in whatever order (hypothesis)."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from chc_desktop.services.app import open_database
from chc_desktop.services.demo import ensure_demo_accounts
from chc_desktop.services.sites import site_id
from chc_desktop.store import signing_state
from chc_desktop.store.database import Database
from chc_desktop.store.models import Contract, KeyPopulationTag, Resident, Team

DAY0 = dt.date(2026, 1, 1)
CODES = ("maternal", "low_income", "hypertension", "elderly60", "smi")  # elderly60: not counted
ops = st.lists(
    st.tuples(
        st.sampled_from(
            ["sign", "end", "extend", "tombstone_contract", "tag", "untag", "tombstone_tag", "resident"]
        ),
        st.integers(0, 3),  # which resident
        st.integers(0, 400),  # days after DAY0
        st.sampled_from(CODES),
    ),
    max_size=25,
)


def _expected(db: Database) -> dict[uuid.UUID, tuple[dt.date | None, bool]]:
    with db.reader() as s:
        out: dict[uuid.UUID, tuple[dt.date | None, bool]] = {}
        for rid in s.scalars(select(Resident.id)):
            ends = [
                c.end_date
                for c in s.scalars(select(Contract).where(Contract.resident_id == rid))
                if c.status == "active" and c.deleted_at is None
            ]
            tags = [
                t
                for t in s.scalars(select(KeyPopulationTag).where(KeyPopulationTag.resident_id == rid))
                if t.code in signing_state.TAGGED and t.deleted_at is None and t.until is None
            ]
            out[rid] = (max(ends) if ends else None, bool(tags))
        return out


def _stored(db: Database) -> dict[uuid.UUID, tuple[dt.date | None, bool]]:
    with db.reader() as s:
        return {
            r: (u, bool(k))
            for r, u, k in s.execute(select(Resident.id, Resident.contract_until, Resident.key_tagged))
        }


@contextlib.contextmanager
def _unordered(db: Database) -> Iterator[Session]:
    """A transaction with foreign keys off, as a first sync's bulk pull writes (rows in any order)."""
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()
        try:
            with Session(bind=conn) as s:
                yield s
                s.commit()
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, uuid.UUID, uuid.UUID]:
    """A migrated database with a doctor and a team, copied for each example (migrating is slow)."""
    path = tmp_path_factory.mktemp("signing") / "template.db"
    db = open_database(path)
    doctor = ensure_demo_accounts(db)["doctor"]
    with db.unit_of_work(None) as s:
        team = Team(name="t", centre_id=site_id("centre", "仙霞社区卫生服务中心"), lead_doctor_id=doctor)
        s.add(team)
        s.flush()
        team_id = team.id
    db.close()
    return path, doctor, team_id


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops)
def test_the_state_follows_contracts_and_tags(
    tmp_path: Path, template: tuple[Path, uuid.UUID, uuid.UUID], steps: list[tuple[str, int, int, str]]
) -> None:
    source, doctor, team_id = template
    path = tmp_path / f"s{uuid.uuid4().hex}.db"
    shutil.copy(source, path)
    db = Database(path)
    try:
        street = site_id("street", "310105008")
        residents: list[uuid.UUID] = []
        pending: list[uuid.UUID] = []  # contracts and tags written before their resident (a pull)
        for op, who, days, code in steps:
            with _unordered(db) as s:
                while len(residents) <= who:
                    residents.append(uuid.uuid4())
                    pending.append(residents[-1])
                rid = residents[who]
                day = DAY0 + dt.timedelta(days=days)
                if op == "resident" and rid in pending:
                    s.add(
                        Resident(id=rid, name="甲", sex="1", birth_date=dt.date(1980, 1, 1), street_id=street)
                    )
                    pending.remove(rid)
                elif op == "sign":
                    s.add(
                        Contract(
                            resident_id=rid,
                            team_id=team_id,
                            doctor_id=doctor,
                            start_date=day,
                            end_date=day + dt.timedelta(days=364),
                            sign_method="self",
                            signed_on=day,
                        )
                    )
                elif op in ("end", "extend", "tombstone_contract"):
                    c = s.scalars(select(Contract).where(Contract.resident_id == rid)).first()
                    if c is not None:
                        if op == "end":
                            c.status = "terminated"
                        elif op == "extend":
                            c.end_date = c.end_date + dt.timedelta(days=days)
                        else:
                            c.deleted_at = dt.datetime.now(dt.UTC)
                elif op == "tag":
                    s.add(KeyPopulationTag(resident_id=rid, code=code, since=day, source="manual"))
                elif op in ("untag", "tombstone_tag"):
                    t = s.scalars(select(KeyPopulationTag).where(KeyPopulationTag.resident_id == rid)).first()
                    if t is not None:
                        if op == "untag":
                            t.until = day
                        else:
                            t.deleted_at = dt.datetime.now(dt.UTC)
        with _unordered(db) as s:  # the residents still to arrive arrive last
            for rid in pending:
                s.add(Resident(id=rid, name="乙", sex="2", birth_date=dt.date(1990, 1, 1), street_id=street))
        assert _stored(db) == _expected(db)
        with db.engine.begin() as conn:  # and a full recount agrees with the triggers
            signing_state.recount(conn)
        assert _stored(db) == _expected(db)
    finally:
        db.close()
