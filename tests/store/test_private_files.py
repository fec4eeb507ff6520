"""Files holding residents' data are the OS user's alone (issue 15, part 2): tried as another local
user would, by their modes, under the ordinary umask that made them world-readable before."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from chc_desktop.security.files import remove_stale
from chc_desktop.services.app import Services, open_database
from chc_desktop.services.printing import STALE_PRINT_S, save_copy, temp_folder
from chc_desktop.services.xlsx_files import write_xlsx
from chc_desktop.store.database import Database, backup
from tests.services.helpers import draft

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: an ACL on the folder)")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def ordinary_umask() -> Iterator[None]:
    previous = os.umask(0o022)  # what a desktop session usually has: new files -rw-r--r--
    yield
    os.umask(previous)


def test_a_new_database_its_log_and_its_folder_are_private(tmp_path: Path) -> None:
    path = tmp_path / "profiles" / "default" / "chc.db"
    db = open_database(path)
    db.set_meta("written", "yes")  # a write: the log and shared-memory files exist now
    companions = [p for p in path.parent.iterdir() if p.name.startswith("chc.db")]
    assert {p.name for p in companions} >= {"chc.db", "chc.db-wal", "chc.db-shm"}
    assert mode(path.parent) == 0o700
    assert {p.name: mode(p) for p in companions} == {p.name: 0o600 for p in companions}
    db.close()


def test_a_database_made_readable_before_is_closed_when_opened(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    folder.mkdir(mode=0o755)
    path = folder / "chc.db"
    db = open_database(path)
    db.close()
    (folder / "backups").mkdir(mode=0o755)
    old_backup = folder / "backups" / "chc-before-x-20261101-080000.db"
    old_backup.write_bytes(path.read_bytes())
    for p in (folder, folder / "backups"):
        p.chmod(0o755)
    for p in (path, old_backup):
        p.chmod(0o644)
    reopened = Database(path)
    assert mode(folder) == 0o700 and mode(path) == 0o600 and mode(old_backup) == 0o600
    assert reopened.meta("device_id")  # the same database, untouched otherwise
    reopened.close()


def test_a_backup_is_private_from_its_first_byte(tmp_path: Path) -> None:
    db = open_database(tmp_path / "chc.db")
    db.close()
    made = backup(tmp_path / "chc.db", "before-test")
    assert mode(made.parent) == 0o700 and mode(made) == 0o600
    con = sqlite3.connect(made)  # and it is a whole database
    assert con.execute("SELECT count(*) FROM sites").fetchone()[0] > 0
    con.close()


def test_exports_and_printed_forms_are_the_users_alone(doctor: Services, tmp_path: Path) -> None:
    filed = doctor.residents.file(draft(doctor))
    sheet = tmp_path / "名单.xlsx"
    write_xlsx(sheet, ["姓名"], [["张三"]])
    pdf = tmp_path / "cover.pdf"
    doctor.printing.print_to("cover", [filed.id], pdf)
    saved = tmp_path / "另存.pdf"
    save_copy(pdf, saved)
    assert {p.name: mode(p) for p in (sheet, pdf, saved)} == {p.name: 0o600 for p in (sheet, pdf, saved)}


def test_a_preview_folder_left_by_a_crash_is_removed_the_next_time(tmp_path: Path) -> None:
    first = temp_folder()
    (first / "form.pdf").write_bytes(b"%PDF")
    base = first.parent
    assert mode(base) == 0o700 and mode(first) == 0o700
    left = time.time() - STALE_PRINT_S - 60
    os.utime(first, (left, left))
    second = temp_folder()  # another preview, a day later
    assert second.is_dir() and not first.exists()
    assert remove_stale(base, "print-*", STALE_PRINT_S) == 0  # a preview still open is kept
