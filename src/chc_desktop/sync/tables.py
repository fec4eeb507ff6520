"""Which tables sync, how their JSON values turn back into column values, and how each row is
scoped to a street (the unit a device's scope is made of)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, String, Text, Uuid, inspect

from chc_desktop.store.base import Base, Synced, UtcDateTime
from chc_desktop.store.capture import synced_columns
from chc_desktop.store.models import (
    AuditEntry,
    HistoryEntry,
    Household,
    HouseholdMember,
    KeyPopulationTag,
    Resident,
    SerialLease,
    Setting,
    Site,
    StaffUser,
    SyncConflict,
)

# Parents before children: a batch is applied in this order.
MODELS: tuple[type[Synced], ...] = (
    Site,
    StaffUser,
    Setting,
    SerialLease,
    Resident,
    Household,
    HouseholdMember,
    HistoryEntry,
    KeyPopulationTag,
    AuditEntry,
    SyncConflict,
)

# Reference data every device holds whatever its scope.
GLOBAL_TABLES = frozenset({"sites", "staff_users", "settings", "serial_leases"})
# Rows that belong to a resident's file, by the column naming the resident.
RESIDENT_CHILD = {
    "history_entries": "resident_id",
    "household_members": "resident_id",
    "key_population_tags": "resident_id",
}


def _decoder(column: Any) -> Callable[[Any], Any] | None:
    t = column.type
    if isinstance(t, Uuid):
        return uuid.UUID
    if isinstance(t, UtcDateTime):
        return lambda v: dt.datetime.fromisoformat(v).astimezone(dt.UTC)
    if isinstance(t, Date):
        return dt.date.fromisoformat
    if isinstance(t, Boolean):
        return bool
    if isinstance(t, Integer):
        return int
    if isinstance(t, JSON):
        return None
    if isinstance(t, String | Text):
        return str
    return None


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: type[Synced]
    fields: tuple[str, ...]  # synced columns (user data and the tombstone)
    decoders: dict[str, Callable[[Any], Any] | None]
    required: frozenset[str]  # NOT NULL without a default: an insert must carry them
    lengths: dict[str, int]
    parents: dict[str, str]  # field -> table it references
    unique: tuple[str, ...]
    append_only: bool

    def decode(self, field: str, value: Any) -> Any:
        fn = self.decoders.get(field)
        return value if value is None or fn is None else fn(value)


@cache
def specs() -> dict[str, TableSpec]:
    out: dict[str, TableSpec] = {}
    for model in MODELS:
        assert issubclass(model, Base)
        mapper = inspect(model)
        fields = tuple(synced_columns(model))
        cols = {c.key: c for c in mapper.columns}
        required = frozenset(
            f for f in fields if not cols[f].nullable and cols[f].default is None and f != "deleted_at"
        )
        lengths: dict[str, int] = {}
        for f in fields:
            t = cols[f].type
            if isinstance(t, String) and t.length:
                lengths[f] = t.length
        parents = {
            f: next(iter(cols[f].foreign_keys)).column.table.name for f in fields if cols[f].foreign_keys
        }
        unique = tuple(f for f in fields if cols[f].unique)
        out[model.__tablename__] = TableSpec(
            model.__tablename__,
            model,
            fields,
            {f: _decoder(cols[f]) for f in fields},
            required,
            lengths,
            parents,
            unique,
            model.append_only,
        )
    return out


def row_hlc(clocks: dict[str, Any] | None, hlc: str) -> str:
    """A row's stamp is its newest field stamp: both sides compute it alike after a merge."""
    return max(str(v) for v in clocks.values()) if clocks else hlc
