"""Opening a profile's database and reaching every service as one logged-in user."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from chc_desktop.services.context import Context, CurrentUser
from chc_desktop.services.contracts import ContractService
from chc_desktop.services.exports import ExportService
from chc_desktop.services.homebeds import HomeBedService
from chc_desktop.services.hospice import HospiceService
from chc_desktop.services.imports import ImportService
from chc_desktop.services.indicators import IndicatorService
from chc_desktop.services.print_contexts.common import Sources
from chc_desktop.services.printing import PrintService
from chc_desktop.services.referrals import ReferralService
from chc_desktop.services.residents import ResidentService
from chc_desktop.services.search import SearchService
from chc_desktop.services.settings import SettingsService
from chc_desktop.services.sites import SiteService, seed_reference_sites
from chc_desktop.services.sync import SyncService
from chc_desktop.services.teams import TeamService, seed_service_packages
from chc_desktop.services.users import UserService, has_users, login
from chc_desktop.services.workbench import WorkbenchService
from chc_desktop.store.database import Database


def open_database(path: Path) -> Database:
    """Check, back up, migrate and open the database; make sure the reference sites are there."""
    db = Database(path)
    seed_reference_sites(db)
    seed_service_packages(db)
    return db


class Services:
    """Every use case, as one user (or none, before login)."""

    def __init__(self, db: Database, user: CurrentUser | None = None, today: dt.date | None = None) -> None:
        self.db = db
        self.ctx = Context(db, user, today)
        self.residents = ResidentService(self.ctx)
        self.search = SearchService(self.ctx, self.residents)
        self.sites = SiteService(self.ctx)
        self.settings = SettingsService(self.ctx)
        self.users = UserService(self.ctx)
        self.sync = SyncService(self.ctx)
        self.teams = TeamService(self.ctx)
        self.contracts = ContractService(self.ctx)
        self.indicators = IndicatorService(self.ctx, self.residents)
        self.imports = ImportService(self.ctx)
        self.exports = ExportService(self.ctx)
        self.imports.contracts_hook = self.contracts.import_rows
        self.referrals = ReferralService(self.ctx)
        self.homebeds = HomeBedService(self.ctx)
        self.hospice = HospiceService(self.ctx, self.referrals, self.homebeds)
        self.printing = PrintService(
            self.ctx,
            Sources(
                self.residents,
                self.contracts,
                self.teams,
                self.referrals,
                self.hospice,
                self.homebeds,
                self.sites,
                self.users,
            ),
        )
        self.workbench = WorkbenchService(
            self.ctx,
            self.residents,
            self.contracts,
            self.indicators,
            self.hospice,
            self.referrals,
            self.homebeds,
        )

    @property
    def user(self) -> CurrentUser | None:
        return self.ctx.user

    def needs_first_admin(self) -> bool:
        return not has_users(self.db)

    def login(self, username: str, password: str) -> Services:
        return Services(self.db, login(self.db, username, password), self.ctx._today)
