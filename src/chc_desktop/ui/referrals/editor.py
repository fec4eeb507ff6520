"""The referral form (转诊单): a draft the referring doctor fills in and sends, then the steps that
follow it — received, completed, returned or cancelled — each kept with who, when and why.

What the form holds follows the direction (转出 / 回转, fixed once saved) as the domain lists it; the
fields required before sending are marked *. Every refusal of the service stands under its field
or, when it concerns no field, under the form. Ctrl+S saves the draft, Esc closes (asking first
when the draft has unsaved changes).
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import referrals as rules
from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.referrals import RECEIVER_STEPS, ReferralInfo
from chc_desktop.ui.printing.actions import PrintButton
from chc_desktop.ui.records import records_view
from chc_desktop.ui.referrals.models import StepsModel, priorities_text
from chc_desktop.ui.residents.models import resident_heading
from chc_desktop.ui.widgets import (
    ErrorLabel,
    SearchableCombo,
    ask_discard,
    fit_to_screen,
    named_button,
    ok_cancel,
    set_read_only,
    show_refusal,
    stacked,
)

Direction, Status, Step = rules.Direction, rules.Status, rules.Step


@dataclass(frozen=True)
class ReferredResident:
    """Who the referral is for, as the form's head shows them."""

    id: uuid.UUID
    name: str
    sex: str
    age: int
    record_no: str | None


class ReasonDialog(QDialog):
    """退回 or 撤销 with its reason: the step is taken on OK, and a refusal stays in this dialog."""

    def __init__(
        self, services: Services, referral: ReferralInfo, step: rules.Step, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("referral_reason_dialog")
        self.services = services
        self.referral = referral
        self.step = step
        self.result_referral: ReferralInfo | None = None
        returning = step is Step.RETURN
        self.setWindowTitle(self.tr("退回转诊") if returning else self.tr("撤销转诊"))
        prompt = QLabel(
            self.tr("请写明退回的原因（如：本院床位已满、需转其他专科）。")
            if returning
            else self.tr("请写明撤销的原因（如：患者改变主意、已自行就诊）。")
        )
        prompt.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("reason")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(80)
        self.error = ErrorLabel()
        self.error.setObjectName("reason_error")
        ok = self.tr("退回") if returning else self.tr("撤销")
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, ok, self.tr("取消"), self.accept_form))
        self.setMinimumWidth(420)

    def accept_form(self) -> None:
        self.error.show_message(None)
        try:
            self.result_referral = self.services.referrals.step(
                self.referral.id, self.step.value, self.text.toPlainText()
            )
        except ServiceError as exc:
            show_refusal(exc, {"reason": self.error}, self.error)
            return
        self.accept()


class ReferralEditor(QDialog):
    """A new referral for a resident (``new``) or an existing one (``open_referral``)."""

    changed = Signal(object)  # referral id, after every write that succeeded

    def __init__(
        self,
        services: Services,
        resident: ReferredResident,
        referral: ReferralInfo | None = None,
        direction: rules.Direction = Direction.UP,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("referral_editor")
        self.services = services
        self.resident = resident
        self.referral = referral
        self.direction = Direction(referral.direction) if referral is not None else direction
        self.can_write = services.ctx.can(Permission.REFERRAL_WRITE)
        self.reason_dialog: ReasonDialog | None = None
        user = services.user
        own_site = user.site_id if user is not None else None
        self.hospital_ids = {h.id for h in services.sites.list("hospital")}

        self.head = QLabel()
        self.head.setObjectName("referral_resident")
        self.head.setProperty("role", "record_no")
        self.head.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel()
        self.status.setObjectName("referral_status")
        self.status.setProperty("role", "title")

        self.up_radio = QRadioButton(self.tr("转出（社区 → 医院）"))
        self.up_radio.setObjectName("direction_up")
        self.back_radio = QRadioButton(self.tr("回转（医院 → 社区）"))
        self.back_radio.setObjectName("direction_back")
        self.directions = QButtonGroup(self)
        self.directions.addButton(self.up_radio)
        self.directions.addButton(self.back_radio)
        (self.up_radio if self.direction is Direction.UP else self.back_radio).setChecked(True)

        self.site = SearchableCombo()
        self.site.setObjectName("to_site_id")
        self.site.addItem(self.tr("（请选择接收机构）"), None)
        for kind in ("hospital", "centre"):
            for s in services.sites.list(kind):
                if s.id != own_site:
                    self.site.add_choice(s.name, s.id)
        self.site.setMinimumContentsLength(14)
        # A 回转 is written by the hospital; hospitals do not use the program, so the receiving centre
        # enters it from the paper slip, naming the hospital it came from.
        self.own_site_id = own_site
        self.from_site = SearchableCombo()
        self.from_site.setObjectName("from_site_id")
        self.from_site.addItem(self.tr("本机构"), None)
        for h in services.sites.list("hospital"):
            self.from_site.add_choice(h.name, h.id)
        self.from_site.setMinimumContentsLength(22)  # a centre's full name (Chinese is two wide)
        self.from_site.setSizeAdjustPolicy(
            SearchableCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.from_site.currentIndexChanged.connect(self._from_chosen)
        self.site.setSizeAdjustPolicy(SearchableCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.department = self._line("department", 40, self.tr("如：呼吸内科"))
        self.receiving_doctor = self._line("receiving_doctor", 40, self.tr("如已约定"))
        self.expert_slot = self._line("expert_slot", 100, self.tr("如：12月2日上午 呼吸科专家门诊"))
        self.priorities = QLabel()
        self.priorities.setObjectName("priorities")
        self.errors: dict[str, ErrorLabel] = {
            k: ErrorLabel()
            for k in ("from_site_id", "to_site_id", "department", "receiving_doctor", "expert_slot", "_")
        }
        self.errors["_"].setObjectName("referral_message")
        self.notice = QLabel()
        self.notice.setObjectName("referral_notice")
        self.notice.setProperty("role", "hint")

        direction_box = QWidget()
        direction_row = QHBoxLayout(direction_box)
        direction_row.setContentsMargins(0, 0, 0, 0)
        direction_row.addWidget(self.up_radio)
        direction_row.addSpacing(16)
        direction_row.addWidget(self.back_radio)
        direction_row.addSpacing(24)
        self.from_label = QLabel(self.tr("转出机构"))
        self.from_label.setBuddy(self.from_site)
        direction_row.addWidget(self.from_label)
        direction_row.addWidget(stacked(self.from_site, self.errors["from_site_id"]))
        self.from_hint = QLabel(self.tr("医院开具的回转单由本机构代为录入"))
        self.from_hint.setProperty("role", "hint")
        direction_row.addWidget(self.from_hint)
        direction_row.addStretch(1)
        self.form = QFormLayout()
        self.form.addRow(self.tr("转诊方向"), direction_box)
        self.form.addRow(self.tr("接收机构"), stacked(self.site, self.errors["to_site_id"]))
        where = QWidget()
        where_row = QHBoxLayout(where)
        where_row.setContentsMargins(0, 0, 0, 0)
        where_row.addWidget(stacked(self.department, self.errors["department"]), 1)
        where_row.addSpacing(12)
        where_row.addWidget(QLabel(self.tr("接诊医生")))
        where_row.addWidget(stacked(self.receiving_doctor, self.errors["receiving_doctor"]), 1)
        self.form.addRow(self.tr("科室"), where)
        self.form.addRow(self.tr("专家号"), stacked(self.expert_slot, self.errors["expert_slot"]))
        self.form.addRow(self.tr("绿色通道"), self.priorities)
        self.locked_hint = QLabel(
            self.tr("接收机构、科室和接诊医生保存后不能修改；如需更改，请撤销后重新发起。")
        )
        self.locked_hint.setProperty("role", "hint")
        self.locked_hint.setWordWrap(True)
        self.form.addRow("", self.locked_hint)

        # The form's content, one page per direction (the fields differ).
        self.content: dict[rules.Direction, dict[str, QPlainTextEdit]] = {}
        self.content_errors: dict[rules.Direction, dict[str, ErrorLabel]] = {}
        self.pages = QStackedWidget()
        for way in Direction:
            page = QWidget()
            grid = QFormLayout(page)
            grid.setContentsMargins(0, 0, 0, 0)
            grid.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
            self.content[way], self.content_errors[way] = {}, {}
            for key, label in rules.CONTENT[way].items():
                edit = QPlainTextEdit()
                edit.setObjectName(f"{way.value}_{key}")
                edit.setTabChangesFocus(True)  # Tab walks the form, as in every other field
                edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 2 + 14)
                edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                error = ErrorLabel()
                # One short line; wrapped, Chinese could break at every character, and the scroll
                # area would size the page for that.
                error.setWordWrap(False)
                self.content[way][key], self.content_errors[way][key] = edit, error
                mark = " *" if key in rules.REQUIRED_TO_SEND[way] else ""
                grid.addRow(label + mark, stacked(edit, error))
            self.pages.addWidget(page)
        # On a small screen (1366×768) the text fields scroll rather than squeeze the step history.
        scroll = QScrollArea()
        scroll.setObjectName("referral_content_scroll")
        scroll.setWidget(self.pages)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        for plain in (scroll.viewport(), self.pages):  # the group box's background shows through
            plain.setAutoFillBackground(False)
        scroll.setMinimumHeight(150)
        self.content_box = QGroupBox()
        content_layout = QVBoxLayout(self.content_box)
        content_layout.addWidget(scroll, 1)
        self.required_hint = QLabel(self.tr("带 * 的项目发出前必须填写。"))
        self.required_hint.setProperty("role", "hint")
        content_layout.addWidget(self.required_hint)

        self.steps = StepsModel(self)
        self.steps_view = records_view(self.steps, "referral_steps")
        rows = 4  # room for a whole referral: 发出, 接收, 完成 under the header
        self.steps_view.setMinimumHeight(
            self.steps_view.horizontalHeader().sizeHint().height()
            + rows * self.steps_view.verticalHeader().defaultSectionSize()
            + 2 * self.steps_view.frameWidth()
        )
        self.steps_box = QGroupBox(self.tr("办理记录"))
        steps_layout = QVBoxLayout(self.steps_box)
        steps_layout.addWidget(self.steps_view)

        self.save_button = self._button("save_draft", self.tr("保存草稿"), self.save_draft)
        self.save_button.setToolTip(self.tr("保存草稿（Ctrl+S）"))
        step_texts = {
            Step.SEND: self.tr("发出"),
            Step.RECEIVE: self.tr("接收"),
            Step.COMPLETE: self.tr("完成"),
            Step.RETURN: self.tr("退回…"),
            Step.CANCEL: self.tr("撤销…"),
        }
        self.step_buttons = {
            step: self._button(f"step_{step.value}", text, functools.partial(self.take_step, step))
            for step, text in step_texts.items()
        }
        self.step_buttons[Step.SEND].setToolTip(self.tr("保存并发出：发出后内容不能再修改"))
        self.close_button = self._button("close", self.tr("关闭"), self.reject)
        self.close_button.setToolTip(self.tr("关闭（Esc）"))
        self.print_button = PrintButton(  # a saved referral's slip; unsaved edits are saved first
            services,
            "referral",
            lambda: self.referral.id if self.referral is not None else None,
            self,
            facts=lambda: {"referral.direction": self.direction.value},
            before=lambda: not self.is_dirty() or self.save_draft(),
            hide_without_record=True,
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        for b in self.step_buttons.values():
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.close_button)

        save = QAction(self)
        save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        save.triggered.connect(self.save_draft)
        self.addAction(save)

        top = QHBoxLayout()
        top.addWidget(self.head, 1)
        top.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addWidget(self.content_box, 3)
        layout.addWidget(self.steps_box, 1)
        layout.addWidget(self.errors["_"])
        layout.addWidget(self.notice)
        layout.addLayout(buttons)

        self.directions.buttonToggled.connect(self._direction_toggled)
        self._show_resident()
        if referral is not None:
            self._show(referral)
        else:
            self._show_new()
        fit_to_screen(self, 900, 820)

    # ------------------------------------------------------------------ opening
    @classmethod
    def new(
        cls,
        services: Services,
        resident_id: uuid.UUID,
        parent: QWidget | None = None,
        direction: rules.Direction = Direction.UP,
    ) -> ReferralEditor:
        """A new referral for the resident (raises ServiceError when the file cannot be read)."""
        file = services.residents.get(resident_id, audit=False)
        who = ReferredResident(file.id, file.draft.name, file.draft.sex, file.age, file.record_no)
        return cls(services, who, None, direction, parent)

    @classmethod
    def open_referral(
        cls, services: Services, referral_id: uuid.UUID, parent: QWidget | None = None
    ) -> ReferralEditor:
        """An existing referral with its steps (raises ServiceError when it cannot be read)."""
        r = services.referrals.get(referral_id)
        who = ReferredResident(r.resident_id, r.resident_name, r.sex, r.age, r.record_no)
        return cls(services, who, r, Direction(r.direction), parent)

    # ------------------------------------------------------------------ building
    def _line(self, name: str, length: int, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMaxLength(length)
        edit.setPlaceholderText(placeholder)
        return edit

    @staticmethod
    def _button(name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = named_button(name, text, slot)
        button.setAutoDefault(False)  # Enter in a field never sends or cancels a referral
        return button

    # ------------------------------------------------------------------ showing
    @property
    def editable(self) -> bool:
        """The form's text can change: a draft (or a new one) and the user may write referrals."""
        return self.can_write and (self.referral is None or self.referral.status == Status.DRAFT)

    def _show_resident(self) -> None:
        r = self.resident
        self.head.setText(resident_heading(r.name, r.sex, r.age, r.record_no))

    def _show_new(self) -> None:
        self.setWindowTitle(self.tr("新建转诊 — %1").replace("%1", self.resident.name))
        self.status.setText(self.tr("草稿（未保存）"))
        self.form.setRowVisible(self.priorities, False)
        self.locked_hint.hide()
        self.steps_box.hide()
        self._show_direction()
        self._set_state()

    def _show(self, r: ReferralInfo) -> None:
        self.referral = r
        self.setWindowTitle(
            self.tr("%1单 — %2").replace("%1", r.direction_label).replace("%2", r.resident_name)
        )
        self.status.setText(r.status_label)
        for combo, name, sid in (
            (self.site, r.to_site, r.to_site_id),
            (self.from_site, r.from_site, r.from_site_id),
        ):
            i = combo.index_of(sid)
            if i < 0:  # this site, a service station, or a site no longer listed
                combo.add_choice(name, sid)
                i = combo.count() - 1
            combo.setCurrentIndex(i)
        self.department.setText(r.department)
        self.receiving_doctor.setText(r.receiving_doctor)
        self.expert_slot.setText(r.expert_slot)
        self.priorities.setText(priorities_text(r.priorities))
        self.form.setRowVisible(self.priorities, bool(r.priorities))
        self.locked_hint.setVisible(self.editable)
        for key, edit in self.content[self.direction].items():
            edit.setPlainText(r.content.get(key, ""))
        self.steps.set_items(r.steps)
        self.steps_box.setVisible(bool(r.steps))
        self._show_direction()
        self._set_state()

    def _show_direction(self) -> None:
        way = self.direction
        self.pages.setCurrentIndex(list(Direction).index(way))
        self.content_box.setTitle(
            self.tr("转出单内容") if way is Direction.UP else self.tr("回转单内容（诊疗结果及康复建议）")
        )

    def _set_state(self) -> None:
        editable, new = self.editable, self.referral is None
        for radio in (self.up_radio, self.back_radio):
            radio.setEnabled(editable and new)
        self.site.setEnabled(editable and new and self.from_site.currentData() is None)
        self.from_site.setEnabled(editable and new)
        from_shown = not new or self.direction is Direction.BACK
        self.from_label.setVisible(from_shown)
        self.from_site.setVisible(from_shown)
        self.from_hint.setVisible(new and self.from_site.currentData() is not None)
        for edit in (self.department, self.receiving_doctor):
            edit.setReadOnly(not (editable and new))
        self.expert_slot.setReadOnly(not editable)
        for text in self.content[self.direction].values():
            set_read_only(text, not editable)
        self.save_button.setVisible(editable)
        self.required_hint.setVisible(editable)
        if new:
            shown: tuple[rules.Step, ...] = (Step.SEND,) if self.can_write else ()
        else:
            assert self.referral is not None
            shown = tuple(Step(x) for x in self.services.referrals.actions(self.referral.id))
        for step, button in self.step_buttons.items():
            button.setVisible(step in shown)
        self.print_button.refresh()
        on_behalf = self._on_behalf_of()
        for step in RECEIVER_STEPS:
            self.step_buttons[step].setToolTip(
                self.tr("代%1登记（电话确认后）").replace("%1", on_behalf) if on_behalf else ""
            )

    def _on_behalf_of(self) -> str:
        """The hospital whose answer the user records, when the user is not at the receiving site."""
        r, user = self.referral, self.services.user
        if r is None or user is None or user.site_id == r.to_site_id or r.to_site_id not in self.hospital_ids:
            return ""
        return r.to_site

    def _from_chosen(self) -> None:
        """A hospital's 回转单 comes to this site: the receiving site is ours and not a choice."""
        if self.referral is not None:
            return
        if self.from_site.currentData() is not None:
            own = self.services.sites.get(self.own_site_id) if self.own_site_id else None
            if own is not None and self.site.index_of(own.id) < 0:
                self.site.add_choice(own.name, own.id)
            self.site.select(self.own_site_id)
        elif self.site.currentData() == self.own_site_id:
            self.site.setCurrentIndex(0)
        self._set_state()

    def _direction_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked and self.referral is None:
            self.direction = Direction.UP if self.up_radio.isChecked() else Direction.BACK
            if self.direction is Direction.UP:
                self.from_site.setCurrentIndex(0)  # only a 回转 comes from a hospital
            self._show_direction()
            self._set_state()

    # ------------------------------------------------------------------ reading the form
    def content_values(self) -> dict[str, str]:
        return {key: edit.toPlainText() for key, edit in self.content[self.direction].items()}

    def is_dirty(self) -> bool:
        if not self.editable:
            return False
        content = self.content_values()
        r = self.referral
        if r is None:
            typed = (self.department, self.receiving_doctor, self.expert_slot)
            return (
                self.site.currentData() is not None
                or any(e.text().strip() for e in typed)
                or any(v.strip() for v in content.values())
            )
        return self.expert_slot.text() != r.expert_slot or any(
            text != r.content.get(key, "") for key, text in content.items()
        )

    def _error_labels(self) -> dict[str, ErrorLabel]:
        return {**self.errors, **self.content_errors[self.direction]}

    def _clear_messages(self) -> None:
        for label in self._error_labels().values():
            label.show_message(None)
        self.notice.clear()

    # ------------------------------------------------------------------ writing
    def save_draft(self) -> bool:
        """Create the draft, or save its changed text; True when the draft is saved as shown."""
        if not self.editable:
            return False
        self._clear_messages()
        if not self._save():
            return False
        self.notice.setText(self.tr("草稿已保存。"))
        return True

    def _save(self) -> bool:
        r = self.referral
        try:
            if r is None:
                to_site = self.site.currentData()
                if to_site is None:
                    self.errors["to_site_id"].show_message(self.tr("请选择接收的医院或社区卫生服务中心"))
                    return False
                saved = self.services.referrals.create(
                    self.resident.id,
                    self.direction.value,
                    to_site,
                    department=self.department.text(),
                    receiving_doctor=self.receiving_doctor.text(),
                    content=self.content_values(),
                    expert_slot=self.expert_slot.text(),
                    from_site_id=self.from_site.currentData() if self.direction is Direction.BACK else None,
                )
            elif self.is_dirty():
                saved = self.services.referrals.update(r.id, self.content_values(), self.expert_slot.text())
            else:
                return True
        except ServiceError as exc:
            show_refusal(exc, self._error_labels(), self.errors["_"])
            return False
        self._show(saved)
        self.changed.emit(saved.id)
        return True

    def take_step(self, step: rules.Step) -> None:
        """Take one step of the workflow; 发出 saves the draft first, 退回 and 撤销 ask for the reason."""
        self._clear_messages()
        if self.editable and not self._save():
            return
        r = self.referral
        if r is None:
            return
        if step in rules.NEEDS_REASON:
            self.reason_dialog = ReasonDialog(self.services, r, step, self)
            try:
                accepted = self.reason_dialog.exec() == QDialog.DialogCode.Accepted
                done = self.reason_dialog.result_referral
            finally:
                self.reason_dialog.deleteLater()
                self.reason_dialog = None
            if not accepted or done is None:
                return
        else:
            try:
                done = self.services.referrals.step(r.id, step.value)
            except ServiceError as exc:
                show_refusal(exc, self._error_labels(), self.errors["_"])
                return
        self._show(done)
        self.notice.setText(self.tr("转诊%1。").replace("%1", done.status_label))
        self.changed.emit(done.id)

    def reject(self) -> None:
        if self.is_dirty() and not ask_discard(self, self.tr("转诊单有未保存的修改。放弃这些修改吗？")):
            return
        super().reject()
