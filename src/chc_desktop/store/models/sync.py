"""Sync bookkeeping: conflicts kept for a person to resolve (synced) and this device's sync runs."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from chc_desktop.store.base import Base, Synced


class SyncConflict(Synced, Base):
    """Two devices changed one field of one row without seeing each other's change.

    The hub writes it: the row keeps the winner by clock, the other value is kept here until a
    person chooses or types the result. Values may be personal: they stay in the databases.
    """

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_open", "resolved_at", "table_name", "row_id"),)

    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[uuid.UUID]
    field: Mapped[str] = mapped_column(String(40))
    winner_value: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)
    winner_hlc: Mapped[str] = mapped_column(String(64))
    winner_user: Mapped[uuid.UUID | None] = mapped_column(default=None)
    loser_value: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)
    loser_hlc: Mapped[str] = mapped_column(String(64))
    loser_user: Mapped[uuid.UUID | None] = mapped_column(default=None)
    detected_at: Mapped[dt.datetime]
    resolved_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    resolved_by: Mapped[uuid.UUID | None] = mapped_column(default=None)
    resolution: Mapped[Any] = mapped_column(JSON, nullable=True, default=None)


class SyncRun(Base):
    """One sync attempt on this device (local only): counts and a message, never personal values."""

    __tablename__ = "sync_runs"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    started_at: Mapped[dt.datetime]
    finished_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    outcome: Mapped[str] = mapped_column(String(12), default="running")  # ok | failed | refused | running
    pushed: Mapped[int] = mapped_column(default=0)
    pulled: Mapped[int] = mapped_column(default=0)
    rejected: Mapped[int] = mapped_column(default=0)
    conflicts: Mapped[int] = mapped_column(default=0)
    message: Mapped[str | None] = mapped_column(String(400), default=None)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)


class SyncDigest(Base):
    """Per synced table: row count and sum of row hashes, kept by triggers (store/digest.py)."""

    __tablename__ = "sync_digest"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    n: Mapped[int] = mapped_column(default=0)
    total: Mapped[int] = mapped_column(BigInteger, default=0)
