"""The chc command: exit codes, JSON output, one-line errors, never a traceback."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from chc_desktop.cli import main
from tests.services.helpers import id_number


@pytest.fixture
def demo_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cli.db"
    assert main(["--db", str(path), "demo", "--residents", "200", "--quiet"]) == 0
    monkeypatch.setenv("CHC_PASSWORD", "demo1234")
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_init_creates_the_first_administrator(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new.db"
    monkeypatch.setenv("CHC_ADMIN_PASSWORD", "secret123")
    code, out, _ = run(capsys, "--db", str(path), "init", "--admin", "boss")
    assert code == 0 and "boss" in out
    code, out, _ = run(capsys, "--db", str(path), "init")
    assert code == 0 and "已就绪" in out


def test_resident_add_show_search_json(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    idn = id_number("19480808", "357")
    code, out, err = run(
        capsys,
        "--db",
        str(demo_db),
        "--user",
        "clerk",
        "resident",
        "add",
        "--name",
        "欧阳修",
        "--id-number",
        idn,
        "--street",
        "仙霞新村街道",
        "--committee",
        "001",
        "--json",
    )
    assert code == 0, err
    filed = json.loads(out)
    assert filed["record_no"].startswith("310105008001") and filed["fields"]["sex"] == "1"
    code, out, _ = run(
        capsys, "--db", str(demo_db), "--user", "doctor", "resident", "search", "oyx", "--json"
    )
    rows = json.loads(out)["rows"]
    assert code == 0 and rows[0]["name"] == "欧阳修"
    code, out, _ = run(capsys, "--db", str(demo_db), "--user", "doctor", "resident", "show", idn, "--json")
    assert code == 0 and json.loads(out)["id"] == filed["id"]
    # The same ID number again: refused, the existing file named, exit 1.
    code, out, _ = run(
        capsys,
        "--db",
        str(demo_db),
        "--user",
        "clerk",
        "resident",
        "add",
        "--name",
        "欧阳修",
        "--id-number",
        idn,
        "--street",
        "310105008",
        "--committee",
        "001",
        "--json",
    )
    assert code == 1 and json.loads(out)["candidates"][0]["id"] == filed["id"]


@pytest.mark.parametrize(
    "args",
    [
        ["demo", "--residents", "zero"],
        ["demo", "--residents", "-5"],
        ["--profile", "../etc", "db", "check"],
        ["resident", "frobnicate"],
        ["resident", "search", "zs"],  # needs --user
        ["user", "add", "x", "--name", "某", "--role", "king"],
        [],
    ],
)
def test_bad_arguments_exit_2_with_one_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and err.startswith("chc: ")


def test_wrong_input_exits_1_with_field_messages(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys,
        "--db",
        str(demo_db),
        "--user",
        "clerk",
        "resident",
        "add",
        "--name",
        "某某",
        "--id-number",
        "310105194808083571",
        "--street",
        "310105008",
        "--committee",
        "001",
    )
    assert code == 1 and "id_number" in err and "Traceback" not in err
    code, _, err = run(
        capsys,
        "--db",
        str(demo_db),
        "--user",
        "clerk",
        "resident",
        "add",
        "--name",
        "某某",
        "--street",
        "310105999",
        "--committee",
        "001",
    )
    assert code == 1 and "街道" in err


def test_wrong_password_exits_1(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CHC_PASSWORD", "nope-nope1")
    code, _, err = run(capsys, "--db", str(demo_db), "--user", "doctor", "resident", "search", "zs")
    assert code == 1 and "密码" in err


def test_db_check_reports_and_refuses_newer(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "db", "check", "--json")
    assert code == 0 and json.loads(out)["pending"] is False
    with sqlite3.connect(demo_db) as con:
        con.execute("UPDATE alembic_version SET version_num='9999'")
    code, out, _ = run(capsys, "--db", str(demo_db), "db", "check", "--json")
    assert code == 1 and json.loads(out)["newer"] is True
    code, _, err = run(capsys, "--db", str(demo_db), "db", "upgrade")
    assert code == 1 and "更新版本" in err


def test_reindex_rebuilds_search(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "db", "reindex")
    assert code == 0 and "200" in out


def test_suspected_duplicates_are_listed(demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(demo_db), "--user", "clerk", "resident", "duplicates", "--json")
    assert code == 0 and json.loads(out) == []
    for name in ("甲乙丙", "甲乙丙"):  # the same name and birth date, no ID number: filed twice offline
        args = [
            "--db",
            str(demo_db),
            "--user",
            "clerk",
            "resident",
            "add",
            "--name",
            name,
            "--sex",
            "1",
            "--birth-date",
            "1950-01-02",
            "--street",
            "310105008",
            "--committee",
            "001",
            "--json",
        ]
        code, out, _ = run(capsys, *args)
        if code == 1:  # the look-alike warning: confirm it is another person, as a clerk would
            first = json.loads(out)["candidates"][0]["id"]
            code, out, _ = run(capsys, *args, "--not-duplicate-of", first)
        assert code == 0
    code, out, _ = run(capsys, "--db", str(demo_db), "--user", "clerk", "resident", "duplicates", "--json")
    groups = json.loads(out)
    assert [g["reason"] for g in groups] == ["姓名和出生日期相同"] and len(groups[0]["residents"]) == 2
