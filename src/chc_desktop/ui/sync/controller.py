"""Sync in the background: on an interval, on demand, and as soon as the hub is reachable again;
and the status-bar label that always shows where sync stands."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit, QWidget

from chc_desktop.services.app import Services
from chc_desktop.services.hub_link import NeedToken
from chc_desktop.services.sync import SyncStatus
from chc_desktop.sync import credentials
from chc_desktop.sync.device import SyncReport
from chc_desktop.sync.protocol import SyncError
from chc_desktop.ui.sync.models import when

INTERVAL_MS = 5 * 60_000  # a sync every five minutes while online
PROBE_MS = 60_000  # while offline, look for the hub every minute
START_DELAY_MS = 2000  # the first sync, once the window is up


class _Signals(QObject):
    progress = Signal(str, int, int)
    done = Signal(object)
    failed = Signal(str)
    probed = Signal(bool)


class _Run(QRunnable):
    def __init__(self, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.work, self.signals = work, signals

    def run(self) -> None:
        try:
            result = self.work()
        except (SyncError, NeedToken) as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # never a personal value: only the kind of failure
            self.signals.failed.emit(f"同步出错（{type(exc).__name__}），本机数据未受影响。")
        else:
            self.signals.done.emit(result)


class SyncController(QObject):
    """Owns the timers and the one sync that may run at a time."""

    status_changed = Signal(object)  # SyncStatus
    running_changed = Signal(bool)
    progress = Signal(str, int, int)  # stage, done, total
    finished = Signal(object, str)  # SyncReport or None, message

    def __init__(
        self,
        services: Services,
        parent: QObject | None = None,
        ask_token: Callable[[str], str | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.ask_token = ask_token
        self.running = False
        self.online: bool | None = None
        self.message = ""
        self._token: str | None = None  # typed this session where no keyring exists; never stored
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._signals.progress.connect(self.progress)
        self._signals.done.connect(self._done)
        self._signals.failed.connect(self._failed)
        self._signals.probed.connect(self._probed)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(lambda: self.sync_now(interactive=False))
        self.probe_timer = QTimer(self)
        self.probe_timer.setInterval(PROBE_MS)
        self.probe_timer.timeout.connect(self._probe)

    def start(self) -> None:
        if self.services.sync.hub_url() is None:
            self.refresh()
            return
        self.timer.start()
        QTimer.singleShot(START_DELAY_MS, lambda: self.sync_now(interactive=False))
        self.refresh()

    def stop(self) -> None:
        self.timer.stop()
        self.probe_timer.stop()
        self._cancel.set()

    def status(self) -> SyncStatus:
        return self.services.sync.status()

    def refresh(self) -> None:
        self.status_changed.emit(self.status())

    # ------------------------------------------------------------------ running
    def sync_now(self, interactive: bool = True) -> bool:
        """Start a sync unless one runs; False if it could not start (no hub, no token)."""
        if self.running or self.services.sync.hub_url() is None:
            return False
        token = self.services.sync.stored_token() or self._token
        if token is None:
            if not interactive or self.ask_token is None:
                self.message = credentials.NO_KEYRING
                self.refresh()
                return False
            token = self.ask_token(credentials.NO_KEYRING)
            if not token:
                return False
            self._token = token
        self._cancel.clear()
        self.running = True
        self.running_changed.emit(True)
        signals, cancel, sync = self._signals, self._cancel, self.services.sync

        def work() -> SyncReport:
            return sync.run(token, progress=signals.progress.emit, cancelled=cancel.is_set)

        QThreadPool.globalInstance().start(_Run(work, signals))
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def _done(self, report: SyncReport) -> None:
        self.running = False
        self.online = True
        self.message = report.summary()
        self.probe_timer.stop()
        self.running_changed.emit(False)
        self.refresh()
        self.finished.emit(report, self.message)

    def _failed(self, message: str) -> None:
        self.running = False
        self.online = False
        self.message = message
        self.running_changed.emit(False)
        if not self.probe_timer.isActive():
            self.probe_timer.start()
        self.refresh()
        self.finished.emit(None, message)

    # ------------------------------------------------------------------ back online
    def _probe(self) -> None:
        if self.running:
            return
        signals, sync = self._signals, self.services.sync

        def work() -> bool:
            signals.probed.emit(sync.probe())
            return True

        QThreadPool.globalInstance().start(_Run(work, _Signals()))

    def _probed(self, reachable: bool) -> None:
        if reachable:
            self.probe_timer.stop()
            self.sync_now(interactive=False)


def ask_token_dialog(parent: QWidget) -> Callable[[str], str | None]:
    def ask(reason: str) -> str | None:
        text, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("SyncController", "中心同步凭据"),
            reason
            + "\n\n"
            + QCoreApplication.translate("SyncController", "请输入本工作站的中心凭据（本次运行期间有效）："),
            QLineEdit.EchoMode.Password,
        )
        return text.strip() if ok and text.strip() else None

    return ask


class SyncStatusLabel(QLabel):
    """The status bar's sync summary; a click opens the sync page."""

    clicked = Signal()

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_sync")
        self.controller = controller
        controller.status_changed.connect(self.show_status)
        controller.running_changed.connect(lambda _running: self.show_status(controller.status()))

    def show_status(self, st: SyncStatus) -> None:
        c = self.controller
        if not st.configured:
            self.setText(self.tr("单机使用（未连接中心）"))
            self.setProperty("state", "standalone")
        else:
            online = c.online if c.online is not None else st.online
            if c.running:
                state, text = "running", self.tr("● 正在同步")
            elif online:
                state, text = "online", self.tr("● 在线")
            elif online is None:
                state, text = "unknown", self.tr("○ 尚未同步")
            else:
                state, text = "offline", self.tr("○ 离线")
            parts = [text]
            if st.last_ok:
                parts.append(self.tr("上次同步 %1").replace("%1", when(st.last_ok)[5:]))
            parts.append(self.tr("待上传 %1").replace("%1", str(st.waiting)))
            if st.rejected:
                parts.append(self.tr("被拒 %1").replace("%1", str(st.rejected)))
            if st.conflicts:
                parts.append(self.tr("冲突 %1").replace("%1", str(st.conflicts)))
            self.setText("  ".join(parts))
            self.setProperty(
                "state", "attention" if (st.rejected or st.conflicts) and state == "online" else state
            )
            self.setToolTip(c.message or st.last_message)
        self.style().unpolish(self)
        self.style().polish(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)
