"""Policy parameters: each with its value, unit, default and source; the value is edited in place and
checked by the service, which says what is wrong."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.settings import SettingValue
from chc_desktop.ui.widgets import ErrorLabel, with_hub_login

Index = QModelIndex | QPersistentModelIndex
HEADERS = (
    QT_TRANSLATE_NOOP("SettingsModel", "设置项"),
    QT_TRANSLATE_NOOP("SettingsModel", "值"),
    QT_TRANSLATE_NOOP("SettingsModel", "单位"),
    QT_TRANSLATE_NOOP("SettingsModel", "默认值"),
    QT_TRANSLATE_NOOP("SettingsModel", "依据"),
)
VALUE_COLUMN = 1


class SettingsModel(QAbstractTableModel):
    """One row per policy parameter. Only the value column is editable; a value that differs from the
    default is shown in bold."""

    refused = Signal(str)  # the service's message when a value was not accepted

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.values: list[SettingValue] = []
        self.last_error = ""
        # The page the password prompt opens over, when the hub asks for the administrator's password.
        self.parent_widget = parent if isinstance(parent, QWidget) else None
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.values = self.services.settings.all()
        self.endResetModel()

    def shown(self, value: Any) -> str:
        if isinstance(value, bool):
            return self.tr("是") if value else self.tr("否")
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.values)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == VALUE_COLUMN:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.values):
            return None
        v = self.values[index.row()]
        p = v.parameter
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (p.label, self.shown(v.value), p.unit, self.shown(p.default), p.source)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if p.minimum is None and p.maximum is None:
                return p.key
            low = "…" if p.minimum is None else str(p.minimum)
            high = "…" if p.maximum is None else str(p.maximum)
            return f"{p.key}（{low}–{high}）"
        if role == Qt.ItemDataRole.FontRole and index.column() == VALUE_COLUMN and not v.is_default:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != VALUE_COLUMN or role != Qt.ItemDataRole.EditRole:
            return False
        if not 0 <= index.row() < len(self.values):
            return False
        return self.set_value(index.row(), value)

    def set_value(self, row: int, value: Any) -> bool:
        key = self.values[row].parameter.key
        try:
            with_hub_login(self.parent_widget, self.services, lambda: self.services.settings.set(key, value))
        except ServiceError as exc:
            self.last_error = str(exc)
            self.refused.emit(self.last_error)
            return False
        self.last_error = ""
        self.values = self.services.settings.all()
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(HEADERS[section])) if 0 <= section < len(HEADERS) else None
        return None


class SettingsPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SettingsModel(services, self)
        self.table = QTableView()
        self.table.setObjectName("settings")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, width in enumerate((220, 170, 60, 170)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.message = ErrorLabel()
        self.message.setObjectName("settings_error")
        hint = QLabel(
            self.tr(
                "双击“值”或按 F2 修改。加粗的值与默认值不同。"
                "这些是各地可能不同的政策参数；修改会记入审计日志。"
            )
        )
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.default_button = QPushButton(self.tr("恢复默认值"))
        self.default_button.setObjectName("restore_default")
        self.default_button.clicked.connect(self.restore_default)
        row = QHBoxLayout()
        row.addWidget(hint, 1)
        row.addWidget(self.default_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.model.refused.connect(self.message.show_message)
        self.model.dataChanged.connect(lambda *_: self.message.show_message(None))

    def restore_default(self) -> None:
        row = self.table.currentIndex().row()
        if 0 <= row < self.model.rowCount():
            self.model.set_value(row, self.model.values[row].parameter.default)
