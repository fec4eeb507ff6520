"""Order-independent digests of every synced row's content, kept current by the database itself.

A row's hash covers its id, its stamp and every synced field's value, so a row changed anywhere
without a new stamp shows as a difference in the agreement check. Each synced table's count and
sum of row hashes live in ``sync_digest`` and are updated by triggers on every insert, change and
delete, whatever wrote the row — so the check after each sync reads a few numbers instead of
hashing a district's rows twice. The hub keeps the same sums per street (hub/schema.py) with the
same hash, computed from its own copy of each row.

The content is written out one way on both sides: the non-null synced fields as JSON values (what
a change record carries: UUIDs with dashes, UTC times in ISO form, dates, true/false), as a JSON
object in PostgreSQL's ``jsonb`` text form — keys shorter first, then by their bytes; ", " and
": " between items — which a PostgreSQL hub computes in SQL and everything else computes here.
A staff account's password hash is left out: another site's copy arrives without it.

A migration that adds a column to a synced table must call ``install`` for that table again.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
import uuid
from collections.abc import Callable
from typing import Any

import orjson
from sqlalchemy import JSON, Boolean, Connection, Date, Integer, Uuid, inspect

from chc_desktop.store.base import Base, Synced, UtcDateTime
from chc_desktop.store.capture import synced_columns

FUNCTION = "chc_row_hash"  # on a workstation: (id, hlc, table, json_object of the row's columns)
HUB_FUNCTION = "chc_hub_row_hash"  # on a hub: (row id, hlc, table, the row's JSON data)
HASH_HEX = 10  # 40-bit hashes: a million rows sum well inside a signed 64-bit integer
UNDIGESTED: dict[str, frozenset[str]] = {"staff_users": frozenset({"password_hash"})}


_ESCAPED = re.compile(r'[\\"\x00-\x1f]')  # what JSON writes escaped; everything else as is


@functools.lru_cache(maxsize=8192)
def _key_text(key: str) -> str:
    return json.dumps(key, ensure_ascii=False)


@functools.lru_cache(maxsize=1024)
def _order(keys: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """jsonb's key order — shorter first, then by bytes — with each key written out; a table's rows
    share their keys, so this is worked out once per shape."""
    return tuple((k, _key_text(k)) for k in sorted(keys, key=lambda k: (len(k.encode()), k.encode())))


def canonical(value: Any) -> str:
    """A JSON value written as PostgreSQL writes ``jsonb_strip_nulls(value)`` as text (null members
    of objects, at any depth, left out; arrays keep theirs)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if _ESCAPED.search(value) else f'"{value}"'
    if isinstance(value, dict):
        items = [f"{text}: {canonical(value[k])}" for k, text in _order(tuple(value)) if value[k] is not None]
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(canonical(v) for v in value) + "]"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    return json.dumps(value)


def _flat(value: dict[str, Any]) -> str:
    """``canonical`` of an object, with its strings, numbers and booleans written here inline (a
    first sync hashes a million rows; nested values go the general way)."""
    items = []
    for k, text in _order(tuple(value)):
        v = value[k]
        t = type(v)
        if t is str:
            items.append(f'{text}: "{v}"' if _ESCAPED.search(v) is None else f"{text}: {canonical(v)}")
        elif v is None:
            continue
        elif t is bool:
            items.append(f"{text}: {'true' if v else 'false'}")
        elif t is int:
            items.append(f"{text}: {v}")
        else:
            items.append(f"{text}: {canonical(v)}")
    return "{" + ", ".join(items) + "}"


def content_hash(row_id: Any, hlc: Any, table: str, values: dict[str, Any]) -> int:
    """The hash of a row given its synced fields as JSON values (nulls and left-out fields alike)."""
    hex_id = row_id.hex if isinstance(row_id, uuid.UUID) else str(row_id).replace("-", "")
    skip = UNDIGESTED.get(table)
    content = _flat({k: v for k, v in values.items() if k not in skip} if skip else values)
    digest = hashlib.md5(f"{hex_id}{hlc}{content}".encode()).digest()
    return int.from_bytes(digest[: HASH_HEX // 2])


def sum_hashes(table: str, rows: list[tuple[str, str, dict[str, Any]]]) -> tuple[int, int]:
    """(count, sum of hashes) of rows given as (id, hlc, synced values): what a bulk load adds to
    the table's digest (pure: a worker process sums while the caller inserts)."""
    return len(rows), sum(content_hash(rid, hlc, table, values) for rid, hlc, values in rows)


def hub_row_hash(row_id: Any, hlc: Any, table: Any, data: Any) -> int:
    """The hub's side (a SQLite hub's trigger function): the row's data as the hub stores it."""
    values = json.loads(data) if isinstance(data, str) else data
    return content_hash(row_id, hlc, str(table), values or {})


# -- a workstation's rows: SQLite's stored forms turned back into the JSON values


def _uuid_text(raw: Any) -> str:
    """A stored UUID (32 hex digits) as JSON carries it; by slicing, as ``uuid.UUID`` would write it."""
    if type(raw) is str and len(raw) == 32:
        h = raw.lower()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
    return str(uuid.UUID(hex=str(raw)))


def _utc_text(raw: Any) -> str:
    """A stored UTC time (``YYYY-MM-DD HH:MM:SS.ffffff``) as ``datetime.isoformat`` writes it
    aware — without the fraction when it is zero; by slicing (a pull's updates hash each row
    twice in the trigger), any other form the general way."""
    if type(raw) is str and len(raw) == 26 and raw[10] == " " and raw[19] == ".":
        fraction = raw[19:] if raw[20:] != "000000" else ""
        return f"{raw[:10]}T{raw[11:19]}{fraction}+00:00"
    return dt.datetime.fromisoformat(str(raw)).replace(tzinfo=dt.UTC).isoformat()


def _json_value(column: Any) -> Callable[[Any], Any] | None:
    """How a stored value of this column becomes its JSON value; None where it already is one
    (text, and integers and dates as SQLite hands them back)."""
    t = column.type
    if isinstance(t, Uuid):
        return _uuid_text
    if isinstance(t, UtcDateTime):
        return _utc_text
    if isinstance(t, Boolean):
        return bool
    if isinstance(t, JSON):
        return lambda raw: json.loads(raw) if isinstance(raw, str) else raw
    if isinstance(t, Date):
        return lambda raw: raw if type(raw) is str else str(raw)
    if isinstance(t, Integer):
        return lambda raw: raw if type(raw) is int else int(raw)
    return None


@functools.cache
def _converters() -> dict[str, dict[str, Callable[[Any], Any] | None]]:
    out: dict[str, dict[str, Callable[[Any], Any] | None]] = {}
    for mapper in Base.registry.mappers:
        model = mapper.class_
        if issubclass(model, Synced):
            columns = {c.key: c for c in inspect(model).columns}
            out[model.__tablename__] = {f: _json_value(columns[f]) for f in synced_columns(model)}
    return out


def row_hash(row_id: Any, hlc: Any, table: Any, values_json: Any) -> int:
    """A workstation row's hash (its trigger function): ``values_json`` is SQLite's json_object of
    the row's synced columns as stored."""
    convert = _converters()[str(table)]
    values = {}
    for k, v in orjson.loads(values_json).items():
        if v is not None and k in convert:
            c = convert[k]
            values[k] = v if c is None else c(v)
    return content_hash(str(row_id), hlc, str(table), values)


def register(dbapi_conn: Any) -> None:
    """Make the hashes callable from SQL on a sqlite3 connection (triggers use them)."""
    dbapi_conn.create_function(FUNCTION, 4, row_hash, deterministic=True)
    dbapi_conn.create_function(HUB_FUNCTION, 4, hub_row_hash, deterministic=True)


def _columns(conn: Connection, table: str) -> list[str]:
    """The synced columns the table has now (an early migration runs before later columns exist)."""
    present = {r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info({table})")}
    return [c for c in _converters().get(table, {}) if c in present]


def _hash_sql(alias: str, table: str, columns: list[str]) -> str:
    pairs = ", ".join(f"'{c}', {alias}.{c}" for c in columns)
    return f"{FUNCTION}({alias}.id, {alias}.hlc, '{table}', json_object({pairs}))"


def trigger_ddl(table: str, columns: list[str]) -> list[str]:
    h_new, h_old = _hash_sql("NEW", table, columns), _hash_sql("OLD", table, columns)
    where = f"WHERE table_name = '{table}'"
    watched = ", ".join(["hlc", *columns])
    return [
        f"CREATE TRIGGER {table}_digest_ins AFTER INSERT ON {table} BEGIN "
        f"UPDATE sync_digest SET n = n + 1, total = total + {h_new} {where}; END",
        f"CREATE TRIGGER {table}_digest_upd AFTER UPDATE OF {watched} ON {table} BEGIN "
        f"UPDATE sync_digest SET total = total - {h_old} + {h_new} {where}; END",
        f"CREATE TRIGGER {table}_digest_del AFTER DELETE ON {table} BEGIN "
        f"UPDATE sync_digest SET n = n - 1, total = total - {h_old} {where}; END",
    ]


KINDS = ("ins", "upd", "del")


def drop_triggers(conn: Connection, tables: list[str], kinds: tuple[str, ...] = KINDS) -> None:
    """Stop keeping the sums (a bulk load counts once at the end with ``install``), or only for
    inserts (a bulk load that adds the inserted rows' sums itself with ``add_inserted``)."""
    for table in tables:
        for kind in kinds:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {table}_digest_{kind}")


def add_inserted(conn: Connection, sums: dict[str, tuple[int, int]], tables: list[str]) -> None:
    """After a bulk load that ran without the insert triggers (updates and deletes kept theirs, so
    the sums stayed true for every other row): add the inserted rows' counts and hashes, computed
    from the values they were inserted with, and keep counting inserts again. The sums are
    additive, so the order of inserts and updates does not matter."""
    register(conn.connection.driver_connection)
    for table, (n, total) in sums.items():
        conn.exec_driver_sql(
            "UPDATE sync_digest SET n = n + ?, total = total + ? WHERE table_name = ?", (n, total, table)
        )
    for table in tables:
        conn.exec_driver_sql(trigger_ddl(table, _columns(conn, table))[0])


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
        columns = _columns(conn, table)
        conn.exec_driver_sql("DELETE FROM sync_digest WHERE table_name = ?", (table,))
        conn.exec_driver_sql(
            f"INSERT INTO sync_digest (table_name, n, total) "
            f"SELECT ?, count(*), coalesce(sum({_hash_sql(table, table, columns)}), 0) FROM {table}",
            (table,),
        )
        for ddl in trigger_ddl(table, columns):
            conn.exec_driver_sql(ddl)


def read(conn: Connection) -> dict[str, tuple[int, int]]:
    rows = conn.exec_driver_sql("SELECT table_name, n, total FROM sync_digest WHERE n > 0").all()
    return {t: (int(n), int(total)) for t, n, total in rows}
