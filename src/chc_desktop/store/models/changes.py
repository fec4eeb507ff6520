"""The change log that sync pushes, and this device's local key/value facts. Neither syncs itself."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from chc_desktop.store.base import Base, utcnow


class ChangeRecord(Base):
    """One insert, update or tombstone of one synced row, written in the same transaction."""

    __tablename__ = "change_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    change_id: Mapped[uuid.UUID]  # unique by construction (uuid7); the hub enforces it
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[uuid.UUID] = mapped_column(index=True)
    op: Mapped[str] = mapped_column(String(8))  # insert | update | delete (tombstone)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)  # changed fields -> JSON-safe values
    hlc: Mapped[str] = mapped_column(String(64))  # the newest is the last seq's: stamps are monotonic
    device_id: Mapped[uuid.UUID]
    user_id: Mapped[uuid.UUID | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # Per changed field, the stamp of the value this edit replaced (None for inserts): the hub's
    # conflict test.
    base: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    # pending: waiting to be sent | sent: the hub has it (pushed_seq) | rejected: quarantined with
    # a reason | resent: replaced by a fresh change after the record was fixed
    status: Mapped[str] = mapped_column(String(10), default="pending", server_default="pending", index=True)
    # Set by sync when the hub has acknowledged the change (hub sequence number).
    pushed_seq: Mapped[int | None] = mapped_column(default=None)
    reject_code: Mapped[str | None] = mapped_column(String(40), default=None)
    reject_reason: Mapped[str | None] = mapped_column(String(400), default=None)  # no personal values


class LocalMeta(Base):
    """Facts about this database on this device: device id, profile, first-run state."""

    __tablename__ = "local_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(400))
