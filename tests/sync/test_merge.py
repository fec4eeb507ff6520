"""Two workstations of one centre editing the same files: merge, conflicts, unsent work."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from chc_desktop.store.models import ChangeRecord, SyncConflict
from chc_desktop.sync.device import SyncReport
from tests.services.helpers import draft
from tests.sync.conftest import Device


def _shared_resident(a: Device, b: Device) -> uuid.UUID:
    doc = a.as_user()
    filed = doc.residents.file(draft(doc))
    a.sync()
    b.sync()
    return filed.id


def test_edits_to_different_fields_merge_without_conflict(devices: list[Device]) -> None:
    a, b = devices
    rid = _shared_resident(a, b)
    da, db_ = a.as_user(), b.as_user()
    da.residents.update(rid, replace(da.residents.get(rid).draft, phone="13900001111"))
    db_.residents.update(rid, replace(db_.residents.get(rid).draft, work_unit="长宁区图书馆"))
    a.sync(), b.sync(), a.sync()
    for d in (a, b):
        got = d.as_user().residents.get(rid).draft
        assert (got.phone, got.work_unit) == ("13900001111", "长宁区图书馆")
        assert d.as_user().sync.conflicts() == []


def test_same_field_keeps_the_later_value_and_the_other_in_a_conflict(devices: list[Device]) -> None:
    a, b = devices
    rid = _shared_resident(a, b)
    da, db_ = a.as_user(), b.as_user()
    da.residents.update(rid, replace(da.residents.get(rid).draft, phone="13900001111"))
    db_.residents.update(rid, replace(db_.residents.get(rid).draft, phone="13900002222"))  # later clock
    a.sync()
    report = b.sync()
    assert report.conflicts == 1
    a.sync()
    for d in (a, b):
        s = d.as_user()
        assert s.residents.get(rid).draft.phone == "13900002222"
        [c] = s.sync.conflicts()
        assert (c.field, c.winner_value, c.loser_value) == ("phone", "13900002222", "13900001111")
        assert c.winner_user == c.loser_user == "王医生"  # who typed each value
        assert s.sync.flagged(rid) == 1
    # A person chooses the losing value on A; both devices end with it and the conflict closed.
    [c] = a.as_user().sync.conflicts()
    a.as_user().sync.resolve(c.id, c.loser_value)
    a.sync(), b.sync()
    for d in (a, b):
        s = d.as_user()
        assert s.residents.get(rid).draft.phone == "13900001111"
        assert s.sync.conflicts() == []
        assert [x.resolved for x in s.sync.conflicts(include_resolved=True)] == [True]


def test_a_pull_never_overwrites_an_unsent_local_change(devices: list[Device]) -> None:
    a, b = devices
    rid = _shared_resident(a, b)
    db_ = b.as_user()
    db_.residents.update(rid, replace(db_.residents.get(rid).draft, phone="13900002222"))
    b.sync()
    da = a.as_user()
    da.residents.update(rid, replace(da.residents.get(rid).draft, phone="13900001111", work_unit="甲"))
    sync = a.stepper()
    sync.pull(SyncReport())  # pull only: A's edit is still unsent
    assert a.as_user().residents.get(rid).draft.phone == "13900001111"
    with a.db.reader() as s:
        assert s.query(ChangeRecord).filter_by(status="pending").count() >= 1


def test_echoes_change_nothing(devices: list[Device]) -> None:
    a, b = devices
    _shared_resident(a, b)
    assert a.sync().pulled == 0  # its own rows came back unchanged
    assert b.sync().pulled == 0


def test_same_id_number_filed_at_two_stations_is_suspected_and_merged(devices: list[Device]) -> None:
    a, b = devices
    da, db_ = a.as_user(), b.as_user()
    first = da.residents.file(draft(da, phone="13900001111"))
    second = db_.residents.file(draft(db_, work_unit="长宁区图书馆", phone=""))
    a.sync(), b.sync(), a.sync()
    groups = a.as_user().residents.suspected_duplicates()
    assert [{c.row.id for c in g} for g in groups] == [{first.id, second.id}]
    merged = a.as_user().residents.merge(first.id, second.id)
    assert merged.draft.work_unit == "长宁区图书馆" and merged.draft.phone == "13900001111"
    a.sync(), b.sync()
    s = b.as_user()
    assert s.residents.suspected_duplicates() == []
    assert s.residents.get(first.id).draft.work_unit == "长宁区图书馆"


@pytest.mark.parametrize("field", ["phone"])
def test_conflict_rows_follow_their_record(devices: list[Device], field: str) -> None:
    a, b = devices
    rid = _shared_resident(a, b)
    for d, value in ((a, "13900001111"), (b, "13900002222")):
        s = d.as_user()
        s.residents.update(rid, replace(s.residents.get(rid).draft, **{field: value}))
    a.sync(), b.sync(), a.sync()
    for d in (a, b):
        with d.db.reader() as s:
            assert s.query(SyncConflict).count() == 1
