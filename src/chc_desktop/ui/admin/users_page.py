"""Staff accounts: list, add (with role and site), reset a password, enable or disable."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
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
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.users import UserInfo
from chc_desktop.ui.widgets import (
    ErrorLabel,
    SearchableCombo,
    ok_cancel,
    show_refusal,
    stacked,
    with_hub_login,
)

Index = QModelIndex | QPersistentModelIndex
HEADERS = (
    QT_TRANSLATE_NOOP("UserListModel", "用户名"),
    QT_TRANSLATE_NOOP("UserListModel", "姓名"),
    QT_TRANSLATE_NOOP("UserListModel", "角色"),
    QT_TRANSLATE_NOOP("UserListModel", "所属机构"),
    QT_TRANSLATE_NOOP("UserListModel", "状态"),
)


class UserListModel(QAbstractTableModel):
    """Every account, active or not."""

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.users: list[UserInfo] = []
        self.sites: dict[uuid.UUID, str] = {}
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.users = self.services.users.list()
        self.sites = {s.id: s.name for s in self.services.sites.list("centre")}
        self.endResetModel()

    def user(self, row: int) -> UserInfo | None:
        return self.users[row] if 0 <= row < len(self.users) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        u = self.user(index.row()) if index.isValid() else None
        if u is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            site = self.sites.get(u.site_id, "") if u.site_id else ""
            active = self.tr("启用") if u.active else self.tr("已停用")
            return (u.username, u.display_name, u.role_label, site, active)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not u.active:
            return QBrush(QColor("#7b8794"))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(str(HEADERS[section])) if 0 <= section < len(HEADERS) else None
        return None


class _PasswordFields:
    """A password typed twice, with the messages under the fields."""

    def __init__(
        self, form: QFormLayout, label: str, repeat_label: str, errors: dict[str, ErrorLabel]
    ) -> None:
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        errors["password"] = ErrorLabel()
        errors["repeat"] = ErrorLabel()
        form.addRow(label, stacked(self.password, errors["password"]))
        form.addRow(repeat_label, stacked(self.repeat, errors["repeat"]))

    def matches(self) -> bool:
        return self.password.text() == self.repeat.text()


class AddUserDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("添加用户"))
        self.errors: dict[str, ErrorLabel] = {}
        form = QFormLayout()
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.username.setPlaceholderText(self.tr("小写字母、数字和 . _ -"))
        self.display_name = QLineEdit()
        self.display_name.setObjectName("display_name")
        self.role = SearchableCombo()
        self.role.setObjectName("role")
        for role in Role:
            self.role.add_choice(ROLE_LABELS[role], role.value, (role.value,))
        self.site = SearchableCombo()
        self.site.setObjectName("site")
        self.site.addItem(self.tr("（不指定）"), None)
        for s in services.sites.list("centre"):
            self.site.add_choice(s.name, s.id)
        me = services.user
        if me is not None and me.site_id is not None:
            self.site.select(me.site_id)
        for key, label, widget in (
            ("username", self.tr("用户名"), self.username),
            ("display_name", self.tr("姓名"), self.display_name),
            ("role", self.tr("角色"), self.role),
            ("site_id", self.tr("所属机构"), self.site),
        ):
            self.errors[key] = ErrorLabel()
            form.addRow(label, stacked(widget, self.errors[key]))
        self.passwords = _PasswordFields(form, self.tr("初始密码"), self.tr("再次输入密码"), self.errors)
        hint = QLabel(self.tr("密码至少 8 位，需同时包含字母和数字。请当面告知本人，并提醒其登录后修改。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.message = ErrorLabel()
        buttons = ok_cancel(self, self.tr("添加"), self.tr("取消"), self.add)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.added: UserInfo | None = None

    def add(self) -> None:
        for label in self.errors.values():
            label.show_message(None)
        self.message.show_message(None)
        if not self.passwords.matches():
            self.errors["repeat"].show_message(self.tr("两次输入的密码不一致"))
            return
        try:
            self.added = with_hub_login(
                self,
                self.services,
                lambda: self.services.users.add(
                    self.username.text(),
                    self.display_name.text(),
                    str(self.role.currentData()),
                    self.passwords.password.text(),
                    self.site.currentData(),
                ),
            )
        except ServiceError as exc:  # ValidationFailed included: messages under their fields
            show_refusal(exc, self.errors, self.message)
            return
        self.accept()


class ResetPasswordDialog(QDialog):
    def __init__(self, services: Services, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = user
        self.setWindowTitle(self.tr("重设密码"))
        self.errors: dict[str, ErrorLabel] = {}
        form = QFormLayout()
        form.addRow(self.tr("用户"), QLabel(f"{user.display_name}（{user.username}）"))
        self.passwords = _PasswordFields(form, self.tr("新密码"), self.tr("再次输入密码"), self.errors)
        self.message = ErrorLabel()
        buttons = ok_cancel(self, self.tr("重设"), self.tr("取消"), self.apply)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def apply(self) -> None:
        for label in self.errors.values():
            label.show_message(None)
        if not self.passwords.matches():
            self.errors["repeat"].show_message(self.tr("两次输入的密码不一致"))
            return
        try:
            with_hub_login(
                self,
                self.services,
                lambda: self.services.users.set_password(self.user.id, self.passwords.password.text()),
            )
        except ServiceError as exc:  # ValidationFailed included: messages under their fields
            show_refusal(exc, self.errors, self.message)
            return
        self.accept()


class UsersPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.model = UserListModel(services, self)
        self.table = QTableView()
        self.table.setObjectName("users")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(self.tr("添加用户…"))
        self.add_button.setObjectName("add_user")
        self.add_button.clicked.connect(self.add_user)
        self.reset_button = QPushButton(self.tr("重设密码…"))
        self.reset_button.setObjectName("reset_password")
        self.reset_button.clicked.connect(self.reset_password)
        self.toggle_button = QPushButton(self.tr("停用"))
        self.toggle_button.setObjectName("toggle_active")
        self.toggle_button.clicked.connect(self.toggle_active)
        self.message = ErrorLabel()
        row = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.toggle_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self.table.selectionModel().currentRowChanged.connect(self._selection_changed)
        self._selection_changed()

    def selected(self) -> UserInfo | None:
        return self.model.user(self.table.currentIndex().row())

    def _selection_changed(self, *_args: object) -> None:
        user = self.selected()
        self.reset_button.setEnabled(user is not None)
        self.toggle_button.setEnabled(user is not None)
        self.toggle_button.setText(
            self.tr("启用") if user is not None and not user.active else self.tr("停用")
        )

    def _reload(self, select: uuid.UUID | None = None) -> None:
        self.model.reload()
        for row, u in enumerate(self.model.users):
            if u.id == select:
                self.table.selectRow(row)
        self._selection_changed()

    def add_user(self) -> None:
        dialog = AddUserDialog(self.services, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.added is not None:
            self._reload(dialog.added.id)

    def reset_password(self) -> None:
        user = self.selected()
        if (
            user is not None
            and ResetPasswordDialog(self.services, user, self).exec() == QDialog.DialogCode.Accepted
        ):
            self.message.show_message(None)
            QMessageBox.information(
                self, self.tr("重设密码"), self.tr("已重设 %1 的密码。").replace("%1", user.display_name)
            )

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            with_hub_login(
                self, self.services, lambda: self.services.users.set_active(user.id, not user.active)
            )
        except ServiceError as exc:
            self.message.show_message(str(exc))
            return
        self.message.show_message(None)
        self._reload(user.id)
