"""``chc print …``: a form for one record to PDF, the list of forms, the calibration page, and
refusals as one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import demo_db, run  # noqa: F401  (the demo database fixture)
from tests.printing.pdf_helpers import in_order, pdf_text


def test_print_a_referral_slip(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    base = ("--db", str(demo_db), "--user", "doctor")
    code, out, err = run(capsys, *base, "referral", "list", "--direction", "up", "--json")
    assert code == 0, err
    ref = json.loads(out)[0]
    target = tmp_path / "转出单.pdf"
    code, out, err = run(
        capsys, *base, "print", "referral_up", "--referral", ref["id"], "--out", str(target), "--json"
    )
    assert code == 0, err
    done = json.loads(out)
    assert (done["form"], done["records"], done["pages"], done["path"]) == ("referral_up", 1, 1, str(target))
    [text] = pdf_text(target)
    assert in_order(text, "存 根", "患者姓名", "双向转诊（转出）单", ref["to_site"])

    code, out, _ = run(capsys, *base, "print", "forms", "--json")
    assert {"referral_up", "referral_back"} <= {f["form"] for f in json.loads(out)}
    code, _, err = run(capsys, *base, "print", "referral_back", "--referral", ref["id"], "--out", str(target))
    assert code == 1 and "请用“双向转诊单（转出）”打印" in err and "Traceback" not in err
    code, _, err = run(capsys, *base, "print", "referral_up", "--referral", "x", "--out", str(target))
    assert code == 1 and err.strip() == "chc: 转诊 id“x”无效"
    code, _, err = run(
        capsys,
        *base,
        "print",
        "referral_up",
        "--referral",
        ref["id"],
        "--out",
        str(target),
        "--offset",
        "40,0",
    )
    assert code == 1 and "不能超过 30 毫米" in err
    code, _, err = run(
        capsys, *base, "print", "batch", "referral_up", "--due", "2026-11-25", "--out", str(target)
    )
    assert code == 1 and "不能按这种方式批量打印" in err


def test_the_calibration_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "cal.pdf"
    code, _, err = run(capsys, "print", "calibration", "--out", str(target), "--offset", "1,2")
    assert code == 0 and target.exists(), err
    assert "X +1.0 mm，Y +2.0 mm" in pdf_text(target)[0]


def test_the_round_and_batches(demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # noqa: F811
    base = ("--db", str(demo_db), "--user", "nurse")
    rounds = tmp_path / "round.pdf"
    code, out, err = run(
        capsys, *base, "print", "homebed_round", "--date", "2026-11-24", "--out", str(rounds), "--json"
    )
    assert code == 0 and json.loads(out)["pages"] >= 1, err
    assert in_order(pdf_text(rounds)[0], "家庭病床查床 / 巡诊日程", "街道", "居委", "地址")
    sheets = tmp_path / "visits.pdf"
    code, out, err = run(
        capsys,
        *base,
        "print",
        "batch",
        "homebed_visits",
        "--due",
        "2026-11-25",
        "--out",
        str(sheets),
        "--json",
    )
    assert code == 0, err
    done = json.loads(out)
    assert done["records"] >= 1 and done["pages"] >= done["records"] and sheets.exists()
    covers = tmp_path / "covers.pdf"
    code, out, err = run(
        capsys, "--db", str(demo_db), "--user", "clerk", "print", "batch", "cover",
        "--filed-since", "2000-01-01", "--out", str(covers), "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["records"] == json.loads(out)["pages"] >= 100
