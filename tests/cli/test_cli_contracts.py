"""``chc contracts …`` and ``chc indicators``: the lifecycle from the command line, with JSON out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import demo_db, run  # noqa: F401  (the demo database fixture)
from tests.services.helpers import id_number


def _new_resident(db: Path, capsys: pytest.CaptureFixture[str], name: str, birth: str, seq: str) -> str:
    idn = id_number(birth, seq)
    code, _, err = run(
        capsys, "--db", str(db), "--user", "clerk", "resident", "add", "--name", name,
        "--id-number", idn, "--street", "仙霞新村街道", "--committee", "001", "--json",
    )  # fmt: skip
    assert code == 0, err
    return idn


def test_sign_renew_switch_terminate_and_show(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    idn = _new_resident(demo_db, capsys, "欧阳明", "19480808", "371")
    base = ("--db", str(demo_db), "--user", "doctor")
    code, out, err = run(
        capsys, *base, "contracts", "sign", idn, "--team", "王医生团队", "--packages", "basic,elderly",
        "--district-hospital", "光华中西医结合医院", "--municipal-hospital", "华东医院", "--json",
    )  # fmt: skip
    assert code == 0, err
    signed = json.loads(out)[0]
    assert (signed["team"], signed["doctor"], signed["status"]) == ("王医生团队", "王医生", "active")
    assert (signed["fee_yuan"], signed["self_pay_yuan"]) == (220.0, 20.0)
    assert (signed["district_hospital"], signed["municipal_hospital"]) == ("光华中西医结合医院", "华东医院")

    code, _, err = run(capsys, *base, "contracts", "sign", idn, "--team", "赵医生团队")
    assert code == 1 and "同一时间只能签约一个团队" in err and "Traceback" not in err

    code, out, err = run(
        capsys, *base, "contracts", "switch", idn, "--team", "赵医生团队", "--doctor", "doctor2"
    )
    assert code == 0, err
    assert "赵医生团队（赵医生）" in out

    code, out, err = run(capsys, *base, "contracts", "renew", idn, "--json")
    assert code == 0, err
    renewed = json.loads(out)[0]
    assert renewed["team"] == "赵医生团队" and renewed["packages"] == ["basic", "elderly"]

    code, _, err = run(capsys, *base, "contracts", "terminate", idn, "--reason", "不想签")
    assert code == 1 and "解约原因须为" in err
    code, out, err = run(capsys, *base, "contracts", "terminate", idn, "--reason", "迁出本辖区")
    assert code == 0 and out.startswith("已解约"), err

    code, out, err = run(capsys, *base, "contracts", "show", idn, "--json")
    assert code == 0, err
    assert [c["status"] for c in json.loads(out)] == ["terminated", "renewed", "switched"]
    assert json.loads(out)[0]["end_reason"] == "迁出本辖区"


def test_household_signing_from_the_command_line(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    base = ("--db", str(demo_db), "--user", "doctor")
    # a demo resident who is in a household and not signed: take one from the unsigned worklist
    from chc_desktop.services.app import Services, open_database
    from chc_desktop.services.residents import Filters

    db = open_database(demo_db)
    s = Services(db).login("doctor", "demo1234")
    target = next(
        f
        for r in s.residents.page(Filters(contract="unsigned"), 0, 200)
        if (f := s.residents.get(r.id, audit=False)).household and len(f.household.members) > 1
    )
    db.close()
    code, out, err = run(
        capsys, *base, "contracts", "sign", str(target.id), "--team", "孙医生团队", "--household"
    )
    assert code == 0, err
    assert out.count("已签约") >= 1


def test_expiring_and_indicators_json(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    base = ("--db", str(demo_db), "--user", "nurse")
    code, out, err = run(capsys, *base, "contracts", "expiring", "--days", "30", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["days"] == 30 and data["total"] == len(data["rows"]) > 0
    assert all(0 <= r["days_left"] <= 30 for r in data["rows"])
    assert [r["end_date"] for r in data["rows"]] == sorted(r["end_date"] for r in data["rows"])

    code, out, err = run(capsys, *base, "indicators", "--json")
    assert code == 0, err
    data = json.loads(out)
    total = data["rows"][0]
    assert (data["target_percent"], data["key_target_percent"]) == (48, 80)
    assert total["level"] == "total" and total["population"] == 200
    assert total["coverage_percent"] == round(100 * total["signed"] / total["population"], 2)
    assert {r["name"] for r in data["rows"] if r["level"] == "team"} == {
        "王医生团队",
        "赵医生团队",
        "孙医生团队",
    }
    code, out, _ = run(capsys, *base, "indicators")
    assert out.startswith("统计日期") and "重点人群" in out
