"""Quick entry of one visit to a home bed (查床 by the doctor, 巡诊 by the nurse), made to be used from
a worklist with the keyboard alone: the time defaults to now, Tab walks every field in order (the
date and time a section at a time), the vital signs are small number fields left empty when not
measured, Ctrl+Enter or Ctrl+S saves, Esc cancels (asking first when something was typed).

A visit is never changed: ``correction`` opens the entry prefilled from the visit it corrects and
asks for the reason; saving writes a new entry that says what it corrects and why."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QRegularExpression, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QRegularExpressionValidator, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import homebeds as rules
from chc_desktop.services.app import Services
from chc_desktop.services.errors import NotFound, ServiceError
from chc_desktop.services.homebeds import BedInfo, VisitDraft, VisitInfo
from chc_desktop.ui.homebeds.dialogs import OptionalDate, line_edit, text_edit
from chc_desktop.ui.homebeds.models import number_text, unit_text, when
from chc_desktop.ui.residents.file_tabs import date_edit, day_of
from chc_desktop.ui.widgets import ErrorLabel, ask_discard, fit_to_screen, named_button, show_refusal, stacked

VITAL_COLUMNS = 4
TEXTS = ("exam", "tests", "treatment", "nursing", "communication")


def find_visit(services: Services, visit_id: uuid.UUID, bed_id: uuid.UUID | None = None) -> VisitInfo:
    """A visit by its id: among the timeline of ``bed_id`` when given, else of every bed."""
    beds = [bed_id] if bed_id is not None else [b.id for b in services.homebeds.beds()]
    for bid in beds:
        for v in services.homebeds.visits(bid, whole_chain=bed_id is not None):
            if v.id == visit_id:
                return v
    raise NotFound(QCoreApplication.translate("VisitEntry", "找不到该查床记录"))


class VisitEntry(QDialog):
    saved = Signal(object)  # the id of the visit entry written

    def __init__(
        self,
        services: Services,
        bed: BedInfo,
        original: VisitInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visit_entry")
        self.services = services
        self.bed = bed
        self.original = original
        self.result_visit: VisitInfo | None = None
        user = services.user
        role = original.role if original is not None else (user.role if user is not None else "")
        self.role = role
        title = self.tr("更正查床记录") if original is not None else self.tr("记录查床")
        self.setWindowTitle(f"{title} — {bed.name}")

        head = QLabel(
            self.tr("%1　%2　家床号 %3")
            .replace("%1", bed.name)
            .replace("%2", bed.diagnosis)
            .replace("%3", bed.bed_no or "—")
        )
        head.setObjectName("visit_bed")
        head.setProperty("role", "record_no")
        who = QLabel(
            self.tr("本次为%1，记录人：%2")
            .replace("%1", rules.ROLES.get(role, role) or "—")
            .replace("%2", user.display_name if user is not None else "—")
        )
        who.setObjectName("visit_role")
        who.setProperty("role", "hint")

        keys = ("correction_reason", "visited_at", "complaint", *rules.VITALS, *TEXTS, "next_visit", "role")
        self.errors = {k: ErrorLabel() for k in (*keys, "_")}
        self.errors["_"].setObjectName("visit_message")
        for key, error in self.errors.items():
            if key != "_":
                error.setObjectName(f"{key}_error")

        self.reason = line_edit("correction_reason", 200, self.tr("如 收缩压录入错误"))
        today = services.ctx.today()
        self.visit_date = date_edit("visit_date", today)
        self.visit_time = QTimeEdit()
        self.visit_time.setObjectName("visit_time")
        self.visit_time.setDisplayFormat("HH:mm")
        self.visit_time.setMaximumWidth(90)
        # The style sheet's input look (QDateEdit's rule does not reach its base class), without
        # step buttons: ↑/↓ still step the hour or the minute.
        self.visit_time.setStyleSheet(
            "QTimeEdit { padding: 3px 6px; border: 1px solid #c3ccd5; border-radius: 3px;"
            " background: #ffffff; min-height: 20px; }"
            " QTimeEdit:focus { border: 1px solid #2f6fb0; }"
            " QTimeEdit::up-button, QTimeEdit::down-button { width: 0px; border: none; }"
        )
        now = dt.datetime.now().astimezone()
        self.visit_time.setTime(QTime(now.hour, now.minute))
        self.complaint = line_edit("complaint", 2000, self.tr("如 夜间咳嗽，痰多"))
        self.vitals: dict[str, QLineEdit] = {}
        optional = self.tr("未测可留空")
        for key, (label, unit, _low, _high) in rules.VITALS.items():
            edit = QLineEdit()
            edit.setObjectName(f"vital_{key}")
            pattern = r"\d{0,3}(\.\d{0,2})?" if key in rules.DECIMAL_VITALS else r"\d{0,3}"
            edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), edit))
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaximumWidth(64)
            edit.setToolTip(f"{label}（{unit_text(unit)}），{optional}")
            self.vitals[key] = edit
        self.texts: dict[str, QPlainTextEdit] = {key: text_edit(key, 2) for key in TEXTS}
        self.next_visit = OptionalDate("next_visit", self.tr("约定"), today + dt.timedelta(days=1))

        self.save_button = named_button("save_visit", self.tr("保存（Ctrl+Enter）"), self.save)
        self.cancel_button = named_button("cancel_visit", self.tr("取消"), self.reject)
        for b in (self.save_button, self.cancel_button):
            b.setAutoDefault(False)  # Enter in a field never saves half a visit
        for sequence in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(sequence), self, self.save)

        # ---- layout
        e = self.errors
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        if original is not None:
            corrects = QLabel(
                self.tr("更正 %1 %2（%3）的记录；原记录保留，并标记为已更正。")
                .replace("%1", when(original.visited_at))
                .replace("%2", original.role_label)
                .replace("%3", original.staff or "—")
            )
            corrects.setObjectName("visit_corrects")
            corrects.setWordWrap(True)
            form.addRow(self.tr("更正"), corrects)
            form.addRow(self.tr("更正原因 *"), stacked(self.reason, e["correction_reason"]))
        else:
            self.reason.hide()
        moment = QWidget()
        row = QHBoxLayout(moment)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.visit_date)
        row.addWidget(self.visit_time)
        row.addStretch(1)
        form.addRow(self.tr("查床时间"), stacked(moment, e["visited_at"]))
        form.addRow(self.tr("主诉"), stacked(self.complaint, e["complaint"]))

        vitals_box = QGroupBox(self.tr("生命体征（未测可留空）"))
        grid = QGridLayout(vitals_box)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        for i, (key, (label, unit, _low, _high)) in enumerate(rules.VITALS.items()):
            line, column = 2 * (i // VITAL_COLUMNS), 4 * (i % VITAL_COLUMNS)  # label, field, unit, gap
            caption = QLabel(label)
            caption.setBuddy(self.vitals[key])
            grid.addWidget(caption, line, column)
            grid.addWidget(self.vitals[key], line, column + 1)
            grid.addWidget(QLabel(unit_text(unit)), line, column + 2)
            grid.addWidget(e[key], line + 1, column, 1, 4)  # the message right under its field
        for group in range(VITAL_COLUMNS):
            grid.setColumnStretch(4 * group + 3, 1)
            grid.setColumnMinimumWidth(4 * group + 3, 12)

        texts = QFormLayout()
        texts.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        captions = {
            "exam": self.tr("体格检查"),
            "tests": self.tr("辅助检查"),
            "treatment": self.tr("处理及医嘱"),
            "nursing": self.tr("护理"),
            "communication": self.tr("与家属沟通"),
        }
        for key in TEXTS:
            texts.addRow(captions[key], stacked(self.texts[key], e[key]))
        texts.addRow(self.tr("下次查床日期"), stacked(self.next_visit, e["next_visit"]))

        hint = QLabel(self.tr("Tab 依次切换各项；Ctrl+Enter 或 Ctrl+S 保存；Esc 取消。"))
        hint.setProperty("role", "hint")
        buttons = QHBoxLayout()
        buttons.addWidget(hint, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)

        top = QHBoxLayout()
        top.addWidget(head, 1)
        top.addWidget(who)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(vitals_box)
        layout.addLayout(texts, 1)
        layout.addWidget(e["role"])
        layout.addWidget(e["_"])
        layout.addLayout(buttons)

        chain: list[QWidget] = [self.reason] if original is not None else []
        chain += [self.visit_date, self.visit_time, self.complaint, *self.vitals.values()]
        chain += [*self.texts.values(), self.next_visit.given, self.next_visit.date]
        chain += [self.save_button, self.cancel_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.chain = chain

        if original is not None:
            self._prefill(original)
        self._initial = self.values()
        (self.reason if original is not None else self.complaint).setFocus()
        fit_to_screen(self, 860, 720)

    # ------------------------------------------------------------------ opening
    @classmethod
    def for_bed(cls, services: Services, bed_id: uuid.UUID, parent: QWidget | None = None) -> VisitEntry:
        """A new visit to the bed (raises ServiceError when the bed cannot be read)."""
        return cls(services, services.homebeds.get(bed_id), None, parent)

    @classmethod
    def correction(
        cls,
        services: Services,
        visit_id: uuid.UUID,
        parent: QWidget | None = None,
        bed_id: uuid.UUID | None = None,
    ) -> VisitEntry:
        """The correction of a visit, prefilled from it (``bed_id``: a bed whose timeline holds it,
        which saves looking through every bed)."""
        original = find_visit(services, visit_id, bed_id)
        return cls(services, services.homebeds.get(original.bed_id), original, parent)

    def _prefill(self, v: VisitInfo) -> None:
        local = v.visited_at.astimezone()
        self.visit_date.setDate(QDate(local.year, local.month, local.day))
        self.visit_time.setTime(QTime(local.hour, local.minute))
        self.complaint.setText(v.complaint)
        for key, edit in self.vitals.items():
            edit.setText(number_text(v.vitals[key]) if key in v.vitals else "")
        for key, value in (
            ("exam", v.exam),
            ("tests", v.tests),
            ("treatment", v.treatment),
            ("nursing", v.nursing),
            ("communication", v.communication),
        ):
            self.texts[key].setPlainText(value)
        self.next_visit.set_value(v.next_visit)

    # ------------------------------------------------------------------ reading the form
    def visited_at(self) -> dt.datetime:
        time = self.visit_time.time()
        return dt.datetime.combine(day_of(self.visit_date), dt.time(time.hour(), time.minute())).astimezone()

    def values(self) -> tuple[Any, ...]:
        """Everything typed, to tell whether the form changed."""
        return (
            self.reason.text(),
            self.visited_at(),
            self.complaint.text(),
            tuple(e.text() for e in self.vitals.values()),
            tuple(t.toPlainText() for t in self.texts.values()),
            self.next_visit.value(),
        )

    def is_dirty(self) -> bool:
        return self.values() != self._initial

    def read_vitals(self) -> dict[str, int | float] | None:
        """The vital signs typed (empty fields left out); None, with the message under the field, when
        one is not a number."""
        out: dict[str, int | float] = {}
        bad = False
        for key, edit in self.vitals.items():
            text = edit.text().strip()
            if not text:
                continue
            try:
                out[key] = float(text) if "." in text else int(text)
            except ValueError:
                self.errors[key].show_message(self.tr("请填写数字"))
                bad = True
        return None if bad else out

    def draft(self, vitals: dict[str, int | float]) -> VisitDraft:
        return VisitDraft(
            visited_at=self.visited_at(),
            complaint=self.complaint.text(),
            vitals=vitals,
            exam=self.texts["exam"].toPlainText(),
            tests=self.texts["tests"].toPlainText(),
            treatment=self.texts["treatment"].toPlainText(),
            nursing=self.texts["nursing"].toPlainText(),
            communication=self.texts["communication"].toPlainText(),
            next_visit=self.next_visit.value(),
            role=self.original.role if self.original is not None else None,
        )

    # ------------------------------------------------------------------ writing
    def save(self) -> bool:
        for label in self.errors.values():
            label.show_message(None)
        vitals = self.read_vitals()
        if vitals is None:
            return False
        homebeds = self.services.homebeds
        try:
            if self.original is not None:
                visit = homebeds.correct(self.original.id, self.draft(vitals), self.reason.text())
            else:
                visit = homebeds.visit(self.bed.id, self.draft(vitals))
        except ServiceError as exc:
            show_refusal(exc, self.errors, self.errors["_"])
            self._focus_first_error()
            return False
        self.result_visit = visit
        self._initial = self.values()
        self.saved.emit(visit.id)
        self.accept()
        return True

    def _focus_first_error(self) -> None:
        """Put the cursor where the first refused field is, so it can be put right at once."""
        fields: dict[str, QWidget] = {
            "correction_reason": self.reason,
            "visited_at": self.visit_date,
            "complaint": self.complaint,
            **self.vitals,
            **self.texts,
            "next_visit": self.next_visit.given,
        }
        for key, widget in fields.items():
            if self.errors[key].isVisibleTo(self) and widget.isVisibleTo(self):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                if isinstance(widget, QLineEdit):
                    widget.selectAll()
                return

    def reject(self) -> None:
        if self.is_dirty() and not ask_discard(self, self.tr("查床记录尚未保存。放弃填写的内容吗？")):
            return
        super().reject()
