"""What device and hub exchange: versions, changes, row states, results and refusals.

Messages hold user values only inside ``data``; every message text is free of personal values,
so it may be shown, logged and stored.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

PROTOCOL_VERSION = 2
NIL = uuid.UUID(int=0)
HUB_SCHEMA_VERSION = 2


class SyncError(Exception):
    """A sync that could not finish; the message is for the user and holds no personal values."""


class HubUnreachable(SyncError):
    """The hub could not be reached, or went away mid-sync. Nothing local was lost."""


class HubRefused(SyncError):
    """The hub refused this device: unknown, revoked, wrong credential, or a version mismatch."""


class HubRejected(SyncError):
    """The hub refused one request as malformed or not allowed (the message says why)."""


class SyncCancelled(SyncError):
    """The user stopped the sync; everything up to the last finished batch is kept."""


class SyncBusy(SyncError):
    """Another sync of this device is running (in this program or another)."""


@dataclass(frozen=True)
class ChangeIn:
    """One change record as pushed: a device's insert, update or tombstone of one row."""

    change_id: uuid.UUID
    table: str
    row_id: uuid.UUID
    op: str  # insert | update | delete
    data: dict[str, Any]
    hlc: str
    base: dict[str, str] | None
    user_id: uuid.UUID | None
    created_at: dt.datetime


@dataclass(frozen=True)
class Rejection:
    change_id: uuid.UUID
    code: str  # validation | missing_parent | missing_row | permission | duplicate | unknown
    reason: str


@dataclass
class PushResult:
    accepted: dict[uuid.UUID, int] = field(default_factory=dict)  # change id -> hub seq
    rejected: list[Rejection] = field(default_factory=list)
    conflicts: int = 0


@dataclass(frozen=True)
class RowState:
    """A row as the hub holds it after merging: every synced field with its clock."""

    table: str
    row_id: uuid.UUID
    data: dict[str, Any]
    clocks: dict[str, str] | None
    hlc: str
    seq: int


@dataclass(frozen=True)
class Cursor:
    """Where a device's pull stands: rows are ordered by (last change seq, row id)."""

    seq: int = 0
    row_id: uuid.UUID = NIL

    def __str__(self) -> str:
        return f"{self.seq}:{self.row_id.hex}"

    @classmethod
    def parse(cls, text: str | None) -> Cursor:
        if not text:
            return cls()
        seq, row = text.split(":")
        return cls(int(seq), uuid.UUID(row))


@dataclass(frozen=True)
class PullBatch:
    rows: list[RowState]
    cursor: Cursor
    more: bool
    # Rows that arrived malformed, kept aside instead of applied: (row id as sent, why).
    bad: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class DeviceInfo:
    """An enrolled workstation as the hub records it: its site, and the street and centre the hub
    derives from that site (its scope)."""

    device_id: uuid.UUID
    name: str
    site_id: uuid.UUID
    street_id: uuid.UUID | None
    centre_id: uuid.UUID | None = None
