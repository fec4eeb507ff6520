"""The global resident search (Ctrl+F): results drop down under the box as the user types."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.ui.residents.models import SearchResultModel


class SearchPopup(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.model = SearchResultModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("search_results")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.note = QLabel(self)
        self.note.setProperty("role", "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.view)
        layout.addWidget(self.note)
        self.resize(640, 340)


class GlobalSearch(QLineEdit):
    """Type a name, pinyin, ID number, phone or record number; arrows choose, Enter opens, Esc closes."""

    open_resident = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("global_search")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("查找居民（Ctrl+F）：姓名、拼音首字母、身份证号、电话后4位、档案编号"))
        self.popup = SearchPopup(self)
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(self.run_search)
        self.textEdited.connect(lambda _text: self.timer.start())
        self.popup.view.clicked.connect(lambda index: self._open(index.row()))
        self.installEventFilter(self)

    def run_search(self) -> None:
        text = self.text().strip()
        if not text:
            self.popup.hide()
            return
        try:
            result = self.services.search.search(text)
        except ServiceError as exc:
            self.popup.model.set_rows([])
            self.popup.note.setText(str(exc))
        else:
            self.popup.model.set_rows(result.rows)
            if not result.rows:
                self.popup.note.setText(self.tr("没有找到。可输入姓名、拼音、身份证号、电话或档案编号。"))
            elif result.truncated:
                self.popup.note.setText(self.tr("结果较多，只显示前 %n 条，请输入更多内容", "", len(result.rows)))
            else:
                self.popup.note.setText(self.tr("找到 %n 人；方向键选择，回车打开", "", len(result.rows)))
            if result.rows:
                self.popup.view.selectRow(0)
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.resize(max(self.width(), 640), 340)
        self.popup.show()

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.popup.model.rows):
            rid: uuid.UUID = self.popup.model.rows[row].id
            self.popup.hide()
            self.open_resident.emit(rid)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            view = self.popup.view
            if key == Qt.Key.Key_Escape:
                self.popup.hide()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.popup.isVisible():
                row = view.currentIndex().row() + (1 if key == Qt.Key.Key_Down else -1)
                view.selectRow(max(0, min(row, self.popup.model.rowCount() - 1)))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.timer.isActive():
                    self.timer.stop()
                    self.run_search()
                self._open(view.currentIndex().row() if view.currentIndex().isValid() else 0)
                return True
        if watched is self and event.type() == QEvent.Type.FocusOut:
            # With self as context, the timer dies with the widget.
            QTimer.singleShot(150, self, self._hide_unless_focused)
        return super().eventFilter(watched, event)

    def _hide_unless_focused(self) -> None:
        if not self.hasFocus():
            self.popup.hide()
