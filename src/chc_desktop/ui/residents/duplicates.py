"""Likely filed already: the files that look like the same person, and what to do about it."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import codes
from chc_desktop.services.residents import DuplicateSuspected
from chc_desktop.ui.residents.models import format_record_no


class DuplicateDialog(QDialog):
    """Shows the candidates and offers to open one of them instead. When none has the same ID number
    (only name and birth date or phone agree) it also offers 不是同一人，继续建档."""

    OPEN_EXISTING = 10
    FILE_ANYWAY = 11

    def __init__(self, exc: DuplicateSuspected, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("可能已建档"))
        self.chosen: uuid.UUID | None = None
        self.candidates = exc.candidates
        message = QLabel(str(exc))
        message.setProperty("role", "title")
        message.setWordWrap(True)
        explain = QLabel(
            self.tr("同一居民只能有一份健康档案。请核对下列档案；若是同一人，请打开已有档案。")
            if exc.blocking
            else self.tr(
                "下列档案与正在建档的居民相似。若是同一人，请打开已有档案；若确认不是同一人，可继续建档。"
            )
        )
        explain.setWordWrap(True)
        headers = [
            self.tr("姓名"),
            self.tr("性别"),
            self.tr("出生日期"),
            self.tr("身份证号"),
            self.tr("档案编号"),
            self.tr("居委会"),
            self.tr("相似之处"),
        ]
        self.table = QTableWidget(len(exc.candidates), len(headers), self)
        self.table.setObjectName("duplicates")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        for i, c in enumerate(exc.candidates):
            r = c.row
            sex = codes.SEX.label_or(r.sex)
            cells = (
                r.name,
                sex,
                r.birth_date.isoformat(),
                r.id_number or "",
                format_record_no(r.record_no),
                r.committee,
                c.reason,
            )
            for j, text in enumerate(cells):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.selectRow(0)
        self.table.doubleClicked.connect(lambda _index: self._open())

        buttons = QDialogButtonBox(self)
        self.open_button = buttons.addButton(self.tr("打开已有档案"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("open_existing")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open)
        self.anyway_button = None
        if not exc.blocking:
            self.anyway_button = buttons.addButton(
                self.tr("不是同一人，继续建档"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.anyway_button.setObjectName("file_anyway")
            self.anyway_button.setAutoDefault(False)
            self.anyway_button.clicked.connect(lambda: self.done(self.FILE_ANYWAY))
        back = buttons.addButton(self.tr("返回修改"), QDialogButtonBox.ButtonRole.RejectRole)
        back.setAutoDefault(False)
        back.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 320)

    def _open(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.candidates):
            self.chosen = self.candidates[row].row.id
            self.done(self.OPEN_EXISTING)
