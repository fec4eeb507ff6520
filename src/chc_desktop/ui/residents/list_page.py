"""The resident list: filters on top, the lazily fetched table below."""

from __future__ import annotations

import threading
import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import codes
from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.residents import Filters
from chc_desktop.ui.residents.import_dialog import ImportDialog
from chc_desktop.ui.residents.models import ADDRESS_COLUMN, COLUMNS, ResidentListModel
from chc_desktop.ui.widgets import SearchableCombo, ask_xlsx_path
from chc_desktop.ui.workers import Progress, run_with_progress


class ResidentTable(QTableView):
    """The list itself. Enter opens the current resident, as a double click does."""

    open_requested = Signal(object)  # resident id

    def __init__(self, model: ResidentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("residents")
        self.setModel(model)
        self.list_model = model
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: no per-row measuring
        vertical.setDefaultSectionSize(28)
        vertical.hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        for column, spec in enumerate(COLUMNS):
            self.setColumnWidth(column, spec.width)
        header.setSectionResizeMode(ADDRESS_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(model.sort_column, model.sort_order)
        header.sortIndicatorChanged.connect(self._sort_requested)
        header.setSectionsClickable(True)
        self.doubleClicked.connect(lambda index: self._open(index.row()))

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        model = self.list_model
        if model.sortable(column):
            model.sort(column, order)
            self.scrollToTop()  # a new order starts at its beginning
        else:  # 街道 and 居委会: use the filters instead; put the indicator back
            header = self.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(model.sort_column, model.sort_order)
            header.blockSignals(False)

    def _open(self, row: int) -> None:
        rid = self.list_model.resident_id(row)
        if rid is not None:
            self.open_requested.emit(rid)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class ResidentListPage(QWidget):
    """居民: who is filed here, narrowed by street, committee, key population and file status."""

    open_resident = Signal(object)  # resident id
    new_resident = Signal()
    imported = Signal()  # residents came in from a spreadsheet (the workbench counts again)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.model = ResidentListModel(services.residents, self)

        self.street = SearchableCombo()
        self.street.setObjectName("filter_street")
        self.street.addItem(self.tr("全部街道"), None)
        for st in services.sites.list("street"):
            self.street.add_choice(st.name, st.id)
        self.committee = SearchableCombo()
        self.committee.setObjectName("filter_committee")
        self.committee.addItem(self.tr("全部居委会"), None)
        self.key_population = SearchableCombo()
        self.key_population.setObjectName("filter_key_population")
        self.key_population.addItem(self.tr("全部人群"), None)
        for c in codes.KEY_POPULATION.codes:
            self.key_population.add_choice(c.label, c.code)
        self.status = SearchableCombo()
        self.status.setObjectName("filter_status")
        for c in codes.RESIDENT_STATUS.codes:
            self.status.add_choice(c.label, c.code)
        self.status.addItem(self.tr("全部状态"), None)

        self.count = QLabel()
        self.count.setObjectName("count")
        self.count.setProperty("role", "count")
        self.new_button = QPushButton(self.tr("新建档案"))
        self.new_button.setObjectName("new_resident")
        self.new_button.setToolTip(self.tr("新建居民健康档案（Ctrl+N）"))
        self.new_button.clicked.connect(self.new_resident)
        self.new_button.setVisible(services.ctx.can(Permission.RESIDENT_WRITE))
        self.import_button = QPushButton(self.tr("导入 Excel…"))
        self.import_button.setObjectName("import_residents")
        self.import_button.setToolTip(self.tr("从中心的 Excel 或 CSV 花名册导入居民"))
        self.import_button.clicked.connect(self.import_residents)
        self.import_button.setVisible(services.ctx.can(Permission.RESIDENT_WRITE))
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_button.setObjectName("export_residents")
        self.export_button.setToolTip(self.tr("把当前筛选出的居民列表导出为 Excel 文件"))
        self.export_button.clicked.connect(self.export_residents)
        self.import_dialog: ImportDialog | None = None

        top = QHBoxLayout()
        top.setSpacing(6)
        filters = (
            (self.tr("街道"), self.street),
            (self.tr("居委会"), self.committee),
            (self.tr("重点人群"), self.key_population),
            (self.tr("档案状态"), self.status),
        )
        for text, combo in filters:
            combo.setSizeAdjustPolicy(SearchableCombo.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(9)
            label = QLabel(text)
            label.setBuddy(combo)
            top.addWidget(label)
            top.addWidget(combo)
            top.addSpacing(8)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(self.export_button)
        top.addWidget(self.import_button)
        top.addWidget(self.new_button)

        self.table = ResidentTable(self.model, self)
        self.table.open_requested.connect(self.open_resident)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)

        self.street.currentIndexChanged.connect(self._street_changed)
        for combo in (self.committee, self.key_population, self.status):
            combo.currentIndexChanged.connect(self.apply_filters)
        self._show_count()

    def _street_changed(self) -> None:
        self.committee.blockSignals(True)
        self.committee.clear()
        self.committee.addItem(self.tr("全部居委会"), None)
        street = self.street.currentData()
        if street:
            for c in self.services.sites.list("committee", street):
                self.committee.add_choice(c.name, c.id, (c.code or "",))
        self.committee.blockSignals(False)
        self.apply_filters()

    def filters(self) -> Filters:
        return Filters(
            street_id=self.street.currentData(),
            committee_id=self.committee.currentData(),
            key_population=self.key_population.currentData(),
            status=self.status.currentData(),
        )

    def apply_filters(self) -> None:
        self.model.set_filters(self.filters())
        self.table.scrollToTop()
        self._show_count()

    def refresh(self, _changed: uuid.UUID | None = None) -> None:
        """Count and fetch again (after a resident was filed or changed), keeping the current row."""
        current = self.table.currentIndex().row()
        self.model.reload()
        self._show_count()
        if 0 <= current < self.model.rowCount():
            self.table.selectRow(current)

    def _imported(self, _report: object) -> None:
        self.refresh()
        self.imported.emit()

    def import_residents(self) -> ImportDialog:
        """Open the import dialog (window-modal); the list is refreshed after an import."""
        dialog = ImportDialog(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self._imported)
        self.import_dialog = dialog
        dialog.destroyed.connect(lambda: setattr(self, "import_dialog", None))
        dialog.open()
        return dialog

    def export_residents(self) -> None:
        """The list as filtered now, to an .xlsx file the user names (off the UI thread)."""
        path = ask_xlsx_path(self, self.tr("导出居民列表"), self.tr("居民列表"))
        if path is None:
            return
        filters = self.filters()
        exports = self.services.exports

        def work(progress: Progress, _cancelled: threading.Event) -> int:
            return exports.residents(path, filters, progress=progress)

        def done(count: int) -> None:
            QMessageBox.information(
                self,
                self.tr("导出居民列表"),
                self.tr("已导出 %1 名居民到 %2").replace("%1", str(count)).replace("%2", str(path)),
            )

        run_with_progress(self, self.tr("正在导出…"), work, done)

    def _show_count(self) -> None:
        self.count.setText(self.tr("共 %n 人", "", self.model.rowCount()))
