"""Start-up (refusing a bad database, the demo profile, the first administrator), the background-work
helper, and the translations."""

from __future__ import annotations

import shutil
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from chc_desktop.config import DEMO_PROFILE, database_path
from chc_desktop.security.crash_reports import crash_dir
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.store.database import Database
from chc_desktop.ui import app as app_module
from chc_desktop.ui import i18n
from chc_desktop.ui.login import FirstAdminDialog, LoginDialog
from chc_desktop.ui.main_window import MainWindow
from chc_desktop.ui.workers import Progress, run_with_progress


def test_a_corrupt_database_is_refused_and_left_alone(tmp_path: Path, asked: list[str]) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"this is not a database" * 100)
    before = path.read_bytes()
    assert app_module.main(["chc-desktop", "--db", str(path)]) == 1
    assert len(asked) == 1 and "broken.db" in asked[0] and "未做任何更改" in asked[0]
    assert path.read_bytes() == before


def test_a_bad_profile_name_is_refused(asked: list[str]) -> None:
    assert app_module.main(["chc-desktop", "--profile", "../etc"]) == 2
    assert asked and "配置名" in asked[0]


def test_a_new_database_asks_for_its_administrator_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def first_admin_exec(dialog: FirstAdminDialog) -> int:
        shown.append("first-admin")
        return QDialog.DialogCode.Rejected.value

    def login_exec(dialog: LoginDialog) -> int:
        shown.append("login")
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(FirstAdminDialog, "exec", first_admin_exec)
    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    assert app_module.main(["chc-desktop", "--db", str(tmp_path / "new.db")]) == 0
    assert shown == ["first-admin"]  # closing it quits before the login


def test_demo_profile_builds_residents_in_the_background_then_opens_the_window(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "DEMO_RESIDENTS", 40)
    seen: dict[str, object] = {}

    def login_exec(dialog: LoginDialog) -> int:
        seen["hint"] = dialog.findChild(QLabel, "demo_hint") is not None
        seen["username"] = dialog.username.text()
        dialog.password.setText("demo1234")
        dialog.try_login()
        return dialog.result()

    def app_exec() -> int:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert len(windows) == 1
        window = windows[0]
        qtbot.addWidget(window)
        seen["count"] = window.residents.model.rowCount()
        seen["database"] = window.database_label.text()
        seen["threads"] = threading.active_count()
        window.close()
        return 0

    monkeypatch.setattr(LoginDialog, "exec", login_exec)
    monkeypatch.setattr(QApplication, "exec", staticmethod(app_exec))
    assert app_module.main(["chc-desktop", "--demo"]) == 0
    assert seen["hint"] is True and seen["username"] == "doctor"
    assert seen["count"] == 40 and seen["database"] == "数据库：demo"
    assert database_path(DEMO_PROFILE).exists()
    assert QCoreApplication.organizationName() == "CHC"


def test_background_work_reports_progress_and_its_result(qtbot: QtBot) -> None:
    done: list[object] = []
    steps: list[tuple[int, int]] = []

    def work(progress: Progress, _cancelled: threading.Event) -> int:
        for i in range(1, 4):
            progress(i, 3)
            steps.append((i, 3))
        return 42

    run_with_progress(None, "测试", work, done.append)
    qtbot.waitUntil(lambda: done == [42])
    assert steps == [(1, 3), (2, 3), (3, 3)]


def test_background_work_failure_is_shown(qtbot: QtBot, asked: list[str]) -> None:
    def work(_progress: Progress, _cancelled: threading.Event) -> None:
        raise ServiceError("磁盘已满")

    run_with_progress(None, "测试", work, lambda _r: None)
    qtbot.waitUntil(lambda: asked == ["磁盘已满"])


def test_an_unforeseen_error_shows_one_sentence_not_its_values(
    qtbot: QtBot, asked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a background job and anywhere else (the excepthook): no values on the screen, the trace
    masked in a private crash file."""

    def work(_progress: Progress, _cancelled: threading.Event) -> None:
        raise ValueError("居民 欧阳秀英 13812345678 无法保存")

    run_with_progress(None, "测试", work, lambda _r: None)
    qtbot.waitUntil(lambda: len(asked) == 1)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app_module.install_error_boundary("测试")
    try:
        raise KeyError("欧阳秀英")
    except KeyError as exc:
        sys.excepthook(KeyError, exc, exc.__traceback__)
    assert len(asked) == 2
    for text in asked:
        assert "程序内部错误" in text and "欧阳秀英" not in text and "13812345678" not in text
    traces = [p.read_text(encoding="utf-8") for p in crash_dir().glob("crash-*.txt")]
    assert len(traces) == 2 and all("欧阳秀英" not in t for t in traces)


def test_background_work_can_be_cancelled(qtbot: QtBot) -> None:
    started = threading.Event()
    cancelled: list[bool] = []
    results: list[object] = []

    def work(progress: Progress, stop: threading.Event) -> str:
        started.set()
        for _ in range(500):
            progress(1, 10)  # raises Cancelled once the user pressed 取消
            stop.wait(0.01)
        return "finished"

    handle = run_with_progress(
        None, "测试", work, results.append, on_cancelled=lambda: cancelled.append(True)
    )
    assert started.wait(5)
    cancel_button = handle.dialog.findChild(QPushButton)
    assert cancel_button is not None and cancel_button.text() == "取消"
    cancel_button.click()
    qtbot.waitUntil(lambda: cancelled == [True])
    assert results == []


def _translations(ts: Path) -> dict[tuple[str, str], tuple[str, ...]]:
    """(context, source) -> the English text(s) (several for %n plurals), empty when unfinished."""
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("obsolete", "vanished"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            done = translation.get("type") != "unfinished" and all(f.strip() for f in forms)
            key = (context.findtext("name") or "", message.findtext("source") or "")
            out[key] = tuple(forms) if done else ()
    return out


def test_every_user_visible_string_has_an_english_translation(tmp_path: Path) -> None:
    """lupdate over ui/ finds nothing new, and every message has its English text."""
    copy = tmp_path / "chc_en.ts"
    shutil.copy(i18n.I18N / "chc_en.ts", copy)
    before = _translations(copy)
    i18n.update_translations(tmp_path)
    after = _translations(copy)
    assert [key for key, forms in after.items() if not forms] == []
    assert after == before  # the committed .ts is up to date with the sources
    assert len(after) > 250


def test_english_replaces_the_chinese_source_text(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ui_db: Database
) -> None:
    shutil.copy(i18n.I18N / "chc_en.ts", tmp_path / "chc_en.ts")
    assert [p.name for p in i18n.compile_translations(tmp_path)] == ["chc_en.qm"]
    monkeypatch.setattr(i18n, "I18N", tmp_path)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert i18n.install(app, "en")
    dialog = LoginDialog(Services(ui_db))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Log in — CHC Desktop"
    assert i18n.install(app, "zh_CN")
    again = LoginDialog(Services(ui_db))
    qtbot.addWidget(again)
    assert again.windowTitle() == "登录 — 社区卫生服务中心桌面工作站"
