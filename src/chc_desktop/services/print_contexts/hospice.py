"""安宁疗护 forms: the 转介评估表 (every instrument with its result, the rule's recommendation and the
doctor's arrangement, the coordination items, the signature state) and the one-page summary that
out-of-hours staff read at the bedside. Values are what the form prints: labels, never codes; an
instrument that was not given prints as empty boxes, never "None"."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from chc_desktop.domain import hospice as H
from chc_desktop.security.roles import Permission
from chc_desktop.services.hospice import SETTINGS, AssessmentInfo
from chc_desktop.services.print_contexts.common import RESIDENT_FIELDS, FormSpec, Sources, resident_header

YES_NO = {True: "是", False: "否"}
HAS = {True: "有", False: "无"}
WISHES = {"home": "居家", "inpatient": "机构", "": "未表示"}
BED_STATES = {"applied": "已申请家庭病床，尚未建床", "returned": "家庭病床申请已退回"}
DIGEST_SHOWN = 12  # the first characters of the sha256 the signature covers

_PPI_PARTS = ("oral_intake", "oedema", "dyspnoea", "delirium", "score", "survival", "group")
_CARE = (
    "caregiver",
    "caregiver_capable",
    "caregiver_24h",
    "home_suitable",
    "refractory_pain",
    "wish",
    "aware_diagnosis",
    "aware_prognosis",
    "consent_care",
    "consent_share",
)
_DECISION = (
    "eligible",
    "recommended",
    "reasons",
    "rule_version",
    "chosen",
    "overridden",
    "override_reason",
    "next_review",
)
_SIGNATURE = ("state", "signed_at", "signed_by", "digest", "note")

ASSESSMENT_FIELDS = (
    RESIDENT_FIELDS
    | frozenset(
        "assessment." + f
        for f in (
            "assessed_on",
            "version",
            "assessor",
            "site",
            "diagnosis",
            "icd10",
            "end_stage",
            "survival",
        )
    )
    | frozenset(f"kps.{f}" for f in ("score", "description", "band"))
    | frozenset({"pps.level"})
    | frozenset(f"ppi.{f}" for f in _PPI_PARTS)
    | frozenset(f"esas.{f}" for f in (*H.ESAS_ITEMS, "total", "completed_by", "other", "severe"))
    | frozenset(f"barthel.{f}" for f in (*H.BARTHEL_ITEMS, "total", "band"))
    | frozenset(f"self_care.{f}" for f in (*H.SELF_CARE_ITEMS, "total", "band"))
    | frozenset(f"care.{f}" for f in _CARE)
    | frozenset(f"decision.{f}" for f in _DECISION)
    | frozenset(f"coordination.{f}" for f in H.COORDINATION)
    | frozenset(f"signature.{f}" for f in _SIGNATURE)
)

SUMMARY_FIELDS = RESIDENT_FIELDS | frozenset(
    "summary." + f
    for f in (
        "printed_on",
        "printed_by",
        "diagnosis",
        "pps",
        "kps",
        "assessment",
        "arrangement",
        "cpr",
        "cpr_kept",
        "care_place",
        "death_place",
        "advance_directive",
        "medicines",
        "main_carer",
        "contact",
        "key_worker",
        "home_care",
        "consultation",
        "advice",
        "next_review",
    )
)

# The summary is one page whatever was typed: the free texts it prints in full are cut here.
SUMMARY_LIMITS = {"medicines": 200, "advance_directive": 100, "advice": 160}


def _cut(text: str, limit: int, more: str = "（余略，见原记录）") -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - len(more) - 1] + "…" + more


def _setting(code: str | None) -> str:
    return SETTINGS.get(code or "", "")


def _place(code: str | None) -> str:
    return H.PLACES.get(code or "", code or "")


def _esas(esas: Mapping[str, Any] | None, results: Mapping[str, Any]) -> dict[str, Any]:
    if esas is None:
        return {}
    items = dict(esas.get("items", {}))
    other = ""
    if esas.get("other_score") is not None:
        other = f"{esas.get('other_name', '')} {esas['other_score']}"
    done = results.get("esas", {})
    return {
        **{k: items.get(k) for k in H.ESAS_ITEMS},
        "total": done.get("total"),
        "completed_by": H.ESAS_COMPLETED_BY.get(str(esas.get("completed_by", "")), ""),
        "other": other.strip(),
        "severe": "、".join(H.ESAS_ITEMS[k] for k in done.get("severe", []) if k in H.ESAS_ITEMS) or "无",
    }


def _ppi(ppi: Mapping[str, Any] | None, results: Mapping[str, Any]) -> dict[str, Any]:
    if ppi is None:
        return {}
    done = results.get("ppi", {})
    return {
        "oral_intake": H.ORAL_INTAKE.get(str(ppi.get("oral_intake", "")), ""),
        "oedema": HAS[bool(ppi.get("oedema"))],
        "dyspnoea": HAS[bool(ppi.get("dyspnoea"))],
        "delirium": HAS[bool(ppi.get("delirium"))],
        "score": done.get("score"),
        "survival": done.get("survival"),
        "group": f"{done['group']} 组" if done.get("group") else "",
    }


def assessment(src: Sources, assessment_id: uuid.UUID) -> dict[str, Any]:
    """安宁疗护转介评估表."""
    a = src.hospice.get(assessment_id)
    d, r = a.draft, a.results
    coordination = {k: d.coordination.get(k, "") for k in H.COORDINATION}
    for k in H.PLACE_ITEMS:
        coordination[k] = _place(coordination[k])
    coordination["cpr"] = H.CPR_DECISIONS.get(coordination["cpr"], coordination["cpr"])
    kps = r.get("kps", {})
    barthel = d.barthel or {}
    self_care = d.self_care or {}
    state = "已签署" if a.signed else "未签署（草稿，不作为正式文书）"
    digest = (a.digest or "")[:DIGEST_SHOWN]
    note = f"第 {a.version} 版　{state}"
    if a.signed:
        signed_at = a.signed_at.astimezone().strftime("%Y-%m-%d %H:%M") if a.signed_at else ""
        note += f"　签署人 {a.signed_by}　{signed_at}　内容摘要 {digest}"
    note += f"　评估规则 {a.rule_version}"
    overridden = a.chosen_setting != a.recommended_setting
    return {
        "resident": resident_header(src.residents.get(a.resident_id, audit=False)),
        "assessment": {
            "assessed_on": a.assessed_on,
            "version": f"第 {a.version} 版",
            "assessor": a.assessor,
            "site": a.assessor_site,
            "diagnosis": d.diagnosis,
            "icd10": d.icd10,
            "end_stage": YES_NO[d.end_stage],
            "survival": f"{d.survival_months} 个月" if d.survival_months is not None else "",
        },
        "kps": {"score": kps.get("score"), "description": kps.get("description"), "band": kps.get("band")},
        "pps": {"level": f"{d.pps}%" if d.pps is not None else ""},
        "ppi": _ppi(d.ppi, r),
        "esas": _esas(d.esas, r),
        "barthel": {
            **{k: barthel.get(k) for k in H.BARTHEL_ITEMS},
            "total": r.get("barthel", {}).get("total"),
            "band": r.get("barthel", {}).get("band"),
        },
        "self_care": {
            **{k: H.SELF_CARE_LEVEL_LABELS.get(self_care.get(k, ""), "") for k in H.SELF_CARE_ITEMS},
            "total": r.get("self_care", {}).get("total"),
            "band": r.get("self_care", {}).get("band"),
        },
        "care": {
            "caregiver": YES_NO[d.caregiver],
            "caregiver_capable": YES_NO[d.caregiver_capable],
            "caregiver_24h": YES_NO[d.caregiver_24h],
            "home_suitable": YES_NO[d.home_suitable],
            "refractory_pain": HAS[d.refractory_pain],
            "wish": WISHES.get(d.wish, d.wish),
            "aware_diagnosis": YES_NO[d.aware_diagnosis],
            "aware_prognosis": YES_NO[d.aware_prognosis],
            "consent_care": YES_NO[d.consent_care],
            "consent_share": YES_NO[d.consent_share],
        },
        "decision": {
            "eligible": "符合" if a.eligible else "不符合",
            "recommended": _setting(a.recommended_setting) or "无",
            "reasons": "；".join(a.reasons),
            "rule_version": a.rule_version,
            "chosen": _setting(a.chosen_setting),
            "overridden": "是" if overridden and a.chosen_setting else "否",
            "override_reason": a.override_reason,
            "next_review": a.next_review,
        },
        "coordination": coordination,
        "signature": {
            "state": "已签署" if a.signed else "未签署",
            "signed_at": a.signed_at,
            "signed_by": a.signed_by,
            "digest": digest,
            "note": note,
        },
    }


def _latest(history: list[AssessmentInfo], key: str) -> AssessmentInfo | None:
    return next((h for h in reversed(history) if getattr(h.draft, key) is not None), None)


def summary(src: Sources, assessment_id: uuid.UUID) -> dict[str, Any]:
    """The one-page hospice summary for out-of-hours staff."""
    a = src.hospice.get(assessment_id)
    d = a.draft
    c = d.coordination
    user = src.hospice.ctx.user
    file = src.residents.get(a.resident_id, audit=False)
    history = src.hospice.history(a.resident_id)
    pps, kps = _latest(history, "pps"), _latest(history, "kps")
    newest = history[-1] if history else a
    newer = f"（非最新：已有第 {newest.version} 版）" if newest.id != a.id else ""
    arrangement = f"{_setting(a.chosen_setting)}安宁疗护" if a.chosen_setting else "不符合安宁疗护条件"
    if a.chosen_setting and a.chosen_setting != a.recommended_setting:
        arrangement += f"（医生改变建议：{a.override_reason}）"
    places = [
        (k, _place(c.get(k))) for k in ("death_place_1", "death_place_2", "care_place_1", "care_place_2")
    ]
    shown = {k: v for k, v in places if v}
    home_care = ""
    episodes = src.hospice.home_care(a.resident_id)
    if episodes:
        e = next((x for x in episodes if x.ended_on is None), episodes[0])
        home_care = f"{e.started_on} 起" + (f"，{e.ended_on} 结束" if e.ended_on else "，进行中")
        if e.bed_id and src.homebeds.ctx.can(Permission.HOMEBED_READ):
            bed = src.homebeds.get(e.bed_id)
            home_care += "；" + BED_STATES.get(bed.status, f"家庭病床 {bed.bed_no}（{bed.status_label}）")
            if bed.doctor or bed.nurse:
                home_care += f"，责任医生 {bed.doctor or '—'}，责任护士 {bed.nurse or '—'}"
    consultation = advice = ""
    consults = src.hospice.consultations(a.resident_id)
    if consults:
        last = consults[0]
        consultation = f"{last.held_on}　{last.consultant}" + (f"（{last.site}）" if last.site else "")
        advice = _cut(last.advice, SUMMARY_LIMITS["advice"])
    contact = " ".join(x for x in (file.draft.contact_name, file.draft.contact_phone) if x)
    return {
        "resident": resident_header(file),
        "summary": {
            "printed_on": src.hospice.ctx.today(),
            "printed_by": user.display_name if user else "",
            "diagnosis": f"{d.diagnosis}（{d.icd10}）" if d.icd10 else d.diagnosis,
            "pps": f"{pps.draft.pps}%（{pps.assessed_on}）" if pps else "",
            "kps": f"{kps.draft.kps}（{kps.assessed_on}）" if kps else "",
            "assessment": f"{a.assessed_on}　第 {a.version} 版　{'已签署' if a.signed else '未签署'}" + newer,
            "arrangement": arrangement,
            "cpr": H.CPR_DECISIONS.get(c.get("cpr", ""), ""),
            "cpr_kept": c.get("cpr_kept", ""),
            "death_place": "；".join(
                f"{n} {shown[k]}"
                for n, k in (("首选", "death_place_1"), ("次选", "death_place_2"))
                if k in shown
            ),
            "care_place": "；".join(
                f"{n} {shown[k]}"
                for n, k in (("首选", "care_place_1"), ("次选", "care_place_2"))
                if k in shown
            ),
            "advance_directive": _cut(c.get("advance_directive", ""), SUMMARY_LIMITS["advance_directive"]),
            "medicines": _cut(c.get("anticipatory_medicines", ""), SUMMARY_LIMITS["medicines"]),
            "main_carer": c.get("main_carer", ""),
            "contact": contact,
            "key_worker": c.get("key_worker", ""),
            "home_care": home_care,
            "consultation": consultation,
            "advice": advice,
            "next_review": a.next_review,
        },
    }


SPECS = (
    FormSpec(
        "hospice_assessment",
        "安宁疗护转介评估表",
        "assessment",
        Permission.HOSPICE_READ,
        ASSESSMENT_FIELDS,
        assessment,
        "hospice_assessments",
    ),
    FormSpec(
        "hospice_summary",
        "安宁疗护患者摘要（非工作时间用）",
        "assessment",
        Permission.HOSPICE_READ,
        SUMMARY_FIELDS,
        summary,
        "hospice_assessments",
    ),
)
