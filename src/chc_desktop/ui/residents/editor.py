"""The resident file editor: cover, basic information, history, household, key populations, status.

Every field is checked as the user types (services.residents.check) and the message stands next to
the field. Enter saves, Esc cancels (asking first if something changed). Everything is reachable
from the keyboard.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import codes
from chc_desktop.domain.key_populations import MANUAL_GROUPS
from chc_desktop.domain.resident import HISTORY_KINDS, HistoryItem, ResidentDraft
from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.services.residents import DuplicateSuspected, ResidentFile
from chc_desktop.ui.residents.fields import CodeCombo, ErrorLabel, MultiCodePicker, with_error

TEXT_FIELDS = ("name", "current_address", "registered_address", "phone", "id_number", "birth_date", "filing_date",
               "work_unit", "contact_name", "contact_phone", "ethnicity_name", "hereditary_name")
BASIC_CODES = ("sex", "residence_type", "ethnicity", "blood_abo", "blood_rh", "education", "occupation",
               "marital_status")
ENVIRONMENT_CODES = ("kitchen_exhaust", "fuel", "water", "toilet", "livestock")
STATUS_CODES = {"disease": "past_disease_status", "surgery": "surgery_status", "trauma": "trauma_status",
                "transfusion": "transfusion_status"}
CODE_LISTS = {
    "sex": codes.SEX, "residence_type": codes.RESIDENCE_TYPE, "ethnicity": codes.ETHNICITY,
    "blood_abo": codes.BLOOD_ABO, "blood_rh": codes.BLOOD_RH, "education": codes.EDUCATION,
    "occupation": codes.OCCUPATION, "marital_status": codes.MARITAL_STATUS, "kitchen_exhaust": codes.KITCHEN_EXHAUST,
    "fuel": codes.FUEL, "water": codes.WATER, "toilet": codes.TOILET, "livestock": codes.LIVESTOCK,
    "past_disease_status": codes.YES_NO_HISTORY, "surgery_status": codes.YES_NO_HISTORY,
    "trauma_status": codes.YES_NO_HISTORY, "transfusion_status": codes.YES_NO_HISTORY,
    "hereditary_status": codes.YES_NO_HISTORY,
}


def _key(value: uuid.UUID | None) -> str | None:
    """Combo boxes hold ids as text: Qt cannot compare Python UUID objects in findData."""
    return str(value) if value else None


def _uuid(value: object) -> uuid.UUID | None:
    return uuid.UUID(str(value)) if value else None


class HistoryRow(QWidget):
    """One 既往史 line: disease code (diseases only), name/site/reason, year and month."""

    changed = Signal()
    removed = Signal(object)

    def __init__(self, kind: str, item: HistoryItem | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.code: CodeCombo | None = None
        if kind == "disease":
            self.code = CodeCombo(codes.PAST_DISEASE, self, exclude=("1",))
            self.code.currentIndexChanged.connect(self.changed)
            layout.addWidget(self.code, 2)
        self.detail = QLineEdit(self)
        self.detail.setPlaceholderText(self.tr("名称/部位/原因"))
        self.detail.textChanged.connect(self.changed)
        layout.addWidget(self.detail, 3)
        self.year = QSpinBox(self)
        self.year.setRange(1899, dt.date.today().year)
        self.year.setSpecialValueText(self.tr("年份"))
        self.year.setSuffix(self.tr(" 年"))
        self.month = QSpinBox(self)
        self.month.setRange(0, 12)
        self.month.setSpecialValueText(self.tr("月份"))
        self.month.setSuffix(self.tr(" 月"))
        for spin in (self.year, self.month):
            spin.valueChanged.connect(self.changed)
            layout.addWidget(spin, 1)
        remove = QPushButton(self.tr("删除"), self)
        remove.clicked.connect(lambda: self.removed.emit(self))
        layout.addWidget(remove)
        if item:
            if self.code:
                self.code.set_value(item.code or "")
            self.detail.setText(item.detail or "")
            self.year.setValue(item.year or 1899)
            self.month.setValue(item.month or 0)
        else:
            self.year.setValue(1899)

    def item(self) -> HistoryItem:
        return HistoryItem(
            self.kind, self.code.value() if self.code else None, self.detail.text().strip() or None,
            self.year.value() if self.year.value() > 1899 else None, self.month.value() or None,
        )


class HistoryList(QWidget):
    changed = Signal()

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.rows: list[HistoryRow] = []
        self.add_button = QPushButton(self.tr("添加一条"), self)
        self.add_button.setObjectName(f"add_{kind}")
        self.add_button.clicked.connect(lambda: self.add())
        self.layout_.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def add(self, item: HistoryItem | None = None) -> HistoryRow:
        row = HistoryRow(self.kind, item, self)
        row.changed.connect(self.changed)
        row.removed.connect(self.remove)
        self.rows.append(row)
        self.layout_.insertWidget(len(self.rows) - 1, row)
        self.changed.emit()
        return row

    def remove(self, row: HistoryRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.changed.emit()

    def items(self) -> list[HistoryItem]:
        return [r.item() for r in self.rows]


class ResidentEditor(QDialog):
    """Files a new resident (resident_id None) or edits one."""

    saved = Signal(object)  # the resident id

    def __init__(self, services: Services, resident_id: uuid.UUID | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.resident_id = resident_id
        self.file: ResidentFile | None = services.residents.get(resident_id) if resident_id else None
        self.clinical = services.ctx.can(Permission.CLINICAL_READ)
        self.setWindowTitle(self.tr("新建居民健康档案") if resident_id is None else self.tr("居民健康档案"))
        self.resize(980, 720)
        self.edits: dict[str, QLineEdit] = {}
        self.combos: dict[str, CodeCombo] = {}
        self.pickers: dict[str, MultiCodePicker] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self._loading = True
        self._dirty = False
        self._check_timer = QTimer(self, singleShot=True, interval=150)
        self._check_timer.timeout.connect(self.check)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._scroll(self._cover_tab()), self.tr("封面"))
        self.tabs.addTab(self._scroll(self._basic_tab()), self.tr("基本信息"))
        if self.clinical:
            self.tabs.addTab(self._scroll(self._history_tab()), self.tr("既往史"))
        if self.file:
            self.tabs.addTab(self._household_tab(), self.tr("家庭"))
            self.tabs.addTab(self._key_population_tab(), self.tr("重点人群"))
            self.tabs.addTab(self._status_tab(), self.tr("档案状态"))

        self.summary = QLabel(self)
        self.summary.setProperty("role", "error")
        # Parented now: a default button only counts once its dialog is known (Enter saves).
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存（Enter）"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消（Esc）"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self._load(self.file.draft if self.file else ResidentDraft(
            street_id=None, filing_date=services.ctx.today().isoformat()))
        self._loading = False
        self.edits["name"].setFocus()

    # ------------------------------------------------------------------ building
    def _scroll(self, widget: QWidget) -> QScrollArea:
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setWidget(widget)
        return area

    def _field(self, form: QFormLayout, key: str, label: str, widget: QWidget) -> None:
        error = ErrorLabel()
        error.setObjectName(f"error_{key}")
        self.errors[key] = error
        form.addRow(label, with_error(widget, error))

    def _line(self, form: QFormLayout, key: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(key)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self._changed)
        self.edits[key] = edit
        self._field(form, key, label, edit)
        return edit

    def _combo(self, form: QFormLayout, key: str, label: str) -> CodeCombo:
        combo = CodeCombo(CODE_LISTS[key])
        combo.currentIndexChanged.connect(self._changed)
        self.combos[key] = combo
        self._field(form, key, label, combo)
        return combo

    def _picker(self, form: QFormLayout, key: str, label: str, code_list: codes.CodeList) -> MultiCodePicker:
        picker = MultiCodePicker(code_list)
        picker.changed.connect(self._changed)
        self.pickers[key] = picker
        self._field(form, key, label, picker)
        return picker

    def _cover_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        record = QLabel(self.file.record_no_formatted if self.file else self.tr("保存后自动分配"))
        record.setObjectName("record_no")
        record.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("编号"), record)
        self._line(form, "name", self.tr("姓名"))
        self._line(form, "current_address", self.tr("现住址"))
        self._line(form, "registered_address", self.tr("户籍地址"))
        self._line(form, "phone", self.tr("联系电话"), self.tr("手机 11 位，或固定电话"))
        self.street = QComboBox()
        self.street.setObjectName("street_id")
        self.street.addItem(self.tr("（请选择）"), None)
        for st in self.services.sites.list("street"):
            self.street.addItem(st.name, str(st.id))
        self.street.currentIndexChanged.connect(self._street_changed)
        self._field(form, "street_id", self.tr("乡镇（街道）名称"), self.street)
        self.committee = QComboBox()
        self.committee.setObjectName("committee_id")
        self.committee.currentIndexChanged.connect(self._changed)
        self._field(form, "committee_id", self.tr("村（居）委会名称"), self.committee)
        form.addRow(self.tr("建档单位"), QLabel(self.file.filing_site if self.file else self.tr("（本机构）")))
        form.addRow(self.tr("建档人"), QLabel(self.file.filed_by if self.file else (
            self.services.user.display_name if self.services.user else "")))
        self.doctor = QComboBox()
        self.doctor.setObjectName("doctor_id")
        self.doctor.addItem(self.tr("（未指定）"), None)
        for u in self.services.users.staff("doctor"):
            self.doctor.addItem(u.display_name, str(u.id))
        self.doctor.currentIndexChanged.connect(self._changed)
        self._field(form, "doctor_id", self.tr("责任医生"), self.doctor)
        self._line(form, "filing_date", self.tr("建档日期"), "2026-01-31")
        return page

    def _basic_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._line(form, "id_number", self.tr("身份证号"), self.tr("18 位，输入后自动填出生日期和性别"))
        self._combo(form, "sex", self.tr("性别"))
        self._line(form, "birth_date", self.tr("出生日期"), "1949-01-01")
        self._line(form, "work_unit", self.tr("工作单位"))
        self._line(form, "contact_name", self.tr("联系人姓名"))
        self._line(form, "contact_phone", self.tr("联系人电话"))
        for key, label in (("residence_type", self.tr("常住类型")), ("ethnicity", self.tr("民族"))):
            self._combo(form, key, label)
        self._line(form, "ethnicity_name", self.tr("少数民族名称"))
        for key, label in (("blood_abo", self.tr("血型（ABO）")), ("blood_rh", self.tr("血型（RH）")),
                           ("education", self.tr("文化程度")), ("occupation", self.tr("职业")),
                           ("marital_status", self.tr("婚姻状况"))):
            self._combo(form, key, label)
        self._picker(form, "payment_methods", self.tr("医疗费用支付方式（最多 3 项）"), codes.PAYMENT_METHOD)
        self.edits["id_number"].textChanged.connect(self._id_number_changed)
        return page

    def _history_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self._picker(form, "drug_allergies", self.tr("药物过敏史"), codes.DRUG_ALLERGY)
        self._picker(form, "exposures", self.tr("暴露史"), codes.EXPOSURE)
        self.history: dict[str, HistoryList] = {}
        labels = {"disease": self.tr("既往史：疾病"), "surgery": self.tr("既往史：手术"),
                  "trauma": self.tr("既往史：外伤"), "transfusion": self.tr("既往史：输血")}
        for kind in HISTORY_KINDS:
            self._combo(form, STATUS_CODES[kind], labels[kind])
            rows = HistoryList(kind)
            rows.changed.connect(self._changed)
            self.history[kind] = rows
            form.addRow("", rows)
        error = ErrorLabel()
        self.errors["history"] = error
        form.addRow("", error)
        self.family: dict[str, MultiCodePicker] = {}
        for rel in codes.FAMILY_RELATIVE.codes:
            picker = MultiCodePicker(codes.FAMILY_HISTORY_DISEASE.__class__(
                codes.FAMILY_HISTORY_DISEASE.key, codes.FAMILY_HISTORY_DISEASE.title,
                codes.FAMILY_HISTORY_DISEASE.codes, codes.FAMILY_HISTORY_DISEASE.max_choices), columns=6)
            picker.setObjectName(f"family_{rel.code}")
            picker.changed.connect(self._changed)
            self.family[rel.code] = picker
            form.addRow(self.tr("家族史：") + rel.label, picker)
        self.family_other = QLineEdit()
        self.family_other.setObjectName("family_history_other")
        self.family_other.textChanged.connect(self._changed)
        self._field(form, "family_history", self.tr("家族史：其他疾病名称"), self.family_other)
        self._combo(form, "hereditary_status", self.tr("遗传病史"))
        self._line(form, "hereditary_name", self.tr("遗传病名称"))
        self._picker(form, "disabilities", self.tr("残疾情况"), codes.DISABILITY)
        for key, label in (("kitchen_exhaust", self.tr("厨房排风设施")), ("fuel", self.tr("燃料类型")),
                           ("water", self.tr("饮水")), ("toilet", self.tr("厕所")), ("livestock", self.tr("禽畜栏"))):
            self._combo(form, key, label)
        return page

    def _household_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.members = QTableWidget(0, 4, page)
        self.members.setObjectName("household_members")
        self.members.setHorizontalHeaderLabels([self.tr("姓名"), self.tr("与户主关系"), self.tr("性别"), self.tr("年龄")])
        self.members.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.members)
        row = QHBoxLayout()
        self.relation = CodeCombo(codes.RELATION_TO_HEAD)
        self.relation.setObjectName("relation")
        self.join_with = QLineEdit()
        self.join_with.setObjectName("join_with")
        self.join_with.setPlaceholderText(self.tr("加入谁的家庭：输入其档案编号或身份证号"))
        new_household = QPushButton(self.tr("新建家庭（本人为户主）"))
        new_household.clicked.connect(self._new_household)
        join = QPushButton(self.tr("加入该居民的家庭"))
        join.clicked.connect(self._join_household)
        leave = QPushButton(self.tr("移出家庭"))
        leave.clicked.connect(self._leave_household)
        for w in (new_household, QLabel(self.tr("与户主关系")), self.relation, self.join_with, join, leave):
            row.addWidget(w)
        layout.addLayout(row)
        self._show_household()
        return page

    def _key_population_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.tags = QTableWidget(0, 4, page)
        self.tags.setObjectName("key_populations")
        self.tags.setHorizontalHeaderLabels([self.tr("重点人群"), self.tr("来源"), self.tr("起始日期"), self.tr("备注")])
        self.tags.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.tags.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        layout.addWidget(self.tags)
        row = QHBoxLayout()
        self.tag_code = QComboBox()
        self.tag_code.setObjectName("tag_code")
        for c in codes.KEY_POPULATION.codes:
            if c.code in MANUAL_GROUPS:
                self.tag_code.addItem(c.label, c.code)
        self.tag_since = QDateEdit(QDate.currentDate())
        self.tag_since.setCalendarPopup(True)
        self.tag_since.setDisplayFormat("yyyy-MM-dd")
        self.tag_note = QLineEdit()
        self.tag_note.setPlaceholderText(self.tr("依据，如低保证号、孕产妇建册"))
        add = QPushButton(self.tr("标记"))
        add.clicked.connect(self._add_tag)
        end = QPushButton(self.tr("结束所选标记"))
        end.clicked.connect(self._end_tag)
        for w in (self.tag_code, self.tag_since, self.tag_note, add, end):
            row.addWidget(w)
        layout.addLayout(row)
        hint = QLabel(self.tr("年龄类人群按出生日期自动判断；高血压、糖尿病、严重精神障碍、肺结核、残疾由档案自动判断。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self._show_tags()
        return page

    def _status_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        assert self.file is not None
        self.status_now = QLabel()
        form.addRow(self.tr("当前状态"), self.status_now)
        self.status = QComboBox()
        self.status.setObjectName("status")
        for c in codes.RESIDENT_STATUS.codes:
            self.status.addItem(c.label, c.code)
        self.status_date = QDateEdit(QDate.currentDate())
        self.status_date.setCalendarPopup(True)
        self.status_date.setDisplayFormat("yyyy-MM-dd")
        self.status_reason = QLineEdit()
        self.death_cause = QLineEdit()
        self.moved_to = QLineEdit()
        self.status_error = ErrorLabel()
        form.addRow(self.tr("改为"), self.status)
        form.addRow(self.tr("日期"), self.status_date)
        form.addRow(self.tr("原因（失访必填）"), self.status_reason)
        form.addRow(self.tr("死亡原因（死亡必填）"), self.death_cause)
        form.addRow(self.tr("迁往何处（迁出必填）"), self.moved_to)
        apply = QPushButton(self.tr("更新档案状态"))
        apply.setObjectName("apply_status")
        apply.clicked.connect(self._apply_status)
        form.addRow("", apply)
        form.addRow("", self.status_error)
        note = QLabel(self.tr("档案不会被删除：失访、死亡、迁出的档案仍可查阅，也可恢复为在册。"))
        note.setProperty("role", "hint")
        form.addRow("", note)
        self._show_status()
        return page

    # ------------------------------------------------------------------ values
    def _load(self, d: ResidentDraft) -> None:
        for key, edit in self.edits.items():
            edit.setText(str(getattr(d, key)))
        for key, combo in self.combos.items():
            combo.set_value(getattr(d, key))
        self.street.setCurrentIndex(max(0, self.street.findData(_key(d.street_id))))
        self._street_changed()
        self.committee.setCurrentIndex(max(0, self.committee.findData(_key(d.committee_id))))
        self.doctor.setCurrentIndex(max(0, self.doctor.findData(_key(d.doctor_id))))
        others = {"payment_methods": d.payment_other, "drug_allergies": d.drug_allergy_other,
                  "disabilities": d.disability_other, "exposures": ""}
        for key, picker in self.pickers.items():
            picker.set_value(getattr(d, key), others[key])
        if self.clinical:
            for item in d.history:
                self.history[item.kind].add(item)
            for rel, picker in self.family.items():
                picker.set_value(d.family_history.get(rel, ()))
            self.family_other.setText(d.family_history_other)

    def draft(self) -> ResidentDraft:
        values: dict[str, Any] = {key: edit.text() for key, edit in self.edits.items()}
        values.update({key: combo.value() for key, combo in self.combos.items()})
        values.update({key: picker.value() for key, picker in self.pickers.items()})
        values["payment_other"] = self.pickers["payment_methods"].other_text()
        values["street_id"] = _uuid(self.street.currentData())
        values["committee_id"] = _uuid(self.committee.currentData())
        values["doctor_id"] = _uuid(self.doctor.currentData())
        if self.clinical:
            values["drug_allergy_other"] = self.pickers["drug_allergies"].other_text()
            values["disability_other"] = self.pickers["disabilities"].other_text()
            values["history"] = tuple(item for rows in self.history.values() for item in rows.items())
            values["family_history"] = {rel: p.value() for rel, p in self.family.items() if p.value()}
            values["family_history_other"] = self.family_other.text()
        base = self.file.draft if self.file else ResidentDraft()
        return replace(base, **values)

    # ------------------------------------------------------------------ reactions
    def _street_changed(self) -> None:
        current = self.committee.currentData()
        self.committee.blockSignals(True)
        self.committee.clear()
        self.committee.addItem(self.tr("（请选择）"), None)
        street = _uuid(self.street.currentData())
        if street:
            for c in self.services.sites.list("committee", street):
                self.committee.addItem(f"{c.code} {c.name}", str(c.id))
        self.committee.setCurrentIndex(max(0, self.committee.findData(current)))
        self.committee.blockSignals(False)
        self._changed()

    def _id_number_changed(self, text: str) -> None:
        facts = self.services.residents.id_number_facts(text) if len(text.strip()) in (15, 18) else None
        if facts:
            birth, sex = facts
            self.edits["birth_date"].setText(birth)
            self.combos["sex"].set_value(sex)

    def _changed(self) -> None:
        if self._loading:
            return
        self._dirty = True
        self._check_timer.start()

    def check(self) -> dict[str, str]:
        errors = self.services.residents.check(self.draft())
        self.show_errors(errors)
        return errors

    def show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.show_message(errors.get(key))
        for key, widget in [*self.edits.items(), *self.combos.items()]:
            widget.setProperty("invalid", key in errors)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        unplaced = [m for k, m in errors.items() if k not in self.errors]
        self.summary.setText("；".join(unplaced) if unplaced else (
            self.tr("有 %n 处需要修改", "", len(errors)) if errors else ""))

    def _focus_first_error(self, errors: dict[str, str]) -> None:
        for key in errors:
            widget = self.edits.get(key) or self.combos.get(key) or self.pickers.get(key)
            if key in ("street_id", "committee_id", "doctor_id"):
                widget = {"street_id": self.street, "committee_id": self.committee, "doctor_id": self.doctor}[key]
            if widget is not None:
                page = widget
                while page is not None and self.tabs.indexOf(page) < 0:
                    page = page.parentWidget()
                if page is not None:
                    self.tabs.setCurrentWidget(page)
                widget.setFocus()
                return

    # ------------------------------------------------------------------ actions
    def save(self, not_duplicate_of: tuple[uuid.UUID, ...] = ()) -> bool:
        draft = self.draft()
        errors = self.services.residents.check(draft)
        if errors:
            self.show_errors(errors)
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
        self._dirty = False
        self.saved.emit(saved.id)
        self.accept()
        return True

    def _duplicates(self, exc: DuplicateSuspected) -> bool:
        dialog = DuplicateDialog(exc, self)
        result = dialog.exec()
        if result == DuplicateDialog.OPEN_EXISTING and dialog.chosen is not None:
            self._dirty = False
            self.saved.emit(dialog.chosen)
            self.done(DuplicateDialog.OPEN_EXISTING)
            return False
        if result == DuplicateDialog.FILE_ANYWAY:
            return self.save(tuple(c.row.id for c in exc.candidates))
        return False

    def reject(self) -> None:
        if self._dirty:
            answer = QMessageBox.question(self, self.windowTitle(), self.tr("有未保存的修改，确定放弃吗？"),
                                          QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                                          QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def _reload_file(self) -> None:
        assert self.resident_id is not None
        self.file = self.services.residents.get(self.resident_id, audit=False)

    def _act(self, fn: Any, *args: Any) -> bool:
        try:
            fn(*args)
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return False
        self._reload_file()
        return True

    def _show_household(self) -> None:
        assert self.file is not None
        members = self.file.household.members if self.file.household else []
        self.members.setRowCount(len(members))
        for i, m in enumerate(members):
            for j, text in enumerate((m.name, m.relation_label, codes.SEX.label(m.sex), str(m.age))):
                self.members.setItem(i, j, QTableWidgetItem(text))

    def _new_household(self) -> None:
        assert self.resident_id
        if self._act(self.services.residents.join_household, self.resident_id, "02", None):
            self._show_household()

    def _join_household(self) -> None:
        assert self.resident_id
        found = self.services.search.search(self.join_with.text(), limit=2).rows
        exact = [r for r in found if r.match in ("档案编号", "身份证号", "档案编号后8位")]
        if len(exact) != 1:
            QMessageBox.information(self, self.windowTitle(), self.tr("请输入对方完整的档案编号或身份证号"))
            return
        if self._act(self.services.residents.join_household, self.resident_id, self.relation.value(), exact[0].id):
            self._show_household()

    def _leave_household(self) -> None:
        assert self.resident_id
        if self._act(self.services.residents.leave_household, self.resident_id):
            self._show_household()

    def _show_tags(self) -> None:
        assert self.file is not None
        sources = {"age": self.tr("按年龄"), "derived": self.tr("按档案"), "manual": self.tr("人工标记"),
                   "import": self.tr("导入")}
        tags = self.file.key_populations
        self.tags.setRowCount(len(tags))
        for i, t in enumerate(tags):
            cells = (t.label, sources.get(t.source, t.source), t.since.isoformat() if t.since else "", t.note or "")
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(t.id) if t.id else "")
                self.tags.setItem(i, j, item)

    def _add_tag(self) -> None:
        assert self.resident_id
        since = self.tag_since.date().toPython()
        assert isinstance(since, dt.date)
        if self._act(self.services.residents.tag, self.resident_id, self.tag_code.currentData(), since,
                     self.tag_note.text()):
            self._show_tags()

    def _end_tag(self) -> None:
        row = self.tags.currentRow()
        item = self.tags.item(row, 0) if row >= 0 else None
        tag_id = item.data(Qt.ItemDataRole.UserRole) if item else ""
        if not tag_id:
            QMessageBox.information(self, self.windowTitle(), self.tr("请选择一条人工标记的重点人群"))
            return
        if self._act(self.services.residents.untag, uuid.UUID(tag_id), None):
            self._show_tags()

    def _show_status(self) -> None:
        assert self.file is not None
        f = self.file
        text = codes.RESIDENT_STATUS.label(f.status)
        if f.status_date:
            text += f"（{f.status_date.isoformat()}）"
        self.status_now.setText(text)
        self.status.setCurrentIndex(max(0, self.status.findData(f.status)))

    def _apply_status(self) -> None:
        assert self.resident_id
        on = self.status_date.date().toPython()
        assert isinstance(on, dt.date)
        try:
            self.services.residents.set_status(self.resident_id, self.status.currentData(), on,
                                               self.status_reason.text(), self.death_cause.text(),
                                               self.moved_to.text())
        except ValidationFailed as exc:
            self.status_error.show_message("；".join(exc.errors.values()))
            return
        except ServiceError as exc:
            self.status_error.show_message(str(exc))
            return
        self.status_error.show_message(None)
        self._reload_file()
        self._show_status()
        self.saved.emit(self.resident_id)


class DuplicateDialog(QDialog):
    """Likely already filed: show the files and offer to open one instead (or, when the match is
    only by name, to file anyway)."""

    OPEN_EXISTING = 10
    FILE_ANYWAY = 11

    def __init__(self, exc: DuplicateSuspected, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("可能已建档"))
        self.chosen: uuid.UUID | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(str(exc)))
        self.list = QListWidget(self)
        self.list.setObjectName("duplicates")
        for c in exc.candidates:
            r = c.row
            item = QListWidgetItem(f"{r.name}  {r.record_no or ''}  {r.birth_date}  {r.committee}  —  {c.reason}")
            item.setData(Qt.ItemDataRole.UserRole, str(r.id))
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(self)
        open_button = buttons.addButton(self.tr("打开已有档案"), QDialogButtonBox.ButtonRole.AcceptRole)
        open_button.setDefault(True)
        open_button.clicked.connect(self._open)
        if not exc.blocking:
            anyway = buttons.addButton(self.tr("不是同一人，继续建档"), QDialogButtonBox.ButtonRole.ActionRole)
            anyway.clicked.connect(lambda: self.done(self.FILE_ANYWAY))
        buttons.addButton(self.tr("返回修改"), QDialogButtonBox.ButtonRole.RejectRole).clicked.connect(self.reject)
        layout.addWidget(buttons)

    def _open(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = uuid.UUID(item.data(Qt.ItemDataRole.UserRole))
            self.done(self.OPEN_EXISTING)
