"""Guards against a known PySide6 defect: 6.12.0 on CPython 3.11 drops a reference to None on
every Qt call that returns nothing, and the interpreter aborts after minutes of typing."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel


def test_qt_calls_do_not_leak_references_to_none(qapp: QApplication) -> None:
    label = QLabel()
    before = sys.getrefcount(None)
    for i in range(20_000):
        label.setText(str(i))  # returns None
    after = sys.getrefcount(None)
    # A healthy binding leaves the count where it was (give or take other objects' churn).
    assert after > before - 1_000, "this PySide6 build leaks references to None (see pyproject.toml)"
