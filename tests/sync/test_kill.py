"""A sync SIGKILLed at any point of push or pull, then run again: nothing lost, nothing twice."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from chc_desktop.hub import schema as H
from chc_desktop.services.app import open_database
from chc_desktop.services.residents import Filters
from tests.services.helpers import draft, id_number
from tests.sync.conftest import Device

ROOT = Path(__file__).resolve().parents[2]
POINTS = [(p, n) for p in ("before-push", "after-hub-commit", "mid-apply") for n in (1, 2, 3)]


def _kill_sync(d: Device, point: str, n: int) -> int:
    env = {**os.environ, "CHC_TEST_TOKEN": d.token, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "tests.sync._killed_sync", str(d.db.path), d.hub.url, point, str(n)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        timeout=120,
    )
    return proc.returncode


@pytest.mark.parametrize(("point", "n"), random.Random(20261125).sample(POINTS, 5))
def test_killed_sync_resumes_without_loss_or_duplicates(
    devices: list[Device], point: str, n: int, tmp_path: Path
) -> None:
    a, b = devices
    s = a.as_user()
    ids = [
        s.residents.file(
            draft(s, name="赵" + "一二三四五六七八"[i], id_number=id_number(seq=f"{i + 400}"))
        ).id
        for i in range(8)
    ]
    s.residents.update(ids[0], replace(s.residents.get(ids[0]).draft, work_unit="长宁区图书馆"))
    victim = a if point != "mid-apply" else b
    if victim is b:
        a.sync()
    fresh = open_database(tmp_path / "fresh.db")
    with sqlite3.connect(fresh.path) as con:
        fresh_indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    fresh.close()
    code = _kill_sync(victim, point, n)
    assert code == -signal.SIGKILL
    for d in (a, b, a, b):
        d.sync()
    for d in (a, b):
        con = sqlite3.connect(d.db.path)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert indexes == fresh_indexes  # set-aside indexes of a killed first sync are back
        con.close()
        reader = d.services()
        assert reader.sync.status().waiting == 0
        doc = d.as_user()
        assert doc.residents.count(Filters()) == 8
        assert doc.residents.get(ids[0]).draft.work_unit == "长宁区图书馆"
    with a.hub.engine().connect() as conn:
        total = conn.execute(select(func.count()).select_from(H.CHANGES)).scalar_one()
        distinct = conn.execute(select(func.count(func.distinct(H.CHANGES.c.change_id)))).scalar_one()
    assert total == distinct
