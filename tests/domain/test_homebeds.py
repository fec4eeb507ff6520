"""Home-bed rules: every (status, action, site) combination, bed days across insurance years (golden
cases and hypothesis), the policy warnings, visits due over a calendar, vital-sign bounds, and the
monthly statistics."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.homebeds import (
    ACTION_LABELS,
    CENTRE_ONLY,
    Cycle,
    CycleRow,
    Limits,
    Status,
    bed_days,
    check_visit,
    days_by_insurance_year,
    days_over,
    insurance_year,
    monthly,
    next_status,
    next_visit,
    warnings,
)

D = dt.date
ALLOWED = {
    (Status.APPLIED, "register"): Status.OPEN,
    (Status.APPLIED, "return"): Status.RETURNED,
    (Status.OPEN, "visit"): Status.OPEN,
    (Status.OPEN, "discharge"): Status.DISCHARGED,
    (Status.OPEN, "renew"): Status.RENEWED,
}
LIMITS = Limits(cycle_days=90, days_per_year=180, cycles_per_year=3, year_start_month=4)


@pytest.mark.parametrize(("status", "action"), list(itertools.product(Status, ACTION_LABELS)))
@pytest.mark.parametrize("at_centre", [True, False])
def test_every_status_action_and_site(status: Status, action: str, at_centre: bool) -> None:
    expected = ALLOWED.get((status, action))
    if expected is None:
        with pytest.raises(DomainError, match="不能"):
            next_status(status, action, at_centre)
    elif action in CENTRE_ONLY and not at_centre:
        with pytest.raises(DomainError, match="只有社区卫生服务中心"):
            next_status(status, action, at_centre)
        assert next_status(status, action, at_centre, centre_only=False) is expected  # the policy is off
    else:
        assert next_status(status, action, at_centre) is expected


def test_a_refusal_says_what_can_be_done() -> None:
    with pytest.raises(DomainError) as e:
        next_status(Status.APPLIED, "visit", True)
    assert e.value.message == "家庭病床申请，不能记录查床，此时只能登记建床、退回申请"
    with pytest.raises(DomainError) as e:
        next_status(Status.DISCHARGED, "renew", True)
    assert e.value.message == "家庭病床已撤床，不能续床"


@pytest.mark.parametrize(
    ("start", "end", "month", "expected"),
    [
        (D(2026, 1, 10), D(2026, 1, 10), 4, {}),
        (D(2026, 1, 10), D(2026, 1, 11), 4, {2025: 1}),
        (D(2026, 3, 20), D(2026, 4, 10), 4, {2025: 12, 2026: 9}),  # across 4 月 1 日
        (D(2026, 3, 31), D(2026, 4, 1), 4, {2025: 1}),
        (D(2025, 12, 20), D(2026, 1, 5), 1, {2025: 12, 2026: 4}),  # calendar insurance year
        (D(2024, 2, 1), D(2024, 3, 1), 4, {2023: 29}),  # leap February
        (D(2025, 3, 1), D(2027, 4, 2), 4, {2024: 31, 2025: 365, 2026: 366 - 1, 2027: 1}),
    ],
)
def test_bed_days_split_over_insurance_years(
    start: dt.date, end: dt.date, month: int, expected: dict[int, int]
) -> None:
    assert days_by_insurance_year(start, end, month) == expected
    assert sum(expected.values()) == bed_days(start, end)


@given(
    st.dates(D(2020, 1, 1), D(2030, 12, 31)),
    st.integers(0, 800),
    st.integers(1, 12),
)
def test_split_days_add_up_and_each_lies_in_its_year(start: dt.date, length: int, month: int) -> None:
    end = start + dt.timedelta(days=length)
    split = days_by_insurance_year(start, end, month)
    assert sum(split.values()) == length == bed_days(start, end)
    assert all(days > 0 for days in split.values())
    if length:
        assert min(split) == insurance_year(start, month)
        assert max(split) == insurance_year(end - dt.timedelta(days=1), month)


def test_discharge_before_start_is_refused() -> None:
    with pytest.raises(DomainError, match="不能早于建床日期"):
        bed_days(D(2026, 5, 2), D(2026, 5, 1))


def test_warnings_name_the_rule_and_its_source() -> None:
    assert warnings(Cycle(D(2026, 5, 1), D(2026, 7, 30)), [], LIMITS) == []  # 90 days: at the limit
    [w] = warnings(Cycle(D(2026, 5, 1), D(2026, 7, 31)), [], LIMITS)
    assert (w.code, w.rule) == ("cycle_length", "建床周期上限 = 90 天") and "91 天" in w.message
    assert "policy-defaults.md" in w.source
    history = [Cycle(D(2026, 4, 1), D(2026, 6, 30)), Cycle(D(2026, 7, 1), D(2026, 9, 1))]
    found = {w.code for w in warnings(Cycle(D(2026, 9, 1), D(2026, 10, 15)), history, LIMITS)}
    assert found == {"days_per_year"}  # 90 + 62 + 44 days; a 3rd cycle is within the limit, a 4th is not:
    more = [*history, Cycle(D(2026, 10, 20), D(2026, 10, 25))]
    assert {w.code for w in warnings(Cycle(D(2026, 11, 1), D(2026, 11, 2)), more, LIMITS)} >= {
        "cycles_per_year"
    }
    # Cycles of an earlier insurance year do not count.
    old = [Cycle(D(2025, 4, 1), D(2025, 9, 1)), Cycle(D(2025, 9, 1), D(2026, 3, 31))]
    assert warnings(Cycle(D(2026, 4, 1), D(2026, 5, 1)), old, LIMITS) == []


@given(
    st.dates(D(2026, 1, 1), D(2026, 12, 31)),
    st.lists(st.integers(1, 20), max_size=8),
    st.integers(1, 14),
    st.integers(0, 60),
)
def test_visits_fall_due_on_the_interval_and_are_overdue_after_it(
    start: dt.date, gaps: list[int], interval: int, later: int
) -> None:
    last = None
    day = start
    for gap in gaps:  # visits on these days
        day += dt.timedelta(days=gap)
        last = day
    due = next_visit(start, last, None, interval)
    assert due == (last or start) + dt.timedelta(days=interval)
    today = (last or start) + dt.timedelta(days=later)
    over = days_over(due, today)
    assert (over is None) == (later < interval)
    if over is not None:
        assert over == later - interval


def test_an_earlier_planned_visit_brings_the_due_date_forward_never_later() -> None:
    start, last = D(2026, 11, 1), D(2026, 11, 10)
    assert next_visit(start, last, D(2026, 11, 13), 7) == D(2026, 11, 13)
    assert next_visit(start, last, D(2026, 11, 30), 7) == D(2026, 11, 17)  # the policy's interval wins
    assert next_visit(start, None, D(2026, 11, 2), 7) == D(2026, 11, 8)  # no visit yet: from the start


def test_vital_signs_are_checked() -> None:
    assert check_visit({"sbp": 130, "dbp": 80, "temperature": 36.8}, ()) == {}
    assert check_visit({"sbp": 300}, ("头晕",)) == {"sbp": "收缩压应在 50–260 mmHg 之间"}
    assert check_visit({"sbp": 80, "dbp": 90}, ()) == {"dbp": "舒张压应低于收缩压"}
    assert check_visit({"pulse": True}, ("x",)) == {"pulse": "脉搏应在 20–220 次/分 之间"}
    assert check_visit({"weight": 60}, ("x",)) == {"weight": "没有这项生命体征"}
    assert check_visit({}, ("", "更换敷料")) == {}  # a nurse's round may be nursing alone
    assert "complaint" in check_visit({}, (" ", ""))


def test_monthly_statistics() -> None:
    rows = [
        CycleRow(D(2026, 1, 10), D(2026, 3, 5), True, "1", "好转", False),
        CycleRow(D(2026, 2, 1), D(2026, 5, 2), False, "3", "", False),  # renewed on 5-02
        CycleRow(D(2026, 5, 2), None, False, "3", "", True),  # the renewal, still open
        CycleRow(D(2026, 3, 1), D(2026, 3, 1), True, "2", "其他", False),  # opened and closed the same day
    ]
    stats = {m.month: m for m in monthly(rows, 2026, D(2026, 5, 20))}
    assert list(stats) == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]
    jan, feb, mar, may = stats["2026-01"], stats["2026-02"], stats["2026-03"], stats["2026-05"]
    assert (jan.opened, jan.open_at_end, jan.bed_days, dict(jan.opened_by_type)) == (1, 1, 22, {"治疗型": 1})
    assert (feb.opened, feb.open_at_end, feb.bed_days) == (1, 2, 28 + 28)
    assert (mar.discharged, dict(mar.discharged_by_outcome), mar.open_at_end) == (
        2,
        {"好转": 1, "其他": 1},
        1,
    )
    assert mar.bed_days == 4 + 31
    assert (may.opened, may.open_at_end, may.bed_days) == (0, 1, 1 + 18)  # a renewal is not a new bed
