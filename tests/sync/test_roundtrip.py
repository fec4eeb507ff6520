from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from chc_desktop.hub import schema as H
from chc_desktop.services.residents import Filters
from chc_desktop.store import digest
from chc_desktop.sync import device as device_module
from chc_desktop.sync.tables import MODELS
from tests.services.helpers import draft, id_number
from tests.sync.conftest import Device, HubServer, make_device


def test_a_resident_filed_on_one_device_reaches_the_other(devices: list[Device]) -> None:
    a, b = devices
    doc = a.as_user()
    filed = doc.residents.file(draft(doc))
    report = a.sync()
    assert report.pushed >= 2 and not report.rejected and not report.disagreements
    b.sync()
    got = b.as_user().residents.get(filed.id)
    assert got.draft == filed.draft  # every value arrives as typed
    assert got.record_no == filed.record_no
    found = b.as_user().search.search("zs")  # pulled files are in the search index
    assert [r.id for r in found.rows] == [filed.id]


def test_record_numbers_come_from_hub_leases_and_never_collide(devices: list[Device]) -> None:
    a, b = devices  # both synced once: the hub granted each its blocks
    files = []
    for d, name in zip((a, b, a, b), ("李一", "李二", "李三", "李四"), strict=True):
        s = d.as_user()
        files.append(s.residents.file(draft(s, name=name, id_number=id_number(seq=f"1{len(files)}3"))))
    numbers = [f.record_no for f in files]
    assert None not in numbers and len(set(numbers)) == 4
    a.sync(), b.sync(), a.sync()
    assert {r.record_no for r in a.as_user().residents.page(Filters(), 0, 50)} >= set(numbers)


def test_a_file_saved_without_a_lease_gets_its_number_at_the_next_sync(
    tmp_path: Path, hub: HubServer
) -> None:
    a = make_device(tmp_path, hub, "a")
    street = next(x for x in a.as_user().sites.list("street") if x.code == "310105008")
    new = a.as_user("admin").sites.add_committee(street.id, "051", "仙霞新建居委会")  # no lease for it yet
    s = a.as_user()
    filed = s.residents.file(draft(s, committee_id=new.id))
    assert filed.record_no is None and filed.record_no_formatted == "（待分配）"
    report = a.sync()
    assert not report.rejected
    got = a.as_user().residents.get(filed.id)
    assert got.record_no is not None and got.record_no.startswith("310105008051")
    a.db.close()


def test_the_hubs_trigger_kept_digests_equal_a_recount(devices: list[Device]) -> None:
    a, b = devices
    s = a.as_user()
    s.residents.file(draft(s))
    a.sync(), b.sync()
    engine = a.hub.engine()
    with engine.begin() as conn:
        kept = sorted(conn.execute(select(H.DIGESTS).where(H.DIGESTS.c.n > 0)).all())
        H.rebuild_digests(conn)
        recounted = sorted(conn.execute(select(H.DIGESTS)).all())
    engine.dispose()
    assert kept == recounted and len(kept) >= 5


def test_a_bulk_first_sync_indexes_counts_and_agrees(
    tmp_path: Path, devices: list[Device], hub: HubServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first-sync path (digests counted once, search keys from a second process) on a small hub."""
    a, _ = devices
    s = a.as_user()
    filed = [
        s.residents.file(draft(s, name=n, id_number=id_number(seq=q)))
        for n, q in (("李一", "111"), ("王二", "121"))
    ]
    a.sync()
    monkeypatch.setattr(device_module, "BULK_PULL", 1)
    monkeypatch.setattr(device_module, "PULL_BATCH", 7)
    monkeypatch.setattr(device_module, "BULK_BATCH", 7)
    c = make_device(tmp_path, hub, "c", sync=False)
    report = c.sync()
    assert report.pulled > 14 and not report.disagreements
    doc = c.as_user()
    assert [r.id for r in doc.search.search("ly").rows] == [filed[0].id]
    assert [r.id for r in doc.search.search("王二").rows] == [filed[1].id]
    with c.db.engine.connect() as conn:
        triggers = conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name GLOB '*_digest_*'"
        ).scalar()
        indexes = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'").scalars())
    assert triggers == 3 * len(MODELS)  # every synced table keeps its digest again
    with c.db.engine.begin() as conn:  # the sums added from the pulled values equal a recount
        kept = digest.read(conn)
        digest.install(conn, [m.__tablename__ for m in MODELS])
        assert digest.read(conn) == kept and len(kept) >= 5
    with a.db.engine.connect() as conn:
        assert indexes == set(
            conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'").scalars()
        )
    c.db.close()
