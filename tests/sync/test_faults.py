"""What goes wrong: poisoned changes, scope, versions, a hub that vanishes, disagreement."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from chc_desktop.hub import schema as H
from chc_desktop.services.residents import Filters
from chc_desktop.store.capture import change_row
from chc_desktop.store.models import ChangeRecord, Resident
from chc_desktop.sync import device as device_module
from chc_desktop.sync.client import HubClient
from chc_desktop.sync.device import CHANGES
from chc_desktop.sync.protocol import HubRefused, HubUnreachable, SyncError
from tests.services.helpers import draft, id_number
from tests.sync.conftest import OTHER_CENTRE, Device, HubServer, add_staff, make_device


def user_id(d: Device, username: str = "doctor") -> uuid.UUID:
    services = d.as_user(username)
    assert services.user is not None
    return services.user.id


def poison(d: Device, resident_id: uuid.UUID, field: str, value: str, author: uuid.UUID | None) -> None:
    """Write a change the way a buggy or tampered client would: no validation on the way."""
    actor = d.db.actor(author)
    hlc = actor.clock.now()
    with d.db.engine.begin() as conn:
        conn.execute(
            Resident.__table__.update()
            .where(Resident.__table__.c.id == resident_id)
            .values({field: value, "hlc": hlc})
        )
        conn.execute(
            CHANGES.insert().values(
                change_row(
                    "residents", resident_id, "update", {field: value}, hlc, actor, dt.datetime.now(dt.UTC)
                )
            )
        )


def hub_counts(hub: HubServer) -> tuple[int, int]:
    with hub.engine().connect() as conn:
        total = conn.execute(select(func.count()).select_from(H.CHANGES)).scalar_one()
        distinct = conn.execute(select(func.count(func.distinct(H.CHANGES.c.change_id)))).scalar_one()
    return int(total), int(distinct)


def test_a_poisoned_change_is_quarantined_while_the_rest_go_through(devices: list[Device]) -> None:
    a, b = devices
    s = a.as_user()
    good = s.residents.file(draft(s))
    other = s.residents.file(draft(s, name="李四", id_number=id_number(seq="223")))
    a.sync()
    poison(a, good.id, "id_number", "310105195003011230", user_id(a))  # wrong check digit
    s.residents.update(other.id, replace(s.residents.get(other.id).draft, work_unit="长宁区图书馆"))
    report = a.sync()
    assert report.rejected == 1 and report.pushed >= 1
    [item] = a.as_user().sync.quarantine()
    assert item.code == "validation" and "身份证号" in item.reason and item.record == "张三"
    assert "310105195003011230" not in item.reason  # reasons carry no personal values
    b.sync()
    assert b.as_user().residents.get(other.id).draft.work_unit == "长宁区图书馆"
    assert b.as_user().residents.get(good.id).draft.id_number == good.draft.id_number
    # Fixed in the editor, then sent again: accepted, and B gets the fix.
    fixed = id_number(seq="333")
    s.residents.update(good.id, replace(s.residents.get(good.id).draft, id_number=fixed))
    a.as_user().sync.resend(item.seq)
    report = a.sync()
    assert report.rejected == 0 and a.as_user().sync.quarantine() == []
    b.sync()
    assert b.as_user().residents.get(good.id).draft.id_number == fixed


def test_a_device_cannot_pull_or_push_outside_its_scope(
    tmp_path: Path, devices: list[Device], hub: HubServer, demo_hash: str
) -> None:
    a, _ = devices
    s = a.as_user()
    xianxia = s.residents.file(draft(s))
    a.sync()
    add_staff(hub, "hydoc", "doctor", OTHER_CENTRE, demo_hash)
    far = make_device(tmp_path, hub, "far", site=OTHER_CENTRE)
    with far.db.reader() as r:
        assert r.get(Resident, xianxia.id) is None  # another centre's resident never arrives
        assert r.scalar(select(text("count(*)")).select_from(Resident.__table__)) == 0
    # A tampered client writes to that resident anyway, as its own doctor: refused, and it goes on.
    poison(far, xianxia.id, "phone", "13900000000", user_id(far, "hydoc"))
    report = far.sync()
    assert report.rejected == 1
    [item] = _rejected(far)
    assert item.reject_code == "permission"
    a.sync()
    assert a.as_user().residents.get(xianxia.id).draft.phone == xianxia.draft.phone
    far.db.close()


def _rejected(d: Device) -> list[ChangeRecord]:
    with d.db.reader() as s:
        return list(s.scalars(select(ChangeRecord).where(ChangeRecord.status == "rejected")))


def test_a_resident_filed_for_another_street_stays_with_the_station_that_filed_it(
    devices: list[Device], tmp_path: Path, hub: HubServer, demo_hash: str
) -> None:
    a, _ = devices
    add_staff(hub, "hydoc", "doctor", OTHER_CENTRE, demo_hash)
    far = make_device(tmp_path, hub, "far", site=OTHER_CENTRE)
    s = far.as_user("hydoc")
    filed = s.residents.file(draft(s))  # lives in 仙霞 (a's street), filed at 华阳
    assert not far.sync().rejected
    a.sync()
    assert a.as_user().residents.get(filed.id).draft.name == "张三"
    a.as_user().residents.update(filed.id, replace(a.as_user().residents.get(filed.id).draft, work_unit="甲"))
    a.sync()
    far.sync()
    assert far.as_user("hydoc").residents.get(filed.id).draft.work_unit == "甲"  # reached 华阳: in scope
    far.db.close()


def test_an_older_device_schema_is_refused_with_a_clear_message(
    devices: list[Device], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _ = devices
    s = a.as_user()
    s.residents.file(draft(s))
    monkeypatch.setattr(device_module, "device_schema", lambda db: "0001")
    with pytest.raises(HubRefused, match="结构版本 0001"):
        a.sync()
    assert a.as_user().sync.status().waiting > 0  # nothing sent, nothing lost
    assert a.as_user().sync.runs()[0].outcome == "refused"


def test_a_wrong_credential_is_refused(devices: list[Device]) -> None:
    a, _ = devices
    with pytest.raises(HubRefused, match="凭据"):
        a.services().sync.run("not-the-token")
    forged = a.db.device_id.hex + ".not-the-secret"
    with pytest.raises(HubRefused, match="凭据"):
        a.services().sync.run(forged)


class VanishingHub(HubClient):
    """A hub whose connection dies after the first push batch was committed."""

    calls = 0

    def push(self, changes):  # type: ignore[no-untyped-def]
        self.calls += 1
        if self.calls == 2:
            raise HubUnreachable("无法连接中心服务器")
        return super().push(changes)


def test_the_hub_vanishing_mid_push_loses_and_duplicates_nothing(
    devices: list[Device], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = devices
    s = a.as_user()
    for i in range(12):
        s.residents.file(
            draft(s, name="王" + "一二三四五六七八九十甲乙"[i], id_number=id_number(seq=f"{i + 100}"))
        )
    monkeypatch.setattr(device_module, "PUSH_BATCH", 10)
    waiting = a.services().sync.status().waiting
    with pytest.raises(SyncError):
        device_module.DeviceSync(a.db, VanishingHub(a.hub.url, a.token, None)).run()
    status = a.services().sync.status()
    assert 0 < status.waiting < waiting  # the first batch is acknowledged, the rest still waits
    assert a.services().sync.runs()[0].outcome == "failed"
    a.sync()
    b.sync()
    assert a.services().sync.status().waiting == 0
    n, distinct = hub_counts(a.hub)
    assert n == distinct  # no change stored twice
    assert b.as_user().residents.count(Filters()) == 12


def test_disagreement_is_repaired(devices: list[Device]) -> None:
    a, b = devices
    s = a.as_user()
    filed = s.residents.file(draft(s))
    a.sync(), b.sync()
    # Damage the device: a row vanishes behind the program's back (e.g. restored from an old backup).
    with b.db.engine.begin() as conn:
        conn.execute(text("PRAGMA foreign_keys=OFF"))
        conn.execute(Resident.__table__.delete().where(Resident.__table__.c.id == filed.id))
    report = b.sync()
    assert report.repaired >= 1 and not report.disagreements
    assert b.as_user().residents.get(filed.id).draft.name == "张三"
    # Damage the hub: restored from a backup older than the file; the device that filed it sends
    # its own changes again, and the hub checks them as the first time.
    with a.hub.engine().begin() as conn:
        conn.execute(H.ROWS.delete().where(H.ROWS.c.row_id == filed.id))
        conn.execute(H.CHANGES.delete().where(H.CHANGES.c.row_id == filed.id))
    report = a.sync()
    assert report.repaired >= 1 and not report.disagreements
    assert a.sync().repaired == 0


@pytest.mark.parametrize("first_sync", [False, True], ids=["batches", "bulk"])
def test_a_malformed_row_from_the_hub_is_set_aside_not_a_crash(
    devices: list[Device], hub: HubServer, first_sync: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row at the hub with its per-field stamps not an object, and one with a number in a text
    field (a hub damaged or tampered with): the device applies everything else, keeps those two
    aside with the reason, and says so — also when a first sync's second process checks them."""
    if first_sync:
        monkeypatch.setattr(device_module, "BULK_PULL", 1)
    a, b = devices
    s = a.as_user()
    good = s.residents.file(draft(s))
    bad1 = s.residents.file(draft(s, name="李四", id_number=id_number(seq="224")))
    bad2 = s.residents.file(draft(s, name="王五", id_number=id_number(seq="225")))
    a.sync()
    with hub.engine().begin() as conn:
        conn.execute(H.ROWS.update().where(H.ROWS.c.row_id == bad1.id).values(clocks=[1, 2]))
        row = conn.execute(select(H.ROWS.c.data).where(H.ROWS.c.row_id == bad2.id)).scalar_one()
        conn.execute(H.ROWS.update().where(H.ROWS.c.row_id == bad2.id).values(data={**row, "name": 12345}))
    c = make_device(b.db.path.parent, hub, "c", sync=False)
    report = c.sync()
    assert {rid for _t, rid, _why in report.set_aside} == {str(bad1.id), str(bad2.id)}
    assert "格式不正确未接收 2 条" in report.summary()
    assert report.disagreements  # the difference stays visible
    assert c.as_user().residents.get(good.id).draft.name == "张三"
    with c.db.reader() as r:
        assert r.get(Resident, bad2.id) is None
    assert c.services().sync.runs()[0].outcome == "ok"
    c.db.close()


def test_a_workstation_that_had_its_own_accounts_enrols_and_keeps_syncing(
    tmp_path: Path, hub: HubServer
) -> None:
    """A workstation set up alone (its own 'admin') and enrolled later: the hub's accounts take the
    names, the local one steps aside, and no sync ever writes NULL into a required column."""
    from chc_desktop.services.app import Services, open_database
    from chc_desktop.services.users import create_first_admin

    db = open_database(tmp_path / "alone.db")
    create_first_admin(db, "admin", "本机管理员", "Alone2026x")
    Services(db).sync.enrol(hub.url, hub.code(), None, "alone")
    for _ in range(2):
        report = Services(db).sync.run()
        assert not report.disagreements
    assert Services(db).login("admin", "demo1234").user is not None  # the hub's admin
    with db.reader() as r:
        names = set(r.scalars(select(text("username")).select_from(text("staff_users"))))
    assert any(n.startswith("admin~") for n in names)  # the local one, set aside by name only
    db.close()
