"""Bulk inserts for demo data and imports: the same sync columns and change records as the ORM
path (store/capture.py), without an ORM object or SQLAlchemy parameter processing per row.

Values are converted with each column type's own bind processor (the conversion SQLAlchemy
itself would apply), once per column, then handed to the driver's executemany.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.sql.schema import CallableColumnDefault, ScalarElementColumnDefault

from chc_desktop.store import search_index
from chc_desktop.store.base import Base, Synced, utcnow
from chc_desktop.store.capture import Actor, change_row, insert_data, synced_columns
from chc_desktop.store.ids import new_id
from chc_desktop.store.models import ChangeRecord, Resident


def insert_table(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """executemany of plain dicts into ``table``; columns missing from a row are NULL."""
    if not rows:
        return
    dialect = conn.dialect
    columns = [
        c for c in table.columns if not (c.primary_key and c.autoincrement is True and c.key not in rows[0])
    ]
    spec = [(c.key, c.type.bind_processor(dialect)) for c in columns]
    names = ", ".join(f'"{c.name}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    data = [
        tuple([row.get(k) if p is None else (None if (v := row.get(k)) is None else p(v)) for k, p in spec])
        for row in rows
    ]
    conn.exec_driver_sql(f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})', data)


def insert_synced(
    conn: Connection,
    actor: Actor,
    model: type[Synced],
    rows: Sequence[dict[str, Any]],
    first_search_id: int | None = None,
) -> None:
    """Insert new rows of a synced table with their change records, in the caller's transaction."""
    if not rows:
        return
    assert issubclass(model, Base)
    table: Table = model.__table__  # type: ignore[assignment]
    now = utcnow()
    columns = synced_columns(model)
    scalar_defaults: dict[str, Any] = {}
    callable_defaults: list[tuple[str, Any]] = []
    for c in table.columns:
        default = c.default
        if isinstance(default, ScalarElementColumnDefault):
            scalar_defaults[c.key] = default.arg
        elif isinstance(default, CallableColumnDefault):
            callable_defaults.append((c.key, default.arg))
    full: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    for row in rows:
        r = {**scalar_defaults, **row}
        for key, make in callable_defaults:
            if r.get(key) is None:
                r[key] = make(None)
        r.update(
            created_at=now,
            updated_at=now,
            updated_by=actor.user_id,
            origin=actor.device_id,
            hlc=actor.clock.now(),
            deleted_at=None,
        )
        full.append(r)
        changes.append(
            change_row(model.__tablename__, r["id"], "insert", insert_data(r, columns), r["hlc"], actor, now)
        )
    insert_table(conn, table, full)
    insert_table(conn, ChangeRecord.__table__, changes)  # type: ignore[arg-type]
    if issubclass(model, Resident):
        search_index.update(
            conn,
            [
                search_index.IndexedResident(
                    r["id"], r["name"], r.get("id_number"), r.get("phone"), r.get("record_no")
                )
                for r in full
            ],
            fresh=True,
            first_sid=first_search_id,
        )


__all__ = ["insert_synced", "insert_table", "new_id"]
