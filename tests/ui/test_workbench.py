"""The workbench: first page after login, figures counted off the UI thread, worklists that open
the resident, coverage by centre/team/doctor with its chart; and the contract tab and dialogs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from chc_desktop.domain.referrals import Step
from chc_desktop.services.app import Services
from chc_desktop.services.residents import Filters
from chc_desktop.services.sites import site_id
from chc_desktop.services.workbench import MY_RESIDENTS, UNSIGNED_KEY_POPULATION
from chc_desktop.ui.contracts.contract_tab import ContractTab
from chc_desktop.ui.contracts.dialogs import HOUSEHOLD, SWITCH, SignDialog, TerminateDialog
from chc_desktop.ui.main_window import MainWindow
from chc_desktop.ui.workbench.models import CoverageModel, ExpiringModel
from tests.conftest import TODAY
from tests.ui.conftest import as_user, snap, type_text


@pytest.fixture
def window(qtbot: QtBot, doctor: Services) -> MainWindow:
    w = MainWindow(doctor, "ui.db")
    qtbot.addWidget(w)
    w.show()
    assert w.workbench is not None
    qtbot.waitUntil(lambda: w.workbench is not None and w.workbench.snapshot is not None, timeout=10_000)
    return w


def test_the_workbench_is_the_first_page_and_shows_the_counts(
    window: MainWindow, doctor: Services, shots: Path
) -> None:
    page = window.workbench
    assert page is not None and window.pages.currentWidget() is page and window.nav.item(0).text() == "工作台"
    snap_ = page.snapshot
    assert snap_ is not None
    assert snap_.expiring == doctor.contracts.expiring_count() > 0
    assert snap_.unsigned_key_population == doctor.residents.count(UNSIGNED_KEY_POPULATION) > 0
    assert snap_.mine == doctor.residents.count(MY_RESIDENTS) > 0
    assert page.tabs.tabText(0) == f"30 天内到期（{snap_.expiring}）"
    assert page.tabs.tabText(1) == f"应签未签（{snap_.unsigned_key_population}）"
    assert page.unsigned.rowCount() == snap_.unsigned_key_population
    total = snap_.indicators.total
    assert page.headline_all.text().startswith(f"全人群签约率 {total.all.percent:.1f}%（目标 48%）")
    assert ("尚差" in page.headline_key.text()) != total.key.met
    # 按团队 is shown first: the total, then each demo team
    names = [page.coverage.item(i).name for i in range(page.coverage.rowCount())]  # type: ignore[union-attr]
    assert names == ["合计", "孙医生团队", "王医生团队", "赵医生团队"]
    assert page.chart.height() >= 4 * 30
    snap(window, shots, "workbench")


def test_the_expiring_list_is_soonest_first_and_opens_the_resident(
    qtbot: QtBot, window: MainWindow, doctor: Services
) -> None:
    page = window.workbench
    assert page is not None
    view = page.lists[0]
    first = page.expiring.item(0)
    assert first is not None and 0 <= first.days_left <= 30
    days = [page.expiring.item(i).days_left for i in range(page.expiring.rowCount())]  # type: ignore[union-attr]
    assert days == sorted(days)
    view.setFocus()
    view.setCurrentIndex(page.expiring.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor is not None)
    editor = window.editor
    assert editor is not None and editor.resident_id == first.resident_id
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert "签约" in titles
    tab = next(t for t in editor.file_tabs if isinstance(t, ContractTab))
    assert tab.current is not None and tab.current.end_date == first.end_date
    assert "天后到期，请提醒续约" in tab.now.text()
    editor.reject()


def test_levels_switch_the_table_and_chart(qtbot: QtBot, window: MainWindow) -> None:
    page = window.workbench
    assert page is not None
    page.level_buttons.button(2).click()
    assert [page.coverage.item(i).name for i in range(page.coverage.rowCount())] == [  # type: ignore[union-attr]
        "合计",
        "孙医生",
        "王医生",
        "赵医生",
    ]
    page.level_buttons.button(0).click()
    assert page.coverage.rowCount() == 1 + 10  # every centre of the district has demo residents
    assert len(page.chart.rows) == page.coverage.rowCount()


def test_workbench_models(qtmodeltester: ModelTester, doctor: Services) -> None:
    coverage = CoverageModel()
    ind = doctor.indicators.coverage()
    coverage.set_items([ind.total, *ind.teams])
    qtmodeltester.check(coverage)
    expiring = ExpiringModel(lambda offset, limit: doctor.contracts.expiring(offset, limit))
    expiring.PAGE = 5
    expiring.reset_to(doctor.contracts.expiring_count())
    assert expiring.rowCount() == 5 and expiring.canFetchMore()
    expiring.fetchMore()
    assert expiring.rowCount() == min(10, expiring.total)
    qtmodeltester.check(expiring)  # fetches the rest as a view would
    assert expiring.rowCount() == expiring.total and not expiring.canFetchMore()


def test_a_signing_refreshes_the_workbench(qtbot: QtBot, window: MainWindow, doctor: Services) -> None:
    page = window.workbench
    assert page is not None
    before = page.snapshot
    assert before is not None
    rid = page.unsigned.resident_id(0)
    assert rid is not None
    team = doctor.teams.of_user(doctor.user.id)[0]  # type: ignore[union-attr]
    from chc_desktop.services.contracts import SignRequest

    doctor.contracts.sign(rid, SignRequest(team.id, team.lead_doctor_id, TODAY))
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.data_changed.emit(frozenset({"residents"}))
    after = page.snapshot
    assert after is not None
    assert after.unsigned_key_population == before.unsigned_key_population - 1
    assert after.mine == before.mine + 1
    assert after.indicators.total.counts.key_signed == before.indicators.total.counts.key_signed + 1


# ---------------------------------------------------------------- the contract tab and its dialogs
def _unsigned_with_household(doctor: Services) -> object:
    for row in doctor.residents.page(Filters(contract="unsigned"), 0, 200):
        f = doctor.residents.get(row.id, audit=False)
        if f.household is not None and len(f.household.members) > 1:
            return f
    raise AssertionError("the demo has unsigned residents in households")


def test_signing_from_the_dialog(qtbot: QtBot, doctor: Services, shots: Path) -> None:
    f = _unsigned_with_household(doctor)
    tab = ContractTab(doctor, f)  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    assert (
        tab.now.text() == "当前未签约。" and tab.sign_button.isEnabled() and not tab.renew_button.isEnabled()
    )
    dialog = SignDialog(doctor, f.id)  # type: ignore[attr-defined]
    qtbot.addWidget(dialog)
    assert dialog.team.currentText().startswith("王医生团队") and dialog.doctor.currentText() == "王医生"
    assert dialog.end.text() == "2027-11-23"
    dialog.start.setDate(dialog.start.date().addDays(6))
    assert dialog.end.text() == "2027-11-29"
    dialog.findChild(type(dialog.packages[0][1]), "package_chronic").setChecked(True)  # type: ignore[union-attr]
    assert dialog.fee.text() == "合计 320.00 元，其中财政补贴/医保 220.00 元，居民自付 100.00 元"
    dialog.district.select(site_id("hospital", "光华中西医结合医院"))
    assert dialog.municipal.index_of(site_id("hospital", "同仁医院")) < 0  # only 市级 hospitals offered
    dialog.municipal.select(site_id("hospital", "华东医院"))
    basic = dialog.findChild(type(dialog.packages[0][1]), "package_basic")
    basic.setChecked(False)  # type: ignore[union-attr]
    dialog.show()
    dialog.accept_form()
    assert dialog.errors["packages"].text() == "须选择且只能选择一个基础服务包"
    assert dialog.result() != QDialog.DialogCode.Accepted
    basic.setChecked(True)  # type: ignore[union-attr]
    snap(dialog, shots, "sign_dialog")
    dialog.accept_form()
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.result_contract is not None
    tab.show_file(f)  # type: ignore[arg-type]
    assert tab.now.text().startswith("已签约：王医生团队（王医生），2026-11-30 至 2027-11-29")
    assert "1+1+1：光华中西医结合医院、华东医院" in tab.now.text()
    assert not tab.sign_button.isEnabled() and tab.renew_button.isEnabled()


def test_household_switch_renew_and_terminate_from_the_tab(
    qtbot: QtBot, doctor: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = _unsigned_with_household(doctor)
    tab = ContractTab(doctor, f)  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    household = SignDialog(doctor, f.id, HOUSEHOLD)  # type: ignore[attr-defined]
    qtbot.addWidget(household)
    household.accept_form()
    assert household.result_household is not None and household.result_household.signed
    tab.show_file(f)  # type: ignore[arg-type]
    current = tab.current
    assert current is not None and current.household_id is not None

    switch = SignDialog(doctor, f.id, SWITCH, current)  # type: ignore[attr-defined]
    qtbot.addWidget(switch)
    assert all(t.id != current.team_id for t in switch.teams)
    switch.start.setDate(switch.start.date().addDays(1))
    switch.accept_form()
    assert switch.result_contract is not None and switch.result_contract.previous_id == current.id

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    tab.show_file(f)  # type: ignore[arg-type]
    tab.renew_button.click()
    assert tab.message.text().startswith("已续约至 2028-11-")

    tab.show_file(f)  # type: ignore[arg-type]
    assert tab.current is not None
    stop = TerminateDialog(doctor, tab.current)
    qtbot.addWidget(stop)
    stop.accept_form()
    assert stop.errors["reason"].text() == "解约须选择原因"
    stop.reason.select("其他")
    stop.accept_form()
    assert stop.errors["end_note"].text() == "原因为“其他”时请写明"
    type_text(qtbot, stop.note, "居民要求")
    stop.accept_form()
    assert stop.result_contract is not None and stop.result_contract.status_label == "已解约"
    tab.show_file(f)  # type: ignore[arg-type]
    statuses = [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]
    assert statuses == ["已解约", "已续约", "已改签"]
    assert dt.date  # the history keeps every step


def test_an_administrator_sees_the_workbench_but_cannot_sign(qtbot: QtBot, admin: Services) -> None:
    w = MainWindow(admin, "ui.db")
    qtbot.addWidget(w)
    assert w.workbench is not None
    qtbot.waitUntil(lambda: w.workbench is not None and w.workbench.snapshot is not None, timeout=10_000)
    rid = w.workbench.unsigned.resident_id(0)
    assert rid is not None
    tab = ContractTab(admin, admin.residents.get(rid, audit=False))
    qtbot.addWidget(tab)
    assert not tab.sign_button.isEnabled() and not tab.household_button.isEnabled()


@pytest.mark.parametrize(("tab", "header"), [(0, "到期日期"), (1, "档案编号"), (2, "档案编号"), (-1, "层级")])
def test_each_list_exports_to_xlsx(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tab: int, header: str
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    page = window.workbench
    assert page is not None and page.snapshot is not None
    target = tmp_path / f"list{tab}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.tabs.setCurrentIndex(tab if tab >= 0 else page.tabs.indexOf(page.coverage_view))
    with qtbot.waitSignal(page.exported, timeout=10_000):
        path = page.export_current()
    assert path == target.with_suffix(".xlsx") and path.exists()
    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    expected = (page.snapshot.expiring, page.snapshot.unsigned_key_population, page.snapshot.mine, None)[tab]
    assert rows[0][0] == header
    if expected is not None:
        assert len(rows) - 1 == expected
    else:
        assert rows[1][:2] == ("合计", "合计")


def test_an_import_makes_the_workbench_count_again(qtbot: QtBot, window: MainWindow) -> None:
    page = window.workbench
    assert page is not None
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        window.residents.imported.emit()  # what the list page says after an import


def test_hospice_reviews_due_and_referrals_waiting_are_worklists(
    qtbot: QtBot, window: MainWindow, doctor: Services, qtmodeltester: ModelTester, shots: Path
) -> None:
    page = window.workbench
    assert page is not None and page.snapshot is not None
    due, waiting = doctor.hospice.due_list(), doctor.referrals.waiting_list()
    assert due and waiting  # the demo has both
    assert page.care.tabText(page.reviews_tab) == f"复评到期（{len(due)}）"
    assert page.care.tabText(page.waiting_tab) == f"待接收转诊（{len(waiting)}）"
    qtmodeltester.check(page.reviews)
    assert page.reviews.item(0) == due[0] and page.reviews.index(0, 2).data() == due[0].name
    page.care.setCurrentIndex(page.reviews_tab)
    snap(window, shots, "workbench-reviews-due")
    view = page.care_lists[page.reviews_tab]
    view.setFocus()
    view.setCurrentIndex(page.reviews.index(0, 0))
    assert page.current_resident() == due[0].resident_id
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor is not None)
    editor = window.editor
    assert editor is not None and editor.resident_id == due[0].resident_id
    assert "安宁疗护" in [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    editor.reject()

    page.care.setCurrentIndex(page.waiting_tab)
    view = page.care_lists[page.waiting_tab]
    view.setFocus()
    view.setCurrentIndex(page.waiting.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    form = window.referral_form
    assert form is not None and form.referral is not None and form.referral.id == waiting[0].id
    qtbot.waitExposed(form)
    with qtbot.waitSignal(page.loaded, timeout=10_000):  # receiving it counts the workbench again
        form.step_buttons[Step.RECEIVE].click()
    assert page.snapshot.referrals_waiting is not None
    assert len(page.snapshot.referrals_waiting) == len(waiting) - 1
    form.reject()


def test_without_hospice_or_referral_rights_there_are_no_such_tabs(qtbot: QtBot, admin: Services) -> None:
    w = MainWindow(admin, "ui.db")
    qtbot.addWidget(w)
    page = w.workbench
    assert (
        page is not None and page.reviews_tab == page.waiting_tab == page.round_tab == page.cycles_tab == -1
    )
    assert page.tabs.count() == 4 and page.care.count() == 0 and not page.care.isVisibleTo(w)
    assert w.referrals is None


def test_the_day_s_round_and_cycles_ending_are_worklists(
    qtbot: QtBot, ui_db: object, qtmodeltester: ModelTester, shots: Path
) -> None:
    nurse = as_user(ui_db, "nurse")  # type: ignore[arg-type]
    w = MainWindow(nurse, "ui.db")
    qtbot.addWidget(w)
    w.show()
    page = w.workbench
    assert page is not None
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=10_000)
    rounds = nurse.homebeds.round_list(staff_id=nurse.user.id)  # type: ignore[union-attr]
    ending = nurse.homebeds.cycles_ending(7)
    assert rounds  # the demo nurse has visits due
    assert page.care.tabText(page.round_tab) == f"今日查床（{len(rounds)}）"
    assert page.care.tabText(page.cycles_tab) == f"周期将满（{len(ending)}）"
    for model in (page.round, page.ending):
        qtmodeltester.check(model)
    streets = [page.round.index(r, 0).data() for r in range(page.round.rowCount())]
    assert streets == sorted(streets)  # planned by street for the round
    page.care.setCurrentIndex(page.round_tab)
    snap(w, shots, "workbench-round")
    view = page.care_lists[page.round_tab]
    view.setFocus()
    view.setCurrentIndex(page.round.index(0, 0))
    assert page.current_resident() == rounds[0].bed.resident_id
    with qtbot.waitSignal(page.record_visit) as asked_for:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert asked_for.args == [rounds[0].bed.id]
    entry = w.visit_entry  # the quick entry opens over the workbench
    assert entry is not None
    qtbot.waitExposed(entry)
    entry.activateWindow()
    qtbot.waitUntil(entry.isActiveWindow)
    type_text(qtbot, entry.texts["nursing"], "更换敷料")
    with qtbot.waitSignal(page.loaded, timeout=10_000):  # recorded: the round is counted again
        qtbot.keyClick(entry, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.snapshot is not None and page.snapshot.round is not None
    assert len(page.snapshot.round) == len(rounds) - 1
