"""A messy, real-looking resident spreadsheet as centres send them (synthetic people only)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl

from tests.services.helpers import id_number

HEADERS = [
    "序号",
    "姓名",
    "身份证号码",
    "性别",
    "出生日期",
    "联系电话",
    "乡镇（街道）",
    "居委会",
    "现住址",
    "备注",
]


def _full_width(text: str) -> str:
    return text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"})


# Good rows: their ID numbers, for the assertions.
ZHANG = id_number("19500302", "123")
LI = id_number("19620815", "246")
ZHOU = id_number("19451111", "135")
WU = id_number("19800101", "003")  # ends in X
BAD_CHECK = id_number("19550505", "112")[:17] + "0"  # the right check character is not 0
AS_NUMBER = id_number("19700707", "777")
IMPOSSIBLE = id_number("19700228", "555")
UNKNOWN_STREET = id_number("19660606", "661")
assert not BAD_CHECK.endswith(id_number("19550505", "112")[17])

GOOD = [ZHANG, LI, ZHOU, WU]
# The errors the messy sheet must produce, in order.
EXPECTED_ERRORS = [
    "第 7 行 身份证号码 身份证号被 Excel 存成了数字，末几位可能已丢失，请把该列设为文本后重新导出",
    "第 9 行 身份证号码 校验位错误",
    "第 10 行 出生日期 不存在的日期，请核对年、月、日",
    "第 11 行 乡镇（街道） 找不到该街道（请写街道名称，如“仙霞新村街道”）",
    "第 12 行 身份证号码 与第 4 行重复",
]


def messy_rows() -> list[list[Any]]:
    """Data rows from sheet row 4 (row 5 is blank)."""
    return [
        # 4: trailing spaces, phone with spaces, date as text
        [
            1,
            "张三 ",
            f"{ZHANG} ",
            "男 ",
            "1950-03-02",
            "138 1234 5678",
            "仙霞新村街道",
            "仙霞第一居委会 ",
            "仙霞路 1 号",
            None,
        ],
        # 5: blank (the row numbers the clerk sees keep counting)
        [None] * len(HEADERS),
        # 6: full-width digits in ID and phone, an Excel date, street and 居委 without their suffixes
        [
            2,
            "李四",
            _full_width(LI),
            "女",
            dt.datetime(1962, 8, 15),
            _full_width("139-1234-5678"),
            "仙霞新村",
            "仙霞第二",
            "仙霞路 2 号",
            "",
        ],
        # 7: the ID number Excel turned into a number
        [3, "王五", float(AS_NUMBER), "男", "1970/7/7", None, "仙霞新村街道", "仙霞第一居委会", None, None],
        # 8: 1945.11.11, a landline without area code, no street (the 居委 names it)
        [4, "周六", ZHOU, "男", "1945.11.11", "6234 5678", None, "仙霞第三居委会", "仙霞路 3 号", "独居"],
        # 9: a wrong check digit
        [5, "郑七", BAD_CHECK, "女", None, None, "仙霞新村街道", "仙霞第一居委会", None, None],
        # 10: a date that does not exist
        [6, "冯八", IMPOSSIBLE, "男", "1970-02-30", None, "仙霞新村街道", "仙霞第一居委会", None, None],
        # 11: a street that is not in this district
        [7, "陈九", UNKNOWN_STREET, "男", None, None, "南京东路街道", "仙霞第一居委会", None, None],
        # 12: the same person as row 4 again
        [8, "张三", ZHANG, "男", "1950年3月2日", None, "仙霞新村街道", "仙霞第一居委会", None, None],
        # 13: lower-case x, 1980年1月1日, no sex (the ID number tells)
        [
            9,
            "吴十",
            WU.lower(),
            None,
            "1980年1月1日",
            "13700001111",
            "仙霞新村街道",
            "仙霞第一居委会",
            None,
            None,
        ],
    ]


def write_messy(path: Path) -> Path:
    """Title merged above the header, a subtitle, the header on row 3, a blank row inside the data."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "花名册"
    sheet.append(["仙霞新村街道 居民健康档案花名册（2026 年）"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    sheet.append([])
    sheet.append(HEADERS)
    for row in messy_rows():
        sheet.append(row)
    book.save(path)
    return path


def write_sheet(path: Path, headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(headers))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def read_sheet(path: Path) -> list[tuple[Any, ...]]:
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    return [tuple(r) for r in sheet.iter_rows(values_only=True)]


def dump(path: Path) -> list[str]:
    """Every row of every table, for 'nothing changed' comparisons."""
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def count(path: Path, table: str) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        con.close()
