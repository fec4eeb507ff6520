"""Reading printed PDFs back in tests: their text in reading order, their fonts, and each page as PNG
(pdftoppm), all inside the test's temporary folder."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QImage


def pdf_text(path: Path) -> list[str]:
    """Each page's text, in reading order, whitespace squeezed."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def in_order(text: str, *parts: str) -> bool:
    """Whether the parts appear in this order (each after the previous one)."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


def embedded_fonts(path: Path) -> set[str]:
    """BaseFont names of the fonts embedded in the document (a subset shows as ABCDEF+Name)."""
    names: set[str] = set()
    for page in PdfReader(path).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font.get("/BaseFont")))
    return names


def to_png(path: Path, folder: Path, dpi: int = 60) -> list[Path]:
    """Every page rendered to PNG by pdftoppm."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(path), str(folder / path.stem)], check=True)
    return sorted(folder.glob(f"{path.stem}*.png"))


def ink(png: Path) -> float:
    """The share of pixels that are not white (a blank page is 0)."""
    image = QImage(str(png))
    assert not image.isNull()
    dark = 0
    step = 4
    total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            if image.pixelColor(x, y).lightness() < 200:
                dark += 1
    return dark / total
