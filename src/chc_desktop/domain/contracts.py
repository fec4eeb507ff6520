"""Family-doctor contract rules (家庭医生签约, reference.md §4; policy-defaults.md): terms, the
lifecycle of a contract, expiry, and coverage against the district's targets. Pure: no database.

A contract runs from its start date for ``term_months`` months: 2026-03-01 with 12 months ends on
2027-02-28 (the day before the same date a term later). Month ends clamp: 2026-01-31 + 1 month ends
on 2026-02-27, the day before 2026-02-28.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from dataclasses import dataclass
from fractions import Fraction

from chc_desktop.domain.errors import DomainError

# National targets by 2025 (policy-defaults.md); settings may change them.
TARGET_ALL = Fraction(48, 100)
TARGET_KEY_POPULATIONS = Fraction(80, 100)

# The groups the key-population coverage counts: the national list (国卫基层发〔2022〕10号) plus
# 失能/半失能. Shanghai's 60+ is a signing priority, not an indicator group, so it is left out.
COVERAGE_KEY_POPULATIONS = (
    "elderly65",
    "child0_6",
    "maternal",
    "disabled",
    "low_income",
    "family_planning_special",
    "hypertension",
    "diabetes2",
    "tb",
    "smi",
    "disabled_elderly",
)


class Status(enum.StrEnum):
    ACTIVE = "active"  # 已签约
    RENEWED = "renewed"  # ended by 续约: a new contract follows with the same team
    SWITCHED = "switched"  # ended by 改签: a new contract follows with another team
    TERMINATED = "terminated"  # 解约, with a reason
    DECEASED = "deceased"  # ended because the file records death
    EXPIRED = "expired"  # the term ran out without renewal


STATUS_LABELS = {
    Status.ACTIVE: "已签约",
    Status.RENEWED: "已续约",
    Status.SWITCHED: "已改签",
    Status.TERMINATED: "已解约",
    Status.DECEASED: "死亡终止",
    Status.EXPIRED: "已到期",
}


class Action(enum.StrEnum):
    RENEW = "renew"
    SWITCH = "switch"
    TERMINATE = "terminate"
    DEATH = "death"
    EXPIRE = "expire"


_ENDS = {
    Action.RENEW: Status.RENEWED,
    Action.SWITCH: Status.SWITCHED,
    Action.TERMINATE: Status.TERMINATED,
    Action.DEATH: Status.DECEASED,
    Action.EXPIRE: Status.EXPIRED,
}
_ACTION_LABELS = {
    Action.RENEW: "续约",
    Action.SWITCH: "改签",
    Action.TERMINATE: "解约",
    Action.DEATH: "死亡终止",
    Action.EXPIRE: "到期",
}


def _error(code: str, message: str, field: str | None = None) -> DomainError:
    return DomainError(f"contract.{code}", message, field)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, clamped to the month's last day."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_end(start: dt.date, term_months: int) -> dt.date:
    """The last day a contract covers (inclusive)."""
    if term_months < 1:
        raise _error("term", "签约周期至少 1 个月", "term_months")
    return add_months(start, term_months) - dt.timedelta(days=1)


@dataclass(frozen=True)
class Term:
    start: dt.date
    end: dt.date  # inclusive

    def covers(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def days_left(self, today: dt.date) -> int:
        return (self.end - today).days


def new_term(start: dt.date, term_months: int, today: dt.date) -> Term:
    """A first contract's term; a start more than a term in the past or a year ahead is a typo."""
    if start > add_months(today, 12):
        raise _error("start_future", "签约开始日期不能晚于一年以后", "start_date")
    end = term_end(start, term_months)
    if end < today:
        raise _error("start_past", "按此开始日期，签约周期已经结束，请核对日期", "start_date")
    return Term(start, end)


def renewal_term(previous: Term, term_months: int) -> Term:
    """续约: the new term starts the day after the old one ends, so coverage never has a gap."""
    start = previous.end + dt.timedelta(days=1)
    return Term(start, term_end(start, term_months))


def next_status(
    current: Status, action: Action, reason: str | None = None, reasons: tuple[str, ...] = ()
) -> Status:
    """Where a contract goes on ``action``; a step that is not allowed is refused with the reason."""
    if current is not Status.ACTIVE:
        raise _error(
            "not_active",
            f"该签约已{STATUS_LABELS[current].removeprefix('已')}，不能再{_ACTION_LABELS[action]}",
        )
    if action is Action.TERMINATE:
        if not reason:
            raise _error("reason", "解约须选择原因", "reason")
        if reasons and reason not in reasons:
            raise _error("reason", f"解约原因须为：{'、'.join(reasons)}", "reason")
    return _ENDS[action]


def expiring(end: dt.date, today: dt.date, within_days: int) -> bool:
    """Ends within the reminder window (today included) and has not ended yet."""
    return today <= end <= today + dt.timedelta(days=within_days)


@dataclass(frozen=True)
class Coverage:
    signed: int
    population: int
    target: Fraction

    @property
    def rate(self) -> Fraction:
        return Fraction(self.signed, self.population) if self.population else Fraction(0)

    @property
    def percent(self) -> float:
        return float(self.rate * 100)

    @property
    def met(self) -> bool:
        return self.population > 0 and self.rate >= self.target

    @property
    def short_by(self) -> int:
        """How many more residents must sign to reach the target (0 when it is met)."""
        needed = -(-self.target.numerator * self.population // self.target.denominator)  # ceiling
        return max(0, needed - self.signed)


def coverage(signed: int, population: int, target: Fraction) -> Coverage:
    if signed < 0 or population < 0 or signed > population:
        raise _error("coverage", "签约人数不能为负，也不能多于人口数")
    return Coverage(signed, population, target)


def target(percent: int) -> Fraction:
    return Fraction(percent, 100)


def check_hospitals(district_level: str | None, municipal_level: str | None) -> dict[str, str]:
    """1+1+1: the first choice must be a 区级 hospital and the second a 市级 one (both optional)."""
    errors: dict[str, str] = {}
    if district_level is not None and district_level != "district":
        errors["district_hospital_id"] = "“1+1+1”的第二个“1”须为区级医院"
    if municipal_level is not None and municipal_level != "municipal":
        errors["municipal_hospital_id"] = "“1+1+1”的第三个“1”须为市级医院"
    return errors


def check_packages(kinds: dict[str, str], chosen: tuple[str, ...]) -> str | None:
    """A contract carries exactly one 基础包 and any number of 个性化 packages; why not, or None."""
    unknown = [c for c in chosen if c not in kinds]
    if unknown:
        return "服务包不存在或已停用"
    if len(set(chosen)) != len(chosen):
        return "同一服务包不能重复选择"
    basics = [c for c in chosen if kinds[c] == "basic"]
    if len(basics) != 1:
        return "须选择且只能选择一个基础服务包"
    return None


# 签约方式 a person chooses on the signing form; 批量导入 is recorded by the spreadsheet import only.
IMPORT_SIGN_METHOD = "import"
