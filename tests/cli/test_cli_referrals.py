"""``chc referral …``: a referral scripted from creation to completion, refusals as one line, the
register and the monthly counts in JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import demo_db, run  # noqa: F401  (the demo database fixture)


def _resident(db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A signed demo resident (the first on the expiring worklist)."""
    code, out, err = run(capsys, "--db", str(db), "--user", "doctor", "contracts", "expiring", "--json")
    assert code == 0, err
    return str(json.loads(out)["rows"][0]["resident_id"])


def test_a_referral_from_creation_to_completion(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    base = ("--db", str(demo_db), "--user", "doctor")
    rid = _resident(demo_db, capsys)
    before = json.loads(run(capsys, *base, "referral", "monthly", "--json")[1])
    code, out, err = run(
        capsys, *base, "referral", "create", rid, "--to", "同仁医院", "--department", "心内科",
        "--field", "impression=冠心病不稳定型心绞痛？", "--json",
    )  # fmt: skip
    assert code == 0, err
    ref = json.loads(out)
    assert (ref["status"], ref["to_site"], ref["priorities"]) == (
        "draft",
        "同仁医院",
        ["visit", "exam", "admission"],
    )
    code, _, err = run(capsys, *base, "referral", "send", ref["id"])
    assert code == 1 and "发出前请填写主要现病史（转出原因）" in err and "Traceback" not in err
    code, _, err = run(
        capsys, *base, "referral", "update", ref["id"], "--field", "history_present=胸痛反复发作一周"
    )
    assert code == 0, err
    for step in ("send", "receive", "complete"):
        code, out, err = run(capsys, *base, "referral", step, ref["id"], "--json")
        assert code == 0, err
    done = json.loads(out)
    assert done["status"] == "completed" and [s["step"] for s in done["steps"]] == [
        "send",
        "receive",
        "complete",
    ]
    code, _, err = run(capsys, *base, "referral", "cancel", ref["id"], "--reason", "误操作")
    assert code == 1 and "转诊已完成，不能撤销" in err

    code, out, _ = run(capsys, *base, "referral", "list", "--status", "completed", "--json")
    assert next(x["id"] for x in json.loads(out)) == ref["id"]  # newest first, after the demo's
    code, out, _ = run(capsys, *base, "referral", "monthly", "--json")
    assert json.loads(out)[-1]["up"] == before[-1]["up"] + 1


def test_a_hospitals_back_referral_entered_here(
    demo_db: Path,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = ("--db", str(demo_db), "--user", "doctor")
    rid = _resident(demo_db, capsys)
    content = tmp_path / "回转.json"
    content.write_text('{"diagnosis": "2 型糖尿病", "treatment": "胰岛素强化", "plan": "社区随访"}', "utf-8")
    code, _, err = run(
        capsys, *base, "referral", "create", rid, "--direction", "back", "--from", "仙霞社区卫生服务中心",
        "--to", "仙霞社区卫生服务中心", "--content", str(content),
    )  # fmt: skip
    assert code == 1 and err.strip() == "chc: 找不到医院“仙霞社区卫生服务中心”"
    code, out, err = run(
        capsys, *base, "referral", "create", rid, "--direction", "back", "--from", "同仁医院",
        "--to", "仙霞社区卫生服务中心", "--content", str(content), "--json",
    )  # fmt: skip
    assert code == 0, err
    ref = json.loads(out)
    assert (ref["from_site"], ref["to_site"], ref["direction"]) == (
        "同仁医院",
        "仙霞社区卫生服务中心",
        "back",
    )
    for step in ("send", "receive"):
        code, out, err = run(capsys, *base, "referral", step, ref["id"], "--json")
        assert code == 0, err
    assert json.loads(out)["status"] == "received"
