"""Two-way referrals through the service: draft, send, receive, complete, return, cancel — each
step kept with who and when, refusals with their reasons, the register and the monthly counts."""

from __future__ import annotations

import datetime as dt

import pytest

from chc_desktop.services.app import Services
from chc_desktop.services.contracts import SignRequest
from chc_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from chc_desktop.services.referrals import RegisterFilters
from chc_desktop.services.sites import site_id
from tests.conftest import TODAY
from tests.services.contract_helpers import make_teams
from tests.services.helpers import draft, id_number

TONGREN = site_id("hospital", "同仁医院")
CHENGJIAQIAO = site_id("centre", "程家桥社区卫生服务中心")
UP = {"impression": "肺部感染可能", "history_present": "发热三天，咳嗽加重", "history_past": "高血压十年"}


def _resident(s: Services, seq: str = "601") -> object:
    return s.residents.file(
        draft(
            s,
            name="转诊" + "零一二三四五六七八九"[int(seq[-1])],
            id_number=id_number("19450101", seq),
            phone="",
        )
    )


def test_an_up_referral_from_draft_to_completed(doctor: Services) -> None:
    r = _resident(doctor)
    ref = doctor.referrals.create(
        r.id, "up", TONGREN, department="呼吸科", content={"impression": "肺部感染可能"}
    )
    assert (ref.status_label, ref.direction_label, ref.from_site, ref.to_site) == (
        "草稿",
        "转出",
        "仙霞社区卫生服务中心",
        "同仁医院",
    )
    assert ref.priorities == ()  # not signed: no green channel
    with pytest.raises(ValidationFailed) as e:
        doctor.referrals.step(ref.id, "send")
    assert e.value.errors == {"history_present": "发出前请填写主要现病史（转出原因）"}
    doctor.referrals.update(ref.id, UP, expert_slot="12月2日上午 呼吸科专家门诊")
    sent = doctor.referrals.step(ref.id, "send")
    assert (sent.status_label, sent.sent_on, sent.expert_slot) == (
        "已发出",
        TODAY,
        "12月2日上午 呼吸科专家门诊",
    )
    with pytest.raises(ServiceError, match="内容不能再修改"):
        doctor.referrals.update(ref.id, {"impression": "改"})
    received = doctor.referrals.step(ref.id, "receive")  # recorded for the hospital
    done = doctor.referrals.step(ref.id, "complete")
    assert (received.status_label, done.status_label) == ("已接收", "已完成")
    assert [(st.label, st.from_status, st.to_status, st.by) for st in done.steps] == [
        ("发出", "draft", "sent", "王医生"),
        ("接收", "sent", "received", "王医生"),
        ("完成", "received", "completed", "王医生"),
    ]
    with pytest.raises(ValidationFailed, match="转诊已完成，不能撤销，转诊已结束"):
        doctor.referrals.step(ref.id, "cancel", "误操作")


def test_a_signed_resident_gets_the_green_channel(admin: Services, doctor: Services) -> None:
    teams = make_teams(admin)
    r = _resident(doctor, "602")
    doctor.contracts.sign(r.id, SignRequest(teams.first.id, teams.first.lead_doctor_id, TODAY))
    ref = doctor.referrals.create(r.id, "up", TONGREN, content=UP)
    assert ref.priorities == ("visit", "exam", "admission")


def test_between_centres_only_the_receiving_centre_receives(
    admin: Services, doctor: Services, db: object
) -> None:
    admin.users.add("cjq", "钱医生", "doctor", "demo1234x", CHENGJIAQIAO)
    other = Services(doctor.db, None, TODAY).login("cjq", "demo1234x")
    r = _resident(doctor, "603")
    ref = doctor.referrals.create(r.id, "up", CHENGJIAQIAO, content=UP)
    doctor.referrals.step(ref.id, "send")
    with pytest.raises(ValidationFailed, match="只有接收方可以接收"):
        doctor.referrals.step(ref.id, "receive")
    assert other.referrals.waiting() == 1 and doctor.referrals.waiting() == 0
    assert [x.id for x in other.referrals.waiting_list()] == [
        ref.id
    ] and doctor.referrals.waiting_list() == []
    returned = other.referrals.step(ref.id, "return", "本中心安宁疗护床位已满")
    assert (returned.status_label, returned.closed_reason) == ("已退回", "本中心安宁疗护床位已满")
    assert other.referrals.waiting() == 0


def test_cancel_needs_a_reason_and_a_stranger_cannot_act(admin: Services, doctor: Services) -> None:
    admin.users.add("hq", "孙医生", "doctor", "demo1234x", site_id("centre", "虹桥社区卫生服务中心"))
    stranger = Services(doctor.db, None, TODAY).login("hq", "demo1234x")
    r = _resident(doctor, "604")
    ref = doctor.referrals.create(r.id, "up", TONGREN, content=UP)
    with pytest.raises(ValidationFailed, match="撤销须写明原因"):
        doctor.referrals.step(ref.id, "cancel")
    with pytest.raises(ServiceError, match="只有转出机构或接收机构的人员"):
        stranger.referrals.step(ref.id, "cancel", "不需要")
    assert doctor.referrals.step(ref.id, "cancel", "患者改变主意").status_label == "已撤销"


def test_a_back_referral_needs_its_own_fields(doctor: Services) -> None:
    r = _resident(doctor, "605")
    with pytest.raises(ValidationFailed) as e:
        doctor.referrals.create(r.id, "back", TONGREN, content={"impression": "x"})
    assert e.value.errors == {"impression": "回转单没有这一项"}
    with pytest.raises(ValidationFailed, match="不能是本机构"):
        doctor.referrals.create(r.id, "up", site_id("centre", "仙霞社区卫生服务中心"))


def test_a_hospitals_back_referral_is_entered_at_the_receiving_centre(doctor: Services) -> None:
    r = _resident(doctor, "607")
    xianxia = site_id("centre", "仙霞社区卫生服务中心")
    back = {"diagnosis": "2 型糖尿病", "treatment": "胰岛素强化治疗", "plan": "社区随访，每月复查血糖"}
    with pytest.raises(ValidationFailed, match="只有医院开具的回转单"):
        doctor.referrals.create(r.id, "up", xianxia, content=UP, from_site_id=TONGREN)
    with pytest.raises(ValidationFailed, match="接收机构是本机构"):
        doctor.referrals.create(r.id, "back", CHENGJIAQIAO, content=back, from_site_id=TONGREN)
    ref = doctor.referrals.create(r.id, "back", xianxia, content=back, from_site_id=TONGREN)
    assert (ref.from_site, ref.to_site, ref.priorities) == ("同仁医院", "仙霞社区卫生服务中心", ())
    for step, label in (("send", "已发出"), ("receive", "已接收"), ("complete", "已完成")):
        assert doctor.referrals.step(ref.id, step).status_label == label
    assert [m.back for m in doctor.referrals.monthly()] == [1]


def test_register_filters_and_monthly_counts(doctor: Services, clerk: Services, db: object) -> None:
    r = _resident(doctor, "606")
    a = doctor.referrals.create(r.id, "up", TONGREN, content=UP)
    doctor.referrals.step(a.id, "send")
    b = doctor.referrals.create(r.id, "up", site_id("hospital", "华东医院"), content=UP)
    later = Services(doctor.db, doctor.user, dt.date(2026, 12, 3))
    later.referrals.step(b.id, "send")
    assert [x.id for x in clerk.referrals.register(RegisterFilters(status="sent"))] == [b.id, a.id]
    assert [x.id for x in clerk.referrals.register(RegisterFilters(month="2026-11"))] == [a.id]
    assert [x.id for x in clerk.referrals.register(RegisterFilters(site_id=TONGREN))] == [a.id]
    assert [(m.month, m.up, m.back) for m in clerk.referrals.monthly()] == [
        ("2026-11", 1, 0),
        ("2026-12", 1, 0),
    ]
    with pytest.raises(PermissionDenied):
        clerk.referrals.create(r.id, "up", TONGREN)


def test_the_steps_offered_are_the_steps_allowed(admin: Services, doctor: Services, clerk: Services) -> None:
    admin.users.add("cjq2", "吴医生", "doctor", "demo1234x", CHENGJIAQIAO)
    other = Services(doctor.db, None, TODAY).login("cjq2", "demo1234x")
    r = _resident(doctor, "608")
    to_centre = doctor.referrals.create(r.id, "up", CHENGJIAQIAO, content=UP)
    to_hospital = doctor.referrals.create(r.id, "up", TONGREN, content=UP)
    assert doctor.referrals.actions(to_centre.id) == ("send", "cancel")
    assert other.referrals.actions(to_centre.id) == () and clerk.referrals.actions(to_centre.id) == ()
    doctor.referrals.step(to_centre.id, "send")
    doctor.referrals.step(to_hospital.id, "send")
    assert doctor.referrals.actions(to_centre.id) == ("cancel",)  # the centre receives for itself
    assert other.referrals.actions(to_centre.id) == ("receive", "return")
    # A hospital does not use the program: the sending centre records its answer.
    assert doctor.referrals.actions(to_hospital.id) == ("receive", "return", "cancel")
    for ref in (to_centre, to_hospital):
        for step in doctor.referrals.actions(ref.id) + other.referrals.actions(ref.id):
            assert step in {"receive", "return", "cancel"}
    assert doctor.referrals.register(RegisterFilters(resident_id=r.id))[0].id == to_hospital.id
    assert len(doctor.referrals.register(RegisterFilters(resident_id=r.id))) == 2
    with pytest.raises(ValidationFailed, match="请选择接收"):
        doctor.referrals.create(r.id, "up", None, content=UP)
