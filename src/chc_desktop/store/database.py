"""Opening a local database: integrity and version checks, backup, migration, units of work."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from chc_desktop.security.files import private_database, private_file
from chc_desktop.store import capture, deferred_indexes, digest, migrate, search_index, signing_state
from chc_desktop.store.capture import Actor
from chc_desktop.store.hlc import HybridClock
from chc_desktop.store.ids import new_id
from chc_desktop.store.models import ChangeRecord, LocalMeta, Resident

SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseError(Exception):
    """A database that cannot be opened; the message is for the user and holds no personal data."""


class CorruptDatabaseError(DatabaseError):
    pass


class NewerDatabaseError(DatabaseError):
    pass


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    # A district-size file has indexes of tens of MB; the 2 MB default cache thrashes on them.
    cur.execute("PRAGMA cache_size=-65536")
    cur.execute("PRAGMA mmap_size=268435456")
    cur.close()
    digest.register(dbapi_conn)


def dump_json(value: Any) -> str:
    # Chinese as UTF-8, not \uXXXX escapes (half the size), and no padding: the same text from
    # orjson (a first sync writes a million rows' clocks) and, for what it cannot write, json.
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def make_engine(path: Path) -> Engine:
    # hide_parameters: a database error's message names the statement, never the values (names,
    # ID numbers, phones) it was given.
    engine = create_engine(f"sqlite:///{path}", json_serializer=dump_json, hide_parameters=True)
    event.listen(engine, "connect", _set_pragmas)
    return engine


def check_file(path: Path, thorough: bool = False) -> None:
    """Refuse a file that is not a healthy SQLite database, without changing it.

    Every open reads the header and the whole schema (milliseconds). ``thorough`` adds SQLite's
    quick_check, which reads every page (about 1 s for a district-size file): it runs before any
    migration and in ``chc db check``, not at every start.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_MAGIC:
            raise CorruptDatabaseError(f"文件 {path.name} 不是本系统的数据库，或已损坏。未做任何更改。")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master WHERE sql IS NOT NULL").fetchone()
            result = con.execute("PRAGMA quick_check").fetchone() if thorough else ("ok",)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise CorruptDatabaseError(f"数据库 {path.name} 已损坏，无法打开（{exc}）。未做任何更改。") from None
    if not result or result[0] != "ok":
        raise CorruptDatabaseError(
            f"数据库 {path.name} 完整性检查未通过。未做任何更改，请联系管理员从备份恢复。"
        )


def backup(path: Path, label: str) -> Path:
    """Copy the database (consistently, through SQLite's backup API) before a migration."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = private_database(path.parent / "backups" / f"{path.stem}-{label}-{stamp}.db")
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


HUB_URL_KEY = "sync.hub_url"
LEGACY_AUTH_KEY = "sync.auth"
LEGACY_PREFIX = "legacy:"


def forget_hub_password(path: Path) -> bool:
    """Version 1 kept the hub database's address in ``local_meta`` — with the owner's password
    when the workstation had been enrolled with it. Keep only host and database name (what the
    同步 page shows until the workstation re-enrols); True if anything was removed. Works on a
    plain sqlite3 connection, so it also cleans the backups made before this version."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    con = sqlite3.connect(path)
    try:
        try:
            row = con.execute("SELECT value FROM local_meta WHERE key = ?", (HUB_URL_KEY,)).fetchone()
        except sqlite3.DatabaseError:
            return False  # not (yet) a database with local_meta
        if row is None or str(row[0]).startswith(("http://", "https://", LEGACY_PREFIX)):
            return False
        try:
            u = make_url(str(row[0]))
            where = f"{u.host or ''}/{(u.database or '').rsplit('/', 1)[-1]}"
        except ArgumentError:
            where = ""
        with con:
            con.execute("UPDATE local_meta SET value = ? WHERE key = ?", (LEGACY_PREFIX + where, HUB_URL_KEY))
            con.execute("DELETE FROM local_meta WHERE key = ?", (LEGACY_AUTH_KEY,))
        con.execute("VACUUM")  # the old value must not linger in a free page
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # nor in the write-ahead log
        return True
    finally:
        con.close()


class Database:
    """One local database file: engine, device identity, clock, and units of work."""

    def __init__(self, path: Path, *, migrate_now: bool = True) -> None:
        self.path = path
        check_file(path)
        private_database(path)  # before SQLite first opens it: its log and backups follow
        for kept in (path.parent / "backups").glob(f"{path.stem}-*.db"):  # made before they were
            private_file(kept)
        state = migrate.inspect_revision(path)
        if state.pending and state.current is not None:
            check_file(path, thorough=True)  # never migrate (or back up) a damaged file
        if state.newer:
            raise NewerDatabaseError(
                f"数据库 {path.name} 由更新版本的 CHC Desktop 写入（结构版本 {state.current}），"
                "本程序无法打开。请升级程序；数据库未做任何更改。"
            )
        self.backup_path: Path | None = None
        if state.pending:
            if not migrate_now:
                raise DatabaseError("数据库需要升级：请运行 chc db upgrade。")
            if state.current is not None:
                self.backup_path = backup(path, f"before-{migrate.HEAD}")
        if forget_hub_password(path):
            for old in (path.parent / "backups").glob(f"{path.stem}-*.db"):
                forget_hub_password(old)
        self.engine = make_engine(path)
        if state.pending:
            migrate.upgrade(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        capture.install(self.sessions, lambda s: s.info.get("actor"))
        self.device_id = self._device_id()
        with self.engine.begin() as conn:
            deferred_indexes.restore(conn)  # a bulk load killed midway set them aside
            signing_state.ensure(conn)
        with self.engine.connect() as conn:
            last = conn.execute(select(ChangeRecord.hlc).order_by(ChangeRecord.seq.desc()).limit(1)).scalar()
        self.clock = HybridClock(self.device_id, last)

    def _device_id(self) -> uuid.UUID:
        with self.sessions.begin() as s:
            meta = s.get(LocalMeta, "device_id")
            if meta is None:
                meta = LocalMeta(key="device_id", value=str(new_id()))
                s.add(meta)
            return uuid.UUID(meta.value)

    def actor(self, user_id: uuid.UUID | None) -> Actor:
        return Actor(self.device_id, user_id, self.clock)

    @contextlib.contextmanager
    def unit_of_work(self, user_id: uuid.UUID | None) -> Iterator[Session]:
        """One transaction: commit on success, roll back everything on any error."""
        session = self.sessions()
        session.info["actor"] = self.actor(user_id)
        session.info["after_capture"] = [_reindex_residents]
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextlib.contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only session (no change capture needed; writes are refused by having no actor)."""
        session = self.sessions()
        try:
            yield session
        finally:
            # close() ends the transaction without expiring what was read, so results stay usable.
            session.close()

    def meta(self, key: str) -> str | None:
        with self.reader() as s:
            row = s.get(LocalMeta, key)
            return row.value if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.sessions.begin() as s:
            s.merge(LocalMeta(key=key, value=value))

    def delete_meta(self, key: str) -> None:
        with self.sessions.begin() as s:
            row = s.get(LocalMeta, key)
            if row is not None:
                s.delete(row)

    def rebuild_search_index(self) -> int:
        with self.engine.begin() as conn:
            return search_index.rebuild(conn)

    def max_search_id(self) -> int:
        with self.engine.connect() as conn:
            return search_index.max_sid(conn)

    def catch_up_clock(self) -> None:
        """After another process wrote with this device's id, continue after its newest stamp."""
        with self.engine.connect() as conn:
            newest = conn.execute(select(func.max(ChangeRecord.hlc))).scalar()
        if newest:
            self.clock.observe(newest)

    def analyze(self) -> None:
        """Refresh the planner's statistics (after bulk loads: without them SQLite may pick the
        status index for the list and sort every row; with them the list's first page takes ~9 ms)."""
        with self.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")

    def close(self) -> None:
        # SQLite's advice: let it refresh whatever statistics the session's queries showed stale.
        with self.engine.begin() as conn:
            conn.exec_driver_sql("PRAGMA optimize")
        self.engine.dispose()


def _reindex_residents(session: Session, pending: list[tuple[Any, str, list[str]]]) -> None:
    touched = [
        obj
        for obj, op, fields in pending
        if isinstance(obj, Resident) and (op == "insert" or search_index.INDEXED_FIELDS.intersection(fields))
    ]
    if touched:
        search_index.update(
            session.connection(),
            [search_index.IndexedResident(r.id, r.name, r.id_number, r.phone, r.record_no) for r in touched],
        )
