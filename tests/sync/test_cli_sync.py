"""Two workstations and a hub server from the command line: enrol with one-time codes, file,
sync, and resolve a conflict (SQLite hub store; the same server as with PostgreSQL)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from chc_desktop.services.app import Services, open_database
from chc_desktop.services.residents import Filters
from chc_desktop.store.database import Database
from tests.cli.test_cli import run
from tests.services.helpers import id_number
from tests.sync.conftest import HubServer


def login(db: Database, username: str) -> Services:
    return Services(db).login(username, "demo1234")  # today: the CLI filed with today's date


@pytest.mark.parametrize("hub", ["sqlite"], indirect=True)
def test_two_workstations_and_a_hub_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, hub: HubServer
) -> None:
    monkeypatch.setenv("CHC_PASSWORD", "demo1234")
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    for db in (a, b):
        code, out, _ = run(capsys, "--db", db, "sync", "enrol", hub.url, "--code", hub.code(), "--name", db)
        assert code == 0 and "已登记到中心：仙霞社区卫生服务中心" in out and "钥匙串" in out
        assert run(capsys, "--db", db, "sync", "run")[0] == 0  # the accounts come from the hub
    for i, name in enumerate(("李梅", "王兰", "赵红")):
        code, out, _ = run(
            capsys,
            "--db",
            a,
            "--user",
            "clerk",
            "resident",
            "add",
            "--name",
            name,
            "--id-number",
            id_number(seq=f"{i}42"),
            "--street",
            "310105008",
            "--committee",
            "001",
            "--json",
        )
        assert code == 0
    code, out, _ = run(capsys, "--db", a, "sync", "run", "--json")
    assert code == 0 and json.loads(out)["pushed"] >= 3 and json.loads(out)["rejected"] == 0
    code, out, _ = run(capsys, "--db", b, "sync", "run", "--json")
    assert code == 0 and json.loads(out)["pulled"] >= 3
    dba, dbb = open_database(Path(a)), open_database(Path(b))
    assert login(dbb, "doctor").residents.count(Filters(status=None)) == 3
    # Both edit one phone offline; after syncing, the conflict is listed and resolved from the CLI.
    rid = login(dbb, "doctor").residents.page(Filters(), 0, 1)[0].id
    for db, phone in ((dba, "13900001111"), (dbb, "13900002222")):
        s = login(db, "doctor")
        s.residents.update(rid, replace(s.residents.get(rid).draft, phone=phone))
    for db in (a, b, a):
        assert run(capsys, "--db", db, "sync", "run")[0] == 0
    code, out, _ = run(capsys, "--db", a, "--user", "doctor", "sync", "conflicts", "--json")
    [conflict] = json.loads(out)
    assert {conflict["winner_value"], conflict["loser_value"]} == {"13900001111", "13900002222"}
    code, out, _ = run(
        capsys, "--db", a, "--user", "doctor", "sync", "resolve", conflict["id"], "--keep", "loser"
    )
    assert code == 0
    for db in (a, b):
        assert run(capsys, "--db", db, "sync", "run")[0] == 0
    for d in (dba, dbb):
        assert login(d, "doctor").residents.get(rid).draft.phone == conflict["loser_value"]
    code, out, _ = run(capsys, "--db", b, "sync", "status", "--json")
    status = json.loads(out)
    assert status["conflicts"] == 0 and status["online"] is True
    # A used code opens nothing.
    code, _, err = run(
        capsys, "--db", str(tmp_path / "c.db"), "sync", "enrol", hub.url, "--code", "ABCD-EFGH-JKLM-NPQR"
    )
    assert code == 1 and "登记码无效" in err
    dba.close(), dbb.close()


def test_sync_without_a_hub_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "x.db"), "sync", "run")
    assert code == 1 and "尚未连接中心" in err and "Traceback" not in err


def test_an_unreachable_hub_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "--db",
        str(tmp_path / "x.db"),
        "sync",
        "enrol",
        "https://127.0.0.1:1",
        "--code",
        "X",
        "--fingerprint",
        "AB" * 32,
    )
    assert code == 1 and "无法连接中心服务器" in err and "Traceback" not in err


def test_plain_http_is_refused_except_to_this_machine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys, "--db", str(tmp_path / "x.db"), "sync", "enrol", "http://10.0.0.5:8080", "--code", "X"
    )
    assert code == 1 and "https://" in err
