"""The device's per-field merge takes a shortcut for the common pull (one field edited in many rows,
or the device's own change coming back); these properties hold it to the plain rule: a field takes
the incoming value exactly when its incoming clock is newer and it has no unsent local change."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from chc_desktop.store import digest
from chc_desktop.store.capture import field_clock
from chc_desktop.sync.device import DeviceSync
from chc_desktop.sync.protocol import RowState
from chc_desktop.sync.tables import specs

SPEC = specs()["residents"]
FIELDS = list(SPEC.fields[:6])
stamps = st.integers(min_value=1, max_value=9).map(lambda n: f"17966731{n:05d}.00000.0000000000000000")
clock_maps = st.none() | st.dictionaries(st.sampled_from(["", *FIELDS]), stamps, max_size=5)


def plain_merge(
    s: RowState, local_hlc: str, local_clocks: dict[str, Any] | None, unsent: set[str]
) -> set[str]:
    return {
        f
        for f in SPEC.fields
        if f not in unsent and field_clock(s.clocks, s.hlc, f) > field_clock(local_clocks, local_hlc, f)
    }


@settings(max_examples=400, deadline=None)
@given(
    their_hlc=stamps,
    theirs=clock_maps,
    our_hlc=stamps,
    ours=clock_maps,
    unsent=st.sets(st.sampled_from(FIELDS), max_size=2),
)
def test_the_merge_takes_exactly_the_newer_fields(
    their_hlc: str, theirs: dict[str, Any] | None, our_hlc: str, ours: dict[str, Any] | None, unsent: set[str]
) -> None:
    s = RowState("residents", uuid.uuid4(), {f: None for f in SPEC.fields}, theirs, their_hlc, 1)
    merged = DeviceSync._merge(None, SPEC, s, our_hlc, ours, unsent)  # type: ignore[arg-type]
    taken = set(merged) - {"clocks", "hlc", "updated_at"}
    assert taken == plain_merge(s, our_hlc, ours, unsent)
    for f in taken:
        assert merged["clocks"][f] == field_clock(theirs, their_hlc, f)


@given(st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)), st.uuids())
def test_stored_times_and_ids_read_back_as_json_writes_them(when: dt.datetime, ident: uuid.UUID) -> None:
    stored = when.strftime("%Y-%m-%d %H:%M:%S.%f")  # how SQLite holds a UTC column
    assert digest._utc_text(stored) == when.replace(tzinfo=dt.UTC).isoformat()
    assert digest._uuid_text(ident.hex) == str(ident)
