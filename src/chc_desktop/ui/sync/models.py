"""Table models of the sync page: the run log, the quarantine and the conflicts."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
)

from chc_desktop.domain.resident import FIELD_LABELS
from chc_desktop.services.residents import DuplicateCandidate
from chc_desktop.services.sync import ConflictItem, QuarantineItem, RunInfo
from chc_desktop.ui.records import Column, RecordsModel
from chc_desktop.ui.residents.models import format_record_no

OUTCOMES = {
    "ok": QT_TRANSLATE_NOOP("sync", "成功"),
    "failed": QT_TRANSLATE_NOOP("sync", "失败"),
    "refused": QT_TRANSLATE_NOOP("sync", "被拒绝"),
    "running": QT_TRANSLATE_NOOP("sync", "进行中"),
}


def when(value: dt.datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else ""


def shown(value: Any) -> str:
    """A conflicting value as a person reads it (lists joined, nothing as an empty mark)."""
    if value is None or value == "" or value == []:
        return QCoreApplication.translate("sync", "（空）")
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def _outcome(r: RunInfo) -> str:
    return QCoreApplication.translate("sync", str(OUTCOMES.get(r.outcome, r.outcome)))


class RunsModel(RecordsModel[RunInfo]):
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("sync", "开始时间"), lambda r: when(r.started_at)),
        (QT_TRANSLATE_NOOP("sync", "结果"), _outcome),
        (QT_TRANSLATE_NOOP("sync", "上传"), lambda r: str(r.pushed)),
        (QT_TRANSLATE_NOOP("sync", "下载"), lambda r: str(r.pulled)),
        (QT_TRANSLATE_NOOP("sync", "被拒"), lambda r: str(r.rejected)),
        (QT_TRANSLATE_NOOP("sync", "新冲突"), lambda r: str(r.conflicts)),
        (QT_TRANSLATE_NOOP("sync", "说明"), lambda r: r.message),
    )


class QuarantineModel(RecordsModel[QuarantineItem]):
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("sync", "修改时间"), lambda q: when(q.at)),
        (QT_TRANSLATE_NOOP("sync", "类别"), lambda q: q.table_label),
        (QT_TRANSLATE_NOOP("sync", "记录"), lambda q: q.record),
        (QT_TRANSLATE_NOOP("sync", "修改的项目"), lambda q: "、".join(field_label(f) for f in q.fields)),
        (QT_TRANSLATE_NOOP("sync", "中心拒收的原因"), lambda q: q.reason),
    )


class ConflictsModel(RecordsModel[ConflictItem]):
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("sync", "发现时间"), lambda c: when(c.detected_at)),
        (QT_TRANSLATE_NOOP("sync", "记录"), lambda c: c.record),
        (QT_TRANSLATE_NOOP("sync", "项目"), lambda c: field_label(c.field)),
        (QT_TRANSLATE_NOOP("sync", "现用值"), lambda c: f"{shown(c.winner_value)}（{c.winner_user}）"),
        (QT_TRANSLATE_NOOP("sync", "另一值"), lambda c: f"{shown(c.loser_value)}（{c.loser_user}）"),
    )


DuplicateLine = tuple[int, DuplicateCandidate]  # (group number from 1, candidate)


class DuplicatesModel(RecordsModel[DuplicateLine]):
    """Suspected duplicate files, one line per file, grouped (e.g. filed at two stations offline)."""

    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("sync", "组"), lambda g: str(g[0])),
        (QT_TRANSLATE_NOOP("sync", "相同之处"), lambda g: g[1].reason),
        (QT_TRANSLATE_NOOP("sync", "姓名"), lambda g: g[1].row.name),
        (QT_TRANSLATE_NOOP("sync", "出生日期"), lambda g: g[1].row.birth_date.isoformat()),
        (QT_TRANSLATE_NOOP("sync", "身份证号"), lambda g: g[1].row.id_number or ""),
        (QT_TRANSLATE_NOOP("sync", "档案编号"), lambda g: format_record_no(g[1].row.record_no)),
        (QT_TRANSLATE_NOOP("sync", "居委会"), lambda g: g[1].row.committee),
    )

    def set_groups(self, groups: Sequence[Sequence[DuplicateCandidate]]) -> None:
        self.set_items([(n, c) for n, group in enumerate(groups, 1) for c in group])

    def group_of(self, row: int) -> list[DuplicateCandidate]:
        line = self.item(row)
        return [] if line is None else [c for n, c in self.items if n == line[0]]
