"""The global resident search (Ctrl+F): results drop down under the box as the user types.

Focus stays in the box; Up/Down move in the list, Enter opens the chosen resident, Esc closes the
list (a second Esc clears the box). A click on a row opens it too.
"""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.ui.residents.models import SearchResultModel

DEBOUNCE_MS = 180
POPUP_WIDTH = 720


class SearchPopup(QFrame):
    """The result list: a frameless window under the search box that never takes the focus."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("search_popup")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.Box)
        self.model = SearchResultModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("search_results")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        for column, width in enumerate((90, 48, 48, 178, 150)):
            self.view.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.note = QLabel(self)
        self.note.setObjectName("search_note")
        self.note.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 4)
        layout.setSpacing(2)
        layout.addWidget(self.view)
        layout.addWidget(self.note)

    def current_row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, row: int) -> None:
        if self.model.rowCount():
            row = max(0, min(row, self.model.rowCount() - 1))
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))


class GlobalSearch(QLineEdit):
    """Type a name, pinyin or its initials, an ID number, a phone number (or its last 4 digits) or a
    record number (or its last 8 digits)."""

    open_resident = Signal(object)  # resident id

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("global_search")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(
            self.tr("查找居民：姓名、拼音首字母、身份证号、电话后4位、档案编号（Ctrl+F）")
        )
        self.setMinimumWidth(460)
        self.popup = SearchPopup(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.textEdited.connect(self._edited)
        self.popup.view.clicked.connect(lambda index: self._open(index.row()))
        self.installEventFilter(self)

    def _edited(self, text: str) -> None:
        if text.strip():
            self.timer.start()
        else:
            self.timer.stop()
            self.popup.hide()

    def run_search(self) -> None:
        self.timer.stop()
        text = self.text().strip()
        if not text:
            self.popup.hide()
            return
        note = ""
        try:
            result = self.services.search.search(text)
        except ServiceError as exc:
            self.popup.model.set_rows([])
            note = str(exc)
        else:
            self.popup.model.set_rows(result.rows)
            count = len(result.rows)
            if not count:
                note = self.tr("没有找到。可输入姓名、拼音、身份证号、电话或档案编号。")
            elif result.truncated:
                note = self.tr("结果较多，只显示前 %n 条；请再输入几个字。", "", count)
            else:
                note = self.tr("找到 %n 人。方向键选择，回车打开，Esc 关闭。", "", count)
            self.popup.select(0)
        self.popup.note.setText(note)
        self._place_popup()
        self.popup.show()

    def _place_popup(self) -> None:
        rows = min(self.popup.model.rowCount(), 12)
        height = 30 + 26 * max(rows, 1) + 30
        self.popup.resize(max(self.width(), POPUP_WIDTH), height)
        self.popup.move(self.mapToGlobal(QPoint(0, self.height() + 2)))

    def _open(self, row: int) -> None:
        rows = self.popup.model.rows
        if 0 <= row < len(rows):
            rid: uuid.UUID = rows[row].id
            self.popup.hide()
            self.open_resident.emit(rid)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.window().installEventFilter(self)  # the list follows no moving window: it closes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self and event.type() in (
            QEvent.Type.Move,
            QEvent.Type.Resize,
            QEvent.Type.WindowDeactivate,
            QEvent.Type.Hide,
        ):
            self.popup.hide()
            return False
        if watched is self and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if self._key(event.key()):
                return True
        elif watched is self and event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(200, self._hide_if_unfocused)
        return super().eventFilter(watched, event)

    def _key(self, key: int) -> bool:
        popup = self.popup
        if key == Qt.Key.Key_Escape:
            if popup.isVisible():
                popup.hide()
            else:
                self.clear()
            return True
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            if not popup.isVisible():
                if self.text().strip():
                    self.run_search()
                return True
            step = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 10, Qt.Key.Key_PageUp: -10}[
                Qt.Key(key)
            ]
            popup.select(popup.current_row() + step)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if not self.text().strip():
                return True
            if self.timer.isActive() or not popup.isVisible():
                self.run_search()  # Enter before the pause: search now, then open the best match
            self._open(max(popup.current_row(), 0))
            return True
        return False

    def _hide_if_unfocused(self) -> None:
        if not self.hasFocus():
            self.popup.hide()
