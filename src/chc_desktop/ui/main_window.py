"""The main window: navigation on the left, the global resident search on top, the area pages, and a
status bar with who is working, where, and on which database."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QByteArray, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from chc_desktop import __version__
from chc_desktop.security.roles import ROLE_LABELS, Permission, Role
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.sync.device import SyncReport
from chc_desktop.ui import i18n
from chc_desktop.ui.admin.admin_page import AdminPage
from chc_desktop.ui.homebeds.bed_list_page import BedListPage
from chc_desktop.ui.homebeds.bed_page import BedPage
from chc_desktop.ui.homebeds.visit_entry import VisitEntry
from chc_desktop.ui.idle_lock import IdleLock
from chc_desktop.ui.printing.batch_dialog import BatchPrintDialog, batch_forms
from chc_desktop.ui.printing.calibration_dialog import CalibrationDialog
from chc_desktop.ui.referrals.editor import ReferralEditor
from chc_desktop.ui.referrals.register_page import ReferralRegisterPage
from chc_desktop.ui.residents.editor import ResidentEditor
from chc_desktop.ui.residents.list_page import ResidentListPage
from chc_desktop.ui.search_box import GlobalSearch
from chc_desktop.ui.sync.controller import SyncController, SyncStatusLabel, ask_token_dialog
from chc_desktop.ui.sync.sync_page import SyncPage
from chc_desktop.ui.widgets import fit_to_screen, open_modeless
from chc_desktop.ui.workbench.workbench_page import WorkbenchPage

RESIDENTS = "residents"
REFERRALS = "referrals"
HOMEBEDS = "homebeds"
EVERYTHING = frozenset({RESIDENTS, REFERRALS, HOMEBEDS})
FormT = TypeVar("FormT", bound=QDialog)


class MainWindow(QMainWindow):
    """One window for the whole working day."""

    data_changed = Signal(object)  # frozenset of the areas that changed ("residents", …)

    def __init__(self, services: Services, database_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("main_window")
        user = services.user
        title = self.tr("社区卫生服务中心桌面工作站")
        self.setWindowTitle(f"{title} — {user.display_name}" if user else title)
        fit_to_screen(self, 1366, 820)
        self.editor: ResidentEditor | None = None
        self.referral_form: ReferralEditor | None = None
        self.visit_entry: VisitEntry | None = None
        self.bed_page: BedPage | None = None
        self.idle_lock = IdleLock(services, self)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(136)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pages = QStackedWidget()
        self.workbench: WorkbenchPage | None = None
        if services.ctx.can(Permission.CONTRACT_READ):
            self.workbench = WorkbenchPage(services)
            self.workbench.open_resident.connect(self.open_resident)
            self.workbench.open_referral.connect(self.open_referral)
            self.workbench.record_visit.connect(self.record_visit)
            self.workbench.open_bed.connect(self.open_bed)
            self._add_area(self.tr("工作台"), self.workbench)
        self.residents = ResidentListPage(services)
        self.residents.open_resident.connect(self.open_resident)
        self.residents.new_resident.connect(self.new_resident)
        self.residents.imported.connect(lambda: self.data_changed.emit(frozenset({RESIDENTS})))
        self._add_area(self.tr("居民"), self.residents)
        self.referrals: ReferralRegisterPage | None = None
        if services.ctx.can(Permission.REFERRAL_READ):
            self.referrals = ReferralRegisterPage(services)
            self.referrals.open_resident.connect(self.open_resident)
            self.referrals.changed.connect(lambda: self.data_changed.emit(frozenset({REFERRALS})))
            self._add_area(self.tr("转诊"), self.referrals)
        self.homebeds: BedListPage | None = None
        if services.ctx.can(Permission.HOMEBED_READ):
            self.homebeds = BedListPage(services)
            self.homebeds.open_resident.connect(self.open_resident)
            self.homebeds.changed.connect(lambda: self.data_changed.emit(frozenset({HOMEBEDS})))
            self._add_area(self.tr("家庭病床"), self.homebeds)
        self.sync = SyncController(services, self, ask_token_dialog(self))
        self.sync_page = SyncPage(services, self.sync)
        self.sync_page.open_resident.connect(self.open_resident)
        self._add_area(self.tr("同步"), self.sync_page)
        self.admin: AdminPage | None = None
        if services.ctx.can(Permission.USER_MANAGE) or services.ctx.can(Permission.SETTINGS_MANAGE):
            self.admin = AdminPage(services)
            self._add_area(self.tr("管理"), self.admin)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.data_changed.connect(self._refresh)

        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)

        self.search = GlobalSearch(services)
        self.search.open_resident.connect(self.open_resident)
        toolbar = QToolBar(self.tr("查找"))
        toolbar.setObjectName("search_toolbar")
        toolbar.setMovable(False)
        toolbar.setFloatable(False)
        toolbar.toggleViewAction().setEnabled(False)
        app_title = QLabel(title)
        app_title.setObjectName("app_title")
        toolbar.addWidget(app_title)
        toolbar.addWidget(self.search)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)

        self._make_actions()
        self._make_status_bar(database_name)
        self._restore_window()
        self.sync.finished.connect(self._synced)
        self.sync.start()
        if self.workbench is not None:
            self.workbench.refresh()

    # ------------------------------------------------------------------ set-up
    def _add_area(self, title: str, page: QWidget) -> None:
        self.nav.addItem(title)
        self.pages.addWidget(page)

    def _action(
        self, text: str, name: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.new_action = self._action(self.tr("新建档案(&N)"), "action_new", "Ctrl+N")
        self.new_action.triggered.connect(self.new_resident)
        self.new_action.setEnabled(self.services.ctx.can(Permission.RESIDENT_WRITE))
        self.find_action = self._action(self.tr("查找居民(&F)"), "action_find", "Ctrl+F")
        self.find_action.triggered.connect(self.focus_search)
        self.refresh_action = self._action(self.tr("刷新(&R)"), "action_refresh", "F5")
        self.refresh_action.triggered.connect(lambda: self.data_changed.emit(EVERYTHING))
        self.quit_action = self._action(self.tr("退出(&X)"), "action_quit", "Ctrl+Q")
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.sync_action = self._action(self.tr("立即同步(&S)"), "action_sync", "F9")
        self.sync_action.triggered.connect(lambda: self.sync.sync_now(interactive=True))
        self.batch_print_action = self._action(self.tr("批量打印(&P)…"), "action_batch_print", "Ctrl+P")
        self.batch_print_action.triggered.connect(self.batch_print)
        self.batch_print_action.setEnabled(bool(batch_forms(self.services)))
        self.calibration_action = self._action(self.tr("打印校准(&C)…"), "action_print_calibration")
        self.calibration_action.triggered.connect(self.print_calibration)
        self.about_action = self._action(self.tr("关于(&A)"), "action_about")
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.about)
        self.area_actions: list[QAction] = []
        for i in range(self.nav.count()):
            action = self._action(self.nav.item(i).text(), f"action_area_{i}", f"Ctrl+{i + 1}")
            action.triggered.connect(lambda _checked=False, row=i: self.nav.setCurrentRow(row))
            self.area_actions.append(action)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("文件(&F)"))
        file_menu.addActions([self.batch_print_action, self.calibration_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        resident_menu = menu.addMenu(self.tr("居民(&R)"))
        resident_menu.addActions([self.new_action, self.find_action, self.refresh_action])
        sync_menu = menu.addMenu(self.tr("同步(&S)"))
        sync_menu.addAction(self.sync_action)
        view_menu = menu.addMenu(self.tr("视图(&V)"))
        view_menu.addActions(self.area_actions)
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("界面语言(&L)"))
        current = str(QSettings().value("ui/language", i18n.DEFAULT))
        self.language_actions = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():
            action = language_menu.addAction(name)
            action.setObjectName(f"action_language_{code}")
            action.setCheckable(True)
            action.setChecked(code == current)
            action.setData(code)
            self.language_actions.addAction(action)
        self.language_actions.triggered.connect(self._choose_language)
        help_menu = menu.addMenu(self.tr("帮助(&H)"))
        help_menu.addAction(self.about_action)

    def _make_status_bar(self, database_name: str) -> None:
        user = self.services.user
        role = ROLE_LABELS[Role(user.role)] if user else ""
        site = ""
        if user is not None and user.site_id is not None:
            try:
                site = self.services.sites.get(user.site_id).name
            except ServiceError:
                site = ""
        self.user_label = QLabel(f"{user.display_name}（{role}）" if user else "")
        self.user_label.setObjectName("status_user")
        self.site_label = QLabel(site or self.tr("未指定机构"))
        self.site_label.setObjectName("status_site")
        self.database_label = QLabel(self.tr("数据库：%1").replace("%1", database_name))
        self.database_label.setObjectName("status_database")
        self.sync_label = SyncStatusLabel(self.sync)
        self.sync_label.clicked.connect(lambda: self.nav.setCurrentRow(self.pages.indexOf(self.sync_page)))
        for label in (self.sync_label, self.user_label, self.site_label, self.database_label):
            self.statusBar().addPermanentWidget(label)
        self.sync_label.show_status(self.sync.status())

    def _restore_window(self) -> None:
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value("main_window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    # ------------------------------------------------------------------ actions
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def new_resident(self) -> None:
        if self.services.ctx.can(Permission.RESIDENT_WRITE):
            self._edit(None)

    def open_resident(self, resident_id: uuid.UUID) -> None:
        self._edit(resident_id)

    def open_referral(self, referral_id: uuid.UUID) -> None:
        """A referral's form from a worklist, on top of whatever page is shown."""
        form = self._form(lambda: ReferralEditor.open_referral(self.services, referral_id, self))
        if form is not None:
            self.referral_form = form
            open_modeless(form, form.changed, lambda _rid: self.data_changed.emit(frozenset({REFERRALS})))

    def record_visit(self, bed_id: uuid.UUID) -> None:
        """The quick visit entry for a bed on the day's round (keyboard only)."""
        entry = self._form(lambda: VisitEntry.for_bed(self.services, bed_id, self))
        if entry is not None:
            self.visit_entry = entry
            open_modeless(entry, entry.saved, lambda _vid: self.data_changed.emit(frozenset({HOMEBEDS})))

    def open_bed(self, bed_id: uuid.UUID) -> None:
        page = self._form(lambda: BedPage(self.services, bed_id, self))
        if page is not None:
            self.bed_page = page
            open_modeless(page, page.changed, lambda _bid: self.data_changed.emit(frozenset({HOMEBEDS})))

    def _form(self, build: Callable[[], FormT]) -> FormT | None:
        """A form opened from a worklist, or None with the reason shown when it cannot be read."""
        try:
            return build()
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return None

    def batch_print(self) -> BatchPrintDialog:
        dialog = BatchPrintDialog(self.services, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def print_calibration(self) -> CalibrationDialog:
        dialog = CalibrationDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _edit(self, resident_id: uuid.UUID | None) -> None:
        if self.editor is not None and self.editor.isVisible():
            self.editor.raise_()
            self.editor.activateWindow()
            return
        try:
            editor = ResidentEditor(self.services, resident_id, self)
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        instead: list[uuid.UUID] = []
        editor.saved.connect(lambda _rid: self._saved(editor))
        editor.changed.connect(lambda _rid: self.data_changed.emit(EVERYTHING))
        editor.open_instead.connect(instead.append)

        def finished(_result: int) -> None:
            self.editor = None
            if instead:
                self._edit(instead[-1])

        editor.finished.connect(finished)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = editor
        editor.open()

    def _saved(self, editor: ResidentEditor) -> None:
        saved = editor.saved_file
        if saved is not None:
            name = saved.draft.name
            if editor.resident_id is None:
                message = (
                    self.tr("已建档：%1，档案编号 %2")
                    .replace("%1", name)
                    .replace("%2", saved.record_no_formatted)
                )
            else:
                message = self.tr("已保存：%1").replace("%1", name)
            self.statusBar().showMessage(message, 8000)
        self.data_changed.emit(frozenset({RESIDENTS}))

    def _choose_language(self, action: QAction) -> None:
        QSettings().setValue("ui/language", str(action.data()))
        self.statusBar().showMessage(
            self.tr("界面语言已设为 %1，下次启动时生效。").replace("%1", action.text()), 8000
        )

    def _refresh(self, areas: frozenset[str]) -> None:
        if RESIDENTS in areas:
            self.residents.refresh()
        if REFERRALS in areas and self.referrals is not None:
            self.referrals.refresh()
        if HOMEBEDS in areas and self.homebeds is not None:
            self.homebeds.refresh()
        if self.workbench is not None:
            self.workbench.refresh()

    def _synced(self, report: SyncReport | None, message: str) -> None:
        if report is not None and report.pulled:
            self.data_changed.emit(EVERYTHING)

    def about(self) -> None:
        title = self.tr("社区卫生服务中心桌面工作站")
        version = self.tr("版本 %1").replace("%1", __version__)
        scope = self.tr("居民健康档案、家庭医生签约、安宁疗护、家庭病床与转诊。")
        QMessageBox.about(self, self.tr("关于"), f"{title}\n{version}\n\n{scope}")

    def closeEvent(self, event: QCloseEvent) -> None:
        settings = QSettings()
        settings.setValue("main_window/geometry", self.saveGeometry())
        settings.setValue("main_window/state", self.saveState())
        self.search.popup.hide()
        self.sync.stop()
        super().closeEvent(event)
