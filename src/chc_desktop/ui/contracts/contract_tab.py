"""The resident file's 签约 tab: the contract in force, every earlier one, and the actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.contracts import ContractInfo, renewal_start
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.residents import ResidentFile
from chc_desktop.ui.contracts.dialogs import HOUSEHOLD, SIGN, SWITCH, SignDialog, TerminateDialog, yuan
from chc_desktop.ui.printing.actions import PrintButton
from chc_desktop.ui.residents.file_tabs import FileTab, table_widget
from chc_desktop.ui.widgets import named_button


class ContractTab(FileTab):
    def __init__(self, services: Services, file: ResidentFile, parent: QWidget | None = None) -> None:
        super().__init__(services, file, parent)
        self.setObjectName("contract_tab")
        self.current: ContractInfo | None = None
        self.history: list[ContractInfo] = []
        self.now = QLabel()
        self.now.setObjectName("contract_now")
        self.now.setWordWrap(True)
        self.now.setTextFormat(Qt.TextFormat.PlainText)
        self.table = table_widget(
            [
                self.tr("状态"),
                self.tr("团队"),
                self.tr("签约医生"),
                self.tr("开始"),
                self.tr("结束"),
                self.tr("服务包"),
                self.tr("签约方式"),
                self.tr("结束原因"),
            ],
            "contract_history",
        )
        self.sign_button = named_button("sign", self.tr("签约…"), lambda: self._sign(SIGN))
        self.household_button = named_button(
            "sign_household", self.tr("家庭签约…"), lambda: self._sign(HOUSEHOLD)
        )
        self.renew_button = named_button("renew", self.tr("续约"), self._renew)
        self.switch_button = named_button("switch", self.tr("改签…"), lambda: self._sign(SWITCH))
        self.terminate_button = named_button("terminate", self.tr("解约…"), self._terminate)
        self.print_button = PrintButton(  # the contract in force
            services,
            "contract",
            lambda: self.current.id if self.current is not None else None,
            self,
            text=self.tr("打印协议"),
        )
        self.message = QLabel()
        self.message.setObjectName("contract_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for b in (
            self.sign_button,
            self.household_button,
            self.renew_button,
            self.switch_button,
            self.terminate_button,
        ):
            b.setAutoDefault(False)  # Enter in the editor saves the file; these act only when pressed
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.now)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(QLabel(self.tr("签约记录")))
        layout.addWidget(self.table, 1)
        self.show_file(file)

    def show_file(self, file: ResidentFile) -> None:
        super().show_file(file)
        self.current = self.services.contracts.current(file.id)
        self.history = self.services.contracts.history(file.id)
        c = self.current
        if c is None:
            self.now.setText(self.tr("当前未签约。"))
        else:
            hospitals = "、".join(h for h in (c.district_hospital, c.municipal_hospital) if h)
            text = (
                self.tr("已签约：%1（%2），%3 至 %4，服务包：%5，自付 %6 元")
                .replace("%1", c.team)
                .replace("%2", c.doctor)
                .replace("%3", c.start_date.isoformat())
                .replace("%4", c.end_date.isoformat())
                .replace("%5", "、".join(c.package_names))
                .replace("%6", yuan(c.self_pay_cents))
            )
            if hospitals:
                text += self.tr("；1+1+1：%1").replace("%1", hospitals)
            days = (c.end_date - self.services.ctx.today()).days
            if c.start_date > self.services.ctx.today():
                text += self.tr("（%1 起生效）").replace("%1", c.start_date.isoformat())
            elif days <= self.services.contracts.reminder_days():
                text += self.tr("（%1 天后到期，请提醒续约）").replace("%1", str(days))
            self.now.setText(text)
        self.table.setRowCount(len(self.history))
        for row, h in enumerate(self.history):
            ended = h.end_reason + (f"（{h.end_note}）" if h.end_note else "")
            for col, value in enumerate(
                (
                    h.status_label,
                    h.team,
                    h.doctor,
                    h.start_date.isoformat(),
                    (h.ended_on or h.end_date).isoformat(),
                    "、".join(h.package_names),
                    h.sign_method_label,
                    ended,
                )
            ):
                self.table.setItem(row, col, QTableWidgetItem(value))
        can = self.services.ctx.can(Permission.CONTRACT_WRITE) and file.status == "active"
        self.sign_button.setEnabled(can and c is None)
        self.household_button.setEnabled(can and file.household is not None)
        for b in (self.renew_button, self.switch_button, self.terminate_button):
            b.setEnabled(can and c is not None)
        self.print_button.refresh()

    def _sign(self, mode: str) -> None:
        dialog = SignDialog(self.services, self.file.id, mode, self.current, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if dialog.result_household is not None:
            done = dialog.result_household
            text = self.tr("已为家庭中 %1 人签约").replace("%1", str(len(done.signed)))
            if done.skipped:
                text += (
                    self.tr("；%1 人未签：%2")
                    .replace("%1", str(len(done.skipped)))
                    .replace("%2", "；".join(sorted({reason for _, reason in done.skipped})))
                )
            self.message.setText(text)
        else:
            self.message.setText(self.tr("已签约。") if mode == SIGN else self.tr("已改签。"))
        self.changed.emit()

    def _renew(self) -> None:
        c = self.current
        if c is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("续约"),
            self.tr("与%1续约一个周期（自 %2 起）？")
            .replace("%1", c.team)
            .replace("%2", renewal_start(c.end_date, self.services.ctx.today()).isoformat()),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            new = self.services.contracts.renew(c.id)
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("已续约至 %1。").replace("%1", new.end_date.isoformat()))
        self.changed.emit()

    def _terminate(self) -> None:
        if self.current is None:
            return
        dialog = TerminateDialog(self.services, self.current, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.message.setText(self.tr("已解约。"))
            self.changed.emit()
