"""Errors nobody foresaw: the person reads one plain sentence, the trace goes — personal values
masked — to a private crash file; a database error never carries the values it was given."""

from __future__ import annotations

import argparse
import stat
import uuid
from pathlib import Path

import pytest
from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from chc_desktop import cli
from chc_desktop.config import data_dir
from chc_desktop.security.crash_reports import crash_dir, mask
from chc_desktop.services.app import open_database
from chc_desktop.services.demo import DEMO_MARK, ensure_demo_accounts
from chc_desktop.store.models import Resident, StaffUser
from tests.services.helpers import id_number

NAME = "欧阳秀英"
PHONE = "13812345678"


def _failing_insert(db_path: Path, idn: str) -> None:
    """A raw insert with a resident's values that breaks a constraint (no committee, no street):
    the kind of error a bug lets through."""
    db = open_database(db_path)
    try:
        with db.engine.begin() as conn:
            conn.execute(
                insert(Resident.__table__),  # type: ignore[arg-type]
                {"id": uuid.uuid4(), "name": NAME, "id_number": idn, "phone": PHONE},
            )
    finally:
        db.close()


def test_a_database_error_names_the_statement_never_the_values(tmp_path: Path) -> None:
    idn = id_number("19520314", "123")
    with pytest.raises(IntegrityError) as info:
        _failing_insert(tmp_path / "chc.db", idn)
    text = str(info.value)
    assert "INSERT INTO residents" in text
    assert NAME not in text and idn not in text and PHONE not in text


def test_the_command_line_says_one_sentence_and_keeps_a_masked_private_trace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    idn = id_number("19520314", "123")
    path = tmp_path / "chc.db"

    def buggy(args: argparse.Namespace) -> int:
        try:
            _failing_insert(path, idn)
        except IntegrityError as exc:  # a bug that puts values into its own message
            raise RuntimeError(f"保存 {NAME}（{idn}，{PHONE}）失败") from exc
        return 0

    monkeypatch.setattr(cli, "cmd_demo", buggy)
    assert cli.main(["--db", str(path), "demo"]) == 70
    out, err = capsys.readouterr()
    assert "程序内部错误" in err and "Traceback" not in err and "INSERT" not in err
    for value in (NAME, idn, PHONE):
        assert value not in out + err
    files = list(crash_dir().glob("crash-*.txt"))
    assert len(files) == 1 and str(files[0]) in err
    assert crash_dir().is_relative_to(data_dir()) and data_dir().is_relative_to(tmp_path)
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(crash_dir().stat().st_mode) == 0o700
    trace = files[0].read_text(encoding="utf-8")
    assert "RuntimeError" in trace and "IntegrityError" in trace and "buggy" in trace
    assert "[ID]" in trace and "[TEL]" in trace
    for value in (NAME, idn, PHONE):
        assert value not in trace


def test_masking_keeps_code_and_hides_values() -> None:
    idn = id_number("19520314", "123")
    assert mask(f"张三 {idn} 021-62345678 13912345678 x") == "＊ [ID] [TEL] [TEL] x"
    assert mask("record 123456 ok") == "record 123456 ok"  # short numbers are no one's


def test_demo_data_goes_only_into_a_demo_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``chc demo`` on a real profile would add five accounts with the published password, no login
    asked: refused, and nothing written."""
    path = tmp_path / "real.db"
    monkeypatch.setenv("CHC_ADMIN_PASSWORD", "secret123")
    assert cli.main(["--db", str(path), "init", "--admin", "boss"]) == 0
    before = path.read_bytes()
    assert cli.main(["--db", str(path), "demo", "--residents", "20", "--quiet"]) == 1
    assert "已有正式账户" in capsys.readouterr().err
    db = open_database(path)
    try:
        with db.reader() as s:
            assert list(s.scalars(select(StaffUser.username))) == ["boss"]
    finally:
        db.close()
    assert path.read_bytes() == before
    # A new database becomes a demo one, and stays one.
    demo = tmp_path / "demo.db"
    assert cli.main(["--db", str(demo), "demo", "--residents", "20", "--quiet"]) == 0
    db = open_database(demo)
    try:
        assert db.meta(DEMO_MARK) == "1" and "doctor" in ensure_demo_accounts(db)
    finally:
        db.close()


def test_errors_written_for_people_pass_through_and_a_file_error_loses_its_path() -> None:
    from chc_desktop.printing.raster import RasterError
    from chc_desktop.services.errors import for_people

    assert for_people(RasterError("找不到 pdftoppm")) == "找不到 pdftoppm"
    full = OSError(28, "No space left on device", f"/home/clinic/{NAME}.pdf")
    assert for_people(full) == "读写文件失败：No space left on device"
    assert not list(crash_dir().glob("crash-*.txt"))  # neither is a bug
