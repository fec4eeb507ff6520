"""Form widgets bound to the national code lists: single choice, multi-choice with 其他, and the
message shown under a field when it is wrong."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from chc_desktop.domain.codes import CodeList


class CodeCombo(QComboBox):
    """One code of a list. Items read "1 男" so typing the code from the paper form selects it."""

    def __init__(self, codes: CodeList, parent: QWidget | None = None, exclude: Sequence[str] = ()) -> None:
        super().__init__(parent)
        self.codes = codes
        self.addItem(QCoreApplication.translate("CodeCombo", "（未填）"), "")
        for c in codes.codes:
            if c.code not in exclude:
                self.addItem(f"{c.code} {c.label}", c.code)
        self.setObjectName(codes.key)

    def value(self) -> str:
        return str(self.currentData() or "")

    def set_value(self, code: str) -> None:
        i = self.findData(code)
        self.setCurrentIndex(i if i >= 0 else 0)


class MultiCodePicker(QWidget):
    """Several codes of a list as check boxes (the form's □/□/□), with the 其他 text when it has one."""

    changed = Signal()

    def __init__(self, codes: CodeList, parent: QWidget | None = None, columns: int = 4) -> None:
        super().__init__(parent)
        self.codes = codes
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        self.boxes: dict[str, QCheckBox] = {}
        for i, c in enumerate(codes.codes):
            box = QCheckBox(f"{c.code} {c.label}", self)
            box.setObjectName(f"{codes.key}_{c.code}")
            box.toggled.connect(self.changed)
            self.boxes[c.code] = box
            grid.addWidget(box, i // columns, i % columns)
        self.other: QLineEdit | None = None
        if codes.other_code:
            self.other = QLineEdit(self)
            self.other.setPlaceholderText(QCoreApplication.translate("MultiCodePicker", "选“其他”时请写明"))
            self.other.setObjectName(f"{codes.key}_other")
            self.other.textChanged.connect(self.changed)
            row = len(codes.codes) // columns + 1
            grid.addWidget(self.other, row, 0, 1, columns)

    def value(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def other_text(self) -> str:
        return self.other.text() if self.other else ""

    def set_value(self, chosen: Sequence[str], other: str = "") -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)
        if self.other:
            self.other.setText(other)


class ErrorLabel(QLabel):
    """The message under a field; empty and hidden when the field is right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


def with_error(widget: QWidget, error: ErrorLabel) -> QWidget:
    """A field and its message, stacked, for a form row."""
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    layout.addWidget(widget, 1)
    layout.addWidget(error, 1)
    return box
