"""Table models for residents: the lazily fetched list, and search results with the same columns."""

from __future__ import annotations

import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor

from chc_desktop.domain import codes
from chc_desktop.services.residents import Filters, ResidentRow, ResidentService

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "ResidentColumns"
INACTIVE = QColor("#7b8794")


def format_record_no(number: str | None) -> str:
    """17 digits as printed on the cover: 310105-001-001-00001."""
    if not number:
        return QCoreApplication.translate(CONTEXT, "（待分配）")
    return f"{number[:6]}-{number[6:9]}-{number[9:12]}-{number[12:]}"


def resident_heading(name: str, sex: str, age: int | None, record_no: str | None) -> str:
    """The line that heads a form about one resident: name, sex, age and the file's number."""
    return (
        QCoreApplication.translate("ResidentHeading", "%1　%2　%3岁　档案编号 %4")
        .replace("%1", name)
        .replace("%2", codes.SEX.label_or(sex))
        .replace("%3", "" if age is None else str(age))
        .replace("%4", format_record_no(record_no))
    )


@dataclass(frozen=True)
class Column:
    title: str  # Chinese source text, translated in context ResidentColumns
    sort_key: str | None  # the service's sort key; None: not sortable
    value: Callable[[ResidentRow], Any]
    width: int
    inverted: bool = False  # sorting by age is sorting by birth date the other way round


COLUMNS: list[Column] = [
    Column(
        str(QT_TRANSLATE_NOOP("ResidentColumns", "档案编号")),
        "record_no",
        lambda r: format_record_no(r.record_no),
        178,
    ),
    Column(str(QT_TRANSLATE_NOOP("ResidentColumns", "姓名")), "name", lambda r: r.name, 84),
    Column(str(QT_TRANSLATE_NOOP("ResidentColumns", "性别")), "sex", lambda r: codes.SEX.label_or(r.sex), 50),
    Column(
        str(QT_TRANSLATE_NOOP("ResidentColumns", "年龄")), "birth_date", lambda r: r.age, 50, inverted=True
    ),
    Column(
        str(QT_TRANSLATE_NOOP("ResidentColumns", "出生日期")),
        "birth_date",
        lambda r: r.birth_date.isoformat(),
        100,
    ),
    Column(
        str(QT_TRANSLATE_NOOP("ResidentColumns", "身份证号")), "id_number", lambda r: r.id_number or "", 176
    ),
    Column(str(QT_TRANSLATE_NOOP("ResidentColumns", "联系电话")), "phone", lambda r: r.phone or "", 118),
    Column(str(QT_TRANSLATE_NOOP("ResidentColumns", "街道")), None, lambda r: r.street, 110),
    Column(str(QT_TRANSLATE_NOOP("ResidentColumns", "居委会")), None, lambda r: r.committee, 130),
    Column(
        str(QT_TRANSLATE_NOOP("ResidentColumns", "现住址")),
        "current_address",
        lambda r: r.current_address or "",
        240,
    ),
    Column(
        str(QT_TRANSLATE_NOOP("ResidentColumns", "状态")),
        "status",
        lambda r: codes.RESIDENT_STATUS.label_or(r.status),
        56,
    ),
]
AGE_COLUMN = 3
ADDRESS_COLUMN = 9


def column_title(section: int) -> str:
    return QCoreApplication.translate(CONTEXT, COLUMNS[section].title)


def _cell(row: ResidentRow, column: int, role: int) -> Any:
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        if role == Qt.ItemDataRole.ToolTipRole and column != ADDRESS_COLUMN:
            return None
        return COLUMNS[column].value(row)
    if role == Qt.ItemDataRole.TextAlignmentRole and column == AGE_COLUMN:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if role == Qt.ItemDataRole.ForegroundRole and row.status != "active":
        return QBrush(INACTIVE)  # closed files (失访/死亡/迁出) in grey
    return None


class ResidentListModel(QAbstractTableModel):
    """All residents matching the filters, fetched a page at a time as the view asks for rows.

    rowCount is the true total (so the scroll bar tells the truth at once); pages are fetched with
    ``residents.page`` when a row of theirs is first shown and kept in a small LRU cache, so a list of
    300,000 residents scrolls without ever being loaded whole.
    """

    PAGE = 200
    CACHE_PAGES = 24
    JUMP_DELAY_MS = 120
    PENDING_PAGES = 3  # a view shows at most a few dozen rows: two pages, three to be safe
    SAME_PAINT_S = 0.03

    def __init__(
        self,
        residents: ResidentService,
        parent: QObject | None = None,
        *,
        defer_jumps: bool = True,
        filters: Filters | None = None,
        count: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.residents = residents
        self.filters = filters or Filters()
        self.sort_column = 0
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._count = 0
        self._pages: OrderedDict[int, list[ResidentRow]] = OrderedDict()
        self.fetches = 0  # pages fetched since the last reload (tests look at it)
        # A page far from every cached page (the scroll bar dragged, Ctrl+End) is fetched a moment
        # later, once the view has settled, rather than for every position it passes on the way:
        # a deep page of a large list costs the database a noticeable fraction of a second.
        self.defer_jumps = defer_jumps
        self._pending: dict[int, float] = {}  # page -> when the view last asked for it
        self._jump_timer = QTimer(self)
        self._jump_timer.setSingleShot(True)
        self._jump_timer.setInterval(self.JUMP_DELAY_MS)
        self._jump_timer.timeout.connect(self._fetch_pending)
        self.reload(count)

    # -------------------------------------------------------------- loading
    def reload(self, count: int | None = None) -> None:
        """Count again and forget every cached page (after a filter, a sort or a change).

        ``count`` is a total already counted off the UI thread (the workbench counts its lists
        together), so the list need not count again here."""
        self.beginResetModel()
        self._pages.clear()
        self._pending.clear()
        self._jump_timer.stop()
        self.fetches = 0
        self._count = self.residents.count(self.filters) if count is None else count
        self.endResetModel()

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.reload()

    def _page(self, page_no: int) -> list[ResidentRow]:
        page = self._pages.get(page_no)
        if page is not None:
            self._pages.move_to_end(page_no)
            return page
        column = COLUMNS[self.sort_column]
        descending = (self.sort_order == Qt.SortOrder.DescendingOrder) != column.inverted
        page = self.residents.page(
            self.filters, page_no * self.PAGE, self.PAGE, column.sort_key or "record_no", descending
        )
        self.fetches += 1
        self._pages[page_no] = page
        while len(self._pages) > self.CACHE_PAGES:
            self._pages.popitem(last=False)
        return page

    def _is_jump(self, page_no: int) -> bool:
        return bool(self._pages) and (page_no - 1) not in self._pages and (page_no + 1) not in self._pages

    def _shown_row(self, number: int) -> ResidentRow | None:
        """The row for painting: from the cache, fetched now when near what is cached, else later."""
        page_no = number // self.PAGE
        if self.defer_jumps and page_no not in self._pages and self._is_jump(page_no):
            self._pending[page_no] = time.monotonic()
            self._jump_timer.start()
            return None
        return self.row(number)

    def _fetch_pending(self) -> None:
        """Fetch what the view asked for in its last paint (not the positions it passed on the way)."""
        if not self._pending:
            return
        latest = max(self._pending.values())
        pages = sorted(p for p, asked in self._pending.items() if asked >= latest - self.SAME_PAINT_S)
        self._pending.clear()
        for page_no in pages[-self.PENDING_PAGES :]:
            self._page(page_no)
            first = page_no * self.PAGE
            last = min(first + self.PAGE, self._count) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def row(self, number: int) -> ResidentRow | None:
        if not 0 <= number < self._count:
            return None
        page = self._page(number // self.PAGE)
        offset = number % self.PAGE
        return page[offset] if offset < len(page) else None

    def resident_id(self, number: int) -> uuid.UUID | None:
        found = self.row(number)
        return found.id if found else None

    # -------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.TextAlignmentRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        found = self._shown_row(index.row())
        return None if found is None else _cell(found, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return column_title(section) if 0 <= section < len(COLUMNS) else None
        return None

    def sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column].sort_key is not None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting is the database's job: ask for the pages again in the new order."""
        if not self.sortable(column):
            return
        if (column, order) == (self.sort_column, self.sort_order):
            return
        self.sort_column, self.sort_order = column, order
        self.reload()


class SearchResultModel(QAbstractTableModel):
    """The rows of one search, and what matched (姓名, 拼音首字母, 身份证号…)."""

    FIELDS = (1, 2, 3, 0, 8)  # name, sex, age, record number, committee; then what matched

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ResidentRow] = []

    def set_rows(self, rows: list[ResidentRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.FIELDS) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        found = self.rows[index.row()]
        if index.column() == len(self.FIELDS):
            return found.match if role == Qt.ItemDataRole.DisplayRole else None
        return _cell(found, self.FIELDS[index.column()], role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == len(self.FIELDS):
            return QCoreApplication.translate(CONTEXT, "匹配")
        return column_title(self.FIELDS[section]) if 0 <= section < len(self.FIELDS) else None
