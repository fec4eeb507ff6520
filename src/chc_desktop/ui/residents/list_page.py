"""The resident list: filters on top, the lazily fetched table below."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from chc_desktop.domain import codes
from chc_desktop.services.app import Services
from chc_desktop.services.residents import Filters
from chc_desktop.ui.residents.models import ResidentListModel


class ResidentTable(QTableView):
    """Enter opens the current resident, like a double click."""

    open_requested = Signal(object)

    def __init__(self, model: ResidentListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.setSortingEnabled(True)
        self.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(26)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((170, 80, 50, 50, 96, 170, 120, 110, 130, 260, 60)):
            self.setColumnWidth(column, width)
        header.setSectionResizeMode(9, QHeaderView.ResizeMode.Stretch)  # 现住址 takes the spare width
        self.doubleClicked.connect(lambda index: self._open(index.row()))

    def _open(self, row: int) -> None:
        model = self.model()
        assert isinstance(model, ResidentListModel)
        rid = model.resident_id(row)
        if rid is not None:
            self.open_requested.emit(rid)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class ResidentListPage(QWidget):
    open_resident = Signal(object)
    new_resident = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.model = ResidentListModel(services.residents, self)
        self.street = QComboBox()
        self.street.setObjectName("filter_street")
        self.street.addItem(self.tr("全部街道"), None)
        for st in services.sites.list("street"):
            self.street.addItem(st.name, str(st.id))
        self.committee = QComboBox()
        self.committee.setObjectName("filter_committee")
        self.committee.addItem(self.tr("全部居委会"), None)
        self.key_population = QComboBox()
        self.key_population.setObjectName("filter_key_population")
        self.key_population.addItem(self.tr("全部人群"), None)
        for c in codes.KEY_POPULATION.codes:
            self.key_population.addItem(c.label, c.code)
        self.status = QComboBox()
        self.status.setObjectName("filter_status")
        for c in codes.RESIDENT_STATUS.codes:
            self.status.addItem(c.label, c.code)
        self.status.addItem(self.tr("全部状态"), None)
        self.count = QLabel()
        self.count.setObjectName("count")
        new_button = QPushButton(self.tr("新建档案（Ctrl+N）"))
        new_button.clicked.connect(self.new_resident)
        top = QHBoxLayout()
        for label, widget in ((self.tr("街道"), self.street), (self.tr("居委会"), self.committee),
                              (self.tr("重点人群"), self.key_population), (self.tr("状态"), self.status)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(new_button)
        self.table = ResidentTable(self.model, self)
        self.table.open_requested.connect(self.open_resident)
        layout = QVBoxLayout(self)
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
            for c in self.services.sites.list("committee", uuid.UUID(street)):
                self.committee.addItem(c.name, str(c.id))
        self.committee.blockSignals(False)
        self.apply_filters()

    def filters(self) -> Filters:
        street, committee = self.street.currentData(), self.committee.currentData()
        return Filters(street_id=uuid.UUID(street) if street else None,
                       committee_id=uuid.UUID(committee) if committee else None,
                       key_population=self.key_population.currentData(), status=self.status.currentData())

    def apply_filters(self) -> None:
        self.model.set_filters(self.filters())
        self._show_count()

    def refresh(self, _changed: uuid.UUID | None = None) -> None:
        self.model.reload()
        self._show_count()

    def _show_count(self) -> None:
        self.count.setText(self.tr("共 %n 人", "", self.model.rowCount()))
