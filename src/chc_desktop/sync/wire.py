"""The sync protocol's messages as JSON, one codec for the workstation's client and the hub server.

orjson writes and reads the bodies: a first sync moves a district's rows through here, and it is
several times faster than the standard library at both ends.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import orjson

from chc_desktop.store.hlc import check_stamp
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
CURSOR_HEADER = "X-CHC-Cursor"  # a pull's next cursor and whether more follows, also as headers
MORE_HEADER = "X-CHC-More"
SNAPSHOT_SHA_HEADER = "X-CHC-Snapshot-SHA256"  # of a snapshot as sent (compressed)


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


def state_in(item: Any) -> RowState:
    """A pulled row, its shape checked: a malformed one raises ValueError (never crashes later)."""
    if not isinstance(item, list) or len(item) != 6:
        raise ValueError("不是一条记录")
    table, row_id, data, clocks, hlc, seq = item
    if not isinstance(table, str) or not isinstance(data, dict) or not isinstance(hlc, str):
        raise ValueError("记录格式不正确")
    if clocks is not None and not (isinstance(clocks, dict) and all(isinstance(k, str) for k in clocks)):
        raise ValueError("字段时间戳格式不正确")
    if not isinstance(seq, int) or isinstance(seq, bool):
        raise ValueError("序号格式不正确")
    check_stamp(hlc)
    for stamp in (clocks or {}).values():
        check_stamp(stamp)
    return RowState(table, uuid.UUID(str(row_id)), data, clocks, hlc, seq)


def rows_in(items: Any) -> tuple[list[RowState], list[tuple[str, str]]]:
    """Pulled rows, and those that arrived malformed with why (kept aside, not applied)."""
    if not isinstance(items, list):
        raise ValueError("回应中没有记录列表")
    good: list[RowState] = []
    bad: list[tuple[str, str]] = []
    for item in items:
        try:
            good.append(state_in(item))
        except (ValueError, TypeError) as exc:
            bad.append(bad_item(item, exc))
    return good, bad


def bad_item(item: Any, exc: Exception) -> tuple[str, str]:
    """A malformed pulled row as reported: its id as sent (if any), and why."""
    label = str(item[1])[:40] if isinstance(item, list) and len(item) > 1 else "?"
    return label, str(exc)[:100] if isinstance(exc, ValueError) else "记录格式不正确"


def batch_in(body: dict[str, Any]) -> PullBatch:
    rows, bad = rows_in(body["rows"])
    return PullBatch(rows, Cursor.parse(body["cursor"]), bool(body["more"]), bad)


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
