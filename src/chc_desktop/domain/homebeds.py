"""Home hospital beds (家庭病床, reference.md §2): bed types, the lifecycle 申请 → 登记（在床）→ 撤床 or
续床, bed-day arithmetic by insurance year, the policy warnings (cycle length, days and cycles per
insurance year), and when each bed's next visit is due. Pure: no database; every limit comes in as a
parameter, because each is a local rule (policy-defaults.md).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from chc_desktop.domain.errors import DomainError

# Bsoft's dictionary famliySickbedType: 1 治疗型, 2 康复型, 3 舒缓照顾型 [V S11].
BED_TYPES = {"1": "治疗型", "2": "康复型", "3": "舒缓照顾型"}
PALLIATIVE = "3"


class Status(enum.StrEnum):
    APPLIED = "applied"  # 申请 (a station may record it)
    RETURNED = "returned"  # 退回: the centre did not open the bed (with a reason)
    OPEN = "open"  # 在床: registered, visits are recorded
    DISCHARGED = "discharged"  # 撤床
    RENEWED = "renewed"  # this cycle ended in a new one (续床); the history is kept


STATUS_LABELS = {
    Status.APPLIED: "申请",
    Status.RETURNED: "退回",
    Status.OPEN: "在床",
    Status.DISCHARGED: "已撤床",
    Status.RENEWED: "已续床",
}
ROLES = {"doctor": "查床（医生）", "nurse": "巡诊（护士）"}
VITALS = {  # key → (label, unit, lowest, highest): what a visit may record, with plausible bounds
    "sbp": ("收缩压", "mmHg", 50, 260),
    "dbp": ("舒张压", "mmHg", 30, 160),
    "pulse": ("脉搏", "次/分", 20, 220),
    "temperature": ("体温", "℃", 34, 43),
    "respiration": ("呼吸", "次/分", 5, 60),
    "spo2": ("血氧饱和度", "%", 50, 100),
    "glucose": ("血糖", "mmol/L", 1, 35),
}
DECIMAL_VITALS = frozenset({"temperature", "glucose"})  # 36.8 ℃, 7.2 mmol/L; the others whole numbers


def _error(code: str, message: str, field: str | None = None) -> DomainError:
    return DomainError(f"homebed.{code}", message, field)


# ---------------------------------------------------------------- lifecycle
_MOVES: dict[tuple[Status, str], Status] = {
    (Status.APPLIED, "register"): Status.OPEN,
    (Status.APPLIED, "return"): Status.RETURNED,
    (Status.OPEN, "visit"): Status.OPEN,
    (Status.OPEN, "discharge"): Status.DISCHARGED,
    (Status.OPEN, "renew"): Status.RENEWED,
}
ACTION_LABELS = {
    "register": "登记建床",
    "return": "退回申请",
    "visit": "记录查床",
    "discharge": "撤床",
    "renew": "续床",
}
CENTRE_ONLY = frozenset({"register", "return", "renew", "discharge"})  # approving and closing a bed


def next_status(current: Status, action: str, at_centre: bool, centre_only: bool = True) -> Status:
    """Where a bed goes on ``action``; refused with the reason when not allowed from here, or when only
    a 社区卫生服务中心 may take it (policy: stations record applications and visits)."""
    to = _MOVES.get((current, action))
    if to is None:
        allowed = "、".join(ACTION_LABELS[a] for (s, a) in _MOVES if s == current)
        hint = f"，此时只能{allowed}" if allowed else ""
        raise _error("step", f"家庭病床{STATUS_LABELS[current]}，不能{ACTION_LABELS[action]}{hint}")
    if centre_only and action in CENTRE_ONLY and not at_centre:
        raise _error(
            "centre_only", f"只有社区卫生服务中心可以{ACTION_LABELS[action]}（服务站可登记申请和查床）"
        )
    return to


# ---------------------------------------------------------------- days and insurance years
def insurance_year(day: dt.date, start_month: int) -> int:
    """The insurance year a day falls in, named by the calendar year it starts in."""
    return day.year if day.month >= start_month else day.year - 1


def insurance_year_span(year: int, start_month: int) -> tuple[dt.date, dt.date]:
    """[first day, first day of the next) of insurance year ``year``."""
    return dt.date(year, start_month, 1), dt.date(year + 1, start_month, 1)


def bed_days(start: dt.date, end: dt.date) -> int:
    """Bed days of one cycle: end − start (policy-defaults; as deployed systems count)."""
    if end < start:
        raise _error("dates", "撤床日期不能早于建床日期", "end_date")
    return (end - start).days


def days_by_insurance_year(start: dt.date, end: dt.date, start_month: int) -> dict[int, int]:
    """A cycle's bed days split over the insurance years it spans (the days d with start ≤ d < end)."""
    out: dict[int, int] = {}
    day = start
    while day < end:
        year = insurance_year(day, start_month)
        _, after = insurance_year_span(year, start_month)
        upto = min(end, after)
        out[year] = out.get(year, 0) + (upto - day).days
        day = upto
    return out


@dataclass(frozen=True)
class Cycle:
    """One 建床周期 of a resident: its start, and its end (today for a bed still open)."""

    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class Limits:
    cycle_days: int
    days_per_year: int
    cycles_per_year: int
    year_start_month: int


SOURCE = "policy-defaults.md 家庭病床（外地医保规定，上海未核实 [U]）"


@dataclass(frozen=True)
class Warning:
    code: str  # cycle_length | days_per_year | cycles_per_year
    message: str
    rule: str  # the setting and its value, so the user sees which rule spoke
    source: str = SOURCE


def warnings(current: Cycle, history: Iterable[Cycle], limits: Limits) -> list[Warning]:
    """What the policy says about a bed (its current cycle) and its resident's year so far."""
    out: list[Warning] = []
    days = bed_days(current.start, current.end)
    if days > limits.cycle_days:
        out.append(
            Warning(
                "cycle_length",
                f"本周期已建床 {days} 天，超过建床周期上限 {limits.cycle_days} 天，请撤床或续床",
                f"建床周期上限 = {limits.cycle_days} 天",
            )
        )
    cycles = [current, *history]
    year = insurance_year(current.end, limits.year_start_month)
    used = sum(days_by_insurance_year(c.start, c.end, limits.year_start_month).get(year, 0) for c in cycles)
    if used > limits.days_per_year:
        out.append(
            Warning(
                "days_per_year",
                f"该居民本医保年度已建床 {used} 天，超过上限 {limits.days_per_year} 天",
                f"每医保年度床日上限 = {limits.days_per_year} 天",
            )
        )
    started = sum(1 for c in cycles if insurance_year(c.start, limits.year_start_month) == year)
    if started > limits.cycles_per_year:
        out.append(
            Warning(
                "cycles_per_year",
                f"该居民本医保年度已建床 {started} 次，超过上限 {limits.cycles_per_year} 次",
                f"每医保年度建床次数上限 = {limits.cycles_per_year} 次",
            )
        )
    return out


def planned_end(start: dt.date, cycle_days: int) -> dt.date:
    return start + dt.timedelta(days=cycle_days)


# ---------------------------------------------------------------- visits due
def next_visit(
    start: dt.date, last_visit: dt.date | None, planned_next: dt.date | None, interval_days: int
) -> dt.date:
    """When the next visit of one role is due: the interval after the last visit (or after the bed
    opened), or sooner when the last visit set an earlier date."""
    due = (last_visit or start) + dt.timedelta(days=interval_days)
    if planned_next is not None and last_visit is not None and planned_next < due:
        due = max(planned_next, last_visit)
    return due


def days_over(due_on: dt.date, today: dt.date) -> int | None:
    """None when the visit is not due yet; else the days past its date (0 = due today)."""
    return None if due_on > today else (today - due_on).days


def check_visit(vitals: Mapping[str, Any], notes: Iterable[str]) -> dict[str, str]:
    """A visit must record something (a vital sign or any of its notes: 主诉, 体格检查, 辅助检查,
    处理, 护理), and each vital sign must be a number within plausible bounds."""
    errors: dict[str, str] = {}
    for key, value in vitals.items():
        if key not in VITALS:
            errors[key] = "没有这项生命体征"
            continue
        label, unit, low, high = VITALS[key]
        if not isinstance(value, int | float) or isinstance(value, bool) or not low <= value <= high:
            errors[key] = f"{label}应在 {low}–{high} {unit} 之间"
    if not errors and "sbp" in vitals and "dbp" in vitals and vitals["dbp"] >= vitals["sbp"]:
        errors["dbp"] = "舒张压应低于收缩压"
    if not (vitals or any(n.strip() for n in notes)):
        errors["complaint"] = "请至少记录主诉、体格检查、生命体征、处理或护理之一"
    return errors


# ---------------------------------------------------------------- monthly statistics
@dataclass(frozen=True)
class CycleRow:
    """One registered cycle as the statistics read it."""

    start: dt.date
    end: dt.date | None  # None while open
    discharged: bool  # ended by 撤床 (not by 续床)
    bed_type: str
    outcome: str
    renewal: bool  # continues an earlier cycle: not a newly opened bed


@dataclass(frozen=True)
class MonthStats:
    month: str  # YYYY-MM
    open_at_end: int  # beds in bed on the month's last day (or today, for this month)
    opened: int
    discharged: int
    bed_days: int
    opened_by_type: Mapping[str, int]
    discharged_by_outcome: Mapping[str, int]


def monthly(rows: Iterable[CycleRow], year: int, today: dt.date) -> list[MonthStats]:
    """Each month of ``year`` up to ``today``: beds open at its end, opened (renewals not counted as
    new beds), discharged, and bed days (the days d with start ≤ d < end, open cycles to today)."""
    rows = list(rows)
    out = []
    for month in range(1, 13):
        first = dt.date(year, month, 1)
        if first > today:
            break
        after = dt.date(year + month // 12, month % 12 + 1, 1)
        last = min(after - dt.timedelta(days=1), today)
        opened = discharged = days = open_at_end = 0
        by_type: dict[str, int] = {}
        by_outcome: dict[str, int] = {}
        for r in rows:
            stop = r.end if r.end is not None else today
            if first <= r.start < after and not r.renewal:
                opened += 1
                label = BED_TYPES.get(r.bed_type, r.bed_type)
                by_type[label] = by_type.get(label, 0) + 1
            if r.discharged and r.end is not None and first <= r.end < after:
                discharged += 1
                by_outcome[r.outcome] = by_outcome.get(r.outcome, 0) + 1
            days += max(0, (min(stop, after) - max(r.start, first)).days)
            if r.start <= last and (r.end is None or r.end > last):
                open_at_end += 1
        out.append(MonthStats(f"{first:%Y-%m}", open_at_end, opened, discharged, days, by_type, by_outcome))
    return out
