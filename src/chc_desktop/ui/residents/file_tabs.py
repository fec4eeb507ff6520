"""The editor's tabs that act at once rather than on 保存: household (家庭), key populations (重点人群)
and the file's status (档案状态). Each asks the service, then shows the file as it now is."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import codes
from chc_desktop.domain.hospice import PLACES
from chc_desktop.domain.key_populations import MANUAL_GROUPS
from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.services.residents import ResidentFile
from chc_desktop.ui.residents.models import format_record_no
from chc_desktop.ui.widgets import CodeCombo, EnterLineEdit, ErrorLabel, SearchableCombo, stacked


def table_widget(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def date_edit(name: str, today: dt.date) -> QDateEdit:
    edit = QDateEdit(QDate(today.year, today.month, today.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMaximumDate(QDate(today.year, today.month, today.day))
    edit.setMaximumWidth(160)
    return edit


def left_aligned(button: QPushButton) -> QWidget:
    """A button at its natural width, on the left of a form row."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(button)
    row.addStretch(1)
    return box


def day_of(edit: QDateEdit) -> dt.date:
    day = edit.date().toPython()
    assert isinstance(day, dt.date)
    return day


class FileTab(QWidget):
    """Shared by the three tabs: the file shown, and running a service call with its message."""

    changed = Signal()  # the file changed in the database

    def __init__(self, services: Services, file: ResidentFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.file = file

    def show_file(self, file: ResidentFile) -> None:
        self.file = file

    def _run(self, error: ErrorLabel, call: Callable[..., Any], *args: Any) -> bool:
        try:
            call(*args)
        except ValidationFailed as exc:
            error.show_message("；".join(exc.errors.values()))
            return False
        except ServiceError as exc:
            error.show_message(str(exc))
            return False
        error.show_message(None)
        self.changed.emit()
        return True


class HouseholdTab(FileTab):
    """家庭: the members of this resident's household; start one with this resident as 户主, join the
    household of a resident found by search, or leave."""

    def __init__(self, services: Services, file: ResidentFile, parent: QWidget | None = None) -> None:
        super().__init__(services, file, parent)
        writable = services.ctx.can(Permission.RESIDENT_WRITE)
        self.summary = QLabel()
        self.summary.setObjectName("household_summary")
        self.summary.setWordWrap(True)
        self.members = table_widget(
            [self.tr("姓名"), self.tr("与户主关系"), self.tr("性别"), self.tr("年龄")], "household_members"
        )
        self.members.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.new_household = QPushButton(self.tr("新建家庭（本人为户主）"))
        self.new_household.setObjectName("new_household")
        self.new_household.clicked.connect(self._new_household)
        self.leave = QPushButton(self.tr("移出家庭"))
        self.leave.setObjectName("leave_household")
        self.leave.clicked.connect(self._leave)
        self.error = ErrorLabel()
        self.error.setObjectName("household_error")
        actions = QHBoxLayout()
        actions.addWidget(self.new_household)
        actions.addWidget(self.leave)
        actions.addStretch(1)

        join = QGroupBox(self.tr("加入其他居民的家庭"))
        self.find_edit = EnterLineEdit()
        self.find_edit.setObjectName("household_find")
        self.find_edit.setPlaceholderText(self.tr("输入家人的姓名、拼音首字母、身份证号或档案编号，回车查找"))
        self.find_edit.entered.connect(self._search)
        find_button = QPushButton(self.tr("查找"))
        find_button.setAutoDefault(False)
        find_button.clicked.connect(self._search)
        self.found = QListWidget()
        self.found.setObjectName("household_found")
        self.found.setMaximumHeight(130)
        self.relation = CodeCombo(codes.RELATION_TO_HEAD, empty=self.tr("（选择与户主关系）"))
        self.relation.setObjectName("relation")
        self.join_button = QPushButton(self.tr("加入所选居民的家庭"))
        self.join_button.setObjectName("join_household")
        self.join_button.clicked.connect(self._join)
        row = QHBoxLayout()
        row.addWidget(self.find_edit, 1)
        row.addWidget(find_button)
        row2 = QHBoxLayout()
        row2.addWidget(QLabel(self.tr("本人与户主的关系")))
        row2.addWidget(self.relation)
        row2.addWidget(self.join_button)
        row2.addStretch(1)
        box = QVBoxLayout(join)
        box.addLayout(row)
        box.addWidget(self.found)
        box.addLayout(row2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.members, 1)
        layout.addLayout(actions)
        layout.addWidget(join)
        for w in (self.new_household, self.leave, join):
            w.setVisible(writable)
        layout.addWidget(self.error)
        hint = QLabel(self.tr("家庭的修改立即生效，无需点击“保存”。"))
        hint.setProperty("role", "hint")
        layout.addWidget(hint)
        self.show_file(file)

    def show_file(self, file: ResidentFile) -> None:
        super().show_file(file)
        household = file.household
        members = household.members if household else []
        if household is None:
            self.summary.setText(self.tr("尚未加入任何家庭。"))
        else:
            self.summary.setText(
                self.tr("家庭住址：%1　　共 %2 人")
                .replace("%1", household.address or "—")
                .replace("%2", str(len(members)))
            )
        self.members.setRowCount(len(members))
        bold = QFont()
        bold.setBold(True)
        for i, m in enumerate(members):
            sex = codes.SEX.label_or(m.sex)
            for j, text in enumerate((m.name, m.relation_label, sex, str(m.age))):
                item = QTableWidgetItem(text)
                if m.resident_id == file.id:
                    item.setFont(bold)
                self.members.setItem(i, j, item)
        self.leave.setEnabled(household is not None)

    def _new_household(self) -> None:
        self._run(self.error, self.services.residents.join_household, self.file.id, "02", None)

    def _leave(self) -> None:
        self._run(self.error, self.services.residents.leave_household, self.file.id)

    def _search(self) -> None:
        self.found.clear()
        text = self.find_edit.text().strip()
        if not text:
            return
        try:
            rows = self.services.search.search(text, limit=20).rows
        except ServiceError as exc:
            self.error.show_message(str(exc))
            return
        for r in rows:
            if r.id == self.file.id:
                continue
            where = f"{r.committee}　{r.current_address or ''}"
            item = QListWidgetItem(f"{r.name}　{r.age}岁　{format_record_no(r.record_no)}　{where}")
            item.setData(Qt.ItemDataRole.UserRole, str(r.id))
            self.found.addItem(item)
        if self.found.count():
            self.found.setCurrentRow(0)
            self.error.show_message(None)
        else:
            self.error.show_message(self.tr("没有找到其他居民"))

    def _join(self) -> None:
        item = self.found.currentItem()
        if item is None:
            self.error.show_message(self.tr("请先查找并选择一位家人"))
            return
        other = uuid.UUID(item.data(Qt.ItemDataRole.UserRole))
        if self._run(
            self.error, self.services.residents.join_household, self.file.id, self.relation.value(), other
        ):
            self.found.clear()
            self.find_edit.clear()


class KeyPopulationTab(FileTab):
    """重点人群: what applies now and why (age, the file, a manual tag); add or end a manual tag."""

    SOURCES: ClassVar[dict[str, str]] = {
        "age": str(QT_TRANSLATE_NOOP("KeyPopulationTab", "按年龄")),
        "derived": str(QT_TRANSLATE_NOOP("KeyPopulationTab", "按档案（既往史、残疾）")),
        "manual": str(QT_TRANSLATE_NOOP("KeyPopulationTab", "人工标记")),
        "import": str(QT_TRANSLATE_NOOP("KeyPopulationTab", "导入")),
    }

    def __init__(self, services: Services, file: ResidentFile, parent: QWidget | None = None) -> None:
        super().__init__(services, file, parent)
        today = services.ctx.today()
        self.tags = table_widget(
            [self.tr("重点人群"), self.tr("依据"), self.tr("起始日期"), self.tr("备注")], "key_populations"
        )
        self.code = SearchableCombo()
        self.code.setObjectName("tag_code")
        self.code.setMaximumWidth(320)
        for c in codes.KEY_POPULATION.codes:
            if c.code in MANUAL_GROUPS:
                self.code.add_choice(c.label, c.code)
        self.since = date_edit("tag_since", today)
        self.note = QLineEdit()
        self.note.setObjectName("tag_note")
        self.note.setPlaceholderText(self.tr("依据，如低保证号、孕产妇建册日期"))
        self.add = QPushButton(self.tr("添加标记"))
        self.add.setObjectName("add_tag")
        self.add.clicked.connect(self._add)
        self.until = date_edit("tag_until", today)
        self.end = QPushButton(self.tr("结束所选标记"))
        self.end.setObjectName("end_tag")
        self.end.clicked.connect(self._end)
        self.error = ErrorLabel()
        self.error.setObjectName("tag_error")

        add_box = QGroupBox(self.tr("添加人工标记"))
        form = QFormLayout(add_box)
        form.addRow(self.tr("重点人群"), self.code)
        form.addRow(self.tr("起始日期"), self.since)
        form.addRow(self.tr("备注"), self.note)
        form.addRow("", left_aligned(self.add))
        end_box = QWidget()
        end_row = QHBoxLayout(end_box)
        end_row.setContentsMargins(0, 0, 0, 0)
        end_row.addWidget(QLabel(self.tr("结束日期")))
        end_row.addWidget(self.until)
        end_row.addWidget(self.end)
        end_row.addStretch(1)

        hint = QLabel(
            self.tr(
                "老年人、0–6岁儿童按出生日期自动判断；高血压、糖尿病、严重精神障碍、肺结核和残疾人"
                "按既往史和残疾情况自动判断，无需人工标记。"
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tags, 1)
        layout.addWidget(end_box)
        layout.addWidget(add_box)
        for w in (end_box, add_box):
            w.setVisible(services.ctx.can(Permission.KEY_POPULATION_WRITE))
        layout.addWidget(self.error)
        layout.addWidget(hint)
        self.show_file(file)

    def show_file(self, file: ResidentFile) -> None:
        super().show_file(file)
        tags = file.key_populations
        self.tags.setRowCount(len(tags))
        for i, t in enumerate(tags):
            source = self.SOURCES.get(t.source, t.source)
            cells = (t.label, self.tr(source), t.since.isoformat() if t.since else "", t.note or "")
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(
                    Qt.ItemDataRole.UserRole, str(t.id) if t.id and t.source in ("manual", "import") else ""
                )
                self.tags.setItem(i, j, item)

    def _add(self) -> None:
        if self._run(
            self.error,
            self.services.residents.tag,
            self.file.id,
            self.code.currentData(),
            day_of(self.since),
            self.note.text(),
        ):
            self.note.clear()

    def _end(self) -> None:
        row = self.tags.currentRow()
        item = self.tags.item(row, 0) if row >= 0 else None
        tag_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else ""
        if not tag_id:
            self.error.show_message(self.tr("请在上表中选择一条人工标记或导入的重点人群"))
            return
        self._run(self.error, self.services.residents.untag, uuid.UUID(tag_id), day_of(self.until))


class StatusTab(FileTab):
    """档案状态: 在册, 失访 (with the reason), 死亡 (date and cause), 迁出 (where to). A file is never
    deleted; a closed file can be reopened."""

    def __init__(self, services: Services, file: ResidentFile, parent: QWidget | None = None) -> None:
        super().__init__(services, file, parent)
        today = services.ctx.today()
        self.now = QLabel()
        self.now.setObjectName("status_now")
        self.now.setWordWrap(True)
        self.status = SearchableCombo()
        self.status.setObjectName("status")
        self.status.setMaximumWidth(240)
        for c in codes.RESIDENT_STATUS.codes:
            self.status.add_choice(c.label, c.code)
        self.date = date_edit("status_date", today)
        self.reason = QLineEdit()
        self.reason.setObjectName("status_reason")
        self.death_cause = QLineEdit()
        self.death_cause.setObjectName("death_cause")
        self.death_place = SearchableCombo()
        self.death_place.setObjectName("death_place")
        self.death_place.setMaximumWidth(240)
        self.death_place.add_choice(self.tr("（未记录）"), "")
        for code, label in PLACES.items():
            self.death_place.add_choice(label, code)
        self.moved_to = QLineEdit()
        self.moved_to.setObjectName("moved_to")
        self.moved_to.setPlaceholderText(self.tr("迁往的地址或机构，档案交接情况"))
        self.errors = {
            key: ErrorLabel()
            for key in (
                "status",
                "status_date",
                "status_reason",
                "death_cause",
                "death_place",
                "moved_to",
                "_",
            )
        }
        self.apply = QPushButton(self.tr("更新档案状态"))
        self.apply.setObjectName("apply_status")
        self.apply.clicked.connect(self.apply_status)
        self.form = QFormLayout()
        self.form.addRow(self.tr("当前状态"), self.now)
        self.form.addRow(self.tr("改为"), stacked(self.status, self.errors["status"]))
        self.form.addRow(self.tr("日期"), stacked(self.date, self.errors["status_date"]))
        self.form.addRow(self.tr("失访原因"), stacked(self.reason, self.errors["status_reason"]))
        self.form.addRow(self.tr("死亡原因"), stacked(self.death_cause, self.errors["death_cause"]))
        self.form.addRow(self.tr("死亡地点"), stacked(self.death_place, self.errors["death_place"]))
        self.form.addRow(self.tr("迁往何处"), stacked(self.moved_to, self.errors["moved_to"]))
        self.form.addRow("", left_aligned(self.apply))
        self.form.addRow("", self.errors["_"])
        note = QLabel(self.tr("健康档案不会被删除：失访、死亡、迁出的档案仍可查阅，也可恢复为在册。"))
        note.setProperty("role", "hint")
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(note)
        layout.addStretch(1)
        if not services.ctx.can(Permission.RESIDENT_STATUS):
            inputs = (self.status, self.date, self.reason, self.death_cause, self.death_place, self.moved_to)
            for w in (*inputs, self.apply):
                w.setEnabled(False)
        self.status.currentIndexChanged.connect(self._status_chosen)
        self.show_file(file)

    def show_file(self, file: ResidentFile) -> None:
        super().show_file(file)
        text = codes.RESIDENT_STATUS.label(file.status)
        details = [
            d
            for d in (
                file.status_date.isoformat() if file.status_date else "",
                file.status_reason or "",
                self.tr("死亡原因：") + file.death_cause if file.death_cause else "",
                self.tr("死亡地点：") + PLACES[file.death_place] if file.death_place in PLACES else "",
                self.tr("迁往：") + file.moved_to if file.moved_to else "",
            )
            if d
        ]
        self.now.setText(f"{text}（{'，'.join(details)}）" if details else text)
        self.status.select(file.status)
        self.death_place.select(file.death_place or "")
        self._status_chosen()

    def _status_chosen(self) -> None:
        chosen = self.status.currentData()
        self.form.setRowVisible(2, chosen != "active")
        self.form.setRowVisible(3, chosen == "lost")
        self.form.setRowVisible(4, chosen == "dead")
        self.form.setRowVisible(5, chosen == "dead")
        self.form.setRowVisible(6, chosen == "moved")

    def apply_status(self) -> None:
        for label in self.errors.values():
            label.show_message(None)
        chosen = self.status.currentData()
        try:
            self.services.residents.set_status(
                self.file.id,
                chosen,
                day_of(self.date),
                self.reason.text() if chosen == "lost" else "",
                self.death_cause.text() if chosen == "dead" else "",
                self.moved_to.text() if chosen == "moved" else "",
                self.death_place.currentData() if chosen == "dead" else "",
            )
        except ValidationFailed as exc:
            for key, text in exc.errors.items():
                self.errors.get(key, self.errors["_"]).show_message(text)
            return
        except ServiceError as exc:
            self.errors["_"].show_message(str(exc))
            return
        for edit in (self.reason, self.death_cause, self.moved_to):
            edit.clear()
        self.changed.emit()
