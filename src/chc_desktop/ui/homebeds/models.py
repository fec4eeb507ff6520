"""Table models of the home beds: the bed list, a bed's visit timeline (查床记录, corrections marked)
and the year's monthly figures; and the small read-outs they share (sex, a visit's time, the vital
signs as one line). Cell texts come from what the service returned; nothing is computed here."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from chc_desktop.domain import codes
from chc_desktop.domain.homebeds import VITALS, MonthStats
from chc_desktop.services.homebeds import BedInfo, VisitInfo
from chc_desktop.ui.records import Column, RecordsModel

CONTEXT = "HomeBeds"
WARNING = QColor("#b3261e")
MUTED = QColor("#8a96a3")
DASH = "—"
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def day_text(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else DASH


def when(value: dt.datetime) -> str:
    """A visit's time as the user's clock reads it."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def number_text(value: Any) -> str:
    """36.8 as 36.8, 150.0 as 150."""
    return f"{value:g}" if isinstance(value, int | float) and not isinstance(value, bool) else str(value)


def unit_text(unit: str) -> str:
    """A vital sign's unit as it is drawn: the bundled font (WenQuanYi Micro Hei) maps ℃ to an empty
    glyph, so the degree sign and C stand for it."""
    return "°C" if unit == "℃" else unit


def vitals_text(vitals: Mapping[str, Any]) -> str:
    """The measured vital signs in the domain's order, e.g. 血压 150/90 mmHg，脉搏 80 次/分."""
    parts = []
    if "sbp" in vitals and "dbp" in vitals:
        unit = unit_text(VITALS["sbp"][1])
        parts.append(
            QCoreApplication.translate("HomeBeds", "血压 %1/%2 %3")
            .replace("%1", number_text(vitals["sbp"]))
            .replace("%2", number_text(vitals["dbp"]))
            .replace("%3", unit)
        )
    for key, (label, unit, _low, _high) in VITALS.items():
        if key not in vitals or (key in ("sbp", "dbp") and "sbp" in vitals and "dbp" in vitals):
            continue
        parts.append(f"{label} {number_text(vitals[key])} {unit_text(unit)}")
    return "，".join(parts)


def counts_text(counts: Mapping[str, int]) -> str:
    """治疗型 2、康复型 1 (a dash when none)."""
    return "、".join(f"{label} {n}" for label, n in counts.items() if n) or DASH


def warnings_text(bed: BedInfo) -> str:
    return "；".join(w.message for w in bed.warnings)


def warnings_tooltip(bed: BedInfo) -> str:
    """Each warning with the rule that spoke and where the rule comes from."""
    return "\n\n".join(
        QCoreApplication.translate("HomeBeds", "%1\n依据：%2\n来源：%3")
        .replace("%1", w.message)
        .replace("%2", w.rule)
        .replace("%3", w.source)
        for w in bed.warnings
    )


class BedListModel(RecordsModel[BedInfo]):
    """The bed list: one bed (one 建床周期) a row, in the order the service gives them."""

    CONTEXT = CONTEXT
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("HomeBeds", "家床号"), lambda b: b.bed_no or DASH),
        (QT_TRANSLATE_NOOP("HomeBeds", "姓名"), lambda b: b.name),
        (QT_TRANSLATE_NOOP("HomeBeds", "性别"), lambda b: codes.SEX.label_or(b.sex)),
        (QT_TRANSLATE_NOOP("HomeBeds", "年龄"), lambda b: str(b.age)),
        (QT_TRANSLATE_NOOP("HomeBeds", "类型"), lambda b: b.type_label),
        (QT_TRANSLATE_NOOP("HomeBeds", "状态"), lambda b: b.status_label),
        (QT_TRANSLATE_NOOP("HomeBeds", "建床日期"), lambda b: day_text(b.start_date)),
        (QT_TRANSLATE_NOOP("HomeBeds", "计划结束"), lambda b: day_text(b.planned_end)),
        (QT_TRANSLATE_NOOP("HomeBeds", "床日"), lambda b: str(b.days) if b.start_date else DASH),
        (QT_TRANSLATE_NOOP("HomeBeds", "责任医生"), lambda b: b.doctor or DASH),
        (QT_TRANSLATE_NOOP("HomeBeds", "责任护士"), lambda b: b.nurse or DASH),
        (QT_TRANSLATE_NOOP("HomeBeds", "诊断"), lambda b: b.diagnosis),
        (QT_TRANSLATE_NOOP("HomeBeds", "提示"), warnings_text),
    )
    NAME_COLUMNS = (1, 2, 3)  # 姓名, 性别, 年龄: the same on every row of one resident's tab
    NUMERIC = frozenset({3, 8})
    WARNINGS = 12

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMERIC:
            return RIGHT
        bed = self.item(index.row())
        if bed is not None and index.column() == self.WARNINGS:
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(WARNING)
            if role == Qt.ItemDataRole.ToolTipRole:
                return warnings_tooltip(bed) or None
        return super().data(index, role)

    def row_of(self, bed_id: uuid.UUID | None) -> int:
        return next((i for i, b in enumerate(self.items) if b.id == bed_id), -1)


class VisitsModel(RecordsModel[VisitInfo]):
    """A bed's 查床记录, newest first (the whole chain of renewals); a corrected entry is greyed and
    marked 已更正, a correction says which entry it corrects and why."""

    CONTEXT = CONTEXT
    NOTE = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.by_id: dict[uuid.UUID, VisitInfo] = {}
        self.COLUMNS = (
            (QT_TRANSLATE_NOOP("HomeBeds", "时间"), lambda v: when(v.visited_at)),
            (QT_TRANSLATE_NOOP("HomeBeds", "类别"), lambda v: v.role_label),
            (QT_TRANSLATE_NOOP("HomeBeds", "人员"), lambda v: v.staff or DASH),
            (QT_TRANSLATE_NOOP("HomeBeds", "主诉"), lambda v: v.complaint),
            (QT_TRANSLATE_NOOP("HomeBeds", "生命体征"), lambda v: vitals_text(v.vitals)),
            (QT_TRANSLATE_NOOP("HomeBeds", "处理及医嘱"), lambda v: v.treatment),
            (QT_TRANSLATE_NOOP("HomeBeds", "更正"), self.note),
        )

    def set_items(self, items: Sequence[VisitInfo]) -> None:
        self.by_id = {v.id: v for v in items}
        super().set_items(items)

    def note(self, v: VisitInfo) -> str:
        parts = []
        if v.corrected:
            parts.append(QCoreApplication.translate("HomeBeds", "已更正"))
        if v.corrects_id is not None:
            old = self.by_id.get(v.corrects_id)
            what = (
                QCoreApplication.translate("HomeBeds", "更正 %1 的记录").replace("%1", when(old.visited_at))
                if old is not None
                else QCoreApplication.translate("HomeBeds", "更正记录")
            )
            parts.append(f"{what}：{v.correction_reason}" if v.correction_reason else what)
        return "；".join(parts)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        v = self.item(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and v is not None:
            if v.corrected:
                return QBrush(MUTED)
            if index.column() == self.NOTE and v.corrects_id is not None:
                return QBrush(WARNING)
            return None
        return super().data(index, role)


class MonthlyModel(RecordsModel[MonthStats]):
    """The year's figures, one month a row (January first)."""

    CONTEXT = CONTEXT
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("HomeBeds", "月份"), lambda m: m.month),
        (QT_TRANSLATE_NOOP("HomeBeds", "月末在床"), lambda m: str(m.open_at_end)),
        (QT_TRANSLATE_NOOP("HomeBeds", "新建床"), lambda m: str(m.opened)),
        (QT_TRANSLATE_NOOP("HomeBeds", "撤床"), lambda m: str(m.discharged)),
        (QT_TRANSLATE_NOOP("HomeBeds", "床日"), lambda m: str(m.bed_days)),
        (QT_TRANSLATE_NOOP("HomeBeds", "新建床（按类型）"), lambda m: counts_text(m.opened_by_type)),
        (QT_TRANSLATE_NOOP("HomeBeds", "撤床（按转归）"), lambda m: counts_text(m.discharged_by_outcome)),
    )
    NUMERIC = frozenset({1, 2, 3, 4})

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMERIC:
            return RIGHT
        return super().data(index, role)
