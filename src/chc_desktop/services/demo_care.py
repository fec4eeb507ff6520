"""Demo hospice patients and two-way referrals for the demo centre (仙霞), written through the
services as a doctor would over the past months — so every rule and check runs on them, the
charts have a history, and the register has months to count.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from sqlalchemy import select

from chc_desktop.domain.hospice import BARTHEL_ITEMS, ESAS_ITEMS
from chc_desktop.services.context import Context, CurrentUser
from chc_desktop.services.homebeds import (
    ApplicationDraft,
    Discharge,
    HomeBedService,
    Registration,
    VisitDraft,
)
from chc_desktop.services.hospice import AssessmentDraft, HospiceService
from chc_desktop.services.referrals import ReferralService
from chc_desktop.services.sites import site_id
from chc_desktop.store.database import Database
from chc_desktop.store.models import Resident, StaffUser

HOSPICE_PATIENTS = 8
REFERRALS = 24
DIAGNOSES = (
    ("肺恶性肿瘤", "C34.9"),
    ("胰腺恶性肿瘤", "C25.9"),
    ("胃恶性肿瘤", "C16.9"),
    ("肝恶性肿瘤", "C22.9"),
    ("结肠恶性肿瘤", "C18.9"),
    ("慢性心力衰竭（终末期）", "I50.9"),
    ("慢性阻塞性肺疾病（终末期）", "J44.9"),
    ("乳腺恶性肿瘤", "C50.9"),
)
HOSPITALS = ("同仁医院", "光华中西医结合医院", "华东医院", "天山中医医院")
UP = (
    ("冠心病，不稳定型心绞痛？", "胸痛反复发作一周，含服硝酸甘油可缓解", "心内科"),
    ("2 型糖尿病血糖控制不佳", "空腹血糖 12–15 mmol/L，已用二甲双胍及格列美脲", "内分泌科"),
    ("肺部阴影待查", "体检胸片示右上肺结节影，咳嗽两月", "呼吸科"),
    ("脑卒中后遗症，康复评估", "左侧肢体无力三月，需评估康复方案", "康复医学科"),
)
BACK = (
    ("冠心病 PCI 术后", "抗血小板及他汀治疗，社区随访血压、血脂，每月复诊"),
    ("2 型糖尿病", "胰岛素联合口服药，社区每周监测血糖，三月后复查糖化血红蛋白"),
    ("社区获得性肺炎（已愈）", "抗感染疗程已足，社区随访，两周后复查胸片"),
)


def _draft(rng: random.Random, diagnosis: tuple[str, str], pps: int, home: bool) -> AssessmentDraft:
    esas_top = rng.randint(2, 6) if home else rng.randint(7, 9)
    items = {k: rng.randint(0, esas_top) for k in ESAS_ITEMS}
    items["tiredness"] = esas_top
    barthel = {
        k: allowed[min(len(allowed) - 1, 1 if pps >= 40 else 2)] for k, (_, allowed) in BARTHEL_ITEMS.items()
    }
    return AssessmentDraft(
        diagnosis=diagnosis[0],
        icd10=diagnosis[1],
        end_stage=True,
        survival_months=3 if pps >= 40 else 1,
        kps=min(100, pps + 10 * rng.randint(0, 1)),
        pps=pps,
        ppi={
            "oral_intake": "moderate" if pps >= 40 else "severe",
            "oedema": pps < 40,
            "dyspnoea": False,
            "delirium": False,
        },
        esas={"items": items, "completed_by": "patient" if pps >= 40 else "family"},
        barthel=barthel,
        caregiver=True,
        caregiver_capable=True,
        caregiver_24h=home,
        home_suitable=home,
        wish="home" if home else "inpatient",
        aware_diagnosis=True,
        aware_prognosis=home,
        consent_care=True,
        consent_share=True,
        coordination={
            "care_place_1": "home" if home else "hospice",
            "death_place_1": "home" if home else "hospice",
            "death_place_2": "hospice" if home else "hospital",
            "cpr": "dnacpr",
            "main_carer": rng.choice(("配偶", "女儿", "儿子")),
        },
    )


def add_demo_care(db: Database, today: dt.date, seed: int = 2026) -> tuple[int, int]:
    """Hospice patients with two or three signed assessments each, and referrals over the past year.
    Returns (hospice patients, referrals)."""
    rng = random.Random(seed)
    with db.reader() as s:
        doctor = s.scalars(select(StaffUser).where(StaffUser.username == "doctor")).one()
        user = CurrentUser(doctor.id, doctor.username, doctor.display_name, doctor.role, doctor.site_id)
        old = today.replace(year=today.year - 70)
        elders = list(
            s.scalars(
                select(Resident.id)
                .where(Resident.birth_date <= old, Resident.status == "active", Resident.deleted_at.is_(None))
                .order_by(Resident.record_no)
                .limit(200)
            )
        )
        adults = list(
            s.scalars(
                select(Resident.id).where(Resident.status == "active").order_by(Resident.record_no).limit(400)
            )
        )
    if not elders or not adults:
        return 0, 0
    patients = rng.sample(elders, min(HOSPICE_PATIENTS, len(elders)))
    for i, rid in enumerate(patients):
        _hospice_patient(db, user, today, rng, rid, i)
    referrals = _referrals(db, user, today, rng, adults)
    _home_beds(db, user, today, rng, [r for r in elders if r not in patients])
    return len(patients), referrals


# (diagnosis, ICD-10, bed type, indication) of the demo's home beds
BEDS = (
    ("脑梗死后遗症", "I69.3", "2", "左侧偏瘫，长期卧床，需康复训练及指导"),
    ("慢性阻塞性肺疾病", "J44.9", "1", "家庭氧疗，反复感染，行动不便"),
    ("骶尾部压疮（Ⅲ期）", "L89.3", "1", "卧床，需定期换药"),
    ("股骨颈骨折术后", "S72.0", "2", "术后康复，不能自行来院"),
    ("2 型糖尿病伴足部溃疡", "E11.5", "1", "糖尿病足，需定期换药和血糖监测"),
    ("阿尔茨海默病", "G30.9", "1", "留置导尿，需定期更换"),
    ("慢性心力衰竭", "I50.9", "1", "心功能 Ⅲ 级，行动受限，需定期随访调整用药"),
    ("帕金森病", "G20", "2", "行走困难，需康复训练"),
    ("肺恶性肿瘤", "C34.9", "3", "晚期肿瘤，需居家舒缓照护"),
    ("脑出血后遗症", "I69.1", "2", "失语、偏瘫，需康复训练"),
)


def _home_beds(
    db: Database, user: CurrentUser, today: dt.date, rng: random.Random, people: list[uuid.UUID]
) -> None:
    """Ten beds: most in bed with visits up to a few days ago (some overdue), one renewed, three
    discharged, one application waiting at the centre."""
    with db.reader() as s:
        staff = {u.username: u.id for u in s.scalars(select(StaffUser))}
    doctors = [staff["doctor"], staff.get("doctor2", staff["doctor"])]
    for n, (diagnosis, icd10, bed_type, indication) in enumerate(BEDS[: min(len(BEDS), len(people))]):
        rid = people[n]
        ago = {2: 95, 6: 100}.get(n) or (rng.randint(6, 80) if n < 7 else rng.randint(100, 200))
        start = today - dt.timedelta(days=ago)  # bed 2 runs past its cycle; bed 6 is renewed
        beds = HomeBedService(Context(db, user, start))
        bed = beds.apply(rid, ApplicationDraft(diagnosis, indication, bed_type, icd10, "长期随访"))
        if n == len(BEDS) - 1:
            continue  # waiting to be opened
        reg = Registration(start, doctors[n % 2], start, staff.get("nurse"))
        bid = beds.register(bed.id, reg).id
        discharged = n >= 7
        if discharged:
            stop = min(today, start + dt.timedelta(days=rng.randint(40, 90)))
        else:  # every third bed has had no visit for ten days: overdue on the worklist
            stop = today - dt.timedelta(days=10 if n % 3 == 0 else 1)
        day = start
        while (day := day + dt.timedelta(days=rng.randint(3, 9))) < stop:
            role = "nurse" if rng.random() < 0.5 else "doctor"
            HomeBedService(Context(db, _as(staff, role, user), day)).visit(bid, _visit(rng, day, role))
        if n == 6:  # renewed at the end of its cycle
            HomeBedService(Context(db, user, today)).renew(bid, start + dt.timedelta(days=90))
        elif discharged:
            outcome = rng.choice(("好转", "治愈", "到期撤床"))
            summary = "病情稳定，可门诊随访"
            HomeBedService(Context(db, user, stop)).discharge(
                bid, Discharge(stop, outcome, diagnosis, icd10, summary)
            )


def _as(staff: dict[str, uuid.UUID], role: str, doctor: CurrentUser) -> CurrentUser:
    if role == "doctor" or "nurse" not in staff:
        return doctor
    return CurrentUser(staff["nurse"], "nurse", "李护士", "nurse", doctor.site_id)


def _visit(rng: random.Random, day: dt.date, role: str) -> VisitDraft:
    at = dt.datetime.combine(day, dt.time(rng.randint(8, 16), rng.choice((0, 15, 30, 45)))).astimezone()
    sbp = rng.randint(110, 165)
    vitals = {"sbp": sbp, "dbp": sbp - rng.randint(40, 60), "pulse": rng.randint(62, 96), "temperature": 36.5}
    if role == "doctor":
        return VisitDraft(
            at,
            complaint=rng.choice(("无明显不适", "夜间睡眠差", "食欲一般", "轻度乏力")),
            vitals=vitals,
            exam="神志清，双肺呼吸音清",
            treatment="继续原方案治疗",
        )
    return VisitDraft(
        at,
        complaint="",
        vitals=vitals,
        nursing=rng.choice(("更换敷料", "指导翻身拍背", "更换导尿管")),
        communication="指导家属护理要点",
    )


def _on(db: Database, user: CurrentUser, day: dt.date) -> tuple[HospiceService, ReferralService]:
    ctx = Context(db, user, day)
    referrals = ReferralService(ctx)
    return HospiceService(ctx, referrals), referrals


def _hospice_patient(
    db: Database, user: CurrentUser, today: dt.date, rng: random.Random, rid: uuid.UUID, i: int
) -> None:
    home = i % 3 != 2
    diagnosis = DIAGNOSES[i % len(DIAGNOSES)]
    visits = 2 + i % 2
    pps = rng.choice((60, 50))
    previous: uuid.UUID | None = None
    for v in range(visits):
        day = today - dt.timedelta(days=14 * (visits - v) + rng.randint(0, 5))
        hospice, _ = _on(db, user, day)
        draft = _draft(rng, diagnosis, pps, home)
        if previous is None:
            a = hospice.save(rid, draft)
        else:
            a = hospice.save(rid, draft, assessment_id=hospice.revise(previous).id)
        a = hospice.sign(a.id)
        previous = a.id
        pps = max(20, pps - rng.choice((0, 10, 10, 20)))
    assert previous is not None
    hospice, referrals = _on(db, user, today - dt.timedelta(days=3))
    latest = hospice.get(previous)
    if latest.chosen_setting == "home":
        hospice.start_home_care(latest.id, latest.assessed_on, "每周上门两次，疼痛评估")
        if i == 0:
            hospice.consult(
                rid,
                latest.assessed_on,
                "同仁医院 周主任",
                "加用芬太尼透皮贴，爆发痛吗啡口服",
                site_id("hospital", "同仁医院"),
                latest.id,
            )
    elif latest.eligible:
        ref = hospice.refer_to_regional_centre(latest.id)
        referrals.step(ref.id, "send")


def _referrals(
    db: Database, user: CurrentUser, today: dt.date, rng: random.Random, people: list[uuid.UUID]
) -> int:
    centre = site_id("centre", "仙霞社区卫生服务中心")
    made = 0
    for n in range(REFERRALS):
        day = today - dt.timedelta(days=rng.randint(0, 330))
        rid = rng.choice(people)
        hospital = site_id("hospital", rng.choice(HOSPITALS))
        _, referrals = _on(db, user, day)
        if n % 3 == 2:
            diagnosis, plan = rng.choice(BACK)
            content = {
                "diagnosis": diagnosis,
                "inpatient_no": f"ZY{rng.randint(100000, 999999)}",
                "treatment": "住院治疗后病情稳定",
                "plan": plan,
            }
            r = referrals.create(rid, "back", centre, content=content, from_site_id=hospital)
            steps = ("send", "receive", "complete")[: rng.choice((1, 2, 3, 3))]
        else:
            impression, history, department = rng.choice(UP)
            content = {"impression": impression, "history_present": history, "treatment": "社区对症治疗"}
            r = referrals.create(rid, "up", hospital, department=department, content=content)
            steps = rng.choice(
                (("send",), ("send", "receive"), ("send", "receive", "complete"), ("send", "return"), ())
            )
        for step in steps:
            referrals.step(r.id, step, "专科床位已满，建议改约" if step == "return" else "")
        made += 1
    return made
