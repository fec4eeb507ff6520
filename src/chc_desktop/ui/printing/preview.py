"""The print preview: a form rendered to PDF off the UI thread, its pages drawn as images by pdftoppm
(Qt's PDF module is not installed) and shown in a scroll area with zoom; the page count, the template
version and the fields cut to fit (worth a look before printing); 打印… through the system's print
dialog, 另存为 PDF…, 关闭 (Esc).

Printing re-renders the form with the chosen printer's calibration offsets (QSettings
``printing/offsets/<printer>`` = "x,y" mm, set in 打印校准…) and paints each page, drawn at 300 dpi,
onto the printer at its real size. Every file lives in a temporary folder under the data directory,
removed when the dialog closes.
"""

from __future__ import annotations

import datetime as dt
import shutil
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRectF, QSettings, QSizeF, QStandardPaths, Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from chc_desktop.printing.calibration import calibration_page
from chc_desktop.printing.raster import page_images
from chc_desktop.printing.template import Template
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.printing import save_copy, temp_folder
from chc_desktop.ui.widgets import ErrorLabel, fit_to_screen, named_button
from chc_desktop.ui.workers import Cancelled, Handle, Progress, run_in_background, run_with_progress

Offsets = tuple[float, float]
NO_OFFSET: Offsets = (0.0, 0.0)
MAX_OFFSET_MM = 30.0
PREVIEW_DPI = 150  # sharp on screen up to 150 %
PRINT_DPI = 300
ZOOM_STEPS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
NOTE_STYLE = "background: #fff4c2; color: #5c4400; border: 1px solid #e0c25a; padding: 4px 8px;"
PAGES_STYLE = "QWidget#print_pages { background: #8d969f; }"
PAGE_STYLE = "background: #ffffff; border: 1px solid #5f6b76;"


# ---------------------------------------------------------------------- settings
def _offset_key(printer: str) -> str:
    """The QSettings key of a printer's offsets ('/' and '\\' would open sub-keys: escaped)."""
    name = printer.strip().replace("%", "%25").replace("/", "%2F").replace("\\", "%5C")
    return f"printing/offsets/{name}"


def parse_offsets(text: str) -> Offsets | None:
    """ "x,y" mm as stored, or None when it is not that."""
    try:
        x, y = (float(v) for v in text.replace("，", ",").split(","))
    except ValueError:
        return None
    if abs(x) > MAX_OFFSET_MM or abs(y) > MAX_OFFSET_MM:
        return None
    return (x, y)


def printer_offsets(printer: str) -> Offsets:
    """The calibration offsets saved for a printer (0, 0 when none, or for no printer)."""
    if not printer.strip():
        return NO_OFFSET
    value = QSettings().value(_offset_key(printer))
    offsets = parse_offsets(str(value)) if value is not None else None
    return offsets or NO_OFFSET


def save_printer_offsets(printer: str, offsets: Offsets) -> None:
    if not printer.strip():
        raise ValueError("no printer name")
    QSettings().setValue(_offset_key(printer), f"{offsets[0]:g},{offsets[1]:g}")


def last_printer() -> str:
    return str(QSettings().value("printing/printer", "") or "")


def suggested_pdf(stem: str) -> str:
    """Where 另存为 suggests to save: the last folder used (else Documents), the form and today."""
    folder = str(QSettings().value("printing/save_dir", "") or "")
    if not folder or not Path(folder).is_dir():
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    safe = "".join("_" if ch in '\\/:*?"<>|' else ch for ch in stem)
    return str(Path(folder) / f"{safe}-{dt.date.today():%Y%m%d}.pdf")


def chosen_pdf(name: str) -> Path | None:
    """The file a save dialog answered (".pdf" added when missing); remembers its folder."""
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    QSettings().setValue("printing/save_dir", str(path.parent))
    return path


# ---------------------------------------------------------------------- documents
def clipped_labels(template: Template, fields: Sequence[str]) -> tuple[str, ...]:
    """The fields cut to fit, named as the form labels them (the field itself when it has no label)."""
    labels = {c.field: c.label for b in template.blocks for c in b.cells if c.field and c.label}
    return tuple(dict.fromkeys(labels.get(f, f) for f in fields))


@dataclass(frozen=True)
class Drawn:
    """What rendering a document to PDF gave."""

    pages: int
    version: str
    clipped: tuple[str, ...]  # as the user reads them: the cells' labels
    page_mm: tuple[float, float]


class Document:
    """What a preview shows and prints."""

    title = ""
    printer = ""  # the printer to offer first (else the one used last)

    def render(self, target: Path, offset_mm: Offsets, cancelled: threading.Event | None) -> Drawn:
        raise NotImplementedError

    def preview_offsets(self) -> Offsets:
        return NO_OFFSET

    def print_offsets(self, printer: str) -> Offsets:
        return printer_offsets(printer)

    def printed(self) -> None:
        """Called when the document was printed or saved (a form records it in the audit trail)."""


class FormDocument(Document):
    """A form of ``services.printing`` for one or more records (each print is audited there)."""

    def __init__(self, services: Services, key: str, record_ids: Sequence[uuid.UUID]) -> None:
        self.services = services
        self.key = key
        self.record_ids = list(record_ids)
        self.version = ""
        try:
            self.title = services.printing.spec(key).title
        except ServiceError:
            self.title = key  # the render says what is wrong

    def render(self, target: Path, offset_mm: Offsets, cancelled: threading.Event | None) -> Drawn:
        printing = self.services.printing
        template = printing.template(self.key)
        result = printing.print_to(
            self.key, self.record_ids, target, offset_mm, cancelled=cancelled, audit=False
        )
        if result.cancelled:
            raise Cancelled
        self.version = result.version
        return Drawn(result.pages, result.version, clipped_labels(template, result.clipped), template.page_mm)

    def printed(self) -> None:
        """A preview is not a print: the audit trail records what is printed or saved."""
        self.services.printing.record_print(self.key, self.record_ids, self.version)


class CalibrationDocument(Document):
    """The calibration page with offsets under trial (shown and printed with them)."""

    def __init__(self, offset_mm: Offsets, printer: str = "") -> None:
        self.offset_mm = offset_mm
        self.printer = printer
        self.title = QCoreApplication.translate("CalibrationDocument", "打印校准页")

    def render(self, target: Path, offset_mm: Offsets, cancelled: threading.Event | None) -> Drawn:
        calibration_page(target, offset_mm)
        return Drawn(1, "", (), (210.0, 297.0))

    def preview_offsets(self) -> Offsets:
        return self.offset_mm

    def print_offsets(self, printer: str) -> Offsets:
        return self.offset_mm


@dataclass(frozen=True)
class Rendered:
    pdf: Path
    images: tuple[Path, ...]
    drawn: Drawn
    offset_mm: Offsets


class PrintFailed(ServiceError):
    """The printer could not take the pages (said to the user as it is)."""


def render_pages(
    document: Document,
    folder: Path,
    offset_mm: Offsets,
    dpi: int,
    cancelled: threading.Event | None = None,
    pdf: Path | None = None,
) -> Rendered:
    """The document as PDF in ``folder`` (or ``pdf`` already rendered) and its pages as PNG images."""
    folder.mkdir(parents=True, exist_ok=True)
    drawn: Drawn | None = None
    if pdf is None:
        pdf = folder / "form.pdf"
        drawn = document.render(pdf, offset_mm, cancelled)
    if cancelled is not None and cancelled.is_set():
        raise Cancelled
    images = page_images(pdf, dpi, folder / "pages", gray=True)
    return Rendered(pdf, tuple(images), drawn or Drawn(len(images), "", (), (210.0, 297.0)), offset_mm)


def prepare_printer(printer: QPrinter, page_mm: tuple[float, float]) -> None:
    """The form's paper and orientation; the whole sheet addressable (offsets are measured from it)."""
    width, height = page_mm
    size = QPageSize(
        QSizeF(min(width, height), max(width, height)),
        QPageSize.Unit.Millimeter,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    printer.setPageSize(size)
    printer.setPageOrientation(
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    printer.setFullPage(True)


def page_target(printer: QPrinter, width_px: int, height_px: int, dpi: int) -> QRectF:
    """Where a page image drawn at ``dpi`` goes: its real size from the sheet's corner, shrunk only
    when the printer's paper is smaller."""
    res = printer.resolution()
    w, h = width_px * res / dpi, height_px * res / dpi
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    scale = min(1.0, paper.width() / w, paper.height() / h) if w and h else 1.0
    return QRectF(0.0, 0.0, w * scale, h * scale)


def paint_pages(printer: QPrinter, images: Sequence[Path], dpi: int, progress: Progress) -> int:
    """Paint each page image onto the printer (a QPainter on a QPrinter may run off the UI thread)."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed(
            QCoreApplication.translate("PreviewDialog", "无法开始打印：打印机不可用，或输出文件不能写入")
        )
    try:
        for i, path in enumerate(images):
            progress(i, len(images))
            if i and not printer.newPage():
                raise PrintFailed(QCoreApplication.translate("PreviewDialog", "打印机不接受新的一页"))
            image = QImage(str(path))
            if image.isNull():
                raise PrintFailed(QCoreApplication.translate("PreviewDialog", "页面图像读不了"))
            painter.drawImage(page_target(printer, image.width(), image.height(), dpi), image)
    except BaseException:
        printer.abort()
        raise
    finally:
        painter.end()
    return len(images)


def chosen_pages(printer: QPrinter, images: Sequence[Path]) -> list[Path]:
    """The pages the print dialog asked for (all, or 从…到…)."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        last = printer.toPage() if printer.toPage() > 0 else len(images)
        return list(images[printer.fromPage() - 1 : last])
    return list(images)


# ---------------------------------------------------------------------- the dialog
@dataclass
class _Jobs:
    """What outlives the dialog while a job finishes: its folder and whether it was closed."""

    folder: Path
    closed: bool = False
    running: int = 0

    def tidy(self) -> None:
        if self.closed and not self.running:
            shutil.rmtree(self.folder, ignore_errors=True)


class PagePreview(QDialog):
    """The pages of a document, zoomable, to print or save."""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_preview")
        self.document = document
        self.setWindowTitle(self.tr("打印预览 — %1").replace("%1", document.title))
        self.setSizeGripEnabled(True)
        self.jobs = _Jobs(temp_folder())
        self.cancel_event = threading.Event()
        self.rendered: Rendered | None = None
        self.failed = ""  # why the preview could not be made
        self.job: Handle | None = None
        self.print_job: Handle | None = None
        self.printer: QPrinter | None = None
        self.printed: int = 0  # pages sent by the last print
        self._prints = 0
        self._images: list[QImage] = []
        self.page_labels: list[QLabel] = []
        self.zoom = 1.0
        self.fit_width = True

        self.zoom_fit = self._tool("zoom_fit", self.tr("适合宽度"), self.fit_to_width)
        self.zoom_fit.setCheckable(True)
        self.zoom_fit.setStyleSheet("QPushButton:checked { background: #dae6f3; border: 1px solid #2f6fb0; }")
        self.zoom_actual = self._tool("zoom_actual", self.tr("100%"), lambda: self.set_zoom(1.0))
        self.zoom_out_button = self._tool("zoom_out", "−", self.zoom_out)
        self.zoom_out_button.setToolTip(self.tr("缩小（Ctrl+-）"))
        self.zoom_in_button = self._tool("zoom_in", "+", self.zoom_in)
        self.zoom_in_button.setToolTip(self.tr("放大（Ctrl+=）"))
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom_level")
        self.zoom_label.setMinimumWidth(48)
        self.info = QLabel()
        self.info.setObjectName("print_info")
        top = QHBoxLayout()
        top.setSpacing(6)
        for w in (self.zoom_fit, self.zoom_actual, self.zoom_out_button, self.zoom_in_button):
            top.addWidget(w)
        top.addWidget(self.zoom_label)
        top.addStretch(1)
        top.addWidget(self.info)

        self.clipped_note = QLabel()
        self.clipped_note.setObjectName("clipped_note")
        self.clipped_note.setWordWrap(True)
        self.clipped_note.setStyleSheet(NOTE_STYLE)
        self.clipped_note.hide()

        self.pages = QWidget()
        self.pages.setObjectName("print_pages")
        self.pages.setStyleSheet(PAGES_STYLE)
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setContentsMargins(16, 16, 16, 16)
        self.pages_layout.setSpacing(16)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.placeholder = QLabel(self.tr("正在生成预览…"))
        self.placeholder.setObjectName("preview_placeholder")
        self.placeholder.setStyleSheet("color: #ffffff; font-size: 11pt;")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.pages_layout.addWidget(self.placeholder)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("print_scroll")
        self.scroll_area.setWidget(self.pages)
        self.scroll_area.setWidgetResizable(True)
        # Always there: a bar that comes and goes would change the width that 适合宽度 fits to.
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll_area.viewport().installEventFilter(self)

        self.message = QLabel()
        self.message.setObjectName("print_message")
        self.message.setProperty("role", "hint")
        self.message.setWordWrap(True)
        self.error = ErrorLabel()
        self.error.setObjectName("print_error")
        self.print_button = self._button("print", self.tr("打印…"), self.print_pages)
        self.save_button = self._button("save_pdf", self.tr("另存为 PDF…"), self.save_pdf)
        self.close_button = self._button("close", self.tr("关闭"), self.reject)
        self.close_button.setToolTip(self.tr("关闭（Esc）"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.clipped_note)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        for shortcuts, slot in (
            (("Ctrl+=", "Ctrl++"), self.zoom_in),
            (("Ctrl+-",), self.zoom_out),
            (("Ctrl+0",), lambda: self.set_zoom(1.0)),
        ):
            action = QAction(self)
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        fit_to_screen(self, 880, 980)
        self._set_busy(True)
        self._show_zoom()
        self.start()

    # ------------------------------------------------------------------ building
    @staticmethod
    def _button(name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = named_button(name, text, slot)
        button.setAutoDefault(False)  # Enter never prints
        return button

    def _tool(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = self._button(name, text, slot)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    # ------------------------------------------------------------------ rendering
    def start(self) -> None:
        """Render the preview off the UI thread."""
        jobs, document, cancel = self.jobs, self.document, self.cancel_event
        offsets = document.preview_offsets()
        jobs.running += 1

        def work() -> Rendered | None:
            try:
                return render_pages(document, jobs.folder / "preview", offsets, PREVIEW_DPI, cancel)
            except Cancelled:  # closed meanwhile
                return None

        def done(result: Any) -> None:
            jobs.running -= 1
            if jobs.closed or result is None:
                jobs.tidy()
                return
            self.job = None
            self._show_rendered(result)

        def failed(message: str) -> None:
            jobs.running -= 1
            if jobs.closed:
                jobs.tidy()
                return
            self.job = None
            self._show_failure(message)

        self.job = run_in_background(work, done, failed)

    def _show_rendered(self, rendered: Rendered) -> None:
        self.rendered = rendered
        drawn = rendered.drawn
        self._images = [QImage(str(p)) for p in rendered.images]
        self.placeholder.hide()
        for n, _image in enumerate(self._images, 1):
            label = QLabel()
            label.setObjectName(f"page_{n}")
            label.setStyleSheet(PAGE_STYLE)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.page_labels.append(label)
            self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        info = self.tr("共 %1 页").replace("%1", str(drawn.pages))
        if drawn.version:
            info += self.tr("　模板版本 %1").replace("%1", drawn.version)
        self.info.setText(info)
        if drawn.clipped:
            self.clipped_note.setText(
                self.tr("内容过长已截断，请核对：%1").replace("%1", "、".join(drawn.clipped))
            )
            self.clipped_note.show()
        self._set_busy(False)
        self._apply_zoom()

    def _show_failure(self, message: str) -> None:
        self.failed = message
        self.placeholder.setText(self.tr("无法生成预览。"))
        self.error.show_message(message)
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        ready = not busy and self.rendered is not None
        for b in (self.print_button, self.save_button):
            b.setEnabled(ready)
        for b in (self.zoom_fit, self.zoom_actual, self.zoom_in_button, self.zoom_out_button):
            b.setEnabled(ready)

    # ------------------------------------------------------------------ zoom
    def _page_width_px(self) -> float:
        """The page's width on screen at 100 % (its real size)."""
        page_mm = self.rendered.drawn.page_mm if self.rendered is not None else (210.0, 297.0)
        return page_mm[0] / 25.4 * self.logicalDpiX()

    def set_zoom(self, zoom: float) -> None:
        self.fit_width = False
        self.zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], zoom))
        self._apply_zoom()

    def zoom_in(self) -> None:
        self.set_zoom(next((z for z in ZOOM_STEPS if z > self.zoom + 0.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        self.set_zoom(next((z for z in reversed(ZOOM_STEPS) if z < self.zoom - 0.01), ZOOM_STEPS[0]))

    def fit_to_width(self) -> None:
        self.fit_width = True
        self._apply_zoom()

    def _fitted_zoom(self) -> float:
        room = self.scroll_area.viewport().width() - 2 * 16 - 4
        return max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], room / self._page_width_px()))

    def _apply_zoom(self) -> None:
        if self.fit_width:
            self.zoom = self._fitted_zoom()
        self._show_zoom()
        if not self._images:
            return
        ratio = self.devicePixelRatioF()
        width = self._page_width_px() * self.zoom
        for image, label in zip(self._images, self.page_labels, strict=True):
            scaled = image.scaledToWidth(
                max(1, round(width * ratio)), Qt.TransformationMode.SmoothTransformation
            )
            pixmap = QPixmap.fromImage(scaled)
            pixmap.setDevicePixelRatio(ratio)
            label.setPixmap(pixmap)

    def _show_zoom(self) -> None:
        self.zoom_label.setText(f"{round(self.zoom * 100)}%")
        self.zoom_fit.setChecked(self.fit_width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize and self.fit_width:
            self._apply_zoom()
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ printing
    def print_pages(self) -> None:
        """The system print dialog; then the pages, with the printer's offsets, at 300 dpi."""
        rendered = self.rendered
        if rendered is None or self.print_job is not None:
            return
        self._clear_messages()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        saved = self.document.printer or last_printer()
        if saved and saved in QPrinterInfo.availablePrinterNames():
            printer.setPrinterName(saved)
        prepare_printer(printer, rendered.drawn.page_mm)
        printer.setDocName(self.document.title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印 — %1").replace("%1", self.document.title))
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if not accepted:
            return
        to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        name = "" if to_file else printer.printerName()
        if name:
            QSettings().setValue("printing/printer", name)
        self.printer = printer  # kept until the job is done with it
        offsets = self.document.print_offsets(name)
        reuse = rendered.pdf if offsets == rendered.offset_mm else None
        self._prints += 1
        folder = self.jobs.folder / f"print-{self._prints}"
        document, jobs = self.document, self.jobs
        jobs.running += 1

        def work(progress: Progress, cancelled: threading.Event) -> int:
            try:
                pages = render_pages(document, folder, offsets, PRINT_DPI, cancelled, pdf=reuse)
                return paint_pages(printer, chosen_pages(printer, pages.images), PRINT_DPI, progress)
            finally:
                shutil.rmtree(folder, ignore_errors=True)

        def finished() -> bool:
            jobs.running -= 1
            if jobs.closed:
                jobs.tidy()
                return False
            self.print_job = None
            self.printer = None
            self._set_busy(False)
            return True

        def done(count: Any) -> None:
            document.printed()
            if finished():
                self.printed = int(count)
                where = printer.outputFileName() if to_file else name
                text = self.tr("已打印 %1 页到文件 %2。") if to_file else self.tr("已发送 %1 页到打印机 %2。")
                text = text.replace("%1", str(count)).replace("%2", where)
                if offsets != NO_OFFSET:
                    text += (
                        self.tr("（已应用校准偏移 X %1 mm，Y %2 mm）")
                        .replace("%1", f"{offsets[0]:+g}")
                        .replace("%2", f"{offsets[1]:+g}")
                    )
                self.message.setText(text)

        def failed(message: str) -> None:
            if finished():
                self.error.show_message(self.tr("打印失败：%1").replace("%1", message))

        def cancelled() -> None:
            if finished():
                self.message.setText(self.tr("已取消打印。"))

        self._set_busy(True)
        self.print_job = run_with_progress(
            self, self.tr("正在打印…"), work, done, on_failed=failed, on_cancelled=cancelled
        )

    def save_pdf(self) -> Path | None:
        """A copy of the rendered PDF where the user chooses."""
        rendered = self.rendered
        if rendered is None:
            return None
        self._clear_messages()
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("另存为 PDF"), suggested_pdf(self.document.title), self.tr("PDF 文件 (*.pdf)")
        )
        path = chosen_pdf(name)
        if path is None:
            return None
        try:
            save_copy(rendered.pdf, path)
        except OSError as exc:
            self.error.show_message(
                self.tr("无法保存 %1：%2").replace("%1", str(path)).replace("%2", str(exc))
            )
            return None
        self.document.printed()
        self.message.setText(self.tr("已另存为 %1").replace("%1", str(path)))
        return path

    def _clear_messages(self) -> None:
        self.message.clear()
        self.error.show_message(None)

    # ------------------------------------------------------------------ closing
    def done(self, result: int) -> None:
        if self.print_job is not None:  # the progress dialog is modal over us; the pages are on their way
            return
        self.jobs.closed = True
        self.cancel_event.set()
        self.jobs.tidy()
        super().done(result)


class PreviewDialog(PagePreview):
    """The preview of a form (``services.printing``) for one or more records."""

    def __init__(
        self, services: Services, key: str, record_ids: Sequence[uuid.UUID], parent: QWidget | None = None
    ) -> None:
        super().__init__(FormDocument(services, key, record_ids), parent)
        self.setObjectName("print_preview")
        self.services = services
        self.key = key
