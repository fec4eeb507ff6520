"""Family-doctor teams (家庭医生团队): create and edit a team, add and remove its members and the
specialists a hospital sends, stand a team down."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import codes
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.teams import MemberInfo, TeamInfo
from chc_desktop.ui.records import Column, RecordsModel, records_view
from chc_desktop.ui.widgets import ErrorLabel, SearchableCombo, named_button, ok_cancel, show_refusal, stacked

STATES = {True: QT_TRANSLATE_NOOP("TeamsPage", "在用"), False: QT_TRANSLATE_NOOP("TeamsPage", "已停用")}


def _state(active: bool) -> str:
    return QCoreApplication.translate("TeamsPage", str(STATES[active]))


class TeamsModel(RecordsModel[TeamInfo]):
    CONTEXT = "TeamsPage"
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("TeamsPage", "团队"), lambda t: t.name),
        (QT_TRANSLATE_NOOP("TeamsPage", "社区卫生服务中心"), lambda t: t.centre),
        (QT_TRANSLATE_NOOP("TeamsPage", "团队长"), lambda t: t.lead_doctor),
        (QT_TRANSLATE_NOOP("TeamsPage", "成员"), lambda t: t.summary),
        (QT_TRANSLATE_NOOP("TeamsPage", "状态"), lambda t: _state(t.active)),
    )


class MembersModel(RecordsModel[MemberInfo]):
    CONTEXT = "TeamsPage"
    COLUMNS: Sequence[Column] = (
        (QT_TRANSLATE_NOOP("TeamsPage", "角色"), lambda m: m.role_label),
        (QT_TRANSLATE_NOOP("TeamsPage", "姓名"), lambda m: m.name),
        (QT_TRANSLATE_NOOP("TeamsPage", "所在医院"), lambda m: m.hospital),
        (QT_TRANSLATE_NOOP("TeamsPage", "专科"), lambda m: m.specialty),
    )


class TeamDialog(QDialog):
    """A new team, or a team's name, centre, lead doctor and note."""

    def __init__(
        self, services: Services, team: TeamInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("team_dialog")
        self.setWindowTitle(self.tr("新建团队") if team is None else self.tr("修改团队"))
        self.services = services
        self.team = team
        self.result_team: TeamInfo | None = None
        self.name = QLineEdit(team.name if team else "")
        self.name.setObjectName("name")
        self.name.setMaxLength(60)
        self.centre = SearchableCombo()
        self.centre.setObjectName("centre_id")
        for c in services.sites.list("centre"):
            self.centre.add_choice(c.name, c.id)
        self.lead = SearchableCombo()
        self.lead.setObjectName("lead_doctor_id")
        for u in services.users.staff("doctor"):
            self.lead.add_choice(u.display_name, u.id, (u.username,))
        user = services.user
        self.centre.select(team.centre_id if team else (user.site_id if user else None))
        if team:
            self.lead.select(team.lead_doctor_id)
        self.note = QLineEdit(team.note if team else "")
        self.note.setObjectName("note")
        self.errors = {k: ErrorLabel() for k in ("name", "centre_id", "lead_doctor_id", "_")}
        form = QFormLayout()
        form.addRow(self.tr("团队名称"), stacked(self.name, self.errors["name"]))
        form.addRow(self.tr("社区卫生服务中心"), stacked(self.centre, self.errors["centre_id"]))
        form.addRow(self.tr("团队长（家庭医生）"), stacked(self.lead, self.errors["lead_doctor_id"]))
        form.addRow(self.tr("备注"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.errors["_"])
        layout.addWidget(ok_cancel(self, self.tr("保存"), self.tr("取消"), self.accept_form))
        self.setMinimumWidth(440)

    def accept_form(self) -> None:
        for e in self.errors.values():
            e.show_message(None)
        centre, lead = self.centre.currentData(), self.lead.currentData()
        if lead is None:
            self.errors["lead_doctor_id"].show_message(self.tr("请先添加家庭医生账户"))
            return
        try:
            if self.team is None:
                self.result_team = self.services.teams.create(
                    self.name.text(), centre, lead, self.note.text()
                )
            else:
                self.result_team = self.services.teams.update(
                    self.team.id, self.name.text(), centre, lead, self.note.text()
                )
        except ServiceError as exc:
            show_refusal(exc, self.errors, self.errors["_"])
            return
        self.accept()


class MemberDialog(QDialog):
    """A member: a staff account of the centre, or (专科医师) a hospital's specialist by name."""

    def __init__(self, services: Services, team: TeamInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("member_dialog")
        self.setWindowTitle(self.tr("添加团队成员"))
        self.services = services
        self.team = team
        self.role = SearchableCombo()
        self.role.setObjectName("role")
        for c in codes.TEAM_ROLE.codes:
            self.role.add_choice(c.label, c.code)
        self.user = SearchableCombo()
        self.user.setObjectName("user_id")
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.hospital = SearchableCombo()
        self.hospital.setObjectName("hospital_id")
        for h in services.sites.list("hospital"):
            self.hospital.add_choice(h.name, h.id)
        self.specialty = QLineEdit()
        self.specialty.setObjectName("specialty")
        self.specialty.setPlaceholderText(self.tr("如：心血管内科"))
        self.errors = {k: ErrorLabel() for k in ("role", "user_id", "name", "hospital_id", "_")}
        self.form = QFormLayout()
        self.form.addRow(self.tr("角色"), stacked(self.role, self.errors["role"]))
        self.form.addRow(self.tr("工作人员"), stacked(self.user, self.errors["user_id"]))
        self.form.addRow(self.tr("专科医师姓名"), stacked(self.name, self.errors["name"]))
        self.form.addRow(self.tr("所在医院"), stacked(self.hospital, self.errors["hospital_id"]))
        self.form.addRow(self.tr("专科"), self.specialty)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.errors["_"])
        layout.addWidget(ok_cancel(self, self.tr("添加"), self.tr("取消"), self.accept_form))
        self.role.currentIndexChanged.connect(self._role_chosen)
        self.role.select("nurse")
        self._role_chosen()
        self.setMinimumWidth(420)

    def _role_chosen(self) -> None:
        role = self.role.currentData()
        specialist = role == "specialist"
        for row in (2, 3):
            self.form.setRowVisible(row, specialist)
        self.form.setRowVisible(1, not specialist)
        staff_role = {"doctor": "doctor", "nurse": "nurse", "clerk": "clerk"}.get(str(role))
        self.user.clear()
        for u in self.services.users.list():
            if u.active and u.role != "admin" and (staff_role is None or u.role == staff_role):
                self.user.add_choice(u.display_name, u.id, (u.username,))

    def accept_form(self) -> None:
        for e in self.errors.values():
            e.show_message(None)
        role = str(self.role.currentData() or "")
        try:
            if role == "specialist":
                self.services.teams.add_member(
                    self.team.id,
                    role,
                    name=self.name.text(),
                    hospital_id=self.hospital.currentData(),
                    specialty=self.specialty.text(),
                )
            else:
                self.services.teams.add_member(
                    self.team.id, role, user_id=self.user.currentData(), specialty=self.specialty.text()
                )
        except ServiceError as exc:
            show_refusal(exc, self.errors, self.errors["_"])
            return
        self.accept()


class TeamsPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teams_page")
        self.services = services
        self.teams = TeamsModel(self)
        self.members = MembersModel(self)
        self.teams_view = records_view(self.teams, "teams")
        self.members_view = records_view(self.members, "members")
        self.teams_view.selectionModel().currentRowChanged.connect(lambda *_: self._show_members())
        self.teams_view.doubleClicked.connect(lambda _index: self.edit_team())
        self.message = QLabel()
        self.message.setObjectName("teams_message")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        self.new_button = named_button("new_team", self.tr("新建团队…"), self.new_team)
        self.edit_button = named_button("edit_team", self.tr("修改…"), self.edit_team)
        self.active_button = named_button("toggle_team", self.tr("停用"), self.toggle_active)
        self.add_member_button = named_button("add_member", self.tr("添加成员…"), self.add_member)
        self.remove_member_button = named_button("remove_member", self.tr("移除成员"), self.remove_member)
        for b in (
            self.new_button,
            self.edit_button,
            self.active_button,
            self.add_member_button,
            self.remove_member_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(self.teams_view, 3)
        layout.addWidget(QLabel(self.tr("所选团队的成员")))
        layout.addWidget(self.members_view, 2)
        self.reload()

    def reload(self, select: uuid.UUID | None = None) -> None:
        shown = self.selected()
        current = select or (shown.id if shown else None)
        teams = self.services.teams.all(active_only=False)
        self.teams.set_items(teams)
        row = next((i for i, t in enumerate(teams) if t.id == current), 0 if teams else -1)
        if row >= 0:
            self.teams_view.selectRow(row)
        self._show_members()

    def selected(self) -> TeamInfo | None:
        index = self.teams_view.currentIndex()
        return self.teams.item(index.row()) if index.isValid() else None

    def _show_members(self) -> None:
        team = self.selected()
        self.members.set_items(team.members if team else [])
        for b in (self.edit_button, self.active_button, self.add_member_button):
            b.setEnabled(team is not None)
        self.remove_member_button.setEnabled(bool(team and team.members))
        self.active_button.setText(self.tr("停用") if team is None or team.active else self.tr("启用"))

    def new_team(self) -> None:
        dialog = TeamDialog(self.services, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_team is not None:
            self.message.setText(self.tr("已新建团队。"))
            self.reload(dialog.result_team.id)

    def edit_team(self) -> None:
        team = self.selected()
        if team and TeamDialog(self.services, team, self).exec() == QDialog.DialogCode.Accepted:
            self.message.setText(self.tr("已保存。"))
            self.reload(team.id)

    def toggle_active(self) -> None:
        team = self.selected()
        if team is None:
            return
        try:
            self.services.teams.set_active(team.id, not team.active)
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("已启用。") if not team.active else self.tr("已停用。"))
        self.reload(team.id)

    def add_member(self) -> None:
        team = self.selected()
        if team and MemberDialog(self.services, team, self).exec() == QDialog.DialogCode.Accepted:
            self.message.setText(self.tr("已添加成员。"))
            self.reload(team.id)

    def remove_member(self) -> None:
        team = self.selected()
        index = self.members_view.currentIndex()
        member = self.members.item(index.row()) if index.isValid() else None
        if team is None or member is None:
            self.message.setText(self.tr("请先选择要移除的成员。"))
            return
        try:
            self.services.teams.remove_member(member.id)
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("已移除成员；其签约记录保留不变。"))
        self.reload(team.id)
