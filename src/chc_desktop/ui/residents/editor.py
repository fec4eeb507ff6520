"""The resident file editor: 封面, 基本信息, 既往史, 家庭, 重点人群, 档案状态.

Every field is checked as the user types (``services.residents.check``) and what is wrong stands in
red under the field. Enter saves, Esc cancels (asking first when something changed). Tab walks the
fields in the order of the paper form and on into the next tab, so a file can be made without the
mouse. The household, key-population and status tabs act at once (they are separate records).
"""

from __future__ import annotations

import functools
import uuid
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import codes
from chc_desktop.domain.resident import (
    CLINICAL_FIELDS,
    HISTORY_KINDS,
    HISTORY_STATUS_FIELD,
    MULTI_CODES,
    SINGLE_CODES,
    ResidentDraft,
)
from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.services.residents import DuplicateSuspected, ResidentFile
from chc_desktop.ui.contracts.contract_tab import ContractTab
from chc_desktop.ui.homebeds.bed_list_page import HomeBedTab
from chc_desktop.ui.hospice.hospice_tab import HospiceTab
from chc_desktop.ui.printing.actions import PrintButton
from chc_desktop.ui.referrals.register_page import ReferralTab
from chc_desktop.ui.residents.duplicates import DuplicateDialog
from chc_desktop.ui.residents.file_tabs import FileTab, HouseholdTab, KeyPopulationTab, StatusTab
from chc_desktop.ui.residents.history import FamilyHistory, HistoryList
from chc_desktop.ui.widgets import (
    CodeCombo,
    ErrorLabel,
    MultiCodePicker,
    SearchableCombo,
    ask_discard,
    fit_to_screen,
    set_invalid,
    stacked,
)

CHECK_DELAY_MS = 200
# A message about one of these fields is shown at the field named here.
ERROR_AT = {
    "payment_other": "payment_methods",
    "drug_allergy_other": "drug_allergies",
    "disability_other": "disabilities",
    "family_history_other": "family_history",
}
HAS_HISTORY = next(c.code for c in codes.YES_NO_HISTORY.codes if c.label == "有")
ENVIRONMENT = ("kitchen_exhaust", "fuel", "water", "toilet", "livestock")


class ResidentEditor(QDialog):
    """Files a new resident (``resident_id`` None) or shows and edits one."""

    saved = Signal(object)  # resident id, after 保存
    changed = Signal(object)  # resident id, after a household, key-population or status change
    open_instead = Signal(object)  # resident id of an existing file the user chose to open instead

    def __init__(
        self, services: Services, resident_id: uuid.UUID | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.resident_id = resident_id
        self.file: ResidentFile | None = services.residents.get(resident_id) if resident_id else None
        self.saved_file: ResidentFile | None = None  # the file as saved
        ctx = services.ctx
        self.writable = ctx.can(Permission.RESIDENT_WRITE)
        self.clinical = ctx.can(Permission.CLINICAL_READ)
        self.clinical_writable = ctx.can(Permission.CLINICAL_WRITE)
        self.setObjectName("resident_editor")
        self.setWindowTitle(self.tr("新建居民健康档案") if self.file is None else self.tr("居民健康档案"))
        self.setSizeGripEnabled(True)
        fit_to_screen(self, 1040, 760)

        self.inputs: dict[str, QWidget] = {}  # draft field -> its input
        self.edits: dict[str, QLineEdit] = {}
        self.combos: dict[str, CodeCombo] = {}
        self.pickers: dict[str, MultiCodePicker] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self._touched: set[str] = set()
        self._show_all = self.file is not None
        self._loading = True
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check)

        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setProperty("role", "title")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(False)
        self.tabs.addTab(self._scroll(self._cover_tab()), self.tr("封面"))
        self.tabs.addTab(self._scroll(self._basic_tab()), self.tr("基本信息"))
        if self.clinical:
            self.tabs.addTab(self._scroll(self._history_tab()), self.tr("既往史"))
        self.file_tabs: list[FileTab] = []
        contracts = services.ctx.can(Permission.CONTRACT_READ)
        hospice = services.ctx.can(Permission.HOSPICE_READ)
        referrals = services.ctx.can(Permission.REFERRAL_READ)
        homebeds = services.ctx.can(Permission.HOMEBED_READ)
        if self.file is not None:
            tabs: list[tuple[FileTab, str]] = [
                (HouseholdTab(services, self.file), self.tr("家庭")),
                (KeyPopulationTab(services, self.file), self.tr("重点人群")),
            ]
            if contracts:
                tabs.append((ContractTab(services, self.file), self.tr("签约")))
            if hospice:
                tabs.append((HospiceTab(services, self.file), self.tr("安宁疗护")))
            if referrals:
                tabs.append((ReferralTab(services, self.file), self.tr("转诊")))
            if homebeds:
                tabs.append((HomeBedTab(services, self.file), self.tr("家庭病床")))
            tabs.append((StatusTab(services, self.file), self.tr("档案状态")))
            for tab, title in tabs:
                tab.changed.connect(self._file_changed)
                if isinstance(tab, HospiceTab):  # the file is the same; its referrals and worklists not
                    tab.hospice_changed.connect(self._file_changed)
                    tab.referral_created.connect(lambda _rid: self._file_changed())
                self.file_tabs.append(tab)
                self.tabs.addTab(tab, title)
        else:
            later = [self.tr("家庭"), self.tr("重点人群")] + ([self.tr("签约")] if contracts else [])
            later += ([self.tr("安宁疗护")] if hospice else []) + ([self.tr("转诊")] if referrals else [])
            later += [self.tr("家庭病床")] if homebeds else []
            for title in (*later, self.tr("档案状态")):
                i = self.tabs.addTab(QWidget(), title)
                self.tabs.setTabEnabled(i, False)
                self.tabs.setTabToolTip(i, self.tr("保存档案后可用"))

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setProperty("role", "error")
        self.summary.setWordWrap(True)
        # Parented now, so that setDefault below makes 保存 the dialog's default button (Enter).
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("建档") if self.file is None else self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("保存（Enter）"))
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setToolTip(self.tr("取消（Esc）"))
        self.cancel_button.setAutoDefault(False)
        self.save_button.clicked.connect(self._save_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.print_button = PrintButton(  # the file as saved
            services,
            "resident",
            lambda: self.resident_id,
            self,
            hide_without_record=True,
            text=self.tr("打印档案"),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self._load(self.file.draft if self.file else self._new_draft())
        self._initial = self.draft()
        self._loading = False
        if not self.writable:
            self._read_only()
        elif self.clinical and not self.clinical_writable:
            self._clinical_read_only()
        self._show_heading()
        if self._show_all:
            self.check()
        self.edits["name"].setFocus()

    # ------------------------------------------------------------------ building
    def _scroll(self, page: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setObjectName("form_scroll")
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(page)
        return area

    @staticmethod
    def _form(parent: QWidget | None = None) -> QFormLayout:
        form = QFormLayout(parent)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        return form

    def _register(self, key: str, widget: QWidget) -> ErrorLabel:
        error = ErrorLabel()
        error.setObjectName(f"error_{key}")
        self.errors[key] = error
        self.inputs[key] = widget
        return error

    def _field(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        form.addRow(label, stacked(widget, self._register(key, widget)))

    def _line(
        self, form: QFormLayout, key: str, label: str, placeholder: str = "", width: int = 0
    ) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(key)
        edit.setPlaceholderText(placeholder)
        if width:
            edit.setMaximumWidth(width)
        edit.textChanged.connect(functools.partial(self._changed, key))
        self.edits[key] = edit
        self._field(form, key, label, edit)
        return edit

    def _combo(self, form: QFormLayout, key: str, label: str) -> CodeCombo:
        combo = self._code_combo(key)
        self._field(form, key, label, combo)
        return combo

    def _code_combo(self, key: str) -> CodeCombo:
        combo = CodeCombo(SINGLE_CODES[key])
        combo.setObjectName(key)
        combo.setMinimumWidth(160)
        combo.currentIndexChanged.connect(functools.partial(self._changed, key))
        self.combos[key] = combo
        return combo

    def _picker(self, form: QFormLayout, key: str, label: str, columns: int = 4) -> MultiCodePicker:
        code_list, _other_field = MULTI_CODES[key]
        picker = MultiCodePicker(code_list, columns=columns)
        picker.changed.connect(functools.partial(self._changed, key))
        self.pickers[key] = picker
        self._field(form, key, label, picker)
        return picker

    def _site_combo(self, key: str) -> SearchableCombo:
        combo = SearchableCombo()
        combo.setObjectName(key)
        combo.setMinimumWidth(220)
        combo.setMaximumWidth(440)
        combo.currentIndexChanged.connect(functools.partial(self._changed, key))
        return combo

    def _cover_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("cover")
        form = self._form(page)
        self.record_no = QLabel(self.file.record_no_formatted if self.file else self.tr("建档时自动分配"))
        self.record_no.setObjectName("record_no")
        self.record_no.setProperty("role", "record_no" if self.file else "hint")
        self.record_no.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("档案编号"), self.record_no)
        self._line(form, "name", self.tr("姓名"), width=260)
        self._line(form, "current_address", self.tr("现住址"), self.tr("路、弄、号、室"))
        self._line(form, "registered_address", self.tr("户籍地址"))
        self._line(form, "phone", self.tr("联系电话"), self.tr("手机 11 位，或固定电话"), width=260)
        self.street = self._site_combo("street_id")
        self.street.addItem(self.tr("（请选择街道）"), None)
        for st in self.services.sites.list("street"):
            self.street.add_choice(st.name, st.id, (st.code[-3:] if st.code else "",))
        self.street.currentIndexChanged.connect(self._street_changed)
        self._field(form, "street_id", self.tr("乡镇（街道）名称"), self.street)
        self.committee = self._site_combo("committee_id")
        self._field(form, "committee_id", self.tr("村（居）委会名称"), self.committee)
        site, filed_by = self._filing_unit()
        form.addRow(self.tr("建档单位"), QLabel(site))
        form.addRow(self.tr("建档人"), QLabel(filed_by))
        self.doctor = self._site_combo("doctor_id")
        self.doctor.addItem(self.tr("（未指定）"), None)
        for u in self.services.users.staff("doctor"):
            self.doctor.add_choice(u.display_name, u.id, (u.username,))
        self._field(form, "doctor_id", self.tr("责任医生"), self.doctor)
        self._line(form, "filing_date", self.tr("建档日期"), self.tr("如 2026-01-31"), width=260)
        return page

    def _filing_unit(self) -> tuple[str, str]:
        if self.file is not None:
            return self.file.filing_site or "—", self.file.filed_by or "—"
        user = self.services.user
        site = ""
        if user is not None and user.site_id is not None:
            try:
                site = self.services.sites.get(user.site_id).name
            except ServiceError:
                site = ""
        return site or "—", user.display_name if user else "—"

    def _basic_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("basic")
        grid = QGridLayout(page)
        grid.setHorizontalSpacing(14)
        identity = QGroupBox(self.tr("身份"))
        form = self._form(identity)
        self._line(form, "id_number", self.tr("身份证号"), self.tr("18 位；填写后自动带出出生日期和性别"))
        self.edits["id_number"].textChanged.connect(self._id_number_changed)
        self._combo(form, "sex", self.tr("性别"))
        self._line(form, "birth_date", self.tr("出生日期"), self.tr("如 1949-01-01 或 19490101"))
        self._combo(form, "ethnicity", self.tr("民族"))
        self._line(form, "ethnicity_name", self.tr("少数民族名称"), self.tr("如 回族"))
        self._combo(form, "residence_type", self.tr("常住类型"))
        contact = QGroupBox(self.tr("工作与联系人"))
        form = self._form(contact)
        self._line(form, "work_unit", self.tr("工作单位"), self.tr("退休者写原单位；无工作写“无”"))
        self._line(form, "contact_name", self.tr("联系人姓名"))
        self._line(form, "contact_phone", self.tr("联系人电话"))
        other = QGroupBox(self.tr("其他"))
        form = self._form(other)
        blood = QWidget()
        row = QHBoxLayout(blood)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("ABO"))
        row.addWidget(self._code_combo("blood_abo"), 1)
        row.addWidget(QLabel("RH"))
        row.addWidget(self._code_combo("blood_rh"), 1)
        box = QWidget()
        rows = QVBoxLayout(box)
        rows.setContentsMargins(0, 0, 0, 0)
        rows.setSpacing(2)
        rows.addWidget(blood)
        rows.addWidget(self._register("blood_abo", self.combos["blood_abo"]))
        rows.addWidget(self._register("blood_rh", self.combos["blood_rh"]))
        form.addRow(self.tr("血型"), box)
        self._combo(form, "education", self.tr("文化程度"))
        self._combo(form, "occupation", self.tr("职业"))
        self._combo(form, "marital_status", self.tr("婚姻状况"))
        self._picker(form, "payment_methods", self.tr("医疗费用\n支付方式"), columns=2)
        hint = QLabel(self.tr("最多选 3 项"))
        hint.setProperty("role", "hint")
        form.addRow("", hint)
        environment = QGroupBox(self.tr("生活环境（农村地区填写）"))
        env_grid = QGridLayout(environment)
        labels = (
            self.tr("厨房排风设施"),
            self.tr("燃料类型"),
            self.tr("饮水"),
            self.tr("厕所"),
            self.tr("禽畜栏"),
        )
        for i, (key, text) in enumerate(zip(ENVIRONMENT, labels, strict=True)):
            combo = self._code_combo(key)
            error = self._register(key, combo)
            env_grid.addWidget(QLabel(text), (i // 3) * 2, (i % 3) * 2)
            env_grid.addWidget(stacked(combo, error), (i // 3) * 2, (i % 3) * 2 + 1)
        left = QVBoxLayout()
        left.addWidget(identity)
        left.addWidget(contact)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(other)
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addWidget(environment, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)
        return page

    def _history_tab(self) -> QWidget:
        page = QWidget()
        page.setObjectName("history")
        outer = QVBoxLayout(page)
        exposure = QGroupBox(self.tr("过敏与暴露"))
        form = self._form(exposure)
        self._picker(form, "drug_allergies", self.tr("药物过敏史"), columns=5)
        self._picker(form, "exposures", self.tr("暴露史"), columns=4)
        outer.addWidget(exposure)

        past = QGroupBox(self.tr("既往史"))
        form = self._form(past)
        titles = {
            "disease": self.tr("疾病"),
            "surgery": self.tr("手术"),
            "trauma": self.tr("外伤"),
            "transfusion": self.tr("输血"),
        }
        self.history: dict[str, HistoryList] = {}
        for kind in HISTORY_KINDS:
            status_key = HISTORY_STATUS_FIELD[kind]
            combo = self._code_combo(status_key)
            combo.setMaximumWidth(160)
            rows = HistoryList(kind)
            rows.changed.connect(functools.partial(self._changed, "history"))
            rows.add_button.clicked.connect(functools.partial(self._history_added, status_key))
            self.history[kind] = rows
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(4)
            box.addWidget(combo)
            box.addWidget(self._register(status_key, combo))
            box.addWidget(rows)
            form.addRow(titles[kind], cell)
        self.errors["history"] = ErrorLabel()
        self.errors["history"].setObjectName("error_history")
        form.addRow("", self.errors["history"])
        hint = QLabel(
            self.tr("疾病须经一级及以上医院确诊；恶性肿瘤写明部位，职业病写明名称。最多填写 6 项疾病。")
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        form.addRow("", hint)
        outer.addWidget(past)

        family = QGroupBox(self.tr("家族史与遗传病史"))
        form = self._form(family)
        self.family = FamilyHistory()
        self.family.changed.connect(functools.partial(self._changed, "family_history"))
        self._field(form, "family_history", self.tr("家族史"), self.family)
        self._combo(form, "hereditary_status", self.tr("遗传病史"))
        self._line(form, "hereditary_name", self.tr("遗传病名称"))
        outer.addWidget(family)

        disability = QGroupBox(self.tr("残疾情况"))
        form = self._form(disability)
        self._picker(form, "disabilities", self.tr("残疾情况"), columns=4)
        outer.addWidget(disability)
        outer.addStretch(1)
        return page

    # ------------------------------------------------------------------ values
    def _new_draft(self) -> ResidentDraft:
        user = self.services.user
        doctor = user.id if user is not None and user.role == "doctor" else None
        return ResidentDraft(filing_date=self.services.ctx.today().isoformat(), doctor_id=doctor)

    def _load(self, d: ResidentDraft) -> None:
        for key, edit in self.edits.items():
            edit.setText(str(getattr(d, key)))
        for key, combo in self.combos.items():
            combo.set_value(getattr(d, key))
        self.street.select(d.street_id)
        self._street_changed()
        self.committee.select(d.committee_id)
        self.doctor.select(d.doctor_id)
        for key, picker in self.pickers.items():
            other_field = MULTI_CODES[key][1]
            picker.set_value(getattr(d, key), getattr(d, other_field) if other_field else "")
        if self.clinical:
            for item in d.history:
                if item.kind in self.history:
                    self.history[item.kind].add(item)
            self.family.set_value(d.family_history, d.family_history_other)

    def draft(self) -> ResidentDraft:
        """The form as a draft; fields this user cannot see keep the file's values."""
        values: dict[str, Any] = {key: edit.text() for key, edit in self.edits.items()}
        values.update({key: combo.value() for key, combo in self.combos.items()})
        for key, picker in self.pickers.items():
            values[key] = picker.value()
            other_field = MULTI_CODES[key][1]
            if other_field:
                values[other_field] = picker.other_text()
        values["street_id"] = self.street.currentData()
        values["committee_id"] = self.committee.currentData()
        values["doctor_id"] = self.doctor.currentData()
        if self.clinical:
            values["history"] = tuple(item for rows in self.history.values() for item in rows.items())
            values["family_history"] = self.family.value()
            values["family_history_other"] = self.family.other.text()
        base = self.file.draft if self.file else ResidentDraft()
        return replace(base, **values)

    def is_dirty(self) -> bool:
        return self.draft() != self._initial

    # ------------------------------------------------------------------ reactions
    def _street_changed(self) -> None:
        current = self.committee.currentData()
        self.committee.blockSignals(True)
        self.committee.clear()
        street = self.street.currentData()
        self.committee.addItem(self.tr("（请选择居委会）") if street else self.tr("（请先选择街道）"), None)
        if street:
            for c in self.services.sites.list("committee", street):
                self.committee.add_choice(
                    f"{c.code} {c.name}", c.id, (c.code or "", (c.code or "").lstrip("0"))
                )
        self.committee.select(current)
        self.committee.blockSignals(False)
        self._changed("committee_id")

    def _history_added(self, status_key: str) -> None:
        """A line added under 手术 (or 疾病…) means 有: tick it, as one would on paper."""
        self.combos[status_key].set_value(HAS_HISTORY)

    def _id_number_changed(self, text: str) -> None:
        if self._loading:
            return
        facts = self.services.residents.id_number_facts(text) if len(text.strip()) in (15, 18) else None
        if facts is not None:
            birth, sex = facts
            if self.edits["birth_date"].text() != birth:
                self.edits["birth_date"].setText(birth)
            if self.combos["sex"].value() != sex:
                self.combos["sex"].set_value(sex)

    def _changed(self, key: str, *_args: object) -> None:
        if self._loading:
            return
        self._touched.add(key)
        if key in HISTORY_STATUS_FIELD.values() or key == "history":
            self._touched.update({"history", *HISTORY_STATUS_FIELD.values()})
        if key == "id_number":
            self._touched.update({"birth_date", "sex"})
        self._check_timer.start()

    def check(self) -> dict[str, str]:
        """Ask the service what is wrong with the form now, and say it next to each field."""
        self._check_timer.stop()
        errors = self.services.residents.check(self.draft())
        self.show_errors(errors)
        return errors

    def show_errors(self, errors: dict[str, str]) -> None:
        placed: dict[str, str] = {}
        unplaced: list[str] = []
        for key, text in errors.items():
            at = ERROR_AT.get(key, key)
            if at in self.errors:
                placed[at] = f"{placed[at]}；{text}" if at in placed else text
            else:
                unplaced.append(text)
        visible = {k: v for k, v in placed.items() if self._show_all or k in self._touched}
        for key, label in self.errors.items():
            label.show_message(visible.get(key))
            widget = self.inputs.get(key)
            if isinstance(widget, QLineEdit | QComboBox):
                set_invalid(widget, key in visible)
        hidden = len(placed) - len(visible)
        if self._show_all and errors:
            text = self.tr("有 %n 处需要修改", "", len(errors))
            if unplaced:
                text += "：" + "；".join(unplaced)
            self.summary.setText(text)
        else:
            self.summary.setText("；".join(unplaced) if unplaced and not hidden else "")

    def _focus_first_error(self, errors: dict[str, str]) -> None:
        keys = [ERROR_AT.get(k, k) for k in errors]
        order = list(self.inputs)  # the order the fields were built in: the form's order
        for key in sorted((k for k in keys if k in self.inputs), key=order.index):
            widget = self.inputs[key]
            self._show_tab_of(widget)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if "history" in keys:
            self._show_tab_of(self.errors["history"])

    def _show_tab_of(self, widget: QWidget) -> None:
        for i in range(self.tabs.count()):
            page = self.tabs.widget(i)
            if page is not None and page.isAncestorOf(widget):
                self.tabs.setCurrentIndex(i)
                return

    def _show_heading(self) -> None:
        f = self.file
        if f is None:
            self.heading.setText(self.tr("新建居民健康档案"))
            return
        d = f.draft
        sex = codes.SEX.label_or(d.sex, "")
        status = codes.RESIDENT_STATUS.label(f.status)
        self.heading.setText(
            self.tr("%1　%2　%3 岁　　%4　　%5")
            .replace("%1", d.name)
            .replace("%2", sex)
            .replace("%3", str(f.age))
            .replace("%4", f.record_no_formatted)
            .replace("%5", status)
        )

    def _clinical_read_only(self) -> None:
        for key in CLINICAL_FIELDS:
            if key in self.combos:
                self.combos[key].setEnabled(False)
            elif key in self.pickers:
                self.pickers[key].set_read_only(True)
            elif key in self.edits:
                self.edits[key].setReadOnly(True)
        for rows in self.history.values():
            rows.set_read_only(True)
        self.family.set_read_only(True)

    def _read_only(self) -> None:
        for edit in self.edits.values():
            edit.setReadOnly(True)
        for combo in (*self.combos.values(), self.street, self.committee, self.doctor):
            combo.setEnabled(False)
        for picker in self.pickers.values():
            picker.set_read_only(True)
        if self.clinical:
            for rows in self.history.values():
                rows.set_read_only(True)
            self.family.set_read_only(True)
        self.save_button.hide()
        self.cancel_button.setText(self.tr("关闭"))

    def _file_changed(self) -> None:
        """A household, key-population or status change went through: show the file as it is now."""
        assert self.resident_id is not None
        self.file = self.services.residents.get(self.resident_id, audit=False)
        for tab in self.file_tabs:
            tab.show_file(self.file)
        self._show_heading()
        self.changed.emit(self.resident_id)

    # ------------------------------------------------------------------ keyboard
    def _focus_chain(self, page: QWidget) -> list[QWidget]:
        chain: list[QWidget] = []
        widget = page.nextInFocusChain()
        while widget is not page and widget is not None and len(chain) < 2000:
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.focusProxy() is None
            ):
                chain.append(widget)
            widget = widget.nextInFocusChain()
        return chain

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab from the last field of a tab goes on to the first field of the next tab (and back)."""
        current = self.focusWidget()
        page = self.tabs.currentWidget()
        if current is not None and page is not None and page.isAncestorOf(current):
            chain = self._focus_chain(page)
            edge = (chain[-1] if next else chain[0]) if chain else None
            if edge is not None and (edge is current or edge.isAncestorOf(current)):
                step = 1 if next else -1
                i = self.tabs.currentIndex() + step
                while 0 <= i < self.tabs.count() and not self.tabs.isTabEnabled(i):
                    i += step
                following = self.tabs.widget(i) if 0 <= i < self.tabs.count() else None
                if following is not None:
                    self.tabs.setCurrentIndex(i)
                    target = self._focus_chain(following)
                    if target:
                        (target[0] if next else target[-1]).setFocus(
                            Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
                        )
                        return True
        return super().focusNextPrevChild(next)

    # ------------------------------------------------------------------ saving
    def _save_clicked(self) -> None:
        self.save()

    def save(self, not_duplicate_of: tuple[uuid.UUID, ...] = ()) -> bool:
        """建档 or 保存. Returns True when the file was written (the dialog then closes)."""
        if not self.writable:
            return False
        self._show_all = True
        draft = self.draft()
        errors = self.check()
        if errors:
            self._focus_first_error(errors)
            return False
        try:
            if self.resident_id is None:
                saved = self.services.residents.file(draft, not_duplicate_of=not_duplicate_of)
            else:
                saved = self.services.residents.update(self.resident_id, draft)
        except ValidationFailed as exc:
            self.show_errors(exc.errors)
            self._focus_first_error(exc.errors)
            return False
        except DuplicateSuspected as exc:
            return self._duplicates(exc)
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return False
        self.saved_file = saved
        self._initial = draft
        self.saved.emit(saved.id)
        self.accept()
        return True

    def _duplicates(self, exc: DuplicateSuspected) -> bool:
        dialog = DuplicateDialog(exc, self)
        result = dialog.exec()
        if result == DuplicateDialog.OPEN_EXISTING and dialog.chosen is not None:
            self._initial = self.draft()  # nothing to ask about: the user chose the existing file
            self.open_instead.emit(dialog.chosen)
            super().reject()
            return False
        if result == DuplicateDialog.FILE_ANYWAY:
            return self.save(tuple(c.row.id for c in exc.candidates))
        return False

    def reject(self) -> None:
        if (
            self.writable
            and self.is_dirty()
            and not ask_discard(self, self.tr("有未保存的修改。放弃这些修改吗？"))
        ):
            return
        super().reject()
