"""打印校准: per printer, how far (mm) to shift every printed form so it lands on pre-printed stock.
Print the calibration page, measure where its crosses fall, enter the correction, print it again to
check, and 保存: the offsets are kept per printer (QSettings ``printing/offsets/<printer>``) and
applied whenever a form is printed on that printer."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.ui.printing.preview import (
    MAX_OFFSET_MM,
    CalibrationDocument,
    Offsets,
    PagePreview,
    last_printer,
    printer_offsets,
    save_printer_offsets,
)
from chc_desktop.ui.widgets import ErrorLabel, named_button


class CalibrationDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("print_calibration")
        self.setWindowTitle(self.tr("打印设置（打印机校准）"))  # the calibration page's words
        self.preview: PagePreview | None = None

        names = QPrinterInfo.availablePrinterNames()
        self.printer = QComboBox()
        self.printer.setObjectName("printer")
        self.printer.setEditable(True)  # no printer installed here, or one of another computer
        self.printer.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.printer.addItems(names)
        self.printer.setMinimumWidth(280)
        line = self.printer.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("打印机名称"))
        first = last_printer() or QPrinterInfo.defaultPrinterName()
        self.printer.setCurrentText(first if first else (names[0] if names else ""))
        self.offset_x = self._spin("offset_x")
        self.offset_y = self._spin("offset_y")
        hint = QLabel(
            self.tr(
                "先以 0 偏移打印校准页，量出各十字偏离标注位置的毫米数，填入相反的数："
                "如十字落在右侧 2 mm，X 填 −2；落在下方 1.5 mm，Y 填 −1.5。再打印一次核对后保存。"
            )
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        form = QFormLayout()
        form.addRow(self.tr("打印机"), self.printer)
        if not names:
            none = QLabel(self.tr("本机未找到已安装的打印机，可直接输入打印机名称。"))
            none.setObjectName("no_printers")
            none.setProperty("role", "hint")
            form.addRow("", none)
        form.addRow(self.tr("X 偏移（向右为正）"), self.offset_x)
        form.addRow(self.tr("Y 偏移（向下为正）"), self.offset_y)

        self.message = QLabel()
        self.message.setObjectName("calibration_message")
        self.message.setWordWrap(True)
        self.error = ErrorLabel()
        self.error.setObjectName("calibration_error")
        self.page_button = named_button("print_calibration_page", self.tr("打印校准页"), self.print_page)
        self.save_button = named_button("save", self.tr("保存"), self.save)
        self.close_button = named_button("close", self.tr("关闭"), self.reject)
        for b in (self.page_button, self.close_button):
            b.setAutoDefault(False)
        self.save_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.page_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.printer.currentIndexChanged.connect(lambda _i: self.load())
        line.editingFinished.connect(self.load)
        self.load()
        self.setMinimumWidth(520)

    def _spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setObjectName(name)
        spin.setRange(-MAX_OFFSET_MM, MAX_OFFSET_MM)
        spin.setSingleStep(0.5)
        spin.setDecimals(1)
        spin.setSuffix(" mm")
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setMaximumWidth(140)
        return spin

    def printer_name(self) -> str:
        return self.printer.currentText().strip()

    def offsets(self) -> Offsets:
        return (self.offset_x.value(), self.offset_y.value())

    def load(self) -> None:
        """The offsets saved for the printer named now (0, 0 when none)."""
        x, y = printer_offsets(self.printer_name())
        self.offset_x.setValue(x)
        self.offset_y.setValue(y)

    def save(self) -> bool:
        self.error.show_message(None)
        name = self.printer_name()
        if not name:
            self.error.show_message(self.tr("请选择或填写打印机名称。"))
            return False
        save_printer_offsets(name, self.offsets())
        x, y = self.offsets()
        self.message.setText(
            self.tr("已保存“%1”的校准偏移：X %2 mm，Y %3 mm。以后在这台打印机上打印表单时自动应用。")
            .replace("%1", name)
            .replace("%2", f"{x:+g}")
            .replace("%3", f"{y:+g}")
        )
        return True

    def print_page(self) -> PagePreview:
        """The calibration page with the offsets as entered now, to print (or save) and measure."""
        self.error.show_message(None)
        preview = PagePreview(CalibrationDocument(self.offsets(), self.printer_name()), self)
        preview.setObjectName("calibration_preview")
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        preview.finished.connect(lambda _result: self._closed(preview))
        self.preview = preview
        preview.open()
        return preview

    def _closed(self, preview: PagePreview) -> None:
        if self.preview is preview:
            self.preview = None
