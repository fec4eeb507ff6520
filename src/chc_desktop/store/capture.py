"""Change capture: every insert, update and tombstone of a synced row writes its change record in
the same transaction (same flush), stamped with the device's hybrid logical clock.

Registered on the session factory, so every write path — services, import, sync apply — is covered
and none can forget it. Hard deletes of synced rows are refused.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import insert, inspect
from sqlalchemy.orm import Session, UOWTransaction

from chc_desktop.store.base import Synced, utcnow
from chc_desktop.store.hlc import HybridClock
from chc_desktop.store.ids import new_id
from chc_desktop.store.models.changes import ChangeRecord


class HardDeleteError(RuntimeError):
    """A synced row was deleted instead of tombstoned (a programming error)."""


@dataclasses.dataclass(frozen=True)
class Actor:
    """Who writes in a unit of work: the logged-in user (None for system work) on this device."""

    device_id: uuid.UUID
    user_id: uuid.UUID | None
    clock: HybridClock


def to_json(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def synced_columns(model: type[Synced]) -> list[str]:
    """The columns whose values travel in change records: user data and the tombstone.

    Bookkeeping (id, times, author, origin, clock) is not repeated: the change record carries the
    row id, its own time, user, device and stamp.
    """
    mapper = inspect(model)
    skip = model.sync_exclude | Synced.BOOKKEEPING
    return [c.key for c in mapper.column_attrs if c.key not in skip]


def insert_data(values: dict[str, Any], columns: Iterable[str]) -> dict[str, Any]:
    """An insert's fields: None is the default of every column, so nulls are left out."""
    return {k: to_json(values[k]) for k in columns if values.get(k) is not None}


def row_values(obj: Synced) -> dict[str, Any]:
    """A new (unsaved) object's synced values as its insert change would carry them (defaults
    filled in, nulls left out): how the hub seeds the same reference rows every device seeds."""
    _apply_python_defaults(obj)
    columns = synced_columns(type(obj))
    return insert_data({f: getattr(obj, f) for f in columns}, columns)


def field_clock(clocks: dict[str, Any] | None, hlc: str, field: str) -> str:
    """The stamp of a field's current value (see Synced.clocks)."""
    if clocks is None:
        return hlc
    return str(clocks.get(field) or clocks.get("") or hlc)


def change_row(
    table: str,
    row_id: uuid.UUID,
    op: str,
    data: dict[str, Any],
    hlc: str,
    actor: Actor,
    at: dt.datetime,
    base: dict[str, str] | None = None,
) -> dict[str, Any]:
    """One change_log row (the ORM flush hook and the bulk path build them alike).

    ``base`` holds, per changed field, the stamp of the value the edit replaced: the hub sees a
    conflict when its current stamp differs (someone else changed the field meanwhile).
    """
    return {
        "base": base,
        "status": "pending",
        "change_id": new_id(),
        "table_name": table,
        "row_id": row_id,
        "op": op,
        "data": data,
        "hlc": hlc,
        "device_id": actor.device_id,
        "user_id": actor.user_id,
        "created_at": at,
    }


def _object_change(
    obj: Synced, op: str, fields: list[str], base: dict[str, str] | None, actor: Actor, at: dt.datetime
) -> dict[str, Any]:
    if op == "insert":
        data = insert_data({f: getattr(obj, f) for f in fields}, fields)
    else:  # an update may set a value back to null: keep nulls
        data = {f: to_json(getattr(obj, f)) for f in fields}
    return change_row(type(obj).__tablename__, obj.id, op, data, obj.hlc, actor, at, base)


def _apply_python_defaults(obj: Synced) -> None:
    # Column defaults normally fire during INSERT; the change record needs them before that.
    mapper = inspect(type(obj))
    for col in mapper.columns:
        attr = mapper.get_property_by_column(col).key
        default = col.default
        if getattr(obj, attr) is not None or default is None:
            continue
        if default.is_scalar:
            setattr(obj, attr, default.arg)
        elif default.is_callable:
            setattr(obj, attr, default.arg(None))


def _stamp(
    obj: Synced, actor: Actor, now: dt.datetime, new: bool, fields: Iterable[str] = ()
) -> dict[str, str]:
    """Stamp the row; for an update, move the changed fields' clocks and return their old stamps."""
    base: dict[str, str] = {}
    if not new:
        old = obj.hlc
        clocks = dict(obj.clocks) if obj.clocks else {"": old}
        base = {f: field_clock(clocks, old, f) for f in fields}
    obj.hlc = actor.clock.now()
    if not new:
        clocks.update(dict.fromkeys(fields, obj.hlc))
        obj.clocks = clocks
    obj.updated_at = now
    obj.updated_by = actor.user_id
    if new:
        obj.origin = actor.device_id
        if obj.created_at is None:
            obj.created_at = now
    return base


def _changed_fields(obj: Synced) -> list[str]:
    state = inspect(obj)
    skip = type(obj).sync_exclude | Synced.BOOKKEEPING
    return [
        a.key
        for a in state.attrs
        if a.key not in skip
        and a.history.has_changes()
        and a.key in {c.key for c in state.mapper.column_attrs}
    ]


def install(session_factory: Any, actor_of: Callable[[Session], Actor | None]) -> None:
    """Register the flush hooks on a session factory (sessionmaker)."""
    from sqlalchemy import event

    @event.listens_for(session_factory, "before_flush")
    def before_flush(session: Session, flush_context: UOWTransaction, instances: Any) -> None:
        for obj in session.deleted:
            if isinstance(obj, Synced):
                raise HardDeleteError(f"{type(obj).__tablename__} rows are tombstoned, never deleted")
        actor = actor_of(session)
        pending: list[tuple[Synced, str, list[str], dict[str, str] | None]] = []
        now = utcnow()
        for obj in session.new:
            if isinstance(obj, Synced):
                if actor is None:
                    raise RuntimeError("a synced row was written outside a unit of work")
                if obj.id is None:
                    obj.id = new_id()
                _apply_python_defaults(obj)
                _stamp(obj, actor, now, new=True)
                pending.append((obj, "insert", synced_columns(type(obj)), None))
        for obj in session.dirty:
            if not isinstance(obj, Synced) or not session.is_modified(obj):
                continue
            fields = _changed_fields(obj)
            if not fields:
                continue  # only local-only columns changed
            if actor is None:
                raise RuntimeError("a synced row was written outside a unit of work")
            if type(obj).append_only:
                raise HardDeleteError(f"{type(obj).__tablename__} is append-only")
            tomb = "deleted_at" in fields and obj.deleted_at is not None
            base = _stamp(obj, actor, now, new=False, fields=fields)
            pending.append((obj, "delete" if tomb else "update", fields, base))
        session.info.setdefault("_pending_changes", []).extend(pending)

    @event.listens_for(session_factory, "after_flush")
    def after_flush(session: Session, flush_context: UOWTransaction) -> None:
        pending = session.info.pop("_pending_changes", [])
        if not pending:
            return
        actor = actor_of(session)
        assert actor is not None
        now = utcnow()
        rows = [_object_change(obj, op, fields, base, actor, now) for obj, op, fields, base in pending]
        session.connection().execute(insert(ChangeRecord), rows)
        for hook in session.info.get("after_capture", ()):
            hook(session, [(obj, op, fields) for obj, op, fields, _ in pending])
