"""The hub as a process of its own, as production runs it: TLS with a pinned self-signed
certificate, the process killed in the middle of a push or a pull, restarted between two batches,
and two hub processes serving one PostgreSQL at once."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from chc_desktop.hub import schema as H
from chc_desktop.hub.tls import make_certificate
from chc_desktop.services.app import Services, open_database
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.residents import Filters
from chc_desktop.sync import device as device_module
from chc_desktop.sync.client import CertificateMismatch, HubClient
from chc_desktop.sync.protocol import HubRefused, SyncError
from tests.services.helpers import draft, id_number
from tests.sync.conftest import HubProcess, make_device, prepare_hub


@pytest.fixture
def store(tmp_path: Path, demo_hash: str) -> str:
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    prepare_hub(url, demo_hash)
    return url


@pytest.fixture
def pg_store(pg_database: str, demo_hash: str) -> str:
    prepare_hub(pg_database, demo_hash)
    return pg_database


@pytest.fixture
def hub(store: str, tmp_path: Path) -> Iterator[HubProcess]:
    proc = HubProcess(store, tmp_path).start()
    yield proc
    proc.kill()


NUMERALS = "零一二三四五六七八九"


def file_residents(d: Any, n: int, start: int = 0) -> list[Any]:
    s = d.as_user()
    return [
        s.residents.file(
            draft(
                s,
                name="测试" + NUMERALS[i % 10] + NUMERALS[i // 10 % 10],
                id_number=id_number(seq=f"{i:03d}"),
            )
        ).id
        for i in range(start, start + n)
    ]


def distinct_changes(hub: HubProcess) -> tuple[int, int]:
    with hub.engine().connect() as conn:
        total = conn.execute(select(func.count()).select_from(H.CHANGES)).scalar_one()
        distinct = conn.execute(select(func.count(func.distinct(H.CHANGES.c.change_id)))).scalar_one()
    return int(total), int(distinct)


def test_tls_with_the_centres_own_certificate_pinned_at_enrolment(tmp_path: Path, store: str) -> None:
    cert, key, fingerprint = make_certificate(tmp_path / "tls", ["127.0.0.1"])
    hub = HubProcess(store, tmp_path, certificate=cert, private_key=key).start()
    try:
        db = open_database(tmp_path / "w.db")
        sync = Services(db).sync
        assert sync.server_fingerprint(hub.url) == fingerprint  # what the administrator reads at the hub
        with pytest.raises(ServiceError, match="指纹"):
            sync.enrol(hub.url, hub.code(), None, "w")  # https without a pin is not accepted
        with pytest.raises(CertificateMismatch):
            sync.enrol(hub.url, hub.code(), "AB" * 32, "w")  # not the pinned certificate: nothing sent
        d = make_device(tmp_path, hub, "t", fingerprint=fingerprint)
        assert d.as_user().user is not None  # accounts came over TLS
        # Someone answers on the same address with another certificate: refused before any request.
        hub.kill()
        other_cert, other_key, _ = make_certificate(tmp_path / "other", ["127.0.0.1"])
        hub.certificate, hub.private_key = other_cert, other_key
        hub.start()
        with pytest.raises(HubRefused, match="证书"):
            d.sync()
        assert not HubClient(hub.url, d.token, None).transport.fingerprint  # (a client without a pin)
        with pytest.raises(HubRefused, match="证书"):
            HubClient(hub.url, d.token, None).digests()  # and the system's trust store does not know it
        d.db.close()
        db.close()
    finally:
        hub.kill()


@pytest.mark.parametrize("point", ["push-before-commit", "push-after-commit"])
def test_the_hub_killed_mid_push_loses_and_duplicates_nothing(
    tmp_path: Path, hub: HubProcess, point: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = make_device(tmp_path, hub, "a")
    ids = file_residents(a, 12)
    monkeypatch.setattr(device_module, "PUSH_BATCH", 5)
    hub.kill()
    hub.start(point, 2)  # dies while handling the second batch
    with pytest.raises(SyncError):
        a.sync()
    assert hub.died()
    assert a.services().sync.status().waiting > 0
    hub.start()
    assert not a.sync().rejected
    assert a.services().sync.status().waiting == 0
    b = make_device(tmp_path, hub, "b")
    assert {r.id for r in b.as_user().residents.page(Filters(), 0, 50)} == set(ids)
    total, distinct = distinct_changes(hub)
    assert total == distinct
    a.db.close(), b.db.close()


def a_new_workstation_to_fill(
    tmp_path: Path, hub: HubProcess, monkeypatch: pytest.MonkeyPatch
) -> tuple[Any, Any, list[Any]]:
    """A has filed 20 residents and synced; B is enrolled and has pulled nothing; pulls come in
    batches of 7, row by row (not the first-sync path)."""
    a = make_device(tmp_path, hub, "a")
    ids = file_residents(a, 20)
    a.sync()
    b = make_device(tmp_path, hub, "b", sync=False)
    monkeypatch.setattr(device_module, "PULL_BATCH", 7)
    monkeypatch.setattr(device_module, "BULK_PULL", 10**9)
    return a, b, ids


def test_the_connection_cut_mid_pull_resumes_where_it_stopped(
    tmp_path: Path, hub: HubProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, ids = a_new_workstation_to_fill(tmp_path, hub, monkeypatch)
    hub.kill()
    hub.start("pull", 4)  # cut while the fourth batch is answered
    with pytest.raises(SyncError):
        b.sync()
    assert b.services().sync.runs()[0].outcome == "failed"
    hub.start()
    report = b.sync()
    assert not report.disagreements
    assert {r.id for r in b.as_user().residents.page(Filters(), 0, 50)} == set(ids)
    con = sqlite3.connect(b.db.path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    con.close()
    a.db.close(), b.db.close()


def test_a_hub_restarted_between_batches_is_met_with_a_fresh_connection(
    tmp_path: Path, hub: HubProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b, ids = a_new_workstation_to_fill(tmp_path, hub, monkeypatch)
    pull = HubClient.pull
    restarted: list[bool] = []

    def pull_then_restart(self: HubClient, cursor: Any, limit: int) -> Any:
        batch = pull(self, cursor, limit)
        if not restarted:
            restarted.append(True)
            hub.kill()
            hub.start()  # the kept-alive connection now leads nowhere
        return batch

    monkeypatch.setattr(HubClient, "pull", pull_then_restart)
    report = b.sync()  # one run, across the restart
    assert restarted and not report.disagreements
    assert {r.id for r in b.as_user().residents.page(Filters(), 0, 50)} == set(ids)
    a.db.close(), b.db.close()


def test_two_hub_processes_serve_one_postgresql_at_once(tmp_path: Path, pg_store: str) -> None:
    """Stateless hub processes side by side (behind a load balancer in production): workstations
    syncing through either, at the same time, converge and nothing is stored twice."""
    first = HubProcess(pg_store, tmp_path).start()
    second = HubProcess(pg_store, tmp_path).start()
    try:
        devices = [make_device(tmp_path, first if i % 2 == 0 else second, f"d{i}") for i in range(4)]
        errors: list[BaseException] = []

        def work(i: int) -> None:
            try:
                d = devices[i]
                file_residents(d, 5, start=100 * i)
                for _ in range(3):
                    d.sync()
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(300)
        assert not errors, errors
        for d in devices:
            d.sync()
        seen = [{r.id for r in d.as_user().residents.page(Filters(), 0, 100)} for d in devices]
        assert len(seen[0]) == 20 and all(s == seen[0] for s in seen)
        total, distinct = distinct_changes(first)
        assert total == distinct
        # One change log: sequence numbers are unique and every change is numbered once.
        with first.engine().connect() as conn:
            seqs = conn.execute(select(H.CHANGES.c.seq)).scalars().all()
        assert len(seqs) == len(set(seqs))
        for d in devices:
            d.db.close()
    finally:
        first.kill()
        second.kill()


def test_a_station_edit_made_while_the_hub_was_down_arrives_after(tmp_path: Path, hub: HubProcess) -> None:
    a = make_device(tmp_path, hub, "a")
    [rid] = file_residents(a, 1)
    a.sync()
    hub.kill()
    s = a.as_user()
    s.residents.update(rid, replace(s.residents.get(rid).draft, work_unit="长宁区图书馆"))
    with pytest.raises(SyncError, match="无法连接"):
        a.sync()
    hub.start()
    a.sync()
    b = make_device(tmp_path, hub, "b")
    assert b.as_user().residents.get(rid).draft.work_unit == "长宁区图书馆"
    a.db.close(), b.db.close()
