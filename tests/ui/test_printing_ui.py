"""Printing in the UI: the preview of a referral slip (pages drawn by pdftoppm, zoom, the version, the
fields cut to fit), 另存为 PDF, printing through the print dialog to a PDF printer with the printer's
calibration offsets, errors shown in the dialog, batch printing with progress and cancel, the
per-printer calibration, and the 打印 button on the referral form."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import threading
import uuid
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QSettings, Qt, QThreadPool
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select

from chc_desktop.printing.raster import RasterError, page_images
from chc_desktop.security.roles import Permission
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.print_contexts import common
from chc_desktop.services.print_contexts.common import FormSpec
from chc_desktop.services.printing import FORMS
from chc_desktop.services.residents import Filters
from chc_desktop.services.sites import site_id
from chc_desktop.store.models import AuditEntry
from chc_desktop.ui.contracts.contract_tab import ContractTab
from chc_desktop.ui.homebeds.bed_page import BedPage
from chc_desktop.ui.main_window import MainWindow
from chc_desktop.ui.printing import preview as preview_module
from chc_desktop.ui.printing.batch_dialog import BatchPrintDialog
from chc_desktop.ui.printing.calibration_dialog import CalibrationDialog
from chc_desktop.ui.printing.preview import PagePreview, PreviewDialog, printer_offsets
from chc_desktop.ui.referrals.editor import ReferralEditor
from chc_desktop.ui.residents.editor import ResidentEditor
from tests.conftest import TODAY
from tests.services.helpers import draft, id_number
from tests.ui.conftest import snap

TONGREN = site_id("hospital", "同仁医院")
UP = {
    "impression": "冠心病不稳定型心绞痛？",
    "history_present": "胸痛反复发作一周，含服硝酸甘油可缓解",
    "history_past": "高血压十年",
    "treatment": "社区予阿司匹林、硝酸酯类治疗",
}
LONG_ADDRESS = "长宁区仙霞街道仙霞路九十九弄三号楼二单元一千二百零三室（靠近虹古路口的老公房，请走北门进）"
TEST_FORM = """
[form]
name = "测试封面"
version = "t-1"
context = "resident"

[[block]]
kind = "title"
text = "居民健康档案（测试）"

[[block]]
kind = "row"
cells = [
  { label = "姓名", field = "resident.name", span = 4 },
  { label = "档案编号", field = "resident.record_no", span = 8 },
]
"""


def referral(services: Services, address: str = "长宁区仙霞路99弄3号") -> uuid.UUID:
    patient = services.residents.file(
        draft(services, name="转诊甲", id_number=id_number("19500505", "771"), current_address=address)
    )
    return services.referrals.create(patient.id, "up", TONGREN, department="心内科", content=UP).id


def shown(qtbot: QtBot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)


def rendered(qtbot: QtBot, dialog: PagePreview, owned: bool = True) -> PagePreview:
    """The preview once its pages are drawn (or it failed); ``owned``: the test closes it."""
    if owned:
        shown(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.rendered is not None or bool(dialog.failed), timeout=20_000)
    return dialog


def pdf_pages(path: Path) -> int:
    assert path.read_bytes().startswith(b"%PDF")
    return len(PdfReader(path).pages)


@pytest.fixture
def test_form(doctor: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FormSpec:
    """A small resident form (one page a resident) that prints in batches, beside the real ones."""
    folder = tmp_path / "forms"
    folder.mkdir()
    for real in (Path(__file__).parents[2] / "forms").glob("*.toml"):
        (folder / real.name).write_bytes(real.read_bytes())
    (folder / "test_cover.toml").write_text(TEST_FORM, encoding="utf-8")
    spec = FormSpec(
        "test_cover",
        "测试封面",
        "resident",
        Permission.RESIDENT_READ,
        common.RESIDENT_FIELDS,
        common.resident,
        "residents",
    )
    monkeypatch.setitem(FORMS, spec.key, spec)
    monkeypatch.setattr(doctor.printing, "folder", folder)
    return spec


def bed_form(key: str, title: str) -> FormSpec:
    """A home-bed form for the menus and the batch choices (never rendered here)."""
    return FormSpec(key, title, "homebed", Permission.HOMEBED_READ, frozenset(), common.resident, "home_beds")


# ---------------------------------------------------------------------- the preview
def test_the_preview_of_a_referral_slip(qtbot: QtBot, doctor: Services, shots: Path) -> None:
    dialog = rendered(qtbot, PreviewDialog(doctor, "referral_up", [referral(doctor)]))
    assert dialog.objectName() == "print_preview"
    assert dialog.failed == ""
    assert dialog.windowTitle() == "打印预览 — 双向转诊单（转出）"
    assert dialog.info.text() == "共 1 页　模板版本 2017-1"
    assert len(dialog.page_labels) == 1 and not dialog.page_labels[0].pixmap().isNull()
    assert not dialog.clipped_note.isVisible()
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    # The files are in the data directory's tmp, never in the working directory.
    folder = dialog.jobs.folder
    assert folder.is_dir() and Path(os.environ["CHC_DATA_DIR"], "tmp") in folder.parents

    # 适合宽度 at first; 100 % is the page's real size; Ctrl+= and Ctrl+- step.
    assert dialog.fit_width and dialog.zoom_fit.isChecked()
    qtbot.mouseClick(dialog.zoom_actual, Qt.MouseButton.LeftButton)
    assert dialog.zoom == 1.0 and dialog.zoom_label.text() == "100%"
    width = dialog.page_labels[0].pixmap().deviceIndependentSize().width()
    assert abs(width - 210 / 25.4 * dialog.logicalDpiX()) < 2
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom == 1.25
    qtbot.keyClick(dialog, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.zoom == 0.75 and not dialog.fit_width
    qtbot.mouseClick(dialog.zoom_fit, Qt.MouseButton.LeftButton)
    assert dialog.fit_width
    snap(dialog, shots, "print-preview-referral")

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # 关闭; the temporary files go with it
    assert not dialog.isVisible() and not folder.exists()


def test_the_fields_cut_to_fit_are_named(qtbot: QtBot, doctor: Services, shots: Path) -> None:
    dialog = rendered(qtbot, PreviewDialog(doctor, "referral_up", [referral(doctor, LONG_ADDRESS)]))
    assert dialog.clipped_note.isVisible()
    assert dialog.clipped_note.text() == "内容过长已截断，请核对：家庭住址"
    dialog.resize(760, 900)
    snap(dialog, shots, "print-preview-clipped")


def test_closing_before_the_pages_are_drawn_leaves_nothing(qtbot: QtBot, doctor: Services) -> None:
    dialog = PreviewDialog(doctor, "referral_up", [referral(doctor)])
    qtbot.addWidget(dialog)
    folder = dialog.jobs.folder
    dialog.show()
    dialog.reject()  # at once: the render is still under way, or just done
    assert QThreadPool.globalInstance().waitForDone(20_000)
    qtbot.waitUntil(lambda: not folder.exists())
    assert dialog.rendered is None and dialog.page_labels == []


def prints(services: Services) -> int:
    with services.db.reader() as s:
        return len(s.scalars(select(AuditEntry).where(AuditEntry.action == "print")).all())


def test_save_as_pdf(qtbot: QtBot, doctor: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = rendered(qtbot, PreviewDialog(doctor, "referral_up", [referral(doctor)]))
    assert prints(doctor) == 0  # a preview is not a print
    asked: list[str] = []

    def save_name(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "out" / "转诊单"), "PDF 文件 (*.pdf)"

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "out" / "转诊单.pdf"  # ".pdf" added
    assert pdf_pages(saved) == 1
    assert Path(asked[0]).name.startswith("双向转诊单（转出）-")
    assert dialog.message.text() == f"已另存为 {saved}"
    assert str(QSettings().value("printing/save_dir")) == str(saved.parent)
    assert prints(doctor) == 1  # what was saved is in the audit trail


def test_printing_applies_the_printers_offsets(
    qtbot: QtBot, doctor: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The print dialog is answered with a PDF printer (no real printer in the test); the pages go to it
    at 300 dpi. With no offsets the preview's PDF is printed; with offsets the form is drawn again."""
    dialog = rendered(qtbot, PreviewDialog(doctor, "referral_up", [referral(doctor)]))
    offsets_used: list[tuple[float, float]] = []
    print_to = doctor.printing.print_to

    def spy(key: str, ids: Any, target: Any, offset_mm: tuple[float, float] = (0.0, 0.0), **kw: Any) -> Any:
        offsets_used.append(offset_mm)
        return print_to(key, ids, target, offset_mm, **kw)

    monkeypatch.setattr(doctor.printing, "print_to", spy)
    outputs = iter([tmp_path / "printed-1.pdf", tmp_path / "printed-2.pdf"])
    page_sizes: list[str] = []

    def answer(self: QPrintDialog) -> int:
        printer = self.printer()
        page_sizes.append(printer.pageLayout().pageSize().name())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(next(outputs)))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", answer)

    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.print_job is None, timeout=20_000)
    assert dialog.error.text() == ""
    assert dialog.printed == 1 and pdf_pages(tmp_path / "printed-1.pdf") == 1
    assert offsets_used == []  # the preview's own PDF
    assert page_sizes == ["A4"]
    assert dialog.message.text() == f"已打印 1 页到文件 {tmp_path / 'printed-1.pdf'}。"

    monkeypatch.setattr(preview_module, "printer_offsets", lambda _name: (5.0, -2.0))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.print_job is None, timeout=20_000)
    assert offsets_used == [(5.0, -2.0)]
    assert pdf_pages(tmp_path / "printed-2.pdf") == 1
    assert "已应用校准偏移 X +5 mm，Y -2 mm" in dialog.message.text()
    assert [p.name for p in dialog.jobs.folder.iterdir()] == ["preview"]  # the print's files are gone


def test_a_template_error_is_a_message_not_a_crash(
    qtbot: QtBot, doctor: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_key: str) -> Any:
        raise ServiceError("表单模板有误：referral_up.toml 第 25 行：没有字段“resident.nmae”")

    monkeypatch.setattr(doctor.printing, "template", broken)
    dialog = rendered(qtbot, PreviewDialog(doctor, "referral_up", [referral(doctor)]))
    assert dialog.rendered is None
    assert dialog.error.isVisible()
    assert dialog.error.text() == "表单模板有误：referral_up.toml 第 25 行：没有字段“resident.nmae”"
    assert dialog.placeholder.text() == "无法生成预览。"
    assert not dialog.print_button.isEnabled() and not dialog.save_button.isEnabled()


def test_without_pdftoppm_the_dialog_says_so(
    qtbot: QtBot, doctor: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CHC_PDFTOPPM", str(tmp_path / "no-such-pdftoppm"))
    dialog = rendered(qtbot, PreviewDialog(doctor, "referral_up", [referral(doctor)]))
    assert dialog.rendered is None
    assert "找不到 pdftoppm（poppler-utils）" in dialog.error.text()


def test_the_wrong_slip_for_a_referral_is_explained(qtbot: QtBot, doctor: Services) -> None:
    dialog = rendered(qtbot, PreviewDialog(doctor, "referral_back", [referral(doctor)]))
    assert dialog.error.text() == "这是转出单，请用“双向转诊单（转出）”打印"


# ---------------------------------------------------------------------- the 打印 button
def test_the_print_button_on_a_saved_referral(qtbot: QtBot, doctor: Services, shots: Path) -> None:
    rid = referral(doctor)
    new = ReferralEditor.new(doctor, doctor.referrals.get(rid).resident_id)
    shown(qtbot, new)
    assert not new.print_button.isVisibleTo(new)  # nothing saved to print yet

    editor = ReferralEditor.open_referral(doctor, rid)
    shown(qtbot, editor)
    button = editor.print_button
    assert button.isVisibleTo(editor) and button.isEnabled() and button.text() == "打印"
    # A 转出 referral is offered the 转出 slip only.
    assert [a.text() for a in button.form_menu.actions()] == ["双向转诊单（转出）"]
    snap(editor, shots, "referral-print-button")
    button.form_menu.actions()[0].trigger()
    dialog = button.preview
    assert dialog is not None and dialog.parent() is editor and dialog.isVisible()
    rendered(qtbot, dialog, owned=False)  # deleted on close
    assert dialog.info.text() == "共 1 页　模板版本 2017-1"
    dialog.reject()
    assert button.preview is None


def test_the_print_button_appears_where_a_form_prints_the_record(
    qtbot: QtBot, doctor: Services, test_form: FormSpec, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(FORMS, "test_bed", bed_form("test_bed", "测试家床单"))
    new = ResidentEditor(doctor, None)
    shown(qtbot, new)
    assert not new.print_button.isVisibleTo(new)  # a file not yet saved

    rid = doctor.residents.filed_since(TODAY - dt.timedelta(days=14))[0]
    editor = ResidentEditor(doctor, rid)
    shown(qtbot, editor)
    button = editor.print_button
    assert button.isVisibleTo(editor) and "测试封面" in [a.text() for a in button.form_menu.actions()]
    next(a for a in button.form_menu.actions() if a.text() == "测试封面").trigger()
    assert button.preview is not None
    dialog = rendered(qtbot, button.preview, owned=False)
    assert dialog.info.text() == "共 1 页　模板版本 t-1"
    dialog.reject()

    page = BedPage(doctor, doctor.homebeds.round_list(TODAY)[0].bed.id)
    shown(qtbot, page)
    assert page.print_button.isVisibleTo(page)
    assert "测试家床单" in [a.text() for a in page.print_button.form_menu.actions()]


def test_the_resident_and_contract_forms_from_the_file(qtbot: QtBot, doctor: Services, shots: Path) -> None:
    rid = doctor.residents.page(Filters(contract="mine"), 0, 1)[0].id
    editor = ResidentEditor(doctor, rid)
    shown(qtbot, editor)
    titles = [a.text() for a in editor.print_button.form_menu.actions()]
    assert {"居民健康档案封面", "个人基本信息表"} <= set(titles)
    editor.print_button.open_preview("basic_info")
    assert editor.print_button.preview is not None
    page = rendered(qtbot, editor.print_button.preview, owned=False)
    assert page.failed == "" and page.info.text().startswith("共 ")
    snap(page, shots, "print-preview-basic-info")
    page.reject()

    tab = next(t for t in editor.file_tabs if isinstance(t, ContractTab))
    assert tab.current is not None
    editor.tabs.setCurrentWidget(tab)
    assert tab.print_button.isVisible() and tab.print_button.isEnabled()
    assert (tab.print_button.text(), editor.print_button.text()) == ("打印协议", "打印档案")
    assert "家庭医生签约服务协议书" in [a.text() for a in tab.print_button.form_menu.actions()]
    snap(editor, shots, "contract-tab-print-button")


# ---------------------------------------------------------------------- batches
def test_a_batch_prints_to_one_pdf_with_progress(
    qtbot: QtBot, doctor: Services, test_form: FormSpec, tmp_path: Path, shots: Path
) -> None:
    since = TODAY - dt.timedelta(days=14)
    expected = doctor.printing.batch_ids("test_cover", filed_since=since)
    assert len(expected) > 1
    dialog = BatchPrintDialog(doctor)
    shown(qtbot, dialog)
    dialog.select_form("test_cover")
    assert dialog.since.isVisibleTo(dialog) and not dialog.due.isVisibleTo(dialog)
    dialog.since.setDate(QDate(since.year, since.month, since.day))
    assert dialog.count.text() == f"{len(expected)} 份"
    out = tmp_path / "covers.pdf"
    dialog.path.setText(str(out))
    snap(dialog, shots, "batch-print")

    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=30_000)
    assert dialog.error.text() == ""
    assert pdf_pages(out) == len(expected)
    result = dialog.last_result
    assert result is not None and (result.records, result.pages) == (len(expected), len(expected))
    total = len(expected) + 1  # each record, then the file written
    assert dialog.progress_seen[0] == (1, total) and dialog.progress_seen[-1] == (total, total)
    assert [d for d, _t in dialog.progress_seen] == sorted(d for d, _t in dialog.progress_seen)
    assert (
        dialog.report.text() == f"已生成 {out}：{len(expected)} 份，共 {len(expected)} 页（模板版本 t-1）。"
    )
    snap(dialog, shots, "batch-print-done")


def test_a_cancelled_batch_writes_nothing(
    qtbot: QtBot, doctor: Services, test_form: FormSpec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = threading.Event()

    def slow(src: Any, rid: uuid.UUID) -> dict[str, Any]:
        gate.wait(10)
        return common.resident(src, rid)

    monkeypatch.setitem(FORMS, "test_cover", dataclasses.replace(test_form, build=slow))
    dialog = BatchPrintDialog(doctor)
    shown(qtbot, dialog)
    dialog.select_form("test_cover")
    dialog.since.setDate(QDate(2026, 11, 1))
    out = tmp_path / "cancelled.pdf"
    dialog.path.setText(str(out))
    handle = dialog.run()
    assert handle is not None and handle.dialog is not None
    handle.dialog.canceled.emit()  # 取消 in the progress dialog
    gate.set()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=20_000)
    assert dialog.report.text() == "已取消，未生成文件。"
    assert not out.exists() and list(tmp_path.glob("cancelled.pdf*")) == []
    assert dialog.last_result is None


def test_the_home_bed_batch_asks_for_the_day_and_the_staff(
    qtbot: QtBot, doctor: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(FORMS, "test_round", bed_form("test_round", "测试查床单"))
    dialog = BatchPrintDialog(doctor)
    shown(qtbot, dialog)
    dialog.select_form("test_round")
    assert dialog.due.isVisibleTo(dialog) and dialog.staff.isVisibleTo(dialog)
    assert not dialog.since.isVisibleTo(dialog)
    due = doctor.printing.batch_ids("test_round", due_on=TODAY + dt.timedelta(days=1))
    assert dialog.count.text() == f"{len(due)} 份"
    assert dialog.staff.itemText(0) == "（全部）" and dialog.staff.count() > 1


def test_the_days_visit_list_is_one_form_for_a_day_and_staff(
    qtbot: QtBot, doctor: Services, tmp_path: Path
) -> None:
    if "homebed_round" not in FORMS:
        pytest.skip("the 查床安排表 is not registered")
    dialog = BatchPrintDialog(doctor)
    shown(qtbot, dialog)
    dialog.select_form("homebed_round")
    assert dialog.due.isVisibleTo(dialog) and dialog.staff.isVisibleTo(dialog)
    beds = {d.bed.id for d in doctor.homebeds.round_list(TODAY + dt.timedelta(days=1))}
    assert beds and dialog.count.text() == f"{len(beds)} 张床，打印为一份安排表"
    out = tmp_path / "round.pdf"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=30_000)
    assert dialog.error.text() == ""
    assert dialog.last_result is not None and dialog.last_result.records == 1
    assert pdf_pages(out) == dialog.last_result.pages >= 1


def test_the_file_menu_has_batch_printing_and_calibration(
    qtbot: QtBot, doctor: Services, test_form: FormSpec
) -> None:
    window = MainWindow(doctor, "测试库")
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
    assert texts[:2] == ["批量打印(&P)…", "打印校准(&C)…"]
    assert window.batch_print_action.shortcut().toString() == "Ctrl+P"
    assert window.batch_print_action.isEnabled()
    dialog = window.batch_print()
    assert dialog.objectName() == "batch_print" and dialog.isVisible()
    dialog.reject()
    calibration = window.print_calibration()
    assert calibration.objectName() == "print_calibration"
    calibration.reject()


# ---------------------------------------------------------------------- calibration
def test_calibration_offsets_are_kept_per_printer(qtbot: QtBot, shots: Path) -> None:
    dialog = CalibrationDialog()
    shown(qtbot, dialog)
    dialog.printer.setCurrentText("办公室 HP/LaserJet")  # typed: no printer installed here
    dialog.offset_x.setValue(1.5)
    dialog.offset_y.setValue(-2.0)
    assert dialog.offset_x.maximum() == 30 and dialog.offset_y.minimum() == -30
    assert dialog.offset_x.singleStep() == 0.5
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text().startswith("已保存“办公室 HP/LaserJet”的校准偏移：X +1.5 mm，Y -2 mm")
    snap(dialog, shots, "print-calibration")
    dialog.printer.setCurrentText("另一台")
    dialog.load()
    assert (dialog.offset_x.value(), dialog.offset_y.value()) == (0.0, 0.0)

    again = CalibrationDialog()
    shown(qtbot, again)
    again.printer.setCurrentText("办公室 HP/LaserJet")
    again.load()
    assert (again.offset_x.value(), again.offset_y.value()) == (1.5, -2.0)
    assert printer_offsets("办公室 HP/LaserJet") == (1.5, -2.0)
    assert printer_offsets("另一台") == (0.0, 0.0) and printer_offsets("") == (0.0, 0.0)

    again.printer.setCurrentText("")
    assert not again.save() and again.error.text() == "请选择或填写打印机名称。"


def test_the_calibration_page_is_previewed_with_the_offsets(qtbot: QtBot, shots: Path) -> None:
    dialog = CalibrationDialog()
    shown(qtbot, dialog)
    dialog.offset_x.setValue(3.0)
    page = dialog.print_page()
    assert page.objectName() == "calibration_preview"
    rendered(qtbot, page, owned=False)
    assert page.info.text() == "共 1 页" and page.rendered is not None
    assert page.rendered.offset_mm == (3.0, 0.0)
    assert page.document.print_offsets("任何打印机") == (3.0, 0.0)  # what is being tried, not what is saved
    snap(page, shots, "print-calibration-page")
    page.reject()
    assert dialog.preview is None


# ---------------------------------------------------------------------- the pages as images
def test_page_images_come_in_page_order(tmp_path: Path) -> None:
    """pdftoppm numbers pages page-01 … page-12 past nine; the images come back in page order."""
    pdf = tmp_path / "twelve.pdf"
    canvas = Canvas(str(pdf), pagesize=(100, 100))
    for n in range(1, 13):
        canvas.drawString(10, 50, str(n))
        canvas.showPage()
    canvas.save()
    images = page_images(pdf, 36, tmp_path / "png")
    assert [p.name for p in images] == [f"page-{n:02d}.png" for n in range(1, 13)]
    with pytest.raises(RasterError, match="找不到要显示的文件"):
        page_images(tmp_path / "missing.pdf", 36, tmp_path / "png")
