"""A form template (``forms/*.toml``, read with the standard library): the page, the blocks that
flow down it, and the cells of each row. Every mistake a centre can make while adjusting a form —
an unknown field or code list, cells wider than the row, a label that cannot fit, a missing key — is
a TemplateError naming the file and the line, never a crash.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm

from chc_desktop.domain.codes import ALL_CODE_LISTS
from chc_desktop.printing.fonts import FONT, text_width

PAGES = {"A4": (210.0, 297.0), "A5": (148.0, 210.0), "B5": (176.0, 250.0)}
BLOCK_KINDS = frozenset(
    {"title", "row", "text", "sentence", "signatures", "tear", "space", "page_break", "note", "table"}
)
PLACEHOLDER = re.compile(r"\{([a-z_][a-z0-9_.]*)\}")  # {field} in a sentence
CELL_KINDS = frozenset({"text", "code", "codes", "check", "date"})
ALIGNS = frozenset({"left", "center", "right"})
MIN_LABEL_SIZE = 7.0  # a label is never drawn smaller than this


class TemplateError(Exception):
    """A template that cannot be used, with where: ``forms/x.toml 第 12 行：…``."""

    def __init__(self, path: Path, line: int | None, message: str) -> None:
        where = f"{path.name} 第 {line} 行" if line else path.name
        super().__init__(f"{where}：{message}")
        self.path, self.line, self.message = path, line, message


@dataclass(frozen=True)
class Cell:
    label: str
    field: str | None
    span: int
    kind: str = "text"
    align: str = "left"
    codes: str | None = None  # a code list key (kind code / codes)
    boxes: int = 1  # kind codes: how many □ groups (□/□/□)
    options: bool = True  # print the code list's choices before the box, as the national forms do
    text: str = ""  # fixed text instead of a field
    line: int | None = None


@dataclass(frozen=True)
class Block:
    kind: str
    line: int | None
    text: str = ""
    size: float = 0.0
    field: str | None = None
    label: str = ""
    min_lines: int = 1
    height_mm: float = 0.0
    cells: tuple[Cell, ...] = ()
    items: tuple[str, ...] = ()
    align: str = "center"
    empty_rows: int = 0  # table: blank rows printed after the data (to fill in by hand)


@dataclass(frozen=True)
class Template:
    path: Path
    key: str
    name: str
    version: str
    context: str  # which record the form prints: resident | referral | homebed | assessment | …
    page_mm: tuple[float, float]
    margins_mm: tuple[float, float, float, float]  # top, right, bottom, left
    font_size: float
    columns: int
    row_height_mm: float
    copies: int  # an agreement prints twice (one for each party)
    blocks: tuple[Block, ...] = field(default=())

    @property
    def content_width(self) -> float:
        return float((self.page_mm[0] - self.margins_mm[1] - self.margins_mm[3]) * mm)

    def fields(self) -> set[str]:
        out = {b.field for b in self.blocks if b.field}
        out |= {c.field for b in self.blocks if b.kind != "table" for c in b.cells if c.field}
        out |= {
            f"{b.field}[].{c.field}" for b in self.blocks if b.kind == "table" for c in b.cells if c.field
        }
        out |= {f for b in self.blocks if b.kind == "sentence" for f in PLACEHOLDER.findall(b.text)}
        return out


def _lines_of(text: str, pattern: str) -> list[int]:
    return [text.count("\n", 0, m.start()) + 1 for m in re.finditer(pattern, text, re.MULTILINE)]


def _need(data: Mapping[str, Any], key: str, kind: type, path: Path, line: int | None, what: str) -> Any:
    if key not in data:
        raise TemplateError(path, line, f"{what}缺少“{key}”")
    value = data[key]
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if not isinstance(value, kind):
        raise TemplateError(path, line, f"{what}的“{key}”类型不对")
    return value


def load(path: Path, known_fields: Iterable[str] | None = None) -> Template:
    """Read and check a template; ``known_fields`` are the fields its context provides. The file is
    read every time, so an edit shows at the next print; an unchanged text is not parsed again."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise TemplateError(path, None, f"读不了模板文件（{exc.__class__.__name__}）") from None
    return _parse(path, text, None if known_fields is None else frozenset(known_fields))


@functools.lru_cache(maxsize=64)
def _parse(path: Path, text: str, known_fields: frozenset[str] | None) -> Template:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+)", str(exc))
        raise TemplateError(path, int(found.group(1)) if found else None, f"TOML 格式错误：{exc}") from None
    form_line = next(iter(_lines_of(text, r"^\[form\]")), None)
    form = data.get("form")
    if not isinstance(form, dict):
        raise TemplateError(path, None, "缺少 [form] 表")
    page = str(form.get("page", "A4"))
    if page not in PAGES:
        raise TemplateError(path, form_line, f"纸张“{page}”不可用（可用 {'、'.join(PAGES)}）")
    width, height = PAGES[page]
    if form.get("orientation", "portrait") == "landscape":
        width, height = height, width
    margins = form.get("margins_mm", [15, 15, 15, 15])
    if not (
        isinstance(margins, list) and len(margins) == 4 and all(isinstance(m, int | float) for m in margins)
    ):
        raise TemplateError(path, form_line, "margins_mm 应为 [上, 右, 下, 左] 四个数")
    columns = int(form.get("columns", 12))
    template = Template(
        path=path,
        key=path.stem,
        name=_need(form, "name", str, path, form_line, "[form] "),
        version=_need(form, "version", str, path, form_line, "[form] "),
        context=_need(form, "context", str, path, form_line, "[form] "),
        page_mm=(width, height),
        margins_mm=(float(margins[0]), float(margins[1]), float(margins[2]), float(margins[3])),
        font_size=float(form.get("font_size", 10.5)),
        columns=columns,
        row_height_mm=float(form.get("row_height_mm", 8.0)),
        copies=int(form.get("copies", 1)),
    )
    block_lines = _lines_of(text, r"^\[\[block\]\]")
    raw_blocks = data.get("block", [])
    if not isinstance(raw_blocks, list) or not raw_blocks:
        raise TemplateError(path, form_line, "模板没有任何 [[block]]")
    blocks = [
        _block(path, text, raw, block_lines[i] if i < len(block_lines) else None, template)
        for i, raw in enumerate(raw_blocks)
    ]
    template = Template(**{**template.__dict__, "blocks": tuple(blocks)})
    if known_fields is not None:
        known = set(known_fields)
        for b in blocks:
            used = [(b.field, b.line), *((c.field, c.line) for c in b.cells)]
            if b.kind == "sentence":
                used += [(f, b.line) for f in PLACEHOLDER.findall(b.text)]
            if b.kind == "table":  # the columns name keys of each row: "<field>[].<key>"
                used = [(b.field, b.line), *((f"{b.field}[].{c.field}", c.line) for c in b.cells if c.field)]
            for name, line in used:
                if name and name not in known:
                    raise TemplateError(
                        path, line, f"没有字段“{name}”（{template.context} 表单可用的字段见 forms/README.md）"
                    )
    return template


def _block(path: Path, text: str, raw: Any, line: int | None, t: Template) -> Block:
    if not isinstance(raw, dict):
        raise TemplateError(path, line, "[[block]] 应为表")
    kind = raw.get("kind")
    if kind not in BLOCK_KINDS:
        raise TemplateError(path, line, f"没有“{kind}”这种块（可用 {'、'.join(sorted(BLOCK_KINDS))}）")
    align = str(raw.get("align", "center"))
    if align not in ALIGNS:
        raise TemplateError(path, line, f"对齐方式“{align}”不可用")
    cells: list[Cell] = []
    if kind == "row":
        raw_cells = raw.get("cells")
        if not isinstance(raw_cells, list) or not raw_cells:
            raise TemplateError(path, line, "row 块需要 cells")
        cells = [_cell(path, text, c, line, t) for c in raw_cells]
        used = sum(c.span for c in cells)
        if used > t.columns:
            raise TemplateError(
                path, line, f"这一行的单元格共占 {used} 列，超过页面的 {t.columns} 列（单元格重叠）"
            )
    if kind == "table":
        if not isinstance(raw.get("field"), str):
            raise TemplateError(path, line, "table 块需要 field（一个列表）")
        raw_cols = raw.get("cells")
        if not isinstance(raw_cols, list) or not raw_cols:
            raise TemplateError(path, line, "table 块需要 cells（各列）")
        cells = [_cell(path, text, c, line, t, column=True) for c in raw_cols]
        used = sum(c.span for c in cells)
        if used > t.columns:
            message = f"这张表的列共占 {used} 列，超过页面的 {t.columns} 列（单元格重叠）"
            raise TemplateError(path, line, message)
    if kind == "text" and not isinstance(raw.get("field"), str):
        raise TemplateError(path, line, "text 块需要 field")
    if kind == "sentence" and not PLACEHOLDER.search(str(raw.get("text", ""))):
        raise TemplateError(path, line, "sentence 块的 text 应含 {字段}")
    items = raw.get("items", [])
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise TemplateError(path, line, "items 应为文字列表")
    return Block(
        kind=str(kind),
        line=line,
        text=str(raw.get("text", "")),
        size=float(raw.get("size", 0)),
        field=raw.get("field"),
        label=str(raw.get("label", "")),
        min_lines=int(raw.get("min_lines", 1)),
        height_mm=float(raw.get("height_mm", 0)),
        cells=tuple(cells),
        items=tuple(items),
        align=align,
        empty_rows=int(raw.get("empty_rows", 0)),
    )


def _cell(path: Path, text: str, raw: Any, block_line: int | None, t: Template, column: bool = False) -> Cell:
    """A row's cell — or, with ``column``, a table's column (its field a key of each row)."""
    if not isinstance(raw, dict):
        raise TemplateError(path, block_line, "单元格应为 { label = …, field = …, span = … }")
    label = str(raw.get("label", ""))
    fld = raw.get("field")
    line = _cell_line(text, block_line, fld, label)
    kind = str(raw.get("kind", "text"))
    if kind not in CELL_KINDS:
        raise TemplateError(path, line, f"没有“{kind}”这种单元格（可用 {'、'.join(sorted(CELL_KINDS))}）")
    span = raw.get("span", 1)
    if not isinstance(span, int) or span < 1:
        raise TemplateError(path, line, "span 应为正整数")
    codes = raw.get("codes")
    if kind in ("code", "codes") and codes not in ALL_CODE_LISTS:
        raise TemplateError(path, line, f"没有代码表“{codes}”")
    align = str(raw.get("align", "left"))
    if align not in ALIGNS:
        raise TemplateError(path, line, f"对齐方式“{align}”不可用")
    cell = Cell(
        label=label,
        field=fld if isinstance(fld, str) else None,
        span=span,
        kind=kind,
        align=align,
        codes=codes,
        boxes=int(raw.get("boxes", 1)),
        options=bool(raw.get("options", True)),
        text=str(raw.get("text", "")),
        line=line,
    )
    width = cell.span * t.content_width / t.columns
    if label and text_width(label, MIN_LABEL_SIZE) + 4 > width:
        raise TemplateError(path, line, f"标签“{label}”放不进 {cell.span} 列宽的单元格，请加宽或缩短")
    return cell


def _cell_line(text: str, block_line: int | None, fld: Any, label: str) -> int | None:
    """The line of a cell: the first line after its block naming its field (or label)."""
    if block_line is None:
        return None
    lines = text.splitlines()
    for needle in (f'"{fld}"' if isinstance(fld, str) else None, f'"{label}"' if label else None):
        if needle:
            for i in range(block_line - 1, len(lines)):
                if needle in lines[i]:
                    return i + 1
    return block_line


__all__ = ["FONT", "Block", "Cell", "Template", "TemplateError", "load"]
