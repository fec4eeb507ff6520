"""One home bed (one 建床周期) on one page: who and which bed, the policy warnings with the rule that
spoke and where it comes from, the application (申请), the registration (登记), the discharge (撤床),
and the visit timeline (查床记录, newest first, over the whole chain of renewals) with the selected
entry in full. The actions follow the bed's status and the user's permissions; each acts through the
service at once, and the page then shows the bed as stored. Esc closes."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import homebeds as rules
from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.homebeds import BedInfo, VisitInfo
from chc_desktop.ui.homebeds.dialogs import DischargeDialog, RegistrationDialog, ReturnDialog, _StepDialog
from chc_desktop.ui.homebeds.models import DASH, VisitsModel, day_text, vitals_text, when
from chc_desktop.ui.homebeds.visit_entry import VisitEntry
from chc_desktop.ui.printing.actions import PrintButton
from chc_desktop.ui.records import records_view
from chc_desktop.ui.residents.models import resident_heading
from chc_desktop.ui.widgets import ErrorLabel, fit_to_screen, named_button

WARNING_COLOUR = "#b3261e"
HINT_COLOUR = "#5f6b76"


class BedPage(QDialog):
    changed = Signal(object)  # the bed id, after every write that succeeded

    def __init__(self, services: Services, bed_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bed_page")
        self.services = services
        self.bed = services.homebeds.get(bed_id)  # raises ServiceError when it cannot be read
        can = services.ctx.can
        self.can_write = can(Permission.HOMEBED_WRITE)
        self.can_manage = can(Permission.HOMEBED_MANAGE)
        self.dialog: _StepDialog | None = None  # the step dialog open now (tests reach it here)
        self.visit_entry: VisitEntry | None = None

        self.head = QLabel()
        self.head.setObjectName("bed_resident")
        self.head.setProperty("role", "record_no")
        self.status = QLabel()
        self.status.setObjectName("bed_status")
        self.status.setProperty("role", "title")
        self.facts = QLabel()
        self.facts.setObjectName("bed_facts")
        self.warnings = QLabel()
        self.warnings.setObjectName("bed_warnings")
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.setWordWrap(True)

        self.fields: dict[str, QLabel] = {}
        self.application_box, application = self._box(self.tr("申请"))
        for key, caption in (
            ("diagnosis", self.tr("建床诊断")),
            ("indication", self.tr("收治指征")),
            ("summary", self.tr("病情摘要")),
            ("applied", self.tr("申请医生")),
            ("returned_reason", self.tr("退回原因")),
        ):
            application.addRow(caption, self._field(key))
        self.registration_box, registration = self._box(self.tr("登记"))
        for key, caption in (
            ("site", self.tr("建床机构")),
            ("start_date", self.tr("建床日期")),
            ("planned_end", self.tr("计划结束")),
            ("end_date", self.tr("本周期结束")),
            ("doctor", self.tr("责任医生")),
            ("nurse", self.tr("责任护士")),
            ("consent_on", self.tr("知情同意")),
        ):
            registration.addRow(caption, self._field(key))
        self.discharge_box, discharge = self._box(self.tr("撤床"))
        for key, caption in (
            ("discharged_on", self.tr("撤床日期")),
            ("days", self.tr("床日")),
            ("outcome", self.tr("转归")),
            ("discharge_diagnosis", self.tr("撤床诊断")),
            ("discharge_summary", self.tr("撤床小结")),
        ):
            discharge.addRow(caption, self._field(key))
        self.application_form, self.registration_form = application, registration

        self.visits = VisitsModel(self)
        self.visits_view = records_view(self.visits, "bed_visits")
        self.visits_view.setAlternatingRowColors(True)
        self.visits_view.selectionModel().currentRowChanged.connect(lambda *_: self._visit_selected())
        self.detail = QLabel()
        self.detail.setObjectName("visit_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.visit_button = self._button("record_visit", self.tr("记录查床…"), self.record_visit)
        self.correct_button = self._button("correct_visit", self.tr("更正…"), self.correct_visit)
        self.correct_button.setToolTip(self.tr("查床记录不能修改：更正会新增一条记录，写明更正的原因"))
        visit_buttons = QHBoxLayout()
        visit_buttons.addWidget(self.visit_button)
        visit_buttons.addWidget(self.correct_button)
        visit_buttons.addStretch(1)
        self.visits_box = QGroupBox(self.tr("查床记录"))
        visits_layout = QVBoxLayout(self.visits_box)
        visits_layout.addLayout(visit_buttons)
        visits_layout.addWidget(self.visits_view, 3)
        visits_layout.addWidget(self.detail, 1)

        self.register_button = self._button("register_bed", self.tr("登记建床…"), self.register_bed)
        self.return_button = self._button("return_bed", self.tr("退回…"), self.return_bed)
        self.renew_button = self._button("renew_bed", self.tr("续床"), self.renew_bed)
        self.renew_button.setToolTip(self.tr("结束本建床周期并开始新周期，原有记录保留"))
        self.discharge_button = self._button("discharge_bed", self.tr("撤床…"), self.discharge_bed)
        self.close_button = self._button("close", self.tr("关闭"), self.reject)
        self.close_button.setToolTip(self.tr("关闭（Esc）"))
        self.print_button = PrintButton(services, "homebed", lambda: self.bed.id, self)
        self.notice = QLabel()
        self.notice.setObjectName("bed_notice")
        self.notice.setProperty("role", "hint")
        self.error = ErrorLabel()
        self.error.setObjectName("bed_error")
        buttons = QHBoxLayout()
        for b in (self.register_button, self.return_button, self.renew_button, self.discharge_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)

        top = QHBoxLayout()
        top.addWidget(self.head, 1)
        top.addWidget(self.status)
        boxes = QHBoxLayout()
        boxes.setSpacing(10)
        boxes.addWidget(self.application_box, 1)
        boxes.addWidget(self.registration_box, 1)
        boxes.addWidget(self.discharge_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.warnings)
        layout.addLayout(boxes)
        layout.addWidget(self.visits_box, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.show_bed(self.bed)
        fit_to_screen(self, 1120, 780)

    # ------------------------------------------------------------------ building
    def _box(self, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        form.setVerticalSpacing(4)
        return box, form

    def _field(self, key: str) -> QLabel:
        label = QLabel()
        label.setObjectName(f"bed_{key}")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fields[key] = label
        return label

    @staticmethod
    def _button(name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = named_button(name, text, slot)
        button.setAutoDefault(False)  # Enter never takes a step of the bed
        return button

    # ------------------------------------------------------------------ showing
    def show_bed(self, bed: BedInfo) -> None:
        self.bed = bed
        self.setWindowTitle(self.tr("家庭病床 — %1").replace("%1", bed.name))
        self.head.setText(resident_heading(bed.name, bed.sex, bed.age, bed.record_no))
        self.status.setText(bed.status_label)
        facts = [
            self.tr("家床号 %1").replace("%1", bed.bed_no or DASH),
            bed.type_label,
            self.tr("第 %1 周期").replace("%1", str(bed.cycle)),
        ]
        if bed.start_date is not None:
            facts.append(self.tr("床日 %1 天").replace("%1", str(bed.days)))
        if bed.address:
            facts.append(bed.address)
        self.facts.setText("　".join(facts))
        self._show_warnings(bed)

        f = self.fields
        f["diagnosis"].setText(f"{bed.diagnosis}（{bed.icd10}）" if bed.icd10 else bed.diagnosis)
        f["indication"].setText(bed.indication)
        f["summary"].setText(bed.summary or DASH)
        f["applied"].setText(
            self.tr("%1，%2，%3")
            .replace("%1", bed.applying_doctor or DASH)
            .replace("%2", bed.applying_site or DASH)
            .replace("%3", bed.applied_on.isoformat())
        )
        f["returned_reason"].setText(bed.returned_reason)
        self.application_form.setRowVisible(f["returned_reason"], bool(bed.returned_reason))
        registered = bed.start_date is not None
        self.registration_box.setVisible(registered)
        f["site"].setText(bed.site or DASH)
        f["start_date"].setText(day_text(bed.start_date))
        f["planned_end"].setText(day_text(bed.planned_end))
        f["end_date"].setText(day_text(bed.end_date))
        self.registration_form.setRowVisible(f["end_date"], bed.status == rules.Status.RENEWED)
        f["doctor"].setText(bed.doctor or DASH)
        f["nurse"].setText(bed.nurse or DASH)
        f["consent_on"].setText(
            self.tr("%1 签署").replace("%1", bed.consent_on.isoformat()) if bed.consent_on else DASH
        )
        discharged = bed.status == rules.Status.DISCHARGED
        self.discharge_box.setVisible(discharged)
        f["discharged_on"].setText(day_text(bed.end_date))
        f["days"].setText(self.tr("%1 天").replace("%1", str(bed.days)))
        f["outcome"].setText(bed.outcome or DASH)
        f["discharge_diagnosis"].setText(
            f"{bed.discharge_diagnosis}（{bed.discharge_icd10}）"
            if bed.discharge_icd10
            else bed.discharge_diagnosis or DASH
        )
        f["discharge_summary"].setText(bed.discharge_summary or DASH)
        self.load_visits()
        self._set_actions()

    def _show_warnings(self, bed: BedInfo) -> None:
        if not bed.warnings:
            self.warnings.hide()
            self.warnings.clear()
            return
        parts = []
        for w in bed.warnings:
            rule = html.escape(self.tr("依据：%1；来源：%2").replace("%1", w.rule).replace("%2", w.source))
            message = html.escape(w.message)
            parts.append(
                f'<div style="color:{WARNING_COLOUR}; font-weight:bold;">⚠ {message}</div>'
                f'<div style="color:{HINT_COLOUR}; font-size:9pt; margin-left:16px;">{rule}</div>'
            )
        self.warnings.setText("".join(parts))
        self.warnings.setToolTip("\n".join(f"{w.message}\n  {w.rule}\n  {w.source}" for w in bed.warnings))
        self.warnings.show()

    def load_visits(self, select: uuid.UUID | None = None) -> None:
        current = self.selected_visit()
        keep = select or (current.id if current is not None else None)
        try:
            visits = self.services.homebeds.visits(self.bed.id) if self.bed.start_date else []
        except ServiceError as exc:
            visits = []
            self.error.show_message(str(exc))
        self.visits.set_items(visits)
        self.visits_box.setVisible(self.bed.start_date is not None)
        row = next((i for i, v in enumerate(visits) if v.id == keep), 0)
        if visits:
            self.visits_view.selectRow(row)
        self._visit_selected()

    def selected_visit(self) -> VisitInfo | None:
        return self.visits.item(self.visits_view.currentIndex().row())

    def _visit_selected(self) -> None:
        v = self.selected_visit()
        self.correct_button.setEnabled(self.can_write and v is not None and not v.corrected)
        self.detail.setText(self._detail(v) if v is not None else self.tr("尚无查床记录。"))

    def _detail(self, v: VisitInfo) -> str:
        """The whole entry, as one reads it on paper."""
        lines = [
            self.tr("%1　%2　%3")
            .replace("%1", when(v.visited_at))
            .replace("%2", v.role_label)
            .replace("%3", v.staff or DASH)
        ]
        note = self.visits.note(v)
        if note:
            lines.append(note)
        for caption, text in (
            (self.tr("主诉"), v.complaint),
            (self.tr("生命体征"), vitals_text(v.vitals)),
            (self.tr("体格检查"), v.exam),
            (self.tr("辅助检查"), v.tests),
            (self.tr("处理及医嘱"), v.treatment),
            (self.tr("护理"), v.nursing),
            (self.tr("与家属沟通"), v.communication),
            (self.tr("下次查床"), v.next_visit.isoformat() if v.next_visit else ""),
        ):
            if text:
                lines.append(f"{caption}：{text}")
        return "\n".join(lines)

    def _set_actions(self) -> None:
        bed = self.bed
        actions = self.services.homebeds.actions(bed.id)  # what the service will allow this user now
        self.register_button.setVisible("register" in actions)
        self.return_button.setVisible("return" in actions)
        self.renew_button.setVisible("renew" in actions)
        self.discharge_button.setVisible("discharge" in actions)
        self.visit_button.setVisible("visit" in actions)
        self.correct_button.setVisible(self.can_write and bool(self.visits.items))

    # ------------------------------------------------------------------ actions
    def _say(self, text: str) -> None:
        self.error.show_message(None)
        self.notice.setText(text)

    def _fail(self, exc: ServiceError) -> None:
        self.notice.clear()
        self.error.show_message(str(exc))

    def _open_step(self, dialog: _StepDialog, done: str) -> _StepDialog:
        """Open a step's dialog over the page without blocking; when it is accepted, show the bed."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        def finished(result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            if result == QDialog.DialogCode.Accepted and dialog.result_bed is not None:
                self._stepped(dialog.result_bed, done)

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _stepped(self, bed: BedInfo, text: str) -> None:
        self.show_bed(bed)
        self._say(text)
        self.changed.emit(bed.id)

    def register_bed(self) -> _StepDialog:
        return self._open_step(RegistrationDialog(self.services, self.bed, self), self.tr("已登记建床。"))

    def return_bed(self) -> _StepDialog:
        return self._open_step(ReturnDialog(self.services, self.bed, self), self.tr("申请已退回。"))

    def discharge_bed(self) -> _StepDialog:
        return self._open_step(DischargeDialog(self.services, self.bed, self), self.tr("已撤床。"))

    def renew_bed(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("续床"),
            self.tr("结束第 %1 建床周期并开始新周期（责任医生、护士不变，原有记录保留）？").replace(
                "%1", str(self.bed.cycle)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            new = self.services.homebeds.renew(self.bed.id)
        except ServiceError as exc:
            self._fail(exc)
            return False
        self._stepped(
            new,
            self.tr("已续床：第 %1 周期自 %2 开始。")
            .replace("%1", str(new.cycle))
            .replace("%2", day_text(new.start_date)),
        )
        return True

    def record_visit(self) -> VisitEntry | None:
        try:
            entry = VisitEntry.for_bed(self.services, self.bed.id, self)
        except ServiceError as exc:
            self._fail(exc)
            return None
        return self._open_entry(entry, self.tr("已记录查床。"))

    def correct_visit(self) -> VisitEntry | None:
        v = self.selected_visit()
        if v is None:
            return None
        try:
            entry = VisitEntry.correction(self.services, v.id, self, bed_id=self.bed.id)
        except ServiceError as exc:
            self._fail(exc)
            return None
        return self._open_entry(entry, self.tr("已保存更正，原记录标记为已更正。"))

    def _open_entry(self, entry: VisitEntry, done: str) -> VisitEntry:
        entry.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.visit_entry = entry

        def saved(visit_id: object) -> None:
            try:
                bed = self.services.homebeds.get(self.bed.id)
            except ServiceError as exc:
                self._fail(exc)
                return
            self.show_bed(bed)
            if isinstance(visit_id, uuid.UUID):
                self.load_visits(visit_id)
            self._say(done)
            self.changed.emit(bed.id)

        def finished(_result: int) -> None:
            if self.visit_entry is entry:
                self.visit_entry = None

        entry.saved.connect(saved)
        entry.finished.connect(finished)
        entry.open()
        return entry
