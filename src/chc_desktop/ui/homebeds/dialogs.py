"""The home-bed forms that take one step of a bed: the application (家庭病床申请), registration by the
centre (登记建床), discharge (撤床) and returning an application (退回). Each acts on 确定 through the
service and keeps a refusal in the dialog, under the field it concerns (or under the form)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import homebeds as rules
from chc_desktop.domain.errors import DomainError
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.homebeds import ApplicationDraft, BedInfo, Discharge, Registration
from chc_desktop.ui.residents.file_tabs import date_edit, day_of
from chc_desktop.ui.widgets import (
    ErrorLabel,
    SearchableCombo,
    ask_discard,
    ok_cancel,
    show_refusal,
    stacked,
)


def line_edit(name: str, length: int, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setMaxLength(length)
    edit.setPlaceholderText(placeholder)
    return edit


def text_edit(name: str, lines: int = 3) -> QPlainTextEdit:
    """A text box that Tab leaves (as every other field), ``lines`` high."""
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit


def bed_type_combo(selected: str | None = None) -> SearchableCombo:
    """家床类型 as the form lists them: "1 治疗型" (the code or the word selects it)."""
    combo = SearchableCombo()
    combo.setObjectName("bed_type")
    for code, label in rules.BED_TYPES.items():
        combo.add_choice(f"{code} {label}", code, (code, label))
    combo.select(selected)
    return combo


class OptionalDate(QWidget):
    """A date that may be left out: a check box saying it is given, and the date (e.g. the day the
    知情同意书 was signed, the next visit agreed). Space ticks the box, Tab goes on to the date."""

    changed = Signal()

    def __init__(self, name: str, text: str, day: dt.date, latest: dt.date | None = None) -> None:
        super().__init__()
        self.setObjectName(name)
        self.given = QCheckBox(text)
        self.given.setObjectName(f"{name}_given")
        self.date = date_edit(f"{name}_date", day)
        if latest is None:
            self.date.clearMaximumDate()
        else:
            self.date.setMaximumDate(QDate(latest.year, latest.month, latest.day))
        self.date.setEnabled(False)
        self.given.toggled.connect(self.date.setEnabled)
        self.given.toggled.connect(self.changed)
        self.date.dateChanged.connect(self.changed)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.given)
        row.addWidget(self.date)
        row.addStretch(1)
        self.setFocusProxy(self.given)

    def value(self) -> dt.date | None:
        return day_of(self.date) if self.given.isChecked() else None

    def set_value(self, day: dt.date | None) -> None:
        self.given.setChecked(day is not None)
        if day is not None:
            self.date.setDate(QDate(day.year, day.month, day.day))


class _StepDialog(QDialog):
    """What the four dialogs share: the error labels, clearing them, and the bed the step made."""

    KEYS: tuple[str, ...] = ()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.result_bed: BedInfo | None = None
        self.errors = {k: ErrorLabel() for k in (*self.KEYS, "_")}
        self.errors["_"].setObjectName("step_message")

    def _clear(self) -> None:
        for e in self.errors.values():
            e.show_message(None)

    def _finish(self, call: Callable[[], BedInfo]) -> None:
        """Run the service call; accept, or show why not."""
        self._clear()
        try:
            self.result_bed = call()
        except ServiceError as exc:
            show_refusal(exc, self.errors, self.errors["_"])
            return
        self.accept()

    def accept_form(self) -> None:
        raise NotImplementedError

    def _diagnosis_row(self, diagnosis: QLineEdit, icd10: QLineEdit) -> QWidget:
        """A diagnosis with its ICD-10 code beside it, each over its error label."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(stacked(diagnosis, self.errors["diagnosis"]), 1)
        icd_label = QLabel(self.tr("ICD-10"))
        icd_label.setBuddy(icd10)
        row.addWidget(icd_label)
        row.addWidget(stacked(icd10, self.errors["icd10"]))
        return box


class ApplicationDialog(_StepDialog):
    """家庭病床申请 for a resident: diagnosis and ICD-10, bed type, indication, summary."""

    KEYS = ("diagnosis", "icd10", "bed_type", "indication", "summary")

    def __init__(
        self,
        services: Services,
        resident_id: uuid.UUID,
        resident_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, parent)
        self.setObjectName("homebed_application")
        self.resident_id = resident_id
        title = self.tr("申请家庭病床")
        self.setWindowTitle(f"{title} — {resident_name}" if resident_name else title)
        self.diagnosis = line_edit("diagnosis", 200, self.tr("如 脑梗死后遗症"))
        self.icd10 = line_edit("icd10", 12, self.tr("如 I69.3"))
        self.icd10.setMaximumWidth(140)
        self.bed_type = bed_type_combo("1")
        self.indication = text_edit("indication", 3)
        self.indication.setPlaceholderText(self.tr("如 长期卧床，需定期换药和康复指导"))
        self.summary = text_edit("summary", 3)
        e = self.errors
        diagnosis = self._diagnosis_row(self.diagnosis, self.icd10)
        form = QFormLayout()
        form.addRow(self.tr("建床诊断 *"), diagnosis)
        form.addRow(self.tr("家床类型"), stacked(self.bed_type, e["bed_type"]))
        form.addRow(self.tr("收治指征和建床理由 *"), stacked(self.indication, e["indication"]))
        form.addRow(self.tr("病情摘要"), stacked(self.summary, e["summary"]))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(e["_"])
        layout.addWidget(ok_cancel(self, self.tr("提交申请"), self.tr("取消"), self.accept_form))
        self.setMinimumWidth(620)

    def draft(self) -> ApplicationDraft:
        return ApplicationDraft(
            diagnosis=self.diagnosis.text(),
            indication=self.indication.toPlainText(),
            bed_type=str(self.bed_type.currentData() or ""),
            icd10=self.icd10.text(),
            summary=self.summary.toPlainText(),
        )

    def is_dirty(self) -> bool:
        d = self.draft()
        return any(text.strip() for text in (d.diagnosis, d.indication, d.icd10, d.summary))

    def accept_form(self) -> None:
        self._finish(lambda: self.services.homebeds.apply(self.resident_id, self.draft()))

    def reject(self) -> None:
        if (
            self.result() != QDialog.DialogCode.Accepted
            and self.is_dirty()
            and not ask_discard(self, self.tr("申请尚未提交。放弃填写的内容吗？"))
        ):
            return
        super().reject()


class RegistrationDialog(_StepDialog):
    """登记建床: bed number (empty: the next one), type, start date, the responsible doctor and nurse,
    and the day the informed consent was signed."""

    KEYS = ("bed_no", "bed_type", "start_date", "doctor_id", "nurse_id", "consent_on")

    def __init__(self, services: Services, bed: BedInfo, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.setObjectName("homebed_registration")
        self.bed = bed
        self.setWindowTitle(self.tr("登记建床 — %1").replace("%1", bed.name))
        today = services.ctx.today()
        user = services.user
        self.bed_no = line_edit("bed_no", 20, self.tr("留空则自动编号"))
        self.bed_no.setMaximumWidth(200)
        self.bed_type = bed_type_combo(bed.bed_type)
        self.start_date = date_edit("start_date", today)
        self.doctor = SearchableCombo()
        self.doctor.setObjectName("doctor_id")
        self.doctor.addItem(self.tr("（请选择责任医生）"), None)
        for u in services.users.staff("doctor"):
            self.doctor.add_choice(u.display_name, u.id, (u.display_name, u.username))
        self.doctor.select(user.id if user is not None and user.role == "doctor" else None)
        self.nurse = SearchableCombo()
        self.nurse.setObjectName("nurse_id")
        self.nurse.addItem(self.tr("（不指定）"), None)
        for u in services.users.staff("nurse"):
            self.nurse.add_choice(u.display_name, u.id, (u.display_name, u.username))
        self.consent = OptionalDate("consent_on", self.tr("已签署，日期"), today, today)
        e = self.errors
        applied = QLabel(
            self.tr("%1（%2）　申请于 %3")
            .replace("%1", bed.diagnosis)
            .replace("%2", bed.type_label)
            .replace("%3", bed.applied_on.isoformat())
        )
        applied.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("申请"), applied)
        form.addRow(self.tr("家床号"), stacked(self.bed_no, e["bed_no"]))
        form.addRow(self.tr("家床类型"), stacked(self.bed_type, e["bed_type"]))
        form.addRow(self.tr("建床日期"), stacked(self.start_date, e["start_date"]))
        form.addRow(self.tr("责任医生 *"), stacked(self.doctor, e["doctor_id"]))
        form.addRow(self.tr("责任护士"), stacked(self.nurse, e["nurse_id"]))
        form.addRow(self.tr("知情同意书 *"), stacked(self.consent, e["consent_on"]))
        hint = QLabel(self.tr("计划结束日期按建床周期的规定自动计算。"))
        hint.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(e["_"])
        layout.addWidget(ok_cancel(self, self.tr("登记建床"), self.tr("取消"), self.accept_form))
        self.setMinimumWidth(520)

    def accept_form(self) -> None:
        doctor = self.doctor.currentData()
        if not isinstance(doctor, uuid.UUID):
            self._clear()
            self.errors["doctor_id"].show_message(self.tr("请选择责任医生"))
            return
        registration = Registration(
            start_date=day_of(self.start_date),
            doctor_id=doctor,
            consent_on=self.consent.value(),
            nurse_id=self.nurse.currentData(),
            bed_type=self.bed_type.currentData(),
            bed_no=self.bed_no.text(),
        )
        self._finish(lambda: self.services.homebeds.register(self.bed.id, registration))


class DischargeDialog(_StepDialog):
    """撤床: the date (and the bed days it makes), the outcome from the policy list, the diagnosis at
    discharge with its ICD-10, and how the patient is at discharge."""

    KEYS = ("end_date", "outcome", "diagnosis", "icd10", "summary")

    def __init__(self, services: Services, bed: BedInfo, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.setObjectName("homebed_discharge")
        self.bed = bed
        self.setWindowTitle(self.tr("撤床 — %1").replace("%1", bed.name))
        self.end_date = date_edit("end_date", services.ctx.today())
        self.days = QLabel()
        self.days.setObjectName("discharge_days")
        self.outcome = SearchableCombo()
        self.outcome.setObjectName("outcome")
        self.outcome.addItem(self.tr("（请选择转归）"), "")
        for outcome in services.settings.get("homebed.outcomes"):
            self.outcome.add_choice(str(outcome), str(outcome), (str(outcome),))
        self.diagnosis = line_edit("discharge_diagnosis", 200)
        self.diagnosis.setText(bed.diagnosis)
        self.icd10 = line_edit("discharge_icd10", 12)
        self.icd10.setText(bed.icd10)
        self.icd10.setMaximumWidth(140)
        self.summary = text_edit("discharge_summary", 4)
        self.summary.setPlaceholderText(self.tr("经过治疗撤床时的情况"))
        e = self.errors
        when = QWidget()
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(stacked(self.end_date, e["end_date"]))
        row.addWidget(self.days)
        row.addStretch(1)
        diagnosis = self._diagnosis_row(self.diagnosis, self.icd10)
        form = QFormLayout()
        form.addRow(self.tr("建床日期"), QLabel(bed.start_date.isoformat() if bed.start_date else "—"))
        form.addRow(self.tr("撤床日期"), when)
        form.addRow(self.tr("转归 *"), stacked(self.outcome, e["outcome"]))
        form.addRow(self.tr("撤床诊断"), diagnosis)
        form.addRow(self.tr("撤床小结"), stacked(self.summary, e["summary"]))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(e["_"])
        layout.addWidget(ok_cancel(self, self.tr("撤床"), self.tr("取消"), self.accept_form))
        self.setMinimumWidth(560)
        self.end_date.dateChanged.connect(self._show_days)
        self._show_days()

    def _show_days(self) -> None:
        """The bed days this cycle will have, as the domain counts them."""
        start = self.bed.start_date
        if start is None:
            self.days.clear()
            return
        try:
            days = rules.bed_days(start, day_of(self.end_date))
        except DomainError as exc:
            self.days.setText(exc.message)
            self.days.setProperty("role", "error")
        else:
            self.days.setText(self.tr("本周期共 %1 床日").replace("%1", str(days)))
            self.days.setProperty("role", "hint")
        self.days.style().unpolish(self.days)
        self.days.style().polish(self.days)

    def accept_form(self) -> None:
        discharge = Discharge(
            end_date=day_of(self.end_date),
            outcome=str(self.outcome.currentData() or ""),
            diagnosis=self.diagnosis.text(),
            icd10=self.icd10.text(),
            summary=self.summary.toPlainText(),
        )
        self._finish(lambda: self.services.homebeds.discharge(self.bed.id, discharge))


class ReturnDialog(_StepDialog):
    """退回申请 with its reason: the centre does not open the bed."""

    KEYS = ("reason",)

    def __init__(self, services: Services, bed: BedInfo, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.setObjectName("homebed_return")
        self.bed = bed
        self.setWindowTitle(self.tr("退回申请 — %1").replace("%1", bed.name))
        prompt = QLabel(self.tr("请写明退回的原因（如：病情不稳定，建议住院治疗）。"))
        prompt.setWordWrap(True)
        self.text = text_edit("reason", 3)
        self.errors["reason"].setObjectName("reason_error")
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.errors["reason"])
        layout.addWidget(self.errors["_"])
        layout.addWidget(ok_cancel(self, self.tr("退回"), self.tr("取消"), self.accept_form))
        self.setMinimumWidth(440)

    def accept_form(self) -> None:
        self._finish(lambda: self.services.homebeds.return_application(self.bed.id, self.text.toPlainText()))
