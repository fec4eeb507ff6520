"""导入 Excel from the resident list: mapping, preview with the wrong cells marked, import with
progress and 取消, the report; 导出 Excel of the filtered list."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from chc_desktop.services import imports
from chc_desktop.services.app import Services
from chc_desktop.services.residents import Filters
from chc_desktop.ui.residents.import_dialog import ERROR_BACKGROUND, MappingModel, column_letter
from chc_desktop.ui.residents.list_page import ResidentListPage
from tests.services.helpers import id_number
from tests.services.import_helpers import EXPECTED_ERRORS, HEADERS, write_messy, write_sheet
from tests.ui.conftest import snap


def page(qtbot: QtBot, services: Services) -> ResidentListPage:
    p = ResidentListPage(services)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def open_dialog(qtbot: QtBot, p: ResidentListPage, path: Path):  # type: ignore[no-untyped-def]
    p.import_button.click()
    dialog = p.import_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.preview.rowCount() > 0, timeout=10_000)
    return dialog


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 701, 702)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_mapping_preview_and_import_of_the_valid_rows(
    qtbot: QtBot, clerk: Services, tmp_path: Path, shots: Path, qtmodeltester: ModelTester
) -> None:
    p = page(qtbot, clerk)
    before = clerk.residents.count(Filters())
    dialog = open_dialog(qtbot, p, write_messy(tmp_path / "花名册.xlsx"))
    qtmodeltester.check(dialog.mapping)
    qtmodeltester.check(dialog.preview)
    mapping = dialog.mapping
    assert mapping.rowCount() == len(HEADERS)
    assert [mapping.data(mapping.index(i, 2)) for i in range(4)] == ["（不导入）", "姓名", "身份证号", "性别"]
    assert mapping.data(mapping.index(1, 3)) == "张三"  # the first row's value
    assert "表头在第 3 行" in dialog.sheet_note.text()

    preview = dialog.preview
    assert [preview.data(preview.index(r, 1)) for r in range(preview.rowCount())] == [
        "4",
        "6",
        "7",
        "8",
        "9",
        "10",
        "11",
        "12",
        "13",
    ]
    assert preview.data(preview.index(0, 0)) == "新建" and preview.data(preview.index(2, 0)) == "有问题"
    id_cell = preview.index(4, 2 + 2)  # row 9, 身份证号码 (two fixed columns first)
    assert preview.data(id_cell, Qt.ItemDataRole.BackgroundRole).color() == ERROR_BACKGROUND
    assert preview.data(id_cell, Qt.ItemDataRole.ToolTipRole) == "校验位错误"
    assert preview.data(preview.index(0, 4), Qt.ItemDataRole.BackgroundRole) is None
    shown = [dialog.errors.item(i).text() for i in range(dialog.errors.count())]
    assert shown == EXPECTED_ERRORS
    assert dialog.import_all.isEnabled() and dialog.import_valid.isEnabled()
    snap(dialog, shots, "import-preview")

    dialog.import_valid.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    report = dialog.report
    assert report is not None and report.imported == 4 and report.rejected_file is not None
    assert "导入 4 人" in dialog.summary.text() and str(report.rejected_file) in dialog.summary.text()
    assert [dialog.errors.item(i).text() for i in range(len(EXPECTED_ERRORS))] == EXPECTED_ERRORS
    assert not dialog.import_all.isEnabled() and dialog.close_button.text() == "关闭"
    assert clerk.residents.count(Filters()) == before + 4
    assert p.model.rowCount() == before + 4  # the list was refreshed
    snap(dialog, shots, "import-report")
    dialog.close_button.click()
    qtbot.waitUntil(lambda: p.import_dialog is None)


def test_all_or_nothing_is_refused_and_the_mapping_is_chosen_by_keyboard(
    qtbot: QtBot, clerk: Services, tmp_path: Path
) -> None:
    p = page(qtbot, clerk)
    before = clerk.residents.count(Filters())
    dialog = open_dialog(qtbot, p, write_messy(tmp_path / "花名册.xlsx"))
    dialog.import_all.click()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20_000)
    assert "没有导入任何一行" in dialog.summary.text()
    assert clerk.residents.count(Filters()) == before
    assert dialog.import_valid.isEnabled()  # the clerk may still take the good rows

    # 备注 (column J) → 姓名, from the keyboard: 姓名 leaves column B, and the mapping is incomplete.
    view = dialog.mapping_view
    view.setFocus()
    view.setCurrentIndex(dialog.mapping.index(9, MappingModel.FIELD_COLUMN))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox) and editor.currentText() == "（不导入）"
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert dialog.mapping.mapping()[9] == "name" and 1 not in dialog.mapping.mapping()
    # Read again with the new mapping: row 4 has no 备注, so now it has no name.
    qtbot.waitUntil(lambda: dialog.preview.data(dialog.preview.index(0, 0)) == "有问题", timeout=10_000)
    assert dialog.errors.item(0).text() == "第 4 行 备注 请填写姓名"
    # Back to (不导入): 姓名 is missing now.
    assert dialog.mapping.setData(dialog.mapping.index(9, MappingModel.FIELD_COLUMN), "")
    qtbot.waitUntil(lambda: "缺少必需的列：姓名" in dialog.message.text(), timeout=10_000)
    assert not dialog.import_all.isEnabled() and not dialog.import_valid.isEnabled()
    assert dialog.mapping.setData(dialog.mapping.index(1, MappingModel.FIELD_COLUMN), "name")
    qtbot.waitUntil(dialog.import_all.isEnabled, timeout=10_000)


@pytest.mark.parametrize("second_process", [False, True])
def test_cancel_leaves_the_database_as_it_was(
    qtbot: QtBot, clerk: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, second_process: bool
) -> None:
    if second_process:  # a large file is read by a second process: cancelling stops it too
        monkeypatch.setattr(imports, "PARALLEL_FROM", 1)
    rows = [
        [
            "赵" + "伟芳娜敏静丽强磊军洋"[i % 10] + "甲乙丙丁戊己庚辛壬癸"[i // 10 % 10],
            id_number("19700101", f"{i:03d}", "310110"),
            "仙霞第一",
        ]
        for i in range(900)
    ]
    path = write_sheet(tmp_path / "big.xlsx", ["姓名", "身份证号", "居委会"], rows)
    p = page(qtbot, clerk)
    before = clerk.residents.count(Filters())
    dialog = open_dialog(qtbot, p, path)
    dialog.import_all.click()
    assert dialog.job is not None
    dialog.job.dialog.canceled.emit()  # 取消 at once: the job stops at its next look at the flag
    qtbot.waitUntil(lambda: "已取消导入" in dialog.message.text(), timeout=20_000)
    assert dialog.report is None and dialog.import_all.isEnabled()
    assert clerk.residents.count(Filters()) == before
    assert not multiprocessing.active_children()


def test_a_file_that_cannot_be_read(qtbot: QtBot, clerk: Services, tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    p = page(qtbot, clerk)
    p.import_button.click()
    dialog = p.import_dialog
    assert dialog is not None
    dialog.load(path)
    qtbot.waitUntil(dialog.message.isVisible, timeout=10_000)
    assert "另存为" in dialog.message.text() and not dialog.import_all.isEnabled()


def test_buttons_follow_the_role(qtbot: QtBot, admin: Services) -> None:
    p = page(qtbot, admin)
    assert not p.import_button.isVisible() and p.export_button.isVisible()


def test_export_the_filtered_list(
    qtbot: QtBot, doctor: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, asked: list[str]
) -> None:
    out = tmp_path / "居民"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    p = page(qtbot, doctor)
    p.status.select(None)  # 全部状态
    p.export_button.click()
    qtbot.waitUntil(lambda: any("已导出" in text for text in asked), timeout=20_000)
    written = out.with_name("居民.xlsx")
    assert written.exists()
    sheet = openpyxl.load_workbook(written).active
    assert sheet is not None and sheet.max_row == doctor.residents.count(Filters(status=None)) + 1
    assert asked[-1] == f"已导出 {sheet.max_row - 1} 名居民到 {written}"
