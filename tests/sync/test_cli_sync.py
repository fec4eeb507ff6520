"""The two-workstation scenario from the command line (SQLite hub; the same code as PostgreSQL)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from chc_desktop.cli import main
from chc_desktop.services.app import open_database
from chc_desktop.services.residents import Filters
from tests.conftest import login

SITE = "仙霞社区卫生服务中心"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_two_workstations_and_a_hub_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHC_PASSWORD", "demo1234")
    hub = f"sqlite:///{tmp_path / 'hub.db'}"
    a, b = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    assert run(capsys, "hub", "init", hub)[0] == 0
    assert main(["--db", a, "demo", "--residents", "300", "--quiet"]) == 0
    for db in (a, b):
        code, out, _ = run(capsys, "--db", db, "hub", "register-device", hub, "--site", SITE)
        assert code == 0 and "钥匙串" in out
    code, out, _ = run(capsys, "--db", a, "sync", "run", "--json")
    assert code == 0 and json.loads(out)["pushed"] > 300
    code, out, _ = run(capsys, "--db", b, "sync", "run", "--json")
    pulled = json.loads(out)["pulled"]
    assert code == 0 and pulled > 0
    # B holds only its street's residents (plus reference data).
    dbb = open_database(Path(b))
    dba = open_database(Path(a))
    xianxia = next(s.id for s in login(dba, "doctor").sites.list("street") if s.code == "310105008")
    assert login(dbb, "doctor").residents.count(Filters(status=None)) == login(dba, "doctor").residents.count(
        Filters(street_id=xianxia, status=None)
    )
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
    for db in (dba, dbb):
        assert login(db, "doctor").residents.get(rid).draft.phone == conflict["loser_value"]
    code, out, _ = run(capsys, "--db", b, "sync", "status", "--json")
    status = json.loads(out)
    assert status["conflicts"] == 0 and status["online"] is True
    dba.close(), dbb.close()


def test_sync_without_a_hub_says_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--db", str(tmp_path / "x.db"), "sync", "run")
    assert code == 1 and "尚未连接中心" in err and "Traceback" not in err


def test_an_unreachable_hub_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "hub", "init", "postgresql://nobody:secret@127.0.0.1:1/none")
    assert code == 1 and "无法连接中心服务器" in err and "secret" not in err
