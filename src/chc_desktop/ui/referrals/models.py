"""Table models of the referrals: the register, the monthly up/down counts and a referral's steps;
and the small read-outs they share (the green channel as words, the steps open from a status, the
down-referrals against the same months of last year)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt

from chc_desktop.domain import codes
from chc_desktop.domain import referrals as rules
from chc_desktop.services.referrals import ReferralInfo, StepInfo
from chc_desktop.ui.records import Column, RecordsModel

CONTEXT = "Referrals"


def when(value: dt.datetime) -> str:
    """A step's time as the user's clock reads it."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def priorities_text(priorities: Sequence[str]) -> str:
    """The green channel (绿色通道) as the form prints it: 优先就诊、优先检查、优先住院."""
    return "、".join(rules.PRIORITIES.get(p, p) for p in priorities)


def status_label(status: str) -> str:
    try:
        return rules.STATUS_LABELS[rules.Status(status)]
    except ValueError:
        return status


class RegisterModel(RecordsModel[ReferralInfo]):
    """转诊登记: one referral a row, newest first as the service gives them."""

    CONTEXT = CONTEXT
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("Referrals", "发出日期"), lambda r: r.sent_on.isoformat() if r.sent_on else ""),
        (QT_TRANSLATE_NOOP("Referrals", "方向"), lambda r: r.direction_label),
        (QT_TRANSLATE_NOOP("Referrals", "状态"), lambda r: r.status_label),
        (QT_TRANSLATE_NOOP("Referrals", "姓名"), lambda r: r.resident_name),
        (QT_TRANSLATE_NOOP("Referrals", "性别"), lambda r: codes.SEX.label_or(r.sex)),
        (QT_TRANSLATE_NOOP("Referrals", "年龄"), lambda r: str(r.age)),
        (QT_TRANSLATE_NOOP("Referrals", "转出机构"), lambda r: r.from_site),
        (QT_TRANSLATE_NOOP("Referrals", "接收机构"), lambda r: r.to_site),
        (QT_TRANSLATE_NOOP("Referrals", "科室"), lambda r: r.department),
        (QT_TRANSLATE_NOOP("Referrals", "转诊医生"), lambda r: r.referring_doctor),
        (QT_TRANSLATE_NOOP("Referrals", "绿色通道"), lambda r: priorities_text(r.priorities)),
    )


class MonthlyModel(RecordsModel[rules.MonthCount]):
    """Referrals sent per month, up (转出) and back (回转); newest month first."""

    CONTEXT = CONTEXT
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("Referrals", "月份"), lambda m: m.month),
        (QT_TRANSLATE_NOOP("Referrals", "转出"), lambda m: str(m.up)),
        (QT_TRANSLATE_NOOP("Referrals", "回转"), lambda m: str(m.back)),
    )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().data(index, role)


class StepsModel(RecordsModel[StepInfo]):
    """A referral's steps, oldest first: when, what, from which status to which, who, and why."""

    CONTEXT = CONTEXT
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("Referrals", "时间"), lambda s: when(s.at)),
        (QT_TRANSLATE_NOOP("Referrals", "操作"), lambda s: s.label),
        (
            QT_TRANSLATE_NOOP("Referrals", "状态变化"),
            lambda s: f"{status_label(s.from_status)} → {status_label(s.to_status)}",
        ),
        (QT_TRANSLATE_NOOP("Referrals", "经办人"), lambda s: s.by),
        (QT_TRANSLATE_NOOP("Referrals", "原因"), lambda s: s.reason),
    )


@dataclass(frozen=True)
class YearOnYear:
    """Down-referrals (回转) sent in months 1…``months`` of ``year`` and of the year before."""

    year: int
    months: int
    this_year: int
    last_year: int

    @property
    def change_percent(self) -> float:
        return (self.this_year - self.last_year) * 100 / self.last_year


def back_year_on_year(counts: Sequence[rules.MonthCount], today: dt.date) -> YearOnYear | None:
    """This year's finished months against the same months of last year, or None when that cannot be
    said honestly: no month of this year is finished, the register does not reach back to last
    January (the program may not have been in use), or last year had no down-referral to compare with."""
    if today.month == 1 or not counts:
        return None
    earliest = min(c.month for c in counts)
    if earliest > f"{today.year - 1}-01":
        return None
    by_month = {c.month: c.back for c in counts}
    months = range(1, today.month)
    this_year = sum(by_month.get(f"{today.year}-{m:02d}", 0) for m in months)
    last_year = sum(by_month.get(f"{today.year - 1}-{m:02d}", 0) for m in months)
    if last_year == 0:
        return None
    return YearOnYear(today.year, today.month - 1, this_year, last_year)
