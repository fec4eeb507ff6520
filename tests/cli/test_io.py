"""chc import residents / chc export residents: counts, every error listed, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from chc_desktop.services.app import open_database
from chc_desktop.services.demo import ensure_committees, ensure_demo_accounts
from tests.cli.test_cli import run
from tests.services.import_helpers import EXPECTED_ERRORS, GOOD, LI, ZHANG, write_messy, write_sheet


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.db"
    db = open_database(path)
    ensure_demo_accounts(db)
    ensure_committees(db)
    db.close()
    monkeypatch.setenv("CHC_PASSWORD", "demo1234")
    return path


def test_import_refused_lists_every_error_and_exits_1(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_messy(tmp_path / "花名册.xlsx")
    code, out, _ = run(capsys, "--db", str(db_path), "--user", "clerk", "import", "residents", str(sheet))
    assert code == 1
    lines = out.strip().splitlines()
    assert lines[: len(EXPECTED_ERRORS)] == EXPECTED_ERRORS
    assert "导入 0 人" in lines[-1] and "未改正前不导入任何一行" in lines[-1]


def test_import_valid_only_then_again_as_json(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_messy(tmp_path / "花名册.xlsx")
    rejected = tmp_path / "改正.xlsx"
    args = ["--db", str(db_path), "--user", "clerk", "import", "residents", str(sheet), "--valid-only"]
    code, out, _ = run(capsys, *args, "--rejected", str(rejected))
    assert code == 0
    assert f"未导入的行已写入 {rejected}" in out and rejected.exists()
    code, out, _ = run(capsys, *args, "--rejected", str(rejected), "--json")
    data = json.loads(out)
    assert code == 1 and data["committed"]  # rows refused and none imported: there is work left
    assert (data["read"], data["imported"], data["already_present"], data["rejected"]) == (9, 0, 4, 5)
    assert [e["text"] for e in data["errors"]] == EXPECTED_ERRORS
    assert data["errors"][1] == {
        "row": 9,
        "column": "身份证号码",
        "field": "id_number",
        "reason": "校验位错误",
        "text": "第 9 行 身份证号码 校验位错误",
    }


def test_import_with_a_mapping_file(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_sheet(
        tmp_path / "x.xlsx", ["名字", "证件", "居委会", "备注"], [["张三", ZHANG, "仙霞第一", "x"]]
    )
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"证件": "身份证号", "备注": None}, ensure_ascii=False), encoding="utf-8")
    args = ["--db", str(db_path), "--user", "clerk", "import", "residents", str(sheet)]
    code, _, err = run(capsys, *args)
    assert code == 1 and "缺少必需的列：身份证号" in err
    code, out, _ = run(capsys, *args, "--mapping", str(mapping))
    assert code == 0 and "导入 1 人" in out
    mapping.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, *args, "--mapping", str(mapping))
    assert code == 1 and "无法读取映射文件" in err


def test_import_needs_a_user_who_may_file(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sheet = write_messy(tmp_path / "花名册.xlsx")
    code, _, err = run(capsys, "--db", str(db_path), "--user", "admin", "import", "residents", str(sheet))
    assert code == 1 and err.startswith("chc: 您的角色无权")
    code, _, err = run(capsys, "--db", str(db_path), "import", "residents", str(sheet))
    assert code == 2 and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "--db", str(db_path), "--user", "clerk", "import", "residents", "nope.xls")
    assert code == 1 and "另存为" in err


def test_export_residents(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = write_messy(tmp_path / "花名册.xlsx")
    run(capsys, "--db", str(db_path), "--user", "clerk", "import", "residents", str(sheet), "--valid-only")
    out_file = tmp_path / "居民.xlsx"
    base = ["--db", str(db_path), "--user", "doctor", "export", "residents", "--out", str(out_file)]
    code, out, _ = run(capsys, *base)
    assert code == 0 and "已导出 4 名居民" in out
    book = openpyxl.load_workbook(out_file)
    sheet_ = book.active
    assert sheet_ is not None
    assert sorted(r[5] for r in sheet_.iter_rows(min_row=2, values_only=True)) == sorted(GOOD)
    code, out, _ = run(capsys, *base, "--street", "仙霞新村街道", "--committee", "002", "--json")
    assert code == 0 and json.loads(out)["residents"] == 1
    assert [r[5] for r in openpyxl.load_workbook(out_file).active.iter_rows(min_row=2, values_only=True)] == [
        LI
    ]  # type: ignore[union-attr]
    code, _, err = run(capsys, *base, "--street", "火星街道")
    assert code == 1 and "找不到该街道" in err
    code, _, err = run(capsys, *base, "--status", "gone")
    assert code == 2
