"""批量打印: one form for many records into one PDF — the residents filed since a day (封面, 个人基本
信息表) or the home beds due a visit by a day, optionally one staff member's (tomorrow's 查床记录单);
and the day's visit list (查床安排表), one form for a day and a member of staff.
The dialog shows how many records match, renders off the UI thread with progress and 取消 (a
cancelled batch leaves no file), and ends with the pages and the fields cut to fit."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.print_contexts.common import FormSpec
from chc_desktop.services.printing import PrintResult
from chc_desktop.ui.printing.preview import NOTE_STYLE, chosen_pdf, clipped_labels, suggested_pdf
from chc_desktop.ui.residents.file_tabs import day_of
from chc_desktop.ui.widgets import ErrorLabel, SearchableCombo, add_staff_choices, fit_to_screen, named_button
from chc_desktop.ui.workers import Handle, Progress, run_with_progress

BATCH_RECORDS = ("resident", "homebed", "round")  # batch_ids selects residents and beds; a round is a day


def batch_forms(services: Services) -> list[FormSpec]:
    """The forms this user may print in batches."""
    return [f for f in services.printing.forms() if f.record in BATCH_RECORDS]


def _date_edit(name: str, day: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumWidth(160)
    return edit


class BatchPrintDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batch_print")
        self.setWindowTitle(self.tr("批量打印"))
        self.services = services
        self.forms = batch_forms(services)
        self.ids: list[uuid.UUID] = []
        self.job: Handle | None = None
        self.last_result: PrintResult | None = None  # the last batch written
        self.progress_seen: list[tuple[int, int]] = []
        today = services.ctx.today()

        self.form = QComboBox()
        self.form.setObjectName("batch_form")
        for f in self.forms:
            self.form.addItem(f.title, f.key)
        self.since = _date_edit("filed_since", today - dt.timedelta(days=7))
        self.since.setMaximumDate(QDate(today.year, today.month, today.day))
        self.due = _date_edit("due_on", today + dt.timedelta(days=1))
        self.staff = SearchableCombo()
        self.staff.setObjectName("batch_staff")
        self.staff.addItem(self.tr("（全部）"), None)
        add_staff_choices(self.staff, services)
        self.count = QLabel()
        self.count.setObjectName("batch_count")
        self.path = QLineEdit()
        self.path.setObjectName("batch_path")
        self.path.setPlaceholderText(self.tr("生成的 PDF 文件"))
        self.choose_button = named_button("choose_path", self.tr("选择…"), self.choose_path)
        self.choose_button.setAutoDefault(False)
        where = QHBoxLayout()
        where.setContentsMargins(0, 0, 0, 0)
        where.addWidget(self.path, 1)
        where.addWidget(self.choose_button)
        where_box = QWidget()
        where_box.setLayout(where)

        self.criteria = QFormLayout()
        self.criteria.addRow(self.tr("表单"), self.form)
        self.criteria.addRow(self.tr("建档日期自"), self.since)
        self.criteria.addRow(self.tr("应查床日期"), self.due)
        self.criteria.addRow(self.tr("责任人员"), self.staff)
        self.criteria.addRow(self.tr("符合条件"), self.count)
        self.criteria.addRow(self.tr("输出文件"), where_box)

        self.report = QLabel()
        self.report.setObjectName("batch_report")
        self.report.setWordWrap(True)
        self.clipped_note = QLabel()
        self.clipped_note.setObjectName("clipped_note")
        self.clipped_note.setWordWrap(True)
        self.clipped_note.setStyleSheet(NOTE_STYLE)
        self.clipped_note.hide()
        self.error = ErrorLabel()
        self.error.setObjectName("batch_error")
        self.run_button = named_button("run_batch", self.tr("生成 PDF"), self.run)
        self.run_button.setDefault(True)
        self.close_button = named_button("close", self.tr("关闭"), self.reject)
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        if not self.forms:
            none = QLabel(self.tr("目前没有可批量打印的表单（或您的角色无权打印）。"))
            none.setObjectName("batch_none")
            none.setProperty("role", "hint")
            layout.addWidget(none)
        layout.addLayout(self.criteria)
        layout.addWidget(self.report)
        layout.addWidget(self.clipped_note)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.form.currentIndexChanged.connect(self._form_changed)
        for edit in (self.since, self.due):
            edit.dateChanged.connect(self.recount)
        self.staff.currentIndexChanged.connect(self.recount)
        self._form_changed()
        fit_to_screen(self, 560, 380)

    # ------------------------------------------------------------------ choosing
    def spec(self) -> FormSpec | None:
        key = self.form.currentData()
        return next((f for f in self.forms if f.key == key), None)

    def select_form(self, key: str) -> None:
        self.form.setCurrentIndex(self.form.findData(key))

    def _form_changed(self) -> None:
        spec = self.spec()
        record = spec.record if spec is not None else ""
        self.criteria.setRowVisible(self.since, record == "resident")
        self.criteria.setRowVisible(self.due, record in ("homebed", "round"))
        self.criteria.setRowVisible(self.staff, record in ("homebed", "round"))
        if spec is not None:
            self.path.setText(suggested_pdf(spec.title))
        self.recount()

    def criteria_values(self) -> dict[str, Any]:
        spec = self.spec()
        if spec is None:
            return {}
        if spec.record == "resident":
            return {"filed_since": day_of(self.since)}
        return {"due_on": day_of(self.due), "staff_id": self.staff.currentData()}

    def recount(self) -> None:
        """How many records the batch would print now."""
        self.error.show_message(None)
        spec = self.spec()
        self.ids = []
        count = self.tr("%1 份")
        if spec is not None:
            try:
                if spec.record == "round":  # one list of the visits due: the beds on it
                    due = self.services.homebeds.round_list(day_of(self.due), self.staff.currentData())
                    self.ids = list(dict.fromkeys(d.bed.id for d in due))
                    count = self.tr("%1 张床，打印为一份安排表")
                else:
                    self.ids = self.services.printing.batch_ids(spec.key, **self.criteria_values())
            except ServiceError as exc:
                self.error.show_message(str(exc))
        self.count.setText(count.replace("%1", str(len(self.ids))))
        self.run_button.setEnabled(bool(self.ids) and self.job is None)

    def choose_path(self) -> None:
        spec = self.spec()
        name, _filter = self._ask_path(self.path.text() or suggested_pdf(spec.title if spec else "batch"))
        path = chosen_pdf(name)
        if path is not None:
            self.path.setText(str(path))

    def _ask_path(self, suggested: str) -> tuple[str, str]:
        return QFileDialog.getSaveFileName(
            self, self.tr("批量打印到"), suggested, self.tr("PDF 文件 (*.pdf)")
        )

    # ------------------------------------------------------------------ running
    def output(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            return None
        return Path(text) if text.lower().endswith(".pdf") else Path(text + ".pdf")

    def run(self) -> Handle | None:
        spec = self.spec()
        if spec is None or self.job is not None:
            return None
        self.report.clear()
        self.clipped_note.hide()
        self.error.show_message(None)
        self.recount()
        if not self.ids:
            self.error.show_message(self.tr("没有符合条件的记录，未生成文件。"))
            return None
        path = self.output()
        if path is None:
            self.error.show_message(self.tr("请选择输出的 PDF 文件。"))
            return None
        if not path.parent.is_dir():
            self.error.show_message(self.tr("文件夹不存在：%1").replace("%1", str(path.parent)))
            return None
        ids, printing, seen = list(self.ids), self.services.printing, self.progress_seen
        values = self.criteria_values()
        seen.clear()
        written: list[tuple[PrintResult, tuple[str, ...]]] = []

        def work(progress: Progress, cancelled: threading.Event) -> tuple[PrintResult, tuple[str, ...]]:
            def report(done: int, total: int) -> None:
                seen.append((done, total))
                if done < total:  # the last report comes once the file is written: too late to cancel
                    progress(done, total)

            template = printing.template(spec.key)
            if spec.record == "round":
                progress(0, 1)
                result = printing.print_round(spec.key, values["due_on"], values["staff_id"], path)
            else:
                result = printing.print_to(spec.key, ids, path, progress=report, cancelled=cancelled)
            outcome = (result, clipped_labels(template, result.clipped))
            if not result.cancelled:
                written.append(outcome)
            return outcome

        def done(value: Any) -> None:
            self.job = None
            result, clipped = value
            self._done(result, clipped)

        def failed(message: str) -> None:
            self.job = None
            self.error.show_message(message)
            self.recount()

        def cancelled() -> None:
            self.job = None
            if written:  # cancel pressed as the file was being finished: it is complete, and audited
                self._done(*written[0])
                return
            self.report.setText(self.tr("已取消，未生成文件。"))
            self.recount()

        self.run_button.setEnabled(False)
        self.job = run_with_progress(
            self,
            self.tr("正在生成 %1（%2 份）…").replace("%1", spec.title).replace("%2", str(len(ids))),
            work,
            done,
            on_failed=failed,
            on_cancelled=cancelled,
        )
        return self.job

    def _done(self, result: PrintResult, clipped: tuple[str, ...]) -> None:
        self.last_result = result
        self.report.setText(
            self.tr("已生成 %1：%2 份，共 %3 页（模板版本 %4）。")
            .replace("%1", str(result.path))
            .replace("%2", str(result.records))
            .replace("%3", str(result.pages))
            .replace("%4", result.version)
        )
        if clipped:
            self.clipped_note.setText(self.tr("内容过长已截断，请核对：%1").replace("%1", "、".join(clipped)))
            self.clipped_note.show()
        self.recount()

    def done(self, result: int) -> None:
        if self.job is not None:  # the progress dialog is modal over us: 取消 there first
            return
        super().done(result)
