"""导入 Excel: choose a file, say which column is which, look at the first rows with what is wrong in
each, then import everything or only the good rows. Reading and importing run off the UI thread
(ui/workers.py) with progress and 取消; a cancelled import leaves the database as it was."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain.spreadsheet import FIELDS, CellError
from chc_desktop.services.app import Services
from chc_desktop.services.imports import ImportCancelled, ImportReport, Preview, PreviewRow, SheetHeader
from chc_desktop.ui.widgets import ErrorLabel, fit_to_screen
from chc_desktop.ui.workers import Cancelled, Handle, Progress, run_with_progress

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "ImportDialog"
ERROR_BACKGROUND = QColor("#fde7e4")
PRESENT_FOREGROUND = QColor("#7b8794")
FIELD_ROLE = Qt.ItemDataRole.UserRole + 1  # the field key of a mapping row
SHOWN_ERRORS = 2000  # a list longer than this helps nobody; the rejected-rows file has them all
FIELD_LABELS = {f.key: f.label for f in FIELDS}
STATUS = {
    "new": QT_TRANSLATE_NOOP("ImportDialog", "新建"),
    "present": QT_TRANSLATE_NOOP("ImportDialog", "已建档"),
    "invalid": QT_TRANSLATE_NOOP("ImportDialog", "有问题"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: how the spreadsheet program names the column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class MappingModel(QAbstractTableModel):
    """One row per column of the sheet: its letter, its header, a sample value, and the field it is
    imported as (editable; empty: not imported)."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ImportDialog", "列"),
        QT_TRANSLATE_NOOP("ImportDialog", "表头"),
        QT_TRANSLATE_NOOP("ImportDialog", "导入为"),
        QT_TRANSLATE_NOOP("ImportDialog", "第一行的值"),
    )
    FIELD_COLUMN = 2
    mapping_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: tuple[str, ...] = ()
        self.fields: list[str] = []
        self.samples: tuple[str, ...] = ()

    def set_sheet(self, headers: tuple[str, ...], mapping: dict[int, str]) -> None:
        self.beginResetModel()
        self.headers = headers
        self.fields = [mapping.get(i, "") for i in range(len(headers))]
        self.samples = ()
        self.endResetModel()

    def set_samples(self, samples: tuple[str, ...]) -> None:
        self.samples = samples
        if self.headers:
            last = len(self.headers) - 1
            self.dataChanged.emit(self.index(0, 3), self.index(last, 3), [Qt.ItemDataRole.DisplayRole])

    def mapping(self) -> dict[int, str]:
        return {i: key for i, key in enumerate(self.fields) if key}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.FIELD_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.headers):
            return None
        row, column = index.row(), index.column()
        key = self.fields[row]
        if role == FIELD_ROLE or (role == Qt.ItemDataRole.EditRole and column == self.FIELD_COLUMN):
            return key
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return column_letter(row)
            if column == 1:
                return self.headers[row]
            if column == self.FIELD_COLUMN:
                return FIELD_LABELS.get(key, "") if key else _tr("（不导入）")
            if column == 3:
                return self.samples[row] if row < len(self.samples) else ""
        if role == Qt.ItemDataRole.ForegroundRole and column == self.FIELD_COLUMN and not key:
            return QBrush(PRESENT_FOREGROUND)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != self.FIELD_COLUMN:
            return False
        key = str(value or "")
        if key and key not in FIELD_LABELS:
            return False
        if key == self.fields[index.row()]:
            return True
        # A field comes from one column: choosing it here clears it elsewhere.
        for other, taken in enumerate(self.fields):
            if key and taken == key and other != index.row():
                self.fields[other] = ""
                cell = self.index(other, self.FIELD_COLUMN)
                self.dataChanged.emit(cell, cell)
        self.fields[index.row()] = key
        self.dataChanged.emit(index, index)
        self.mapping_changed.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADERS)
        ):
            return _tr(str(self.HEADERS[section]))
        return None


class FieldDelegate(QStyledItemDelegate):
    """The 导入为 cell edits as a combo box of every field (plus 不导入); typing selects."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("field_editor")
        combo.addItem(_tr("（不导入）"), "")
        for f in FIELDS:
            combo.addItem(f.label, f.key)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PreviewModel(QAbstractTableModel):
    """The first rows as the import reads them: 状态 and 行号 first, then the sheet's own cells, each
    wrong cell shaded with its reason as the tool tip."""

    FIXED = (QT_TRANSLATE_NOOP("ImportDialog", "状态"), QT_TRANSLATE_NOOP("ImportDialog", "行号"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers: tuple[str, ...] = ()
        self.rows: list[PreviewRow] = []
        self._errors: list[dict[int | None, list[CellError]]] = []

    def set_preview(self, preview: Preview) -> None:
        self.beginResetModel()
        self.headers = preview.header.headers
        self.rows = list(preview.rows)
        self._errors = []
        for row in self.rows:
            by_column: dict[int | None, list[CellError]] = {}
            for e in row.errors:
                by_column.setdefault(e.column, []).append(e)
            self._errors.append(by_column)
        self.endResetModel()

    def errors_at(self, row: int, column: int) -> list[CellError]:
        """The errors shown in a cell (a column of the model, not of the sheet)."""
        if not 0 <= row < len(self.rows):
            return []
        if column == 0:
            return list(self.rows[row].errors)
        return self._errors[row].get(column - len(self.FIXED), []) if column >= len(self.FIXED) else []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.FIXED) + len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return _tr(str(STATUS[row.status]))
            if column == 1:
                return str(row.row)
            cell = column - len(self.FIXED)
            return row.cells[cell] if cell < len(row.cells) else ""
        errors = self.errors_at(index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole and errors:
            return "\n".join(e.reason if column else str(e) for e in errors)
        if role == Qt.ItemDataRole.BackgroundRole and errors:
            return QBrush(ERROR_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "present":
            return QBrush(PRESENT_FOREGROUND)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self.FIXED):
            return _tr(str(self.FIXED[section]))
        sheet = section - len(self.FIXED)
        if 0 <= sheet < len(self.headers):
            return self.headers[sheet] or column_letter(sheet)
        return None


class ImportDialog(QDialog):
    """导入居民: file → mapping → preview → 全部导入 / 仅导入有效行. ``imported`` is emitted after
    an import that wrote something."""

    imported = Signal(object)  # ImportReport

    PREVIEW_ROWS = 50

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.services = services
        self.setWindowTitle(self.tr("导入居民（Excel / CSV）"))
        self.path: Path | None = None
        self.header: SheetHeader | None = None
        self.report: ImportReport | None = None
        self.job: Handle | None = None  # the import under way (its progress dialog has 取消)

        self.file = QLineEdit()
        self.file.setObjectName("import_file")
        self.file.setReadOnly(True)
        self.file.setPlaceholderText(self.tr("请选择要导入的 .xlsx 或 .csv 文件"))
        self.choose_button = QPushButton(self.tr("选择文件(&F)…"))
        self.choose_button.setObjectName("choose_file")
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_label = QLabel(self.tr("文件"))
        file_label.setBuddy(self.choose_button)
        file_row.addWidget(file_label)
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.choose_button)

        self.sheet_note = QLabel()
        self.sheet_note.setObjectName("sheet_note")
        self.sheet_note.setWordWrap(True)

        self.mapping = MappingModel(self)
        self.mapping.mapping_changed.connect(self.refresh_preview)
        self.mapping_view = QTableView()
        self.mapping_view.setObjectName("mapping")
        self.mapping_view.setModel(self.mapping)
        self.mapping_view.setItemDelegateForColumn(
            MappingModel.FIELD_COLUMN, FieldDelegate(self.mapping_view)
        )
        # Not CurrentChanged: an open combo would take the arrow keys that move between rows.
        self.mapping_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.mapping_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.mapping_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.mapping_view.verticalHeader().hide()
        self.mapping_view.setTabKeyNavigation(False)
        mapping_header = self.mapping_view.horizontalHeader()
        mapping_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        mapping_header.setStretchLastSection(True)
        mapping_label = QLabel(self.tr("列的对应关系(&M)：在“导入为”一栏选择每列导入到哪一项"))
        mapping_label.setBuddy(self.mapping_view)

        self.preview = PreviewModel(self)
        self.preview_view = QTableView()
        self.preview_view.setObjectName("preview")
        self.preview_view.setModel(self.preview)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.verticalHeader().hide()
        self.preview_view.setWordWrap(False)
        self.preview_view.setTabKeyNavigation(False)
        self.preview_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        preview_label = QLabel(
            self.tr("预览(&P)：前 %1 行，有问题的格子标为红色").replace("%1", str(self.PREVIEW_ROWS))
        )
        preview_label.setBuddy(self.preview_view)

        self.errors = QListWidget()
        self.errors.setObjectName("errors")
        self.errors_label = QLabel(self.tr("问题(&E)"))
        self.errors_label.setBuddy(self.errors)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setProperty("role", "title")
        self.message = ErrorLabel()
        self.message.setObjectName("message")

        buttons = QDialogButtonBox(self)
        self.import_all = buttons.addButton(self.tr("全部导入(&A)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_all.setObjectName("import_all")
        self.import_all.setToolTip(self.tr("任何一行有问题时不导入任何一行"))
        self.import_all.clicked.connect(lambda: self.start(valid_only=False))
        self.import_valid = buttons.addButton(
            self.tr("仅导入有效行(&V)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_valid.setObjectName("import_valid")
        self.import_valid.setToolTip(self.tr("有问题的行写入另一个文件，改正后可再次导入"))
        self.import_valid.clicked.connect(lambda: self.start(valid_only=True))
        self.close_button = buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setObjectName("close")
        self.close_button.clicked.connect(self.reject)
        for button in (self.import_all, self.import_valid, self.close_button):
            button.setAutoDefault(False)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(mapping_label)
        top_layout.addWidget(self.mapping_view)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(preview_label)
        middle_layout.addWidget(self.preview_view)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.errors_label)
        bottom_layout.addWidget(self.errors)
        split = QSplitter(Qt.Orientation.Vertical)
        for part in (top, middle, bottom):
            split.addWidget(part)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setStretchFactor(2, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.sheet_note)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._set_ready(False)
        fit_to_screen(self, 1100, 760)

    # ---------------------------------------------------------------- steps
    def choose_file(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("选择要导入的文件"), "", self.tr("表格文件 (*.xlsx *.xlsm *.csv);;所有文件 (*)")
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read the header and the first rows of ``path`` (off the UI thread)."""
        self.path = path
        self.file.setText(str(path))
        self.report = None
        self.summary.clear()
        self.message.show_message(None)
        self._set_ready(False)
        imports = self.services.imports

        def work(_progress: Progress, _cancelled: threading.Event) -> tuple[SheetHeader, Preview]:
            header = imports.read_header(path)
            return header, imports.preview(path, header.mapping, self.PREVIEW_ROWS)

        run_with_progress(self, self.tr("正在读取文件…"), work, self._loaded, on_failed=self._failed)

    def _loaded(self, result: tuple[SheetHeader, Preview]) -> None:
        header, preview = result
        self.header = header
        self.mapping.set_sheet(header.headers, header.mapping)
        note = self.tr("表头在第 %1 行，约 %2 行数据。").replace("%1", str(header.header_row))
        note = note.replace("%2", str(header.rows_estimate) if header.rows_estimate is not None else "?")
        if header.remembered:
            note += self.tr("已沿用上次为这种表格选择的列对应关系。")
        self.sheet_note.setText(note)
        self._show_preview(preview)
        self.mapping_view.setFocus()
        self.mapping_view.setCurrentIndex(self.mapping.index(0, MappingModel.FIELD_COLUMN))

    def refresh_preview(self) -> None:
        """Read the first rows again with the mapping as now chosen."""
        path = self.path
        if path is None:
            return
        mapping = self.mapping.mapping()
        imports = self.services.imports
        self._set_ready(False)
        run_with_progress(
            self,
            self.tr("正在读取文件…"),
            lambda _p, _c: imports.preview(path, mapping, self.PREVIEW_ROWS),
            self._show_preview,
            on_failed=self._failed,
        )

    def _show_preview(self, preview: Preview) -> None:
        if preview.header.mapping != self.mapping.mapping():
            return  # read for a mapping changed since; the read for the current one follows
        self.preview.set_preview(preview)
        self.preview_view.resizeColumnsToContents()
        if preview.rows:
            first = preview.rows[0]
            self.mapping.set_samples(first.cells)
        self.errors.clear()
        for problem in preview.problems:
            self.errors.addItem(problem)
        for row in preview.rows:
            for e in row.errors:
                self.errors.addItem(str(e))
        bad = sum(1 for r in preview.rows if r.status == "invalid")
        present = sum(1 for r in preview.rows if r.status == "present")
        self.errors_label.setText(
            self.tr("问题(&E)：预览的 %1 行中 %2 行有问题，%3 行已建档（导入时不改动）")
            .replace("%1", str(len(preview.rows)))
            .replace("%2", str(bad))
            .replace("%3", str(present))
        )
        if preview.problems:
            self.message.show_message(self.tr("请先改正列的对应关系：") + "；".join(preview.problems))
        else:
            self.message.show_message(None)
        self._set_ready(not preview.problems)

    def start(self, valid_only: bool) -> None:
        """Import the whole file (off the UI thread, with progress and 取消)."""
        if self.path is None:
            return
        path, mapping = self.path, self.mapping.mapping()
        imports = self.services.imports

        def work(progress: Progress, cancelled: threading.Event) -> ImportReport:
            try:
                return imports.run(
                    path, mapping, valid_only=valid_only, progress=progress, cancelled=cancelled
                )
            except ImportCancelled:
                raise Cancelled from None  # the service saw 取消 first: the same outcome

        self._set_ready(False)
        self.message.show_message(None)
        self.job = run_with_progress(
            self,
            self.tr("正在导入…"),
            work,
            self._finished,
            on_failed=self._failed,
            on_cancelled=self._cancelled,
        )

    def _finished(self, report: ImportReport) -> None:
        self.report = report
        lines = [
            self.tr("读取 %1 行，导入 %2 人，已建档未改动 %3 人，有问题 %4 行。")
            .replace("%1", str(report.read))
            .replace("%2", str(report.imported))
            .replace("%3", str(report.already_present))
            .replace("%4", str(report.rejected))
        ]
        if not report.committed:
            lines.append(
                self.tr("因有问题的行，本次没有导入任何一行。请改正后再导入，或选择“仅导入有效行”。")
            )
        if report.rejected_file is not None:
            lines.append(
                self.tr("有问题的行已写入：%1（改正后可再次导入）").replace("%1", str(report.rejected_file))
            )
        if report.waiting_numbers:
            lines.append(
                self.tr("%1 份档案暂无档案编号，与中心同步后自动分配。").replace(
                    "%1", str(report.waiting_numbers)
                )
            )
        if report.contract_rows and not report.contracts_handled:
            lines.append(
                self.tr("%1 行带有签约信息，本次未导入签约。").replace("%1", str(report.contract_rows))
            )
        self.summary.setText("\n".join(lines))
        self.errors.clear()
        for e in report.errors[:SHOWN_ERRORS]:
            self.errors.addItem(str(e))
        if len(report.errors) > SHOWN_ERRORS:
            self.errors.addItem(
                self.tr("……另有 %1 条，见有问题的行的文件").replace(
                    "%1", str(len(report.errors) - SHOWN_ERRORS)
                )
            )
        for note in report.notes[:SHOWN_ERRORS]:
            self.errors.addItem(self.tr("提示：") + str(note))
        self.errors_label.setText(self.tr("问题(&E)：共 %1 条").replace("%1", str(len(report.errors))))
        if report.committed:
            self.close_button.setText(self.tr("关闭"))
            self.import_all.setEnabled(False)
            self.import_valid.setEnabled(False)
            if report.imported:
                self.imported.emit(report)
        else:
            self._set_ready(True)
        self.close_button.setFocus()

    def _cancelled(self) -> None:
        self.message.show_message(self.tr("已取消导入，数据库未做任何更改。"))
        self._set_ready(True)

    def _failed(self, message: str) -> None:
        self.message.show_message(message)
        self._set_ready(self.header is not None and self.preview.rowCount() > 0)

    def _set_ready(self, ready: bool) -> None:
        self.import_all.setEnabled(ready)
        self.import_valid.setEnabled(ready)
