"""Contracts and teams travel between workstations; the signing state each device derives follows
what it pulls; two stations signing the same resident offline are caught after the sync."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from chc_desktop.services.contracts import SignRequest
from chc_desktop.services.sites import site_id
from chc_desktop.store import signing_state
from chc_desktop.store.models import Resident
from chc_desktop.sync import device as device_module
from tests.conftest import TODAY
from tests.services.helpers import draft
from tests.sync.conftest import Device, HubServer, make_device

CENTRE_ID = site_id("centre", "仙霞社区卫生服务中心")


def _contract_until(d: Device, rid: object) -> object:
    with d.db.reader() as s:
        return s.scalar(select(Resident.contract_until).where(Resident.id == rid))


def test_a_team_and_a_contract_reach_the_other_station(devices: list[Device]) -> None:
    a, b = devices
    admin, doc = a.as_user("admin"), a.as_user()
    team = admin.teams.create("王医生团队", CENTRE_ID, doc.user.id)  # type: ignore[union-attr]
    rid = doc.residents.file(draft(doc)).id
    signed = doc.contracts.sign(rid, SignRequest(team.id, team.lead_doctor_id, TODAY))
    a.sync()
    b.sync()
    other = b.as_user()
    assert other.teams.all()[0].name == "王医生团队"
    assert other.contracts.current(rid) == signed
    assert _contract_until(b, rid) == signed.end_date  # derived on B from what it pulled
    assert other.indicators.coverage().total.counts.signed == 1

    # B terminates; A learns it, and A's derived state follows.
    other.contracts.terminate(signed.id, "主动解约", TODAY)
    b.sync()
    a.sync()
    assert doc.contracts.current(rid) is None and _contract_until(a, rid) is None
    assert doc.indicators.coverage().total.counts.signed == 0


def test_two_stations_signing_one_resident_offline_are_listed_after_sync(devices: list[Device]) -> None:
    a, b = devices
    admin, doc = a.as_user("admin"), a.as_user()
    first = admin.teams.create("王医生团队", CENTRE_ID, doc.user.id)  # type: ignore[union-attr]
    second = admin.teams.create(
        "赵医生团队", CENTRE_ID, next(u.id for u in admin.users.list() if u.username == "doctor2")
    )
    rid = doc.residents.file(draft(doc)).id
    a.sync()
    b.sync()
    doc.contracts.sign(rid, SignRequest(first.id, first.lead_doctor_id, TODAY))
    b.as_user().contracts.sign(rid, SignRequest(second.id, second.lead_doctor_id, TODAY))
    a.sync(), b.sync(), a.sync()
    for d in (a, b):
        s = d.as_user()
        assert s.contracts.double_contracts() == [rid]
        assert s.workbench.snapshot().double_contracts == (rid,)
    # A doctor ends one of them; the list is empty on both after the next syncs.
    current = next(c for c in doc.contracts.history(rid) if c.team == "赵医生团队")
    doc.contracts.terminate(current.id, "其他", TODAY, "两站重复签约，保留王医生团队")
    a.sync(), b.sync()
    assert a.as_user().contracts.double_contracts() == b.as_user().contracts.double_contracts() == []


def test_a_first_sync_in_bulk_derives_the_signing_state_once_and_keeps_it_after(
    tmp_path: Path, devices: list[Device], hub: HubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _ = devices
    admin, doc = a.as_user("admin"), a.as_user()
    team = admin.teams.create("王医生团队", CENTRE_ID, doc.user.id)  # type: ignore[union-attr]
    rid = doc.residents.file(draft(doc)).id
    doc.residents.tag(rid, "maternal", TODAY)
    signed = doc.contracts.sign(rid, SignRequest(team.id, team.lead_doctor_id, TODAY))
    a.sync()
    monkeypatch.setattr(device_module, "BULK_PULL", 1)  # the next device's first sync goes in bulk
    c = make_device(tmp_path, hub, "c", sync=False)
    c.sync()
    with c.db.reader() as s:
        state = s.execute(
            select(Resident.contract_until, Resident.key_tagged).where(Resident.id == rid)
        ).one()
        triggers = set(
            s.scalars(select(text("name")).select_from(text("sqlite_master")).where(text("type = 'trigger'")))
        )
    assert tuple(state) == (signed.end_date, True)
    assert set(signing_state.TRIGGERS) <= triggers  # back after the bulk load
    other = c.as_user()
    other.contracts.terminate(signed.id, "主动解约", TODAY)  # and kept row by row again
    assert _contract_until(c, rid) is None
