"""Locks the session after the idle minutes of the policy (security.idle_lock_minutes).

Every open window — an editor with unsaved typing included — is hidden, not closed, while locked:
nothing personal stays on screen and nothing typed is lost. Only the same user's password unlocks;
it is checked by the login service, so failures count towards the account lockout and are audited.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from chc_desktop.services.app import Services
from chc_desktop.services.errors import LoginFailed
from chc_desktop.ui.widgets import ErrorLabel

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class UnlockDialog(QDialog):
    """The lock screen: the user's name, a password field, unlock or quit. Esc does not close it."""

    def __init__(self, services: Services) -> None:
        super().__init__(None)
        self.services = services
        user = services.user
        assert user is not None
        self.setWindowTitle(self.tr("已锁定 — 社区卫生服务中心桌面工作站"))
        note = QLabel(
            self.tr("较长时间无操作，屏幕已锁定。%1，请输入密码解锁。").replace("%1", user.display_name)
        )
        note.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("unlock_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = ErrorLabel()
        self.message.setObjectName("unlock_message")
        buttons = QDialogButtonBox()
        unlock = buttons.addButton(self.tr("解锁"), QDialogButtonBox.ButtonRole.AcceptRole)
        unlock.setDefault(True)
        unlock.clicked.connect(self.try_unlock)
        leave = buttons.addButton(self.tr("退出程序"), QDialogButtonBox.ButtonRole.DestructiveRole)
        leave.clicked.connect(QApplication.quit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        for widget in (note, self.password, self.message, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(460)

    def try_unlock(self) -> None:
        user = self.services.user
        assert user is not None
        try:
            self.services.login(user.username, self.password.text())
        except LoginFailed as exc:
            self.message.show_message(str(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()

    def reject(self) -> None:  # Esc: stay locked
        self.password.setFocus()


class IdleLock(QObject):
    locked = Signal()
    unlocked = Signal()

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        minutes = int(services.settings.get("security.idle_lock_minutes"))
        self.timer = QTimer(self, singleShot=True, interval=minutes * 60_000)
        self.timer.timeout.connect(self.lock)
        self.dialog: UnlockDialog | None = None
        self._hidden: list[QWidget] = []
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.dialog is None and event.type() in ACTIVITY:
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.dialog is not None:
            return
        self._hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        for widget in self._hidden:
            widget.hide()
        self.dialog = UnlockDialog(self.services)
        self.dialog.accepted.connect(self._unlock)
        self.dialog.show()
        self.dialog.password.setFocus()
        self.locked.emit()

    def _unlock(self) -> None:
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None
        self.timer.start()
        self.unlocked.emit()
