"""Log in, or create the first administrator of a new database."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.services.app import Services
from chc_desktop.services.errors import LoginFailed, ServiceError, ValidationFailed
from chc_desktop.services.users import create_first_admin
from chc_desktop.ui.widgets import ErrorLabel, ok_cancel, stacked


def _title_label(text: str) -> QLabel:
    title = QLabel(text)
    title.setProperty("role", "title")
    return title


class LoginDialog(QDialog):
    """User name and password. In the demo profile the demo accounts are listed under the form."""

    def __init__(
        self,
        services: Services,
        demo_accounts: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
        demo_password: str = "demo1234",
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.logged_in: Services | None = None
        self.setWindowTitle(self.tr("登录 — 社区卫生服务中心桌面工作站"))
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = ErrorLabel()
        self.message.setObjectName("message")
        form = QFormLayout()
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        buttons = ok_cancel(self, self.tr("登录"), self.tr("退出"), self.try_login)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(_title_label(self.tr("社区卫生服务中心桌面工作站")))
        layout.addLayout(form)
        layout.addWidget(self.message)
        if demo_accounts:
            names = "\n".join(f"　{user}　{role}" for user, role in demo_accounts)
            hint = QLabel(
                self.tr("这是演示数据库，其中的居民均为虚构。演示账户（密码均为 %1）：").replace(
                    "%1", demo_password
                )
                + "\n"
                + names
            )
            hint.setObjectName("demo_hint")
            hint.setProperty("role", "hint")
            hint.setWordWrap(True)
            layout.addWidget(hint)
            self.username.setText("doctor")
            self.password.setFocus()
        else:
            self.username.setFocus()
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def try_login(self) -> None:
        try:
            self.logged_in = self.services.login(self.username.text(), self.password.text())
        except LoginFailed as exc:
            self.message.show_message(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class FirstAdminDialog(QDialog):
    """A new database has no accounts: its first administrator is created here."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("创建管理员账户"))
        intro = QLabel(
            self.tr(
                "这是一个新的数据库。请创建第一个管理员账户；之后由管理员为医生、护士和行政助手开设账户。"
            )
        )
        intro.setWordWrap(True)
        self.username = QLineEdit("admin")
        self.username.setObjectName("username")
        self.display_name = QLineEdit()
        self.display_name.setObjectName("display_name")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {key: ErrorLabel() for key in ("username", "display_name", "password", "repeat")}
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setProperty("role", "error")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("用户名"), stacked(self.username, self.errors["username"]))
        form.addRow(self.tr("姓名"), stacked(self.display_name, self.errors["display_name"]))
        form.addRow(self.tr("密码"), stacked(self.password, self.errors["password"]))
        form.addRow(self.tr("再次输入密码"), stacked(self.repeat, self.errors["repeat"]))
        hint = QLabel(self.tr("密码至少 8 位，需同时包含字母和数字。"))
        hint.setProperty("role", "hint")
        form.addRow("", hint)
        buttons = ok_cancel(self, self.tr("创建"), self.tr("退出"), self.create_admin)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(_title_label(self.tr("创建管理员账户")))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.display_name.setFocus()

    def create_admin(self) -> None:
        for label in self.errors.values():
            label.show_message(None)
        self.message.clear()
        if self.password.text() != self.repeat.text():
            self.errors["repeat"].show_message(self.tr("两次输入的密码不一致"))
            self.repeat.setFocus()
            return
        try:
            create_first_admin(
                self.services.db, self.username.text(), self.display_name.text(), self.password.text()
            )
        except ValidationFailed as exc:
            for key, text in exc.errors.items():
                if key in self.errors:
                    self.errors[key].show_message(text)
                else:
                    self.message.setText(text)
            return
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.accept()
