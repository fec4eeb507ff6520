"""Two-way referral (双向转诊, reference.md §1.4): the form's content by direction and the workflow
草稿 → 已发出 → 已接收 → 已完成, or 已退回 / 已撤销, with every step that is not allowed refused.
Pure: no database."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass

from chc_desktop.domain.errors import DomainError


class Direction(enum.StrEnum):
    UP = "up"  # 转出: community → hospital
    BACK = "back"  # 回转: hospital → community


DIRECTION_LABELS = {Direction.UP: "转出", Direction.BACK: "回转"}


class Status(enum.StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    RECEIVED = "received"
    COMPLETED = "completed"
    RETURNED = "returned"  # 已退回: the receiving side cannot take the patient (with a reason)
    CANCELLED = "cancelled"  # 已撤销: withdrawn by the sender (with a reason)


STATUS_LABELS = {
    Status.DRAFT: "草稿",
    Status.SENT: "已发出",
    Status.RECEIVED: "已接收",
    Status.COMPLETED: "已完成",
    Status.RETURNED: "已退回",
    Status.CANCELLED: "已撤销",
}


class Step(enum.StrEnum):
    SEND = "send"
    RECEIVE = "receive"
    COMPLETE = "complete"
    RETURN = "return"
    CANCEL = "cancel"


STEP_LABELS = {
    Step.SEND: "发出",
    Step.RECEIVE: "接收",
    Step.COMPLETE: "完成",
    Step.RETURN: "退回",
    Step.CANCEL: "撤销",
}
# (from, step) → to; which side may take the step: the sending or the receiving site.
_MOVES: dict[tuple[Status, Step], tuple[Status, str]] = {
    (Status.DRAFT, Step.SEND): (Status.SENT, "sender"),
    (Status.DRAFT, Step.CANCEL): (Status.CANCELLED, "sender"),
    (Status.SENT, Step.RECEIVE): (Status.RECEIVED, "receiver"),
    (Status.SENT, Step.RETURN): (Status.RETURNED, "receiver"),
    (Status.SENT, Step.CANCEL): (Status.CANCELLED, "sender"),
    (Status.RECEIVED, Step.COMPLETE): (Status.COMPLETED, "receiver"),
}
NEEDS_REASON = frozenset({Step.RETURN, Step.CANCEL})

# The form's content by direction (2017 form, §1.4): field → label; the first ones are required to send.
CONTENT: dict[Direction, dict[str, str]] = {
    Direction.UP: {
        "impression": "初步印象",
        "history_present": "主要现病史（转出原因）",
        "history_past": "主要既往史",
        "treatment": "治疗经过",
    },
    Direction.BACK: {
        "diagnosis": "诊断结果",
        "inpatient_no": "住院病案号",
        "findings": "主要检查结果",
        "treatment": "治疗经过",
        "plan": "下一步治疗方案及康复建议",
    },
}
REQUIRED_TO_SEND: dict[Direction, tuple[str, ...]] = {
    Direction.UP: ("impression", "history_present"),
    Direction.BACK: ("diagnosis", "treatment", "plan"),
}
PRIORITIES = {
    "visit": "优先就诊",
    "exam": "优先检查",
    "admission": "优先住院",
}  # green channel, signed residents


def _error(code: str, message: str, field: str | None = None) -> DomainError:
    return DomainError(f"referral.{code}", message, field)


def next_status(current: Status, step: Step, side: str, reason: str = "") -> Status:
    """Where a referral goes on ``step`` taken by the ``side`` (sender | receiver); refused with the
    reason when the step is not allowed from here or not for that side."""
    move = _MOVES.get((current, step))
    if move is None:
        allowed = "、".join(STEP_LABELS[s] for (c, s) in _MOVES if c == current)
        hint = f"，此时只能{allowed}" if allowed else "，转诊已结束"
        raise _error("step", f"转诊{STATUS_LABELS[current]}，不能{STEP_LABELS[step]}{hint}")
    to, who = move
    if side != who:
        whom = "转出方" if who == "sender" else "接收方"
        raise _error("side", f"只有{whom}可以{STEP_LABELS[step]}")
    if step in NEEDS_REASON and not reason.strip():
        raise _error("reason", f"{STEP_LABELS[step]}须写明原因", "reason")
    return to


def steps_from(current: Status, side: str) -> tuple[Step, ...]:
    """The steps ``side`` (sender | receiver) may take from ``current``, in workflow order."""
    return tuple(step for (status, step), (_, who) in _MOVES.items() if status == current and who == side)


def check_content(direction: Direction, content: Mapping[str, str], to_send: bool) -> dict[str, str]:
    """Field → message: unknown fields, over-long text, and (to send) the required ones empty."""
    errors: dict[str, str] = {}
    fields = CONTENT[direction]
    for key, text in content.items():
        if key not in fields:
            errors[key] = f"{DIRECTION_LABELS[direction]}单没有这一项"
        elif len(text) > 2000:
            errors[key] = f"{fields[key]}不能超过 2000 字"
    if to_send:
        for key in REQUIRED_TO_SEND[direction]:
            if not content.get(key, "").strip():
                errors[key] = f"发出前请填写{fields[key]}"
    return errors


@dataclass(frozen=True)
class MonthCount:
    month: str  # YYYY-MM
    up: int
    back: int


def monthly_counts(rows: list[tuple[dt.date, Direction]]) -> list[MonthCount]:
    """Referrals sent per month by direction (the district wants down-referrals up 5 % a year)."""
    counts: dict[str, list[int]] = {}
    for day, direction in rows:
        slot = counts.setdefault(f"{day:%Y-%m}", [0, 0])
        slot[0 if direction is Direction.UP else 1] += 1
    return [MonthCount(m, up, back) for m, (up, back) in sorted(counts.items())]
