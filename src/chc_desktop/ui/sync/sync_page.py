"""The 同步 page: where sync stands, sync now, and the lists a person must look at — conflicts to
decide, changes the hub refused, and the log of every sync."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.residents import DuplicateCandidate
from chc_desktop.services.sync import SyncStatus
from chc_desktop.sync.device import SyncReport
from chc_desktop.ui.records import RecordsModel, records_view
from chc_desktop.ui.residents.models import format_record_no
from chc_desktop.ui.sync.controller import SyncController
from chc_desktop.ui.sync.dialogs import ConflictDialog, EnrolDialog
from chc_desktop.ui.sync.models import (
    ConflictsModel,
    DuplicatesModel,
    QuarantineModel,
    RunsModel,
    when,
)
from chc_desktop.ui.workers import run_with_progress

DUPLICATES_TAB = 2

STAGES = {
    "push": QT_TRANSLATE_NOOP("SyncPage", "正在上传本机的修改"),
    "snapshot": QT_TRANSLATE_NOOP("SyncPage", "正在下载本机构的数据快照"),
    "pull": QT_TRANSLATE_NOOP("SyncPage", "正在下载中心的修改"),
    "check": QT_TRANSLATE_NOOP("SyncPage", "正在核对两边数据"),
}


class SyncPage(QWidget):
    open_resident = Signal(object)  # uuid.UUID

    def __init__(self, services: Services, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_page")
        self.services = services
        self.controller = controller
        self.headline = QLabel()
        self.headline.setObjectName("sync_headline")
        self.headline.setProperty("role", "title")
        self.detail = QLabel()
        self.detail.setObjectName("sync_detail")
        self.detail.setWordWrap(True)
        self.sync_button = QPushButton(self.tr("立即同步 (F9)"))
        self.sync_button.setObjectName("sync_now")
        self.sync_button.clicked.connect(lambda: controller.sync_now(interactive=True))
        self.cancel_button = QPushButton(self.tr("停止"))
        self.cancel_button.setObjectName("sync_cancel")
        self.cancel_button.clicked.connect(controller.cancel)
        self.join_button = QPushButton(self.tr("登记到中心…"))
        self.join_button.setObjectName("join_hub")
        self.join_button.setVisible(services.ctx.can(Permission.SETTINGS_MANAGE))
        self.join_button.clicked.connect(self.join)
        self.bar = QProgressBar()
        self.bar.setObjectName("sync_progress")
        self.bar.setTextVisible(True)
        self.bar.hide()

        self.conflicts = ConflictsModel(self)
        self.quarantine = QuarantineModel(self)
        self.runs = RunsModel(self)
        self.conflict_view = records_view(self.conflicts, "conflicts")
        self.conflict_view.doubleClicked.connect(lambda _index: self.resolve())
        self.quarantine_view = records_view(self.quarantine, "quarantine")
        self.runs_view = records_view(self.runs, "runs")
        self.duplicates = DuplicatesModel(self)
        self.duplicates_view = records_view(self.duplicates, "duplicates")
        self.merge_button = QPushButton(self.tr("保留所选档案，合并同组其他档案…"))
        self.merge_button.setObjectName("merge")
        self.merge_button.clicked.connect(self.merge)
        self.open_duplicate = QPushButton(self.tr("打开档案"))
        self.open_duplicate.clicked.connect(self._open_duplicate)
        self.resolve_button = QPushButton(self.tr("处理冲突…"))
        self.resolve_button.setObjectName("resolve")
        self.resolve_button.clicked.connect(self.resolve)
        self.open_conflict = QPushButton(self.tr("打开档案"))
        self.open_conflict.clicked.connect(lambda: self._open(self.conflict_view))
        self.resend_button = QPushButton(self.tr("修正后重新发送"))
        self.resend_button.setObjectName("resend")
        self.resend_button.clicked.connect(self.resend)
        self.open_rejected = QPushButton(self.tr("打开档案"))
        self.open_rejected.clicked.connect(lambda: self._open(self.quarantine_view))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync_tabs")
        self.tabs.addTab(self._with_buttons(self.conflict_view, self.resolve_button, self.open_conflict), "")
        self.tabs.addTab(self._with_buttons(self.quarantine_view, self.resend_button, self.open_rejected), "")
        self.tabs.addTab(self._with_buttons(self.duplicates_view, self.merge_button, self.open_duplicate), "")
        self.tabs.addTab(self.runs_view, self.tr("同步记录"))
        # Looking for duplicates reads every file (seconds at district size): only when asked for,
        # off the UI thread — not at start-up, not after every sync.
        self.tabs.setTabText(DUPLICATES_TAB, self.tr("疑似重复档案"))
        self.merge_button.setEnabled(False)
        self.open_duplicate.setEnabled(False)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.message = QLabel()
        self.message.setObjectName("sync_message")
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        heading = QVBoxLayout()
        heading.addWidget(self.headline)
        heading.addWidget(self.detail)
        top.addLayout(heading, 1)
        top.addWidget(self.join_button)
        top.addWidget(self.cancel_button)
        top.addWidget(self.sync_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.bar)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)

        controller.status_changed.connect(self.show_status)
        controller.running_changed.connect(self._running)
        controller.progress.connect(self._progress)
        controller.finished.connect(self._finished)
        self._running(False)
        self.reload()

    @staticmethod
    def _with_buttons(view: QTableView, *buttons: QPushButton) -> QWidget:
        box = QWidget()
        row = QHBoxLayout()
        row.addStretch(1)
        for b in buttons:
            row.addWidget(b)
        layout = QVBoxLayout(box)
        layout.addWidget(view, 1)
        layout.addLayout(row)
        return box

    # ------------------------------------------------------------------ state
    def reload(self) -> None:
        try:
            self.conflicts.set_items(self.services.sync.conflicts())
            self.quarantine.set_items(self.services.sync.quarantine())
        except ServiceError:
            self.conflicts.set_items([])
            self.quarantine.set_items([])
        self.runs.set_items(self.services.sync.runs())
        self.tabs.setTabText(0, self.tr("冲突（%1）").replace("%1", str(len(self.conflicts.items))))
        self.tabs.setTabText(1, self.tr("被拒收（%1）").replace("%1", str(len(self.quarantine.items))))
        if self.tabs.currentIndex() == DUPLICATES_TAB:
            self.load_duplicates()
        for view in (self.conflict_view, self.quarantine_view, self.runs_view):
            if view.model().rowCount() and not view.currentIndex().isValid():
                view.selectRow(0)
        self.resolve_button.setEnabled(bool(self.conflicts.items))
        self.open_conflict.setEnabled(bool(self.conflicts.items))
        can_write = self.services.ctx.can(Permission.RESIDENT_WRITE)
        self.resend_button.setEnabled(bool(self.quarantine.items) and can_write)
        self.open_rejected.setEnabled(bool(self.quarantine.items))
        self.show_status(self.services.sync.status())

    def _tab_shown(self, index: int) -> None:
        if index == DUPLICATES_TAB:
            self.load_duplicates()

    def load_duplicates(self) -> None:
        run_with_progress(
            self,
            self.tr("正在查找疑似重复档案…"),
            lambda _progress, _cancelled: self.services.residents.suspected_duplicates(),
            self._show_duplicates,
            on_failed=self.message.setText,
        )

    def _show_duplicates(self, groups: list[list[DuplicateCandidate]]) -> None:
        self.duplicates.set_groups(groups)
        self.tabs.setTabText(DUPLICATES_TAB, self.tr("疑似重复档案（%1 组）").replace("%1", str(len(groups))))
        self.merge_button.setEnabled(bool(groups) and self.services.ctx.can(Permission.RESIDENT_WRITE))
        self.open_duplicate.setEnabled(bool(groups))
        if groups:
            self.duplicates_view.selectRow(0)

    def show_status(self, st: SyncStatus) -> None:
        c = self.controller
        if not st.configured:
            self.headline.setText(self.tr("本工作站单机使用，未连接中心"))
            self.detail.setText(self.tr("由管理员登记本工作站并连接中心后，数据会自动与中心同步。"))
        else:
            online = c.online if c.online is not None else st.online
            state = {True: self.tr("在线"), False: self.tr("离线"), None: self.tr("尚未同步")}[online]
            self.headline.setText(self.tr("中心 %1 · %2").replace("%1", st.hub).replace("%2", state))
            last = when(st.last_ok) or self.tr("从未")
            self.detail.setText(
                self.tr("上次成功同步：%1；待上传 %2 条；被拒收 %3 条；未处理冲突 %4 个。")
                .replace("%1", last)
                .replace("%2", str(st.waiting))
                .replace("%3", str(st.rejected))
                .replace("%4", str(st.conflicts))
            )
        self.sync_button.setEnabled(st.configured and not c.running)

    def _running(self, running: bool) -> None:
        self.bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.sync_button.setEnabled(not running and self.services.sync.hub_url() is not None)
        if running:
            self.bar.setRange(0, 0)
            self.message.setText(self.tr("正在同步…"))

    def _progress(self, stage: str, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, total))
        label = self.tr(str(STAGES.get(stage, stage)))
        amount = f"{done / 1024:.0f}/{total / 1024:.0f} MB" if stage == "snapshot" else f"{done}/{total}"
        self.bar.setFormat(f"{label} {amount}")

    def _finished(self, report: SyncReport | None, message: str) -> None:
        prefix = self.tr("同步完成：") if report is not None else self.tr("同步未完成：")
        self.message.setText(prefix + message)
        self.message.setProperty("role", "" if report is not None else "error")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.reload()

    # ------------------------------------------------------------------ actions
    def _selected_row(self, view: QTableView) -> int:
        index = view.currentIndex()
        return index.row() if index.isValid() else -1

    def _open(self, view: QTableView) -> None:
        model = view.model()
        item = model.item(self._selected_row(view)) if isinstance(model, RecordsModel) else None
        row_id = getattr(item, "row_id", None)
        if isinstance(row_id, uuid.UUID) and getattr(item, "table", "") == "residents":
            self.open_resident.emit(row_id)

    def resolve(self) -> None:
        conflict = self.conflicts.item(self._selected_row(self.conflict_view))
        if conflict is None:
            return
        if ConflictDialog(self.services, conflict, self).exec():
            self.message.setText(self.tr("冲突已处理，结果将在下次同步时发送到中心。"))
            self.reload()

    def resend(self) -> None:
        item = self.quarantine.item(self._selected_row(self.quarantine_view))
        if item is None:
            return
        try:
            self.services.sync.resend(item.seq)
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("已重新排队，将在下次同步时发送。"))
        self.reload()

    def _open_duplicate(self) -> None:
        line = self.duplicates.item(self._selected_row(self.duplicates_view))
        if line is not None:
            self.open_resident.emit(line[1].row.id)

    def merge(self) -> None:
        """Keep the selected file; every other file of its group moves into it and is closed."""
        row = self._selected_row(self.duplicates_view)
        line = self.duplicates.item(row)
        if line is None:
            return
        keep = line[1].row
        others = [c.row for c in self.duplicates.group_of(row) if c.row.id != keep.id]
        text = (
            self.tr("保留 %1（%2），把同组另外 %3 份档案的既往史、家庭等记录移入，并注销它们（记入审计）。")
            .replace("%1", keep.name)
            .replace("%2", format_record_no(keep.record_no))
            .replace("%3", str(len(others)))
        )
        buttons = QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
        if QMessageBox.warning(self, self.tr("合并重复档案"), text, buttons) != QMessageBox.StandardButton.Ok:
            return
        try:
            for other in others:
                self.services.residents.merge(keep.id, other.id)
        except ServiceError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(self.tr("已合并到 %1 的档案。").replace("%1", keep.name))
        self.reload()

    def join(self) -> None:
        if EnrolDialog(self.services, self).exec():
            self.controller.start()
            self.reload()
