"""Hospice assessment through the service: the live result, the doctor's decision and its override,
sign-off with its digest, versions, the reassessment date, replay, consultations and the referral
to the regional hospice centre."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from chc_desktop.domain.hospice import ESAS_ITEMS
from chc_desktop.services.app import Services
from chc_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from chc_desktop.services.hospice import REGIONAL_CENTRE, AssessmentDraft
from chc_desktop.store.models import HospiceAssessment
from tests.conftest import TODAY
from tests.services.helpers import draft, id_number

ESAS_OK = {"items": dict.fromkeys(ESAS_ITEMS, 3), "completed_by": "patient"}
HOME = AssessmentDraft(
    diagnosis="胰腺癌",
    icd10="C25.9",
    end_stage=True,
    survival_months=3,
    kps=50,
    pps=50,
    ppi={"oral_intake": "moderate", "oedema": False, "dyspnoea": False, "delirium": False},
    esas=ESAS_OK,
    barthel={
        "feeding": 5,
        "bathing": 0,
        "grooming": 5,
        "dressing": 5,
        "bowels": 10,
        "bladder": 10,
        "toilet": 5,
        "transfer": 10,
        "mobility": 10,
        "stairs": 0,
    },
    caregiver=True,
    caregiver_capable=True,
    caregiver_24h=True,
    home_suitable=True,
    wish="home",
    consent_care=True,
    consent_share=True,
    coordination={"care_place_1": "home", "death_place_1": "home", "cpr": "dnacpr"},
)


@pytest.fixture
def patient(doctor: Services) -> object:
    return doctor.residents.file(
        draft(doctor, name="安宁甲", id_number=id_number("19480303", "701"), phone="")
    )


def test_the_live_result_and_a_saved_assessment(doctor: Services, patient: object) -> None:
    results, rec = doctor.hospice.preview(HOME)
    assert results["ppi"] == {"score": "3.5", "survival": "预计生存期 6 周或以上", "group": "B"}
    assert results["barthel"] == {"total": 60, "band": "中度依赖"} and results["esas"]["max"] == 3
    assert (rec.eligible, rec.setting) == (True, "home")
    a = doctor.hospice.save(patient.id, HOME)
    assert (a.version, a.chosen_setting, a.signed, a.next_review) == (
        1,
        "home",
        False,
        TODAY + dt.timedelta(days=14),
    )
    assert a.draft == HOME and a.rule_version


def test_an_impossible_input_is_refused_with_its_reason(doctor: Services, patient: object) -> None:
    with pytest.raises(ValidationFailed, match="没有 45%"):
        doctor.hospice.save(patient.id, replace(HOME, pps=45))
    with pytest.raises(ValidationFailed, match="只能评"):
        doctor.hospice.save(patient.id, replace(HOME, barthel={**HOME.barthel, "feeding": 7}))


def test_an_override_needs_a_reason(doctor: Services, patient: object) -> None:
    with pytest.raises(ValidationFailed) as e:
        doctor.hospice.save(patient.id, HOME, chosen_setting="inpatient")
    assert e.value.errors == {"override_reason": "与建议不同的安排须写明理由"}
    a = doctor.hospice.save(patient.id, HOME, "inpatient", "照护者下月出国")
    assert (a.recommended_setting, a.chosen_setting, a.override_reason) == (
        "home",
        "inpatient",
        "照护者下月出国",
    )


def test_sign_off_locks_and_a_later_change_is_detectable(
    doctor: Services, nurse: Services, patient: object
) -> None:
    a = nurse.hospice.save(patient.id, HOME)
    with pytest.raises(PermissionDenied):
        nurse.hospice.sign(a.id)
    signed = doctor.hospice.sign(a.id)
    assert signed.signed and signed.digest and doctor.hospice.verify(a.id)
    with pytest.raises(ServiceError, match="不能修改"):
        doctor.hospice.save(patient.id, HOME, assessment_id=a.id)
    with doctor.db.unit_of_work(None) as s:  # a change behind the program's back
        row = s.get(HospiceAssessment, a.id)
        assert row is not None
        row.inputs = {**row.inputs, "kps": 70}
    assert not doctor.hospice.verify(a.id)


def test_a_new_version_keeps_the_signed_one(doctor: Services, patient: object) -> None:
    first = doctor.hospice.sign(doctor.hospice.save(patient.id, HOME).id)
    second = doctor.hospice.revise(first.id)
    assert (second.version, second.signed, second.draft) == (2, False, HOME)
    worse = doctor.hospice.save(patient.id, replace(HOME, pps=30, kps=40), assessment_id=second.id)
    # PPS fell by 20 points since the signed version: reassess in 7 days, not 14
    assert worse.next_review == TODAY + dt.timedelta(days=7)
    assert [h.version for h in doctor.hospice.history(patient.id)] == [1, 2]
    assert doctor.hospice.get(first.id).draft == HOME


def test_replay_gives_the_stored_result(doctor: Services, patient: object) -> None:
    a = doctor.hospice.save(
        patient.id, replace(HOME, esas={**ESAS_OK, "items": {**ESAS_OK["items"], "pain": 8}})
    )
    again = doctor.hospice.replay(a.id)
    assert (again.setting, again.reasons, again.rule_version) == (
        a.recommended_setting,
        a.reasons,
        a.rule_version,
    )
    assert a.recommended_setting == "inpatient" and "症状未控制（ESAS-r 最高 8 分）" in a.reasons


def test_reviews_due_lists_the_latest_signed_versions(doctor: Services, patient: object) -> None:
    first = doctor.hospice.sign(doctor.hospice.save(patient.id, HOME).id)
    later = Services(doctor.db, doctor.user, TODAY + dt.timedelta(days=15))
    assert [r.id for r in later.hospice.reviews_due()] == [first.id]
    second = later.hospice.sign(later.hospice.revise(first.id).id)
    assert [r.id for r in later.hospice.reviews_due()] == []  # the new version is due in 14 days
    assert second.next_review == TODAY + dt.timedelta(days=15 + 14)


def test_the_workbench_lists_who_is_due_and_leaves_out_the_dead(doctor: Services, patient: object) -> None:
    doctor.hospice.sign(doctor.hospice.save(patient.id, HOME).id)
    later = Services(doctor.db, doctor.user, TODAY + dt.timedelta(days=16))
    [due] = later.hospice.due_list()
    assert (due.name, due.age, due.days_over) == ("安宁甲", 78, 2)
    assert later.workbench.snapshot().reviews_due == (due,)
    later.residents.set_status(patient.id, "dead", TODAY + dt.timedelta(days=10), death_cause="胰腺癌")
    assert later.hospice.due_list() == [] and later.hospice.reviews_due() != []


def test_referral_to_the_regional_centre_carries_the_assessment(doctor: Services, patient: object) -> None:
    a = doctor.hospice.save(patient.id, HOME, "inpatient", "家属要求住院")
    with pytest.raises(ServiceError, match="请先签署"):
        doctor.hospice.refer_to_regional_centre(a.id)
    doctor.hospice.sign(a.id)
    ref = doctor.hospice.refer_to_regional_centre(a.id)
    assert (ref.to_site_id, ref.to_site, ref.department, ref.status_label) == (
        REGIONAL_CENTRE,
        "程家桥社区卫生服务中心",
        "安宁疗护科",
        "草稿",
    )
    assert ref.content["impression"] == "胰腺癌（C25.9）终末期，申请安宁疗护"
    assert ref.hospice_assessment_id == a.id
    assert doctor.referrals.step(ref.id, "send").status_label == "已发出"
    with pytest.raises(ServiceError, match="已有转介在办理中"):
        doctor.hospice.refer_to_regional_centre(a.id)  # not twice
    doctor.referrals.step(ref.id, "cancel", "家属改为居家")
    assert doctor.hospice.refer_to_regional_centre(a.id).status_label == "草稿"  # again, once withdrawn


def test_not_eligible_cannot_be_referred(doctor: Services, patient: object) -> None:
    a = doctor.hospice.sign(doctor.hospice.save(patient.id, replace(HOME, consent_care=False)).id)
    assert not a.eligible and "尚未知情同意接受安宁疗护" in a.reasons
    with pytest.raises(ServiceError, match="不符合安宁疗护条件"):
        doctor.hospice.refer_to_regional_centre(a.id)


def test_consultations(doctor: Services, patient: object) -> None:
    with pytest.raises(ValidationFailed) as e:
        doctor.hospice.consult(patient.id, TODAY + dt.timedelta(days=1), "", "")
    assert set(e.value.errors) == {"consultant", "advice", "held_on"}
    cid = doctor.hospice.consult(patient.id, TODAY, "同仁医院 周主任", "加用芬太尼透皮贴", REGIONAL_CENTRE)
    [c] = doctor.hospice.consultations(patient.id)
    assert (c.id, c.consultant, c.site, c.advice) == (
        cid,
        "同仁医院 周主任",
        "程家桥社区卫生服务中心",
        "加用芬太尼透皮贴",
    )


def test_coordination_items_are_checked_and_stored_without_empty_ones(
    doctor: Services, patient: object
) -> None:
    for items, field in (
        ({"death_place_1": "家中"}, "death_place_1"),  # a label, not a code
        ({"cpr": "maybe"}, "cpr"),
        ({"care_place_1": "home", "care_place_2": "home"}, "care_place_2"),
        ({"favourite_colour": "blue"}, "coordination"),
        ({"main_carer": "女" * 201}, "main_carer"),
    ):
        with pytest.raises(ValidationFailed) as e:
            doctor.hospice.save(patient.id, replace(HOME, coordination=items))
        assert field in e.value.errors, items
    a = doctor.hospice.save(
        patient.id,
        replace(HOME, coordination={"death_place_1": "home", "key_worker": " ", "main_carer": "女儿"}),
    )
    assert a.draft.coordination == {"death_place_1": "home", "main_carer": "女儿"}


def test_home_hospice_starts_only_from_a_signed_home_assessment(doctor: Services, patient: object) -> None:
    unsigned = doctor.hospice.save(patient.id, HOME)
    with pytest.raises(ServiceError, match="请先签署"):
        doctor.hospice.start_home_care(unsigned.id, TODAY)
    inpatient = doctor.hospice.sign(
        doctor.hospice.save(patient.id, HOME, chosen_setting="inpatient", override_reason="家属要求住院").id
    )
    with pytest.raises(ServiceError, match="机构安宁疗护"):
        doctor.hospice.start_home_care(inpatient.id, TODAY)
    home = doctor.hospice.sign(unsigned.id)
    with pytest.raises(ValidationFailed, match="晚于今天"):
        doctor.hospice.start_home_care(home.id, TODAY + dt.timedelta(days=1))
    started = doctor.hospice.start_home_care(home.id, TODAY, "每周二查床")
    assert (started.assessment_id, started.assessment_version, started.ended_on) == (home.id, 1, None)
    # Home hospice is delivered as a 舒缓照顾型 home bed: applied for at once, linked both ways.
    assert started.bed_id is not None and started.bed_note == ""
    bed = doctor.homebeds.get(started.bed_id)
    assert (bed.bed_type, bed.status_label, bed.hospice_assessment_id) == ("3", "申请", home.id)
    assert doctor.hospice.home_care(patient.id)[0].bed_id == started.bed_id
    with pytest.raises(ServiceError, match="已在进行中"):
        doctor.hospice.start_home_care(home.id, TODAY)
    with pytest.raises(ValidationFailed):
        doctor.hospice.end_home_care(started.id, TODAY - dt.timedelta(days=1))
    doctor.hospice.end_home_care(started.id, TODAY)
    [ended] = doctor.hospice.home_care(patient.id)
    assert ended.ended_on == TODAY and ended.note == "每周二查床"


def test_place_of_death_against_the_preference(doctor: Services, patient: object) -> None:
    assert doctor.hospice.outcome(patient.id) is None  # alive
    doctor.hospice.save(
        patient.id, replace(HOME, coordination={"death_place_1": "home", "death_place_2": "hospice"})
    )
    with pytest.raises(ValidationFailed) as e:
        doctor.residents.set_status(patient.id, "dead", TODAY, death_cause="胰腺癌", death_place="家里")
    assert "death_place" in e.value.errors
    doctor.residents.set_status(patient.id, "dead", TODAY, death_cause="胰腺癌", death_place="hospital")
    out = doctor.hospice.outcome(patient.id)
    assert out is not None and (out.died_on, out.place, out.preferred, out.matched) == (
        TODAY,
        "hospital",
        ("home", "hospice"),
        False,
    )
    assert doctor.residents.get(patient.id).death_place == "hospital"
    doctor.residents.set_status(patient.id, "dead", TODAY, death_cause="胰腺癌", death_place="hospice")
    assert doctor.hospice.outcome(patient.id).matched is True  # the second choice
    doctor.residents.set_status(patient.id, "dead", TODAY, death_cause="胰腺癌")
    assert doctor.hospice.outcome(patient.id).matched is None  # place not recorded
