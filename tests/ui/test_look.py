"""How it looks: the bundled CJK font is what draws the Chinese, and screenshots of the main screens
(saved to tmp_path/screenshots, and to $CHC_UI_SCREENSHOTS when set, for a person to look at)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QFontInfo, QFontMetrics, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from chc_desktop.services.app import Services
from chc_desktop.services.residents import Filters
from chc_desktop.store.database import Database
from chc_desktop.ui import i18n, theme
from chc_desktop.ui.login import LoginDialog
from chc_desktop.ui.main_window import MainWindow
from chc_desktop.ui.residents.editor import ResidentEditor
from tests.ui.conftest import as_user, snap


def colours(path: Path) -> int:
    """How many distinct colours a sample of the picture has (a blank or failed grab has one or two)."""
    image = QImage(str(path))
    seen: set[int] = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            seen.add(QColor(image.pixel(x, y)).rgb())
    return len(seen)


def test_the_bundled_font_draws_chinese(qapp: QApplication) -> None:
    family = theme.register_font()
    assert family is not None and family in QFontDatabase.families()
    font = qapp.font()
    assert QFontInfo(font).family() == family
    assert 10 <= font.pointSizeF() <= 11
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(ch)) for ch in "居民健康档案编号户籍现住址")


def main_window(qtbot: QtBot, services: Services) -> MainWindow:
    w = MainWindow(services, "demo")
    qtbot.addWidget(w)
    w.resize(1366, 820)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_screenshots(qtbot: QtBot, ui_db: Database, doctor: Services, shots: Path) -> None:
    w = main_window(qtbot, doctor)
    saved = [snap(w, shots, "main-window")]

    rid = doctor.residents.page(Filters(), 3, 1)[0].id
    editor = ResidentEditor(doctor, rid, w)
    qtbot.addWidget(editor)
    editor.resize(1040, 760)
    editor.show()
    qtbot.waitExposed(editor)
    for i in range(editor.tabs.count()):
        editor.tabs.setCurrentIndex(i)
        saved.append(snap(editor, shots, f"editor-{i + 1}"))
    editor.close()

    new = ResidentEditor(doctor, None, w)
    qtbot.addWidget(new)
    new.resize(1040, 760)
    new.show()
    new.save()  # an empty form: every required field says what it needs
    saved.append(snap(new, shots, "editor-new-errors"))
    new.tabs.setCurrentIndex(1)
    saved.append(snap(new, shots, "editor-new-errors-basic"))

    admin = main_window(qtbot, as_user(ui_db, "admin"))
    assert admin.admin is not None
    admin.nav.setCurrentRow(admin.pages.indexOf(admin.admin))
    for i in range(admin.admin.count()):
        admin.admin.setCurrentIndex(i)
        saved.append(snap(admin, shots, f"admin-{i + 1}"))

    login = LoginDialog(Services(ui_db), [("doctor", "家庭医生"), ("nurse", "护士"), ("clerk", "行政助手")])
    qtbot.addWidget(login)
    login.show()
    saved.append(snap(login, shots, "login-demo"))
    for path in saved:
        assert colours(path) > 8, path


def test_screenshots_in_english(
    qtbot: QtBot,
    doctor: Services,
    shots: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qapp: QApplication,
) -> None:
    shutil.copy(i18n.I18N / "chc_en.ts", tmp_path / "chc_en.ts")
    i18n.compile_translations(tmp_path)
    monkeypatch.setattr(i18n, "I18N", tmp_path)
    assert i18n.install(qapp, "en")
    w = main_window(qtbot, doctor)
    assert w.nav.item(0).text() == "Workbench" and w.nav.item(1).text() == "Residents"
    assert w.residents.model.headerData(0, Qt.Orientation.Horizontal) == "Record number"
    snap(w, shots, "en-main-window")
    editor = ResidentEditor(doctor, doctor.residents.page(Filters(), 3, 1)[0].id, w)
    qtbot.addWidget(editor)
    editor.resize(1040, 760)
    editor.show()
    editor.tabs.setCurrentIndex(1)
    assert editor.tabs.tabText(1) == "Basic information"
    snap(editor, shots, "en-editor-basic")
