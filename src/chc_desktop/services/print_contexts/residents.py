"""居民健康档案封面, 个人基本信息表 (2017) and 家庭医生签约服务协议书: a resident's file and contract as
the three forms print them. Code boxes get codes, everything else the words the form prints.
Clinical items (过敏, 暴露, 既往史, 家族史, 遗传病, 残疾) reach the form only for users who may read
them; for anyone else their boxes stay empty, as on a form not yet filled in."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from chc_desktop.domain import codes
from chc_desktop.domain.dates import parse_date
from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.resident import HistoryItem, ResidentDraft
from chc_desktop.security.roles import Permission
from chc_desktop.services.errors import NotFound
from chc_desktop.services.print_contexts.common import RESIDENT_FIELDS, FormSpec, Sources, resident_header
from chc_desktop.services.teams import PackageInfo, TeamInfo

# The cover prints the 17 digits as 6-3-3-5 boxes; an unassigned number leaves them empty.
EMPTY_RECORD_NO = "□□□□□□-□□□-□□□-□□□□□"
EMPTY_RECORD_NO_SHORT = "□□□-□□□□□"  # every other form: the last 8 digits (居委 3 + serial 5)
SLOTS = 6  # 既往史 diseases: six slots, each with 确诊时间
RELATIVES = ("father", "mother", "siblings", "children")
HISTORY_ROWS = ("surgery", "trauma", "transfusion")
PACKAGE_COLUMNS = ("name", "target", "items", "fee", "subsidy", "self_pay")  # contract.packages[]

COVER_FIELDS = RESIDENT_FIELDS | frozenset({"cover.number"})

BASIC_INFO_FIELDS = RESIDENT_FIELDS | frozenset(
    "basic." + f
    for f in [
        "record_no_short",
        "clinical_visible",
        "work_unit",
        "residence_type",
        "ethnicity",
        "ethnicity_name",
        "blood_abo",
        "blood_rh",
        "education",
        "occupation",
        "marital_status",
        "payment_methods",
        "payment_other",
        "drug_allergies",
        "drug_allergy_other",
        "exposures",
        "past_diseases",
        *(f"disease_{i}" for i in range(1, SLOTS + 1)),
        *(
            f"{kind}{part}"
            for kind in HISTORY_ROWS
            for part in ("", "_name_1", "_time_1", "_name_2", "_time_2")
        ),
        *(f"family_{r}" for r in RELATIVES),
        "family_history_other",
        "hereditary",
        "hereditary_name",
        "disabilities",
        "disability_other",
        "kitchen_exhaust",
        "fuel",
        "water",
        "toilet",
        "livestock",
    ]
)

CONTRACT_FIELDS = RESIDENT_FIELDS | frozenset(
    "contract." + f
    for f in [
        "status_label",
        "signed_on",
        "signed_by",
        "sign_method_label",
        "start_date",
        "end_date",
        "centre",
        "team",
        "doctor",
        "team_members",
        "district_hospital",
        "municipal_hospital",
        "package_names",
        "packages",
        *(f"packages[].{k}" for k in PACKAGE_COLUMNS),
        "fee",
        "subsidy",
        "self_pay",
    ]
)


# ------------------------------------------------------------------ shared pieces
def _date(text: str | dt.date | None) -> dt.date | None:
    """A date the file holds as text (YYYY-MM-DD), as a date; None when empty or unreadable."""
    if isinstance(text, dt.date):
        return text
    if not text:
        return None
    try:
        return parse_date(text)
    except DomainError:
        return None


def _code(value: str) -> str | None:
    return value or None


def _codes(values: Iterable[str]) -> list[str]:
    return [v for v in values if v]


def _month(item: HistoryItem) -> str:
    """确诊时间 / 时间 as the form writes it: 2015年3月, or the year alone."""
    if item.year is None:
        return ""
    return f"{item.year}年{item.month}月" if item.month else f"{item.year}年"


def _yuan(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole}.{part:02d}"


# ------------------------------------------------------------------ 居民健康档案封面
def cover(src: Sources, resident_id: uuid.UUID) -> dict[str, Any]:
    file = src.residents.get(resident_id, audit=False)
    number = file.record_no_formatted if file.record_no else EMPTY_RECORD_NO
    return {"resident": resident_header(file), "cover": {"number": f"编号 {number}"}}


# ------------------------------------------------------------------ 个人基本信息表
def _disease_slots(items: Sequence[HistoryItem], status: str) -> tuple[list[str], list[str]]:
    """The codes in the six boxes and what each slot's 确诊时间 line says."""
    if status == codes.PAST_DISEASE.none_code and not items:
        return [status], [""] * SLOTS
    boxes: list[str] = []
    lines: list[str] = []
    for item in items[:SLOTS]:
        code = item.code or ""
        boxes.append(code)
        name = codes.PAST_DISEASE.label(code) if codes.PAST_DISEASE.has(code) else ""
        if item.detail:
            name = f"{name}（{item.detail}）" if name else item.detail
        lines.append(" ".join(p for p in (_month(item), name) if p))
    return boxes, lines + [""] * (SLOTS - len(lines))


def _two_slots(kind: str, items: Sequence[HistoryItem]) -> dict[str, str]:
    """手术 / 外伤 / 输血: 名称① 时间 / 名称② 时间. The paper has two slots; any further entries
    are written into the second, each with its time, so nothing on file is left off."""
    out = {f"{kind}_name_1": "", f"{kind}_time_1": "", f"{kind}_name_2": "", f"{kind}_time_2": ""}
    if items:
        out[f"{kind}_name_1"] = items[0].detail or ""
        out[f"{kind}_time_1"] = _month(items[0])
    if len(items) == 2:
        out[f"{kind}_name_2"] = items[1].detail or ""
        out[f"{kind}_time_2"] = _month(items[1])
    elif len(items) > 2:
        out[f"{kind}_name_2"] = "；".join(
            f"{i.detail or ''}（{_month(i)}）" if _month(i) else (i.detail or "") for i in items[1:]
        )
    return out


def _clinical(d: ResidentDraft) -> dict[str, Any]:
    by_kind: dict[str, list[HistoryItem]] = {}
    for item in d.history:
        by_kind.setdefault(item.kind, []).append(item)
    boxes, lines = _disease_slots(by_kind.get("disease", []), d.past_disease_status)
    out: dict[str, Any] = {
        "drug_allergies": _codes(d.drug_allergies),
        "drug_allergy_other": d.drug_allergy_other,
        "exposures": _codes(d.exposures),
        "past_diseases": boxes,
        **{f"disease_{i + 1}": line for i, line in enumerate(lines)},
        "family_history_other": d.family_history_other,
        "hereditary": _code(d.hereditary_status),
        "hereditary_name": d.hereditary_name,
        "disabilities": _codes(d.disabilities),
        "disability_other": d.disability_other,
    }
    statuses = {"surgery": d.surgery_status, "trauma": d.trauma_status, "transfusion": d.transfusion_status}
    for kind in HISTORY_ROWS:
        out[kind] = _code(statuses[kind])
        out.update(_two_slots(kind, by_kind.get(kind, [])))
    for relative in RELATIVES:
        out[f"family_{relative}"] = _codes(d.family_history.get(relative, ()))
    return out


def _no_clinical() -> dict[str, Any]:
    """What the clinical rows hold for a user who may not read them: nothing (empty boxes)."""
    empty = ResidentDraft()
    return {k: (None if v == "" else v) for k, v in _clinical(empty).items()}


def basic_info(src: Sources, resident_id: uuid.UUID) -> dict[str, Any]:
    file = src.residents.get(resident_id, audit=False)
    d = file.draft
    visible = file.clinical_visible  # the service hides them from roles without CLINICAL_READ
    basic: dict[str, Any] = {
        "record_no_short": file.record_no[-8:-5] + "-" + file.record_no[-5:]
        if file.record_no
        else EMPTY_RECORD_NO_SHORT,
        "clinical_visible": visible,
        "work_unit": d.work_unit,
        "residence_type": _code(d.residence_type),
        "ethnicity": _code(d.ethnicity),
        "ethnicity_name": d.ethnicity_name,
        "blood_abo": _code(d.blood_abo),
        "blood_rh": _code(d.blood_rh),
        "education": _code(d.education),
        "occupation": _code(d.occupation),
        "marital_status": _code(d.marital_status),
        "payment_methods": _codes(d.payment_methods),
        "payment_other": d.payment_other,
        "kitchen_exhaust": _code(d.kitchen_exhaust),
        "fuel": _code(d.fuel),
        "water": _code(d.water),
        "toilet": _code(d.toilet),
        "livestock": _code(d.livestock),
    }
    basic.update(_clinical(d) if visible else _no_clinical())
    return {"resident": resident_header(file), "basic": basic}


# ------------------------------------------------------------------ 家庭医生签约服务协议书
def _members(team: TeamInfo | None) -> str:
    if team is None:
        return ""
    out = []
    for m in team.members:
        where = "".join(p for p in (m.hospital, m.specialty) if p)
        out.append(f"{m.name}（{m.role_label}{'，' + where if where else ''}）")
    return "、".join(out)


def _package_rows(
    chosen: Sequence[str], names: Sequence[str], catalogue: dict[str, PackageInfo], fee: int, subsidy: int
) -> list[dict[str, str]]:
    """One table row per package: name, who it is for, what it holds, what it costs. The amounts per
    package come from today's catalogue, so they are printed only while they still add up to what was
    agreed at signing (the totals row always prints the agreed amounts)."""
    known = [catalogue.get(code) for code in chosen]
    priced = all(known) and (
        sum(p.fee_cents for p in known if p) == fee and sum(p.subsidy_cents for p in known if p) == subsidy
    )
    rows = []
    for code, name in zip(chosen, names, strict=False):
        p = catalogue.get(code)
        rows.append(
            {
                "name": name,
                "target": p.target if p else "",
                "items": "、".join(p.items) if p else "",
                "fee": _yuan(p.fee_cents) if p and priced else "",
                "subsidy": _yuan(p.subsidy_cents) if p and priced else "",
                "self_pay": _yuan(p.self_pay_cents) if p and priced else "",
            }
        )
    return rows


def contract(src: Sources, contract_id: uuid.UUID) -> dict[str, Any]:
    c = src.contracts.get(contract_id)
    file = src.residents.get(c.resident_id, audit=False)
    try:
        team: TeamInfo | None = src.teams.get(c.team_id)
    except NotFound:
        team = None
    # Packages since retired still name what was signed.
    catalogue = {p.code: p for p in src.teams.packages(include_inactive=True)}
    return {
        "resident": resident_header(file),
        "contract": {
            "status_label": c.status_label,
            "signed_on": c.signed_on,
            "signed_by": c.signed_by,
            "sign_method_label": c.sign_method_label if codes.SIGN_METHOD.has(c.sign_method) else "",
            "start_date": c.start_date,
            "end_date": c.end_date,
            "centre": team.centre if team else "",
            "team": c.team,
            "doctor": c.doctor,
            "team_members": _members(team),
            "district_hospital": c.district_hospital,
            "municipal_hospital": c.municipal_hospital,
            "package_names": list(c.package_names),
            "packages": _package_rows(c.packages, c.package_names, catalogue, c.fee_cents, c.subsidy_cents),
            "fee": _yuan(c.fee_cents),
            "subsidy": _yuan(c.subsidy_cents),
            "self_pay": _yuan(c.self_pay_cents),
        },
    }


SPECS = (
    FormSpec(
        "cover",
        "居民健康档案封面",
        "resident",
        Permission.RESIDENT_READ,
        COVER_FIELDS,
        cover,
        "residents",
    ),
    FormSpec(
        "basic_info",
        "个人基本信息表",
        "resident",
        Permission.RESIDENT_READ,
        BASIC_INFO_FIELDS,
        basic_info,
        "residents",
    ),
    FormSpec(
        "contract",
        "家庭医生签约服务协议书",
        "contract",
        Permission.CONTRACT_READ,
        CONTRACT_FIELDS,
        contract,
        "contracts",
    ),
)
