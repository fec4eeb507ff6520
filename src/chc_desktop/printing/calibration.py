"""The calibration page: rulers and crosses at known places, so a centre can measure how far its
printer shifts the print on pre-printed stock and set the offsets (x/y mm) that cancel it."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from chc_desktop.printing.fonts import FONT, register

MARKS_MM = ((20.0, 20.0), (190.0, 20.0), (20.0, 277.0), (190.0, 277.0), (105.0, 148.5))


def calibration_page(target: Path | BinaryIO, offset_mm: tuple[float, float] = (0.0, 0.0)) -> None:
    """An A4 page: a cross every mark (measured from the sheet's top-left corner) and mm rulers along
    the top and left edges; printed with the offsets applied, each cross should land on its place."""
    register()
    width, height = 210 * mm, 297 * mm
    c = Canvas(
        str(target) if isinstance(target, Path) else target, pagesize=(width, height), initialFontName=FONT
    )
    c.setTitle("打印校准页")
    c.translate(offset_mm[0] * mm, -offset_mm[1] * mm)
    c.setFont(FONT, 11)
    c.drawCentredString(width / 2, height - 40 * mm, "打印校准页（A4）")
    c.setFont(FONT, 9)
    lines = (
        "每个十字应落在距纸张左边缘、上边缘所标毫米数的位置。",
        "量出实际偏差后，在“打印设置”中填入 X（向右为正）、Y（向下为正）偏移，再打印本页核对。",
        f"本页已应用偏移：X {offset_mm[0]:+.1f} mm，Y {offset_mm[1]:+.1f} mm",
    )
    for i, text in enumerate(lines):
        c.drawCentredString(width / 2, height - (48 + 6 * i) * mm, text)
    c.setLineWidth(0.4)
    for x_mm, y_mm in MARKS_MM:
        x, y = x_mm * mm, height - y_mm * mm
        c.line(x - 6 * mm, y, x + 6 * mm, y)
        c.line(x, y - 6 * mm, x, y + 6 * mm)
        c.circle(x, y, 2 * mm)
        c.setFont(FONT, 7)
        c.drawString(x + 2.5 * mm, y + 2.5 * mm, f"({x_mm:g}, {y_mm:g}) mm")
    for n in range(0, 211, 5):  # the top ruler
        tick = 4 if n % 10 else 7
        c.line(n * mm, height, n * mm, height - tick * mm)
        if n % 20 == 0 and 0 < n < 210:
            c.setFont(FONT, 6)
            c.drawCentredString(n * mm, height - 10 * mm, str(n))
    for n in range(0, 298, 5):  # the left ruler
        tick = 4 if n % 10 else 7
        c.line(0, height - n * mm, tick * mm, height - n * mm)
        if n % 20 == 0 and 0 < n < 297:
            c.setFont(FONT, 6)
            c.drawString(8.5 * mm, height - n * mm - 2, str(n))
    c.showPage()
    c.save()
