"""A first sync's second process: it checks every row of each fetched batch and works out what
the inserting process needs beyond the rows themselves — each row's content hash (its
share of the table's digest, as the row will be stored) and each resident's search keys (pinyin).
The main process reads the same answer again (orjson: a fraction of the work), then only merges
and inserts. On a two-core workstation both cores work, and nothing is sent between the
processes but the hub's own bytes and a few numbers per row.

A thread of the main process fetches the batches ahead (the hub names the next cursor in its
answer's headers), so the hub, this process and the inserts all work at once.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from chc_desktop.store.digest import content_hash
from chc_desktop.store.search_index import IndexedResident, all_keys
from chc_desktop.sync import wire
from chc_desktop.sync.protocol import Cursor, HubUnreachable, PullBatch, RowState
from chc_desktop.sync.tables import TableSpec, pulled_problem, specs


@dataclass(frozen=True)
class Prepared:
    """One batch as fetched and checked by the worker."""

    body: bytes  # the hub's answer as it came (JSON)
    cursor: Cursor
    more: bool
    good: list[int]  # positions of the rows fit to store, in the answer's order
    hashes: list[int]  # per good row: its content hash as it will be stored
    keys: dict[int, list[tuple[str, int]]]  # per good residents row: its search keys
    bad: list[tuple[str, str, str]] = field(default_factory=list)  # table, row id, why

    def batch(self) -> tuple[PullBatch, dict[uuid.UUID, int], dict[uuid.UUID, list[tuple[str, int]]]]:
        """The good rows (read again here: the worker already checked them), with each one's hash
        and, for residents, search keys by row id."""
        items = wire.loads(self.body)["rows"]
        rows: list[RowState] = []
        hashes: dict[uuid.UUID, int] = {}
        keys: dict[uuid.UUID, list[tuple[str, int]]] = {}
        for n, i in enumerate(self.good):
            table, row_id, data, clocks, hlc, seq = items[i]
            state = RowState(table, uuid.UUID(row_id), data, clocks, hlc, seq)
            rows.append(state)
            hashes[state.row_id] = self.hashes[n]
            if i in self.keys:
                keys[state.row_id] = self.keys[i]
        return PullBatch(rows, self.cursor, self.more), hashes, keys


def stored_values(spec: TableSpec, data: dict[str, Any]) -> dict[str, Any]:
    """A new row's synced values as the digest reads them back: a left-out field holds its
    column's default."""
    values = {k: v for k, v in data.items() if v is not None}
    return {**spec.defaults, **values} if spec.defaults else values


def prepare(body: bytes, cursor: Cursor, more: bool) -> Prepared:
    """One fetched batch, checked, hashed and with its residents' search keys (runs in the second
    process; the hub's answer is read here first)."""
    try:
        items = wire.loads(body)["rows"]
        if not isinstance(items, list):
            raise TypeError
    except (KeyError, ValueError, TypeError):
        raise HubUnreachable("中心服务器的回应格式不正确（/pull）。本机数据未受影响。") from None
    table_specs = specs()
    good: list[int] = []
    hashes: list[int] = []
    bad: list[tuple[str, str, str]] = []
    residents: list[tuple[int, IndexedResident]] = []
    for i, item in enumerate(items):
        try:
            s = wire.state_in(item)
        except (ValueError, TypeError) as exc:
            bad.append(("?", *wire.bad_item(item, exc)))
            continue
        problem = pulled_problem(s.table, s.data)
        if problem is not None:
            bad.append((s.table[:40], str(s.row_id), problem))
            continue
        good.append(i)
        hashes.append(content_hash(s.row_id, s.hlc, s.table, stored_values(table_specs[s.table], s.data)))
        if s.table == "residents":
            d: dict[str, Any] = s.data
            residents.append(
                (
                    i,
                    IndexedResident(
                        s.row_id, d["name"], d.get("id_number"), d.get("phone"), d.get("record_no")
                    ),
                )
            )
    keys = dict(zip((i for i, _ in residents), all_keys([r for _, r in residents]), strict=True))
    return Prepared(body, cursor, more, good, hashes, keys, bad)
