"""Table models of the workbench: coverage by centre, team or doctor, contracts ending soon, and
hospice reassessments due, the home-bed round and cycles ending."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from chc_desktop.domain import codes
from chc_desktop.domain.contracts import Coverage
from chc_desktop.domain.homebeds import ROLES
from chc_desktop.domain.hospice import PPS_SCORES
from chc_desktop.services.contracts import ExpiringRow
from chc_desktop.services.homebeds import BedInfo, DueVisit
from chc_desktop.services.hospice import SETTINGS, DueReview
from chc_desktop.services.indicators import CoverageRow
from chc_desktop.ui.records import Column, PagedRecordsModel, RecordsModel

SHORT = QColor("#b3261e")
MET = QColor("#1e6b37")
NUMERIC_FROM = 1  # every column after the name is a number


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
        (QT_TRANSLATE_NOOP("Workbench", "性别"), lambda r: codes.SEX.label_or(r.sex)),
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
        (QT_TRANSLATE_NOOP("Workbench", "性别"), lambda r: codes.SEX.label_or(r.sex)),
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


def _days_over(r: DueVisit) -> str:
    return str(r.days_over) if r.days_over > 0 else "—"


class RoundModel(RecordsModel[DueVisit]):
    """今日查床: the day's visits due and overdue, as the service orders them (street, 居委, address)."""

    CONTEXT = "Workbench"
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("Workbench", "街道"), lambda r: r.bed.street),
        (QT_TRANSLATE_NOOP("Workbench", "居委"), lambda r: r.bed.committee),
        (QT_TRANSLATE_NOOP("Workbench", "姓名"), lambda r: r.bed.name),
        (QT_TRANSLATE_NOOP("Workbench", "地址"), lambda r: r.bed.address),
        (QT_TRANSLATE_NOOP("Workbench", "查床/巡诊"), lambda r: ROLES.get(r.role, r.role)),
        (QT_TRANSLATE_NOOP("Workbench", "逾期天数"), _days_over),
        (QT_TRANSLATE_NOOP("Workbench", "应查日期"), lambda r: r.due_on.isoformat()),
        (
            QT_TRANSLATE_NOOP("Workbench", "上次"),
            lambda r: r.last_visit.isoformat() if r.last_visit else "—",
        ),
        (QT_TRANSLATE_NOOP("Workbench", "家床号"), lambda r: r.bed.bed_no),
        (QT_TRANSLATE_NOOP("Workbench", "类型"), lambda r: r.bed.type_label),
        (QT_TRANSLATE_NOOP("Workbench", "责任人"), lambda r: r.staff),
    )
    OVERDUE = 5

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row = self.item(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and row is not None and index.column() == self.OVERDUE:
            return QBrush(SHORT) if row.days_over > 0 else None
        return super().data(index, role)


class CyclesEndingModel(RecordsModel[BedInfo]):
    """周期将满: open beds whose 建床周期 ends within a week (or has ended)."""

    CONTEXT = "Workbench"
    COLUMNS: Sequence[Column] = (
        (
            QT_TRANSLATE_NOOP("Workbench", "计划结束"),
            lambda r: r.planned_end.isoformat() if r.planned_end else "",
        ),
        (QT_TRANSLATE_NOOP("Workbench", "家床号"), lambda r: r.bed_no),
        (QT_TRANSLATE_NOOP("Workbench", "姓名"), lambda r: r.name),
        (QT_TRANSLATE_NOOP("Workbench", "类型"), lambda r: r.type_label),
        (QT_TRANSLATE_NOOP("Workbench", "床日"), lambda r: str(r.days)),
        (QT_TRANSLATE_NOOP("Workbench", "责任医生"), lambda r: r.doctor),
        (QT_TRANSLATE_NOOP("Workbench", "提示"), lambda r: "；".join(w.message for w in r.warnings)),
    )
