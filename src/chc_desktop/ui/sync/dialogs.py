"""Resolving a conflict (both values side by side, with who and when) and joining a hub."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.sync import ConflictItem
from chc_desktop.sync import credentials
from chc_desktop.ui.sync.models import field_label, shown, when
from chc_desktop.ui.widgets import ErrorLabel, ok_cancel


class ConflictDialog(QDialog):
    """Two people changed one item of one record at two workstations: keep one, or type the result."""

    def __init__(self, services: Services, conflict: ConflictItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflict_dialog")
        self.services = services
        self.conflict = conflict
        self.setWindowTitle(self.tr("处理同步冲突"))
        title = QLabel(
            self.tr("%1 的“%2”在两台工作站上被改成了不同的值。请核实后选择保留哪一个，或填写正确的值。")
            .replace("%1", conflict.record)
            .replace("%2", field_label(conflict.field))
        )
        title.setWordWrap(True)
        title.setProperty("role", "title")
        grid = QGridLayout()
        self.choice = QButtonGroup(self)
        self.keep_winner = QRadioButton(self.tr("保留现用值"))
        self.keep_winner.setObjectName("keep_winner")
        self.keep_loser = QRadioButton(self.tr("改用另一值"))
        self.keep_loser.setObjectName("keep_loser")
        self.type_value = QRadioButton(self.tr("填写其他值"))
        self.type_value.setObjectName("type_value")
        sides = (
            (self.keep_winner, conflict.winner_value, conflict.winner_user, conflict.winner_at),
            (self.keep_loser, conflict.loser_value, conflict.loser_user, conflict.loser_at),
        )
        for column, (button, value, user, at) in enumerate(sides):
            self.choice.addButton(button)
            value_label = QLabel(shown(value))
            value_label.setObjectName("winner_value" if column == 0 else "loser_value")
            value_label.setProperty("role", "value")
            value_label.setWordWrap(True)
            grid.addWidget(button, 0, column)
            grid.addWidget(value_label, 1, column)
            grid.addWidget(
                QLabel(self.tr("%1 修改于 %2").replace("%1", user).replace("%2", when(at))), 2, column
            )
        self.choice.addButton(self.type_value)
        self.typed = QLineEdit()
        self.typed.setObjectName("typed_value")
        self.typed.setPlaceholderText(self.tr("正确的值"))
        self.typed.textEdited.connect(lambda _text: self.type_value.setChecked(True))
        self.keep_winner.setChecked(True)
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(grid)
        layout.addWidget(self.type_value)
        layout.addWidget(self.typed)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("确定"), self.tr("以后再说"), self.apply))

    def chosen_value(self) -> object:
        if self.keep_loser.isChecked():
            return self.conflict.loser_value
        if self.type_value.isChecked():
            return self.typed.text().strip() or None
        return self.conflict.winner_value

    def apply(self) -> None:
        if self.type_value.isChecked() and not self.typed.text().strip():
            self.error.show_message(self.tr("请填写正确的值，或选择保留其中一个值"))
            return
        try:
            self.services.sync.resolve(self.conflict.id, self.chosen_value())
        except ServiceError as exc:
            self.error.show_message(str(exc))
            return
        self.accept()


class JoinHubDialog(QDialog):
    """An administrator points this workstation at the hub it was enrolled with."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("join_hub_dialog")
        self.services = services
        self.setWindowTitle(self.tr("连接中心"))
        self.url = QLineEdit(services.sync.hub_url() or "")
        self.url.setObjectName("hub_url")
        self.url.setPlaceholderText("postgresql://chc_device@10.0.0.5/chc_hub")
        self.token = QLineEdit()
        self.token.setObjectName("hub_token")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("中心地址"), self.url)
        form.addRow(self.tr("工作站凭据"), self.token)
        note = QLabel(
            self.tr("凭据保存在系统钥匙串中。") if credentials.keyring_available() else credentials.NO_KEYRING
        )
        note.setWordWrap(True)
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("保存"), self.tr("取消"), self.apply))

    def apply(self) -> None:
        if not self.url.text().strip() or not self.token.text().strip():
            self.error.show_message(self.tr("请填写中心地址和工作站凭据"))
            return
        try:
            self.services.sync.join(self.url.text().strip(), self.token.text().strip())
        except ServiceError as exc:
            self.error.show_message(str(exc))
            return
        self.accept()
