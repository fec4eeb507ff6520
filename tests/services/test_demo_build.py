"""The demo build: one process or two give the same residents, every row with its change record."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from chc_desktop.services import demo
from chc_desktop.services.app import Services, open_database
from tests.conftest import TODAY


def build(path: Path, parallel_from: int, monkeypatch: pytest.MonkeyPatch) -> sqlite3.Connection:
    monkeypatch.setattr(demo, "PARALLEL_FROM", parallel_from)
    db = open_database(path)
    summary = demo.build_demo(db, 400, seed=3, today=TODAY)
    assert summary.residents == 400
    db.close()
    return sqlite3.connect(path)


def test_two_processes_build_what_one_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    one = build(tmp_path / "one.db", 10**9, monkeypatch)
    two = build(tmp_path / "two.db", 100, monkeypatch)
    people = "SELECT id_number, name, record_no FROM residents ORDER BY id_number"
    assert one.execute(people).fetchall() == two.execute(people).fetchall()
    for con in (one, two):
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        tables = ("residents", "history_entries", "key_population_tags", "households", "household_members")
        rows = sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables)
        marks = ",".join("?" for _ in tables)
        changes = con.execute(
            f"SELECT count(*) FROM change_log WHERE table_name IN ({marks})", tables
        ).fetchone()[0]
        assert changes == rows
        assert con.execute("SELECT count(DISTINCT sid), count(*) FROM search_map").fetchone() == (400, 400)
        # Leases continue after the numbers used, per 居委.
        for prefix, top in con.execute("SELECT prefix, max(last_serial) FROM serial_leases GROUP BY prefix"):
            used = con.execute("SELECT max(record_no) FROM residents WHERE record_no LIKE ?", (prefix + "%",))
            assert int(used.fetchone()[0][-5:]) == top


def test_filing_continues_after_a_parallel_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(tmp_path / "p.db", 100, monkeypatch)
    services = Services(open_database(tmp_path / "p.db"), today=TODAY).login("clerk", "demo1234")
    assert services.search.search("zh").rows  # the index of both parts is searchable
    from tests.services.helpers import draft, id_number

    filed = services.residents.file(draft(services, name="新来者", id_number=id_number("19800101", "135")))
    assert filed.record_no is not None
    again = services.search.search(filed.record_no).rows
    assert [r.name for r in again] == ["新来者"]
