"""Which tables sync, how their JSON values turn back into column values, and how each row is
scoped to a street (the unit a device's scope is made of)."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Integer, String, Text, Uuid, inspect

from chc_desktop.store.base import Base, Synced, UtcDateTime
from chc_desktop.store.capture import synced_columns, to_json
from chc_desktop.store.database import dump_json
from chc_desktop.store.models import (
    AuditEntry,
    BedVisit,
    Consultation,
    Contract,
    HistoryEntry,
    HomeBed,
    HomeHospice,
    HospiceAssessment,
    Household,
    HouseholdMember,
    KeyPopulationTag,
    Referral,
    ReferralStep,
    Resident,
    SerialLease,
    ServicePackage,
    Setting,
    Site,
    StaffUser,
    SyncConflict,
    Team,
    TeamMember,
)

# Parents before children: a batch is applied in this order.
MODELS: tuple[type[Synced], ...] = (
    Site,
    StaffUser,
    Setting,
    SerialLease,
    ServicePackage,
    Team,
    TeamMember,
    Resident,
    Household,
    HouseholdMember,
    HistoryEntry,
    KeyPopulationTag,
    Contract,
    HospiceAssessment,
    Consultation,
    HomeHospice,
    Referral,
    ReferralStep,
    HomeBed,
    BedVisit,
    AuditEntry,
    SyncConflict,
)

# Reference data every device holds whatever its scope.
GLOBAL_TABLES = frozenset(
    {"sites", "staff_users", "settings", "serial_leases", "service_packages", "teams", "team_members"}
)
# Rows that belong to a resident's file, by the column naming the resident.
RESIDENT_CHILD = {
    "history_entries": "resident_id",
    "household_members": "resident_id",
    "key_population_tags": "resident_id",
    "contracts": "resident_id",
    "hospice_assessments": "resident_id",
    "consultations": "resident_id",
    "home_hospice": "resident_id",
    "referrals": "resident_id",
    "referral_steps": "resident_id",
    "home_beds": "resident_id",
    "bed_visits": "resident_id",
}


def _kind(column: Any) -> str:
    t = column.type
    for kind, types in (
        ("uuid", Uuid),
        ("datetime", UtcDateTime),
        ("date", Date),
        ("bool", Boolean),
        ("int", Integer),
        ("json", JSON),
        ("str", (String, Text)),
    ):
        if isinstance(t, types):
            return kind
    return "json"


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
    defaults: dict[str, Any]  # what an insert that leaves a field out stores (JSON form)
    kinds: dict[str, str]  # uuid | datetime | date | bool | int | json | str

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
        defaults: dict[str, Any] = {}
        for f in fields:
            default: Any = cols[f].default
            if default is not None and default.is_scalar:
                defaults[f] = to_json(default.arg)
            elif default is not None and default.is_callable:
                defaults[f] = to_json(default.arg(None))
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
            defaults,
            {f: _kind(cols[f]) for f in fields},
        )
    return out


class BadValue(ValueError):
    """A value that is not what its column holds; the message names the field, never the value."""


_UUID_FORM = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _uuid_check(value: str) -> None:
    if _UUID_FORM.fullmatch(value) is None:
        uuid.UUID(value)  # another form uuid.UUID reads, or ValueError


# Per kind: the exact JSON type it arrives as (True is no integer) and what proves its format.
_SHAPES: dict[str, tuple[type | None, Callable[[Any], Any] | None]] = {
    "uuid": (str, _uuid_check),
    "datetime": (str, dt.datetime.fromisoformat),
    "date": (str, dt.date.fromisoformat),
    "str": (str, None),
    "bool": (bool, None),
    "int": (int, None),
    "json": (None, None),
}


@cache
def _shape_checks(table: str) -> dict[str, tuple[type | None, Callable[[Any], Any] | None, int]]:
    spec = specs()[table]
    return {f: (*_SHAPES[spec.kinds[f]], spec.lengths.get(f, 0)) for f in spec.fields}


def check_values_shape(spec: TableSpec, data: dict[str, Any]) -> None:
    """Every field is one of the table's synced columns and has its column's type and length —
    checked by the hub on what it is sent and by the device on what it pulls (a million rows on a
    first sync: one lookup per field)."""
    checks = _shape_checks(spec.name)
    for f, value in data.items():
        check = checks.get(f)
        if check is None:
            unknown = sorted(set(data) - set(spec.fields))
            raise BadValue(f"{spec.name} 没有字段 {', '.join(unknown)[:100]}")
        if value is None:
            continue
        kind, proof, limit = check
        if kind is not None and type(value) is not kind:
            raise BadValue(f"字段 {f} 的值类型不正确")
        if proof is not None:
            try:
                proof(value)
            except (ValueError, TypeError, OverflowError):
                raise BadValue(f"字段 {f} 的值格式不正确") from None
        if limit and len(value) > limit:
            raise BadValue(f"字段 {f} 超过 {limit} 个字符")


def pulled_problem(table: str, data: dict[str, Any]) -> str | None:
    """Why a pulled row cannot be stored on this device (unknown table, a value of the wrong shape,
    a required field missing), or None."""
    spec = specs().get(table)
    if spec is None:
        return "未知的数据表"
    try:
        check_values_shape(spec, data)
    except BadValue as exc:
        return str(exc)
    missing = [f for f in spec.required if data.get(f) is None]
    return f"缺少必填字段 {', '.join(sorted(missing))}" if missing else None


def row_hlc(clocks: dict[str, Any] | None, hlc: str) -> str:
    """A row's stamp is its newest field stamp: both sides compute it alike after a merge."""
    return max(str(v) for v in clocks.values()) if clocks else hlc


class RowEncoder:
    """Turns a hub row (JSON values) straight into the values SQLite stores, for the bulk insert of
    a first sync: the same text SQLAlchemy's own bind processors write, without building Python
    objects in between."""

    def __init__(self, spec: TableSpec) -> None:
        table = spec.model.__table__  # type: ignore[attr-defined]
        self.columns = [c.key for c in table.columns]
        self.sql = (
            f'INSERT INTO "{table.name}" ('
            + ", ".join(f'"{c.name}"' for c in table.columns)
            + ") VALUES ("
            + ", ".join("?" for _ in table.columns)
            + ")"
        )
        self.encoders: list[Callable[[Any], Any] | None] = []
        self.defaults: list[Any] = []
        for c in table.columns:
            t = c.type
            enc: Callable[[Any], Any] | None
            if isinstance(t, Uuid):
                enc = _uuid_hex
            elif isinstance(t, JSON):
                enc = dump_json
            elif isinstance(t, Boolean):
                enc = int
            elif isinstance(t, UtcDateTime):
                enc = datetime_text
            else:
                enc = None  # text, numbers and ISO dates are stored as JSON carries them
            self.encoders.append(enc)
            default = c.default
            value = None
            if default is not None and default.is_scalar:
                value = default.arg
            elif default is not None and default.is_callable and c.key in spec.fields:
                value = default.arg(None)
            self.defaults.append(None if value is None else (enc(value) if enc else value))
        self.index = {k: self.columns.index(k) for k in self.columns}
        self.row = self._compile()

    def _compile(self) -> Callable[..., tuple[Any, ...]]:
        """One straight-line function per table: a first sync encodes a million rows, and a loop
        over columns with a lookup per value cost a third of it. ``first`` and ``hlc`` are the
        row's first and latest stamps (checked stamps: the device id is the text after the second
        dot)."""
        env: dict[str, Any] = {"dump_json": dump_json, "stamp_text": _stamp_text}
        parts: list[str] = []
        for i, key in enumerate(self.columns):
            enc, default = self.encoders[i], self.defaults[i]
            env[f"e{i}"], env[f"d{i}"] = enc, default
            if key == "id":
                parts.append("row_id.hex")
            elif key == "hlc":
                parts.append("hlc")
            elif key == "clocks":
                parts.append("dump_json(clocks) if clocks else None")
            elif key in ("created_at", "updated_at"):
                parts.append(f"stamp_text({'first' if key == 'created_at' else 'hlc'}[:13])")
            elif key == "updated_by":
                parts.append("None")
            elif key == "origin":
                parts.append("first[20:]")
            else:
                encoded = f"e{i}(v)" if enc else "v"
                parts.append(f"(d{i} if (v := g({key!r})) is None else {encoded})")
        body = ",\n        ".join(parts)
        source = (
            "def row(data, row_id, hlc, clocks, first):\n"
            "    g = data.get\n"
            f"    return (\n        {body},\n    )\n"
        )
        # The source is built from our own table definitions only, never from data.
        exec(compile(source, f"<row encoder {self.sql[:40]}>", "exec"), env)
        return env["row"]  # type: ignore[no-any-return]

    def indexed(self, row: tuple[Any, ...]) -> Any:
        """The search-index entry of an encoded residents row."""
        from chc_desktop.store.search_index import IndexedResident

        i = self.index
        return IndexedResident(
            uuid.UUID(row[i["id"]]), row[i["name"]], row[i["id_number"]], row[i["phone"]], row[i["record_no"]]
        )


def _uuid_hex(value: Any) -> str:
    text = str(value)
    return text.replace("-", "") if len(text) == 36 else uuid.UUID(text).hex


def datetime_text(value: Any) -> str:
    """A UTC time as SQLAlchemy stores it in SQLite (naive UTC, microseconds always written), from
    an aware datetime or its ISO text (the wire's form)."""
    if isinstance(value, str):
        if len(value) == 32 and value.endswith("+00:00") and value[10] == "T":  # the usual form
            return f"{value[:10]} {value[11:26]}"
        if len(value) == 25 and value.endswith("+00:00") and value[10] == "T":
            return f"{value[:10]} {value[11:19]}.000000"
        value = dt.datetime.fromisoformat(value)
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
    moment: dt.datetime = value.astimezone(dt.UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


@lru_cache(maxsize=4096)  # rows of one bulk load share their milliseconds
def _stamp_text(millis: str) -> str:
    """The stored time of a stamp's milliseconds (the row's created_at or updated_at)."""
    return datetime_text(dt.datetime.fromtimestamp(int(millis) / 1000, dt.UTC))


_encoders: dict[str, RowEncoder] = {}


def encoder(spec: TableSpec) -> RowEncoder:
    if spec.name not in _encoders:
        _encoders[spec.name] = RowEncoder(spec)
    return _encoders[spec.name]
