"""Writing .xlsx files: openpyxl's write-only mode (rows stream to the file, memory stays flat), to a
temporary file renamed at the end, so a failed or cancelled export never leaves half a file under
the name the user chose. Every list the app exports goes through here (services/exports,
contracts, indicators)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import unicodedata
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from chc_desktop.security.files import private_file
from chc_desktop.services.errors import ServiceError

TEXT_FORMAT = "@"  # Excel's 文本 format: a typed-over ID number stays text
DATE_FORMAT = "yyyy-mm-dd"
WIDTH_SAMPLE = 200  # rows looked at to size the columns (write-only sheets fix widths up front)
MIN_WIDTH, MAX_WIDTH = 6, 60


def _display_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    text = str(value)
    # Chinese characters take two columns of Excel's width unit.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class XlsxWriter:
    """One sheet written row by row: a bold header, text columns kept as text, dates as dates,
    column widths from the header and the first rows. ``close()`` puts the file in place;
    leaving the ``with`` block by an exception removes the partial file."""

    def __init__(
        self,
        path: Path,
        headers: Sequence[str],
        text_columns: Collection[int] = (),
        title: str = "Sheet1",
    ) -> None:
        self.path = path
        self.headers = list(headers)
        self.text_columns = frozenset(text_columns)
        self.rows = 0
        self._tmp = path.with_name(f".{path.name}.part")
        self._book = Workbook(write_only=True)
        self._sheet: WriteOnlyWorksheet = self._book.create_sheet(title)
        self._pending: list[Sequence[Any]] | None = []
        self._bold = Font(bold=True)

    def __enter__(self) -> XlsxWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if kind is None:
            self.close()
        else:
            self.discard()

    def append(self, row: Sequence[Any]) -> None:
        self.rows += 1
        if self._pending is not None:
            self._pending.append(row)
            if len(self._pending) >= WIDTH_SAMPLE:
                self._start()
            return
        self._write(row)

    def _start(self) -> None:
        pending, self._pending = self._pending or [], None
        widths = [_display_width(h) + 2 for h in self.headers]
        for row in pending:
            for i, value in enumerate(row):
                if i < len(widths):
                    widths[i] = max(widths[i], _display_width(value) + 2)
                else:
                    widths.append(_display_width(value) + 2)
        # Set up at run time by the sheet's _setup; the type stubs leave it out.
        dimensions = self._sheet.column_dimensions  # type: ignore[attr-defined]
        for i, width in enumerate(widths):
            dimensions[get_column_letter(i + 1)].width = min(max(width, MIN_WIDTH), MAX_WIDTH)
        self._sheet.freeze_panes = "A2"
        header = []
        for text in self.headers:
            cell = WriteOnlyCell(self._sheet, value=text)
            cell.font = self._bold
            header.append(cell)
        self._sheet.append(header)
        for row in pending:
            self._write(row)

    def _write(self, row: Sequence[Any]) -> None:
        out: list[Any] = []
        for i, value in enumerate(row):
            if isinstance(value, dt.datetime) and value.time() == dt.time():
                value = value.date()
            if i in self.text_columns and value is not None:
                cell = WriteOnlyCell(self._sheet, value=value)
                cell.number_format = TEXT_FORMAT
                out.append(cell)
            elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                # Excel has no date type: a date is a datetime at midnight shown as a date.
                cell = WriteOnlyCell(self._sheet, value=dt.datetime.combine(value, dt.time()))
                cell.number_format = DATE_FORMAT
                out.append(cell)
            else:
                out.append(value)
        self._sheet.append(out)

    def close(self) -> Path:
        if self._pending is not None:
            self._start()
        try:
            self._book.save(self._tmp)
            private_file(self._tmp)  # residents' names and ID numbers: the user's alone
            os.replace(self._tmp, self.path)
        except OSError as exc:
            self.discard()
            raise ServiceError(f"无法写入文件 {self.path.name}：{exc.strerror or exc}") from None
        return self.path

    def discard(self) -> None:
        # openpyxl streams rows to a temporary file of its own, removed only by a save or at exit.
        writer = getattr(self._sheet, "_writer", None)
        if writer is not None:
            with contextlib.suppress(Exception):
                self._sheet.close()
            with contextlib.suppress(Exception):
                writer.cleanup()
        with contextlib.suppress(OSError):
            self._tmp.unlink(missing_ok=True)


def write_xlsx(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    text_columns: Collection[int] = (),
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write ``rows`` under ``headers`` to ``path`` (.xlsx); returns the number of rows."""
    with XlsxWriter(path, headers, text_columns) as writer:
        for row in rows:
            writer.append(row)
            if progress is not None and writer.rows % 1000 == 0:
                progress(writer.rows)
    return writer.rows
