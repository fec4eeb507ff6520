"""``chc hospice …``: assess from a JSON file, sign, refer to the regional centre, list reviews due."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from chc_desktop.domain.hospice import ESAS_ITEMS
from tests.cli.test_cli import demo_db, run  # noqa: F401  (the demo database fixture)
from tests.services.helpers import id_number

INPUTS = {
    "diagnosis": "肺癌",
    "icd10": "C34.9",
    "end_stage": True,
    "survival_months": 2,
    "kps": 40,
    "pps": 40,
    "ppi": {"oral_intake": "severe", "oedema": True, "dyspnoea": False, "delirium": False},
    "esas": {"items": dict.fromkeys(ESAS_ITEMS, 4), "completed_by": "family"},
    "caregiver": True,
    "caregiver_capable": True,
    "caregiver_24h": True,
    "home_suitable": True,
    "wish": "home",
    "consent_care": True,
}


def _assessed(
    base: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, idn: str
) -> dict[str, Any]:
    """A new resident assessed with INPUTS from a file: the assessment as JSON."""
    code, _, err = run(
        capsys, *base, "resident", "add", "--name", name, "--id-number", idn,
        "--street", "仙霞新村街道", "--committee", "001",
    )  # fmt: skip
    assert code == 0, err
    path = tmp_path / "评估.json"
    path.write_text(json.dumps(INPUTS, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, *base, "hospice", "assess", idn, "--inputs", str(path), "--json")
    assert code == 0, err
    result: dict[str, Any] = json.loads(out)
    return result


def test_assess_sign_and_refer(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    idn = id_number("19400404", "811")
    base = ("--db", str(demo_db), "--user", "doctor")
    a = _assessed(base, tmp_path, capsys, "评估甲", idn)
    assert (a["eligible"], a["recommended_setting"], a["results"]["ppi"]["score"]) == (True, "home", "6.0")
    assert a["results"]["ppi"]["survival"] == "预计生存期少于 6 周" and not a["signed"]

    bad = tmp_path / "坏.json"
    bad.write_text(json.dumps({**INPUTS, "pps": 45}), encoding="utf-8")
    code, _, err = run(capsys, *base, "hospice", "assess", idn, "--inputs", str(bad))
    assert code == 1 and "没有 45%" in err and "Traceback" not in err

    code, _, err = run(capsys, *base, "hospice", "refer", a["id"])
    assert code == 1 and "请先签署" in err
    code, out, err = run(capsys, *base, "hospice", "sign", a["id"], "--json")
    assert code == 0 and json.loads(out)["signed"] and len(json.loads(out)["digest"]) == 64, err
    code, out, err = run(capsys, *base, "hospice", "refer", a["id"], "--json")
    assert code == 0, err
    assert json.loads(out)["to_site"] == "程家桥社区卫生服务中心"
    code, out, err = run(capsys, *base, "hospice", "due", "--days", "30", "--json")
    due = json.loads(out)
    assert code == 0 and a["id"] in [x["id"] for x in due], err
    assert [x["next_review"] for x in due] == sorted(x["next_review"] for x in due)


def test_start_home_hospice(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    base = ("--db", str(demo_db), "--user", "doctor")
    a = _assessed(base, tmp_path, capsys, "居家乙", id_number("19390505", "812"))
    assert a["chosen_setting"] == "home"
    code, _, err = run(capsys, *base, "hospice", "home", a["id"])
    assert code == 1 and "请先签署" in err
    run(capsys, *base, "hospice", "sign", a["id"])
    code, _, err = run(capsys, *base, "hospice", "home", a["id"], "--date", "2026-13-01")
    assert code == 1 and "日期“2026-13-01”无效" in err
    code, out, err = run(capsys, *base, "hospice", "home", a["id"], "--note", "每周二、五上门", "--json")
    assert code == 0 and json.loads(out)["assessment_id"] == a["id"], err
    code, _, err = run(capsys, *base, "hospice", "home", a["id"])
    assert code == 1 and "已在进行中" in err
