"""Start-up: Qt application, font, language, database (checked and migrated), first administrator,
login, main window. Entry point ``chc-desktop``."""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from chc_desktop import __version__
from chc_desktop.config import DEFAULT_PROFILE, DEMO_PROFILE, check_profile, database_path
from chc_desktop.security.roles import ROLE_LABELS, Role
from chc_desktop.services.app import Services, open_database
from chc_desktop.services.demo import DEMO_ACCOUNTS, build_demo, ensure_committees, ensure_demo_accounts
from chc_desktop.services.residents import Filters
from chc_desktop.store.database import Database, DatabaseError
from chc_desktop.ui import i18n, theme
from chc_desktop.ui.login import FirstAdminDialog, LoginDialog
from chc_desktop.ui.main_window import MainWindow
from chc_desktop.ui.workers import Progress, run_with_progress

DEMO_RESIDENTS = 5000


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="chc-desktop", description="社区卫生服务中心桌面工作站")
    parser.add_argument("--demo", action="store_true", help="open the demo profile (synthetic residents)")
    parser.add_argument("--profile", default=None)
    parser.add_argument("--db", help="a database file")
    parser.add_argument("--lang", choices=sorted(i18n.LANGUAGES), help="zh_CN (default) or en")
    parser.add_argument("--version", action="version", version=f"chc-desktop {__version__}")
    args, _qt_args = parser.parse_known_args(list(argv))
    return args


def make_application(argv: Sequence[str], language: str | None) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv))
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName("CHC")
    QCoreApplication.setApplicationName("CHCDesktop")
    chosen = language or str(QSettings().value("ui/language", "zh_CN"))
    if language:
        QSettings().setValue("ui/language", language)
    i18n.install(app, chosen)
    theme.apply(app)
    return app


def prepare_demo(db: Database, residents: int = DEMO_RESIDENTS) -> None:
    """Demo accounts always; synthetic residents on first start, built off the UI thread."""
    ensure_demo_accounts(db)
    ensure_committees(db)
    if Services(db).login("admin", DEMO_ACCOUNTS[0][3]).residents.count(Filters(status=None)):
        return
    loop = QEventLoop()

    def work(progress: Progress, _cancel: threading.Event) -> None:
        build_demo(db, residents, progress=progress)

    def finished(_result: object) -> None:
        loop.quit()

    title = QCoreApplication.translate("app", "正在生成演示数据…")
    run_with_progress(None, title, work, finished, lambda _message: loop.quit())
    loop.exec()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    app = make_application(argv, args.lang)
    title = QCoreApplication.translate("app", "社区卫生服务中心桌面工作站")
    try:
        profile = check_profile(args.profile or (DEMO_PROFILE if args.demo else DEFAULT_PROFILE))
    except ValueError as exc:
        QMessageBox.critical(None, title, str(exc))
        return 2
    path = Path(args.db) if args.db else database_path(profile)
    try:
        db = open_database(path)
    except DatabaseError as exc:
        QMessageBox.critical(None, title, str(exc))
        return 1
    if args.demo:
        prepare_demo(db)
    services = Services(db)
    if services.needs_first_admin() and FirstAdminDialog(services).exec() != FirstAdminDialog.DialogCode.Accepted:
        return 0
    demo = [(u, ROLE_LABELS[Role(r)]) for u, _n, r, _p in DEMO_ACCOUNTS] if args.demo else None
    login = LoginDialog(services, demo)
    if login.exec() != LoginDialog.DialogCode.Accepted or login.logged_in is None:
        return 0
    window = MainWindow(login.logged_in, path.name if args.db else profile)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
