"""Every insert, update and tombstone of a synced row writes its change record in the same
transaction; a rollback or a killed process leaves neither half behind."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from chc_desktop.store.capture import HardDeleteError
from chc_desktop.store.database import Database
from chc_desktop.store.hlc import Stamp
from chc_desktop.store.models import AuditEntry, ChangeRecord, Resident, StaffUser


@pytest.fixture
def store(tmp_path: Path) -> Database:
    return Database(tmp_path / "c.db")


def changes(db: Database) -> list[ChangeRecord]:
    with db.reader() as s:
        return list(s.scalars(select(ChangeRecord).order_by(ChangeRecord.seq)))


def new_resident(db: Database, **kw: object) -> Resident:
    with db.unit_of_work(None) as s:
        r = Resident(name="张三", sex="1", birth_date=dt.date(1950, 3, 1), **kw)
        s.add(r)
    return r


def test_insert_writes_a_change_with_every_field(store: Database) -> None:
    r = new_resident(store, phone="13812345678")
    [change] = changes(store)
    assert (change.op, change.table_name, change.row_id) == ("insert", "residents", r.id)
    assert change.data["name"] == "张三" and change.data["birth_date"] == "1950-03-01"
    assert change.data["payment_methods"] == [] and change.data["status"] == "active"
    assert change.hlc == r.hlc and change.device_id == store.device_id == r.origin
    json.dumps(change.data)  # JSON-safe as stored


def test_update_writes_only_changed_fields(store: Database) -> None:
    r = new_resident(store)
    with store.unit_of_work(None) as s:
        row = s.get(Resident, r.id)
        assert row is not None
        row.phone = "13912345678"
        row.payment_methods = ["1", "5"]
    update = changes(store)[-1]
    assert update.op == "update"
    assert set(update.data) == {"phone", "payment_methods"}
    assert Stamp.parse(update.hlc) > Stamp.parse(changes(store)[0].hlc)


def test_unchanged_assignment_writes_nothing(store: Database) -> None:
    r = new_resident(store, phone="13812345678")
    with store.unit_of_work(None) as s:
        row = s.get(Resident, r.id)
        assert row is not None
        row.phone = "13812345678"
    assert len(changes(store)) == 1


def test_tombstone_is_a_delete_change_and_the_row_stays(store: Database) -> None:
    r = new_resident(store)
    with store.unit_of_work(None) as s:
        row = s.get(Resident, r.id)
        assert row is not None
        row.deleted_at = dt.datetime.now(dt.UTC)
    assert changes(store)[-1].op == "delete"
    with store.reader() as s:
        assert s.get(Resident, r.id) is not None


def test_hard_delete_is_refused_and_nothing_changes(store: Database) -> None:
    r = new_resident(store)
    with pytest.raises(HardDeleteError), store.unit_of_work(None) as s:
        s.delete(s.get(Resident, r.id))
    with store.reader() as s:
        assert s.get(Resident, r.id) is not None
    assert len(changes(store)) == 1


def test_append_only_rows_cannot_be_edited(store: Database) -> None:
    with store.unit_of_work(None) as s:
        entry = AuditEntry(action="resident.view")
        s.add(entry)
    with pytest.raises(HardDeleteError, match="append-only"), store.unit_of_work(None) as s:
        row = s.get(AuditEntry, entry.id)
        assert row is not None
        row.action = "forged"


def test_local_only_columns_do_not_travel(store: Database) -> None:
    with store.unit_of_work(None) as s:
        user = StaffUser(username="u", display_name="甲", role="clerk", password_hash="x")
        s.add(user)
    with store.unit_of_work(None) as s:
        row = s.get(StaffUser, user.id)
        assert row is not None
        row.failed_logins = 3
    assert [c.op for c in changes(store)] == ["insert"]
    assert "failed_logins" not in changes(store)[0].data


def test_rollback_leaves_neither_row_nor_change(store: Database) -> None:
    with pytest.raises(RuntimeError), store.unit_of_work(None) as s:
        s.add(Resident(name="李四", sex="2", birth_date=dt.date(1960, 1, 1)))
        s.flush()  # the change record is written by now, inside the transaction
        raise RuntimeError("boom")
    with store.reader() as s:
        assert s.scalar(select(func.count()).select_from(Resident)) == 0
    assert changes(store) == []


def test_clock_stays_monotonic_across_reopen(tmp_path: Path) -> None:
    first = Database(tmp_path / "m.db")
    new_resident(first)
    last = changes(first)[-1].hlc
    first.close()
    again = Database(tmp_path / "m.db")
    assert Stamp.parse(again.clock.now()) > Stamp.parse(last)


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.5])
def test_killed_writer_leaves_a_consistent_database(tmp_path: Path, delay: float) -> None:
    path = tmp_path / "k.db"
    Database(path).close()
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("_writer.py")), str(path)],
        stdout=subprocess.PIPE,
        env={**os.environ},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == b"ready"
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    residents = {r[0] for r in con.execute("SELECT id FROM residents")}
    inserts = {r[0] for r in con.execute("SELECT row_id FROM change_log WHERE op='insert'")}
    assert residents and residents == inserts
    # Every committed phone value has the change that wrote it.
    for rid, phone in con.execute("SELECT id, phone FROM residents"):
        last = con.execute(
            "SELECT data FROM change_log WHERE row_id=? AND data LIKE '%phone%' ORDER BY seq DESC LIMIT 1",
            (rid,),
        ).fetchone()
        assert json.loads(last[0])["phone"] == phone
    indexed = con.execute("SELECT count(*) FROM search_map").fetchone()[0]
    assert indexed == len(residents)
    con.close()
