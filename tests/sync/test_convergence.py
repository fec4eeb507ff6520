"""Several devices edit offline at random and sync in random orders: all converge, and every value
anyone typed is current, kept in a conflict record, or was replaced by someone who had seen it."""

from __future__ import annotations

import contextlib
import json
import uuid
from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from chc_desktop.hub import schema as H
from chc_desktop.services.errors import ServiceError
from chc_desktop.store import digest
from chc_desktop.store.capture import synced_columns, to_json
from chc_desktop.store.models import SyncConflict
from chc_desktop.sync.tables import MODELS
from tests.services.helpers import draft, id_number
from tests.sync.conftest import Device, HubServer, make_device, prepare_hub

FIELDS = ("phone", "work_unit", "current_address", "contact_name")
VALUES = {
    "phone": ("13900000001", "13900000002", "13900000003"),
    "work_unit": ("长宁区图书馆", "天山中学", "华东医院"),
    "current_address": ("仙霞路 1 号", "仙霞路 2 号", "仙霞路 3 号"),
    "contact_name": ("李一", "李二", "李三"),
}

edit = st.tuples(
    st.just("edit"),
    st.integers(0, 2),
    st.integers(0, 1),
    st.sampled_from(FIELDS),
    st.integers(0, 2),
)
sync = st.tuples(st.just("sync"), st.integers(0, 2))
household = st.tuples(st.sampled_from(["join", "leave"]), st.integers(0, 2), st.integers(0, 1))
new_file = st.tuples(st.just("file"), st.integers(0, 2))
ops = st.lists(st.one_of(edit, edit, sync, household, new_file), min_size=4, max_size=25)


def _state(d: Device) -> dict[str, dict[uuid.UUID, tuple[object, ...]]]:
    out = {}
    with d.db.engine.connect() as conn:
        for model in MODELS:
            t = model.__table__  # type: ignore[attr-defined]
            cols = [
                c
                for c in t.columns
                if c.key not in ("clocks", "created_at", "updated_at", "updated_by", "origin")
            ]
            out[model.__tablename__] = {r[0]: tuple(r[1:]) for r in conn.execute(select(t.c.id, *cols))}
    return out


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=ops)
def test_devices_converge_and_nothing_typed_is_lost(tmp_path_factory, hub: HubServer, demo_hash, ops) -> None:  # type: ignore[no-untyped-def]
    tmp = tmp_path_factory.mktemp("conv")
    prepare_hub(hub.database_url, demo_hash)  # a fresh hub database under the running server
    devs = [make_device(tmp, hub, f"d{i}") for i in (0, 1, 2)]
    s0 = devs[0].as_user()
    residents = [
        s0.residents.file(draft(s0, name=n, id_number=id_number(seq=q))).id
        for n, q in (("甲一", "101"), ("乙二", "202"))
    ]
    for d in devs:
        d.sync()
    sessions = [d.as_user() for d in devs]
    filed = 0
    try:
        for op in ops:
            kind, dev = op[0], op[1]
            s = sessions[dev]
            if kind == "sync":
                devs[dev].sync()
            elif kind == "edit":
                _, _, r, f, v = op
                current = s.residents.get(residents[r], audit=False).draft
                s.residents.update(residents[r], replace(current, **{f: VALUES[f][v]}))
            elif kind == "join":
                # Refused as a person would be, e.g. when the household already has a head.
                with contextlib.suppress(ServiceError):
                    s.residents.join_household(residents[op[2]], "02", None)
            elif kind == "leave":
                s.residents.leave_household(residents[op[2]])
            elif kind == "file":
                filed += 1
                s.residents.file(
                    draft(
                        s,
                        name="丙" + "一二三四五六七八九十"[filed % 10],
                        id_number=id_number(seq=f"{300 + filed + 10 * dev}"),
                    )
                )
        for _ in range(2):
            for d in devs:
                report = d.sync()
                assert not report.disagreements and not report.rejected
        states = [_state(d) for d in devs]
        for d in devs:
            _assert_digests_match_the_rows(d)
        assert states[0] == states[1] == states[2]
        _assert_nothing_lost(hub.database_url, devs[0])
    finally:
        for d in devs:
            d.db.close()


def _assert_nothing_lost(url: str, d: Device) -> None:
    """Each value pushed is current, kept in a conflict record, or was replaced by an edit made over
    that same value (a person saw it — possibly typed identically at another station — and changed it)."""
    engine = H.hub_engine(url)
    with engine.connect() as conn:
        changes = conn.execute(
            select(H.CHANGES.c.row_id, H.CHANGES.c.data, H.CHANGES.c.hlc, H.CHANGES.c.base)
        ).all()
    engine.dispose()
    value_at = {(row_id, f, hlc): json.dumps(v) for row_id, data, hlc, _ in changes for f, v in data.items()}
    replaced = {
        (row_id, f, value_at.get((row_id, f, stamp)))
        for row_id, _data, _hlc, base in changes
        for f, stamp in (base or {}).items()
    }
    with d.db.reader() as s:
        kept = {
            (c.row_id, c.field, json.dumps(v))
            for c in s.scalars(select(SyncConflict))
            for v in (c.winner_value, c.loser_value)
        }
        for row_id, data, hlc, _ in changes:
            for model in MODELS:
                obj = s.get(model, row_id)
                if obj is not None:
                    break
            assert obj is not None
            for f, value in data.items():
                typed = (row_id, f, json.dumps(value))
                current = to_json(getattr(obj, f)) == value
                assert current or typed in kept or typed in replaced, (
                    f"value of {model.__tablename__}.{f} stamped {hlc} was lost"
                )


def _assert_digests_match_the_rows(d: Device) -> None:
    """The trigger-kept sums equal a count and hash of every row, computed afresh."""
    with d.db.engine.connect() as conn:
        kept = digest.read(conn)
        fresh = {}
    with d.db.reader() as s:
        for model in MODELS:
            fields = synced_columns(model)
            rows = [
                digest.content_hash(
                    o.id, o.hlc, model.__tablename__, {f: to_json(getattr(o, f)) for f in fields}
                )
                for o in s.scalars(select(model))
            ]
            if rows:
                fresh[model.__tablename__] = (len(rows), sum(rows))
    assert kept == fresh
