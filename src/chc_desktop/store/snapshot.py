"""A scope's rows as one workstation database file: what a new workstation's first sync copies in
one pass instead of pulling a district batch by batch.

The hub makes the file by running a workstation's own pull into an empty database (hub/snapshots.py),
so every row, search key, digest sum and derived column in it is exactly what a pull would have
written here. A new workstation attaches the file and copies the synced tables, the search index
and the digest sums with ``INSERT … SELECT`` — no JSON, no merge, no Python per row — inside one
transaction: a copy stopped midway leaves nothing behind, and the pull then goes on from the
cursor the file was made at.

Only these tables are copied: the file's own device identity, clock, change log and settings stay
in it.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

from chc_desktop.store import bulk_load, digest

INFO = "snapshot_info"  # key/value: what the file holds and where a pull goes on from
SEARCH_TABLES = ("search_map", "search_keys")
FTS_TABLE = "search_idfrag"  # copied through its own rowids (the resident's search id)


@dataclass(frozen=True)
class Installed:
    rows: int  # synced rows copied
    info: dict[str, str]  # the file's snapshot_info


class SnapshotUnusable(Exception):
    """The file is not a snapshot this workstation can take (damaged, another schema, another
    site); nothing was written."""


def write_info(path: Path, info: dict[str, str]) -> None:
    con = sqlite3.connect(path)
    try:
        with con:
            con.execute(f"CREATE TABLE IF NOT EXISTS {INFO} (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            con.executemany(f"INSERT OR REPLACE INTO {INFO} (key, value) VALUES (?, ?)", info.items())
    finally:
        con.close()


def newest_stamp(conn: Connection, tables: list[str]) -> str:
    """The newest row stamp in these tables (the taking workstation's clock goes on after it)."""
    stamps = [conn.exec_driver_sql(f"SELECT max(hlc) FROM {t}").scalar() for t in tables]
    return max((s for s in stamps if s), default="")


def untouched(conn: Connection) -> bool:
    """Has this workstation never held a file, nor anything a person wrote, nor anything still
    unsent? Only then is a snapshot taken: its rows arrive without a merge. (A new workstation
    holds the reference sites and packages every database starts with, already sent by the
    sync's push; the snapshot's copies of those replace them.)"""
    for query in (
        "SELECT 1 FROM residents LIMIT 1",
        "SELECT 1 FROM search_map LIMIT 1",
        "SELECT 1 FROM change_log WHERE user_id IS NOT NULL OR status != 'sent' LIMIT 1",
    ):
        if conn.exec_driver_sql(query).first() is not None:
            return False
    return True


@contextlib.contextmanager
def attached(conn: Connection, path: Path) -> Iterator[None]:
    """The snapshot at ``path`` as schema ``snap`` of this connection (attached and detached
    outside any transaction, as SQLite requires)."""
    conn.exec_driver_sql("ATTACH DATABASE ? AS snap", (str(path),))
    conn.commit()
    try:
        yield
    finally:
        conn.rollback()
        conn.exec_driver_sql("DETACH DATABASE snap")
        conn.commit()


def install(conn: Connection, tables: list[str], check: dict[str, str]) -> Installed:
    """Copy the attached snapshot into this database, in the caller's transaction. ``check``: values
    the file's info must hold (schema, site). Foreign keys must be off: the file is whole, but its
    tables are copied one after another."""
    try:
        info: dict[str, str] = {
            str(k): str(v) for k, v in conn.exec_driver_sql(f"SELECT key, value FROM snap.{INFO}")
        }
    except DBAPIError as exc:  # not a database, or not a snapshot
        raise SnapshotUnusable(f"快照文件无法读取（{type(exc).__name__}）") from None
    for key, want in check.items():
        if info.get(key) != want:
            raise SnapshotUnusable(f"快照与本工作站不符（{key}）")
    try:
        bulk_load.set_aside(conn, tables)
        rows = 0
        for table in tables:
            columns = ", ".join(_columns(conn, table))
            # Reference rows every database starts with: the hub's version replaces the local one
            # (the delete trigger takes its share out of the digest sums).
            conn.exec_driver_sql(f"DELETE FROM main.{table} WHERE id IN (SELECT id FROM snap.{table})")
            rows += conn.exec_driver_sql(
                f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM snap.{table}"
            ).rowcount
        for table in SEARCH_TABLES:
            columns = ", ".join(_columns(conn, table))
            conn.exec_driver_sql(f"INSERT INTO main.{table} ({columns}) SELECT {columns} FROM snap.{table}")
        conn.exec_driver_sql(
            f"INSERT INTO main.{FTS_TABLE} (rowid, id_number) SELECT rowid, id_number FROM snap.{FTS_TABLE}"
        )
        sums = {
            t: (int(n), int(total))
            for t, n, total in conn.exec_driver_sql("SELECT table_name, n, total FROM snap.sync_digest")
            if t in tables
        }
        digest.add_inserted(conn, sums, tables)
        bulk_load.finish(conn, tables)
    except DBAPIError as exc:
        raise SnapshotUnusable(f"快照文件已损坏（{type(exc).__name__}）") from None
    return Installed(rows, info)


def _columns(conn: Connection, table: str) -> list[str]:
    return [r[1] for r in conn.exec_driver_sql(f"PRAGMA main.table_info({table})")]
