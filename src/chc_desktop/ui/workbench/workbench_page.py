"""The workbench (工作台), the first page after login: how the centre stands against the signing
targets, and the worklists — contracts ending soon, key-population residents not yet signed
(应签尽签), the residents signed with my team, hospice reassessments due, referrals waiting to be
received — each opening the resident (or the referral) on Enter or double-click.

Everything is counted in one service call off the UI thread, so the page paints at once and fills
in when the figures arrive; it counts again whenever the data changes.
"""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.contracts import ExpiringRow
from chc_desktop.services.homebeds import BedInfo, DueVisit
from chc_desktop.services.hospice import DueReview
from chc_desktop.services.indicators import CoverageRow
from chc_desktop.services.referrals import ReferralInfo
from chc_desktop.services.workbench import MY_RESIDENTS, UNSIGNED_KEY_POPULATION, WorkbenchSnapshot
from chc_desktop.ui.records import OpeningTable, RecordsModel, records_view
from chc_desktop.ui.referrals.models import RegisterModel
from chc_desktop.ui.residents.models import COLUMNS as RESIDENT_COLUMNS
from chc_desktop.ui.residents.models import ResidentListModel
from chc_desktop.ui.widgets import ask_xlsx_path, named_button
from chc_desktop.ui.workbench.coverage_chart import CoverageChart
from chc_desktop.ui.workbench.models import (
    CoverageModel,
    CyclesEndingModel,
    DueReviewModel,
    ExpiringModel,
    RoundModel,
    percent,
)
from chc_desktop.ui.workers import Handle, Progress, run_in_background, run_with_progress

EXPIRING_TAB, UNSIGNED_TAB, MINE_TAB = 0, 1, 2  # then 复评到期 and 待接收转诊 for those who may see them
LEVELS = ("centre", "team", "doctor")


class WorkbenchPage(QWidget):
    open_resident = Signal(object)  # uuid.UUID
    open_referral = Signal(object)  # uuid.UUID of a referral waiting to be received
    record_visit = Signal(object)  # uuid.UUID of a home bed whose visit is due: the quick entry
    open_bed = Signal(object)  # uuid.UUID of a home bed whose cycle is ending
    loaded = Signal()  # the figures arrived and are shown (tests and the benchmark wait for it)
    exported = Signal(object)  # Path of a finished export

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workbench_page")
        self.services = services
        self.snapshot: WorkbenchSnapshot | None = None
        self._job: Handle | None = None
        self._again = False

        title = QLabel(self.tr("工作台"))
        title.setProperty("role", "title")
        self.state = QLabel(self.tr("正在统计…"))
        self.state.setObjectName("workbench_state")
        self.state.setProperty("role", "hint")
        self.refresh_button = named_button("workbench_refresh", self.tr("刷新"), self.refresh)
        self.export_button = named_button("workbench_export", self.tr("导出 Excel…"), self.export_current)
        self.export_button.setToolTip(self.tr("把当前页签的列表导出为 Excel 文件"))
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.state, 1)
        head.addWidget(self.export_button)
        head.addWidget(self.refresh_button)

        self.headline_all = QLabel()
        self.headline_all.setObjectName("headline_all")
        self.headline_key = QLabel()
        self.headline_key.setObjectName("headline_key")
        for label in (self.headline_all, self.headline_key):
            label.setProperty("role", "headline")
        headlines = QHBoxLayout()
        headlines.addWidget(self.headline_all)
        headlines.addSpacing(24)
        headlines.addWidget(self.headline_key)
        headlines.addStretch(1)

        self.level_buttons = QButtonGroup(self)
        levels = QHBoxLayout()
        levels.addWidget(QLabel(self.tr("签约覆盖率：")))
        for i, text in enumerate((self.tr("按中心"), self.tr("按团队"), self.tr("按医生"))):
            button = QRadioButton(text)
            button.setObjectName(f"level_{LEVELS[i]}")
            self.level_buttons.addButton(button, i)
            levels.addWidget(button)
        levels.addStretch(1)
        self.level_buttons.button(1).setChecked(True)
        self.level_buttons.idToggled.connect(self._level_toggled)
        self.coverage = CoverageModel(self)
        self.coverage_view = records_view(self.coverage, "coverage")
        self.chart = CoverageChart()
        self.chart.setMinimumWidth(340)

        self.expiring = ExpiringModel(lambda offset, limit: services.contracts.expiring(offset, limit), self)
        self.unsigned = ResidentListModel(services.residents, self, filters=UNSIGNED_KEY_POPULATION, count=0)
        self.mine = ResidentListModel(services.residents, self, filters=MY_RESIDENTS, count=0)
        self.reviews = DueReviewModel(self)
        self.waiting = RegisterModel(self)
        self.round = RoundModel(self)
        self.ending = CyclesEndingModel(self)

        # 签约 worklists, with the coverage table; the clinical ones below, for those who may see them.
        self.tabs = QTabWidget()
        self.tabs.setObjectName("worklists")
        self.lists: list[OpeningTable] = []
        for model, name in ((self.expiring, "expiring"), (self.unsigned, "unsigned"), (self.mine, "mine")):
            view = self._worklist(model, name)
            # 300,000 rows: sizing columns to their contents would read every row.
            view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            self.lists.append(view)
            self.tabs.addTab(view, "")
        self.tabs.addTab(self.coverage_view, self.tr("覆盖率明细"))
        self.tabs.setTabToolTip(UNSIGNED_TAB, self.tr("重点人群中尚未签约的居民（应签尽签）"))
        self.tabs.setTabToolTip(MINE_TAB, self.tr("与我所在团队签约、签约在有效期内的居民"))

        can = services.ctx.can
        care: list[tuple[QAbstractItemModel, str, str]] = []
        if can(Permission.HOSPICE_READ):
            care.append((self.reviews, "reviews_due", self.tr("安宁疗护患者已到复评日期（按复评日期排序）")))
        if can(Permission.REFERRAL_READ):
            care.append((self.waiting, "referrals_waiting", self.tr("发往本机构、尚未接收的转诊")))
        if can(Permission.HOMEBED_READ):
            care.append(
                (
                    self.round,
                    "bed_round",
                    self.tr("今天应查和逾期未查的家庭病床，按街道、居委排列；回车即记录"),
                )
            )
            care.append(
                (self.ending, "cycles_ending", self.tr("建床周期 7 天内届满的家庭病床：请撤床或续床"))
            )
        self.care = QTabWidget()
        self.care.setObjectName("care_worklists")
        self.care_lists: list[OpeningTable] = []
        for i, (care_model, name, tip) in enumerate(care):
            view = self._worklist(care_model, name)
            self.care_lists.append(view)
            self.care.addTab(view, "")
            self.care.setTabToolTip(i, tip)
        names = [name for _, name, _ in care]
        self.reviews_tab, self.waiting_tab, self.round_tab, self.cycles_tab = (
            names.index(n) if n in names else -1
            for n in ("reviews_due", "referrals_waiting", "bed_round", "cycles_ending")
        )
        self._tab_titles()

        chart_area = QScrollArea()
        chart_area.setObjectName("chart_area")
        chart_area.setWidget(self.chart)
        chart_area.setWidgetResizable(True)
        chart_area.setFrameShape(QFrame.Shape.NoFrame)
        chart_area.setMinimumWidth(360)
        chart_area.setMaximumWidth(440)
        lists = QSplitter(Qt.Orientation.Vertical)
        lists.addWidget(self.tabs)
        if care:
            lists.addWidget(self.care)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(lists)
        split.addWidget(chart_area)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([860, 380])
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(headlines)
        layout.addLayout(levels)
        layout.addWidget(split, 1)

    def _worklist(self, model: QAbstractItemModel, name: str) -> OpeningTable:
        view = records_view(model, name, OpeningTable())
        assert isinstance(view, OpeningTable)
        view.row_opened.connect(lambda row, m=model: self._open(m, row))
        return view

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        """Count everything again off the UI thread (once more if asked while counting)."""
        if self._job is not None:
            self._again = True
            return
        self.state.setText(self.tr("正在统计…"))
        self.refresh_button.setEnabled(False)
        self._job = run_in_background(self.services.workbench.snapshot, self._show, self._failed)

    def _finished(self) -> None:
        self._job = None
        self.refresh_button.setEnabled(True)
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, message: str) -> None:
        self.state.setText(self.tr("统计失败：%1").replace("%1", message))
        self._finished()

    def _show(self, snap: WorkbenchSnapshot) -> None:
        self.snapshot = snap
        self.expiring.reset_to(snap.expiring)
        self.unsigned.reload(snap.unsigned_key_population)
        self.mine.reload(snap.mine)
        self.reviews.set_items(snap.reviews_due or ())
        self.waiting.set_items(snap.referrals_waiting or ())
        self.round.set_items(snap.round or ())
        self.ending.set_items(snap.cycles_ending or ())
        self.lists[EXPIRING_TAB].resizeColumnsToContents()  # one page is loaded: cheap
        for view in self.lists[UNSIGNED_TAB:]:
            for i, column in enumerate(RESIDENT_COLUMNS):
                view.setColumnWidth(i, column.width)
        self._tab_titles()
        ind = snap.indicators
        total = ind.total
        self.headline_all.setText(
            self.tr("全人群签约率 %1（目标 %2%）")
            .replace("%1", percent(total.all))
            .replace("%2", str(ind.target_all))
            + self._short(total.all.met, total.all.short_by)
        )
        self.headline_key.setText(
            self.tr("重点人群签约率 %1（目标 %2%）")
            .replace("%1", percent(total.key))
            .replace("%2", str(ind.target_key))
            + self._short(total.key.met, total.key.short_by)
        )
        self._show_level()
        state = self.tr("统计日期 %1").replace("%1", snap.on.isoformat())
        if snap.double_contracts:
            state += self.tr("；%1 位居民同时有两份在约签约（多站离线签约），请在其档案中解约其一").replace(
                "%1", str(len(snap.double_contracts))
            )
        self.state.setText(state)
        self._finished()
        self.loaded.emit()

    def _short(self, met: bool, short_by: int) -> str:
        return self.tr("，已达标") if met else self.tr("，尚差 %1 人").replace("%1", str(short_by))

    def _tab_titles(self) -> None:
        snap = self.snapshot
        days = snap.reminder_days if snap else self.services.contracts.reminder_days()
        for tabs, i, text, n in (
            (
                self.tabs,
                EXPIRING_TAB,
                self.tr("%1 天内到期").replace("%1", str(days)),
                snap and snap.expiring,
            ),
            (self.tabs, UNSIGNED_TAB, self.tr("应签未签"), snap and snap.unsigned_key_population),
            (self.tabs, MINE_TAB, self.tr("我的签约居民"), snap and snap.mine),
            (self.care, self.reviews_tab, self.tr("复评到期"), snap and len(snap.reviews_due or ())),
            (self.care, self.waiting_tab, self.tr("待接收转诊"), snap and len(snap.referrals_waiting or ())),
            (self.care, self.round_tab, self.tr("今日查床"), snap and len(snap.round or ())),
            (self.care, self.cycles_tab, self.tr("周期将满"), snap and len(snap.cycles_ending or ())),
        ):  # the 覆盖率 tab keeps its title
            if i >= 0:
                tabs.setTabText(i, text if n is None else f"{text}（{n}）")

    def _level_toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._show_level()

    def _show_level(self) -> None:
        if self.snapshot is None:
            return
        ind = self.snapshot.indicators
        level = LEVELS[max(0, self.level_buttons.checkedId())]
        rows: tuple[CoverageRow, ...] = {"centre": ind.centres, "team": ind.teams, "doctor": ind.doctors}[
            level
        ]
        # The centre list shows only centres with residents on file here; the total comes first.
        shown = [ind.total, *(r for r in rows if r.counts.population or r.contracts)]
        self.coverage.set_items(shown)
        self.chart.set_rows(shown, ind.target_all, ind.target_key)

    # ------------------------------------------------------------------ export
    def export_current(self) -> Path | None:
        """The list of the current tab to .xlsx (off the UI thread); returns where it goes."""
        tab = self.tabs.currentIndex()
        titles = {
            EXPIRING_TAB: self.tr("即将到期的签约"),
            UNSIGNED_TAB: self.tr("应签未签重点人群"),
            MINE_TAB: self.tr("我的签约居民"),
        }
        title = titles.get(tab, self.tr("签约覆盖率"))
        path = ask_xlsx_path(self, self.tr("导出%1").replace("%1", title), title)
        if path is None:
            return None
        services = self.services

        def work(_progress: Progress, _cancelled: threading.Event) -> int:
            if tab == EXPIRING_TAB:
                return services.contracts.export_expiring(path)
            if tab == UNSIGNED_TAB:
                return services.exports.residents(path, UNSIGNED_KEY_POPULATION)
            if tab == MINE_TAB:
                return services.exports.residents(path, MY_RESIDENTS)
            return services.indicators.export(path)

        def done(count: int) -> None:
            self.state.setText(
                self.tr("已导出 %1 行到 %2").replace("%1", str(count)).replace("%2", str(path))
            )
            self.exported.emit(path)

        run_with_progress(self, self.tr("正在导出…"), work, done)
        return path

    # ------------------------------------------------------------------ opening
    @staticmethod
    def _resident_at(model: object, row: int) -> uuid.UUID | None:
        if isinstance(model, ExpiringModel | DueReviewModel):
            item = model.item(row)
            return item.resident_id if item else None
        if isinstance(model, ResidentListModel):
            return model.resident_id(row)
        return None

    def _open(self, model: object, row: int) -> None:
        if isinstance(model, RegisterModel):
            referral = model.item(row)
            if referral is not None:
                self.open_referral.emit(referral.id)
            return
        if isinstance(model, RoundModel):
            due = model.item(row)
            if due is not None:
                self.record_visit.emit(due.bed.id)
            return
        if isinstance(model, CyclesEndingModel):
            bed = model.item(row)
            if bed is not None:
                self.open_bed.emit(bed.id)
            return
        rid = self._resident_at(model, row)
        if rid is not None:
            self.open_resident.emit(rid)

    def current_resident(self) -> uuid.UUID | None:
        """The resident of the current row of the list that has the focus (else of the 签约 tab shown)."""
        views = [*self.lists, *self.care_lists]
        view = next((v for v in views if v.hasFocus()), None)
        if view is None:
            tab = self.tabs.currentIndex()
            if tab >= len(self.lists):
                return None
            view = self.lists[tab]
        index: QModelIndex = view.currentIndex()
        if not index.isValid():
            return None
        model = view.model()
        item = model.item(index.row()) if isinstance(model, RecordsModel) else None
        if isinstance(item, ReferralInfo | DueReview | ExpiringRow):
            return item.resident_id
        if isinstance(item, DueVisit):
            return item.bed.resident_id
        if isinstance(item, BedInfo):
            return item.resident_id
        return self._resident_at(model, index.row())
