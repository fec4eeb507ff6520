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
    """The user-data columns of a synced model that travel in change records."""
    mapper = inspect(model)
    return [
        c.key
        for c in mapper.column_attrs
        if c.key not in model.sync_exclude and c.key not in ("hlc",)
    ]


def change_row(
    obj: Synced, op: str, fields: Iterable[str], actor: Actor, values: dict[str, Any] | None = None
) -> dict[str, Any]:
    data = {f: to_json(values[f] if values is not None else getattr(obj, f)) for f in fields}
    return {
        "change_id": new_id(),
        "table_name": type(obj).__tablename__ if values is None else values["__table__"],
        "row_id": obj.id if values is None else values["id"],
        "op": op,
        "data": data,
        "hlc": obj.hlc if values is None else values["hlc"],
        "device_id": actor.device_id,
        "user_id": actor.user_id,
        "created_at": utcnow(),
    }


def _apply_python_defaults(obj: Synced) -> None:
    # Column defaults normally fire during INSERT; the change record needs them before that.
    for col in inspect(type(obj)).columns:
        attr = inspect(type(obj)).get_property_by_column(col).key
        if getattr(obj, attr) is None and col.default is not None and col.default.is_scalar:
            setattr(obj, attr, col.default.arg)
        elif getattr(obj, attr) is None and col.default is not None and col.default.is_callable:
            setattr(obj, attr, col.default.arg(None))  # type: ignore[operator]


def _stamp(obj: Synced, actor: Actor, now: dt.datetime, new: bool) -> None:
    obj.hlc = actor.clock.now()
    obj.updated_at = now
    obj.updated_by = actor.user_id
    if new:
        obj.origin = actor.device_id
        if obj.created_at is None:
            obj.created_at = now


def _changed_fields(obj: Synced) -> list[str]:
    state = inspect(obj)
    skip = type(obj).sync_exclude | Synced.BOOKKEEPING
    return [
        a.key for a in state.attrs if a.key not in skip and a.history.has_changes()
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
        pending: list[tuple[Synced, str, list[str]]] = []
        now = utcnow()
        for obj in session.new:
            if isinstance(obj, Synced):
                if actor is None:
                    raise RuntimeError("a synced row was written outside a unit of work")
                if obj.id is None:
                    obj.id = new_id()
                _apply_python_defaults(obj)
                _stamp(obj, actor, now, new=True)
                pending.append((obj, "insert", synced_columns(type(obj))))
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
            _stamp(obj, actor, now, new=False)
            pending.append((obj, "delete" if tomb else "update", [*fields, "updated_at", "updated_by"]))
        session.info.setdefault("_pending_changes", []).extend(pending)

    @event.listens_for(session_factory, "after_flush")
    def after_flush(session: Session, flush_context: UOWTransaction) -> None:
        pending = session.info.pop("_pending_changes", [])
        if not pending:
            return
        actor = actor_of(session)
        assert actor is not None
        rows = [change_row(obj, op, fields, actor) for obj, op, fields in pending]
        session.connection().execute(insert(ChangeRecord), rows)
        for hook in session.info.get("after_capture", ()):
            hook(session, pending)
