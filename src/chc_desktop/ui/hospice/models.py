"""Table models of the hospice tab: every assessment version, the home-hospice episodes (居家安宁疗护)
and the consultations (会诊). Cell texts come from what the service returned; nothing is computed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from chc_desktop.services.hospice import SETTINGS, AssessmentInfo, ConsultationInfo, HomeCareInfo
from chc_desktop.ui.records import Column, RecordsModel

CONTEXT = "HospiceModels"
WARNING = QColor("#b3261e")
DASH = "—"


def setting_label(setting: str | None) -> str:
    """居家 / 机构, or a dash when nothing is arranged (not eligible)."""
    return SETTINGS.get(setting or "", DASH)


def result_value(results: Mapping[str, Any], instrument: str, key: str) -> str:
    """One figure of the stored results (``results["esas"]["total"]``), a dash when not assessed."""
    value = results.get(instrument, {}).get(key)
    return DASH if value is None else str(value)


@dataclass(frozen=True)
class VersionRow:
    """One assessment version as the table shows it, with what the tab checked about it."""

    info: AssessmentInfo
    intact: bool | None = None  # the digest check of a signed version; None when not signed
    review_due: bool = False  # only ever set on the latest version


def _chosen(r: VersionRow) -> str:
    text = setting_label(r.info.chosen_setting)
    if r.info.chosen_setting != r.info.recommended_setting:
        text += QCoreApplication.translate("HospiceModels", "（未按建议）")
    return text


def _signed(r: VersionRow) -> str:
    if not r.info.signed:
        return QCoreApplication.translate("HospiceModels", "未签署")
    return (
        QCoreApplication.translate("HospiceModels", "已签署")
        if r.intact is not False
        else QCoreApplication.translate("HospiceModels", "已签署，签署后内容已被改动")
    )


def _pps(r: VersionRow) -> str:
    return DASH if r.info.draft.pps is None else f"{r.info.draft.pps}%"


class VersionsModel(RecordsModel[VersionRow]):
    """Every version of a resident's hospice assessment, newest first."""

    CONTEXT = CONTEXT
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("HospiceModels", "评估日期"), lambda r: r.info.assessed_on.isoformat()),
        (QT_TRANSLATE_NOOP("HospiceModels", "版本"), lambda r: str(r.info.version)),
        (
            QT_TRANSLATE_NOOP("HospiceModels", "KPS"),
            lambda r: DASH if r.info.draft.kps is None else str(r.info.draft.kps),
        ),
        (QT_TRANSLATE_NOOP("HospiceModels", "PPS"), _pps),
        (QT_TRANSLATE_NOOP("HospiceModels", "PPI"), lambda r: result_value(r.info.results, "ppi", "score")),
        (
            QT_TRANSLATE_NOOP("HospiceModels", "ESAS 总分"),
            lambda r: result_value(r.info.results, "esas", "total"),
        ),
        (
            QT_TRANSLATE_NOOP("HospiceModels", "Barthel"),
            lambda r: result_value(r.info.results, "barthel", "total"),
        ),
        (
            QT_TRANSLATE_NOOP("HospiceModels", "是否符合"),
            lambda r: (
                QCoreApplication.translate("HospiceModels", "符合")
                if r.info.eligible
                else QCoreApplication.translate("HospiceModels", "不符合")
            ),
        ),
        (QT_TRANSLATE_NOOP("HospiceModels", "安排"), _chosen),
        (QT_TRANSLATE_NOOP("HospiceModels", "签署"), _signed),
        (
            QT_TRANSLATE_NOOP("HospiceModels", "下次复评"),
            lambda r: r.info.next_review.isoformat() if r.info.next_review else DASH,
        ),
    )
    NUMERIC = frozenset({1, 2, 3, 4, 5, 6})
    SIGNED, REVIEW = 9, 10

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        row = self.item(index.row())
        if role == Qt.ItemDataRole.ForegroundRole and row is not None:
            if (index.column() == self.SIGNED and row.intact is False) or (
                index.column() == self.REVIEW and row.review_due
            ):
                return QBrush(WARNING)
            return None
        return super().data(index, role)


class HomeCareModel(RecordsModel[HomeCareInfo]):
    """居家安宁疗护 episodes, newest first."""

    CONTEXT = CONTEXT
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("HospiceModels", "开始日期"), lambda r: r.started_on.isoformat()),
        (
            QT_TRANSLATE_NOOP("HospiceModels", "结束日期"),
            lambda r: (
                r.ended_on.isoformat()
                if r.ended_on
                else QCoreApplication.translate("HospiceModels", "进行中")
            ),
        ),
        (
            QT_TRANSLATE_NOOP("HospiceModels", "依据评估"),
            lambda r: QCoreApplication.translate("HospiceModels", "第 %1 版").replace(
                "%1", str(r.assessment_version)
            ),
        ),
        (QT_TRANSLATE_NOOP("HospiceModels", "备注"), lambda r: r.note),
    )


class ConsultationModel(RecordsModel[ConsultationInfo]):
    """会诊 records, newest first."""

    CONTEXT = CONTEXT
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("HospiceModels", "会诊日期"), lambda r: r.held_on.isoformat()),
        (QT_TRANSLATE_NOOP("HospiceModels", "会诊医生"), lambda r: r.consultant),
        (QT_TRANSLATE_NOOP("HospiceModels", "会诊机构"), lambda r: r.site or DASH),
        (QT_TRANSLATE_NOOP("HospiceModels", "会诊意见"), lambda r: r.advice),
    )
