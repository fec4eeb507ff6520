"""The 家庭病床 area: every bed of the centre narrowed by status, type and the responsible doctor or
nurse, with the policy warnings in red; the year's monthly figures as a table and a chart; and the
resident file's 家庭病床 tab (that resident's beds, every cycle, and the bed days per insurance year).
Enter or double-click on a row opens the bed's page."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import homebeds as rules
from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.homebeds import BedFilters, BedInfo
from chc_desktop.services.residents import ResidentFile
from chc_desktop.ui.homebeds.bed_page import BedPage
from chc_desktop.ui.homebeds.dialogs import ApplicationDialog
from chc_desktop.ui.homebeds.models import BedListModel, MonthlyModel
from chc_desktop.ui.homebeds.stats_chart import StatsChart
from chc_desktop.ui.records import OpeningTable, records_view
from chc_desktop.ui.residents.file_tabs import FileTab
from chc_desktop.ui.widgets import ErrorLabel, SearchableCombo, add_staff_choices, named_button, open_modeless

YEARS_BACK = 4  # the statistics offer this year and the four before


class BedTable(OpeningTable):
    """The beds: Enter or double-click opens the bed of the row."""

    def __init__(self, model: BedListModel, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.beds = model
        records_view(model, name, self)
        self.setAlternatingRowColors(True)

    def current_bed(self) -> BedInfo | None:
        index = self.currentIndex()
        return self.beds.item(index.row()) if index.isValid() else None

    def select_bed(self, bed_id: uuid.UUID | None) -> None:
        """Keep the same bed current across a reload (else the first row)."""
        row = self.beds.row_of(bed_id)
        if row >= 0 or self.beds.items:
            self.selectRow(max(row, 0))


class _PageHolder:
    """Opens the page of a bed window-modal without blocking, with ``_written`` called after each of
    its writes, and forgets the page when it closes; a bed that cannot be read is explained in
    ``message``."""

    page: BedPage | None = None  # the page open now (tests reach it here)
    services: Services
    message: ErrorLabel
    model: BedListModel
    table: BedTable

    def open_row(self, row: int) -> None:
        bed = self.model.item(row)
        if bed is not None:
            self.open_bed(bed.id)

    def _open_current(self) -> None:
        bed = self.table.current_bed()
        if bed is not None:
            self.open_bed(bed.id)

    def _written(self, bed_id: object) -> None:
        raise NotImplementedError

    def open_bed(self, bed_id: uuid.UUID) -> BedPage | None:
        try:
            page = BedPage(self.services, bed_id, self if isinstance(self, QWidget) else None)
        except ServiceError as exc:
            self.message.show_message(str(exc))
            return None
        self.message.show_message(None)
        self.page = page
        open_modeless(page, page.changed, self._written, lambda: self._forget(page))
        return page

    def _forget(self, page: BedPage) -> None:
        if self.page is page:
            self.page = None


class BedListPage(_PageHolder, QWidget):
    """家庭病床: the bed list with its filters, and the monthly statistics."""

    open_resident = Signal(object)  # resident id
    changed = Signal()  # a bed was written from this page

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bed_list_page")
        self.services = services

        title = QLabel(self.tr("家庭病床"))
        title.setProperty("role", "title")
        self.count = QLabel()
        self.count.setObjectName("bed_count")
        self.count.setProperty("role", "count")
        self.open_button = named_button("open_bed", self.tr("打开…"), self._open_current)
        self.open_resident_button = named_button(
            "open_resident", self.tr("打开居民档案"), self._open_resident
        )
        self.refresh_button = named_button("bed_refresh", self.tr("刷新"), self.refresh)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.count)
        head.addWidget(self.open_button)
        head.addWidget(self.open_resident_button)
        head.addWidget(self.refresh_button)

        self.status = self._combo("filter_status")
        for status, text in rules.STATUS_LABELS.items():
            self.status.add_choice(text, status.value)
        self.bed_type = self._combo("filter_bed_type")
        for code, text in rules.BED_TYPES.items():
            self.bed_type.add_choice(text, code, (code,))
        self.staff = self._combo("filter_staff")
        add_staff_choices(self.staff, services)
        filters = QHBoxLayout()
        filters.setSpacing(6)
        for caption, combo in (
            (self.tr("状态"), self.status),
            (self.tr("家床类型"), self.bed_type),
            (self.tr("责任人员"), self.staff),
        ):
            label = QLabel(caption)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(8)
        filters.addStretch(1)

        self.model = BedListModel(self)
        self.table = BedTable(self.model, "bed_list")
        self.table.row_opened.connect(self.open_row)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        self.message = ErrorLabel()
        self.message.setObjectName("bed_list_message")
        beds = QWidget()
        beds_layout = QVBoxLayout(beds)
        beds_layout.setContentsMargins(6, 6, 6, 6)
        beds_layout.addLayout(filters)
        beds_layout.addWidget(self.table, 1)
        hint = QLabel(self.tr("回车或双击打开家庭病床；“提示”一栏为医保政策提醒，鼠标悬停可见依据。"))
        hint.setProperty("role", "hint")
        beds_layout.addWidget(hint)

        # ---- 统计
        self.year = SearchableCombo()
        self.year.setObjectName("stats_year")
        this_year = services.ctx.today().year
        for year in range(this_year, this_year - YEARS_BACK - 1, -1):
            self.year.add_choice(self.tr("%1 年").replace("%1", str(year)), year, (str(year),))
        self.year.currentIndexChanged.connect(self.load_stats)
        self.monthly = MonthlyModel(self)
        self.monthly_view = records_view(self.monthly, "bed_monthly")
        self.monthly_view.setAlternatingRowColors(True)
        self.monthly_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.totals = QLabel()
        self.totals.setObjectName("stats_totals")
        self.totals.setProperty("role", "hint")
        self.chart = StatsChart()
        year_row = QHBoxLayout()
        year_label = QLabel(self.tr("年份"))
        year_label.setBuddy(self.year)
        year_row.addWidget(year_label)
        year_row.addWidget(self.year)
        year_row.addSpacing(12)
        year_row.addWidget(self.totals, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.monthly_view)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([420, 280])  # the twelve months without scrolling where the screen allows
        self.chart.setMinimumHeight(160)
        stats = QWidget()
        stats_layout = QVBoxLayout(stats)
        stats_layout.setContentsMargins(6, 6, 6, 6)
        stats_layout.addLayout(year_row)
        stats_layout.addWidget(split, 1)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("bed_tabs")
        self.tabs.addTab(beds, self.tr("病床"))
        self.tabs.addTab(stats, self.tr("统计"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        for combo in (self.status, self.bed_type, self.staff):
            combo.currentIndexChanged.connect(self.load_beds)
        self.refresh()

    def _combo(self, name: str) -> SearchableCombo:
        combo = SearchableCombo()
        combo.setObjectName(name)
        combo.addItem(self.tr("全部"), None)
        combo.setSizeAdjustPolicy(SearchableCombo.SizeAdjustPolicy.AdjustToContents)
        return combo

    # ------------------------------------------------------------------ loading
    def filters(self) -> BedFilters:
        return BedFilters(
            status=self.status.currentData(),
            bed_type=self.bed_type.currentData(),
            staff_id=self.staff.currentData(),
        )

    def refresh(self) -> None:
        """The bed list as filtered, and the statistics of the chosen year."""
        self.load_beds()
        self.load_stats()

    def load_beds(self) -> None:
        current = self.table.current_bed()
        try:
            beds = self.services.homebeds.beds(self.filters())
        except ServiceError as exc:
            self.model.set_items([])
            self.count.clear()
            self.message.show_message(str(exc))
            self._selection_changed()
            return
        self.message.show_message(None)
        self.model.set_items(beds)
        self.table.select_bed(current.id if current else None)
        self.count.setText(self.tr("共 %1 张").replace("%1", str(len(beds))))
        self._selection_changed()

    def load_stats(self) -> None:
        year = self.year.currentData()
        try:
            months = self.services.homebeds.monthly(int(year)) if year is not None else []
        except ServiceError as exc:
            months = []
            self.message.show_message(str(exc))
        self.monthly.set_items(months)
        self.chart.set_months(months)
        if months:
            self.totals.setText(
                self.tr("本年合计：新建床 %1 张，撤床 %2 张，床日 %3 天")
                .replace("%1", str(sum(m.opened for m in months)))
                .replace("%2", str(sum(m.discharged for m in months)))
                .replace("%3", str(sum(m.bed_days for m in months)))
            )
        else:
            self.totals.setText(self.tr("该年份尚无统计。"))

    def _selection_changed(self) -> None:
        chosen = self.table.current_bed() is not None
        self.open_button.setEnabled(chosen)
        self.open_resident_button.setEnabled(chosen)

    # ------------------------------------------------------------------ opening
    def _written(self, _bed_id: object) -> None:
        self.refresh()
        self.changed.emit()

    def _open_resident(self) -> None:
        bed = self.table.current_bed()
        if bed is not None:
            self.open_resident.emit(bed.resident_id)


class HomeBedTab(_PageHolder, FileTab):
    """The resident file's 家庭病床 tab: this resident's beds (every cycle), the bed days per insurance
    year, a new application and opening a bed."""

    def __init__(self, services: Services, file: ResidentFile, parent: QWidget | None = None) -> None:
        super().__init__(services, file, parent)
        self.setObjectName("homebed_tab")
        can = services.ctx.can
        self.readable = can(Permission.HOMEBED_READ)
        self.writable = can(Permission.HOMEBED_WRITE)
        self.dialog: ApplicationDialog | None = None
        self.summary = QLabel()
        self.summary.setObjectName("homebed_summary")
        self.summary.setWordWrap(True)
        self.days = QLabel()
        self.days.setObjectName("homebed_days")
        self.apply_button = named_button("apply_homebed", self.tr("申请家庭病床…"), self.apply)
        self.open_button = named_button("open_homebed", self.tr("打开…"), self._open_current)
        buttons = QHBoxLayout()
        for b in (self.apply_button, self.open_button):
            b.setAutoDefault(False)  # Enter in the editor saves the file; these act only when pressed
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.apply_button.setVisible(self.writable)
        self.model = BedListModel(self)
        self.table = BedTable(self.model, "resident_beds")
        for column in BedListModel.NAME_COLUMNS:
            self.table.setColumnHidden(column, True)
        self.table.row_opened.connect(self.open_row)
        self.message = ErrorLabel()
        self.message.setObjectName("homebed_message")
        self.notice = QLabel()
        self.notice.setObjectName("homebed_notice")
        self.notice.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.days)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.message)
        if not self.readable:
            for w in (self.days, self.table, self.open_button, self.apply_button):
                w.hide()
        self.show_file(file)

    def show_file(self, file: ResidentFile) -> None:
        super().show_file(file)
        if not self.readable:
            self.summary.setText(self.tr("您的角色无权查看家庭病床。"))
            return
        current = self.table.current_bed()
        try:
            beds = self.services.homebeds.beds(BedFilters(resident_id=file.id))
            by_year = self.services.homebeds.bed_days_by_year(file.id)
        except ServiceError as exc:
            self.model.set_items([])
            self.summary.clear()
            self.days.clear()
            self.message.show_message(str(exc))
            self.open_button.setEnabled(False)
            return
        self.model.set_items(beds)
        self.table.select_bed(current.id if current else None)
        self.summary.setText(
            self.tr("共 %1 个家庭病床周期。").replace("%1", str(len(beds)))
            if beds
            else self.tr("尚无家庭病床。")
        )
        self.days.setText(
            "；".join(
                self.tr("%1 医保年度 %2 天").replace("%1", str(year)).replace("%2", str(days))
                for year, days in sorted(by_year.items(), reverse=True)
            )
        )
        self.days.setVisible(bool(by_year))
        self.open_button.setEnabled(bool(beds))
        self.apply_button.setEnabled(self.writable and file.status == "active")

    def apply(self) -> ApplicationDialog:
        """The application form, window-modal; the tab shows the new bed once it is applied for."""
        dialog = ApplicationDialog(self.services, self.file.id, self.file.draft.name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        def finished(result: int) -> None:
            if self.dialog is dialog:
                self.dialog = None
            bed = dialog.result_bed
            if result == QDialog.DialogCode.Accepted and bed is not None:
                self.show_file(self.file)
                self.table.select_bed(bed.id)
                self.message.show_message(None)
                self.notice.setText(self.tr("已提交家庭病床申请，待社区卫生服务中心登记建床。"))
                self.changed.emit()

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def _written(self, _bed_id: object) -> None:
        self.show_file(self.file)
        self.changed.emit()
