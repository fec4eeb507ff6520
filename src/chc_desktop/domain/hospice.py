"""Hospice assessment instruments (安宁疗护评估量表), exact to the published tables
(reference.md §3.3), and the configurable rule for eligibility and the recommended setting (§3.4,
policy-defaults.md). Pure: no database. Every input that is not allowed is refused with the reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from chc_desktop.domain.errors import DomainError

RULE_VERSION = "2026-11-25.1"  # stored with each assessment, so a changed rule can be replayed


def _error(code: str, message: str, field_: str | None = None) -> DomainError:
    return DomainError(f"hospice.{code}", message, field_)


# ---------------------------------------------------------------- KPS [V S24]
KPS_DESCRIPTIONS: dict[int, str] = {
    100: "正常，无症状和体征",
    90: "能进行正常活动，有轻微症状和体征",
    80: "勉强进行正常活动，有一些症状或体征",
    70: "生活能自理，但不能维持正常生活和工作",
    60: "生活能大部分自理，但偶尔需要别人帮助",
    50: "常需要人照料",
    40: "生活不能自理，需要特别照顾和帮助",
    30: "生活严重不能自理",
    20: "病重，需要住院和积极的支持治疗",
    10: "重危，临近死亡",
    0: "死亡",
}


@dataclass(frozen=True)
class Kps:
    score: int
    description: str
    band: str  # Karnofsky's three bands (wording [M])


def kps(score: int) -> Kps:
    if score not in KPS_DESCRIPTIONS:
        raise _error("kps", "KPS 评分只能是 0–100 之间 10 的倍数", "kps")
    if score >= 80:
        band = "能正常活动和工作，无需特别照顾"
    elif score >= 50:
        band = "不能工作，可在家生活，需不同程度的帮助"
    else:
        band = "不能自理，需要机构或相当于医院的照护"
    return Kps(score, KPS_DESCRIPTIONS[score], band)


# ---------------------------------------------------------------- PPS v2 [V S19]
# What the assessor observes, column by column; each row of the table allows a set of them.
AMBULATION = {
    "full": "完全",
    "reduced": "减少",
    "sit_lie": "主要坐或卧",
    "bed": "主要卧床",
    "bed_bound": "完全卧床",
}
ACTIVITY = {
    "normal_none": "正常活动和工作，无疾病证据",
    "normal_some": "正常活动和工作，有部分疾病证据",
    "effort_some": "需努力才能正常活动，有部分疾病证据",
    "no_job": "不能正常工作，疾病明显",
    "no_hobby": "不能做爱好和家务，疾病明显",
    "no_work": "不能做任何工作，疾病广泛",
    "no_most": "不能做大多数活动，疾病广泛",
    "no_any": "不能做任何活动，疾病广泛",
}
SELF_CARE = {
    "full": "完全自理",
    "occasional": "偶尔需要帮助",
    "considerable": "需要较多帮助",
    "mainly": "主要依靠帮助",
    "total": "完全需要照顾",
}
INTAKE = {"normal": "正常", "reduced": "减少", "sips": "极少至啜饮", "mouth_care": "仅口腔护理"}
CONSCIOUS = {"full": "清醒", "confusion": "意识混乱", "drowsy": "嗜睡", "coma": "昏迷"}


@dataclass(frozen=True)
class PpsLevel:
    score: int
    ambulation: frozenset[str]
    activity: frozenset[str]
    self_care: frozenset[str]
    intake: frozenset[str]
    conscious: frozenset[str]


def _row(score: int, amb: str, act: str, care: str, intake: str, conscious: str) -> PpsLevel:
    return PpsLevel(score, *(frozenset(x.split()) for x in (amb, act, care, intake, conscious)))


_NR = "normal reduced"
_FDC = "full drowsy confusion"
PPS_TABLE: tuple[PpsLevel, ...] = (
    _row(100, "full", "normal_none", "full", "normal", "full"),
    _row(90, "full", "normal_some", "full", "normal", "full"),
    _row(80, "full", "effort_some", "full", _NR, "full"),
    _row(70, "reduced", "no_job", "full", _NR, "full"),
    _row(60, "reduced", "no_hobby", "occasional", _NR, "full confusion"),
    _row(50, "sit_lie", "no_work", "considerable", _NR, "full confusion"),
    _row(40, "bed", "no_most", "mainly", _NR, _FDC),
    _row(30, "bed_bound", "no_any", "total", _NR, _FDC),
    _row(20, "bed_bound", "no_any", "total", "sips", _FDC),
    _row(10, "bed_bound", "no_any", "total", "mouth_care", "drowsy coma confusion"),
)
PPS_SCORES = frozenset({0, *(lv.score for lv in PPS_TABLE)})


def check_pps(score: int) -> int:
    if score not in PPS_SCORES:
        raise _error("pps", "PPS 只能是 0%–100% 之间 10% 的倍数（没有 45% 这样的值）", "pps")
    return score


def pps_guided(ambulation: str, activity: str, self_care: str, intake: str, conscious: str) -> int:
    """PPS by the left-column-first rule: find the ambulation level, then read down each next
    column from there to the first row that fits; a column that fits no lower row is skipped.
    Leftward columns take precedence (Victoria Hospice, PPS v2 instructions)."""
    for value, allowed, name in (
        (ambulation, AMBULATION, "活动能力"),
        (activity, ACTIVITY, "活动与疾病证据"),
        (self_care, SELF_CARE, "自我照顾"),
        (intake, INTAKE, "进食"),
        (conscious, CONSCIOUS, "意识水平"),
    ):
        if value not in allowed:
            raise _error("pps", f"PPS 的“{name}”一栏没有这个选项", "pps")
    rows = list(PPS_TABLE)
    start = next(i for i, lv in enumerate(rows) if ambulation in lv.ambulation)
    for value, column in (
        (activity, "activity"),
        (self_care, "self_care"),
        (intake, "intake"),
        (conscious, "conscious"),
    ):
        for i in range(start, len(rows)):
            if value in getattr(rows[i], column):
                start = i
                break
    return rows[start].score


# ---------------------------------------------------------------- PPI [V S20 S21]
ORAL_INTAKE = {"normal": "正常", "moderate": "中度减少（多于几口）", "severe": "严重减少（几口或更少）"}
_INTAKE_POINTS = {"normal": Decimal("0"), "moderate": Decimal("1.0"), "severe": Decimal("2.5")}


@dataclass(frozen=True)
class Ppi:
    score: Decimal  # 0–15 in halves
    survival: str  # the published cut-offs
    group: str  # A ≤ 2.0, B 2.1–4.0, C > 4.0


def ppi(pps: int, oral_intake: str, oedema: bool, dyspnoea_at_rest: bool, delirium: bool) -> Ppi:
    check_pps(pps)
    if pps == 0:
        raise _error("ppi", "PPS 为 0%（死亡）时不计算 PPI", "pps")
    if oral_intake not in _INTAKE_POINTS:
        raise _error("ppi", "请选择经口进食情况", "oral_intake")
    score = Decimal("4.0") if pps <= 20 else Decimal("2.5") if pps <= 50 else Decimal("0")
    score += _INTAKE_POINTS[oral_intake]
    score += Decimal("1.0") if oedema else 0
    score += Decimal("3.5") if dyspnoea_at_rest else 0
    score += Decimal("4.0") if delirium else 0
    if score > 6:
        survival = "预计生存期少于 3 周"
    elif score > 4:
        survival = "预计生存期少于 6 周"
    else:
        survival = "预计生存期 6 周或以上"
    group = "A" if score <= 2 else "B" if score <= 4 else "C"
    return Ppi(score, survival, group)


# ---------------------------------------------------------------- ESAS-r [V S22]
ESAS_ITEMS = {
    "pain": "疼痛",
    "tiredness": "疲倦",
    "drowsiness": "嗜睡",
    "nausea": "恶心",
    "appetite": "食欲不振",
    "breath": "气促",
    "depression": "抑郁",
    "anxiety": "焦虑",
    "wellbeing": "整体感觉",
}
ESAS_COMPLETED_BY = {"patient": "患者本人", "family": "家属照护者", "professional": "医护人员"}
SEVERE = 7  # a convention [M], and the rule's "uncontrolled symptom" threshold


@dataclass(frozen=True)
class Esas:
    items: Mapping[str, int]
    completed_by: str
    other_name: str = ""
    other_score: int | None = None
    total: int = 0  # total symptom distress, the nine items (0–90) [M]
    severe: tuple[str, ...] = field(default=())  # items at 7 or more


def esas(
    items: Mapping[str, int], completed_by: str, other_name: str = "", other_score: int | None = None
) -> Esas:
    missing = [ESAS_ITEMS[k] for k in ESAS_ITEMS if k not in items]
    if missing:
        raise _error("esas", f"ESAS-r 缺少：{'、'.join(missing)}", "esas")
    unknown = [k for k in items if k not in ESAS_ITEMS]
    if unknown:
        raise _error("esas", "ESAS-r 没有这一项", "esas")
    for k, v in items.items():
        if not isinstance(v, int) or isinstance(v, bool) or not 0 <= v <= 10:
            raise _error("esas", f"ESAS-r“{ESAS_ITEMS[k]}”须为 0–10 的整数", "esas")
    if completed_by not in ESAS_COMPLETED_BY:
        raise _error("esas", "请选择 ESAS-r 由谁填写", "esas_completed_by")
    if other_score is not None and (not 0 <= other_score <= 10 or not other_name.strip()):
        raise _error("esas", "“其他问题”须写明问题，评分为 0–10", "esas_other")
    severe = tuple(k for k in ESAS_ITEMS if items[k] >= SEVERE)
    return Esas(dict(items), completed_by, other_name.strip(), other_score, sum(items.values()), severe)


# ---------------------------------------------------------------- Barthel [V S23]
BARTHEL_ITEMS: dict[str, tuple[str, tuple[int, ...]]] = {
    "feeding": ("进食", (10, 5, 0)),
    "bathing": ("洗澡", (5, 0)),
    "grooming": ("修饰", (5, 0)),
    "dressing": ("穿衣", (10, 5, 0)),
    "bowels": ("控制大便", (10, 5, 0)),
    "bladder": ("控制小便", (10, 5, 0)),
    "toilet": ("如厕", (10, 5, 0)),
    "transfer": ("床椅转移", (15, 10, 5, 0)),
    "mobility": ("平地行走", (15, 10, 5, 0)),
    "stairs": ("上下楼梯", (10, 5, 0)),
}


@dataclass(frozen=True)
class Barthel:
    items: Mapping[str, int]
    total: int
    band: str  # WS/T 431-2013 style


def barthel_band(total: int) -> str:
    if total == 100:
        return "无需依赖"
    if total >= 61:
        return "轻度依赖"
    if total >= 41:
        return "中度依赖"
    return "重度依赖"


def barthel(items: Mapping[str, int]) -> Barthel:
    for key, (label, allowed) in BARTHEL_ITEMS.items():
        if key not in items:
            raise _error("barthel", f"Barthel 指数缺少“{label}”", "barthel")
        if items[key] not in allowed:
            shown = "、".join(str(a) for a in allowed)
            raise _error("barthel", f"Barthel“{label}”只能评 {shown} 分", "barthel")
    if any(k not in BARTHEL_ITEMS for k in items):
        raise _error("barthel", "Barthel 指数没有这一项", "barthel")
    total = sum(items.values())
    return Barthel(dict(items), total, barthel_band(total))


# ------------------------------------------------------------ 老年人生活自理能力 (bands [V S31]; items [M])
SELF_CARE_LEVELS = ("independent", "mild", "moderate", "dependent")
SELF_CARE_LEVEL_LABELS = {
    "independent": "可自理",
    "mild": "轻度依赖",
    "moderate": "中度依赖",
    "dependent": "不能自理",
}
SELF_CARE_ITEMS: dict[str, tuple[str, tuple[int, int, int, int]]] = {
    "meals": ("进餐", (0, 0, 3, 5)),
    "washing": ("梳洗", (0, 1, 3, 7)),
    "dressing": ("穿衣", (0, 0, 3, 5)),
    "toileting": ("如厕", (0, 1, 5, 10)),
    "activity": ("活动", (0, 1, 5, 10)),
}


@dataclass(frozen=True)
class ElderSelfCare:
    levels: Mapping[str, str]
    total: int
    band: str


def elder_self_care_band(total: int) -> str:
    if total <= 3:
        return "可自理"
    if total <= 8:
        return "轻度依赖"
    if total <= 18:
        return "中度依赖"
    return "不能自理"


def elder_self_care(levels: Mapping[str, str]) -> ElderSelfCare:
    total = 0
    for key, (label, points) in SELF_CARE_ITEMS.items():
        level = levels.get(key)
        if level not in SELF_CARE_LEVELS:
            raise _error(
                "self_care", f"生活自理能力“{label}”请选择可自理/轻度/中度依赖/不能自理", "self_care"
            )
        total += points[SELF_CARE_LEVELS.index(level)]
    if any(k not in SELF_CARE_ITEMS for k in levels):
        raise _error("self_care", "生活自理能力评估没有这一项", "self_care")
    return ElderSelfCare(dict(levels), total, elder_self_care_band(total))


# ---------------------------------------------------------------- 舒缓照护协调 (coordination items, §3.4)
PLACES = {
    "home": "家中",
    "hospice": "安宁疗护病房",
    "hospital": "医院",
    "care_home": "养老机构",
    "other": "其他",
}
CPR_DECISIONS = {
    "dnacpr": "不实施心肺复苏（DNACPR）",
    "cpr": "实施心肺复苏",
    "undecided": "尚未决定",
}
# key → label; the place keys take PLACES codes, "cpr" a CPR_DECISIONS code, the rest free text.
COORDINATION = {
    "care_place_1": "首选照护地点",
    "care_place_2": "次选照护地点",
    "death_place_1": "首选离世地点",
    "death_place_2": "次选离世地点",
    "cpr": "心肺复苏决定",
    "cpr_kept": "决定文书存放处",
    "advance_directive": "预立医疗指示",
    "main_carer": "主要照护者",
    "key_worker": "责任联系人",
    "anticipatory_medicines": "预备用药",
}
PLACE_ITEMS = frozenset({"care_place_1", "care_place_2", "death_place_1", "death_place_2"})


def check_coordination(items: Mapping[str, str]) -> dict[str, str]:
    """The coordination items as stored (empty ones left out); refused when a key, place or CPR
    decision is not one of the lists, or a text is longer than 200 characters."""
    out: dict[str, str] = {}
    for key, value in items.items():
        if key not in COORDINATION:
            raise _error("coordination", "舒缓照护协调没有这一项", "coordination")
        text = str(value or "").strip()
        if not text:
            continue
        label = COORDINATION[key]
        if key in PLACE_ITEMS and text not in PLACES:
            raise _error("coordination", f"“{label}”请从列表中选择", key)
        if key == "cpr" and text not in CPR_DECISIONS:
            raise _error("coordination", "心肺复苏决定请选择 DNACPR、实施或尚未决定", key)
        if len(text) > 200:
            raise _error("coordination", f"“{label}”不能超过 200 字", key)
        out[key] = text
    for first, second in (("care_place_1", "care_place_2"), ("death_place_1", "death_place_2")):
        if second in out and out.get(first) == out[second]:
            raise _error("coordination", f"“{COORDINATION[second]}”与首选相同", second)
    return out


@dataclass(frozen=True)
class DeathOutcome:
    """Where and when the patient died against the preference recorded in the last assessment."""

    died_on: dt.date
    place: str | None  # PLACES code, None when not recorded
    preferred: tuple[str, ...]  # first and second choice, PLACES codes
    matched: bool | None  # None when the place or the preference is unknown


def death_outcome(died_on: dt.date, place: str | None, preferred: tuple[str, ...]) -> DeathOutcome:
    matched = None if place is None or not preferred else place in preferred
    return DeathOutcome(died_on, place, preferred, matched)


# ---------------------------------------------------------------- the rule (§3.4, policy-defaults)
@dataclass(frozen=True)
class RuleInputs:
    end_stage: bool
    consent: bool  # informed consent to hospice care (no further curative treatment)
    kps: int | None = None
    pps: int | None = None
    survival_months: int | None = None  # the doctor's estimate
    ppi: Decimal | None = None
    esas_max: int | None = None  # the highest of the nine items
    refractory_pain: bool = False
    caregiver: bool = False  # someone at home who cares for the patient
    caregiver_capable: bool = False
    caregiver_24h: bool = False
    home_suitable: bool = False
    wish: str = ""  # home | inpatient | "" (the patient's or family's choice)


@dataclass(frozen=True)
class Recommendation:
    eligible: bool
    setting: str | None  # home (居家) | inpatient (机构) | None when not eligible
    reasons: tuple[str, ...]  # the inputs that drove it, as a doctor reads them
    dying_phase: bool
    rule_version: str = RULE_VERSION


def recommend(x: RuleInputs) -> Recommendation:
    """Eligibility and 居家 / 机构, with the inputs that decided it (the rule is a design proposal,
    policy-defaults.md; the doctor may override with a reason)."""
    reasons: list[str] = []
    function_low = (x.kps is not None and x.kps <= 50) or (x.pps is not None and x.pps <= 50)
    short_survival = x.survival_months is not None and x.survival_months <= 6
    if not x.end_stage:
        reasons.append("非终末期疾病")
    if not (function_low or short_survival):
        reasons.append("KPS、PPS 均高于 50，且预计生存期超过 6 个月")
    if not x.consent:
        reasons.append("尚未知情同意接受安宁疗护")
    dying = x.pps is not None and x.pps < 30
    if reasons:
        return Recommendation(False, None, tuple(reasons), dying)
    if x.kps is not None and x.kps <= 50:
        reasons.append(f"KPS {x.kps}")
    if x.pps is not None and x.pps <= 50:
        reasons.append(f"PPS {x.pps}%")
    if short_survival:
        reasons.append(f"预计生存期 {x.survival_months} 个月")
    inpatient: list[str] = []
    if x.esas_max is not None and x.esas_max >= SEVERE:
        inpatient.append(f"症状未控制（ESAS-r 最高 {x.esas_max} 分）")
    if x.refractory_pain:
        inpatient.append("难治性疼痛")
    if x.ppi is not None and x.ppi > 6 and not x.caregiver_capable:
        inpatient.append(f"PPI {x.ppi}（预计少于 3 周）且家中无有能力的照护者")
    low = (x.kps is not None and x.kps <= 40) or (x.pps is not None and x.pps <= 30)
    if low and not x.caregiver_24h:
        inpatient.append("KPS ≤ 40 或 PPS ≤ 30% 且无 24 小时照护者")
    if x.wish == "inpatient":
        inpatient.append("患者或家属选择机构安宁疗护")
    if inpatient:
        return Recommendation(True, "inpatient", tuple(reasons + inpatient), dying)
    home = ["症状已控制"]
    if not x.caregiver:
        home_missing = "家中无照护者"
    elif not x.home_suitable:
        home_missing = "居家环境不适宜"
    elif x.wish != "home":
        home_missing = "患者未表示希望居家"
    else:
        home_missing = ""
    if home_missing:
        return Recommendation(True, "inpatient", tuple([*reasons, home_missing]), dying)
    home += ["有照护者", "居家环境适宜", "患者希望居家"]
    return Recommendation(True, "home", tuple(reasons + home), dying)


def next_review(
    on: dt.date,
    pps: int | None,
    ppi_score: Decimal | None,
    previous_pps: int | None,
    interval_days: int,
    unstable_days: int,
) -> tuple[dt.date, str]:
    """When to reassess: every ``interval_days`` at home, ``unstable_days`` when PPS ≤ 30 %,
    PPI > 6 or PPS fell by 20 points or more since the last assessment (policy-defaults.md)."""
    if pps is not None and previous_pps is not None and previous_pps - pps >= 20:
        return on + dt.timedelta(days=unstable_days), f"PPS 较上次下降 {previous_pps - pps} 个百分点"
    if pps is not None and pps <= 30:
        return on + dt.timedelta(days=unstable_days), f"PPS {pps}%"
    if ppi_score is not None and ppi_score > 6:
        return on + dt.timedelta(days=unstable_days), f"PPI {ppi_score}"
    return on + dt.timedelta(days=interval_days), "常规复评"
