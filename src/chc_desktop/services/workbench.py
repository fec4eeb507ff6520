"""What the workbench (工作台) shows at a glance: the indicators and how long each worklist is.

Gathered in one call so the page can fetch it off the UI thread and paint everything at once.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context
from chc_desktop.services.contracts import ContractService
from chc_desktop.services.homebeds import BedFilters, BedInfo, DueVisit, HomeBedService
from chc_desktop.services.hospice import DueReview, HospiceService
from chc_desktop.services.indicators import Indicators, IndicatorService
from chc_desktop.services.referrals import ReferralInfo, ReferralService
from chc_desktop.services.residents import ANY_KEY_POPULATION, Filters, ResidentService

UNSIGNED_KEY_POPULATION = Filters(key_population=ANY_KEY_POPULATION, contract="unsigned")
# Whatever the file's status: a resident who moved away with a contract in force is still on the
# team's books until the contract is ended.
MY_RESIDENTS = Filters(contract="mine", status=None)
CYCLE_WARNING_DAYS = 7  # 周期将满: open beds whose planned end is within a week


@dataclass(frozen=True)
class WorkbenchSnapshot:
    on: dt.date
    reminder_days: int
    expiring: int
    unsigned_key_population: int
    mine: int
    double_contracts: tuple[uuid.UUID, ...]
    indicators: Indicators
    # None when this user may not see the list (its tab is not shown)
    reviews_due: tuple[DueReview, ...] | None = None  # 安宁疗护复评到期
    referrals_waiting: tuple[ReferralInfo, ...] | None = None  # 待接收转诊
    # 家庭病床: the day's round of this user (visits due today or overdue, by street and 居委; all of
    # them for a user responsible for no bed) and the cycles ending within a week
    round: tuple[DueVisit, ...] | None = None
    cycles_ending: tuple[BedInfo, ...] | None = None


class WorkbenchService:
    def __init__(
        self,
        ctx: Context,
        residents: ResidentService,
        contracts: ContractService,
        indicators: IndicatorService,
        hospice: HospiceService,
        referrals: ReferralService,
        homebeds: HomeBedService,
    ) -> None:
        self.ctx = ctx
        self.residents = residents
        self.contracts = contracts
        self.indicators = indicators
        self.hospice = hospice
        self.referrals = referrals
        self.homebeds = homebeds

    def snapshot(self) -> WorkbenchSnapshot:
        self.ctx.require(Permission.CONTRACT_READ)
        indicators = self.indicators.coverage()
        total = indicators.total.counts
        return WorkbenchSnapshot(
            self.ctx.today(),
            self.contracts.reminder_days(),
            self.contracts.expiring_count(),
            # = residents.count(UNSIGNED_KEY_POPULATION): the same rows, already counted once
            total.key_population - total.key_signed,
            self.residents.count_mine(),
            tuple(self.contracts.double_contracts()),
            indicators,
            tuple(self.hospice.due_list()) if self.ctx.can(Permission.HOSPICE_READ) else None,
            tuple(self.referrals.waiting_list()) if self.ctx.can(Permission.REFERRAL_READ) else None,
            *self._beds(),
        )

    def _beds(self) -> tuple[tuple[DueVisit, ...] | None, tuple[BedInfo, ...] | None]:
        if not self.ctx.can(Permission.HOMEBED_READ):
            return None, None
        me = self.ctx.user.id if self.ctx.user else None
        mine = self.homebeds.round_list(staff_id=me)
        # A doctor or nurse responsible for beds sees their own round; anyone else the centre's.
        rounds = mine if mine or self._responsible(me) else self.homebeds.round_list()
        return tuple(rounds), tuple(self.homebeds.cycles_ending(CYCLE_WARNING_DAYS))

    def _responsible(self, user_id: uuid.UUID | None) -> bool:
        mine = BedFilters(status="open", staff_id=user_id)
        return user_id is not None and bool(self.homebeds.beds(mine, limit=1))
