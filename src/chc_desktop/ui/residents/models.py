"""Table models for residents: the lazily fetched list and search results share their columns."""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from chc_desktop.domain import codes
from chc_desktop.services.residents import Filters, ResidentRow, ResidentService

Index = QModelIndex | QPersistentModelIndex
_tr = QCoreApplication.translate

# (header, sort key, value of a row)
COLUMNS: list[tuple[str, str | None, Callable[[ResidentRow], Any]]] = [
    ("档案编号", "record_no", lambda r: _record(r.record_no)),
    ("姓名", "name", lambda r: r.name),
    ("性别", "sex", lambda r: codes.SEX.label(r.sex) if codes.SEX.has(r.sex) else r.sex),
    ("年龄", "birth_date", lambda r: r.age),
    ("出生日期", "birth_date", lambda r: r.birth_date.isoformat()),
    ("身份证号", "id_number", lambda r: r.id_number or ""),
    ("联系电话", "phone", lambda r: r.phone or ""),
    ("街道", None, lambda r: r.street),
    ("居委会", None, lambda r: r.committee),
    ("现住址", "current_address", lambda r: r.current_address or ""),
    ("状态", "status", lambda r: codes.RESIDENT_STATUS.label(r.status) if codes.RESIDENT_STATUS.has(r.status) else r.status),
]


def _record(number: str | None) -> str:
    if not number:
        return _tr("ResidentColumns", "（待分配）")
    return f"{number[:6]}-{number[6:9]}-{number[9:12]}-{number[12:]}"


def header(section: int) -> str:
    return _tr("ResidentColumns", COLUMNS[section][0])


class ResidentListModel(QAbstractTableModel):
    """All residents matching the filters, fetched a page at a time as the view asks for rows.

    rowCount is the true total (so the scroll bar tells the truth); pages are cached (LRU), so
    300,000 rows scroll without being loaded.
    """

    PAGE = 200
    CACHE_PAGES = 40

    def __init__(self, residents: ResidentService, parent: Any = None) -> None:
        super().__init__(parent)
        self.residents = residents
        self.filters = Filters()
        self.sort_key = "record_no"
        self.descending = False
        self._count = 0
        self._pages: OrderedDict[int, list[ResidentRow]] = OrderedDict()
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = self.residents.count(self.filters)
        self.endResetModel()

    def set_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.reload()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def row(self, number: int) -> ResidentRow | None:
        if not 0 <= number < self._count:
            return None
        page_no = number // self.PAGE
        page = self._pages.get(page_no)
        if page is None:
            page = self.residents.page(self.filters, page_no * self.PAGE, self.PAGE, self.sort_key, self.descending)
            self._pages[page_no] = page
            if len(self._pages) > self.CACHE_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        offset = number % self.PAGE
        return page[offset] if offset < len(page) else None

    def resident_id(self, number: int) -> uuid.UUID | None:
        r = self.row(number)
        return r.id if r else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            r = self.row(index.row())
            return None if r is None else COLUMNS[index.column()][2](r)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return header(section)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1] if 0 <= column < len(COLUMNS) else None
        if key is None:
            return
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        self.reload()


class SearchResultModel(QAbstractTableModel):
    """The rows of one search, plus what matched."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[ResidentRow] = []

    def set_rows(self, rows: list[ResidentRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    _FIELDS = (1, 2, 3, 0, 8)  # name, sex, age, record no, committee — then what matched

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole or index.row() >= len(self.rows):
            return None
        r = self.rows[index.row()]
        if index.column() == 5:
            return r.match
        return COLUMNS[self._FIELDS[index.column()]][2](r)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal or not 0 <= section < 6:
            return None
        return _tr("ResidentColumns", "匹配") if section == 5 else header(self._FIELDS[section])
