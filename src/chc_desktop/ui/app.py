"""Start-up: Qt application, font and style, language, database (checked and migrated), the first
administrator, login, the demo data, the main window. Entry point ``chc-desktop``.

    chc-desktop                    the default profile
    chc-desktop --demo             the demo profile (5,000 synthetic residents, demo accounts)
    chc-desktop --profile NAME     another profile under the data directory
    chc-desktop --db PATH          a database file
    chc-desktop --lang en          English (Simplified Chinese is the default)
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from chc_desktop import __version__
from chc_desktop.config import DEFAULT_PROFILE, DEMO_PROFILE, check_profile, database_path
from chc_desktop.security.roles import ROLE_LABELS, Role
from chc_desktop.services.app import Services, open_database
from chc_desktop.services.demo import DEMO_ACCOUNTS, build_demo, ensure_committees, ensure_demo_accounts
from chc_desktop.services.errors import ServiceError, for_people
from chc_desktop.services.residents import Filters
from chc_desktop.store.database import Database, DatabaseError
from chc_desktop.ui import i18n, theme
from chc_desktop.ui.login import FirstAdminDialog, LoginDialog
from chc_desktop.ui.main_window import MainWindow
from chc_desktop.ui.workers import Progress, run_with_progress

DEMO_RESIDENTS = 5000
ORGANIZATION = "CHC"
APPLICATION = "CHCDesktop"


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="chc-desktop", description="社区卫生服务中心桌面工作站 CHC Desktop")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--demo", action="store_true", help="open the demo profile (synthetic residents)")
    where.add_argument("--profile", default=None, help="open this profile's database")
    where.add_argument("--db", default=None, help="open this database file")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), help="zh_CN (default) or en")
    parser.add_argument("--version", action="version", version=f"chc-desktop {__version__}")
    args, _qt_args = parser.parse_known_args(list(argv))  # Qt's own options (-platform …) pass through
    return args


def make_application(argv: Sequence[str], language: str | None) -> QApplication:
    """The QApplication with our names (for QSettings), language, font and style."""
    existing = QApplication.instance()
    if existing is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        existing = QApplication(list(argv))
    assert isinstance(existing, QApplication)
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QCoreApplication.setApplicationVersion(__version__)
    settings = QSettings()
    if language:
        settings.setValue("ui/language", language)
    chosen = language or str(settings.value("ui/language", i18n.DEFAULT))
    i18n.install(existing, chosen if chosen in i18n.LANGUAGES else i18n.DEFAULT)
    theme.apply(existing)
    return existing


def build_demo_residents(db: Database, services: Services, residents: int) -> None:
    """On the demo profile's first start: synthetic residents, built off the UI thread with progress."""
    if services.residents.count(Filters(status=None)):
        return
    loop = QEventLoop()

    def work(progress: Progress, _cancelled: threading.Event) -> None:
        progress(0, residents)
        build_demo(db, residents, progress=progress)

    def failed(message: str) -> None:
        QMessageBox.warning(None, title, message)
        loop.quit()

    title = QCoreApplication.translate("app", "正在生成演示数据（%1 位虚构居民）…")
    title = title.replace("%1", str(residents))
    run_with_progress(None, title, work, lambda _result: loop.quit(), failed, loop.quit)
    loop.exec()


def install_error_boundary(title: str) -> None:
    """The UI's one boundary for errors nobody caught (in a slot, an event, start-up): the user
    reads one plain sentence; the trace goes, masked, to a private crash file — never to the
    screen or the console with personal values in it."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        QMessageBox.critical(None, title, for_people(exc.with_traceback(tb)))

    sys.excepthook = hook


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    app = make_application(argv, args.lang)
    title = QCoreApplication.translate("app", "社区卫生服务中心桌面工作站")
    install_error_boundary(title)
    try:
        profile = check_profile(args.profile or (DEMO_PROFILE if args.demo else DEFAULT_PROFILE))
    except ValueError as exc:
        QMessageBox.critical(None, title, str(exc))
        return 2
    path = Path(args.db).expanduser() if args.db else database_path(profile)
    try:
        db = open_database(path)
    except DatabaseError as exc:
        QMessageBox.critical(None, title, str(exc))
        return 1
    try:
        return _run(app, db, args.demo, path.name if args.db else profile)
    finally:
        db.close()


def _run(app: QApplication, db: Database, demo: bool, database_name: str) -> int:
    if demo:
        try:
            ensure_demo_accounts(db)
        except ServiceError as exc:  # a real profile opened with --demo
            title = QCoreApplication.translate("app", "社区卫生服务中心桌面工作站")
            QMessageBox.critical(None, title, str(exc))
            return 1
        ensure_committees(db)
    services = Services(db)
    if services.needs_first_admin():
        first = FirstAdminDialog(services)
        if first.exec() != FirstAdminDialog.DialogCode.Accepted:
            return 0
    accounts = [(user, ROLE_LABELS[Role(role)]) for user, _name, role, _password in DEMO_ACCOUNTS]
    login = LoginDialog(services, accounts if demo else None, demo_password=DEMO_ACCOUNTS[0][3])
    if login.exec() != LoginDialog.DialogCode.Accepted or login.logged_in is None:
        return 0
    user_services = login.logged_in
    if demo:
        try:
            build_demo_residents(db, user_services, DEMO_RESIDENTS)
        except ServiceError as exc:
            QMessageBox.warning(None, login.windowTitle(), str(exc))
    window = MainWindow(user_services, database_name)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
