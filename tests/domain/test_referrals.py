"""Two-way referral: every workflow step allowed and refused, the form's content rules, counts."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.referrals import (
    Direction,
    MonthCount,
    Status,
    Step,
    check_content,
    monthly_counts,
    next_status,
    steps_from,
)

ALLOWED = {
    (Status.DRAFT, Step.SEND, "sender"): Status.SENT,
    (Status.DRAFT, Step.CANCEL, "sender"): Status.CANCELLED,
    (Status.SENT, Step.RECEIVE, "receiver"): Status.RECEIVED,
    (Status.SENT, Step.RETURN, "receiver"): Status.RETURNED,
    (Status.SENT, Step.CANCEL, "sender"): Status.CANCELLED,
    (Status.RECEIVED, Step.COMPLETE, "receiver"): Status.COMPLETED,
}


@pytest.mark.parametrize(
    ("status", "step", "side"), list(itertools.product(Status, Step, ("sender", "receiver")))
)
def test_every_transition(status: Status, step: Step, side: str) -> None:
    expected = ALLOWED.get((status, step, side))
    if expected is not None:
        assert next_status(status, step, side, reason="原因") == expected
    else:
        with pytest.raises(DomainError):
            next_status(status, step, side, reason="原因")


@pytest.mark.parametrize(
    ("status", "step", "side", "message"),
    [
        (Status.COMPLETED, Step.CANCEL, "sender", "转诊已完成，不能撤销，转诊已结束"),
        (Status.RECEIVED, Step.CANCEL, "sender", "转诊已接收，不能撤销，此时只能完成"),
        (Status.DRAFT, Step.RECEIVE, "receiver", "转诊草稿，不能接收，此时只能发出、撤销"),
        (Status.SENT, Step.RECEIVE, "sender", "只有接收方可以接收"),
        (Status.SENT, Step.CANCEL, "receiver", "只有转出方可以撤销"),
    ],
)
def test_refusals_say_why(status: Status, step: Step, side: str, message: str) -> None:
    with pytest.raises(DomainError, match=message):
        next_status(status, step, side, reason="原因")


@pytest.mark.parametrize(
    ("status", "step", "side"),
    [(Status.SENT, Step.RETURN, "receiver"), (Status.DRAFT, Step.CANCEL, "sender")],
)
def test_return_and_cancel_need_a_reason(status: Status, step: Step, side: str) -> None:
    with pytest.raises(DomainError, match="须写明原因"):
        next_status(status, step, side, reason=" ")


def test_content_by_direction() -> None:
    assert check_content(Direction.UP, {"impression": "肺部感染？"}, to_send=True) == {
        "history_present": "发出前请填写主要现病史（转出原因）"
    }
    assert check_content(Direction.UP, {"impression": "x", "history_present": "y"}, to_send=True) == {}
    assert check_content(Direction.UP, {"diagnosis": "x"}, to_send=False) == {"diagnosis": "转出单没有这一项"}
    assert check_content(Direction.BACK, {}, to_send=False) == {}
    assert set(check_content(Direction.BACK, {}, to_send=True)) == {"diagnosis", "treatment", "plan"}
    assert check_content(Direction.BACK, {"plan": "长" * 2001}, to_send=False) == {
        "plan": "下一步治疗方案及康复建议不能超过 2000 字"
    }


def test_monthly_counts() -> None:
    rows = [
        (dt.date(2026, 10, 3), Direction.UP),
        (dt.date(2026, 10, 9), Direction.BACK),
        (dt.date(2026, 11, 1), Direction.UP),
        (dt.date(2026, 10, 30), Direction.UP),
    ]
    assert monthly_counts(rows) == [MonthCount("2026-10", 2, 1), MonthCount("2026-11", 1, 0)]


def test_steps_from_are_the_allowed_moves_of_each_side() -> None:
    for status, side in itertools.product(Status, ("sender", "receiver")):
        expected = [step for (st, step, sd) in ALLOWED if st is status and sd == side]
        assert list(steps_from(status, side)) == expected, (status, side)
