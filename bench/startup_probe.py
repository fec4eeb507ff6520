"""Child process for the start-up benchmark: prints a line when the first window is painted.

    startup_probe.py app DB    CHC Desktop: open (check, migrate) the database, log in, main window
    startup_probe.py bare DB   baseline: an empty PySide6 window

The parent measures wall time from spawning this process to reading the line, so interpreter
start, imports, database open, login (Argon2id) and the first paint are all counted.
"""

from __future__ import annotations

import sys


def main() -> None:
    mode, path = sys.argv[1], sys.argv[2]
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                print("painted", flush=True)
                QTimer.singleShot(0, QApplication.quit)
                watched.removeEventFilter(self)
            return False

    if mode == "bare":
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
    else:
        from pathlib import Path

        from chc_desktop.services.app import Services, open_database
        from chc_desktop.ui.app import make_application
        from chc_desktop.ui.main_window import MainWindow

        app = make_application(sys.argv[:1], "zh_CN")
        db = open_database(Path(path))
        services = Services(db).login("doctor", "demo1234")
        window = MainWindow(services, "bench")
    watch = PaintWatch()
    window.installEventFilter(watch)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
