"""Spreadsheet files as streams of rows (.xlsx through openpyxl's read-only mode, .csv in UTF-8 or
GB18030), and the rows read and checked — here, or in a second process for a large file so that
reading and checking (half the work of an import) run beside the database writes.

Kept apart from services/imports.py so that the second process imports only this, openpyxl and the
domain rules, not the database layer.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import itertools
import multiprocessing
import queue
import uuid
import zipfile
from collections.abc import Generator, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from chc_desktop.domain.spreadsheet import (
    HEADER_SCAN_ROWS,
    CellError,
    Place,
    PlaceIndex,
    RowReader,
    RowResult,
    cell_text,
    find_header_row,
)
from chc_desktop.services.errors import ServiceError

SUFFIXES = (".xlsx", ".xlsm", ".csv", ".txt")
CSV_DELIMITERS = (",", "\t", ";")
CHUNK = 500  # rows per message from the reading process
QUEUED_CHUNKS = 8  # how far reading may run ahead of writing (memory stays flat)
Cells = tuple[Any, ...]
# A data row read and checked: (row number, its cells when it is refused — for the rejected-rows
# file — else None, the result).
Checked = tuple[int, Cells | None, RowResult]


def csv_encoding(path: Path) -> str:
    """UTF-8 (with or without the BOM Excel writes), else GB18030 (Excel's 中文 CSV, a superset of
    GBK and GB2312). Decided by decoding the whole file in chunks: constant memory."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "gb18030"
    return "utf-8-sig"


class SheetFile:
    """The rows of a spreadsheet file, streamed: (row number from 1, cells). First ``header()``,
    then ``data()``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        suffix = path.suffix.lower()
        if suffix == ".xls":
            raise ServiceError("不能直接读取 .xls 文件：请在 Excel 中“另存为” .xlsx 后再导入")
        if suffix not in SUFFIXES:
            raise ServiceError("只能导入 .xlsx 或 .csv 文件")
        if not path.is_file():
            raise ServiceError(f"找不到文件 {path.name}")
        self.kind = "csv" if suffix in (".csv", ".txt") else "xlsx"
        self._stack = contextlib.ExitStack()
        self._rest: list[tuple[int, Cells]] = []
        self.rows_total: int | None = None
        try:
            # Wrapped once: a wrapper dropped after the header would close the rows under it.
            self._rows = self._guarded(self._open())
        except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, csv.Error):
            self._stack.close()
            raise ServiceError(f"无法读取文件 {path.name}：它不是有效的 Excel 或 CSV 文件") from None

    def _open(self) -> Iterator[tuple[int, Cells]]:
        if self.kind == "csv":
            encoding = csv_encoding(self.path)
            with self.path.open("rb") as raw:
                self.rows_total = sum(chunk.count(b"\n") for chunk in iter(lambda: raw.read(1 << 20), b""))
            fh = self._stack.enter_context(self.path.open(encoding=encoding, newline=""))
            sample = fh.read(8192)
            fh.seek(0)
            # Excel writes commas (tabs for "Unicode text"); csv.Sniffer guesses wildly on Chinese.
            delimiter = max(CSV_DELIMITERS, key=lambda d: sample.count(d))
            return ((n, tuple(r)) for n, r in enumerate(csv.reader(fh, delimiter=delimiter), 1))
        book = load_workbook(self.path, read_only=True, data_only=True)
        self._stack.callback(book.close)
        sheet = book.active if book.active is not None else book.worksheets[0]
        self.rows_total = getattr(sheet, "max_row", None)
        return ((n, tuple(r)) for n, r in enumerate(sheet.iter_rows(values_only=True), 1))

    def close(self) -> None:
        self._stack.close()

    def __enter__(self) -> SheetFile:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def header(self) -> tuple[int, tuple[str, ...]]:
        """(header row number, header texts)."""
        scanned: list[Cells] = []
        for _n, cells in self._rows:
            scanned.append(cells)
            if len(scanned) >= HEADER_SCAN_ROWS:
                break
        found = find_header_row(scanned)
        if found is None:
            raise ServiceError(
                "找不到表头：前 30 行中没有一行能认出至少两个列名（如“姓名”“身份证号”）。"
                "请检查是否选对了文件或工作表"
            )
        headers = [cell_text(c) for c in scanned[found]]
        while headers and not headers[-1]:
            headers.pop()
        # Rows after the header that were read while looking for it come first.
        self._rest = [(found + 2 + i, r) for i, r in enumerate(scanned[found + 1 :])]
        return found + 1, tuple(headers)

    def data(self) -> Iterator[tuple[int, Cells]]:
        """The rows below the header, blank rows left out."""
        for n, cells in itertools.chain(self._rest, self._rows):
            if any(c is not None and (not isinstance(c, str) or c.strip()) for c in cells):
                yield n, cells

    def _guarded(self, rows: Iterator[tuple[int, Cells]]) -> Iterator[tuple[int, Cells]]:
        # A file damaged past its first bytes fails only while it is read.
        try:
            yield from rows
        except (zipfile.BadZipFile, InvalidFileException, KeyError, csv.Error, UnicodeDecodeError) as exc:
            raise ServiceError(f"文件 {self.path.name} 已损坏或格式不对，无法读完") from exc


@dataclass(frozen=True)
class ReadPlan:
    """Everything needed to read and check a file's rows (it crosses a process boundary)."""

    path: Path
    headers: tuple[str, ...]
    mapping: dict[int, str]
    today: dt.date
    streets: tuple[Place, ...]
    committees: tuple[Place, ...]
    doctors: Mapping[str, uuid.UUID | None]
    include_clinical: bool

    def reader(self) -> RowReader:
        return RowReader(
            self.headers,
            self.mapping,
            self.today,
            PlaceIndex(self.streets, self.committees),
            self.doctors,
            self.include_clinical,
        )


def with_duplicates(reader: RowReader, result: RowResult, taken: dict[str, int]) -> RowResult:
    """A later row with an ID number seen earlier in the file is wrong (which of the two is right
    is for the clerk to say)."""
    if not result.id_number:
        return result
    first = taken.setdefault(result.id_number, result.row)
    if first == result.row:
        return result
    column = reader.columns.get("id_number")
    error = CellError(result.row, "id_number", reader.label("id_number"), column, f"与第 {first} 行重复")
    return RowResult(result.row, {}, (*result.errors, error), result.id_number, result.contract)


def checked_rows(plan: ReadPlan) -> Generator[Checked, None, None]:
    """Every data row of the file, read and checked, in order."""
    reader = plan.reader()
    taken: dict[str, int] = {}
    with SheetFile(plan.path) as sheet:
        sheet.header()
        for n, cells in sheet.data():
            result = with_duplicates(reader, reader.read(n, cells), taken)
            yield n, cells if result.errors else None, result


def _read_in_child(plan: ReadPlan, out: Any) -> None:
    try:
        chunk: list[Checked] = []
        for item in checked_rows(plan):
            chunk.append(item)
            if len(chunk) >= CHUNK:
                out.put(("rows", chunk))
                chunk = []
        out.put(("rows", chunk))
        out.put(("end", None))
    except ServiceError as exc:
        out.put(("error", str(exc)))
    except Exception as exc:  # the message names the kind of failure only, never a cell's value
        out.put(("error", f"读取文件时出错（{type(exc).__name__}）"))


def checked_rows_in_child(plan: ReadPlan) -> Generator[Checked, None, None]:
    """``checked_rows`` run by a second process, a few chunks ahead of the caller. Closing the
    iterator (or an error in the caller) stops the process."""
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue(maxsize=QUEUED_CHUNKS)
    child = ctx.Process(target=_read_in_child, args=(plan, out), daemon=True, name="chc-import-reader")
    child.start()
    try:
        while True:
            try:
                kind, data = out.get(timeout=1.0)
            except queue.Empty:
                if not child.is_alive():
                    raise ServiceError("读取文件的进程意外退出，未导入任何内容") from None
                continue
            if kind == "rows":
                yield from data
            elif kind == "error":
                raise ServiceError(data)
            else:
                return
    finally:
        if child.is_alive():
            child.terminate()
        child.join(10)
        out.close()
        out.cancel_join_thread()
