"""Hospice assessments, home hospice, consultations, referrals and their steps travel with their
resident: a signed assessment is still verifiably the signed one on the other workstation, and two
sites acting on one referral offline both keep their step."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from chc_desktop.services.sites import site_id
from tests.conftest import TODAY
from tests.services.helpers import draft
from tests.services.test_hospice import HOME
from tests.sync.conftest import Device, HubServer, add_staff, make_device

CHENGJIAQIAO = site_id("centre", "程家桥社区卫生服务中心")
UP = {"impression": "胰腺癌终末期", "history_present": "疼痛加重，进食减少"}


def test_a_signed_assessment_and_home_hospice_reach_the_other_station(devices: list[Device]) -> None:
    a, b = devices
    doc = a.as_user()
    rid = doc.residents.file(draft(doc)).id
    coordination = {"death_place_1": "home", "death_place_2": "hospice", "main_carer": "女儿"}
    signed = doc.hospice.sign(doc.hospice.save(rid, replace(HOME, coordination=coordination)).id)
    home = doc.hospice.start_home_care(signed.id, TODAY, "每周二查床")
    doc.hospice.consult(rid, TODAY, "同仁医院 周主任", "加用芬太尼透皮贴")
    a.sync()
    b.sync()
    other = b.as_user()
    assert other.hospice.get(signed.id) == signed
    assert other.hospice.verify(signed.id)  # the digest is computed from what arrived
    assert other.hospice.home_care(rid) == [home]
    assert [c.advice for c in other.hospice.consultations(rid)] == ["加用芬太尼透皮贴"]

    # B records the death; A sees where, against the preference A recorded.
    other.residents.set_status(rid, "dead", TODAY, death_cause="胰腺癌", death_place="hospice")
    b.sync()
    a.sync()
    out = doc.hospice.outcome(rid)
    assert out is not None and (out.place, out.matched) == ("hospice", True)
    assert doc.hospice.due_list(365) == []  # nobody left to reassess


def test_two_sites_acting_on_one_referral_offline_both_keep_their_step(
    devices: list[Device], hub: HubServer, tmp_path: Path, demo_hash: str
) -> None:
    """仙霞 refers a resident to 程家桥: the file reaches 程家桥's workstation through the accepted
    referral (the hub decides, not the workstation), and both sites' offline steps are kept."""
    a, _ = devices
    add_staff(hub, "cjq", "doctor", "程家桥社区卫生服务中心", demo_hash)
    c = make_device(tmp_path, hub, "cjq", site="程家桥社区卫生服务中心")
    doc = a.as_user()
    rid = doc.residents.file(draft(doc)).id
    ref = doc.referrals.create(rid, "up", CHENGJIAQIAO, content=UP)
    doc.referrals.step(ref.id, "send")
    a.sync()
    c.sync()
    receiver = c.as_user("cjq")
    assert [x.id for x in receiver.referrals.waiting_list()] == [ref.id]
    assert receiver.residents.get(rid).draft.name == "张三"  # the referred file came with it

    # Offline: 程家桥 receives on its workstation while 仙霞 withdraws on A.
    receiver.referrals.step(ref.id, "receive")
    doc.referrals.step(ref.id, "cancel", "家属改为居家")
    a.sync(), c.sync(), a.sync()
    seen = [a.as_user().referrals.get(ref.id), c.as_user("cjq").referrals.get(ref.id)]
    assert seen[0].status == seen[1].status  # both sites agree after the sync
    for r in seen:
        assert sorted(s.step for s in r.steps) == ["cancel", "receive", "send"]  # nothing lost
    c.db.close()
