"""The signing form (签约 / 家庭签约 / 改签) and the termination form (解约)."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import codes
from chc_desktop.domain.contracts import IMPORT_SIGN_METHOD
from chc_desktop.services.app import Services
from chc_desktop.services.contracts import ContractInfo, HouseholdSigned, SignRequest
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.teams import PackageInfo, TeamInfo
from chc_desktop.ui.residents.file_tabs import date_edit, day_of
from chc_desktop.ui.widgets import ErrorLabel, SearchableCombo, ok_cancel, show_refusal, stacked

SIGN, HOUSEHOLD, SWITCH = "sign", "household", "switch"


def yuan(cents: int) -> str:
    return f"{cents / 100:.2f}"


class SignDialog(QDialog):
    """签约 one resident, 家庭签约 the household, or 改签 to another team.

    The end date follows from the term setting and is shown as the start date changes; the fee is
    the chosen packages' sum with its split. Every refusal appears under its field."""

    def __init__(
        self,
        services: Services,
        resident_id: uuid.UUID,
        mode: str = SIGN,
        current: ContractInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sign_dialog")
        self.services = services
        self.resident_id = resident_id
        self.mode = mode
        self.current = current
        self.result_contract: ContractInfo | None = None
        self.result_household: HouseholdSigned | None = None
        titles = {SIGN: self.tr("家庭医生签约"), HOUSEHOLD: self.tr("家庭签约"), SWITCH: self.tr("改签")}
        self.setWindowTitle(titles[mode])
        today = services.ctx.today()
        self.teams: list[TeamInfo] = [
            t for t in services.teams.all() if not (mode == SWITCH and current and t.id == current.team_id)
        ]
        self.team = SearchableCombo()
        self.team.setObjectName("team_id")
        for t in self.teams:
            self.team.add_choice(f"{t.name}（{t.centre}）", t.id)
        self.doctor = SearchableCombo()
        self.doctor.setObjectName("doctor_id")
        self.start = date_edit("start_date", today)
        self.start.setMaximumDate(QDate(today.year + 1, today.month, min(today.day, 28)))
        self.end = QLabel()
        self.end.setObjectName("end_date")
        self.packages: list[tuple[PackageInfo, QCheckBox]] = []
        package_box = QWidget()
        package_layout = QVBoxLayout(package_box)
        package_layout.setContentsMargins(0, 0, 0, 0)
        for p in services.teams.packages():
            box = QCheckBox(
                self.tr("%1（%2元：补贴 %3，自付 %4）")
                .replace("%1", p.name)
                .replace("%2", yuan(p.fee_cents))
                .replace("%3", yuan(p.subsidy_cents))
                .replace("%4", yuan(p.self_pay_cents))
            )
            box.setObjectName(f"package_{p.code}")
            box.setToolTip("；".join(p.items) + (f"\n{self.tr('服务对象')}：{p.target}" if p.target else ""))
            box.setChecked(p.kind == "basic")
            box.toggled.connect(self._update_fee)
            package_layout.addWidget(box)
            self.packages.append((p, box))
        self.fee = QLabel()
        self.fee.setObjectName("fee")
        self.fee.setWordWrap(True)
        self.district = self._hospital_combo("district_hospital_id", "district")
        self.municipal = self._hospital_combo("municipal_hospital_id", "municipal")
        self.method = SearchableCombo()
        self.method.setObjectName("sign_method")
        for c in codes.SIGN_METHOD.codes:
            if c.code != IMPORT_SIGN_METHOD:  # only the spreadsheet import records that
                self.method.add_choice(c.label, c.code)
        self.method.select("self")
        keys = (
            "team_id",
            "doctor_id",
            "start_date",
            "packages",
            "district_hospital_id",
            "municipal_hospital_id",
            "sign_method",
            "_",
        )
        self.errors = {k: ErrorLabel() for k in keys}
        form = QFormLayout()
        form.addRow(self.tr("签约团队"), stacked(self.team, self.errors["team_id"]))
        form.addRow(self.tr("签约医生"), stacked(self.doctor, self.errors["doctor_id"]))
        start_label = self.tr("改签生效日期") if mode == SWITCH else self.tr("开始日期")
        form.addRow(start_label, stacked(self.start, self.errors["start_date"]))
        form.addRow(self.tr("结束日期"), self.end)
        form.addRow(self.tr("服务包"), stacked(package_box, self.errors["packages"]))
        form.addRow(self.tr("费用"), self.fee)
        form.addRow(self.tr("区级医院（1+1+1）"), stacked(self.district, self.errors["district_hospital_id"]))
        form.addRow(
            self.tr("市级医院（1+1+1）"), stacked(self.municipal, self.errors["municipal_hospital_id"])
        )
        form.addRow(self.tr("签约方式"), stacked(self.method, self.errors["sign_method"]))
        hint = QLabel(self._hint())
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        ok_text = {SIGN: self.tr("签约"), HOUSEHOLD: self.tr("全家签约"), SWITCH: self.tr("改签")}[mode]
        self.buttons = ok_cancel(self, ok_text, self.tr("取消"), self.accept_form)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.errors["_"])
        layout.addWidget(self.buttons)
        self.team.currentIndexChanged.connect(self._team_chosen)
        self.start.dateChanged.connect(self._update_end)
        if current is not None and mode == SWITCH:
            for combo, value in (
                (self.district, current.district_hospital),
                (self.municipal, current.municipal_hospital),
            ):
                combo.setCurrentIndex(max(0, combo.findText(value)))
        self._preselect_my_team()
        self._team_chosen()
        self._update_end()
        self._update_fee()
        self.setMinimumWidth(560)

    def _hint(self) -> str:
        if self.mode == HOUSEHOLD:
            return self.tr("家庭中尚未签约、档案在册的成员将一并签约；已签约的成员保持不变。")
        if self.mode == SWITCH and self.current is not None:
            return (
                self.tr("原签约：%1，%2 至 %3。改签后原签约于生效日期前一天结束。")
                .replace("%1", self.current.team)
                .replace("%2", self.current.start_date.isoformat())
                .replace("%3", self.current.end_date.isoformat())
            )
        return self.tr("每位居民同一时间只能签约一个家庭医生团队。")

    def _hospital_combo(self, name: str, level: str) -> SearchableCombo:
        combo = SearchableCombo()
        combo.setObjectName(name)
        combo.addItem(self.tr("（不选）"), None)
        for h in self.services.sites.list("hospital"):
            if h.level == level:
                combo.add_choice(h.name, h.id)
        return combo

    def _preselect_my_team(self) -> None:
        user = self.services.user
        if user is None:
            return
        for t in self.teams:
            if user.id in t.doctor_ids or any(m.user_id == user.id for m in t.members):
                self.team.select(t.id)
                return

    def _team_chosen(self) -> None:
        team = next((t for t in self.teams if t.id == self.team.currentData()), None)
        self.doctor.clear()
        if team is None:
            return
        names = {team.lead_doctor_id: team.lead_doctor} | {
            m.user_id: m.name for m in team.members if m.role == "doctor" and m.user_id
        }
        for did, name in names.items():
            self.doctor.add_choice(name, did)
        user = self.services.user
        self.doctor.select(user.id if user and user.id in names else team.lead_doctor_id)

    def _update_end(self) -> None:
        try:
            end = self.services.contracts.term_preview(day_of(self.start))
        except ServiceError:
            self.end.setText("")
            return
        self.end.setText(end.isoformat())

    def _chosen_packages(self) -> tuple[str, ...]:
        return tuple(p.code for p, box in self.packages if box.isChecked())

    def _update_fee(self) -> None:
        chosen = [p for p, box in self.packages if box.isChecked()]
        fee, subsidy = sum(p.fee_cents for p in chosen), sum(p.subsidy_cents for p in chosen)
        self.fee.setText(
            self.tr("合计 %1 元，其中财政补贴/医保 %2 元，居民自付 %3 元")
            .replace("%1", yuan(fee))
            .replace("%2", yuan(subsidy))
            .replace("%3", yuan(fee - subsidy))
        )

    def request(self) -> SignRequest:
        return SignRequest(
            team_id=self.team.currentData(),
            doctor_id=self.doctor.currentData(),
            start_date=day_of(self.start),
            packages=self._chosen_packages(),
            sign_method=str(self.method.currentData() or ""),
            district_hospital_id=self.district.currentData(),
            municipal_hospital_id=self.municipal.currentData(),
        )

    def accept_form(self) -> None:
        for e in self.errors.values():
            e.show_message(None)
        if self.team.currentData() is None:
            self.errors["team_id"].show_message(self.tr("请先由管理员建立家庭医生团队"))
            return
        try:
            if self.mode == HOUSEHOLD:
                self.result_household = self.services.contracts.sign_household(
                    self.resident_id, self.request()
                )
            elif self.mode == SWITCH and self.current is not None:
                self.result_contract = self.services.contracts.switch(self.current.id, self.request())
            else:
                self.result_contract = self.services.contracts.sign(self.resident_id, self.request())
        except ServiceError as exc:
            show_refusal(exc, self.errors, self.errors["_"])
            return
        self.accept()


class TerminateDialog(QDialog):
    """解约: a reason from the settings' list, the date it takes effect, and a note."""

    def __init__(self, services: Services, contract: ContractInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("terminate_dialog")
        self.setWindowTitle(self.tr("解约"))
        self.services = services
        self.contract = contract
        self.result_contract: ContractInfo | None = None
        today = services.ctx.today()
        self.reason = SearchableCombo()
        self.reason.setObjectName("reason")
        self.reason.addItem(self.tr("（请选择）"), "")
        for r in services.contracts.termination_reasons():
            self.reason.add_choice(r, r)
        self.date: QDateEdit = date_edit("ended_on", today)
        self.note = QLineEdit()
        self.note.setObjectName("end_note")
        self.note.setMaxLength(200)
        self.errors = {k: ErrorLabel() for k in ("reason", "ended_on", "end_note", "_")}
        form = QFormLayout()
        summary = QLabel(
            self.tr("%1，%2 至 %3")
            .replace("%1", contract.team)
            .replace("%2", contract.start_date.isoformat())
            .replace("%3", contract.end_date.isoformat())
        )
        form.addRow(self.tr("签约"), summary)
        form.addRow(self.tr("解约原因"), stacked(self.reason, self.errors["reason"]))
        form.addRow(self.tr("解约日期"), stacked(self.date, self.errors["ended_on"]))
        form.addRow(self.tr("说明"), stacked(self.note, self.errors["end_note"]))
        hint = QLabel(self.tr("居民死亡时无需在此解约：在档案状态中登记死亡，签约会自动终止。"))
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.errors["_"])
        layout.addWidget(ok_cancel(self, self.tr("解约"), self.tr("取消"), self.accept_form))
        self.setMinimumWidth(460)

    def accept_form(self) -> None:
        for e in self.errors.values():
            e.show_message(None)
        on: dt.date = day_of(self.date)
        try:
            self.result_contract = self.services.contracts.terminate(
                self.contract.id, str(self.reason.currentData() or ""), on, self.note.text()
            )
        except ServiceError as exc:
            show_refusal(exc, self.errors, self.errors["_"])
            return
        self.accept()
