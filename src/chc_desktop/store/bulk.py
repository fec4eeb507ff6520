"""Bulk inserts for demo data and imports: the same sync columns and change records as the ORM
path (store/capture.py), without building an ORM object per row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, insert

from chc_desktop.store import search_index
from chc_desktop.store.base import Base, Synced, utcnow
from chc_desktop.store.capture import Actor, synced_columns, to_json
from chc_desktop.store.ids import new_id
from chc_desktop.store.models import ChangeRecord, Resident


def insert_synced(conn: Connection, actor: Actor, model: type[Synced], rows: Sequence[dict[str, Any]]) -> None:
    """Insert new rows of a synced table with their change records, in the caller's transaction.

    Every row must carry every column of the model that has no default (``id`` may be given).
    """
    if not rows:
        return
    assert issubclass(model, Base)
    now = utcnow()
    columns = synced_columns(model)
    defaults = {c.key: c.default.arg for c in model.__table__.columns if c.default is not None and c.default.is_scalar}
    full: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    for row in rows:
        r = {**defaults, **row}
        r.setdefault("id", new_id())
        for key in columns:
            if key not in r:
                col = model.__table__.columns[key]
                r[key] = col.default.arg(None) if col.default is not None and col.default.is_callable else None
        r.update(created_at=now, updated_at=now, updated_by=actor.user_id, origin=actor.device_id,
                 hlc=actor.clock.now(), deleted_at=None)
        full.append(r)
        changes.append({
            "change_id": new_id(), "table_name": model.__tablename__, "row_id": r["id"], "op": "insert",
            "data": {k: to_json(r[k]) for k in columns}, "hlc": r["hlc"], "device_id": actor.device_id,
            "user_id": actor.user_id, "created_at": now,
        })
    conn.execute(insert(model.__table__), full)  # type: ignore[attr-defined]
    conn.execute(insert(ChangeRecord), changes)
    if model is Resident:
        search_index.update(conn, [
            search_index.IndexedResident(r["id"], r["name"], r.get("id_number"), r.get("phone"), r.get("record_no"))
            for r in full
        ])
