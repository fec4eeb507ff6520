"""Family-doctor contract rules: terms, lifecycle, expiry, coverage (golden tables + properties)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain.contracts import (
    TARGET_ALL,
    TARGET_KEY_POPULATIONS,
    Action,
    Status,
    Term,
    add_months,
    coverage,
    expiring,
    new_term,
    next_status,
    renewal_term,
    term_end,
)
from chc_desktop.domain.errors import DomainError

D = dt.date
REASONS = ("迁出本辖区", "连续一年无法取得联系", "连续一年拒绝服务", "主动解约", "死亡", "其他")


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (D(2026, 3, 1), 12, D(2027, 2, 28)),
        (D(2027, 3, 1), 12, D(2028, 2, 29)),  # leap year
        (D(2026, 1, 1), 12, D(2026, 12, 31)),
        (D(2026, 1, 31), 1, D(2026, 2, 27)),  # clamps to 2026-02-28, the day before
        (D(2024, 2, 29), 12, D(2025, 2, 27)),
        (D(2026, 11, 24), 24, D(2028, 11, 23)),
        (D(2026, 12, 15), 6, D(2027, 6, 14)),
    ],
)
def test_term_end(start: dt.date, months: int, end: dt.date) -> None:
    assert term_end(start, months) == end


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)), st.integers(1, 60))
def test_renewals_leave_no_gap_and_no_overlap(start: dt.date, months: int) -> None:
    first = Term(start, term_end(start, months))
    second = renewal_term(first, months)
    assert second.start == first.end + dt.timedelta(days=1)
    assert second.end > second.start and first.end >= first.start
    assert 28 * months - 1 <= (first.end - first.start).days <= 31 * months


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2090, 12, 31)), st.integers(0, 120))
def test_add_months_keeps_the_day_or_the_month_end(day: dt.date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or (later.day < day.day and (later + dt.timedelta(days=1)).day == 1)


def test_new_terms_refuse_dates_that_are_typos() -> None:
    today = D(2026, 11, 24)
    assert new_term(D(2026, 11, 24), 12, today) == Term(D(2026, 11, 24), D(2027, 11, 23))
    with pytest.raises(DomainError, match="已经结束"):
        new_term(D(2025, 1, 1), 12, today)
    with pytest.raises(DomainError, match="一年以后"):
        new_term(D(2028, 1, 1), 12, today)
    with pytest.raises(DomainError, match="至少 1 个月"):
        term_end(today, 0)


@pytest.mark.parametrize(
    ("action", "status"),
    [
        (Action.RENEW, Status.RENEWED),
        (Action.SWITCH, Status.SWITCHED),
        (Action.DEATH, Status.DECEASED),
        (Action.EXPIRE, Status.EXPIRED),
    ],
)
def test_an_active_contract_ends_by_each_action(action: Action, status: Status) -> None:
    assert next_status(Status.ACTIVE, action) is status


def test_termination_needs_a_reason_from_the_policy_list() -> None:
    assert next_status(Status.ACTIVE, Action.TERMINATE, "主动解约", REASONS) is Status.TERMINATED
    with pytest.raises(DomainError, match="须选择原因"):
        next_status(Status.ACTIVE, Action.TERMINATE, None, REASONS)
    with pytest.raises(DomainError, match="解约原因须为"):
        next_status(Status.ACTIVE, Action.TERMINATE, "搬家了", REASONS)


@pytest.mark.parametrize("ended", [s for s in Status if s is not Status.ACTIVE])
@pytest.mark.parametrize("action", list(Action))
def test_an_ended_contract_takes_no_further_step(ended: Status, action: Action) -> None:
    with pytest.raises(DomainError, match="不能再") as info:
        next_status(ended, action, "其他", REASONS)
    assert info.value.code == "contract.not_active"


@pytest.mark.parametrize(
    ("end", "today", "days", "result"),
    [
        (D(2026, 12, 24), D(2026, 11, 24), 30, True),
        (D(2026, 12, 25), D(2026, 11, 24), 30, False),
        (D(2026, 11, 24), D(2026, 11, 24), 30, True),  # ends today
        (D(2026, 11, 23), D(2026, 11, 24), 30, False),  # already ended
    ],
)
def test_expiring_window(end: dt.date, today: dt.date, days: int, result: bool) -> None:
    assert expiring(end, today, days) is result


@pytest.mark.parametrize(
    ("signed", "population", "target", "percent", "met", "short_by"),
    [
        (480, 1000, TARGET_ALL, 48.0, True, 0),
        (479, 1000, TARGET_ALL, 47.9, False, 1),
        (799, 1000, TARGET_KEY_POPULATIONS, 79.9, False, 1),
        (4, 5, TARGET_KEY_POPULATIONS, 80.0, True, 0),
        (0, 7, TARGET_ALL, 0.0, False, 4),  # ceil(0.48 × 7) = 4
        (0, 0, TARGET_ALL, 0.0, False, 0),
    ],
)
def test_coverage_golden(
    signed: int, population: int, target: Fraction, percent: float, met: bool, short_by: int
) -> None:
    c = coverage(signed, population, target)
    assert (round(c.percent, 1), c.met, c.short_by) == (percent, met, short_by)


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_signing_the_shortfall_meets_the_target(a: int, b: int) -> None:
    population, signed = max(a, b), min(a, b)
    c = coverage(signed, population, TARGET_ALL)
    if population:
        assert coverage(signed + c.short_by, population, TARGET_ALL).met
        assert c.short_by == 0 or not coverage(signed + c.short_by - 1, population, TARGET_ALL).met


def test_coverage_refuses_impossible_counts() -> None:
    with pytest.raises(DomainError):
        coverage(11, 10, TARGET_ALL)
    with pytest.raises(DomainError):
        coverage(-1, 10, TARGET_ALL)
