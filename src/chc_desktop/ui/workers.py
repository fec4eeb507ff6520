"""Long work off the UI thread: the one helper every screen reuses (progress, cancel, errors shown).

``run_with_progress(parent, title, work, on_done)`` runs ``work(progress, cancelled)`` in the global
QThreadPool. ``progress(done, total)`` moves the dialog's bar (and raises ``Cancelled`` once the user
pressed 取消, so a job stops at its next report); ``cancelled`` is a ``threading.Event`` for jobs that
prefer to look. The result comes back on the UI thread through ``on_done``; an exception is shown in
a message box (or passed to ``on_failed``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from chc_desktop.services.errors import for_people

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
    """Runs ``work(progress, cancelled)`` in the thread pool and reports back by (queued) signals.

    The pool deletes the runnable when ``run`` returns; its signals object and cancel flag belong to
    the ``Handle`` that the UI keeps until the outcome has been delivered."""

    def __init__(self, work: Work, signals: _Signals, cancel_event: threading.Event) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.cancel_event = cancel_event

    def _progress(self, done: int, total: int) -> None:
        if self.cancel_event.is_set():
            raise Cancelled
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self.work(self._progress, self.cancel_event)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:  # a plain sentence; an unforeseen error's trace goes to a crash file
            self.signals.failed.emit(for_people(exc))
        else:
            if self.cancel_event.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.done.emit(result)


@dataclass(eq=False)
class Handle:
    """A job under way: cancel it, or look at its progress dialog."""

    signals: _Signals
    cancel_event: threading.Event
    dialog: QProgressDialog | None

    def cancel(self) -> None:
        self.cancel_event.set()


_running: set[Handle] = set()


def run_with_progress(
    parent: QWidget | None,
    title: str,
    work: Work,
    on_done: Callable[[Any], None],
    on_failed: Callable[[str], None] | None = None,
    on_cancelled: Callable[[], None] | None = None,
) -> Handle:
    """Start ``work`` off the UI thread with a window-modal progress dialog and a 取消 button."""
    dialog = QProgressDialog(title, QCoreApplication.translate("workers", "取消"), 0, 0, parent)
    dialog.setObjectName("progress")
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal if parent else Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    dialog.setMinimumWidth(360)
    handle = Handle(_Signals(), threading.Event(), dialog)
    _running.add(handle)

    def progress(done: int, total: int) -> None:
        if dialog.maximum() != total:
            dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)

    def close() -> None:
        _running.discard(handle)
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
        handle.cancel()
        dialog.setLabelText(QCoreApplication.translate("workers", "正在取消…"))

    signals = handle.signals
    signals.progress.connect(progress)
    signals.done.connect(finished)
    signals.failed.connect(failed)
    signals.cancelled.connect(cancelled)
    dialog.canceled.connect(cancel)
    QThreadPool.globalInstance().start(Job(work, signals, handle.cancel_event))
    return handle


def run_in_background(
    work: Callable[[], Any], on_done: Callable[[Any], None], on_failed: Callable[[str], None]
) -> Handle:
    """Start ``work`` off the UI thread with no dialog (a page refreshing its figures)."""
    handle = Handle(_Signals(), threading.Event(), None)
    _running.add(handle)

    def finished(result: Any) -> None:
        _running.discard(handle)
        on_done(result)

    def failed(message: str) -> None:
        _running.discard(handle)
        on_failed(message)

    handle.signals.done.connect(finished)
    handle.signals.failed.connect(failed)
    handle.signals.cancelled.connect(lambda: _running.discard(handle))
    QThreadPool.globalInstance().start(Job(lambda _p, _c: work(), handle.signals, handle.cancel_event))
    return handle
