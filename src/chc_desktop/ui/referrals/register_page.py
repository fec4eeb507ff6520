"""The referral register (转诊登记) with its filters and the monthly up/down counts, and the
resident file's 转诊 tab (the same table, that resident's rows). Enter or double-click on a row
opens the referral form; new referrals are started from the resident's tab."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import referrals as rules
from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.referrals import ReferralInfo, RegisterFilters
from chc_desktop.services.residents import ResidentFile
from chc_desktop.ui.records import OpeningTable, records_view
from chc_desktop.ui.referrals.editor import ReferralEditor
from chc_desktop.ui.referrals.models import MonthlyModel, RegisterModel, back_year_on_year
from chc_desktop.ui.residents.file_tabs import FileTab
from chc_desktop.ui.widgets import ErrorLabel, SearchableCombo, named_button, open_modeless

REGISTER_LIMIT = 500  # rows the register shows; the filters narrow it
NAME_COLUMNS = (3, 4, 5)  # 姓名, 性别, 年龄: the same on every row of one resident's tab


class RegisterTable(OpeningTable):
    """The register's rows: Enter or double-click opens the referral of the row."""

    def __init__(self, model: RegisterModel, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        records_view(model, name, self)
        self.setAlternatingRowColors(True)

    def current_item(self) -> ReferralInfo | None:
        model = self.model()
        index = self.currentIndex()
        return model.item(index.row()) if isinstance(model, RegisterModel) and index.isValid() else None

    def select_referral(self, referral_id: uuid.UUID | None) -> None:
        """Keep the same referral current across a reload (else the first row)."""
        model = self.model()
        assert isinstance(model, RegisterModel)
        rows = [i for i, r in enumerate(model.items) if r.id == referral_id]
        if rows or model.items:
            self.selectRow(rows[0] if rows else 0)


class _EditorHolder:
    """Opens the referral of a row of ``model`` (or a form it is given) window-modal without blocking,
    with ``_written`` called after each of its writes, and forgets the form when it closes (it is
    deleted then); a form that cannot be opened is explained in ``message``."""

    editor: ReferralEditor | None = None  # the form open now (tests reach it here)
    services: Services
    model: RegisterModel
    message: ErrorLabel

    def _written(self, referral_id: object) -> None:
        raise NotImplementedError

    def open_row(self, row: int) -> None:
        r = self.model.item(row)
        if r is None:
            return
        try:
            editor = ReferralEditor.open_referral(
                self.services, r.id, self if isinstance(self, QWidget) else None
            )
        except ServiceError as exc:
            self.message.show_message(str(exc))
            return
        self.message.show_message(None)
        self._show_editor(editor, self._written)

    def _show_editor(self, editor: ReferralEditor, written: Callable[[object], None]) -> None:
        self.editor = editor
        open_modeless(editor, editor.changed, written, lambda: self._forget(editor))

    def _forget(self, editor: ReferralEditor) -> None:
        if self.editor is editor:
            self.editor = None


class ReferralRegisterPage(_EditorHolder, QWidget):
    """转诊登记: every referral of the centre, narrowed by direction, status, site and month."""

    open_resident = Signal(object)  # resident id
    changed = Signal()  # a referral was written from this page

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referral_register_page")
        self.services = services

        title = QLabel(self.tr("转诊登记"))
        title.setProperty("role", "title")
        self.count = QLabel()
        self.count.setObjectName("referral_count")
        self.count.setProperty("role", "count")
        self.open_resident_button = named_button(
            "open_resident", self.tr("打开居民档案"), self._open_resident
        )
        self.refresh_button = named_button("referral_refresh", self.tr("刷新"), self.refresh)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.count)
        head.addWidget(self.open_resident_button)
        head.addWidget(self.refresh_button)

        self.direction = self._combo("filter_direction")
        for way, text in rules.DIRECTION_LABELS.items():
            self.direction.add_choice(text, way.value)
        self.status = self._combo("filter_status")
        for status, text in rules.STATUS_LABELS.items():
            self.status.add_choice(text, status.value)
        self.site = self._combo("filter_site")
        for kind in ("hospital", "centre"):
            for s in services.sites.list(kind):
                self.site.add_choice(s.name, s.id)
        self.site.setSizeAdjustPolicy(SearchableCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.site.setMinimumContentsLength(12)
        self.month = self._combo("filter_month")
        self.month.setSizeAdjustPolicy(SearchableCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.month.setMinimumContentsLength(7)  # YYYY-MM: the box keeps its width as months come
        filters = QHBoxLayout()
        filters.setSpacing(6)
        for caption, combo in (
            (self.tr("方向"), self.direction),
            (self.tr("状态"), self.status),
            (self.tr("机构"), self.site),
            (self.tr("发出月份"), self.month),
        ):
            label = QLabel(caption)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(8)
        filters.addStretch(1)

        self.model = RegisterModel(self)
        self.table = RegisterTable(self.model, "referral_register")
        self.table.row_opened.connect(self.open_row)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.monthly = MonthlyModel(self)
        self.monthly_view = records_view(self.monthly, "referral_monthly")
        columns = self.monthly_view.horizontalHeader()
        columns.setMinimumSectionSize(48)  # three narrow columns share the width
        columns.setStretchLastSection(False)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.monthly_view.setMinimumWidth(220)
        self.year_on_year = QLabel()
        self.year_on_year.setObjectName("referral_year_on_year")
        self.year_on_year.setProperty("role", "hint")
        self.year_on_year.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        monthly_caption = QLabel(self.tr("每月发出的转诊"))
        monthly_caption.setProperty("role", "hint")
        side_layout.addWidget(monthly_caption)
        side_layout.addWidget(self.monthly_view, 1)
        side_layout.addWidget(self.year_on_year)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 260])
        self.message = ErrorLabel()
        self.message.setObjectName("referral_register_message")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(head)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)
        for combo in (self.direction, self.status, self.site, self.month):
            combo.currentIndexChanged.connect(self.load_register)
        self.refresh()

    def _combo(self, name: str) -> SearchableCombo:
        combo = SearchableCombo()
        combo.setObjectName(name)
        combo.addItem(self.tr("全部"), None)
        combo.setSizeAdjustPolicy(SearchableCombo.SizeAdjustPolicy.AdjustToContents)
        return combo

    # ------------------------------------------------------------------ loading
    def filters(self) -> RegisterFilters:
        return RegisterFilters(
            direction=self.direction.currentData(),
            status=self.status.currentData(),
            site_id=self.site.currentData(),
            month=self.month.currentData(),
        )

    def refresh(self) -> None:
        """The monthly counts, the months to choose from, and the register as filtered."""
        try:
            counts = self.services.referrals.monthly()
        except ServiceError as exc:
            counts = []
            self.message.show_message(str(exc))
        self.monthly.set_items(list(reversed(counts)))
        self._show_year_on_year(counts)
        chosen = self.month.currentData()
        months = {c.month for c in counts} | {f"{self.services.ctx.today():%Y-%m}"}
        self.month.blockSignals(True)
        while self.month.count() > 1:
            self.month.removeItem(1)
        for m in sorted(months, reverse=True):
            self.month.add_choice(m, m)
        self.month.select(chosen)
        self.month.blockSignals(False)
        self.load_register()

    def load_register(self) -> None:
        current = self.table.current_item()
        try:
            rows = self.services.referrals.register(self.filters(), limit=REGISTER_LIMIT)
        except ServiceError as exc:
            self.model.set_items([])
            self.message.show_message(str(exc))
            self._selection_changed()
            return
        self.message.show_message(None)
        self.model.set_items(rows)
        self.table.select_referral(current.id if current else None)
        text = self.tr("共 %1 条").replace("%1", str(len(rows)))
        if len(rows) >= REGISTER_LIMIT:
            text = self.tr("最近 %1 条（请用筛选缩小范围）").replace("%1", str(len(rows)))
        self.count.setText(text)
        self._selection_changed()

    def _show_year_on_year(self, counts: list[rules.MonthCount]) -> None:
        yoy = back_year_on_year(counts, self.services.ctx.today())
        self.year_on_year.setVisible(yoy is not None)
        if yoy is None:
            self.year_on_year.clear()
            return
        months = self.tr("1月") if yoy.months == 1 else self.tr("1–%1月").replace("%1", str(yoy.months))
        self.year_on_year.setText(
            self.tr("回转（下转）较去年同期：%1 今年 %2 例，去年 %3 例，%4")
            .replace("%1", months)
            .replace("%2", str(yoy.this_year))
            .replace("%3", str(yoy.last_year))
            .replace("%4", f"{yoy.change_percent:+.1f}%")
        )

    def _selection_changed(self) -> None:
        self.open_resident_button.setEnabled(self.table.current_item() is not None)

    # ------------------------------------------------------------------ opening

    def _written(self, _referral_id: object) -> None:
        self.refresh()
        self.changed.emit()

    def _open_resident(self) -> None:
        r = self.table.current_item()
        if r is not None:
            self.open_resident.emit(r.resident_id)


class ReferralTab(_EditorHolder, FileTab):
    """The resident file's 转诊 tab: this resident's referrals, new ones and opening one."""

    def __init__(self, services: Services, file: ResidentFile, parent: QWidget | None = None) -> None:
        super().__init__(services, file, parent)
        self.setObjectName("referral_tab")
        self.summary = QLabel()
        self.summary.setObjectName("referral_summary")
        self.model = RegisterModel(self)
        self.table = RegisterTable(self.model, "resident_referrals")
        for column in NAME_COLUMNS:
            self.table.setColumnHidden(column, True)
        self.table.row_opened.connect(self.open_row)
        self.new_up = named_button(
            "new_referral_up", self.tr("新建转出…"), lambda: self.new_referral(rules.Direction.UP)
        )
        self.new_back = named_button(
            "new_referral_back", self.tr("新建回转…"), lambda: self.new_referral(rules.Direction.BACK)
        )
        self.open_button = named_button("open_referral", self.tr("打开…"), self._open_current)
        writable = services.ctx.can(Permission.REFERRAL_WRITE)
        buttons = QHBoxLayout()
        for b in (self.new_up, self.new_back, self.open_button):
            b.setAutoDefault(False)  # Enter in the editor saves the file; these act only when pressed
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.new_up.setVisible(writable)
        self.new_back.setVisible(writable)
        self.message = ErrorLabel()
        self.message.setObjectName("referral_tab_message")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.show_file(file)

    def show_file(self, file: ResidentFile) -> None:
        super().show_file(file)
        current = self.table.current_item()
        try:
            rows = self.services.referrals.register(
                RegisterFilters(resident_id=file.id), limit=REGISTER_LIMIT
            )
        except ServiceError as exc:
            self.model.set_items([])
            self.summary.setText("")
            self.message.show_message(str(exc))
            self.open_button.setEnabled(False)
            return
        self.model.set_items(rows)
        self.table.select_referral(current.id if current else None)
        self.summary.setText(
            self.tr("共 %1 次转诊。").replace("%1", str(len(rows))) if rows else self.tr("尚无转诊记录。")
        )
        self.open_button.setEnabled(bool(rows))

    def new_referral(self, direction: rules.Direction) -> None:
        try:
            editor = ReferralEditor.new(self.services, self.file.id, self, direction)
        except ServiceError as exc:
            self.message.show_message(str(exc))
            return
        self.message.show_message(None)
        self._show_editor(editor, self._written)

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.open_row(index.row())

    def _written(self, _referral_id: object) -> None:
        self.show_file(self.file)
        self.changed.emit()
