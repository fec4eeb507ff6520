"""The sync state as a user sees it: status bar, sync page, conflicts, quarantine, offline, no keyring."""

# ruff: noqa: F811  (the hub and device fixtures are imported from tests/sync/conftest.py)

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from pytestqt.qtbot import QtBot

from chc_desktop.store.capture import change_row
from chc_desktop.store.models import Resident
from chc_desktop.sync.device import CHANGES
from chc_desktop.ui.main_window import MainWindow
from chc_desktop.ui.sync import controller as controller_module
from chc_desktop.ui.sync.dialogs import ConflictDialog
from tests.services.helpers import draft
from tests.sync.conftest import Device, HubServer, demo_hash, devices, memory_keyring, prepare_hub  # noqa: F401
from tests.ui.conftest import snap, type_text


@pytest.fixture
def hub(tmp_path: Path, demo_hash: str) -> Iterator[HubServer]:
    # The UI needs one hub store; tests/sync runs the server on both.
    url = f"sqlite:///{tmp_path / 'hub.db'}"
    prepare_hub(url, demo_hash)
    server = HubServer(url).start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _no_auto_sync(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(controller_module, "START_DELAY_MS", 3_600_000)


def window(qtbot: QtBot, d: Device) -> MainWindow:
    w = MainWindow(d.as_user(), d.name)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def sync_in_window(qtbot: QtBot, w: MainWindow) -> tuple[object, str]:
    with qtbot.waitSignal(w.sync.finished, timeout=30_000) as blocker:
        assert w.sync.sync_now()
    return blocker.args[0], blocker.args[1]


def test_status_bar_and_page_after_a_sync(
    qtbot: QtBot, devices: list[Device], shots: Path, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    a, _ = devices
    w = window(qtbot, a)
    s = a.as_user()
    s.residents.file(draft(s))
    report, message = sync_in_window(qtbot, w)
    assert report is not None and "上传" in message
    assert w.sync_label.text().startswith("● 在线") and "待上传 0" in w.sync_label.text()
    w.nav.setCurrentRow(w.pages.indexOf(w.sync_page))
    page = w.sync_page
    assert page.headline.text().endswith("在线")
    assert page.runs.rowCount() >= 1 and page.runs.data(page.runs.index(0, 1)) == "成功"
    for model in (page.runs, page.conflicts, page.quarantine):
        qtmodeltester.check(model)
    snap(w, shots, "sync-page-online")


def test_a_conflict_is_listed_and_resolved_in_the_ui(
    qtbot: QtBot, devices: list[Device], shots: Path, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    a, b = devices
    doc = a.as_user()
    rid = doc.residents.file(draft(doc)).id
    a.sync(), b.sync()
    for d, phone in ((a, "13900001111"), (b, "13900002222")):
        s = d.as_user()
        s.residents.update(rid, replace(s.residents.get(rid).draft, phone=phone))
    a.sync(), b.sync()
    w = window(qtbot, a)
    sync_in_window(qtbot, w)
    page = w.sync_page
    w.nav.setCurrentRow(w.pages.indexOf(page))
    assert page.tabs.tabText(0) == "冲突（1）"
    assert "冲突 1" in w.sync_label.text()
    qtmodeltester.check(page.conflicts)
    row = [page.conflicts.data(page.conflicts.index(0, c)) for c in range(page.conflicts.columnCount())]
    assert row[1:] == ["张三", "本人电话", "13900002222（王医生）", "13900001111（王医生）"]
    snap(w, shots, "sync-page-conflict")
    dialog = ConflictDialog(w.services, page.conflicts.items[0], w)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(type(dialog.typed), "typed_value") is dialog.typed
    snap(dialog, shots, "conflict-dialog")
    dialog.keep_loser.setChecked(True)
    dialog.apply()
    assert dialog.result() == dialog.DialogCode.Accepted
    page.reload()
    assert page.tabs.tabText(0) == "冲突（0）"
    sync_in_window(qtbot, w)
    b.sync()
    assert b.as_user().residents.get(rid).draft.phone == "13900001111"


def test_typing_the_result_needs_a_value(qtbot: QtBot, devices: list[Device]) -> None:
    a, b = devices
    doc = a.as_user()
    rid = doc.residents.file(draft(doc)).id
    a.sync(), b.sync()
    for d, unit in ((a, "甲"), (b, "乙")):
        s = d.as_user()
        s.residents.update(rid, replace(s.residents.get(rid).draft, work_unit=unit))
    a.sync(), b.sync(), a.sync()
    [conflict] = a.as_user().sync.conflicts()
    dialog = ConflictDialog(a.as_user(), conflict)
    qtbot.addWidget(dialog)
    dialog.type_value.setChecked(True)
    dialog.apply()
    assert dialog.error.isVisibleTo(dialog) and "请填写" in dialog.error.text()
    type_text(qtbot, dialog.typed, "长宁区图书馆")
    dialog.apply()
    assert a.as_user().residents.get(rid).draft.work_unit == "长宁区图书馆"


def test_quarantine_shows_the_reason_and_resends(qtbot: QtBot, devices: list[Device], shots: Path) -> None:
    a, _ = devices
    s = a.as_user()
    filed = s.residents.file(draft(s))
    a.sync()
    actor = a.db.actor(s.user.id if s.user else None)
    hlc = actor.clock.now()
    with a.db.engine.begin() as conn:
        t = Resident.__table__
        conn.execute(t.update().where(t.c.id == filed.id).values(id_number="310105195003011230", hlc=hlc))
        data = {"id_number": "310105195003011230"}
        conn.execute(
            CHANGES.insert().values(
                change_row("residents", filed.id, "update", data, hlc, actor, dt.datetime.now(dt.UTC))
            )
        )
    w = window(qtbot, a)
    sync_in_window(qtbot, w)
    page = w.sync_page
    w.nav.setCurrentRow(w.pages.indexOf(page))
    page.tabs.setCurrentIndex(1)
    assert page.tabs.tabText(1) == "被拒收（1）" and "被拒 1" in w.sync_label.text()
    assert "身份证号无效" in page.quarantine.data(page.quarantine.index(0, 4))
    snap(w, shots, "sync-page-quarantine")
    s.residents.update(filed.id, replace(s.residents.get(filed.id).draft, id_number=filed.draft.id_number))
    page.quarantine_view.selectRow(0)
    page.resend()
    assert page.tabs.tabText(1) == "被拒收（0）"
    report, _ = sync_in_window(qtbot, w)
    assert report is not None and report.rejected == 0  # type: ignore[attr-defined]


def test_an_unreachable_hub_shows_offline_and_keeps_looking(
    qtbot: QtBot, devices: list[Device], shots: Path
) -> None:
    a, _ = devices
    a.db.set_meta("sync.hub_url", "http://127.0.0.1:1")
    w = window(qtbot, a)
    report, message = sync_in_window(qtbot, w)
    assert report is None and "无法连接中心服务器" in message
    assert w.sync_label.text().startswith("○ 离线")
    assert w.sync.probe_timer.isActive()  # it syncs by itself once the hub answers again
    w.nav.setCurrentRow(w.pages.indexOf(w.sync_page))
    assert w.sync_page.message.text().startswith("同步未完成")
    snap(w, shots, "sync-page-offline")


def test_without_a_keyring_the_token_is_asked_for_and_never_stored(
    qtbot: QtBot, devices: list[Device], monkeypatch: pytest.MonkeyPatch
) -> None:
    a, _ = devices
    keyring.set_keyring(fail.Keyring())
    w = window(qtbot, a)
    asked: list[str] = []

    def ask(reason: str) -> str:
        asked.append(reason)
        return a.token

    w.sync.ask_token = ask
    assert not w.sync.sync_now(interactive=False)  # the timer never asks
    report, _ = sync_in_window(qtbot, w)
    assert report is not None and len(asked) == 1 and "钥匙串" in asked[0]
    sync_in_window(qtbot, w)
    assert len(asked) == 1  # asked once per session, kept only in memory
    assert a.token not in a.db.path.read_bytes().decode("latin-1")


def test_duplicates_filed_at_two_stations_are_merged_from_the_sync_page(
    qtbot: QtBot, devices: list[Device], shots: Path, asked: list[str], qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    a, b = devices
    da, db_ = a.as_user(), b.as_user()
    first = da.residents.file(draft(da))
    second = db_.residents.file(draft(db_, work_unit="长宁区图书馆", phone=""))
    a.sync(), b.sync(), a.sync()
    w = window(qtbot, a)
    page = w.sync_page
    w.nav.setCurrentRow(w.pages.indexOf(page))
    page.tabs.setCurrentIndex(2)  # looked for off the UI thread, when the tab is shown
    qtbot.waitUntil(lambda: page.tabs.tabText(2) != "疑似重复档案")
    assert page.tabs.tabText(2) == "疑似重复档案（1 组）"
    qtmodeltester.check(page.duplicates)
    assert {line[1].row.id for line in page.duplicates.items} == {first.id, second.id}
    assert page.duplicates.data(page.duplicates.index(0, 6)) == first.committee  # where they live
    snap(w, shots, "sync-page-duplicates")
    keep_row = next(i for i, line in enumerate(page.duplicates.items) if line[1].row.id == first.id)
    page.duplicates_view.selectRow(keep_row)
    page.merge()
    assert "张三" in asked[-1] and "1 份" in asked[-1]
    qtbot.waitUntil(lambda: page.duplicates.rowCount() == 0)
    assert page.tabs.tabText(2) == "疑似重复档案（0 组）"
    merged = a.as_user().residents.get(first.id)
    assert merged.draft.work_unit == "长宁区图书馆"


def test_a_new_workstation_enrols_from_the_dialog(
    qtbot: QtBot, hub: HubServer, tmp_path: Path, shots: Path
) -> None:
    from chc_desktop.services.app import Services, open_database
    from chc_desktop.ui.sync.dialogs import EnrolDialog

    db = open_database(tmp_path / "new.db")
    dialog = EnrolDialog(Services(db))
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.url, hub.url)
    type_text(qtbot, dialog.code, "WRONG-CODE")
    type_text(qtbot, dialog.name, "仙霞中心 一楼挂号")
    snap(dialog, shots, "enrol-dialog")
    dialog.apply()
    qtbot.waitUntil(lambda: "登记码无效" in dialog.error.text(), timeout=15_000)
    assert dialog.isVisible() and Services(db).sync.hub_url() is None  # nothing kept from a refusal
    dialog.code.setText(hub.code())
    with qtbot.waitSignal(dialog.accepted, timeout=15_000):
        dialog.apply()
    assert dialog.result_text == "仙霞社区卫生服务中心"
    assert Services(db).sync.hub_url() == hub.url
    assert Services(db).sync.run().pulled > 0  # and its accounts arrive
    db.close()


def test_a_first_sync_from_a_snapshot_shows_megabytes(
    qtbot: QtBot, devices: list[Device], shots: Path
) -> None:
    a, _ = devices
    w = window(qtbot, a)
    w.nav.setCurrentRow(w.pages.indexOf(w.sync_page))
    page = w.sync_page
    page._running(True)  # as while the controller syncs
    page._progress("snapshot", 40_960, 177_152)  # KiB, as the sync reports a download
    assert page.bar.format() == "正在下载本机构的数据快照 40/173 MB"
    assert page.bar.maximum() == 177_152 and page.bar.value() == 40_960
    snap(w, shots, "sync-page-snapshot")
    page._progress("pull", 10, 46)
    assert page.bar.format() == "正在下载中心的修改 10/46"
    page._running(False)
