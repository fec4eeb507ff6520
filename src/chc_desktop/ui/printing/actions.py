"""The 打印 ▾ button a record's screen carries: a menu of the forms that print that kind of record
(``services.printing.forms(record)``: the user's permissions decide), each opening the preview for
the record shown now. A kind of record no form prints yet gets no button."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from chc_desktop.services.app import Services
from chc_desktop.services.print_contexts.common import FormSpec
from chc_desktop.ui.printing.preview import PreviewDialog

# The look of the app's push buttons (resources/styles/chc.qss), with room for the ▾.
STYLE = """
QToolButton#print_button {
    padding: 4px 24px 4px 14px; border: 1px solid #b9c4cf; border-radius: 4px; background: #f7f9fb;
    min-height: 20px;
}
QToolButton#print_button:hover { background: #eef3f8; }
QToolButton#print_button:disabled { color: #9aa5b1; background: #f2f4f6; }
QToolButton#print_button::menu-indicator {
    subcontrol-origin: padding; subcontrol-position: right center; right: 8px;
}
"""


class PrintButton(QToolButton):
    """打印 ▾ for one kind of record (resident | contract | referral | assessment | homebed).

    ``current`` gives the record to print (None: nothing to print now, the button is disabled, or
    hidden with ``hide_without_record``). ``facts`` are values the screen knows (e.g. the referral's
    direction), so a form that cannot print this record (FormSpec.only) is left out of the menu.
    ``before`` runs first and may refuse (e.g. save the draft so the print shows what is on screen).
    ``text`` names what it prints where a screen has two. The parent is required: the button shows and
    hides inside it."""

    def __init__(
        self,
        services: Services,
        record: str,
        current: Callable[[], uuid.UUID | None],
        parent: QWidget,
        *,
        facts: Callable[[], Mapping[str, str]] | None = None,
        before: Callable[[], bool] | None = None,
        hide_without_record: bool = False,
        text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("print_button")
        self.setText(text or self.tr("打印"))  # e.g. 打印协议 beside the file's own 打印档案
        self.setToolTip(self.tr("预览并打印标准表单"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setStyleSheet(STYLE)
        self.services = services
        self.record = record
        self.current = current
        self.facts = facts
        self.before = before
        self.hide_without_record = hide_without_record
        self.preview: PreviewDialog | None = None  # the preview open now (tests reach it here)
        self.forms: list[FormSpec] = services.printing.forms(record)
        self.form_menu = QMenu(self)
        self.form_menu.setObjectName("print_menu")
        self.form_menu.aboutToShow.connect(self._fill)
        self.setMenu(self.form_menu)
        self.refresh()

    def applicable(self) -> list[FormSpec]:
        """The forms for the record as it is now (a 回转 referral is not offered the 转出 slip)."""
        facts = self.facts() if self.facts is not None else {}
        return [
            f for f in self.forms if f.only is None or f.only[0] not in facts or facts[f.only[0]] == f.only[1]
        ]

    def _fill(self) -> None:
        self.form_menu.clear()
        for spec in self.applicable():
            action = self.form_menu.addAction(spec.title)
            action.setObjectName(f"print_{spec.key}")
            action.triggered.connect(functools.partial(self.open_preview, spec.key))

    def refresh(self) -> None:
        """Show, enable and fill the button for the record shown now."""
        has_record = self.current() is not None
        self._fill()
        self.setVisible(bool(self.form_menu.actions()) and (has_record or not self.hide_without_record))
        self.setEnabled(has_record)

    def open_preview(self, key: str) -> PreviewDialog | None:
        if self.current() is None or (self.before is not None and not self.before()):
            return None
        record_id = self.current()
        if record_id is None:
            return None
        dialog = PreviewDialog(self.services, key, [record_id], self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.preview = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: PreviewDialog) -> None:
        if self.preview is dialog:
            self.preview = None
