"""Secondary indexes set aside during a bulk load and built once at its end.

Keeping a district's indexes current row by row costs more than building them in one sorted pass
afterwards. Unique indexes stay (they guard correctness); the dropped definitions are saved in
``local_meta`` in the same transaction, so a load killed midway gets them back at the next start.
"""

from __future__ import annotations

import json

from sqlalchemy import Connection

META_KEY = "bulk.deferred_indexes"
TABLES = (
    "residents",
    "households",
    "household_members",
    "history_entries",
    "key_population_tags",
    "contracts",
    "hospice_assessments",
    "referrals",
    "referral_steps",
    "audit_log",
    "search_keys",
)


def defer(conn: Connection) -> int:
    marks = ", ".join("?" for _ in TABLES)
    rows = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({marks})",
        TABLES,
    ).all()
    if not rows:
        return 0
    saved = json.loads(_saved(conn) or "[]") + [sql for _, sql in rows]
    conn.exec_driver_sql("DELETE FROM local_meta WHERE key = ?", (META_KEY,))
    conn.exec_driver_sql("INSERT INTO local_meta (key, value) VALUES (?, ?)", (META_KEY, json.dumps(saved)))
    for name, _ in rows:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    return len(rows)


def restore(conn: Connection) -> int:
    """Build every set-aside index again (idempotent); returns how many."""
    saved = _saved(conn)
    if saved is None:
        return 0
    statements = json.loads(saved)
    for sql in statements:
        conn.exec_driver_sql(sql.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1))
    conn.exec_driver_sql("DELETE FROM local_meta WHERE key = ?", (META_KEY,))
    return len(statements)


def _saved(conn: Connection) -> str | None:
    row = conn.exec_driver_sql("SELECT value FROM local_meta WHERE key = ?", (META_KEY,)).first()
    return None if row is None else str(row[0])
