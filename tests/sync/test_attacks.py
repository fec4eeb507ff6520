"""The attacks of issue 14, each made with only what an attacker holds: one enrolled workstation's
own credential (and a clerk's login on it), talking to the real hub server over HTTP. Under the
old design — every workstation running the hub logic against the hub's database — each of these
succeeded; the server must refuse every one and keep every stored value intact.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from chc_desktop.hub import schema as H
from chc_desktop.hub.config import Limits
from chc_desktop.services.sites import site_id
from chc_desktop.store.hlc import HybridClock
from chc_desktop.sync.protocol import ChangeIn, Cursor, HubRefused, PushResult
from tests.services.helpers import draft, id_number
from tests.services.test_hospice import HOME
from tests.sync.conftest import (
    CENTRE,
    OTHER_CENTRE,
    SECRET,
    Device,
    HubServer,
    add_staff,
    make_device,
)

HUAYANG = "310105001"


def uid(d: Device, username: str) -> uuid.UUID:
    s = d.as_user(username)
    assert s.user is not None
    return s.user.id


def push(
    d: Device, table: str, row_id: uuid.UUID, op: str, data: dict[str, Any], user: uuid.UUID | None
) -> PushResult:
    """A change crafted by hand and sent with the device's own credential, as a tampered
    workstation would."""
    clock = HybridClock(d.db.device_id)
    change = ChangeIn(uuid.uuid4(), table, row_id, op, data, clock.now(), None, user, dt.datetime.now(dt.UTC))
    client = d.client()
    try:
        return client.push([change])
    finally:
        client.close()


def hub_row(hub: HubServer, row_id: uuid.UUID) -> dict[str, Any] | None:
    with hub.engine().connect() as conn:
        data = conn.execute(select(H.ROWS.c.data).where(H.ROWS.c.row_id == row_id)).scalar()
    return data if isinstance(data, dict) else None


def refused(result: PushResult, code: str) -> str:
    assert not result.accepted, result
    [rejection] = result.rejected
    assert rejection.code == code, rejection
    return rejection.reason


@pytest.fixture
def far(tmp_path: Path, hub: HubServer, demo_hash: str) -> Device:
    """A workstation of another centre (华阳) with its own doctor."""
    add_staff(hub, "hydoc", "doctor", OTHER_CENTRE, demo_hash)
    return make_device(tmp_path, hub, "far", site=OTHER_CENTRE)


def test_another_streets_files_cannot_be_read(devices: list[Device], far: Device) -> None:
    a, _ = devices
    s = a.as_user()
    xianxia = s.residents.file(draft(s))
    a.sync()
    client = far.client()
    assert client.rows_by_id([xianxia.id]) == []  # asked for by id: nothing
    everything = client.pull(Cursor(), 10_000).rows
    assert xianxia.id not in {r.row_id for r in everything}
    assert not any(r.table == "residents" for r in everything)
    assert xianxia.id not in client.row_clocks("residents")
    client.close()


def test_a_workstation_cannot_widen_its_own_scope(devices: list[Device], far: Device, hub: HubServer) -> None:
    a, _ = devices
    s = a.as_user()
    xianxia = s.residents.file(draft(s))
    a.sync()
    hydoc = uid(far, "hydoc")
    # Attach a row to another street's file, hoping the hub will then count it as "touched".
    reason = refused(
        push(
            far,
            "key_population_tags",
            uuid.uuid4(),
            "insert",
            {"resident_id": str(xianxia.id), "code": "elderly"},
            hydoc,
        ),
        "permission",
    )
    assert "服务范围" in reason
    # Or write the scope table itself: it is not a table a workstation can name.
    refused(
        push(far, "hub_reach", uuid.uuid4(), "insert", {"site_id": str(uuid.uuid4())}, hydoc), "validation"
    )
    # Or move that file into its own street.
    street = str(site_id("street", HUAYANG))
    refused(push(far, "residents", xianxia.id, "update", {"street_id": street}, hydoc), "permission")
    far.sync()
    assert far.client().rows_by_id([xianxia.id]) == []
    assert hub_row(hub, xianxia.id)["street_id"] != street  # type: ignore[index]


def test_staff_accounts_cannot_be_changed_or_created_by_a_workstation(
    devices: list[Device], hub: HubServer
) -> None:
    a, _ = devices
    admin, clerk = uid(a, "admin"), uid(a, "clerk")
    before = hub_row(hub, clerk)
    assert before is not None
    # The site's own administrator, through the workstation: no replicated change touches accounts.
    for data in (
        {"role": "admin"},
        {"password_hash": "$argon2id$v=19$m=65536,t=3,p=2$forged"},
        {"site_id": None},
    ):
        reason = refused(push(a, "staff_users", clerk, "update", data, admin), "permission")
        assert "中心管理" in reason
    new = {
        "username": "intruder",
        "display_name": "x",
        "role": "admin",
        "site_id": str(site_id("centre", CENTRE)),
        "password_hash": "$argon2id$forged",
        "active": True,
    }
    refused(push(a, "staff_users", uuid.uuid4(), "insert", new, admin), "permission")
    refused(
        push(
            a, "settings", uuid.uuid4(), "insert", {"key": "security.max_failed_logins", "value": 999}, admin
        ),
        "permission",
    )
    assert hub_row(hub, clerk) == before
    assert "intruder" not in {x.username for x in hub.accounts().all()}


def test_a_clerk_cannot_write_clinical_content(devices: list[Device], hub: HubServer) -> None:
    a, _ = devices
    s = a.as_user()
    rid = s.residents.file(draft(s)).id
    a.sync()
    clerk = uid(a, "clerk")
    refused(push(a, "residents", rid, "update", {"drug_allergies": ["2"]}, clerk), "permission")
    history = {"resident_id": str(rid), "kind": "disease", "code": "2"}
    refused(push(a, "history_entries", uuid.uuid4(), "insert", history, clerk), "permission")
    assert hub_row(hub, rid)["drug_allergies"] == []  # type: ignore[index]


def test_a_signed_assessment_cannot_be_changed(devices: list[Device], hub: HubServer) -> None:
    a, _ = devices
    doc = a.as_user()
    rid = doc.residents.file(draft(doc)).id
    signed = doc.hospice.sign(doc.hospice.save(rid, HOME).id)
    a.sync()
    before = hub_row(hub, signed.id)
    assert before is not None and before["signed_at"]
    doctor = uid(a, "doctor")
    for data in (
        {"chosen_setting": "institution", "override_reason": "x"},
        {"signed_at": None},
        {"digest": "0" * 64},
    ):
        assert "已签署" in refused(
            push(a, "hospice_assessments", signed.id, "update", data, doctor), "immutable"
        )
    assert hub_row(hub, signed.id) == before
    # Signing in someone else's name is refused too.
    draft_id = doc.hospice.save(rid, replace(HOME)).id
    a.sync()
    other = uid(a, "doctor2")
    sign = {"signed_at": dt.datetime.now(dt.UTC).isoformat(), "signed_by_id": str(other), "digest": "1" * 64}
    refused(push(a, "hospice_assessments", draft_id, "update", sign, doctor), "permission")


def test_audit_entries_cannot_be_altered_or_deleted(devices: list[Device], hub: HubServer) -> None:
    a, _ = devices
    s = a.as_user()
    s.residents.file(draft(s))
    a.sync()
    with hub.engine().connect() as conn:
        entry = conn.execute(
            select(H.ROWS.c.row_id).where(H.ROWS.c.table_name == "audit_log").limit(1)
        ).scalar()
    assert entry is not None
    before = hub_row(hub, entry)
    admin = uid(a, "admin")
    refused(push(a, "audit_log", entry, "update", {"action": "nothing"}, admin), "immutable")
    refused(
        push(a, "audit_log", entry, "delete", {"deleted_at": dt.datetime.now(dt.UTC).isoformat()}, admin),
        "immutable",
    )
    # Nor written in another user's name.
    fake = {
        "action": "resident.view",
        "user_id": str(uid(a, "doctor")),
        "at": dt.datetime.now(dt.UTC).isoformat(),
    }
    refused(push(a, "audit_log", uuid.uuid4(), "insert", fake, admin), "permission")
    assert hub_row(hub, entry) == before


def test_a_revoked_workstation_is_refused_at_its_next_request(devices: list[Device], hub: HubServer) -> None:
    a, _ = devices
    s = a.as_user()
    s.residents.file(draft(s))
    hub.registry().revoke(a.db.device_id)
    with pytest.raises(HubRefused, match="撤销"):
        a.sync()
    client = a.client()
    with pytest.raises(HubRefused):
        client.pull(Cursor(), 10)
    with pytest.raises(HubRefused, match="撤销"):  # a first sync's raw batches too
        client.pull_raw(Cursor(), 10)
    with pytest.raises(HubRefused):
        push(a, "residents", uuid.uuid4(), "insert", {"name": "x"}, uid(a, "doctor"))
    assert a.services().sync.status().waiting > 0  # nothing lost on the workstation either


def test_a_rotated_credential_stops_working_at_once(devices: list[Device]) -> None:
    a, _ = devices
    old = a.token
    assert a.services().sync.rotate(old)
    with pytest.raises(HubRefused, match="凭据"):
        a.services().sync.run(old)
    assert a.services().sync.run().pushed >= 0  # the keyring holds the new one


def test_another_devices_change_cannot_be_replayed(devices: list[Device], hub: HubServer) -> None:
    a, b = devices
    s = a.as_user()
    filed = s.residents.file(draft(s))
    a.sync()
    with hub.engine().connect() as conn:
        row = conn.execute(select(H.CHANGES).where(H.CHANGES.c.row_id == filed.id)).mappings().first()
    assert row is not None
    replayed = ChangeIn(
        row["change_id"], "residents", filed.id, "update", {"phone": "13900000000"}, row["hlc"], None,
        row["user_id"], dt.datetime.now(dt.UTC),
    )  # fmt: skip
    client = b.client()
    result = client.push([replayed])
    assert "重放" in refused(result, "permission")
    assert hub_row(hub, filed.id)["phone"] == filed.draft.phone  # type: ignore[index]


def test_a_change_authored_by_another_sites_user_is_refused(
    devices: list[Device], far: Device, hub: HubServer
) -> None:
    a, _ = devices
    hydoc = uid(far, "hydoc")
    s = far.as_user("hydoc")
    street = next(x for x in s.sites.list("street") if x.code == HUAYANG)
    committee = s.sites.list("committee", street.id)[0]
    mine = s.residents.file(
        draft(s, street_id=street.id, committee_id=committee.id, id_number=id_number(seq="777"))
    )
    far.sync()
    # 华阳's workstation signs a change with 仙霞's doctor (whose id it could read in a pull).
    doctor = uid(a, "doctor")
    assert "不是本机构" in refused(
        push(far, "residents", mine.id, "update", {"phone": "13900000001"}, doctor), "permission"
    )
    # A made-up account fares no better.
    refused(push(far, "residents", mine.id, "update", {"phone": "13900000002"}, uuid.uuid4()), "permission")
    assert hub_row(hub, mine.id)["phone"] == mine.draft.phone  # type: ignore[index]
    assert hydoc


def test_unsigned_changes_are_refused(devices: list[Device], hub: HubServer) -> None:
    a, _ = devices
    s = a.as_user()
    filed = s.residents.file(draft(s))
    a.sync()
    refused(push(a, "residents", filed.id, "update", {"phone": "13900000003"}, None), "permission")


@pytest.mark.parametrize("hub", ["sqlite"], indirect=True)
def test_oversized_and_malformed_requests_get_a_clear_answer_and_change_nothing(
    devices: list[Device], hub: HubServer
) -> None:
    a, _ = devices
    client = a.client()
    transport, auth = client.transport, {"Authorization": f"Bearer {a.token}"}
    with hub.engine().connect() as conn:
        before = conn.execute(select(H.CHANGES.c.seq)).all()
    big = {"changes": [{"x": "y" * 1000}] * 20_000}  # ~20 MB
    status, body = raw(transport, "/v2/push", big, auth)
    assert status == 413 and body["code"] == "too_large"
    many = [_change(a) for _ in range(Limits().push_batch + 1)]
    status, body = raw(transport, "/v2/push", {"changes": many}, auth)
    assert status == 413
    for bad in (b"not json", b"[]", b'{"changes": 5}', b'{"changes": [{"table": 1}]}', b'{"cursor": "x:y"}'):
        status, body = raw(transport, "/v2/push", bad, auth)
        assert status == 422 and set(body) == {"detail", "code"}
    status, body = raw(transport, "/v2/pull", {"cursor": "not-a-cursor"}, auth)
    assert status == 422
    status, body = raw(transport, "/v2/push", {"changes": [{**_change(a), "created_at": "yesterday"}]}, auth)
    assert status == 200 and body["rejected"][0]["code"] == "validation"
    status, body = raw(transport, "/v2/push", {"changes": [{**_change(a), "data": {"name": 5}}]}, auth)
    assert status == 200 and body["rejected"][0]["code"] == "validation"
    status, body = raw(transport, "/v2/pull", {}, {"Authorization": "Bearer " + "0" * 32 + ".x"})
    assert status == 401 and "Traceback" not in str(body)
    with hub.engine().connect() as conn:
        assert conn.execute(select(H.CHANGES.c.seq)).all() == before
    client.close()


def _change(d: Device) -> dict[str, Any]:
    return {
        "change_id": str(uuid.uuid4()),
        "table": "residents",
        "row_id": str(uuid.uuid4()),
        "op": "insert",
        "data": {"name": "x"},
        "hlc": HybridClock(d.db.device_id).now(),
        "created_at": dt.datetime.now(dt.UTC).isoformat(),
    }


def raw(transport: Any, path: str, body: Any, headers: dict[str, str]) -> tuple[int, Any]:
    """One request with any body, returning the status and the JSON answer."""
    import http.client
    import json

    conn = http.client.HTTPConnection(transport.address.host, transport.address.port, timeout=30)
    payload = body if isinstance(body, bytes) else json.dumps(body).encode()
    try:
        conn.request("POST", path, body=payload, headers={"Content-Type": "application/json", **headers})
        response = conn.getresponse()
        data = response.read()
    except (ConnectionResetError, BrokenPipeError):
        return 413, {"code": "too_large"}  # the server may close before reading an oversized body
    finally:
        conn.close()
    return response.status, json.loads(data)


def test_no_credential_of_the_hub_reaches_a_workstation_file(devices: list[Device], hub: HubServer) -> None:
    a, _ = devices
    s = a.as_user()
    s.residents.file(draft(s))
    a.sync()
    a.db.engine.dispose()
    secret_part = a.token.split(".", 1)[1]
    everything = b"".join(p.read_bytes() for p in a.db.path.parent.glob(a.db.path.name + "*"))
    for forbidden in (secret_part.encode(), SECRET, hub.database_url.encode(), b"postgresql", b"postgres@"):
        assert forbidden not in everything
    assert hub.url.encode() in everything  # the address is kept, nothing that opens anything


def test_a_version_1_workstation_forgets_the_hub_password_and_keeps_its_changes(
    tmp_path: Path, hub: HubServer
) -> None:
    """Before this version a workstation could hold the hub database's owner password in its file
    (and in the backups made before an upgrade). Opening it removes it; the unsent changes wait
    for re-enrolment and then go through the service."""
    from chc_desktop.services.app import Services, open_database
    from chc_desktop.store.database import Database

    d = make_device(tmp_path, hub, "old")
    s = d.as_user()
    filed = s.residents.file(draft(s))
    import secrets

    from sqlalchemy.engine import make_url

    password = secrets.token_urlsafe(18).encode()  # made here: no password stands in the code
    legacy = make_url("postgresql://chc_hub_owner@10.0.0.5/chc_hub").set(password=password.decode())
    legacy = legacy.render_as_string(hide_password=False)
    d.db.set_meta("sync.hub_url", legacy)
    d.db.set_meta("sync.auth", "role")
    d.db.close()
    backups = d.db.path.parent / "backups"
    backups.mkdir()
    (backups / "old-before-0006-20261101.db").write_bytes(d.db.path.read_bytes())
    db = Database(d.db.path)
    db.engine.dispose()
    for f in [*d.db.path.parent.glob("old.db*"), *backups.iterdir()]:
        assert password not in f.read_bytes(), f.name
    db = open_database(d.db.path)
    with pytest.raises(Exception, match="重新登记"):
        Services(db).sync.run(d.token)
    assert Services(db).sync.status().waiting > 0
    Services(db).sync.enrol(hub.url, hub.code(), None, "old")
    report = Services(db).sync.run()
    assert report.rejected == 0 and Services(db).sync.status().waiting == 0
    assert hub_row(hub, filed.id) is not None
    db.close()


def test_a_row_altered_at_the_hub_without_a_new_stamp_is_detected(
    devices: list[Device], hub: HubServer
) -> None:
    """Someone with the hub's database rewrites a file's phone and leaves the stamp as it was: the
    next agreement check tells the two copies apart (the digest covers every field), reports it,
    and the workstation's copy is not overwritten by a value with no claim to be newer."""
    a, _ = devices
    s = a.as_user()
    filed = s.residents.file(draft(s))
    assert not a.sync().disagreements
    with hub.engine().begin() as conn:
        data = conn.execute(select(H.ROWS.c.data).where(H.ROWS.c.row_id == filed.id)).scalar_one()
        conn.execute(
            H.ROWS.update().where(H.ROWS.c.row_id == filed.id).values(data={**data, "phone": "13999999999"})
        )
    report = a.sync()
    assert report.disagreements == {"residents": 1}
    assert a.as_user().residents.get(filed.id).draft.phone == filed.draft.phone
    assert (
        a.services().sync.runs()[0].outcome == "ok" and "与中心不一致" in a.services().sync.runs()[0].message
    )
