"""The template format and the renderer, on small templates written here: every template mistake is
one message with the file and line; empty values print as blanks; long text continues on the next
page with page numbers; code boxes hold the code; a table repeats its header; the font is embedded
as a subset; the calibration offset moves the whole page."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from chc_desktop.printing.calibration import calibration_page
from chc_desktop.printing.fonts import register, text_width
from chc_desktop.printing.render import NO_LINE_START, render, wrap
from chc_desktop.printing.template import TemplateError, load
from tests.printing.pdf_helpers import embedded_fonts, in_order, ink, pdf_text, to_png

HEAD = """[form]
name = "测试表"
version = "t-1"
context = "resident"
columns = 12
"""
FIELDS = {"resident.name", "resident.sex", "resident.note", "resident.pay", "resident.ok", "rows"}
FIELDS |= {"rows[].day", "rows[].what"}


ROW = '\n[[block]]\nkind = "row"\ncells = [\n'


def write(tmp_path: Path, body: str, name: str = "t.toml") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        (
            ROW + '  { label = "姓名", field = "resident.nmae", span = 4 },\n]\n',
            10,
            "没有字段“resident.nmae”",
        ),
        (
            ROW + '  { label = "姓名", field = "resident.name", span = 8 },\n'
            '  { label = "性别", field = "resident.sex", span = 6 },\n]\n',
            7,
            "共占 14 列，超过页面的 12 列",
        ),
        (
            ROW + '  { label = "性别", field = "resident.sex", kind = "code", codes = "sexx" },\n]\n',
            10,
            "没有代码表“sexx”",
        ),
        (
            ROW + '  { label = "非常非常非常非常长的标签文字", field = "resident.name", span = 1 },\n]\n',
            10,
            "放不进 1 列宽",
        ),
        ('\n[[block]]\nkind = "chart"\n', 7, "没有“chart”这种块"),
        ('\n[[block]]\nkind = "text"\n', 7, "text 块需要 field"),
        ('\n[[block]\nkind = "title"\n', 7, "TOML 格式错误"),
        ('\n[[block]]\nkind = "sentence"\ntext = "没有占位"\n', 7, "应含 {字段}"),
    ],
)
def test_every_template_mistake_names_the_file_and_line(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    with pytest.raises(TemplateError) as e:
        load(write(tmp_path, body), FIELDS)
    assert e.value.line == line and message in str(e.value)
    assert str(e.value).startswith(f"t.toml 第 {line} 行：")


def test_a_template_without_form_or_blocks(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[block]]\nkind = "title"\n', encoding="utf-8")
    with pytest.raises(TemplateError, match="缺少 \\[form\\] 表"):
        load(path)
    with pytest.raises(TemplateError, match="没有任何"):
        load(write(tmp_path, ""))
    with pytest.raises(TemplateError, match="读不了模板文件"):
        load(tmp_path / "missing.toml")


BODY = """
[[block]]
kind = "title"
text = "测试表"

[[block]]
kind = "row"
cells = [
  { label = "姓名", field = "resident.name", span = 4 },
  { label = "性别", field = "resident.sex", kind = "code", codes = "sex", span = 8 },
]

[[block]]
kind = "row"
cells = [
  { label = "支付", field = "resident.pay", kind = "codes", codes = "payment_methods", boxes = 3, span = 9 },
  { label = "同意", field = "resident.ok", kind = "check", span = 3 },
]

[[block]]
kind = "sentence"
text = "患者 {resident.name} 于 {resident.day} 就诊。"

[[block]]
kind = "text"
label = "备注："
field = "resident.note"
min_lines = 2

[[block]]
kind = "table"
field = "rows"
cells = [
  { label = "日期", field = "day", span = 3 },
  { label = "内容", field = "what", span = 9 },
]
empty_rows = 1

[[block]]
kind = "signatures"
items = ["医生（签字）", "日期"]
"""


def test_values_print_after_their_labels_and_missing_ones_as_blanks(tmp_path: Path) -> None:
    t = load(write(tmp_path, BODY), FIELDS | {"resident.day"})
    context = {
        "resident": {
            "name": "张三",
            "sex": "1",
            "pay": ["1", "7"],
            "ok": True,
            "day": dt.date(2026, 11, 24),
        },
        "rows": [{"day": dt.date(2026, 11, 1), "what": "查床"}],
    }
    out = tmp_path / "full.pdf"
    assert render(t, [context], out).pages == 1
    [text] = pdf_text(out)
    assert in_order(
        text, "测试表", "姓名", "张三", "性别", "1男", "2女", "支付", "患者", "张三", "2026-11-24"
    )
    assert in_order(text, "备注", "日期", "内容", "2026-11-01", "查床", "医生（签字）")
    empty = tmp_path / "empty.pdf"
    render(t, [{}], empty)
    [blank] = pdf_text(empty)
    assert "None" not in blank and "姓名" in blank and "第 1 页 共 1 页" in blank


def test_long_text_continues_on_the_next_page_with_page_numbers(tmp_path: Path) -> None:
    t = load(write(tmp_path, BODY), FIELDS | {"resident.day"})
    long = "胸痛反复发作，活动后加重，休息后缓解。" * 150
    rows = [{"day": dt.date(2026, 1, 1) + dt.timedelta(days=i), "what": f"第{i}次查床"} for i in range(60)]
    out = tmp_path / "long.pdf"
    result = render(t, [{"resident": {"note": long}, "rows": rows}], out)
    pages = pdf_text(out)
    assert result.pages == len(pages) >= 3
    assert "备注：（续）" in pages[1] and f"第 2 页 共 {len(pages)} 页" in pages[1]
    assert "第59次查床" in pages[-1] and in_order(pages[-1], "日期", "内容")  # the header again
    assert "".join(pages).replace(" ", "").count("胸痛反复发作") == 150  # nothing lost across pages
    pngs = to_png(out, tmp_path / "png")
    assert len(pngs) == len(pages) and all(ink(p) > 0.005 for p in pngs)


def test_a_table_row_taller_than_a_page_is_split_and_a_shorter_one_moves_whole(tmp_path: Path) -> None:
    t = load(write(tmp_path, BODY), FIELDS | {"resident.day"})
    marks = "\n".join(f"【{i:03d}】胸痛反复发作，活动后加重。" for i in range(200))  # a line each: 3 pages
    rows = [
        {"day": dt.date(2026, 11, 1), "what": "短行"},
        {"day": dt.date(2026, 11, 2), "what": marks},
        {"day": dt.date(2026, 11, 3), "what": "末行"},
    ]
    out = tmp_path / "tall.pdf"
    result = render(t, [{"rows": rows}], out)
    pages = pdf_text(out)
    assert result.pages == len(pages) >= 3
    whole = "".join(pages).replace(" ", "")
    found = [int(m) for m in re.findall(r"【(\d{3})】", whole)]
    assert found == list(range(200))  # every line once, in order, across the pages
    assert all(in_order(page, "日期", "内容") for page in pages[1:])  # the header on each page
    assert "末行" in pages[-1]
    assert min(_ys_of(out, "【")) > 14 * 2.83  # every line above the bottom margin, none off the page
    pngs = to_png(out, tmp_path / "png")
    assert all(ink(p) > 0.005 for p in pngs)
    # a row that fits on a page is not split: it starts on the next page instead
    medium = "".join(f"〔{i:02d}〕复查血压。" for i in range(60))
    filler = [{"day": dt.date(2026, 10, 1), "what": "查床"}] * 30
    out2 = tmp_path / "moved.pdf"
    render(t, [{"rows": [*filler, {"day": dt.date(2026, 11, 5), "what": medium}]}], out2)
    moved = pdf_text(out2)
    assert len(moved) == 2 and "〔00〕" in moved[1] and "〔59〕" in moved[1] and "〔00〕" not in moved[0]


def test_a_value_too_long_for_its_cell_is_cut_and_reported(tmp_path: Path) -> None:
    t = load(write(tmp_path, BODY), FIELDS | {"resident.day"})
    result = render(t, [{"resident": {"name": "名" * 80}}], tmp_path / "clip.pdf")
    assert result.clipped == ["resident.name"]
    [text] = pdf_text(tmp_path / "clip.pdf")
    assert "…" in text


def test_the_font_is_embedded_as_a_subset(tmp_path: Path) -> None:
    t = load(write(tmp_path, BODY), FIELDS | {"resident.day"})
    out = tmp_path / "font.pdf"
    render(t, [{"resident": {"name": "张三"}}], out)
    [font] = embedded_fonts(out)
    assert font.endswith("+WenQuanYiMicroHei")  # a subset (ABCDEF+…), and no other font
    assert out.stat().st_size < 200_000  # not the 4.6 MB font


def _ys_of(path: Path, needle: str) -> list[float]:
    """The heights (pt from the page's foot) of every piece of text holding ``needle``, on every page."""
    found: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if needle in text:
            found.append(cm[5] + tm[5])

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    assert found, needle
    return found


def _x_of(path: Path, needle: str) -> tuple[float, float]:
    found: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if needle in text and not found:
            found.append((cm[4] + tm[4], cm[5] + tm[5]))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    assert found, needle
    return found[0]


def test_the_calibration_offset_moves_the_whole_page(tmp_path: Path) -> None:
    t = load(write(tmp_path, BODY), FIELDS | {"resident.day"})
    render(t, [{}], tmp_path / "a.pdf")
    render(t, [{}], tmp_path / "b.pdf", offset_mm=(2.0, 3.0))
    (ax, ay), (bx, by) = _x_of(tmp_path / "a.pdf", "测试表"), _x_of(tmp_path / "b.pdf", "测试表")
    mm = 72 / 25.4
    assert bx - ax == pytest.approx(2 * mm, abs=0.05) and ay - by == pytest.approx(3 * mm, abs=0.05)
    calibration_page(tmp_path / "cal.pdf", (1.5, -2.0))
    [text] = pdf_text(tmp_path / "cal.pdf")
    assert "打印校准页" in text and "X +1.5 mm，Y -2.0 mm" in text


def test_an_edited_template_is_read_again_and_an_unchanged_one_is_not_parsed_again(tmp_path: Path) -> None:
    path = write(tmp_path, BODY)
    first = load(path, FIELDS | {"resident.day"})
    assert load(path, FIELDS | {"resident.day"}) is first  # the same text: the parsed template again
    path.write_text(path.read_text(encoding="utf-8").replace("测试表", "试验表"), encoding="utf-8")
    edited = load(path, FIELDS | {"resident.day"})  # same size, maybe the same mtime: still re-read
    assert (first.name, edited.name) == ("测试表", "试验表")
    path.write_text(
        path.read_text(encoding="utf-8").replace("resident.name", "resident.nmae"), encoding="utf-8"
    )
    with pytest.raises(TemplateError, match=r"没有字段“resident\.nmae”"):
        load(path, FIELDS | {"resident.day"})


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("胸痛胸。胸痛。", ["胸痛", "胸。胸", "痛。"]),  # 。never begins a line: 胸 goes down with it
        ("体温 36.8 °C，血氧 97%", ["体温", "36.8", "°C，血氧", "97%"]),  # numbers and units kept whole
        ("0000000000000000", ["00000", "00000", "00000", "0"]),  # only a word wider than the line is cut
        ("甲\n\n乙", ["甲", "", "乙"]),  # kept newlines are kept
    ],
)
def test_wrapping_lines(text: str, lines: list[str]) -> None:
    register()
    width = {"胸": text_width("胸痛胸", 9), "体": text_width("°C，血氧", 9), "0": text_width("00000", 9)}
    assert wrap(text, width.get(text[0], 100.0) + 0.1, 9) == lines


@given(st.text(alphabet="胸痛发作，。、；36.8°C mmHg%（）\n", max_size=80), st.integers(20, 200))
def test_wrapping_loses_nothing_and_keeps_to_the_width(text: str, width: int) -> None:
    register()
    lines = wrap(text, width, 9)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    assert len(lines) >= text.count("\n") + 1
    assert all(
        text_width(line, 9) <= width or len(line) == 1 for line in lines
    )  # only a 1-char line is wider


@given(
    st.lists(
        st.tuples(st.sampled_from("胸痛发作呼吸困难"), st.sampled_from(["", "，", "。", "；", "）"])),
        max_size=60,
    ),
    st.integers(20, 200),
)
def test_a_closing_mark_never_begins_a_line(pieces: list[tuple[str, str]], width: int) -> None:
    register()
    text = "".join(a + b for a, b in pieces)
    lines = wrap(text, width, 9)
    assert "".join(lines) == text
    assert not any(line[:1] in NO_LINE_START for line in lines[1:])
