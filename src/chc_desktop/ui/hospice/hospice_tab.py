"""The resident file's 安宁疗护 tab: the latest assessment in one line (and the death against the
preferred place, once the resident has died), the course of PPS / KPS / ESAS-r, every version, the
home-hospice episodes and the consultations, with the actions on them. Everything here acts at once
through the service; the tab then shows what is stored."""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain.hospice import PLACES, DeathOutcome
from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.hospice import AssessmentInfo, HomeCareInfo
from chc_desktop.services.residents import ResidentFile
from chc_desktop.ui.hospice.assessment_editor import WARNING_COLOUR, AssessmentEditor
from chc_desktop.ui.hospice.models import (
    ConsultationModel,
    HomeCareModel,
    VersionRow,
    VersionsModel,
    setting_label,
)
from chc_desktop.ui.hospice.trend_chart import TrendChart
from chc_desktop.ui.printing.actions import PrintButton
from chc_desktop.ui.records import OpeningTable, records_view
from chc_desktop.ui.residents.file_tabs import FileTab, date_edit, day_of
from chc_desktop.ui.widgets import ErrorLabel, SearchableCombo, named_button, ok_cancel, show_refusal, stacked


class ConsultationDialog(QDialog):
    """记录会诊: the date, the consultant, where from (optional) and the advice."""

    def __init__(
        self,
        services: Services,
        resident_id: uuid.UUID,
        assessment_id: uuid.UUID | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consultation_dialog")
        self.setWindowTitle(self.tr("记录会诊"))
        self.services = services
        self.resident_id = resident_id
        self.assessment_id = assessment_id
        self.result_id: uuid.UUID | None = None
        self.held_on = date_edit("held_on", services.ctx.today())
        self.consultant = QLineEdit()
        self.consultant.setObjectName("consultant")
        self.consultant.setMaxLength(40)
        self.consultant.setPlaceholderText(self.tr("如 同仁医院 周主任"))
        self.site = SearchableCombo()
        self.site.setObjectName("site")
        self.site.addItem(self.tr("（不选）"), None)
        for kind in ("centre", "hospital"):
            for s in services.sites.list(kind):
                self.site.add_choice(s.name, s.id, (s.name,))
        self.advice = QPlainTextEdit()
        self.advice.setObjectName("advice")
        self.advice.setTabChangesFocus(True)
        self.advice.setMinimumHeight(110)
        self.errors = {k: ErrorLabel() for k in ("held_on", "consultant", "advice", "_")}
        form = QFormLayout()
        form.addRow(self.tr("会诊日期"), stacked(self.held_on, self.errors["held_on"]))
        form.addRow(self.tr("会诊医生"), stacked(self.consultant, self.errors["consultant"]))
        form.addRow(self.tr("会诊机构"), self.site)
        form.addRow(self.tr("会诊意见"), stacked(self.advice, self.errors["advice"]))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["_"])
        layout.addWidget(ok_cancel(self, self.tr("保存"), self.tr("取消"), self.accept_form))
        self.setMinimumWidth(520)

    def accept_form(self) -> None:
        for e in self.errors.values():
            e.show_message(None)
        try:
            self.result_id = self.services.hospice.consult(
                self.resident_id,
                day_of(self.held_on),
                self.consultant.text(),
                self.advice.toPlainText(),
                self.site.currentData(),
                self.assessment_id,
            )
        except ServiceError as exc:
            show_refusal(exc, self.errors, self.errors["_"])
            return
        self.accept()


class HomeCareDialog(QDialog):
    """开始居家安宁疗护 from a signed assessment (date and note), or 结束 an episode (date)."""

    def __init__(
        self,
        services: Services,
        assessment: AssessmentInfo | None = None,
        episode: HomeCareInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("home_care_dialog")
        self.services = services
        self.assessment = assessment
        self.episode = episode
        self.started: HomeCareInfo | None = None  # what starting made (with the bed applied for)
        starting = episode is None
        self.setWindowTitle(self.tr("开始居家安宁疗护") if starting else self.tr("结束居家安宁疗护"))
        self.on = date_edit("started_on" if starting else "ended_on", services.ctx.today())
        self.note = QLineEdit()
        self.note.setObjectName("home_care_note")
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("如 舒缓照顾型家庭病床建床"))
        key = "started_on" if starting else "ended_on"
        self.errors = {k: ErrorLabel() for k in (key, "_")}
        form = QFormLayout()
        if assessment is not None:
            form.addRow(
                self.tr("依据评估"),
                QLabel(
                    self.tr("第 %1 版（%2），安排：%3")
                    .replace("%1", str(assessment.version))
                    .replace("%2", assessment.assessed_on.isoformat())
                    .replace("%3", setting_label(assessment.chosen_setting))
                ),
            )
        if episode is not None:
            form.addRow(self.tr("开始日期"), QLabel(episode.started_on.isoformat()))
        form.addRow(
            self.tr("开始日期") if starting else self.tr("结束日期"), stacked(self.on, self.errors[key])
        )
        if starting:
            form.addRow(self.tr("备注"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["_"])
        ok = self.tr("开始") if starting else self.tr("结束")
        layout.addWidget(ok_cancel(self, ok, self.tr("取消"), self.accept_form))
        self.setMinimumWidth(420)

    def accept_form(self) -> None:
        for e in self.errors.values():
            e.show_message(None)
        try:
            if self.episode is not None:
                self.services.hospice.end_home_care(self.episode.id, day_of(self.on))
            elif self.assessment is not None:
                self.started = self.services.hospice.start_home_care(
                    self.assessment.id, day_of(self.on), self.note.text()
                )
        except ServiceError as exc:
            show_refusal(exc, self.errors, self.errors["_"])
            return
        self.accept()


class HospiceTab(FileTab):
    referral_created = Signal(object)  # the id of the 转出 referral draft made for the regional centre
    hospice_changed = Signal()  # an assessment, episode or consultation was written from this tab

    def __init__(self, services: Services, file: ResidentFile, parent: QWidget | None = None) -> None:
        super().__init__(services, file, parent)
        self.setObjectName("hospice_tab")
        can = services.ctx.can
        self.readable = can(Permission.HOSPICE_READ)
        self.writable = can(Permission.HOSPICE_WRITE)
        self.can_sign = can(Permission.HOSPICE_SIGN)
        self.can_refer = can(Permission.REFERRAL_WRITE)
        self.history: list[AssessmentInfo] = []
        self.episodes: list[HomeCareInfo] = []
        self.editor: AssessmentEditor | None = None

        self.summary = QLabel()
        self.summary.setObjectName("hospice_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.outcome_label = QLabel()
        self.outcome_label.setObjectName("hospice_outcome")
        self.outcome_label.setWordWrap(True)
        self.outcome_label.setStyleSheet("font-weight: bold;")
        self.tampered = QLabel()
        self.tampered.setObjectName("hospice_tampered")
        self.tampered.setWordWrap(True)
        self.tampered.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        self.message = QLabel()
        self.message.setObjectName("hospice_message")
        self.message.setWordWrap(True)
        self.error = ErrorLabel()
        self.error.setObjectName("hospice_error")

        self.new_button = named_button("new_assessment", self.tr("新建评估…"), self.new_assessment)
        self.open_button = named_button("open_assessment", self.tr("打开…"), self.open_selected)
        self.sign_button = named_button("sign_assessment", self.tr("签署"), self.sign_selected)
        self.revise_button = named_button("revise_assessment", self.tr("修订"), self.revise_selected)
        self.refer_button = named_button("refer_regional", self.tr("转介至区域安宁疗护中心"), self.refer)
        self.refer_button.setToolTip(
            self.tr("为已签署、符合条件的评估生成转往区域安宁疗护中心（程家桥）的转出转诊单草稿")
        )
        self.start_button = named_button(
            "start_home_care", self.tr("开始居家安宁疗护…"), self.start_home_care
        )
        self.start_button.setToolTip(self.tr("需选中已签署、符合条件且安排为居家的评估"))
        self.end_button = named_button("end_home_care", self.tr("结束居家安宁疗护…"), self.end_home_care)
        self.consult_button = named_button(
            "record_consultation", self.tr("记录会诊…"), self.record_consultation
        )
        for b in (
            self.new_button,
            self.open_button,
            self.sign_button,
            self.revise_button,
            self.refer_button,
            self.start_button,
            self.end_button,
            self.consult_button,
        ):
            b.setAutoDefault(
                False
            )  # Enter in the resident editor saves the file; these act only when pressed
        self.sign_button.setVisible(self.can_sign)
        self.refer_button.setVisible(self.can_refer)
        for b in (
            self.new_button,
            self.revise_button,
            self.start_button,
            self.end_button,
            self.consult_button,
        ):
            b.setVisible(self.writable)

        self.chart = TrendChart()
        self.versions = VersionsModel(self)
        self.versions_view = OpeningTable()
        records_view(self.versions, "hospice_versions", self.versions_view)
        self.versions_view.setAlternatingRowColors(True)
        self.versions_view.row_opened.connect(self._open_row)
        self.versions_view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.home = HomeCareModel(self)
        self.home_view = records_view(self.home, "hospice_home_care")
        self.consultations = ConsultationModel(self)
        self.consultations_view = records_view(self.consultations, "hospice_consultations")
        self.consultations_view.setWordWrap(True)
        rows = self.versions_view.verticalHeader().defaultSectionSize()
        self.versions_view.setMinimumHeight(
            self.versions_view.horizontalHeader().sizeHint().height() + 3 * rows + 6
        )
        for view in (self.home_view, self.consultations_view):
            view.setMinimumHeight(90)
        self.print_button = PrintButton(  # the selected version
            services,
            "assessment",
            lambda: a.id if (a := self.selected()) is not None else None,
            self,
            text=self.tr("打印评估"),
        )

        # top: the latest assessment and the actions on the left, the course on the right
        actions = QHBoxLayout()
        actions.setSpacing(6)
        for b in (self.new_button, self.open_button, self.sign_button, self.revise_button):
            actions.addWidget(b)
        actions.addWidget(self.print_button)
        actions.addStretch(1)
        refer_row = QHBoxLayout()
        refer_row.addWidget(self.refer_button)
        refer_row.addStretch(1)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.summary)
        left.addWidget(self.outcome_label)
        left.addWidget(self.tampered)
        left.addLayout(actions)
        left.addLayout(refer_row)
        left.addWidget(self.message)
        left.addWidget(self.error)
        left.addStretch(1)
        top = QHBoxLayout()
        top.setSpacing(12)
        top.addLayout(left, 1)
        top.addWidget(self.chart, 1)

        versions_box = QGroupBox(self.tr("评估版本"))
        QVBoxLayout(versions_box).addWidget(self.versions_view)
        home_box = QGroupBox(self.tr("居家安宁疗护"))
        home_layout = QVBoxLayout(home_box)
        home_layout.addWidget(self.home_view, 1)
        home_buttons = QHBoxLayout()
        home_buttons.addWidget(self.start_button)
        home_buttons.addWidget(self.end_button)
        home_buttons.addStretch(1)
        home_layout.addLayout(home_buttons)
        consult_box = QGroupBox(self.tr("会诊"))
        consult_layout = QVBoxLayout(consult_box)
        consult_layout.addWidget(self.consultations_view, 1)
        consult_buttons = QHBoxLayout()
        consult_buttons.addWidget(self.consult_button)
        consult_buttons.addStretch(1)
        consult_layout.addLayout(consult_buttons)
        bottom = QHBoxLayout()
        bottom.setSpacing(12)
        bottom.addWidget(home_box, 1)
        bottom.addWidget(consult_box, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(top, 4)
        layout.addWidget(versions_box, 4)
        layout.addLayout(bottom, 3)
        if not self.readable:
            for w in (versions_box, home_box, consult_box, self.chart, self.open_button):
                w.hide()
        self.show_file(file)

    # ------------------------------------------------------------------ showing
    def show_file(self, file: ResidentFile) -> None:
        super().show_file(file)
        self.refresh()

    def refresh(self, select: uuid.UUID | None = None) -> None:
        """Read the resident's hospice records again and show them (keeping the selected version)."""
        if not self.readable:
            self.summary.setText(html.escape(self.tr("您的角色无权查看安宁疗护评估。")))
            for b in (self.new_button, self.sign_button, self.revise_button, self.refer_button):
                b.setEnabled(False)
            return
        current = self.selected()
        keep = select or (current.id if current is not None else None)
        hospice = self.services.hospice
        self.history = hospice.history(self.file.id)
        intact = {a.id: hospice.verify(a.id) for a in self.history if a.signed}
        latest = self.history[-1] if self.history else None
        today = self.services.ctx.today()
        self.versions.set_items(
            [
                VersionRow(
                    a,
                    intact.get(a.id),
                    a is latest and a.next_review is not None and a.next_review <= today,
                )
                for a in reversed(self.history)
            ]
        )
        self.chart.set_history(self.history)
        self.episodes = hospice.home_care(self.file.id)
        self.home.set_items(self.episodes)
        self.consultations.set_items(hospice.consultations(self.file.id))
        self._show_summary(latest)
        self._show_outcome(hospice.outcome(self.file.id))
        if latest is not None and latest.signed and not intact.get(latest.id, True):
            self.tampered.setText(
                self.tr("第 %1 版签署后内容已被改动，与签署时不符，请核查。").replace(
                    "%1", str(latest.version)
                )
            )
            self.tampered.show()
        else:
            self.tampered.hide()
        row = next((i for i, r in enumerate(self.versions.items) if r.info.id == keep), 0)
        if self.versions.items:
            self.versions_view.selectRow(row)
        self._update_buttons()

    def _show_summary(self, latest: AssessmentInfo | None) -> None:
        if latest is None:
            self.summary.setText(html.escape(self.tr("尚无安宁疗护评估。")))
            return
        signed = self.tr("已签署") if latest.signed else self.tr("未签署")
        eligible = self.tr("符合安宁疗护条件") if latest.eligible else self.tr("不符合安宁疗护条件")
        lines = [
            self.tr("最近评估：第 %1 版（%2），%3")
            .replace("%1", str(latest.version))
            .replace("%2", latest.assessed_on.isoformat())
            .replace("%3", signed),
            self.tr("%1，安排：%2")
            .replace("%1", eligible)
            .replace("%2", setting_label(latest.chosen_setting)),
        ]
        text = "<br>".join(html.escape(line) for line in lines)
        if latest.next_review is not None:
            due = latest.next_review <= self.services.ctx.today()
            review = html.escape(latest.next_review.isoformat() + (self.tr("（已到期）") if due else ""))
            if due:
                review = f'<span style="color:{WARNING_COLOUR}; font-weight:bold;">{review}</span>'
            text += "<br>" + html.escape(self.tr("下次复评：")) + review
        running = next((e for e in self.episodes if e.ended_on is None), None)
        if running is not None:
            text += "<br>" + html.escape(
                self.tr("居家安宁疗护进行中（自 %1 起）").replace("%1", running.started_on.isoformat())
            )
        self.summary.setText(text)

    def _show_outcome(self, outcome: DeathOutcome | None) -> None:
        if outcome is None:
            self.outcome_label.hide()
            return
        day = outcome.died_on.isoformat()
        if outcome.place is None:
            text = self.tr("已于 %1 离世（离世地点未登记）").replace("%1", day)
        else:
            place = (
                self.tr("其他地点") if outcome.place == "other" else PLACES.get(outcome.place, outcome.place)
            )
            if outcome.matched is None:
                match = self.tr("离世地点偏好未记录")
            elif outcome.matched:
                match = self.tr("与首选离世地点相符")
            else:
                preferred = "、".join(PLACES.get(p, p) for p in outcome.preferred)
                match = self.tr("与首选离世地点不符（首选：%1）").replace("%1", preferred)
            text = (
                self.tr("已于 %1 在%2离世，%3").replace("%1", day).replace("%2", place).replace("%3", match)
            )
        self.outcome_label.setText(text)
        self.outcome_label.show()

    def selected(self) -> AssessmentInfo | None:
        row = self.versions.item(self.versions_view.currentIndex().row())
        return row.info if row is not None else None

    def open_episode(self) -> HomeCareInfo | None:
        return next((e for e in self.episodes if e.ended_on is None), None)

    def _update_buttons(self) -> None:
        a = self.selected()
        latest = self.history[-1] if self.history else None
        active = self.file.status == "active"
        signed = a is not None and a.signed
        self.new_button.setEnabled(self.writable and active)
        self.open_button.setEnabled(a is not None)
        self.sign_button.setEnabled(self.can_sign and a is not None and not a.signed)
        self.revise_button.setEnabled(self.writable and active and signed and a is latest)
        self.refer_button.setEnabled(self.can_refer and active and signed and a is not None and a.eligible)
        self.start_button.setEnabled(
            self.writable
            and active
            and signed
            and a is not None
            and a.eligible
            and a.chosen_setting == "home"
            and self.open_episode() is None
        )
        self.end_button.setEnabled(self.writable and self.open_episode() is not None)
        self.consult_button.setEnabled(self.writable and active)
        self.print_button.refresh()

    # ------------------------------------------------------------------ actions
    def _say(self, text: str) -> None:
        self.error.show_message(None)
        self.message.setText(text)

    def _fail(self, exc: ServiceError) -> None:
        self.message.setText("")
        self.error.show_message(str(exc))

    def new_assessment(self) -> AssessmentEditor:
        return self._open_editor(None)

    def open_selected(self) -> AssessmentEditor | None:
        a = self.selected()
        return self._open_editor(a.id) if a is not None else None

    def _open_row(self, row: int) -> None:
        item = self.versions.item(row)
        if item is not None:
            self._open_editor(item.info.id)

    def _open_editor(self, assessment_id: uuid.UUID | None) -> AssessmentEditor:
        editor = AssessmentEditor(self.services, self.file.id, assessment_id, self, self.file.draft.name)
        editor.saved.connect(self._saved)
        editor.finished.connect(lambda _result: self._editor_closed(editor))
        self.editor = editor
        editor.open()
        return editor

    def _editor_closed(self, editor: AssessmentEditor) -> None:
        if self.editor is editor:
            self.editor = None
        editor.deleteLater()

    def _saved(self, assessment_id: uuid.UUID) -> None:
        self.refresh(assessment_id)
        a = self.selected()
        if a is not None:
            state = self.tr("已签署") if a.signed else self.tr("已保存")
            self._say(self.tr("第 %1 版%2。").replace("%1", str(a.version)).replace("%2", state))
        self.hospice_changed.emit()

    def sign_selected(self) -> None:
        a = self.selected()
        if a is None or a.signed:
            return
        answer = QMessageBox.question(
            self,
            self.tr("签署"),
            self.tr("签署第 %1 版评估？签署后评估将被锁定，不能再修改，如需更改只能修订为新版本。").replace(
                "%1", str(a.version)
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.services.hospice.sign(a.id)
        except ServiceError as exc:
            self._fail(exc)
            return
        self.refresh(a.id)
        self._say(self.tr("第 %1 版已签署。").replace("%1", str(a.version)))
        self.hospice_changed.emit()

    def revise_selected(self) -> AssessmentEditor | None:
        """A new version of the signed assessment, opened at once to be changed."""
        a = self.selected()
        if a is None:
            return None
        try:
            new = self.services.hospice.revise(a.id)
        except ServiceError as exc:
            self._fail(exc)
            return None
        self.refresh(new.id)
        self._say(self.tr("已新建第 %1 版（未签署）。").replace("%1", str(new.version)))
        self.hospice_changed.emit()
        return self._open_editor(new.id)

    def refer(self) -> None:
        a = self.selected()
        if a is None:
            return
        try:
            referral = self.services.hospice.refer_to_regional_centre(a.id)
        except ServiceError as exc:
            self._fail(exc)
            return
        text = (
            self.tr("已生成转出转诊单草稿：转往 %1 %2。请在“转诊”中补充后发出。")
            .replace("%1", referral.to_site)
            .replace("%2", referral.department)
        )
        self._say(text)
        QMessageBox.information(self, self.tr("转介至区域安宁疗护中心"), text)
        self.referral_created.emit(referral.id)

    def start_home_care(self) -> bool:
        a = self.selected()
        if a is None:
            return False
        dialog = HomeCareDialog(self.services, assessment=a, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.refresh(a.id)
        started = dialog.started
        if started is not None and started.bed_id is not None:
            self._say(self.tr("已开始居家安宁疗护，并已提交舒缓照顾型家庭病床申请（待中心登记建床）。"))
        else:
            note = started.bed_note if started is not None else ""
            self._say(self.tr("已开始居家安宁疗护。未申请家庭病床：%1").replace("%1", note))
        self.hospice_changed.emit()
        return True

    def end_home_care(self) -> bool:
        episode = self.open_episode()
        if episode is None:
            return False
        dialog = HomeCareDialog(self.services, episode=episode, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.refresh()
        self._say(self.tr("居家安宁疗护已结束。"))
        self.hospice_changed.emit()
        return True

    def record_consultation(self) -> bool:
        a = self.selected()
        dialog = ConsultationDialog(self.services, self.file.id, a.id if a is not None else None, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.refresh()
        self._say(self.tr("已记录会诊。"))
        self.hospice_changed.emit()
        return True
