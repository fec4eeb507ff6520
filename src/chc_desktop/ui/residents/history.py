"""既往史 and 家族史 inputs: lines of disease / surgery / trauma / transfusion with their year and
month, and the relatives' check boxes."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.domain import codes
from chc_desktop.domain.resident import HistoryItem
from chc_desktop.ui.widgets import CodeCombo, MultiCodePicker

NO_YEAR = 1899  # the spin box's "empty" value


class HistoryRow(QWidget):
    """One 既往史 line: the disease (diseases only), a name/site/reason, and 确诊时间 year and month."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, kind: str, item: HistoryItem | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.code: CodeCombo | None = None
        if kind == "disease":
            none_code = codes.PAST_DISEASE.none_code
            self.code = CodeCombo(
                codes.PAST_DISEASE,
                self,
                exclude=(none_code,) if none_code else (),
                empty=self.tr("（选择疾病）"),
            )
            self.code.setObjectName(f"{kind}_code")
            self.code.currentIndexChanged.connect(self.changed)
            layout.addWidget(self.code, 3)
        self.detail = QLineEdit(self)
        self.detail.setObjectName(f"{kind}_detail")
        self.detail.setPlaceholderText(
            {
                "disease": self.tr("恶性肿瘤写部位，职业病、其他写名称"),
                "surgery": self.tr("手术名称"),
                "trauma": self.tr("外伤名称"),
                "transfusion": self.tr("输血原因"),
            }[kind]
        )
        self.detail.textChanged.connect(self.changed)
        layout.addWidget(self.detail, 4)
        layout.addWidget(QLabel(self.tr("确诊时间") if kind == "disease" else self.tr("时间")))
        self.year = QSpinBox(self)
        self.year.setObjectName(f"{kind}_year")
        self.year.setRange(NO_YEAR, dt.date.today().year)
        self.year.setSpecialValueText(self.tr("—"))
        self.year.setSuffix(self.tr(" 年"))
        self.year.setValue(NO_YEAR)
        self.month = QSpinBox(self)
        self.month.setObjectName(f"{kind}_month")
        self.month.setRange(0, 12)
        self.month.setSpecialValueText(self.tr("—"))
        self.month.setSuffix(self.tr(" 月"))
        for spin in (self.year, self.month):
            spin.setMinimumWidth(76)
            spin.valueChanged.connect(self.changed)
            layout.addWidget(spin)
        self.remove = QPushButton(self.tr("删除"), self)
        self.remove.setObjectName(f"{kind}_remove")
        self.remove.setAutoDefault(False)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        layout.addWidget(self.remove)
        if item is not None:
            if self.code is not None:
                self.code.set_value(item.code or "")
            self.detail.setText(item.detail or "")
            self.year.setValue(item.year or NO_YEAR)
            self.month.setValue(item.month or 0)

    def item(self) -> HistoryItem:
        return HistoryItem(
            self.kind,
            self.code.value() or None if self.code is not None else None,
            self.detail.text().strip() or None,
            self.year.value() if self.year.value() > NO_YEAR else None,
            self.month.value() or None,
        )

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.code, self.year, self.month, self.remove):
            if widget is not None:
                widget.setEnabled(not read_only)
        self.detail.setReadOnly(read_only)


class HistoryList(QWidget):
    """The lines of one kind, with 添加 (each line has its own 删除)."""

    changed = Signal()

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"history_{kind}")
        self.rows: list[HistoryRow] = []
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(4)
        self.add_button = QPushButton(self.tr("添加一条"), self)
        self.add_button.setObjectName(f"add_{kind}")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self._add_clicked)
        self.box.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _add_clicked(self) -> None:
        row = self.add()
        (row.code or row.detail).setFocus()

    def add(self, item: HistoryItem | None = None) -> HistoryRow:
        row = HistoryRow(self.kind, item, self)
        row.changed.connect(self.changed)
        row.remove_requested.connect(self.remove)
        self.rows.append(row)
        self.box.insertWidget(len(self.rows) - 1, row)
        # Keep the tab order in reading order: the new line comes before the 添加 button.
        QWidget.setTabOrder(row.remove, self.add_button)
        self.changed.emit()
        return row

    def remove(self, row: HistoryRow) -> None:
        self.rows.remove(row)
        row.hide()
        row.setParent(None)
        row.deleteLater()
        self.add_button.setFocus()
        self.changed.emit()

    def items(self) -> list[HistoryItem]:
        return [r.item() for r in self.rows]

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setVisible(not read_only)
        for row in self.rows:
            row.set_read_only(read_only)


class FamilyHistory(QWidget):
    """家族史: for 父亲, 母亲, 兄弟姐妹, 子女 the diseases as check boxes; one 其他 text for all."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("family_history")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(6)
        self.relatives: dict[str, MultiCodePicker] = {}
        for row, relative in enumerate(codes.FAMILY_RELATIVE.codes):
            label = QLabel(relative.label)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            picker = MultiCodePicker(codes.FAMILY_HISTORY_DISEASE, self, columns=4, with_other=False)
            picker.setObjectName(f"family_{relative.code}")
            picker.changed.connect(self.changed)
            self.relatives[relative.code] = picker
            grid.addWidget(label, row, 0)
            grid.addWidget(picker, row, 1)
        self.other = QLineEdit(self)
        self.other.setObjectName("family_history_other")
        self.other.setPlaceholderText(self.tr("选“其他”时请写明疾病名称"))
        self.other.textChanged.connect(self.changed)
        grid.addWidget(QLabel(self.tr("其他")), len(self.relatives), 0)
        grid.addWidget(self.other, len(self.relatives), 1)
        grid.setColumnStretch(1, 1)

    def value(self) -> dict[str, tuple[str, ...]]:
        return {rel: p.value() for rel, p in self.relatives.items() if p.value()}

    def set_value(self, chosen: dict[str, tuple[str, ...]], other: str) -> None:
        for rel, picker in self.relatives.items():
            picker.set_value(chosen.get(rel, ()))
        self.other.setText(other)

    def set_read_only(self, read_only: bool) -> None:
        for picker in self.relatives.values():
            picker.set_read_only(read_only)
        self.other.setReadOnly(read_only)
