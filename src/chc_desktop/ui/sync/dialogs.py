"""Resolving a conflict (both values side by side, with who and when) and enrolling at a hub."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.sync import ConflictItem, EnrolResult
from chc_desktop.sync import credentials
from chc_desktop.ui.sync.models import field_label, shown, when
from chc_desktop.ui.widgets import ErrorLabel, ok_cancel
from chc_desktop.ui.workers import run_in_background, run_with_progress


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


class EnrolDialog(QDialog):
    """Enrol this workstation at the centre's hub server with a one-time code from the
    administrator, checking the server's certificate fingerprint against the one read at the hub."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrol_dialog")
        self.services = services
        self.setWindowTitle(self.tr("登记到中心"))
        current = services.sync.hub_url() or ""
        self.url = QLineEdit(current if current.startswith("https://") else "")
        self.url.setObjectName("hub_url")
        self.url.setPlaceholderText("https://10.0.0.5:8443")
        self.fingerprint = QLineEdit()
        self.fingerprint.setObjectName("hub_fingerprint")
        self.fingerprint.setPlaceholderText(self.tr("管理员提供的 SHA-256 指纹，如 3A:7F:…"))
        self.read_button = QPushButton(self.tr("从服务器读取"))
        self.read_button.setObjectName("read_fingerprint")
        self.read_button.clicked.connect(self.read_fingerprint)
        pin = QHBoxLayout()
        pin.addWidget(self.fingerprint, 1)
        pin.addWidget(self.read_button)
        self.code = QLineEdit()
        self.code.setObjectName("enrol_code")
        self.code.setPlaceholderText("ABCD-EFGH-JKLM-NPQR")
        self.name = QLineEdit()
        self.name.setObjectName("device_name")
        self.name.setPlaceholderText(self.tr("如“仙霞中心 一楼挂号”"))
        form = QFormLayout()
        form.addRow(self.tr("中心地址"), self.url)
        form.addRow(self.tr("证书指纹"), pin)
        form.addRow(self.tr("登记码"), self.code)
        form.addRow(self.tr("工作站名称"), self.name)
        note = QLabel(
            self.tr(
                "登记码由管理员在中心发放，只能使用一次。读取的指纹必须与管理员提供的逐位一致，"
                "否则连接的可能不是本中心的服务器。"
            )
            + ("" if credentials.keyring_available() else "\n" + credentials.NO_KEYRING)
        )
        note.setWordWrap(True)
        self.error = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("登记"), self.tr("取消"), self.apply))
        self.setMinimumWidth(560)  # the fingerprint's 95 characters, readable at a glance
        self.result_text = ""

    def read_fingerprint(self) -> None:
        url = self.url.text().strip()
        self.read_button.setEnabled(False)

        def done(fp: object) -> None:
            self.read_button.setEnabled(True)
            self.fingerprint.setText(str(fp))
            self.error.show_message(self.tr("已读取服务器证书指纹，请与管理员提供的逐位核对。"))

        def failed(message: str) -> None:
            self.read_button.setEnabled(True)
            self.error.show_message(message)

        run_in_background(lambda: self.services.sync.server_fingerprint(url), done, failed)

    def apply(self) -> None:
        url, code = self.url.text().strip(), self.code.text().strip()
        if not url or not code:
            self.error.show_message(self.tr("请填写中心地址和登记码"))
            return
        fingerprint = self.fingerprint.text().strip() or None
        name = self.name.text().strip() or self.tr("工作站")

        def done(result: object) -> None:
            assert isinstance(result, EnrolResult)
            self.result_text = result.site_name
            if not result.kept_in_keyring:
                QMessageBox.information(
                    self,
                    self.tr("登记到中心"),
                    self.tr("本机没有系统钥匙串，凭据只显示这一次，请妥善保管：") + "\n" + result.credential,
                )
            self.accept()

        run_with_progress(
            self,
            self.tr("正在登记…"),
            lambda _p, _c: self.services.sync.enrol(url, code, fingerprint, name),
            done,
            lambda message: self.error.show_message(message),
        )
