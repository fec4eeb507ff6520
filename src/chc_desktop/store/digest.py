"""Order-independent digests of (row id, row stamp), kept current by the database itself.

Each synced table's count and sum of row hashes live in ``sync_digest`` and are updated by
triggers on every insert, stamp change and delete, whatever wrote the row — so the agreement check
after each sync reads a few numbers instead of hashing a district's rows twice. The hub keeps the
same sums per street (sync/hub_schema.py) with the same hash.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Connection

FUNCTION = "chc_row_hash"
HASH_HEX = 10  # 40-bit hashes: a million rows sum well inside a signed 64-bit integer


def row_hash(row_id: Any, hlc: Any) -> int:
    """md5 of the id's 32 hex digits and the stamp, first 40 bits (PostgreSQL computes the same)."""
    hex_id = row_id.hex if hasattr(row_id, "hex") and not isinstance(row_id, str) else str(row_id)
    return int(hashlib.md5(f"{hex_id.replace('-', '')}{hlc}".encode()).hexdigest()[:HASH_HEX], 16)


def register(dbapi_conn: Any) -> None:
    """Make the hash callable from SQL on a sqlite3 connection (triggers use it)."""
    dbapi_conn.create_function(FUNCTION, 2, row_hash, deterministic=True)


def trigger_ddl(table: str) -> list[str]:
    h_new, h_old = f"{FUNCTION}(NEW.id, NEW.hlc)", f"{FUNCTION}(OLD.id, OLD.hlc)"
    where = f"WHERE table_name = '{table}'"
    return [
        f"CREATE TRIGGER {table}_digest_ins AFTER INSERT ON {table} BEGIN "
        f"UPDATE sync_digest SET n = n + 1, total = total + {h_new} {where}; END",
        f"CREATE TRIGGER {table}_digest_upd AFTER UPDATE OF hlc ON {table} BEGIN "
        f"UPDATE sync_digest SET total = total - {h_old} + {h_new} {where}; END",
        f"CREATE TRIGGER {table}_digest_del AFTER DELETE ON {table} BEGIN "
        f"UPDATE sync_digest SET n = n - 1, total = total - {h_old} {where}; END",
    ]


KINDS = ("ins", "upd", "del")


def drop_triggers(conn: Connection, tables: list[str]) -> None:
    """Stop keeping the sums (a bulk load counts once at the end with ``install``)."""
    for table in tables:
        for kind in KINDS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_digest_{kind}")


def ensure(conn: Connection, tables: list[str]) -> None:
    """Reinstall (and recount) where a trigger is missing, e.g. after a bulk load was killed."""
    have = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    missing = [t for t in tables if any(f"{t}_digest_{k}" not in have for k in KINDS)]
    if missing:
        install(conn, missing)


def install(conn: Connection, tables: list[str]) -> None:
    """Create the digest rows and triggers for these tables and count what is already there."""
    register(conn.connection.driver_connection)  # a migration may run on a bare engine
    drop_triggers(conn, tables)
    for table in tables:
        conn.exec_driver_sql("DELETE FROM sync_digest WHERE table_name = ?", (table,))
        conn.exec_driver_sql(
            f"INSERT INTO sync_digest (table_name, n, total) "
            f"SELECT ?, count(*), coalesce(sum({FUNCTION}(id, hlc)), 0) FROM {table}",
            (table,),
        )
        for ddl in trigger_ddl(table):
            conn.exec_driver_sql(ddl)


def read(conn: Connection) -> dict[str, tuple[int, int]]:
    rows = conn.exec_driver_sql("SELECT table_name, n, total FROM sync_digest WHERE n > 0").all()
    return {t: (int(n), int(total)) for t, n, total in rows}
