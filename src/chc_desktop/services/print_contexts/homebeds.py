"""家庭病床 forms (reference.md §2.2): 申请单, 登记 / 病历首页, 查床记录单 (a table, one row per visit),
撤床小结, and the day's round list for a nurse or doctor (a table, one row per bed due)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from chc_desktop.domain import homebeds as rules
from chc_desktop.security.roles import Permission
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.homebeds import BedInfo, VisitInfo
from chc_desktop.services.print_contexts.common import (
    RESIDENT_FIELDS,
    Build,
    FormSpec,
    Sources,
    resident_header,
)

_BED = (
    "bed_no",
    "type",
    "status",
    "cycle",
    "site",
    "applied_on",
    "applying_site",
    "applying_doctor",
    "diagnosis",
    "icd10",
    "summary",
    "indication",
    "returned_reason",
    "start_date",
    "planned_end",
    "end_date",
    "days",
    "days_by_year",
    "doctor",
    "nurse",
    "consent_on",
    "outcome",
    "discharge_diagnosis",
    "discharge_icd10",
    "discharge_summary",
)
BED_FIELDS = RESIDENT_FIELDS | frozenset(f"bed.{f}" for f in _BED)
_VISIT_ROW = ("no", "when", "kind", "record", "staff")
VISITS_FIELDS = (
    BED_FIELDS
    | frozenset(f"visits.{f}" for f in ("count", "period", "rows"))
    | {f"visits.rows[].{f}" for f in _VISIT_ROW}
)
_ROUND_ROW = ("street", "committee", "address", "name", "bed_no", "role", "staff", "due_on", "overdue")
ROUND_FIELDS = frozenset(f"round.{f}" for f in ("on", "staff", "count", "overdue", "printed_on", "rows")) | {
    f"round.rows[].{f}" for f in _ROUND_ROW
}

ROUND_ROLES = {"doctor": "查床", "nurse": "巡诊"}


def _bed(src: Sources, b: BedInfo) -> dict[str, Any]:
    started = b.start_date is not None
    years = src.homebeds.bed_days_by_year(b.resident_id) if started else {}
    return {
        "bed_no": b.bed_no,
        "type": b.type_label,
        "status": b.status_label,
        "cycle": f"第 {b.cycle} 周期" if started else "",
        "site": b.site,
        "applied_on": b.applied_on,
        "applying_site": b.applying_site,
        "applying_doctor": b.applying_doctor,
        "diagnosis": b.diagnosis,
        "icd10": b.icd10,
        "summary": b.summary,
        "indication": b.indication,
        "returned_reason": b.returned_reason,
        "start_date": b.start_date,
        "planned_end": b.planned_end,
        "end_date": b.end_date,
        "days": f"{b.days} 天" if started else "",
        "days_by_year": "；".join(f"{y} 医保年度 {d} 天" for y, d in years.items()),
        "doctor": b.doctor,
        "nurse": b.nurse,
        "consent_on": b.consent_on,
        "outcome": b.outcome,
        "discharge_diagnosis": b.discharge_diagnosis,
        "discharge_icd10": b.discharge_icd10,
        "discharge_summary": b.discharge_summary,
    }


def bed(src: Sources, bed_id: uuid.UUID) -> dict[str, Any]:
    """申请单, 病历首页 and 撤床小结: the resident and the bed."""
    b = src.homebeds.get(bed_id)
    return {"resident": resident_header(src.residents.get(b.resident_id, audit=False)), "bed": _bed(src, b)}


def _number(value: Any) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def vitals_text(vitals: Mapping[str, Any]) -> str:
    """生命体征 as one line: 血压 150/90 mmHg，脉搏 80 次/分，体温 36.8 °C… (°C: the font's ℃ is blank)."""
    parts = []
    if "sbp" in vitals or "dbp" in vitals:
        sbp, dbp = vitals.get("sbp"), vitals.get("dbp")
        shown = [_number(x) if x is not None else "—" for x in (sbp, dbp)]
        parts.append(f"血压 {shown[0]}/{shown[1]} mmHg")
    for key, (label, unit, _low, _high) in rules.VITALS.items():
        if key in ("sbp", "dbp") or vitals.get(key) is None:
            continue
        unit = unit.replace("℃", "°C")
        parts.append(f"{label} {_number(vitals[key])}{'' if unit == '%' else ' '}{unit}")
    return "，".join(parts)


def _when(at: dt.datetime) -> str:
    return at.astimezone().strftime("%Y-%m-%d %H:%M")


def visit_rows(visits: Sequence[VisitInfo], cycles: Mapping[uuid.UUID, BedInfo]) -> list[dict[str, str]]:
    """One row per visit, oldest first: its number, day and time, 查床/巡诊, who, and the record — a
    correction says what it corrects and why, a corrected entry by which it was corrected, then one
    line per item recorded. When the sheet spans renewed cycles, each cycle's first row says so."""
    number = {v.id: i for i, v in enumerate(visits, 1)}
    corrected_by = {v.corrects_id: number[v.id] for v in visits if v.corrects_id}
    rows: list[dict[str, str]] = []
    cycle: uuid.UUID | None = None
    several = len({v.bed_id for v in visits}) > 1
    for v in visits:
        lines: list[str] = []
        if several and v.bed_id != cycle:
            c = cycles.get(v.bed_id)
            if c is not None:
                lines.append(f"—— 第 {c.cycle} 周期　建床 {c.start_date or ''} ——")
            cycle = v.bed_id
        if v.corrects_id:
            was = f"第 {number[v.corrects_id]} 条" if v.corrects_id in number else "原记录"
            lines.append(f"更正{was}，原因：{v.correction_reason}")
        if v.corrected:
            by = corrected_by.get(v.id)
            lines.append(f"（已更正，以第 {by} 条为准）" if by else "（已更正）")
        for label, text in (
            ("主诉", v.complaint),
            ("生命体征", vitals_text(v.vitals)),
            ("体格检查", v.exam),
            ("辅助检查", v.tests),
            ("处理及医嘱", v.treatment),
            ("护理", v.nursing),
            ("与家属沟通", v.communication),
            ("下次查床", v.next_visit.isoformat() if v.next_visit else ""),
        ):
            if text.strip():
                lines.append(f"{label}：{text.strip()}")
        day, time = _when(v.visited_at).split(" ")
        rows.append(
            {
                "no": str(number[v.id]),
                "when": f"{day}\n{time}",
                "kind": v.role_label,
                "record": "\n".join(lines),
                "staff": v.staff,
            }
        )
    return rows


def visits(src: Sources, bed_id: uuid.UUID) -> dict[str, Any]:
    """查床记录单: the bed and every visit of it (and of the cycles it continues), oldest first."""
    context = bed(src, bed_id)
    timeline = list(reversed(src.homebeds.visits(bed_id)))
    cycles = {bid: src.homebeds.get(bid) for bid in {v.bed_id for v in timeline}}
    period = ""
    if timeline:
        first, last = timeline[0].visited_at.astimezone(), timeline[-1].visited_at.astimezone()
        period = f"{first:%Y-%m-%d} 至 {last:%Y-%m-%d}"
    context["visits"] = {"count": len(timeline), "period": period, "rows": visit_rows(timeline, cycles)}
    return context


# ---------------------------------------------------------------- the round
def _staff_name(src: Sources, staff_id: uuid.UUID) -> str:
    return next((u.display_name for u in src.users.list() if u.id == staff_id), "")


def round_list(src: Sources, on: dt.date, staff_id: uuid.UUID | None) -> dict[str, Any]:
    """The day's visit list for a round (查床 and 巡诊 due by ``on``, overdue included), ordered as the
    service gives it: by street, 居委, address; of one member of staff, or of everyone."""
    rows = src.homebeds.round_list(on, staff_id)
    return {
        "round": {
            "on": on,
            "staff": _staff_name(src, staff_id) if staff_id else "全部人员",
            "count": len(rows),
            "overdue": sum(1 for d in rows if d.days_over > 0),
            "printed_on": src.homebeds.ctx.today(),
            "rows": [
                {
                    "street": d.bed.street,
                    "committee": d.bed.committee,
                    "address": d.bed.address,
                    "name": d.bed.name,
                    "bed_no": d.bed.bed_no,
                    "role": ROUND_ROLES.get(d.role, d.role),
                    "staff": d.staff,
                    "due_on": d.due_on,
                    "overdue": f"{d.days_over} 天" if d.days_over else "当天",
                }
                for d in rows
            ],
        }
    }


def _round_by_id(src: Sources, record_id: uuid.UUID) -> dict[str, Any]:
    """The round is not one record: it prints from a date and a member of staff (``round_list``)."""
    raise ServiceError("查床日程按日期和人员打印，不按记录打印")


def _bed_form(key: str, title: str, fields: frozenset[str] = BED_FIELDS, build: Build = bed) -> FormSpec:
    """A form printed for one home bed (its cycle), read by anyone who may read home beds."""
    return FormSpec(key, title, "homebed", Permission.HOMEBED_READ, fields, build, "home_beds")


SPECS = (
    _bed_form("homebed_application", "家庭病床申请单"),
    _bed_form("homebed_record", "家庭病床登记 / 病历首页"),
    _bed_form("homebed_visits", "家庭病床查床记录单", VISITS_FIELDS, visits),
    _bed_form("homebed_discharge", "家庭病床撤床小结"),
    FormSpec(
        "homebed_round",
        "家庭病床查床 / 巡诊日程",
        "round",
        Permission.HOMEBED_READ,
        ROUND_FIELDS,
        _round_by_id,
        "home_beds",
    ),
)
