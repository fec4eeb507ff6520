"""Opening databases: migrations from empty, newer-database refusal, corrupt files, backups."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, inspect

from chc_desktop.store import migrate
from chc_desktop.store.database import CorruptDatabaseError, Database, NewerDatabaseError, backup


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_migrates_to_head(tmp_path: Path) -> None:
    db = Database(tmp_path / "new.db")
    tables = set(inspect(db.engine).get_table_names())
    assert {
        "residents",
        "sites",
        "staff_users",
        "change_log",
        "audit_log",
        "settings",
        "households",
        "household_members",
        "key_population_tags",
        "history_entries",
        "serial_leases",
        "search_keys",
        "search_map",
        "search_idfrag",
    } <= tables
    assert migrate.inspect_revision(db.path).current == migrate.HEAD
    assert db.backup_path is None  # nothing to back up in a new file
    with sqlite3.connect(db.path) as con:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_device_id_is_stable_across_opens(tmp_path: Path) -> None:
    first = Database(tmp_path / "a.db")
    device = first.device_id
    first.close()
    assert Database(tmp_path / "a.db").device_id == device


@pytest.mark.parametrize("revision", [r.revision for r in migrate.script().walk_revisions()])
def test_every_revision_migrates_forward_to_head(tmp_path: Path, revision: str) -> None:
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, revision)
    engine.dispose()
    db = Database(path)
    assert migrate.inspect_revision(path).current == migrate.HEAD
    if revision != migrate.HEAD:
        assert db.backup_path is not None and db.backup_path.exists()


def test_newer_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    Database(path).close()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    before = digest(path)
    with pytest.raises(NewerDatabaseError, match="更新版本"):
        Database(path)
    assert digest(path) == before
    assert not (tmp_path / "backups").exists()


@pytest.mark.parametrize("content", [b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 5000])
def test_corrupt_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "corrupt.db"
    path.write_bytes(content)
    with pytest.raises(CorruptDatabaseError):
        Database(path)
    assert path.read_bytes() == content


def test_backup_is_a_consistent_copy(tmp_path: Path) -> None:
    db = Database(tmp_path / "b.db")
    db.set_meta("probe", "42")
    copy = backup(db.path, "test")
    with sqlite3.connect(copy) as con:
        assert con.execute("SELECT value FROM local_meta WHERE key='probe'").fetchone() == ("42",)
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_downgrade_of_every_revision_runs(tmp_path: Path) -> None:
    """Downgrades exist so a developer can step back; they must at least run."""
    engine = create_engine(f"sqlite:///{tmp_path / 'd.db'}")
    migrate.upgrade(engine)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}


def test_migrations_produce_exactly_the_models(tmp_path: Path) -> None:
    """A model changed without a migration (or the reverse) fails here, not on a user's machine."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from chc_desktop.store.base import Base

    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    # The local search index lives outside the ORM metadata on purpose (store/search_index.py).
    assert [d for d in diff if "search_" not in str(d)] == []


def test_a_damaged_page_is_found_by_the_thorough_check(tmp_path: Path) -> None:
    from chc_desktop.store.database import check_file

    path = tmp_path / "pages.db"
    db = Database(path)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE filler (x TEXT)")
        conn.exec_driver_sql(
            "INSERT INTO filler SELECT hex(randomblob(500)) FROM "
            "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i<2000) SELECT i FROM n)"
        )
    db.engine.dispose()
    with sqlite3.connect(path) as con:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page = 4096
    data[-20 * page : -19 * page] = b"\x00\xff" * (page // 2)  # scribble over a page of the filler table
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(CorruptDatabaseError):
        check_file(path, thorough=True)
    assert digest(path) == before
