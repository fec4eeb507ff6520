"""Lay a template out with a context and draw it to PDF. Blocks flow down the page; a long text
continues on the next page; every page carries its number and the template's version. A missing
value prints as an empty line or an empty box, never "None". Per-printer calibration shifts the
whole page (x/y mm) for pre-printed stock.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from chc_desktop.domain.codes import ALL_CODE_LISTS
from chc_desktop.printing.fonts import FONT, register, text_width
from chc_desktop.printing.stream import PdfStream
from chc_desktop.printing.template import PLACEHOLDER, Block, Cell, Template

Op = tuple[Callable[..., None], tuple[Any, ...]]
MIN_VALUE_SIZE = 6.5  # a value is shrunk to fit down to this, then cut with "…"
LINE = 0.6  # pt
GREY = 0.35


@dataclass
class RenderResult:
    pages: int
    clipped: list[str] = field(default_factory=list)  # fields whose value did not fit (cut with …)


def value_of(context: Mapping[str, Any], path: str | None) -> Any:
    """A dotted path into the context; None when any step is missing."""
    if not path:
        return None
    value: Any = context
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else getattr(value, part, None)
        if value is None:
            return None
    return value


def as_text(value: Any) -> str:
    """What a value prints as: nothing for None, dates as YYYY-MM-DD, lists joined."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.datetime):
        return value.astimezone().strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "、".join(as_text(v) for v in value if v not in (None, ""))
    return str(value)


NO_LINE_START = frozenset("，。、；：？！）」』》〉】〕…%,.;:?!)]")  # 避头点: never first on a line
_TOKEN = re.compile(r"[0-9A-Za-z°.%/+×~-]+|.", re.S)  # a number or a Latin word, else one character


def wrap(text: str, width: float, size: float) -> list[str]:
    """Lines of ``text`` no wider than ``width``; kept newlines are kept. CJK text breaks between any
    two characters, but not inside a number or a Latin word (36.8, mmHg), and a closing mark never
    begins a line: it goes down with what it follows. Only a word wider than the line is cut."""
    out: list[str] = []
    for para in text.split("\n"):
        tokens: list[str] = []
        for token in _TOKEN.findall(para):
            if tokens and token[0] in NO_LINE_START and not tokens[-1].isspace():
                tokens[-1] += token
            else:
                tokens.append(token)
        line = ""
        for token in tokens:
            if line and text_width(line + token, size) > width:
                out.append(line.rstrip())
                line = token.lstrip()
            else:
                line += token
            while len(line) > 1 and text_width(line, size) > width:  # one word wider than the line
                cut = len(line) - 1
                while cut > 1 and text_width(line[:cut], size) > width:
                    cut -= 1
                out.append(line[:cut])
                line = line[cut:]
        out.append(line)
    return out


class Layout:
    """Pages of drawing operations, filled top to bottom."""

    def __init__(self, t: Template, context: Mapping[str, Any]) -> None:
        self.t = t
        self.context = context
        self.left = t.margins_mm[3] * mm
        self.width = t.content_width
        self.top = (t.page_mm[1] - t.margins_mm[0]) * mm
        self.bottom = (t.margins_mm[2] + 6) * mm  # room for the page number
        self.pages: list[list[Op]] = [[]]
        self.y = self.top
        self.clipped: list[str] = []

    # -------------------------------------------------------------- pages
    def new_page(self) -> None:
        self.pages.append([])
        self.y = self.top

    def room(self, height: float) -> None:
        if self.y - height < self.bottom and self.y < self.top:
            self.new_page()

    def draw(self, fn: Callable[..., None], *args: Any) -> None:
        """Draw ``fn(canvas, *args)`` on the current page (the arguments taken now)."""
        self.pages[-1].append((fn, args))

    # -------------------------------------------------------------- blocks
    def block(self, b: Block) -> None:
        size = self.t.font_size
        if b.kind == "title":
            s = b.size or size * 1.8
            self.room(s * 1.6)
            y = self.y - s
            text = b.text or as_text(value_of(self.context, b.field))
            self.draw(_text, text, self.left, y, self.width, s, b.align)
            self.y -= s * 1.6
        elif b.kind == "note":
            lines = wrap(b.text or as_text(value_of(self.context, b.field)), self.width, size * 0.85)
            for line in lines:
                self.room(size * 1.3)
                y = self.y - size
                self.draw(_text, line, self.left, y, self.width, size * 0.85, b.align)
                self.y -= size * 1.3
        elif b.kind == "space":
            self.y -= (b.height_mm or 4) * mm
        elif b.kind == "page_break":
            self.new_page()
        elif b.kind == "tear":
            self.room(size * 2.2)
            y = self.y - size * 1.1
            self.draw(_tear, self.left, y, self.width, b.text, size * 0.8)
            self.y -= size * 2.2
        elif b.kind == "row":
            self.row(b)
        elif b.kind == "text":
            self.text_block(b)
        elif b.kind == "signatures":
            self.signatures(b)
        elif b.kind == "sentence":
            self.sentence(b)
        elif b.kind == "table":
            self.table(b)

    def row(self, b: Block) -> None:
        height = (b.height_mm or self.t.row_height_mm) * mm
        self.room(height)
        unit = self.width / self.t.columns
        x = self.left
        y = self.y - height
        for cell in b.cells:
            w = cell.span * unit
            self.cell(cell, x, y, w, height)
            x += w
        self.y = y

    def cell(self, cell: Cell, x: float, y: float, w: float, h: float) -> None:
        size = self.t.font_size
        # A label is drawn at 0.85 of the body size, smaller if it must be to fit its cell (the
        # template check made sure it fits at 7 pt).
        label_size = size * 0.85
        while cell.label and label_size > 7 and text_width(cell.label, label_size) + 6 > w:
            label_size -= 0.25
        self.draw(_box, x, y, w, h)
        label_w = text_width(cell.label, label_size) + 6 if cell.label else 3
        if cell.label:
            self.draw(_text, cell.label, x + 3, y + h / 2 - label_size * 0.35, w, label_size, "left", GREY)
        value = value_of(self.context, cell.field) if cell.field else None
        room = w - label_w - 3
        vx = x + label_w
        if cell.kind == "check":
            bx = x + w - 4 * mm
            self.draw(_checkbox, bx, y + h / 2 - 1.6 * mm, 3.2 * mm, bool(value))
            return
        if cell.kind in ("code", "codes"):
            self.code_cell(cell, value, vx, y, room, h)
            return
        text = cell.text or as_text(value)
        if not text:
            return  # a blank to fill in by hand (a label-only cell has no room to report)
        s = _fit(text, room, size)
        if text_width(text, s) > room:
            self.clipped.append(cell.field or cell.label)
            while text and text_width(text + "…", s) > room:
                text = text[:-1]
            text += "…"
        self.draw(_text, text, vx, y + h / 2 - s * 0.35, room, s, cell.align)

    def code_cell(self, cell: Cell, value: Any, x: float, y: float, room: float, h: float) -> None:
        """The national forms' way: the choices in small print, then □ boxes holding the code(s)."""
        codes = ALL_CODE_LISTS[cell.codes or ""]
        digits = max(len(c.code) for c in codes.codes)
        chosen = [value] if isinstance(value, str) else list(value or [])
        groups = cell.boxes if cell.kind == "codes" else 1
        box = 4.2 * mm
        boxes_w = groups * digits * box + (groups - 1) * 2.5 * mm
        left_room = room - boxes_w - 2
        if cell.options and left_room > 20:
            options = " ".join(f"{c.code}{c.label}" for c in codes.codes)
            s = _fit(options, left_room, self.t.font_size * 0.75)
            lines = wrap(options, left_room, s) if text_width(options, s) > left_room else [options]
            if len(lines) > 2:  # the choices are cut: worth a look at the template
                self.clipped.append(f"{cell.field or cell.label}（选项）")
                lines = lines[:2]
            for i, line in enumerate(lines):
                ly = y + h / 2 + (len(lines) / 2 - i - 0.85) * s * 1.15
                self.draw(_text, line, x, ly, left_room, s, "left", GREY)
        bx = x + room - boxes_w
        for g in range(groups):
            code = str(chosen[g]) if g < len(chosen) else ""
            code = code.rjust(digits) if code else ""
            for d in range(digits):
                ch = code[d] if code else ""
                self.draw(_digit_box, bx, y + h / 2 - box / 2, box, ch, self.t.font_size)
                bx += box
            if g < groups - 1:
                self.draw(_text, "/", bx + 0.4 * mm, y + h / 2 - 3, 2 * mm, self.t.font_size)
                bx += 2.5 * mm

    def text_block(self, b: Block) -> None:
        size = self.t.font_size
        lead = size * 1.45
        label = b.label
        text = as_text(value_of(self.context, b.field))
        lines = wrap(text, self.width - 6, size) if text else []
        lines += [""] * max(0, b.min_lines - len(lines))
        self.room(lead * 2 + (lead if label else 0))
        if label:
            y = self.y - size
            self.draw(_text, label, self.left + 2, y, self.width, size * 0.9, "left", GREY)
            self.y -= lead
        start = self.y
        for line in lines:
            if self.y - lead < self.bottom:  # continue on the next page, under a 续 heading
                self.draw(_frame, self.left, self.y, self.width, start - self.y)
                self.new_page()
                more = f"{label}（续）" if label else "（续）"
                self.draw(_text, more, self.left + 2, self.top - size, self.width, size * 0.9, "left", GREY)
                self.y -= lead
                start = self.y
            y = self.y - size * 1.05
            self.draw(_text, line, self.left + 3, y, self.width - 6, size)
            self.draw(_rule, self.left + 3, y - 2.5, self.width - 6)
            self.y -= lead
        self.draw(_frame, self.left, self.y - 2, self.width, start - self.y + 2)
        self.y -= 4

    def table(self, b: Block) -> None:
        """Rows of a list, one per item, each cell wrapping its text; the header again on every page."""
        size = self.t.font_size * 0.9
        lead = size * 1.35
        unit = self.width / self.t.columns
        widths = [c.span * unit for c in b.cells]
        rows = value_of(self.context, b.field) or []

        def header() -> None:
            h = lead + 4
            self.room(h * 2)
            x, y = self.left, self.y - h
            for c, w in zip(b.cells, widths, strict=True):
                self.draw(_shade, x, y, w, h)
                self.draw(_text, c.label, x + 2, y + h / 2 - size * 0.35, w - 4, size, "center")
                x += w
            self.y = y

        def part(cells: list[list[str]], first: int, count: int) -> None:
            """Lines first … first+count of a row, boxed."""
            x, y = self.left, self.y - count * lead - 4
            for c, w, lines in zip(b.cells, widths, cells, strict=True):
                self.draw(_box, x, y, w, self.y - y)
                for i, line in enumerate(lines[first : first + count]):
                    self.draw(_text, line, x + 2.5, self.y - 2 - size - i * lead, w - 5, size, c.align)
                x += w
            self.y = y

        header()
        page_lines = int((self.top - self.bottom - (lead + 4) * 2 - 4) // lead)  # under a header
        for item in [*rows, *([{}] * b.empty_rows)]:
            cells = [
                wrap(as_text(value_of(item, c.field)), w - 5, size)
                for c, w in zip(b.cells, widths, strict=True)
            ]
            count = max(len(lines) for lines in cells)
            first, fresh = 0, False
            while True:
                fit = int((self.y - self.bottom - 4) // lead)
                if count - first <= fit:
                    part(cells, first, count - first)
                    break
                if (fit >= 1 and (first > 0 or count > page_lines)) or fresh:
                    # a row taller than a page is split: what fits here, the rest under the next header
                    fit = max(fit, 1)
                    part(cells, first, fit)
                    first += fit
                # a row that fits on a page is moved there whole
                self.new_page()
                header()
                fresh = True
        self.y -= 4

    def sentence(self, b: Block) -> None:
        """Running text with {field}s filled in and underlined, as the forms print 于____年__月__日…;
        a missing value leaves the blank line to be written by hand."""
        size = self.t.font_size
        lead = size * 1.6
        chars: list[tuple[str, bool]] = []
        pos = 0
        for m in PLACEHOLDER.finditer(b.text):
            chars += [(ch, False) for ch in b.text[pos : m.start()]]
            value = as_text(value_of(self.context, m.group(1))) or "\u3000" * 5
            chars += [(ch, True) for ch in f" {value} "]
            pos = m.end()
        chars += [(ch, False) for ch in b.text[pos:]]
        lines: list[list[tuple[str, bool]]] = [[]]
        width = 0.0
        for ch, filled in chars:
            w = text_width(ch, size)
            if width + w > self.width and lines[-1]:
                lines.append([])
                width = 0.0
            lines[-1].append((ch, filled))
            width += w
        for line in lines:
            self.room(lead)
            y = self.y - size * 1.1
            self.draw(_runs, line, self.left, y, size)
            self.y -= lead

    def signatures(self, b: Block) -> None:
        size = self.t.font_size
        self.room(size * 3)
        y = self.y - size * 2
        n = max(1, len(b.items))
        w = self.width / n
        for i, item in enumerate(b.items):
            x = self.left + i * w
            lw = text_width(item + "：", size)
            self.draw(_text, item + "：", x, y, w, size)
            self.draw(_rule, x + lw, y - 2, max(10.0, w - lw - 8))
        self.y -= size * 3


def _runs(c: Canvas, chars: Sequence[tuple[str, bool]], x: float, y: float, size: float) -> None:
    """Characters in runs; the filled-in ones underlined."""
    i = 0
    while i < len(chars):
        filled = chars[i][1]
        j = i
        while j < len(chars) and chars[j][1] == filled:
            j += 1
        run = "".join(ch for ch, _ in chars[i:j])
        w = text_width(run, size)
        _text(c, run, x, y, w, size)
        if filled:
            c.setLineWidth(0.5)
            c.line(x, y - 2.2, x + w, y - 2.2)
        x += w
        i = j


def _fit(text: str, room: float, size: float) -> float:
    s = size
    while s > MIN_VALUE_SIZE and text_width(text, s) > room:
        s -= 0.5
    return s


# ------------------------------------------------------------------ drawing
def _text(
    c: Canvas, text: str, x: float, y: float, w: float, size: float, align: str = "left", grey: float = 0.0
) -> None:
    if not text:
        return
    c.setFillGray(grey)
    c.setFont(FONT, size)
    if align == "center":
        c.drawCentredString(x + w / 2, y, text)
    elif align == "right":
        c.drawRightString(x + w, y, text)
    else:
        c.drawString(x, y, text)
    c.setFillGray(0)


def _box(c: Canvas, x: float, y: float, w: float, h: float) -> None:
    c.setLineWidth(LINE)
    c.rect(x, y, w, h)


def _shade(c: Canvas, x: float, y: float, w: float, h: float) -> None:
    c.setFillGray(0.93)
    c.setLineWidth(LINE)
    c.rect(x, y, w, h, stroke=1, fill=1)
    c.setFillGray(0)


def _frame(c: Canvas, x: float, y: float, w: float, h: float) -> None:
    c.setLineWidth(LINE)
    c.rect(x, y, w, h)


def _rule(c: Canvas, x: float, y: float, w: float) -> None:
    c.setLineWidth(0.3)
    c.setStrokeGray(0.6)
    c.line(x, y, x + w, y)
    c.setStrokeGray(0)


def _digit_box(c: Canvas, x: float, y: float, size: float, ch: str, font: float) -> None:
    c.setLineWidth(LINE)
    c.rect(x, y, size, size)
    if ch.strip():
        c.setFont(FONT, font)
        c.drawCentredString(x + size / 2, y + size / 2 - font * 0.35, ch)


def _checkbox(c: Canvas, x: float, y: float, size: float, checked: bool) -> None:
    c.setLineWidth(LINE)
    c.rect(x, y, size, size)
    if checked:
        c.setLineWidth(1.1)
        path = c.beginPath()
        path.moveTo(x + size * 0.2, y + size * 0.5)
        path.lineTo(x + size * 0.42, y + size * 0.22)
        path.lineTo(x + size * 0.82, y + size * 0.8)
        c.drawPath(path, stroke=1, fill=0)


def _tear(c: Canvas, x: float, y: float, w: float, text: str, size: float) -> None:
    c.setLineWidth(0.5)
    c.setDash(3, 2)
    c.line(x, y, x + w, y)
    c.setDash()
    if text:
        tw = text_width(text, size) + 8
        c.setFillGray(1)
        c.rect(x + (w - tw) / 2, y - size / 2, tw, size, stroke=0, fill=1)
        c.setFillGray(0)
        _text(c, text, x, y - size * 0.35, w, size, "center", GREY)


# ------------------------------------------------------------------ the document
CHUNK_PAGES = 100  # a batch longer than this is written chunk by chunk (printing/stream.py)


class Document:
    """A PDF being made: records are added one at a time, each laid out on its own pages (``copies``
    times) and numbered per record. Up to ``chunk_pages`` pages it is one reportlab document; a longer
    batch is streamed to ``target`` in chunks, so memory holds one chunk whatever the batch's length."""

    def __init__(
        self,
        t: Template,
        target: Path | BinaryIO,
        offset_mm: tuple[float, float] = (0.0, 0.0),
        title: str = "",
        chunk_pages: int | None = None,
    ) -> None:
        register()
        self.t = t
        self.target = target
        self.offset_mm = offset_mm
        self.title = title or t.name
        self.chunk_pages = chunk_pages or CHUNK_PAGES
        self.result = RenderResult(0)
        self.stream: PdfStream | None = None
        self.file: BinaryIO | None = None
        self._start_chunk()

    def _start_chunk(self) -> None:
        t = self.t
        self.buffer = io.BytesIO()
        self.canvas = Canvas(
            self.buffer,
            pagesize=(t.page_mm[0] * mm, t.page_mm[1] * mm),
            pageCompression=1,
            initialFontName=FONT,  # no base-14 font referenced: the page is the same everywhere
        )
        self.canvas.setTitle(self.title)
        self.canvas.setCreator("CHC Desktop")
        self.chunk_pages_done = 0

    def _flush(self) -> None:
        """Finish the chunk and copy it into the output file."""
        self.canvas.save()
        if self.stream is None:
            out: BinaryIO
            if isinstance(self.target, Path):
                self.file = out = open(self.target, "wb")  # noqa: SIM115 - closed by close() or abandon()
            else:
                out = self.target
            self.stream = PdfStream(out, self.title, "CHC Desktop")
        self.stream.append(self.buffer.getvalue())
        self._start_chunk()

    def add(self, context: Mapping[str, Any]) -> None:
        t, canvas = self.t, self.canvas
        for _copy in range(max(1, t.copies)):
            layout = Layout(t, context)
            for b in t.blocks:
                layout.block(b)
            self.result.clipped += [c for c in layout.clipped if c not in self.result.clipped]
            total = len(layout.pages)
            for n, ops in enumerate(layout.pages, 1):
                canvas.saveState()
                # y: a positive offset moves the print down
                canvas.translate(self.offset_mm[0] * mm, -self.offset_mm[1] * mm)
                for fn, args in ops:
                    fn(canvas, *args)
                footer = f"第 {n} 页 共 {total} 页　{t.name} 模板版本 {t.version}"
                _text(canvas, footer, layout.left, t.margins_mm[2] * mm, layout.width, 7.5, "right", 0.5)
                canvas.restoreState()
                canvas.showPage()
                self.result.pages += 1
                self.chunk_pages_done += 1
        if self.chunk_pages_done >= self.chunk_pages:
            self._flush()

    def close(self) -> RenderResult:
        if self.stream is None:  # one chunk: reportlab's document as it is
            self.canvas.save()
            data = self.buffer.getvalue()
            if isinstance(self.target, Path):
                self.target.write_bytes(data)
            else:
                self.target.write(data)
            return self.result
        if self.chunk_pages_done:
            self._flush()
        self.stream.close()
        self.abandon()
        return self.result

    def abandon(self) -> None:
        """Close the output file (a cancelled or failed batch: the caller removes it)."""
        if self.file is not None:
            self.file.close()
            self.file = None


def render(
    t: Template,
    contexts: Sequence[Mapping[str, Any]],
    target: Path | BinaryIO,
    offset_mm: tuple[float, float] = (0.0, 0.0),
    title: str = "",
) -> RenderResult:
    """One document: each context laid out on its own pages (``copies`` times), numbered per record."""
    document = Document(t, target, offset_mm, title)
    for context in contexts:
        document.add(context)
    return document.close()
