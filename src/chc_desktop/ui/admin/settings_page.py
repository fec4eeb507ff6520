"""Policy parameters: each with its value, unit and source; edited in place and checked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.settings import SettingValue

Index = QModelIndex | QPersistentModelIndex


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return "，".join(str(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


class SettingsModel(QAbstractTableModel):
    HEADERS = ("设置项", "值", "单位", "默认值", "依据")

    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(parent)
        self.services = services
        self.values: list[SettingValue] = []
        self.last_error = ""
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.values = self.services.settings.all()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.values)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() == 1 else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.values):
            return None
        v = self.values[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            p = v.parameter
            return (p.label, _shown(v.value), p.unit, _shown(p.default), p.source)[index.column()]
        if role == Qt.ItemDataRole.FontRole and index.column() == 1 and not v.is_default:
            from PySide6.QtGui import QFont
            font = QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 1 or role != Qt.ItemDataRole.EditRole:
            return False
        key = self.values[index.row()].parameter.key
        try:
            self.services.settings.set(key, value)
        except ServiceError as exc:
            self.last_error = str(exc)
            return False
        self.last_error = ""
        self.values = self.services.settings.all()
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 5:
            return self.tr(self.HEADERS[section])
        return None


class SettingsPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SettingsModel(services, self)
        self.table = QTableView()
        self.table.setObjectName("settings")
        self.table.setModel(self.model)
        for column, width in enumerate((200, 240, 56, 240)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.message = QLabel()
        self.message.setProperty("role", "error")
        hint = QLabel(self.tr("双击“值”修改。加粗的值与默认值不同。修改会记入审计日志并同步到各工作站。"))
        hint.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.model.dataChanged.connect(lambda *_: self.message.setText(""))
        delegate = self.table.itemDelegate()
        delegate.closeEditor.connect(lambda *_: self.message.setText(self.model.last_error))
