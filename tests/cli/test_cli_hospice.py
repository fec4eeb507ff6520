"""``chc hospice …``: assess from a JSON file, sign, refer to the regional centre, list reviews due."""

from __future__ import annotations

import json
from pathlib import Path

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


def test_assess_sign_and_refer(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    idn = id_number("19400404", "811")
    base = ("--db", str(demo_db), "--user", "doctor")
    code, _, err = run(
        capsys, *base, "resident", "add", "--name", "评估甲", "--id-number", idn,
        "--street", "仙霞新村街道", "--committee", "001",
    )  # fmt: skip
    assert code == 0, err
    path = tmp_path / "评估.json"
    path.write_text(json.dumps(INPUTS, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, *base, "hospice", "assess", idn, "--inputs", str(path), "--json")
    assert code == 0, err
    a = json.loads(out)
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
    assert code == 0 and [x["id"] for x in json.loads(out)] == [a["id"]], err
