"""Staff accounts: list, add, reset a password, enable or disable."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.security.roles import ROLE_LABELS, Role
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.services.users import UserInfo

Index = QModelIndex | QPersistentModelIndex


class UserListModel(QAbstractTableModel):
    HEADERS = ("用户名", "姓名", "角色", "状态")

    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(parent)
        self.services = services
        self.users: list[UserInfo] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.users = self.services.users.list()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole or index.row() >= len(self.users):
            return None
        u = self.users[index.row()]
        active = self.tr("启用") if u.active else self.tr("停用")
        return (u.username, u.display_name, u.role_label, active)[index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 4:
            return self.tr(self.HEADERS[section])
        return None


class UsersPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.model = UserListModel(services, self)
        self.table = QTableView()
        self.table.setObjectName("users")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        toggle = QPushButton(self.tr("启用/停用所选用户"))
        toggle.clicked.connect(self.toggle_active)
        reset = QPushButton(self.tr("重设所选用户的密码"))
        reset.clicked.connect(self.reset_password)
        row = QHBoxLayout()
        row.addWidget(toggle)
        row.addWidget(reset)
        row.addStretch(1)

        box = QGroupBox(self.tr("添加用户"))
        form = QFormLayout(box)
        self.username = QLineEdit()
        self.username.setObjectName("new_username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("new_display_name")
        self.role = QComboBox()
        self.role.setObjectName("new_role")
        for role in Role:
            self.role.addItem(ROLE_LABELS[role], role.value)
        self.password = QLineEdit()
        self.password.setObjectName("new_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setProperty("role", "error")
        add = QPushButton(self.tr("添加"))
        add.setObjectName("add_user")
        add.clicked.connect(self.add_user)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("姓名"), self.display_name)
        form.addRow(self.tr("角色"), self.role)
        form.addRow(self.tr("初始密码"), self.password)
        form.addRow("", add)
        form.addRow("", self.message)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(box)

    def _selected(self) -> UserInfo | None:
        index = self.table.currentIndex()
        return self.model.users[index.row()] if index.isValid() else None

    def add_user(self) -> None:
        try:
            self.services.users.add(self.username.text(), self.display_name.text(), self.role.currentData(),
                                    self.password.text())
        except ValidationFailed as exc:
            self.message.setText("；".join(exc.errors.values()))
            return
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText("")
        for edit in (self.username, self.display_name, self.password):
            edit.clear()
        self.model.reload()

    def toggle_active(self) -> None:
        user = self._selected()
        if user is None:
            return
        try:
            self.services.users.set_active(user.id, not user.active)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("用户"), str(exc))
        self.model.reload()

    def reset_password(self) -> None:
        user = self._selected()
        if user is None:
            return
        password, ok = QInputDialog.getText(self, self.tr("重设密码"), self.tr("%1 的新密码：").replace(
            "%1", user.display_name), QLineEdit.EchoMode.Password)
        if not ok:
            return
        try:
            self.services.users.set_password(user.id, password)
        except ServiceError as exc:
            QMessageBox.warning(self, self.tr("重设密码"), str(exc))
