"""The resident file as typed into a form, and the rules that make it a valid file.

``check_resident`` returns clean, typed values and a message per wrong field, so the form can say
what is wrong next to each field while the user types, and the service refuses the same things.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field, fields
from typing import Any

from chc_desktop.domain import codes
from chc_desktop.domain.dates import parse_date
from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.id_number import parse_id_number
from chc_desktop.domain.phone import parse_phone

HISTORY_KINDS = ("disease", "surgery", "trauma", "transfusion")
HISTORY_STATUS_FIELD = {
    "disease": "past_disease_status",
    "surgery": "surgery_status",
    "trauma": "trauma_status",
    "transfusion": "transfusion_status",
}
HISTORY_KIND_LABEL = {"disease": "疾病", "surgery": "手术", "trauma": "外伤", "transfusion": "输血"}


@dataclass(frozen=True)
class HistoryItem:
    kind: str  # disease | surgery | trauma | transfusion
    code: str | None = None  # PAST_DISEASE code, diseases only
    detail: str | None = None  # 恶性肿瘤 site, 职业病 name, surgery name, transfusion reason…
    year: int | None = None
    month: int | None = None


@dataclass(frozen=True)
class ResidentDraft:
    """What a form or an import row holds; text as typed, codes as chosen."""

    name: str = ""
    sex: str = ""
    birth_date: str = ""
    id_number: str = ""
    phone: str = ""
    current_address: str = ""
    registered_address: str = ""
    street_id: uuid.UUID | None = None
    committee_id: uuid.UUID | None = None
    doctor_id: uuid.UUID | None = None
    filing_date: str = ""
    work_unit: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    residence_type: str = ""
    ethnicity: str = ""
    ethnicity_name: str = ""
    blood_abo: str = ""
    blood_rh: str = ""
    education: str = ""
    occupation: str = ""
    marital_status: str = ""
    payment_methods: tuple[str, ...] = ()
    payment_other: str = ""
    # clinical (doctors and nurses)
    drug_allergies: tuple[str, ...] = ()
    drug_allergy_other: str = ""
    exposures: tuple[str, ...] = ()
    past_disease_status: str = ""
    surgery_status: str = ""
    trauma_status: str = ""
    transfusion_status: str = ""
    history: tuple[HistoryItem, ...] = ()
    family_history: dict[str, tuple[str, ...]] = field(default_factory=dict)
    family_history_other: str = ""
    hereditary_status: str = ""
    hereditary_name: str = ""
    disabilities: tuple[str, ...] = ()
    disability_other: str = ""
    kitchen_exhaust: str = ""
    fuel: str = ""
    water: str = ""
    toilet: str = ""
    livestock: str = ""


CLINICAL_FIELDS = frozenset(
    {
        "drug_allergies",
        "drug_allergy_other",
        "exposures",
        "past_disease_status",
        "surgery_status",
        "trauma_status",
        "transfusion_status",
        "history",
        "family_history",
        "family_history_other",
        "hereditary_status",
        "hereditary_name",
        "disabilities",
        "disability_other",
    }
)
DRAFT_FIELDS = tuple(f.name for f in fields(ResidentDraft))

# Single-choice code fields and their lists.
SINGLE_CODES: dict[str, codes.CodeList] = {
    "sex": codes.SEX,
    "residence_type": codes.RESIDENCE_TYPE,
    "ethnicity": codes.ETHNICITY,
    "blood_abo": codes.BLOOD_ABO,
    "blood_rh": codes.BLOOD_RH,
    "education": codes.EDUCATION,
    "occupation": codes.OCCUPATION,
    "marital_status": codes.MARITAL_STATUS,
    "past_disease_status": codes.YES_NO_HISTORY,
    "surgery_status": codes.YES_NO_HISTORY,
    "trauma_status": codes.YES_NO_HISTORY,
    "transfusion_status": codes.YES_NO_HISTORY,
    "hereditary_status": codes.YES_NO_HISTORY,
    "kitchen_exhaust": codes.KITCHEN_EXHAUST,
    "fuel": codes.FUEL,
    "water": codes.WATER,
    "toilet": codes.TOILET,
    "livestock": codes.LIVESTOCK,
}
# Multi-choice code fields: list, and the field holding the "其他" text.
MULTI_CODES: dict[str, tuple[codes.CodeList, str | None]] = {
    "payment_methods": (codes.PAYMENT_METHOD, "payment_other"),
    "drug_allergies": (codes.DRUG_ALLERGY, "drug_allergy_other"),
    "exposures": (codes.EXPOSURE, None),
    "disabilities": (codes.DISABILITY, "disability_other"),
}
TEXT_LIMITS = {
    "name": 50,
    "current_address": 200,
    "registered_address": 200,
    "work_unit": 100,
    "contact_name": 50,
    "ethnicity_name": 20,
    "payment_other": 50,
    "drug_allergy_other": 100,
    "family_history_other": 100,
    "hereditary_name": 100,
    "disability_other": 100,
}


def _opt(text: str) -> str | None:
    text = text.strip()
    return text or None


def check_resident(
    draft: ResidentDraft, today: dt.date, *, include_clinical: bool = True
) -> tuple[dict[str, Any], dict[str, str]]:
    """Clean values ready to store, and field → message for everything wrong."""
    values: dict[str, Any] = {}
    errors: dict[str, str] = {}

    name = " ".join(draft.name.split())
    if not name:
        errors["name"] = "请填写姓名"
    elif any(ch.isdigit() for ch in name):
        errors["name"] = "姓名中不能有数字"
    else:
        values["name"] = name

    for key, limit in TEXT_LIMITS.items():
        if key == "name" or (key in CLINICAL_FIELDS and not include_clinical):
            continue
        text = getattr(draft, key).strip()
        if len(text) > limit:
            errors[key] = f"不能超过 {limit} 个字"
        elif key != "name":
            values[key] = text or None

    id_info = None
    if draft.id_number.strip():
        try:
            id_info = parse_id_number(draft.id_number, today=today)
            values["id_number"] = id_info.value
        except DomainError as exc:
            errors["id_number"] = exc.message
    else:
        values["id_number"] = None

    if draft.birth_date.strip():
        try:
            birth = parse_date(draft.birth_date)
            if birth > today:
                errors["birth_date"] = "出生日期不能晚于今天"
            elif birth.year < 1900:
                errors["birth_date"] = "出生日期不能早于 1900 年"
            elif id_info and id_info.birth_date != birth:
                errors["birth_date"] = "出生日期与身份证号不一致"
            else:
                values["birth_date"] = birth
        except DomainError as exc:
            errors["birth_date"] = exc.message
    elif id_info:
        values["birth_date"] = id_info.birth_date
    else:
        errors["birth_date"] = "请填写出生日期"

    for key, code_list in SINGLE_CODES.items():
        if key in CLINICAL_FIELDS and not include_clinical:
            continue
        chosen = getattr(draft, key).strip()
        if not chosen:
            values[key] = None
        elif not code_list.has(chosen):
            errors[key] = f"{code_list.title}没有代码 {chosen}"
        else:
            values[key] = chosen
    if not values.get("sex"):
        if id_info:
            values["sex"] = id_info.sex
        elif "sex" not in errors:
            errors["sex"] = "请选择性别"
    elif id_info and values["sex"] in ("1", "2") and values["sex"] != id_info.sex:
        errors["sex"] = "性别与身份证号不一致"
    if values.get("ethnicity") == "99" and not values.get("ethnicity_name"):
        errors["ethnicity_name"] = "少数民族请写明民族名称"

    for key in ("phone", "contact_phone"):
        text = getattr(draft, key).strip()
        if not text:
            values[key] = None
            continue
        try:
            values[key] = parse_phone(text).value
        except DomainError as exc:
            errors[key] = exc.message

    if draft.filing_date.strip():
        try:
            filed = parse_date(draft.filing_date)
            if filed > today:
                errors["filing_date"] = "建档日期不能晚于今天"
            elif isinstance(values.get("birth_date"), dt.date) and filed < values["birth_date"]:
                errors["filing_date"] = "建档日期不能早于出生日期"
            else:
                values["filing_date"] = filed
        except DomainError as exc:
            errors["filing_date"] = exc.message
    else:
        values["filing_date"] = today

    for key, (code_list, other_field) in MULTI_CODES.items():
        if key in CLINICAL_FIELDS and not include_clinical:
            continue
        other = getattr(draft, other_field).strip() if other_field else None
        try:
            values[key] = list(code_list.validate(getattr(draft, key), other or None))
        except DomainError as exc:
            errors[key] = exc.message

    for key in ("street_id", "committee_id", "doctor_id"):
        values[key] = getattr(draft, key)

    if include_clinical:
        _check_history(draft, values, errors, today)
        _check_family(draft, values, errors)
        if values.get("hereditary_status") == "2" and not values.get("hereditary_name"):
            errors["hereditary_name"] = "有遗传病史时请写明疾病名称"
    return values, errors


def _check_history(
    draft: ResidentDraft, values: dict[str, Any], errors: dict[str, str], today: dt.date
) -> None:
    items: list[HistoryItem] = []
    birth = values.get("birth_date")
    for item in draft.history:
        label = HISTORY_KIND_LABEL.get(item.kind)
        if label is None:
            errors["history"] = f"未知的既往史类别 {item.kind}"
            return
        if item.kind == "disease":
            if (
                not item.code
                or not codes.PAST_DISEASE.has(item.code)
                or item.code == codes.PAST_DISEASE.none_code
            ):
                errors["history"] = "既往疾病请选择代码（2–13）"
                return
            if item.code in ("6", "12", "13") and not (item.detail or "").strip():
                errors["history"] = f"{codes.PAST_DISEASE.label(item.code)}请写明名称或部位"
                return
        elif not (item.detail or "").strip():
            errors["history"] = f"{label}请写明{'原因' if item.kind == 'transfusion' else '名称'}"
            return
        if item.month is not None and not 1 <= item.month <= 12:
            errors["history"] = f"{label}的月份应在 1–12 之间"
            return
        if item.year is not None:
            if item.year > today.year or (item.year == today.year and (item.month or 1) > today.month):
                errors["history"] = f"{label}的时间不能晚于本月"
                return
            if isinstance(birth, dt.date) and (item.year, item.month or 12) < (birth.year, birth.month):
                errors["history"] = f"{label}的时间不能早于出生"
                return
        items.append(HistoryItem(item.kind, item.code, _opt(item.detail or ""), item.year, item.month))
    for kind, status_field in HISTORY_STATUS_FIELD.items():
        has_items = any(i.kind == kind for i in items)
        status = values.get(status_field)
        if has_items and status == "1":
            errors[status_field] = f"已填写{HISTORY_KIND_LABEL[kind]}记录，不能选“无”"
        elif has_items and status is None:
            values[status_field] = "2"
        elif status == "2" and not has_items:
            errors[status_field] = f"选择“有”时请填写{HISTORY_KIND_LABEL[kind]}记录"
    if len([i for i in items if i.kind == "disease"]) > 6:
        errors["history"] = "既往疾病最多填写 6 项"
    values["history"] = items


def _check_family(draft: ResidentDraft, values: dict[str, Any], errors: dict[str, str]) -> None:
    clean: dict[str, list[str]] = {}
    other = draft.family_history_other.strip() or None
    for relative, chosen in draft.family_history.items():
        if not codes.FAMILY_RELATIVE.has(relative):
            errors["family_history"] = f"家族史的亲属类别不对：{relative}"
            return
        if not chosen:
            continue
        try:
            clean[relative] = list(codes.FAMILY_HISTORY_DISEASE.validate(chosen, other))
        except DomainError as exc:
            errors["family_history"] = f"{codes.FAMILY_RELATIVE.label(relative)}：{exc.message}"
            return
    values["family_history"] = clean


# How the 个人基本信息表 names each field, for messages and the conflict list.
FIELD_LABELS: dict[str, str] = {
    "record_no": "档案编号",
    "name": "姓名",
    "sex": "性别",
    "birth_date": "出生日期",
    "id_number": "身份证号",
    "phone": "本人电话",
    "current_address": "现住址",
    "registered_address": "户籍地址",
    "street_id": "街道（乡镇）",
    "committee_id": "居委会（村）",
    "doctor_id": "责任医生",
    "filing_date": "建档日期",
    "work_unit": "工作单位",
    "contact_name": "联系人姓名",
    "contact_phone": "联系人电话",
    "residence_type": "常住类型",
    "ethnicity": "民族",
    "blood_abo": "血型",
    "blood_rh": "Rh 血型",
    "education": "文化程度",
    "occupation": "职业",
    "marital_status": "婚姻状况",
    "payment_methods": "医疗费用支付方式",
    "drug_allergies": "药物过敏史",
    "exposures": "暴露史",
    "family_history": "家族史",
    "disabilities": "残疾情况",
    "status": "档案状态",
    "deleted_at": "删除",
}
