"""Hospice instruments, row by row against the published tables (reference.md §3.3), with
hypothesis properties for ranges and monotonicity, and the eligibility / setting rule."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain import hospice as H
from chc_desktop.domain.errors import DomainError

KPS_GOLDEN = [
    (100, "正常，无症状和体征", "能正常活动和工作，无需特别照顾"),
    (90, "能进行正常活动，有轻微症状和体征", "能正常活动和工作，无需特别照顾"),
    (80, "勉强进行正常活动，有一些症状或体征", "能正常活动和工作，无需特别照顾"),
    (70, "生活能自理，但不能维持正常生活和工作", "不能工作，可在家生活，需不同程度的帮助"),
    (60, "生活能大部分自理，但偶尔需要别人帮助", "不能工作，可在家生活，需不同程度的帮助"),
    (50, "常需要人照料", "不能工作，可在家生活，需不同程度的帮助"),
    (40, "生活不能自理，需要特别照顾和帮助", "不能自理，需要机构或相当于医院的照护"),
    (30, "生活严重不能自理", "不能自理，需要机构或相当于医院的照护"),
    (20, "病重，需要住院和积极的支持治疗", "不能自理，需要机构或相当于医院的照护"),
    (10, "重危，临近死亡", "不能自理，需要机构或相当于医院的照护"),
    (0, "死亡", "不能自理，需要机构或相当于医院的照护"),
]


@pytest.mark.parametrize(("score", "description", "band"), KPS_GOLDEN)
def test_kps_table(score: int, description: str, band: str) -> None:
    assert H.kps(score) == H.Kps(score, description, band)


@pytest.mark.parametrize("bad", [-10, 5, 45, 110])
def test_kps_refuses_what_the_scale_does_not_have(bad: int) -> None:
    with pytest.raises(DomainError, match="10 的倍数"):
        H.kps(bad)


# Each row of PPS v2 read as an assessor would tick it: the row's own cells give the row's score.
PPS_GOLDEN = [
    (100, "full", "normal_none", "full", "normal", "full"),
    (90, "full", "normal_some", "full", "normal", "full"),
    (80, "full", "effort_some", "full", "reduced", "full"),
    (70, "reduced", "no_job", "full", "reduced", "full"),
    (60, "reduced", "no_hobby", "occasional", "normal", "confusion"),
    (50, "sit_lie", "no_work", "considerable", "reduced", "confusion"),
    (40, "bed", "no_most", "mainly", "normal", "drowsy"),
    (30, "bed_bound", "no_any", "total", "reduced", "drowsy"),
    (20, "bed_bound", "no_any", "total", "sips", "full"),
    (10, "bed_bound", "no_any", "total", "mouth_care", "coma"),
]


@pytest.mark.parametrize(("score", "amb", "act", "care", "intake", "conscious"), PPS_GOLDEN)
def test_pps_rows(score: int, amb: str, act: str, care: str, intake: str, conscious: str) -> None:
    assert H.pps_guided(amb, act, care, intake, conscious) == score


def test_pps_left_columns_take_precedence() -> None:
    # Ambulation "full" with an extensive-disease activity: read down from the first "full" row to
    # the activity that fits (50 %), then on down for the later columns.
    assert H.pps_guided("full", "no_work", "considerable", "normal", "full") == 50
    # A later column that fits no lower row does not move the level back up.
    assert H.pps_guided("bed_bound", "no_any", "full", "normal", "full") == 30
    # Intake minimal drives 30 % → 20 % once the left columns reached 30 %.
    assert H.pps_guided("bed_bound", "no_any", "total", "sips", "drowsy") == 20


@given(
    st.sampled_from(list(H.AMBULATION)),
    st.sampled_from(list(H.ACTIVITY)),
    st.sampled_from(list(H.SELF_CARE)),
    st.sampled_from(list(H.INTAKE)),
    st.sampled_from(list(H.CONSCIOUS)),
)
def test_pps_is_a_level_at_or_below_the_ambulation_row(
    amb: str, act: str, care: str, intake: str, cons: str
) -> None:
    score = H.pps_guided(amb, act, care, intake, cons)
    assert score in H.PPS_SCORES and score > 0
    top = max(lv.score for lv in H.PPS_TABLE if amb in lv.ambulation)
    assert score <= top  # never better than the ambulation allows


def test_pps_values() -> None:
    assert H.check_pps(40) == 40
    with pytest.raises(DomainError, match="没有 45%"):
        H.check_pps(45)
    with pytest.raises(DomainError, match="活动能力"):
        H.pps_guided("flying", "no_any", "total", "sips", "full")


@pytest.mark.parametrize(
    ("pps", "intake", "oedema", "dyspnoea", "delirium", "score", "survival", "group"),
    [
        (30, "severe", True, True, True, "13.5", "预计生存期少于 3 周", "C"),  # the published check case
        (10, "normal", False, False, False, "4.0", "预计生存期 6 周或以上", "B"),
        (20, "normal", False, False, False, "4.0", "预计生存期 6 周或以上", "B"),
        (50, "normal", False, False, False, "2.5", "预计生存期 6 周或以上", "B"),
        (60, "normal", False, False, False, "0", "预计生存期 6 周或以上", "A"),
        (60, "moderate", True, False, False, "2.0", "预计生存期 6 周或以上", "A"),
        (40, "moderate", True, False, False, "4.5", "预计生存期少于 6 周", "C"),
        (60, "severe", False, True, False, "6.0", "预计生存期少于 6 周", "C"),
        (60, "severe", True, True, False, "7.0", "预计生存期少于 3 周", "C"),
        (100, "normal", False, False, True, "4.0", "预计生存期 6 周或以上", "B"),
    ],
)
def test_ppi_table(
    pps: int, intake: str, oedema: bool, dyspnoea: bool, delirium: bool, score: str, survival: str, group: str
) -> None:
    assert H.ppi(pps, intake, oedema, dyspnoea, delirium) == H.Ppi(Decimal(score), survival, group)


@given(
    st.sampled_from(sorted(H.PPS_SCORES - {0})),
    st.sampled_from(list(H.ORAL_INTAKE)),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_ppi_range_and_monotonicity(
    pps: int, intake: str, oedema: bool, dyspnoea: bool, delirium: bool
) -> None:
    score = H.ppi(pps, intake, oedema, dyspnoea, delirium).score
    assert Decimal(0) <= score <= Decimal(15) and score * 2 == int(score * 2)
    # Adding any sign never lowers the index; a lower PPS never lowers it either.
    assert H.ppi(pps, intake, True, dyspnoea, delirium).score >= score
    assert H.ppi(pps, intake, oedema, True, delirium).score >= score
    assert H.ppi(pps, intake, oedema, dyspnoea, True).score >= score
    if pps > 10:
        assert H.ppi(pps - 10, intake, oedema, dyspnoea, delirium).score >= score


def test_ppi_refusals() -> None:
    with pytest.raises(DomainError, match="不计算"):
        H.ppi(0, "normal", False, False, False)
    with pytest.raises(DomainError, match="经口进食"):
        H.ppi(50, "some", False, False, False)


ITEMS = dict.fromkeys(H.ESAS_ITEMS, 0)


def test_esas_total_and_severe_items() -> None:
    e = H.esas({**ITEMS, "pain": 8, "breath": 7, "anxiety": 3}, "family", "便秘", 5)
    assert (e.total, e.severe, e.other_name, e.other_score) == (18, ("pain", "breath"), "便秘", 5)


@pytest.mark.parametrize(
    ("items", "by", "message"),
    [
        ({k: v for k, v in ITEMS.items() if k != "pain"}, "patient", "缺少：疼痛"),
        ({**ITEMS, "pain": 11}, "patient", "0–10 的整数"),
        ({**ITEMS, "pain": -1}, "patient", "0–10 的整数"),
        ({**ITEMS, "itch": 2}, "patient", "没有这一项"),
        (ITEMS, "neighbour", "由谁填写"),
    ],
)
def test_esas_refusals(items: dict[str, int], by: str, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        H.esas(items, by)


@given(st.fixed_dictionaries({k: st.integers(0, 10) for k in H.ESAS_ITEMS}))
def test_esas_total_is_the_sum_and_severe_is_seven_or_more(items: dict[str, int]) -> None:
    e = H.esas(items, "patient")
    assert 0 <= e.total <= 90 and e.total == sum(items.values())
    assert set(e.severe) == {k for k, v in items.items() if v >= 7}


FULL = {k: allowed[0] for k, (_l, allowed) in H.BARTHEL_ITEMS.items()}
NONE = {k: allowed[-1] for k, (_l, allowed) in H.BARTHEL_ITEMS.items()}


@pytest.mark.parametrize(
    ("items", "total", "band"),
    [
        (FULL, 100, "无需依赖"),
        ({**FULL, "bathing": 0}, 95, "轻度依赖"),
        ({**FULL, "transfer": 0, "mobility": 0, "stairs": 0}, 60, "中度依赖"),
        ({**NONE, "feeding": 10, "bowels": 10, "bladder": 10, "toilet": 10, "transfer": 5}, 45, "中度依赖"),
        ({**NONE, "feeding": 10, "bowels": 10, "bladder": 10, "transfer": 10}, 40, "重度依赖"),
        (NONE, 0, "重度依赖"),
    ],
)
def test_barthel(items: dict[str, int], total: int, band: str) -> None:
    b = H.barthel(items)
    assert (b.total, b.band) == (total, band)


@pytest.mark.parametrize(("key", "allowed"), [(k, a) for k, (_l, a) in H.BARTHEL_ITEMS.items()])
def test_barthel_allows_only_the_table_scores(key: str, allowed: tuple[int, ...]) -> None:
    for value in range(0, 16):
        if value in allowed:
            assert H.barthel({**FULL, key: value}).items[key] == value
        else:
            with pytest.raises(DomainError, match="只能评"):
                H.barthel({**FULL, key: value})


@given(st.fixed_dictionaries({k: st.sampled_from(a) for k, (_l, a) in H.BARTHEL_ITEMS.items()}))
def test_barthel_total_and_band_boundaries(items: dict[str, int]) -> None:
    b = H.barthel(items)
    assert 0 <= b.total <= 100 and b.total % 5 == 0
    assert b.band == (
        "无需依赖"
        if b.total == 100
        else "轻度依赖"
        if b.total > 60
        else "中度依赖"
        if b.total > 40
        else "重度依赖"
    )


@pytest.mark.parametrize(
    ("levels", "total", "band"),
    [
        (dict.fromkeys(H.SELF_CARE_ITEMS, "independent"), 0, "可自理"),
        (
            {
                **dict.fromkeys(H.SELF_CARE_ITEMS, "independent"),
                "washing": "mild",
                "toileting": "mild",
                "activity": "mild",
            },
            3,
            "可自理",
        ),
        (dict.fromkeys(H.SELF_CARE_ITEMS, "mild"), 3, "可自理"),
        ({**dict.fromkeys(H.SELF_CARE_ITEMS, "mild"), "meals": "moderate"}, 6, "轻度依赖"),
        (dict.fromkeys(H.SELF_CARE_ITEMS, "moderate"), 19, "不能自理"),
        ({**dict.fromkeys(H.SELF_CARE_ITEMS, "moderate"), "activity": "mild"}, 15, "中度依赖"),
        (dict.fromkeys(H.SELF_CARE_ITEMS, "dependent"), 37, "不能自理"),
    ],
)
def test_elder_self_care(levels: dict[str, str], total: int, band: str) -> None:
    r = H.elder_self_care(levels)
    assert (r.total, r.band) == (total, band)


def test_elder_self_care_refuses_a_missing_item() -> None:
    with pytest.raises(DomainError, match="进餐"):
        H.elder_self_care({k: "mild" for k in H.SELF_CARE_ITEMS if k != "meals"})


# ---------------------------------------------------------------- the rule
BASE = H.RuleInputs(
    end_stage=True,
    consent=True,
    kps=50,
    pps=50,
    survival_months=4,
    ppi=Decimal("2.5"),
    esas_max=4,
    caregiver=True,
    caregiver_capable=True,
    caregiver_24h=True,
    home_suitable=True,
    wish="home",
)


def test_a_patient_with_symptoms_controlled_and_a_carer_at_home_is_recommended_home() -> None:
    r = H.recommend(BASE)
    assert (r.eligible, r.setting, r.dying_phase, r.rule_version) == (True, "home", False, H.RULE_VERSION)
    assert r.reasons == (
        "KPS 50",
        "PPS 50%",
        "预计生存期 4 个月",
        "症状已控制",
        "有照护者",
        "居家环境适宜",
        "患者希望居家",
    )


@pytest.mark.parametrize(
    ("changes", "driver"),
    [
        ({"esas_max": 7}, "症状未控制（ESAS-r 最高 7 分）"),
        ({"refractory_pain": True}, "难治性疼痛"),
        (
            {"ppi": Decimal("6.5"), "caregiver_capable": False},
            "PPI 6.5（预计少于 3 周）且家中无有能力的照护者",
        ),
        ({"kps": 40, "caregiver_24h": False}, "KPS ≤ 40 或 PPS ≤ 30% 且无 24 小时照护者"),
        ({"wish": "inpatient"}, "患者或家属选择机构安宁疗护"),
        ({"caregiver": False}, "家中无照护者"),
        ({"home_suitable": False}, "居家环境不适宜"),
        ({"wish": ""}, "患者未表示希望居家"),
    ],
)
def test_what_sends_a_patient_to_inpatient_care(changes: dict[str, object], driver: str) -> None:
    r = H.recommend(H.RuleInputs(**{**BASE.__dict__, **changes}))
    assert (r.eligible, r.setting) == (True, "inpatient") and driver in r.reasons


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"end_stage": False}, "非终末期疾病"),
        ({"consent": False}, "尚未知情同意接受安宁疗护"),
        ({"kps": 60, "pps": 60, "survival_months": 12}, "KPS、PPS 均高于 50，且预计生存期超过 6 个月"),
    ],
)
def test_what_makes_a_patient_not_eligible(changes: dict[str, object], reason: str) -> None:
    r = H.recommend(H.RuleInputs(**{**BASE.__dict__, **changes}))
    assert (r.eligible, r.setting) == (False, None) and reason in r.reasons


def test_the_dying_phase_is_flagged() -> None:
    assert H.recommend(H.RuleInputs(**{**BASE.__dict__, "pps": 20})).dying_phase


@given(st.sampled_from(sorted(H.PPS_SCORES)), st.sampled_from(sorted(H.KPS_DESCRIPTIONS)), st.integers(0, 24))
def test_the_rule_replays_identically(pps: int, kps: int, months: int) -> None:
    x = H.RuleInputs(**{**BASE.__dict__, "pps": pps, "kps": kps, "survival_months": months})
    assert H.recommend(x) == H.recommend(H.RuleInputs(**x.__dict__))
    assert H.recommend(x).eligible == (kps <= 50 or pps <= 50 or months <= 6)


@pytest.mark.parametrize(
    ("pps", "ppi", "previous", "days", "why"),
    [
        (60, Decimal("2"), 70, 14, "常规复评"),
        (30, Decimal("2"), 40, 7, "PPS 30%"),
        (60, Decimal("6.5"), 60, 7, "PPI 6.5"),
        (50, Decimal("2"), 70, 7, "PPS 较上次下降 20 个百分点"),
    ],
)
def test_next_review(pps: int, ppi: Decimal, previous: int, days: int, why: str) -> None:
    on = dt.date(2026, 11, 25)
    assert H.next_review(on, pps, ppi, previous, 14, 7) == (on + dt.timedelta(days=days), why)
