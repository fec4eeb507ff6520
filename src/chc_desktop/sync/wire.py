"""The sync protocol's messages as JSON, one codec for the workstation's client and the hub server.

orjson writes and reads the bodies: a first sync moves a district's rows through here, and it is
several times faster than the standard library at both ends.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import orjson

from chc_desktop.sync.protocol import (
    ChangeIn,
    Cursor,
    DeviceInfo,
    PullBatch,
    PushResult,
    Rejection,
    RowState,
)

API = "/v2"


def dumps(value: Any) -> bytes:
    return orjson.dumps(value)


def loads(body: bytes) -> Any:
    return orjson.loads(body)


def change_out(c: ChangeIn) -> dict[str, Any]:
    return {
        "change_id": c.change_id,
        "table": c.table,
        "row_id": c.row_id,
        "op": c.op,
        "data": c.data,
        "hlc": c.hlc,
        "base": c.base,
        "user_id": c.user_id,
        "created_at": c.created_at.astimezone(dt.UTC),
    }


def state_out(s: RowState) -> list[Any]:
    """A pulled row as a short list (a first sync sends a million of them)."""
    return [s.table, s.row_id, s.data, s.clocks, s.hlc, s.seq]


def state_in(item: list[Any]) -> RowState:
    table, row_id, data, clocks, hlc, seq = item
    return RowState(table, uuid.UUID(row_id), data, clocks, hlc, int(seq))


def batch_out(b: PullBatch) -> dict[str, Any]:
    return {"rows": [state_out(s) for s in b.rows], "cursor": str(b.cursor), "more": b.more}


def batch_in(body: dict[str, Any]) -> PullBatch:
    return PullBatch([state_in(r) for r in body["rows"]], Cursor.parse(body["cursor"]), bool(body["more"]))


def push_out(r: PushResult) -> dict[str, Any]:
    return {
        "accepted": {str(k): v for k, v in r.accepted.items()},
        "rejected": [{"change_id": x.change_id, "code": x.code, "reason": x.reason} for x in r.rejected],
        "conflicts": r.conflicts,
    }


def push_in(body: dict[str, Any]) -> PushResult:
    return PushResult(
        {uuid.UUID(k): int(v) for k, v in body["accepted"].items()},
        [Rejection(uuid.UUID(x["change_id"]), x["code"], x["reason"]) for x in body["rejected"]],
        int(body["conflicts"]),
    )


def device_out(d: DeviceInfo) -> dict[str, Any]:
    return {
        "device_id": d.device_id,
        "name": d.name,
        "site_id": d.site_id,
        "street_id": d.street_id,
        "centre_id": d.centre_id,
    }


def device_in(body: dict[str, Any]) -> DeviceInfo:
    def opt(key: str) -> uuid.UUID | None:
        return uuid.UUID(body[key]) if body.get(key) else None

    return DeviceInfo(
        uuid.UUID(body["device_id"]),
        body["name"],
        uuid.UUID(body["site_id"]),
        opt("street_id"),
        opt("centre_id"),
    )
