"""Local search index for residents (not synced; rebuilt from the residents table at will).

- ``search_keys`` (key, sid, kind): name suffixes (so any part of a name is a prefix of some key),
  pinyin full and initials with surname readings, phone last 4, record number last 8.
  Lookups are B-tree prefix ranges: ``key >= q AND key < q || U+FFFF``.
- ``search_idfrag``: FTS5 trigram over the ID number, for any fragment of 3+ characters.
- ``search_map`` gives each resident a stable small integer (rowids of a UUID-keyed table may
  change on VACUUM, so they cannot be used).
Measured on 300,000 residents: see docs/performance.md.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Column, Connection, Integer, MetaData, String, Table, Uuid, text

from chc_desktop.domain.phone import last4_of
from chc_desktop.domain.pinyin_keys import name_keys

# Core views of the index tables, for queries that join them to residents (created by migrations,
# kept out of the ORM metadata so Alembic does not manage them).
_meta = MetaData()
MAP = Table("search_map", _meta, Column("sid", Integer, primary_key=True), Column("resident_id", Uuid))
KEYS = Table("search_keys", _meta, Column("key", String), Column("sid", Integer), Column("kind", Integer))
ID_FRAGMENTS = Table(
    "search_idfrag", _meta, Column("rowid", Integer, primary_key=True), Column("id_number", String)
)

DDL = [
    "CREATE TABLE IF NOT EXISTS search_map (sid INTEGER PRIMARY KEY, resident_id CHAR(32) NOT NULL UNIQUE)",
    "CREATE TABLE IF NOT EXISTS search_keys (key TEXT NOT NULL, sid INTEGER NOT NULL, kind INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_search_keys_key ON search_keys (key, kind, sid)",
    "CREATE INDEX IF NOT EXISTS ix_search_keys_sid ON search_keys (sid)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_idfrag USING fts5(id_number, tokenize='trigram')",
]
DROP = [
    "DROP TABLE IF EXISTS search_idfrag",
    "DROP TABLE IF EXISTS search_keys",
    "DROP TABLE IF EXISTS search_map",
]


class KeyKind(enum.IntEnum):
    NAME = 1  # the whole name (suffix at position 0)
    NAME_PART = 2  # a later suffix of the name
    PINYIN = 3
    INITIALS = 4
    PHONE_LAST4 = 5
    RECORD_LAST8 = 6


INDEXED_FIELDS = frozenset({"name", "id_number", "phone", "record_no"})


@dataclass(frozen=True)
class IndexedResident:
    id: uuid.UUID
    name: str
    id_number: str | None
    phone: str | None
    record_no: str | None


def keys_for(r: IndexedResident) -> list[tuple[str, int]]:
    keys: list[tuple[str, int]] = [(r.name, KeyKind.NAME)]
    keys += [(r.name[i:], KeyKind.NAME_PART) for i in range(1, len(r.name))]
    nk = name_keys(r.name)
    keys += [(k, KeyKind.PINYIN) for k in nk.full]
    keys += [(k, KeyKind.INITIALS) for k in nk.initials]
    last4 = last4_of(r.phone) if r.phone else None
    if last4:
        keys.append((last4, KeyKind.PHONE_LAST4))
    if r.record_no:
        keys.append((r.record_no[-8:], KeyKind.RECORD_LAST8))
    return keys


def all_keys(residents: Sequence[IndexedResident]) -> list[list[tuple[str, int]]]:
    """Every resident's keys (pure: a worker process may compute them while the caller inserts)."""
    return [[(k, int(kind)) for k, kind in keys_for(r)] for r in residents]


def update(
    conn: Connection,
    residents: Sequence[IndexedResident],
    fresh: bool = False,
    first_sid: int | None = None,
    keys: Sequence[Sequence[tuple[str, int]]] | None = None,
) -> None:
    """(Re)index these residents in the current transaction; ``fresh``: none is indexed yet.

    ``first_sid`` gives fresh rows their ids from a range the caller owns (parallel bulk builds);
    ``keys``, for fresh rows, are their ``all_keys`` computed beforehand.
    """
    if not residents:
        return
    if fresh:
        _insert_fresh(conn, residents, first_sid, keys)
        return
    hexes = [{"rid": r.id.hex} for r in residents]
    conn.execute(text("INSERT OR IGNORE INTO search_map (resident_id) VALUES (:rid)"), hexes)
    sids: dict[str, int] = {}
    for chunk_start in range(0, len(hexes), 500):
        chunk = [h["rid"] for h in hexes[chunk_start : chunk_start + 500]]
        marks = ",".join(f":p{i}" for i in range(len(chunk)))
        rows = conn.execute(
            text(f"SELECT resident_id, sid FROM search_map WHERE resident_id IN ({marks})"),
            {f"p{i}": v for i, v in enumerate(chunk)},
        )
        sids.update({rid: sid for rid, sid in rows})
    sid_params = [{"sid": sids[r.id.hex]} for r in residents]
    conn.execute(text("DELETE FROM search_keys WHERE sid = :sid"), sid_params)
    conn.execute(text("DELETE FROM search_idfrag WHERE rowid = :sid"), sid_params)
    key_rows = [
        {"key": k, "sid": sids[r.id.hex], "kind": int(kind)} for r in residents for k, kind in keys_for(r)
    ]
    conn.execute(text("INSERT INTO search_keys (key, sid, kind) VALUES (:key, :sid, :kind)"), key_rows)
    id_rows = [{"sid": sids[r.id.hex], "idn": r.id_number} for r in residents if r.id_number]
    if id_rows:
        conn.execute(text("INSERT INTO search_idfrag (rowid, id_number) VALUES (:sid, :idn)"), id_rows)


def max_sid(conn: Connection) -> int:
    return int(conn.exec_driver_sql("SELECT coalesce(max(sid), 0) FROM search_map").scalar() or 0)


def _insert_fresh(
    conn: Connection,
    residents: Sequence[IndexedResident],
    first_sid: int | None,
    keys: Sequence[Sequence[tuple[str, int]]] | None = None,
) -> None:
    start = first_sid if first_sid is not None else max_sid(conn) + 1
    keys = keys if keys is not None else all_keys(residents)
    sids = range(start, start + len(residents))
    conn.exec_driver_sql(
        "INSERT INTO search_map (sid, resident_id) VALUES (?, ?)",
        [(sid, r.id.hex) for sid, r in zip(sids, residents, strict=True)],
    )
    conn.exec_driver_sql(
        "INSERT INTO search_keys (key, sid, kind) VALUES (?, ?, ?)",
        [(k, sid, kind) for sid, ks in zip(sids, keys, strict=True) for k, kind in ks],
    )
    conn.exec_driver_sql(
        "INSERT INTO search_idfrag (rowid, id_number) VALUES (?, ?)",
        [(sid, r.id_number) for sid, r in zip(sids, residents, strict=True) if r.id_number],
    )


def rebuild(conn: Connection, batch: int = 5000) -> int:
    """Drop and rebuild the whole index from the residents table; returns residents indexed."""
    for stmt in DROP + DDL:
        conn.execute(text(stmt))
    total = 0
    last = ""
    while True:
        rows = conn.execute(
            text(
                "SELECT id, name, id_number, phone, record_no FROM residents WHERE id > :last "
                "ORDER BY id LIMIT :n"
            ),
            {"last": last, "n": batch},
        ).all()
        if not rows:
            return total
        update(conn, [IndexedResident(uuid.UUID(r[0]), r[1], r[2], r[3], r[4]) for r in rows], fresh=True)
        total += len(rows)
        last = rows[-1][0]
