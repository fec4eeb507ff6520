"""The 管理 area: staff accounts, policy parameters, 居委会, family-doctor teams (administrators only)."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.ui.admin.committees_page import CommitteesPage
from chc_desktop.ui.admin.settings_page import SettingsPage
from chc_desktop.ui.admin.teams_page import TeamsPage
from chc_desktop.ui.admin.users_page import UsersPage


class AdminPage(QTabWidget):
    """管理: one tab per task."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("admin")
        self.users = UsersPage(services)
        self.settings = SettingsPage(services)
        self.committees = CommitteesPage(services)
        self.addTab(self.users, self.tr("用户"))
        self.addTab(self.settings, self.tr("政策参数"))
        self.addTab(self.committees, self.tr("居委会"))
        self.teams: TeamsPage | None = None
        if services.ctx.can(Permission.TEAM_MANAGE):
            self.teams = TeamsPage(services)
            self.addTab(self.teams, self.tr("家庭医生团队"))
