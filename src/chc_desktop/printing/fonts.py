"""The bundled CJK TrueType font, registered once; reportlab embeds only the glyphs a page uses."""

from __future__ import annotations

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from chc_desktop.config import resource

FONT = "CHC-CJK"
FONT_FILE = resource("fonts", "WenQuanYiMicroHei.ttf")  # the same face as the screen


def register() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(FONT_FILE)))
    return FONT


def text_width(text: str, size: float) -> float:
    register()
    return float(pdfmetrics.stringWidth(text, FONT, size))
