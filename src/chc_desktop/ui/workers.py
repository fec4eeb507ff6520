"""Long work off the UI thread: the one helper every screen reuses (progress, cancel, errors shown).

``run_with_progress(parent, title, work, on_done)`` runs ``work(progress, cancelled)`` in the global
QThreadPool. ``progress(done, total)`` moves the dialog's bar (and raises ``Cancelled`` once the user
pressed 取消, so a job stops at its next report); ``cancelled`` is a ``threading.Event`` for jobs that
prefer to look. The result comes back on the UI thread through ``on_done``; an exception is shown in
a message box (or passed to ``on_failed``).
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

Progress = Callable[[int, int], None]
Work = Callable[[Progress, threading.Event], Any]


class Cancelled(Exception):
    """Raised inside a job when the user pressed cancel."""


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Job(QRunnable):
    """Runs ``work(progress, cancelled)`` in the thread pool and reports back by (queued) signals."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it (see _running) until its signals are delivered
        self.work = work
        self.signals = _Signals()
        self.cancel_event = threading.Event()

    def _progress(self, done: int, total: int) -> None:
        if self.cancel_event.is_set():
            raise Cancelled
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self.work(self._progress, self.cancel_event)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # shown to the user; the trace (no personal data) goes to stderr
            traceback.print_exception(type(exc), exc, exc.__traceback__)
            self.signals.failed.emit(str(exc) or type(exc).__name__)
        else:
            if self.cancel_event.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.done.emit(result)


_running: set[Job] = set()


def run_with_progress(
    parent: QWidget | None,
    title: str,
    work: Work,
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> Job:
    """Start ``work`` off the UI thread with a window-modal progress dialog and a 取消 button."""
    dialog = QProgressDialog(title, QCoreApplication.translate("workers", "取消"), 0, 0, parent)
    dialog.setObjectName("progress")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.setMinimumWidth(360)
    job = Job(work)
    _running.add(job)

    def progress(done: int, total: int) -> None:
        if dialog.maximum() != total:
            dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)

    def close() -> None:
        _running.discard(job)
        dialog.reset()
        dialog.hide()
        dialog.deleteLater()

    def finished(result: Any) -> None:
        close()
        on_done(result)

    def failed(message: str) -> None:
        close()
        if on_failed is not None:
            on_failed(message)
        else:
            QMessageBox.warning(parent, title, message)

    def cancelled() -> None:
        close()
        if on_cancelled is not None:
            on_cancelled()

    def cancel() -> None:
        job.cancel_event.set()
        dialog.setLabelText(QCoreApplication.translate("workers", "正在取消…"))

    job.signals.progress.connect(progress)
    job.signals.done.connect(finished)
    job.signals.failed.connect(failed)
    job.signals.cancelled.connect(cancelled)
    dialog.canceled.connect(cancel)
    QThreadPool.globalInstance().start(job)
    return job
