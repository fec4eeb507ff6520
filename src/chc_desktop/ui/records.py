"""A read-only table model of service records (dataclasses), one per row, that every area reuses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
Column = tuple[Any, Callable[[Any], str]]  # (QT_TRANSLATE_NOOP header, cell text)


class RecordsModel(QAbstractTableModel, Generic[T]):
    """A read-only table of service records, one per row."""

    CONTEXT = "sync"  # the translation context of the headers
    COLUMNS: Sequence[Column] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.items: list[T] = []

    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item(self, row: int) -> T | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        item = self.item(index.row())
        if item is None or index.column() >= len(self.COLUMNS):
            return None
        return self.COLUMNS[index.column()][1](item)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate(self.CONTEXT, str(self.COLUMNS[section][0]))
        return None


class PagedRecordsModel(RecordsModel[T]):
    """Records fetched a page at a time as the view scrolls (Qt's canFetchMore/fetchMore), for lists
    that can run to thousands of rows; ``total`` is known up front so the caption tells the truth."""

    PAGE = 200

    def __init__(self, fetch: Callable[[int, int], Sequence[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fetch = fetch
        self.total = 0

    def reset_to(self, total: int, first: Sequence[T] | None = None) -> None:
        """Start again with ``total`` rows in all; ``first`` is the first page when already fetched."""
        self.total = total
        self.set_items(list(first) if first is not None else list(self.fetch(0, self.PAGE)) if total else [])

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.items) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = list(self.fetch(len(self.items), self.PAGE))
        if not more:
            self.total = len(self.items)
            return
        self.beginInsertRows(QModelIndex(), len(self.items), len(self.items) + len(more) - 1)
        self.items.extend(more)
        self.endInsertRows()


class OpeningTable(QTableView):
    """A list whose row opens something: Enter on the current row, or a double-click."""

    row_opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doubleClicked.connect(lambda index: self.row_opened.emit(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.row_opened.emit(self.currentIndex().row())
            event.accept()
            return
        super().keyPressEvent(event)


def records_view(model: QAbstractItemModel, name: str, view: QTableView | None = None) -> QTableView:
    """A read-only, row-selecting table view as every list in the app shows one (``view``: a
    QTableView subclass to set up instead of a new plain one)."""
    view = view if view is not None else QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view
