"""Table models of the workbench: coverage by centre, team or doctor, contracts ending soon, and
hospice reassessments due."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from chc_desktop.domain import codes
from chc_desktop.domain.contracts import Coverage
from chc_desktop.domain.hospice import PPS_SCORES
from chc_desktop.services.contracts import ExpiringRow
from chc_desktop.services.hospice import SETTINGS, DueReview
from chc_desktop.services.indicators import CoverageRow
from chc_desktop.ui.records import Column, PagedRecordsModel, RecordsModel

SHORT = QColor("#b3261e")
MET = QColor("#1e6b37")
NUMERIC_FROM = 1  # every column after the name is a number


def _sex(code: str) -> str:
    return codes.SEX.label(code) if codes.SEX.has(code) else code


def percent(c: Coverage) -> str:
    return f"{c.percent:.1f}%" if c.population else "—"


def gap(c: Coverage) -> str:
    if not c.population:
        return ""
    return "✓" if c.met else f"−{c.short_by}"


class CoverageModel(RecordsModel[CoverageRow]):
    CONTEXT = "Workbench"
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("Workbench", "名称"), lambda r: r.name),
        (QT_TRANSLATE_NOOP("Workbench", "在册人数"), lambda r: str(r.counts.population)),
        (QT_TRANSLATE_NOOP("Workbench", "已签约"), lambda r: str(r.counts.signed)),
        (QT_TRANSLATE_NOOP("Workbench", "签约率"), lambda r: percent(r.all)),
        (QT_TRANSLATE_NOOP("Workbench", "距目标（人）"), lambda r: gap(r.all)),
        (QT_TRANSLATE_NOOP("Workbench", "重点人群"), lambda r: str(r.counts.key_population)),
        (QT_TRANSLATE_NOOP("Workbench", "重点人群已签约"), lambda r: str(r.counts.key_signed)),
        (QT_TRANSLATE_NOOP("Workbench", "重点人群签约率"), lambda r: percent(r.key)),
        (QT_TRANSLATE_NOOP("Workbench", "距目标（人） "), lambda r: gap(r.key)),
        (QT_TRANSLATE_NOOP("Workbench", "在约签约数"), lambda r: str(r.contracts)),
    )
    GAP_COLUMNS: ClassVar[dict[int, str]] = {4: "all", 8: "key"}

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= NUMERIC_FROM:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = self.item(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and row is not None and index.column() in self.GAP_COLUMNS:
            c: Coverage = getattr(row, self.GAP_COLUMNS[index.column()])
            return QBrush(MET if c.met else SHORT) if c.population else None
        return super().data(index, role)


class ExpiringModel(PagedRecordsModel[ExpiringRow]):
    CONTEXT = "Workbench"
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("Workbench", "到期日期"), lambda r: r.end_date.isoformat()),
        (QT_TRANSLATE_NOOP("Workbench", "剩余天数"), lambda r: str(r.days_left)),
        (QT_TRANSLATE_NOOP("Workbench", "姓名"), lambda r: r.name),
        (QT_TRANSLATE_NOOP("Workbench", "性别"), lambda r: _sex(r.sex)),
        (QT_TRANSLATE_NOOP("Workbench", "年龄"), lambda r: str(r.age)),
        (QT_TRANSLATE_NOOP("Workbench", "联系电话"), lambda r: r.phone or ""),
        (QT_TRANSLATE_NOOP("Workbench", "签约团队"), lambda r: r.team),
        (QT_TRANSLATE_NOOP("Workbench", "签约医生"), lambda r: r.doctor),
    )


def _overdue(r: DueReview) -> str:
    return str(r.days_over) if r.days_over > 0 else "—"


class DueReviewModel(RecordsModel[DueReview]):
    """安宁疗护复评到期: the latest signed assessment of each patient whose review date has come."""

    CONTEXT = "Workbench"
    COLUMNS: Sequence[Column] = (
        (
            QT_TRANSLATE_NOOP("Workbench", "复评日期"),
            lambda r: r.assessment.next_review.isoformat() if r.assessment.next_review else "",
        ),
        (QT_TRANSLATE_NOOP("Workbench", "逾期天数"), _overdue),
        (QT_TRANSLATE_NOOP("Workbench", "姓名"), lambda r: r.name),
        (QT_TRANSLATE_NOOP("Workbench", "性别"), lambda r: _sex(r.sex)),
        (QT_TRANSLATE_NOOP("Workbench", "年龄"), lambda r: str(r.age)),
        (QT_TRANSLATE_NOOP("Workbench", "上次评估"), lambda r: r.assessment.assessed_on.isoformat()),
        (
            QT_TRANSLATE_NOOP("Workbench", "PPS"),
            lambda r: f"{r.assessment.draft.pps}%" if r.assessment.draft.pps in PPS_SCORES else "—",
        ),
        (
            QT_TRANSLATE_NOOP("Workbench", "安排"),
            lambda r: SETTINGS.get(r.assessment.chosen_setting or "", "—"),
        ),
    )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.item(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and row is not None and index.column() == 1:
            return QBrush(SHORT) if row.days_over > 0 else None
        return super().data(index, role)
