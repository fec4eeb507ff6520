"""A new workstation's first sync from its site's snapshot (hub/snapshots.py, store/snapshot.py):
it ends exactly where a pull of everything ends, holds nothing another site's workstation would
not, and a broken, foreign or outdated snapshot is never half-taken."""

from __future__ import annotations

import gzip
import json
import stat
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from chc_desktop.hub.cli import main as hub_main
from chc_desktop.hub.config import SnapshotSettings
from chc_desktop.hub.snapshots import Snapshots
from chc_desktop.security.passwords import hash_password
from chc_desktop.services.contracts import SignRequest
from chc_desktop.services.sites import site_id
from chc_desktop.store import digest, signing_state, snapshot
from chc_desktop.store.models import Resident
from chc_desktop.sync.device import SYNCED
from chc_desktop.sync.protocol import HubRefused, SyncCancelled
from tests.conftest import PASSWORD, TODAY
from tests.services.helpers import draft, id_number
from tests.sync.conftest import (
    CENTRE,
    OTHER_CENTRE,
    Device,
    HubServer,
    add_staff,
    hub_config_file,
    hub_url,
    make_device,
    prepare_hub,
)

CENTRE_ID = site_id("centre", CENTRE)


@pytest.fixture(params=["sqlite", "postgresql"])
def snap_hub(request: pytest.FixtureRequest, tmp_path: Path, demo_hash: str) -> Iterator[HubServer]:
    """A hub server with a snapshot folder; it makes no snapshot by itself (the tests do)."""
    folder = tmp_path / "snapshots"
    server = HubServer(hub_url(request, tmp_path, demo_hash)).start(
        snapshots=SnapshotSettings(folder, auto=False)
    )
    yield server
    server.stop()


def folder_of(hub: HubServer) -> Path:
    assert hub.config is not None and hub.config.snapshots.folder is not None
    return hub.config.snapshots.folder


def build(hub: HubServer, site: str = CENTRE) -> Path:
    """The site's snapshot made now; returns its file."""
    info = Snapshots(hub.storage(), folder_of(hub)).build(site_id("centre", site))
    return folder_of(hub) / info.file


def state(d: Device) -> dict[str, Any]:
    """What a workstation holds that a sync decides: every synced row's stamp, the digest sums, the
    derived signing state, the search index and the indexes."""
    with d.db.engine.connect() as conn:
        rows = {t: sorted(conn.exec_driver_sql(f"SELECT id, hlc FROM {t}").all()) for t in SYNCED}
        return {
            "rows": rows,
            "digests": digest.read(conn),
            "signed": sorted(
                conn.exec_driver_sql("SELECT id, contract_until, key_tagged FROM residents").all()
            ),
            "search": sorted(
                conn.exec_driver_sql(
                    "SELECT m.resident_id, k.key, k.kind FROM search_keys k JOIN search_map m USING (sid)"
                ).all()
            ),
            "idfrag": sorted(
                conn.exec_driver_sql(
                    "SELECT m.resident_id, f.id_number FROM search_idfrag f "
                    "JOIN search_map m ON m.sid = f.rowid"
                ).all()
            ),
            "indexes": sorted(
                conn.exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type IN ('index', 'trigger')"
                ).scalars()
            ),
        }


def file_some(
    d: Device, names: tuple[str, ...], seq: int, user: str = "doctor", street: str = "310105008"
) -> list[Any]:
    doc = d.as_user(user)
    where = next(x for x in doc.sites.list("street") if x.code == street)
    committee = doc.sites.list("committee", where.id)[0]
    return [
        doc.residents.file(
            draft(
                doc,
                name=n,
                id_number=id_number(seq=f"{seq + i}3"),
                street_id=where.id,
                committee_id=committee.id,
            )
        )
        for i, n in enumerate(names)
    ]


def test_a_new_workstation_from_the_snapshot_ends_where_a_full_pull_ends(
    tmp_path: Path, snap_hub: HubServer
) -> None:
    a = make_device(tmp_path, snap_hub, "a")
    admin, doc = a.as_user("admin"), a.as_user()
    team = admin.teams.create("王医生团队", CENTRE_ID, doc.user.id)  # type: ignore[union-attr]
    first = file_some(a, ("李一", "王二", "张三"), 11)
    doc.contracts.sign(first[0].id, SignRequest(team.id, team.lead_doctor_id, TODAY))
    a.sync()
    build(snap_hub)
    # After the snapshot was made: a new file and an edit, which the pull after it must bring.
    later = file_some(a, ("赵四",), 21)
    doc.residents.update(first[1].id, replace(first[1].draft, work_unit="长宁区新单位"))
    a.sync()

    b = make_device(tmp_path, snap_hub, "b", sync=False)
    report = b.sync()
    assert report.from_snapshot > 0 and report.pulled > report.from_snapshot
    assert not report.disagreements and not report.set_aside
    assert "其中快照" in report.summary()

    # The reference: a workstation that pulled everything (no snapshot for it).
    Path(folder_of(snap_hub) / f"{CENTRE_ID.hex}.json").unlink()
    c = make_device(tmp_path, snap_hub, "c", sync=False)
    assert c.sync().from_snapshot == 0
    b.sync(), c.sync()  # each holds the other's record-number leases
    assert state(b) == state(c)

    found = b.as_user()
    assert [r.id for r in found.search.search("ly").rows] == [first[0].id]
    assert [r.id for r in found.search.search("赵四").rows] == [later[0].id]
    assert found.residents.get(first[1].id).draft.work_unit == "长宁区新单位"
    assert found.indicators.coverage().total.counts.signed == 1
    # The workstation's own identity stayed its own, and it goes on like any other.
    assert b.db.device_id not in {a.db.device_id, c.db.device_id}
    s = found
    s.residents.file(draft(s, name="钱五", id_number=id_number(seq="313")))
    assert not b.sync().rejected and a.sync().pulled >= 1
    for d in (a, b, c):
        d.db.close()


def test_a_snapshot_holds_only_what_the_sites_workstations_may_see(
    tmp_path: Path, snap_hub: HubServer
) -> None:
    other_hash = hash_password(PASSWORD)  # a salt of its own: these bytes are this account's alone
    add_staff(snap_hub, "hy_doctor", "doctor", OTHER_CENTRE, other_hash)
    elsewhere = make_device(tmp_path, snap_hub, "hy", site=OTHER_CENTRE)
    theirs = file_some(elsewhere, ("华阳居民",), 41, user="hy_doctor", street="310105001")[0]
    elsewhere.sync()
    a = make_device(tmp_path, snap_hub, "a")
    file_some(a, ("李一",), 51)
    a.sync()

    path = build(snap_hub)
    content = gzip.decompress(path.read_bytes())
    # Checked without printing the file: a failure names what leaked, not the bytes around it.
    leaked = [what for what in (theirs.draft.id_number, "华阳居民", other_hash) if what.encode() in content]
    assert leaked == []
    assert id_number(seq="513").encode() in content  # (the check reads the file: its own are there)
    assert hash_of(snap_hub, "doctor").encode() in content  # its own site's accounts keep theirs
    folder = folder_of(snap_hub)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for f in folder.iterdir():
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f.name

    # Another site's workstation, holding its own credential, is not given this site's snapshot.
    newcomer = make_device(tmp_path, snap_hub, "hy2", site=OTHER_CENTRE, sync=False)
    target = tmp_path / "taken"
    assert newcomer.client().snapshot(schema_of(newcomer), target, lambda *_: None) is False
    report = newcomer.sync()
    assert report.from_snapshot == 0
    with newcomer.db.reader() as s:
        assert s.scalar(select(Resident.id).where(Resident.id == theirs.id)) == theirs.id
        assert s.scalar(select(Resident.id).where(Resident.name == "李一")) is None

    # A revoked workstation gets nothing.
    snap_hub.registry().revoke(a.db.device_id)
    with pytest.raises(HubRefused):
        a.client().snapshot(schema_of(a), target, lambda *_: None)
    for d in (elsewhere, a, newcomer):
        d.db.close()


def hash_of(hub: HubServer, username: str) -> str:
    account = next(a for a in hub.storage().rows_of("staff_users") if a[1]["username"] == username)
    return str(account[1]["password_hash"])


def schema_of(d: Device) -> str:
    from chc_desktop.sync.device import device_schema

    return device_schema(d.db)


@pytest.mark.parametrize("damage", ["bytes", "foreign", "schema"])
def test_a_broken_foreign_or_outdated_snapshot_is_not_taken(
    tmp_path: Path, snap_hub: HubServer, damage: str
) -> None:
    a = make_device(tmp_path, snap_hub, "a")
    file_some(a, ("李一", "王二"), 61)
    a.sync()
    path = build(snap_hub)
    described = folder_of(snap_hub) / f"{CENTRE_ID.hex}.json"
    info = json.loads(described.read_text())
    if damage == "bytes":  # damaged on the hub's disk: the hash no longer matches
        data = bytearray(path.read_bytes())
        data[len(data) // 2] ^= 0xFF
        path.write_bytes(bytes(data))
    elif damage == "foreign":  # another site's file under this site's name: refused by its own info
        other = Snapshots(snap_hub.storage(), folder_of(snap_hub)).build(site_id("centre", OTHER_CENTRE))
        info.update(file=other.file, sha256=other.sha256, size=other.size, cursor=other.cursor)
        described.write_text(json.dumps(info))
    else:  # made by another version of the program
        info["schema"] = "0000_older"
        described.write_text(json.dumps(info))

    b = make_device(tmp_path, snap_hub, "b", sync=False)
    report = b.sync()  # the pull brings everything instead
    assert report.from_snapshot == 0 and not report.disagreements
    assert not (tmp_path / "b.db.snapshot").exists()
    assert [r.name for r in b.as_user().search.search("ly").rows] == ["李一"]
    for d in (a, b):
        d.db.close()


def test_a_copy_stopped_midway_leaves_nothing_and_the_next_sync_starts_over(
    tmp_path: Path, snap_hub: HubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = make_device(tmp_path, snap_hub, "a")
    file_some(a, ("李一",), 71)
    a.sync()
    build(snap_hub)
    b = make_device(tmp_path, snap_hub, "b", sync=False)
    with b.db.engine.connect() as conn:
        before = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in SYNCED}

    def killed(conn: Any) -> None:
        raise KeyboardInterrupt  # the process stopped after every table was copied

    monkeypatch.setattr(signing_state, "install", killed)
    with pytest.raises(KeyboardInterrupt):
        b.sync()
    monkeypatch.undo()
    with b.db.engine.connect() as conn:
        after = {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in SYNCED}
        assert "snap" not in {r[1] for r in conn.exec_driver_sql("PRAGMA database_list")}  # detached
    assert after == before and b.db.meta("sync.cursor") in (None, "")
    report = b.sync()
    assert report.from_snapshot > 0 and not report.disagreements
    for d in (a, b):
        d.db.close()


def test_a_workstation_that_wrote_before_its_first_pull_merges_instead(
    tmp_path: Path, snap_hub: HubServer
) -> None:
    a = make_device(tmp_path, snap_hub, "a")
    a.sync()
    build(snap_hub)
    b = make_device(tmp_path, snap_hub, "b")  # a first sync from the snapshot: accounts arrive
    b.db.set_meta("sync.cursor", "")  # as if moved to this hub again, holding its files
    file_some(b, ("李一",), 81)
    with b.db.engine.connect() as conn:
        assert not snapshot.untouched(conn)
    report = b.sync()
    assert report.from_snapshot == 0 and not report.disagreements and not report.rejected
    for d in (a, b):
        d.db.close()


def test_the_hub_makes_snapshots_on_the_command_line_and_by_itself(
    tmp_path: Path, demo_hash: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    prepare_hub(url, demo_hash)
    folder = tmp_path / "auto"
    hub = HubServer(url).start(snapshots=SnapshotSettings(folder, auto=True, max_age_hours=24))
    a = make_device(tmp_path, hub, "a")  # its first sync asked for a snapshot: one is being made
    maker = hub._server.config.app.state.snapshot_maker
    deadline = time.monotonic() + 120
    while maker.busy() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert (folder / f"{CENTRE_ID.hex}.json").exists()
    b = make_device(tmp_path, hub, "b", sync=False)
    assert b.sync().from_snapshot > 0

    config = hub_config_file(tmp_path / "hub.toml", url, "[snapshots]", f'folder = "{tmp_path / "cli"}"')
    assert hub_main(["--config", str(config), "snapshot"]) == 0
    out = capsys.readouterr().out
    assert f"{CENTRE}：" in out and "快照" in out  # every site with an enrolled workstation
    assert (tmp_path / "cli" / f"{CENTRE_ID.hex}.json").exists()
    hub.stop()
    for d in (a, b):
        d.db.close()


def test_stopping_during_the_download_writes_nothing(tmp_path: Path, snap_hub: HubServer) -> None:
    a = make_device(tmp_path, snap_hub, "a")
    file_some(a, ("李一",), 91)
    a.sync()
    build(snap_hub)
    b = make_device(tmp_path, snap_hub, "b", sync=False)
    seen: list[str] = []

    def progress(stage: str, done: int, total: int) -> None:
        seen.append(stage)

    with pytest.raises(SyncCancelled):  # 停止 pressed once the snapshot began to arrive
        b.sync(progress=progress, cancelled=lambda: "snapshot" in seen)
    assert not (tmp_path / "b.db.snapshot").exists()
    with b.db.engine.connect() as conn:
        assert snapshot.untouched(conn)  # not a row of it, nor a cursor
    assert b.sync().from_snapshot > 0
    for d in (a, b):
        d.db.close()


def test_a_snapshot_folder_the_hub_cannot_write_is_named_not_a_traceback(
    tmp_path: Path, snap_hub: HubServer, capsys: pytest.CaptureFixture[str]
) -> None:
    make_device(tmp_path, snap_hub, "a", sync=False).db.close()  # a site with a workstation
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    snapshots = f'folder = "{blocked / "snapshots"}"'
    config = hub_config_file(tmp_path / "hub.toml", snap_hub.database_url, "[snapshots]", snapshots)
    assert hub_main(["--config", str(config), "snapshot"]) == 1
    err = capsys.readouterr().err
    assert "无法写入快照目录" in err and "Traceback" not in err
