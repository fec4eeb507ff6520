"""The first stage of a first sync, run in a second process: fetch a batch from the hub, and turn
its rows into the tuples SQLite stores and its residents into search keys, while the first process
writes the previous batch."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from chc_desktop.store import search_index
from chc_desktop.sync.hub import Hub
from chc_desktop.sync.hub_schema import hub_engine
from chc_desktop.sync.protocol import Cursor, DeviceInfo, PullBatch
from chc_desktop.sync.tables import encode_new, encoder, specs

_hubs: dict[str, Hub] = {}


@dataclass
class Prepared:
    batch: PullBatch
    encoded: dict[uuid.UUID, tuple[Any, ...]] = field(default_factory=dict)  # as a new row
    keys: dict[uuid.UUID, list[tuple[str, int]]] = field(default_factory=dict)  # residents' search keys


def fetch(url: str, info: DeviceInfo, cursor: Cursor, limit: int) -> Prepared:
    hub = _hubs.get(url)
    if hub is None:
        hub = _hubs[url] = Hub(hub_engine(url))
    batch = hub.pull(info, cursor, limit)
    prepared = Prepared(batch)
    by_table = specs()
    residents = by_table["residents"]
    for s in batch.rows:
        spec = by_table[s.table]
        row = encode_new(spec, s.data, s.row_id, s.hlc, s.clocks)
        prepared.encoded[s.row_id] = row
        if spec is residents:
            [prepared.keys[s.row_id]] = search_index.all_keys([encoder(spec).indexed(row)])
    return prepared
