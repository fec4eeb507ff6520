"""The look: the bundled CJK font (so Chinese renders on machines without one) and a calm style."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from chc_desktop.config import resource

FONT_FILE = resource("fonts", "WenQuanYiMicroHei.ttf")
STYLE_FILE = resource("styles", "chc.qss")
POINT_SIZE = 10.5

_family: str | None = None


def register_font() -> str | None:
    """Register the bundled font once; returns its family (None if the file is missing or bad)."""
    global _family
    if _family is None:
        font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _family = families[0] if families else None
    return _family


def apply(app: QApplication) -> None:
    """Make the bundled font the application font and load the style sheet."""
    family = register_font()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(POINT_SIZE)
    if family:
        # Latin text and digits in the same face as the Chinese, so lines do not jump between fonts.
        QFont.insertSubstitution("Sans Serif", family)
    app.setFont(font)
    app.setStyleSheet(STYLE_FILE.read_text(encoding="utf-8") if STYLE_FILE.exists() else "")
