"""Declarative base, column types and the columns every synced table carries (DESIGN.md, Data)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import JSON, DateTime, MetaData, String, TypeDecorator, Uuid
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from chc_desktop.store.ids import new_id

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out; SQLite stores naive text, so we normalise."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {  # noqa: RUF012  (SQLAlchemy reads it as a class attribute)
        uuid.UUID: Uuid(),
        dt.datetime: UtcDateTime(),
        dict[str, Any]: JSON(),
        list[str]: JSON(),
    }


class Synced:
    """Mixin for tables that sync: device-made id, UTC times, author, origin, HLC stamp, tombstone.

    Rows are never hard-deleted; ``deleted_at`` marks a tombstone. ``sync_exclude`` names columns
    that stay on this device (e.g. login-failure counters).
    """

    if TYPE_CHECKING:
        __tablename__: str

    sync_exclude: ClassVar[frozenset[str]] = frozenset()
    # Append-only tables (audit, visits) are only ever inserted; sync needs no merge for them.
    append_only: ClassVar[bool] = False

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[uuid.UUID | None] = mapped_column(default=None)
    origin: Mapped[uuid.UUID | None] = mapped_column(default=None)
    hlc: Mapped[str] = mapped_column(String(64), default="")
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    # Per-field clocks for the merge (sync/merge.py): None while every field carries the row's
    # insert stamp (``hlc``); after an update, {"": insert stamp, field: stamp of its last change}.
    clocks: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)

    # Bookkeeping columns are written by change capture, never merged as user data.
    BOOKKEEPING: ClassVar[frozenset[str]] = frozenset(
        {"id", "created_at", "updated_at", "updated_by", "origin", "hlc", "clocks"}
    )
