"""村（居）委会 under each street: the list, and 添加居委会 (001–099 居委会, 101–199 村委会, 901–999 其他)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.services.sites import SiteInfo
from chc_desktop.ui.widgets import ErrorLabel, SearchableCombo, stacked

Index = QModelIndex | QPersistentModelIndex
HEADERS = (
    QT_TRANSLATE_NOOP("CommitteeListModel", "代码"),
    QT_TRANSLATE_NOOP("CommitteeListModel", "名称"),
    QT_TRANSLATE_NOOP("CommitteeListModel", "类别"),
    QT_TRANSLATE_NOOP("CommitteeListModel", "档案编号前缀"),
)


def _field_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setContentsMargins(0, 6, 0, 0)  # level with the text of the field beside it
    return label


class CommitteeListModel(QAbstractTableModel):
    """The committees of one street."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.street: SiteInfo | None = None
        self.committees: list[SiteInfo] = []

    def set_street(self, street: SiteInfo | None) -> None:
        self.beginResetModel()
        self.street = street
        self.committees = self.services.sites.list("committee", street.id) if street else []
        self.endResetModel()

    def reload(self) -> None:
        self.set_street(self.street)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.committees)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        if not 0 <= index.row() < len(self.committees):
            return None
        c = self.committees[index.row()]
        code = c.code or ""
        if index.column() == 0:
            return code
        if index.column() == 1:
            return c.name
        if index.column() == 2:
            return c.committee_kind
        street = self.street.code if self.street and self.street.code else ""
        return f"{street[:6]}-{street[6:]}-{code}" if street else ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(HEADERS[section])) if 0 <= section < len(HEADERS) else None
        return None


class CommitteesPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.streets = services.sites.list("street")
        self.street = SearchableCombo()
        self.street.setObjectName("committee_street")
        for st in self.streets:
            self.street.add_choice(st.name, st.id)
        self.model = CommitteeListModel(services, self)
        self.table = QTableView()
        self.table.setObjectName("committees")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.count = QLabel()
        self.count.setProperty("role", "count")

        self.code = QLineEdit()
        self.code.setObjectName("committee_code")
        self.code.setPlaceholderText(self.tr("3 位，如 013"))
        self.code.setMaxLength(3)
        self.code.setMaximumWidth(120)
        self.name = QLineEdit()
        self.name.setObjectName("committee_name")
        self.name.setPlaceholderText(self.tr("如 仙霞第十三居委会"))
        self.errors = {"code": ErrorLabel(), "name": ErrorLabel(), "_": ErrorLabel()}
        self.add_button = QPushButton(self.tr("添加居委会"))
        self.add_button.setObjectName("add_committee")
        self.add_button.clicked.connect(self.add_committee)
        self.name.returnPressed.connect(self.add_committee)
        add_box = QGroupBox(self.tr("添加居委会"))
        row = QHBoxLayout(add_box)
        row.addWidget(_field_label(self.tr("代码")), 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(stacked(self.code, self.errors["code"]), 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(_field_label(self.tr("名称")), 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(stacked(self.name, self.errors["name"]), 1, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        hint = QLabel(
            self.tr(
                "代码 001–099 为居委会，101–199 为村委会，901–999 为其他组织；它是健康档案编号的第 10–12 位。"
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("街道")))
        top.addWidget(self.street)
        top.addStretch(1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(add_box)
        layout.addWidget(self.errors["_"])
        layout.addWidget(hint)
        self.street.currentIndexChanged.connect(self._street_changed)
        self._street_changed()

    def _street_changed(self) -> None:
        i = self.street.currentIndex()
        self.model.set_street(self.streets[i] if 0 <= i < len(self.streets) else None)
        self.count.setText(self.tr("共 %n 个", "", self.model.rowCount()))

    def add_committee(self) -> None:
        for label in self.errors.values():
            label.show_message(None)
        street = self.model.street
        if street is None:
            return
        try:
            self.services.sites.add_committee(street.id, self.code.text(), self.name.text())
        except ValidationFailed as exc:
            for key, text in exc.errors.items():
                self.errors.get(key, self.errors["_"]).show_message(text)
            return
        except ServiceError as exc:
            self.errors["_"].show_message(str(exc))
            return
        self.code.clear()
        self.name.clear()
        self._street_changed()
