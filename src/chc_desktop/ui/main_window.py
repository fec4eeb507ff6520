"""The main window: navigation on the left, global search on top, the area pages, a status bar."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from chc_desktop import __version__
from chc_desktop.security.roles import ROLE_LABELS, Permission, Role
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.ui.admin.settings_page import SettingsPage
from chc_desktop.ui.admin.users_page import UsersPage
from chc_desktop.ui.residents.editor import DuplicateDialog, ResidentEditor
from chc_desktop.ui.residents.list_page import ResidentListPage
from chc_desktop.ui.search_box import GlobalSearch


class MainWindow(QMainWindow):
    def __init__(self, services: Services, profile: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("社区卫生服务中心桌面工作站"))
        self.editor: ResidentEditor | None = None
        self.resize(1280, 800)

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.pages = QStackedWidget()
        self.residents = ResidentListPage(services)
        self.residents.open_resident.connect(self.open_resident)
        self.residents.new_resident.connect(self.new_resident)
        self._add_page(self.tr("居民"), self.residents)
        if services.ctx.can(Permission.USER_MANAGE):
            self._add_page(self.tr("管理：用户"), UsersPage(services))
        if services.ctx.can(Permission.SETTINGS_MANAGE):
            self._add_page(self.tr("管理：设置"), SettingsPage(services))
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.setCurrentRow(0)

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
        toolbar.addWidget(self.search)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self._actions()
        self._status_bar(profile)
        settings = QSettings()
        geometry = settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)  # type: ignore[arg-type]

    def _add_page(self, title: str, page: QWidget) -> None:
        self.nav.addItem(title)
        self.pages.addWidget(page)

    def _actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("文件(&F)"))
        resident_menu = menu.addMenu(self.tr("居民(&R)"))
        help_menu = menu.addMenu(self.tr("帮助(&H)"))
        new = QAction(self.tr("新建档案"), self, shortcut=QKeySequence("Ctrl+N"), triggered=self.new_resident)
        new.setObjectName("action_new")
        if not self.services.ctx.can(Permission.RESIDENT_WRITE):
            new.setEnabled(False)
        find = QAction(self.tr("查找居民"), self, shortcut=QKeySequence("Ctrl+F"), triggered=self.focus_search)
        find.setObjectName("action_find")
        refresh = QAction(self.tr("刷新列表"), self, shortcut=QKeySequence("F5"), triggered=self.residents.refresh)
        quit_action = QAction(self.tr("退出"), self, shortcut=QKeySequence("Ctrl+Q"), triggered=self.close)
        about = QAction(self.tr("关于"), self, triggered=self.about)
        resident_menu.addActions([new, find, refresh])
        file_menu.addAction(quit_action)
        help_menu.addAction(about)
        for action in (new, find, refresh, quit_action):
            self.addAction(action)

    def _status_bar(self, profile: str) -> None:
        user = self.services.user
        role = ROLE_LABELS[Role(user.role)] if user else ""
        site = ""
        if user and user.site_id:
            try:
                site = self.services.sites.get(user.site_id).name
            except ServiceError:
                site = ""
        self.user_label = QLabel(f"{user.display_name if user else ''}（{role}）")
        self.user_label.setObjectName("status_user")
        self.site_label = QLabel(site or self.tr("未指定机构"))
        self.site_label.setObjectName("status_site")
        self.profile_label = QLabel(self.tr("数据库：%1").replace("%1", profile))
        for label in (self.user_label, self.site_label, self.profile_label):
            self.statusBar().addPermanentWidget(label)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def open_resident(self, resident_id: uuid.UUID) -> None:
        self._edit(resident_id)

    def new_resident(self) -> None:
        if self.services.ctx.can(Permission.RESIDENT_WRITE):
            self._edit(None)

    def _edit(self, resident_id: uuid.UUID | None) -> None:
        try:
            editor = ResidentEditor(self.services, resident_id, self)
        except ServiceError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        saved: list[uuid.UUID] = []
        editor.saved.connect(saved.append)

        def finished(result: int) -> None:
            if saved:
                self.residents.refresh()
            if result == DuplicateDialog.OPEN_EXISTING and saved:
                self._edit(saved[-1])

        editor.finished.connect(finished)
        previous, self.editor = self.editor, editor
        if previous is not None and not previous.isVisible():
            previous.deleteLater()
        editor.open()

    def about(self) -> None:
        QMessageBox.about(self, self.tr("关于"), self.tr("社区卫生服务中心桌面工作站 %1").replace("%1", __version__))

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)
