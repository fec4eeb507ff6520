"""Small widgets every form uses: a combo box one can type into, code lists as combos and check
boxes (the paper form's □), and the red message that stands under a field when it is wrong."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt, Signal, SignalInstance
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain.codes import CodeList
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.services.hub_admin import NeedHubLogin

if TYPE_CHECKING:
    from chc_desktop.services.app import Services

KEYS_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchableCombo(QComboBox):
    """A closed combo box that selects as one types: the code printed on the paper form ("1", "10"),
    the start of the label ("男", "仙霞") or any part of it. Space or F4 opens the list; Up/Down step."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typed = ""
        self._last = 0.0
        self.setMaxVisibleItems(16)
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)

    def add_choice(self, text: str, data: Any, keys: Iterable[str] = ()) -> None:
        self.addItem(text, data)
        self.setItemData(self.count() - 1, [k.lower() for k in keys if k], KEYS_ROLE)

    def showPopup(self) -> None:
        # The list may be wider than the closed box (long labels such as the 职业 codes).
        view = self.view()
        view.setMinimumWidth(max(self.width(), view.sizeHintForColumn(0) + 28))
        super().showPopup()

    def index_of(self, value: Any) -> int:
        """The item holding ``value`` (compared in Python: ids are UUID objects), or -1."""
        if value is None:
            return -1
        for i in range(self.count()):
            if self.itemData(i) == value:
                return i
        return -1

    def select(self, value: Any, fallback: int = 0) -> None:
        i = self.index_of(value)
        self.setCurrentIndex(i if i >= 0 else fallback)

    def find_typed(self, typed: str) -> int:
        typed = typed.lower()
        texts = [
            (i, self.itemText(i).lower(), self.itemData(i, KEYS_ROLE) or []) for i in range(self.count())
        ]
        for i, text, keys in texts:  # code or whole text
            if text.startswith(typed) or any(k.startswith(typed) for k in keys):
                return i
        for i, text, _keys in texts:  # any part of the label
            if typed in text:
                return i
        return -1

    def type_text(self, text: str) -> None:
        """Select by what was typed; a pause longer than the keyboard interval starts afresh."""
        now = time.monotonic()
        if now - self._last > QApplication.keyboardInputInterval() / 1000:
            self._typed = ""
        self._last = now
        self._typed += text
        found = self.find_typed(self._typed)
        if found < 0 and len(self._typed) > len(text):
            self._typed = text
            found = self.find_typed(text)
        if found >= 0:
            self.setCurrentIndex(found)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        mods = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if text and text.isprintable() and not text.isspace() and not mods:
            self.type_text(text)
            event.accept()
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """Chinese typed through an input method (拼音输入法) arrives here, not as key presses."""
        if event.commitString():
            self.type_text(event.commitString())
            event.accept()
            return
        super().inputMethodEvent(event)


class CodeCombo(SearchableCombo):
    """One code of a national code list. Items read "1 男" so the code on the paper form selects it."""

    def __init__(
        self,
        codes: CodeList,
        parent: QWidget | None = None,
        exclude: Sequence[str] = (),
        empty: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.codes = codes
        self.setObjectName(codes.key)
        self.addItem(empty if empty is not None else QCoreApplication.translate("CodeCombo", "（未填）"), "")
        for c in codes.codes:
            if c.code not in exclude:
                self.add_choice(f"{c.code} {c.label}", c.code, (c.code, c.label))

    def value(self) -> str:
        return str(self.currentData() or "")

    def set_value(self, code: str | None) -> None:
        self.select(code or "")


class MultiCodePicker(QWidget):
    """Several codes of a list as check boxes (the form's □/□/□), and the 其他 text when it has one."""

    changed = Signal()

    def __init__(
        self, codes: CodeList, parent: QWidget | None = None, columns: int = 4, with_other: bool = True
    ) -> None:
        super().__init__(parent)
        self.codes = codes
        self.setObjectName(codes.key)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        self.boxes: dict[str, QCheckBox] = {}
        for i, c in enumerate(codes.codes):
            box = QCheckBox(f"{c.code} {c.label}", self)
            box.setObjectName(f"{codes.key}_{c.code}")
            box.toggled.connect(self._toggled)
            self.boxes[c.code] = box
            grid.addWidget(box, i // columns, i % columns)
        self.other: QLineEdit | None = None
        if with_other and codes.other_code:
            self.other = QLineEdit(self)
            self.other.setObjectName(f"{codes.key}_other")
            self.other.setPlaceholderText(
                QCoreApplication.translate("MultiCodePicker", "选“%1”时请写明").replace(
                    "%1", codes.label(codes.other_code)
                )
            )
            self.other.setEnabled(False)
            self.other.textChanged.connect(self.changed)
            grid.addWidget(self.other, (len(codes.codes) - 1) // columns + 1, 0, 1, columns)

    def _toggled(self) -> None:
        if self.other is not None and self.codes.other_code:
            self.other.setEnabled(self.boxes[self.codes.other_code].isChecked())
        self.changed.emit()

    def value(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def other_text(self) -> str:
        return self.other.text() if self.other is not None and self.other.isEnabled() else ""

    def set_value(self, chosen: Sequence[str], other: str = "") -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in chosen)
        if self.other is not None:
            self.other.setText(other)

    def set_read_only(self, read_only: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(not read_only)
        if self.other is not None:
            self.other.setReadOnly(read_only)


class EnterLineEdit(QLineEdit):
    """A line edit whose Enter is its own (e.g. 查找) and does not also press the dialog's default button."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class ErrorLabel(QLabel):
    """What is wrong with a field, in red, right under it; hidden while the field is right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "error")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


def stacked(widget: QWidget, error: ErrorLabel) -> QWidget:
    """A field with its message under it, for one row of a form."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(error)
    return box


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """Mark a field (red border in the style sheet) or clear the mark."""
    if bool(widget.property("invalid")) != invalid:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def set_read_only(edit: QPlainTextEdit, read_only: bool) -> None:
    """Lock or unlock a text box and let the style sheet show it (its [readOnly] rule is read at polish)."""
    if edit.isReadOnly() != read_only:
        edit.setReadOnly(read_only)
        edit.style().unpolish(edit)
        edit.style().polish(edit)


def open_modeless(
    dialog: QDialog,
    written: SignalInstance,
    on_written: Callable[[Any], object],
    on_closed: Callable[[], object] | None = None,
) -> None:
    """Show a form window-modal without blocking the caller: ``on_written`` after each write it
    announces on ``written``, ``on_closed`` when it closes (it is deleted then)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    written.connect(on_written)
    if on_closed is not None:
        dialog.finished.connect(lambda _result: on_closed())
    dialog.open()


def add_staff_choices(combo: SearchableCombo, services: Services) -> None:
    """Every doctor and nurse as a choice (found by name or user name), the role after the name."""
    for role, suffix in (
        ("doctor", QCoreApplication.translate("Widgets", "（医生）")),
        ("nurse", QCoreApplication.translate("Widgets", "（护士）")),
    ):
        try:
            people = services.users.staff(role)
        except ServiceError:
            people = []
        for u in people:
            combo.add_choice(u.display_name + suffix, u.id, (u.display_name, u.username))


def ask_discard(parent: QWidget, text: str) -> bool:
    """Whether the user drops unsaved changes (放弃 / 取消, 取消 the default)."""
    answer = QMessageBox.question(
        parent,
        parent.windowTitle(),
        text,
        QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Discard


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to width × height, or less on a small screen (1366×768 laptops are common)."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width, height = min(width, room.width() - 24), min(height, room.height() - 48)
    window.resize(
        max(width, window.minimumSizeHint().width()), max(height, window.minimumSizeHint().height())
    )


def ok_cancel(
    dialog: QDialog, ok_text: str, cancel_text: str, on_ok: Callable[[], object]
) -> QDialogButtonBox:
    """The dialog's two buttons with their own words; Enter runs ``on_ok``, Esc rejects."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


def show_refusal(exc: ServiceError, errors: Mapping[str, ErrorLabel], fallback: ErrorLabel) -> None:
    """A service's refusal where the user looks: each field's message under its field, the rest below."""
    if isinstance(exc, ValidationFailed):
        for key, text in exc.errors.items():
            errors.get(key, fallback).show_message(text)
    else:
        fallback.show_message(str(exc))


def named_button(name: str, text: str, slot: Callable[[], object]) -> QPushButton:
    """A push button with its object name (tests and style sheets find it) and its action."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def ask_xlsx_path(parent: QWidget, title: str, stem: str) -> Path | None:
    """Where to write an export: the save dialog with today's date in the suggested name."""
    suggested = f"{stem}-{dt.date.today():%Y%m%d}.xlsx"
    name, _filter = QFileDialog.getSaveFileName(
        parent, title, suggested, QCoreApplication.translate("widgets", "Excel 文件 (*.xlsx)")
    )
    if not name:
        return None
    return Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")


T = TypeVar("T")


def with_hub_login(parent: QWidget | None, services: Services, action: Callable[[], T]) -> T:
    """Run an account or settings change; on an enrolled workstation the hub may first want the
    administrator's password (once per session): ask for it, log in, and try once more."""
    try:
        return action()
    except NeedHubLogin as exc:
        password, ok = QInputDialog.getText(
            parent,
            QCoreApplication.translate("widgets", "登录中心"),
            str(exc),
            QLineEdit.EchoMode.Password,
        )
        if not ok or not password:
            raise ServiceError(QCoreApplication.translate("widgets", "未登录中心，未做更改")) from None
        services.users.hub_login(password)
        return action()
