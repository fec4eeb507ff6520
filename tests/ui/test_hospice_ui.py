"""The hospice UI: the assessment form with its live result (eligibility, 居家 / 机构 and why), an
impossible input, the override reason, save and sign; the resident's 安宁疗护 tab with its versions,
revision, the referral to the regional centre, home hospice, consultations and the death outcome;
the trend chart; and screenshots to look at."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QSpinBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from chc_desktop.domain.hospice import ESAS_ITEMS
from chc_desktop.services.app import Services
from chc_desktop.services.hospice import REGIONAL_CENTRE, AssessmentInfo
from chc_desktop.store.database import Database
from chc_desktop.store.models import HospiceAssessment
from chc_desktop.ui.hospice import AssessmentEditor, HospiceTab, TrendChart
from chc_desktop.ui.hospice.hospice_tab import ConsultationDialog, HomeCareDialog
from chc_desktop.ui.hospice.models import ConsultationModel, HomeCareModel, VersionRow, VersionsModel
from chc_desktop.ui.widgets import SearchableCombo
from tests.conftest import TODAY
from tests.services.helpers import draft, id_number
from tests.services.test_hospice import ESAS_OK, HOME
from tests.ui.conftest import as_user, snap, type_text


@pytest.fixture
def rid(doctor: Services) -> uuid.UUID:
    """A resident of the demo database's street, filed for these tests."""
    return doctor.residents.file(
        draft(doctor, name="安宁测试", id_number=id_number("19480303", "701"), phone="")
    ).id


def editor_for(
    qtbot: QtBot, services: Services, rid: uuid.UUID, aid: uuid.UUID | None = None
) -> AssessmentEditor:
    editor = AssessmentEditor(services, rid, aid, resident_name="安宁测试")
    qtbot.addWidget(editor)
    editor.resize(1280, 820)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()  # keys and shortcuts go to the active window
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def tab_for(qtbot: QtBot, services: Services, rid: uuid.UUID) -> HospiceTab:
    tab = HospiceTab(services, services.residents.get(rid))
    qtbot.addWidget(tab)
    tab.resize(1010, 600)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def at(services: Services, day: dt.date) -> Services:
    """The same user on another day (versions on different dates)."""
    return Services(services.db, services.user, day)


def three_versions(doctor: Services, rid: uuid.UUID) -> list[AssessmentInfo]:
    """Four weeks of decline: signed on day −28 and −14, an unsigned third version today."""
    early, mid = at(doctor, TODAY - dt.timedelta(days=28)), at(doctor, TODAY - dt.timedelta(days=14))
    better = replace(HOME, kps=60, pps=60, esas={**ESAS_OK, "items": dict.fromkeys(ESAS_ITEMS, 2)})
    first = early.hospice.sign(early.hospice.save(rid, better).id)
    second = mid.hospice.sign(mid.hospice.save(rid, HOME, assessment_id=mid.hospice.revise(first.id).id).id)
    worse = replace(
        HOME, kps=40, pps=30, esas={**ESAS_OK, "items": {**ESAS_OK["items"], "pain": 8, "breath": 7}}
    )
    third = doctor.hospice.save(rid, worse, assessment_id=doctor.hospice.revise(second.id).id)
    return [first, second, third]


def say_yes(monkeypatch: pytest.MonkeyPatch, asked: list[str]) -> None:
    def question(_parent: object, _title: str, text: str, *args: object, **kwargs: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)


def retype(qtbot: QtBot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


# ---------------------------------------------------------------- models
def test_the_table_models(qtmodeltester: ModelTester, doctor: Services, rid: uuid.UUID) -> None:
    versions, home, consultations = VersionsModel(), HomeCareModel(), ConsultationModel()
    for model in (versions, home, consultations):
        qtmodeltester.check(model)
    infos = three_versions(doctor, rid)
    mid = at(doctor, TODAY - dt.timedelta(days=14))
    mid.hospice.start_home_care(infos[1].id, TODAY - dt.timedelta(days=14), "舒缓照顾型家庭病床")
    doctor.hospice.consult(rid, TODAY, "同仁医院 周主任", "加用芬太尼透皮贴", REGIONAL_CENTRE)
    versions.set_items([VersionRow(a, True if a.signed else None, a is infos[-1]) for a in reversed(infos)])
    home.set_items(doctor.hospice.home_care(rid))
    consultations.set_items(doctor.hospice.consultations(rid))
    for model in (versions, home, consultations):
        qtmodeltester.check(model)
    texts = [versions.data(versions.index(0, c)) for c in range(versions.columnCount())]
    assert texts == [
        "2026-11-24",
        "3",
        "40",
        "30%",
        "3.5",
        "36",
        "60",
        "符合",
        "机构",
        "未签署",
        "2026-12-01",
    ]
    red = versions.data(versions.index(0, VersionsModel.REVIEW), Qt.ItemDataRole.ForegroundRole)
    assert red is not None and red.color().name() == "#b3261e"  # the latest version's review is due
    assert versions.data(versions.index(1, VersionsModel.REVIEW), Qt.ItemDataRole.ForegroundRole) is None
    assert home.data(home.index(0, 1)) == "进行中" and home.data(home.index(0, 2)) == "第 2 版"
    assert consultations.data(consultations.index(0, 2)) == "程家桥社区卫生服务中心"


# ---------------------------------------------------------------- the form
def test_filling_the_form_shows_the_live_result(
    qtbot: QtBot, doctor: Services, rid: uuid.UUID, shots: Path
) -> None:
    e = editor_for(qtbot, doctor, rid)
    p = e.panel
    assert p.eligible.text() == "不符合安宁疗护条件" and "非终末期疾病" in p.reasons.text()
    assert e.chosen_setting() is None and not e.override_reason.isVisible()

    type_text(qtbot, e.diagnosis, "胰腺癌")
    type_text(qtbot, e.icd10, "C25.9")
    retype(qtbot, e.survival, "3")
    e.kps.setFocus()
    qtbot.keyClicks(e.kps, "50")  # the score at the start of the item selects it
    assert e.kps.currentData() == 50 and p.figures["kps"].text().startswith("50 — 常需要人照料")
    # PPS by the five columns, left column first
    qtbot.mouseClick(e.guide_button, Qt.MouseButton.LeftButton)
    assert e.guide.isVisible()
    for key, value in (
        ("ambulation", "sit_lie"),
        ("activity", "no_work"),
        ("self_care", "considerable"),
        ("intake", "reduced"),
        ("conscious", "full"),
    ):
        combo = e.guide_combos[key]
        combo.setCurrentIndex(combo.index_of(value))
    assert e.pps.currentData() == 50 and e.guide_result.text() == "按栏目引导：PPS 50%"
    assert p.figures["pps"].text() == "50%"

    e.ppi_box.setChecked(True)  # oral intake not chosen yet: the service says so, in red
    assert p.error.isVisible() and p.error.text() == "请选择经口进食情况" and p.eligible.text() == "—"
    e.oral_intake.setCurrentIndex(e.oral_intake.index_of("moderate"))
    assert not p.error.isVisible() and p.figures["ppi"].text() == "3.5 分（B 组）\n预计生存期 6 周或以上"

    e.esas_box.setChecked(True)
    for key in ESAS_ITEMS:
        retype(qtbot, e.esas_items[key], "3")
    e.esas_by.setCurrentIndex(e.esas_by.index_of("patient"))
    assert p.figures["esas"].text() == "总分 27 / 90\n无重度症状"
    e.barthel_box.setChecked(True)
    for key, combo in e.barthel.items():
        combo.setCurrentIndex(combo.index_of(HOME.barthel[key] if HOME.barthel else 0))
    assert p.figures["barthel"].text() == "60 分，中度依赖"
    assert p.figures["self_care"].text() == "未评"
    for box in (e.caregiver, e.caregiver_capable, e.caregiver_24h, e.home_suitable, e.consent_share):
        box.setChecked(True)
    e.wish.setCurrentIndex(e.wish.index_of("home"))
    assert p.eligible.text() == "不符合安宁疗护条件"
    assert "非终末期疾病" in p.reasons.text() and "尚未知情同意接受安宁疗护" in p.reasons.text()

    qtbot.mouseClick(e.end_stage, Qt.MouseButton.LeftButton)
    assert p.eligible.text() == "不符合安宁疗护条件" and "非终末期疾病" not in p.reasons.text()
    qtbot.mouseClick(e.consent_care, Qt.MouseButton.LeftButton)
    assert p.eligible.text() == "符合安宁疗护条件" and p.setting.text() == "居家安宁疗护"
    assert "• 患者希望居家" in p.reasons.text() and e.chosen_setting() == "home"

    for key, value in HOME.coordination.items():
        combo = e.coordination[key]
        assert isinstance(combo, SearchableCombo)
        combo.setFocus()
        type_text(qtbot, combo, {"home": "家", "dnacpr": "不实施"}[value])  # typed, as on the form
        assert combo.currentData() == value
    retype(qtbot, e.esas_items["pain"], "7")  # an uncontrolled symptom: 机构
    assert p.setting.text() == "机构安宁疗护"
    assert "症状未控制（ESAS-r 最高 7 分）" in p.reasons.text()
    assert p.figures["esas"].text() == "总分 31 / 90\n重度：疼痛"
    assert e.chosen_setting() == "inpatient" and not e.override_reason.isVisible()  # it follows the rule
    snap(e, shots, "hospice-editor")

    retype(qtbot, e.esas_items["pain"], "3")
    assert p.setting.text() == "居家安宁疗护" and e.chosen_setting() == "home"
    assert e.draft() == HOME


def test_an_impossible_input_shows_the_services_message(
    qtbot: QtBot, doctor: Services, rid: uuid.UUID, shots: Path
) -> None:
    e = editor_for(qtbot, doctor, rid)
    e.load_draft(replace(HOME, pps=None))
    p = e.panel
    assert p.error.text() == "计算 PPI 需先评 PPS" and p.setting.text() == "—"
    e.pps.setCurrentIndex(e.pps.index_of(0))
    assert p.error.text() == "PPS 为 0%（死亡）时不计算 PPI"
    e.pps.setCurrentIndex(e.pps.index_of(50))
    assert not p.error.isVisible() and p.setting.text() == "居家安宁疗护"
    second = e.coordination["care_place_2"]
    assert isinstance(second, SearchableCombo)
    second.setCurrentIndex(second.index_of("home"))
    assert p.error.text() == "“次选照护地点”与首选相同"
    snap(e, shots, "hospice-editor-refused")
    e.esas_other_name.clear()
    retype(qtbot, e.esas_other_score, "5")  # a score without saying what the problem is
    assert "其他问题" in p.error.text()
    qtbot.mouseClick(e.save_button, Qt.MouseButton.LeftButton)  # the service refuses the save alike
    assert e.isVisible() and e.message.text() == "请先改正右侧红字所示的问题"
    assert doctor.hospice.history(rid) == []


def test_another_arrangement_needs_a_reason(qtbot: QtBot, doctor: Services, rid: uuid.UUID) -> None:
    e = editor_for(qtbot, doctor, rid)
    e.load_draft(HOME)
    assert e.panel.setting.text() == "居家安宁疗护" and not e.override_reason.isVisible()
    qtbot.mouseClick(e.setting_buttons["inpatient"], Qt.MouseButton.LeftButton)
    assert e.override_reason.isVisible() and e.override_label.text() == "与建议不同的理由（必填）"
    with qtbot.assertNotEmitted(e.saved):
        qtbot.mouseClick(e.save_button, Qt.MouseButton.LeftButton)
    assert e.errors["override_reason"].text() == "与建议不同的安排须写明理由" and e.isVisible()
    qtbot.mouseClick(e.setting_buttons["home"], Qt.MouseButton.LeftButton)  # back to the rule's choice
    assert not e.override_reason.isVisible() and not e.errors["override_reason"].isVisible()
    qtbot.mouseClick(e.setting_buttons["inpatient"], Qt.MouseButton.LeftButton)
    type_text(qtbot, e.override_reason, "照护者下月出国")
    with qtbot.waitSignal(e.saved) as saved:
        qtbot.keyClick(e.override_reason, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    a = doctor.hospice.get(saved.args[0])
    assert (a.recommended_setting, a.chosen_setting, a.override_reason) == (
        "home",
        "inpatient",
        "照护者下月出国",
    )
    assert not a.signed and e.result() == QDialog.DialogCode.Accepted


def test_save_and_sign_then_revise(
    qtbot: QtBot,
    doctor: Services,
    rid: uuid.UUID,
    monkeypatch: pytest.MonkeyPatch,
    asked: list[str],
    shots: Path,
) -> None:
    e = editor_for(qtbot, doctor, rid)
    e.load_draft(HOME)
    with qtbot.assertNotEmitted(e.saved):  # the question is answered 放弃 (not Yes): nothing happens
        qtbot.mouseClick(e.sign_button, Qt.MouseButton.LeftButton)
    assert "签署后评估将被锁定" in asked[-1] and doctor.hospice.history(rid) == []
    say_yes(monkeypatch, asked)
    with qtbot.waitSignal(e.saved) as saved:
        qtbot.mouseClick(e.sign_button, Qt.MouseButton.LeftButton)
    signed = doctor.hospice.get(saved.args[0])
    assert signed.signed and signed.draft == HOME and doctor.hospice.verify(signed.id)

    again = editor_for(qtbot, doctor, rid, signed.id)  # read-only, with 修订 offered
    assert again.read_only and not again.columns.isEnabled() and not again.save_button.isVisible()
    assert again.revise_button.isVisible() and again.cancel_button.text() == "关闭"
    assert again.status.text() == "第 1 版　2026-11-24 评估　已签署（只读）"
    assert again.panel.setting.text() == "居家安宁疗护" and not again.tampered.isVisible()
    snap(again, shots, "hospice-editor-signed")
    with qtbot.waitSignal(again.saved) as revised:
        qtbot.mouseClick(again.revise_button, Qt.MouseButton.LeftButton)
    second = doctor.hospice.get(revised.args[0])
    assert (second.version, second.signed) == (2, False)
    assert not again.read_only and again.save_button.isVisible() and again.status.text().startswith("第 2 版")
    qtbot.mouseClick(again.end_stage, Qt.MouseButton.LeftButton)
    assert again.panel.eligible.text() == "不符合安宁疗护条件" and again.chosen_setting() is None
    with qtbot.waitSignal(again.saved):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert [a.version for a in doctor.hospice.history(rid)] == [1, 2]
    assert doctor.hospice.get(second.id).eligible is False


def test_cancel_asks_before_discarding(
    qtbot: QtBot, doctor: Services, rid: uuid.UUID, asked: list[str]
) -> None:
    e = editor_for(qtbot, doctor, rid)
    qtbot.keyClick(e, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert not e.isVisible() and asked == []
    e = editor_for(qtbot, doctor, rid)
    type_text(qtbot, e.diagnosis, "肺癌")
    qtbot.keyClick(e.diagnosis, Qt.Key.Key_Escape)
    assert asked == ["有未保存的修改。放弃这些修改吗？"] and not e.isVisible()


def test_a_nurse_assesses_but_does_not_sign(qtbot: QtBot, ui_db: Database, rid: uuid.UUID) -> None:
    nurse = as_user(ui_db, "nurse")
    e = editor_for(qtbot, nurse, rid)
    assert e.save_button.isVisible() and not e.sign_button.isVisible()
    tab = tab_for(qtbot, nurse, rid)
    assert not tab.sign_button.isVisible() and not tab.refer_button.isVisible()
    assert tab.new_button.isEnabled()


# ---------------------------------------------------------------- the tab
def test_the_tab_lists_every_version(qtbot: QtBot, doctor: Services, rid: uuid.UUID, shots: Path) -> None:
    three_versions(doctor, rid)
    mid = at(doctor, TODAY - dt.timedelta(days=14))
    second = doctor.hospice.history(rid)[1]
    mid.hospice.start_home_care(second.id, TODAY - dt.timedelta(days=14), "舒缓照顾型家庭病床")
    doctor.hospice.consult(
        rid, TODAY - dt.timedelta(days=3), "同仁医院 周主任", "加用芬太尼透皮贴 25μg/h，每 72 小时更换"
    )
    tab = tab_for(qtbot, doctor, rid)
    assert tab.versions.rowCount() == 3 and [r.info.version for r in tab.versions.items] == [3, 2, 1]
    assert tab.summary.text().startswith(
        "最近评估：第 3 版（2026-11-24），未签署<br>符合安宁疗护条件，安排：机构"
    )
    assert "居家安宁疗护进行中（自 2026-11-10 起）" in tab.summary.text()
    assert tab.selected() is not None and tab.selected().version == 3  # type: ignore[union-attr]
    assert tab.sign_button.isEnabled() and not tab.revise_button.isEnabled()
    assert len(tab.chart.points) == 3 and tab.home.rowCount() == 1 and tab.consultations.rowCount() == 1
    assert not tab.tampered.isVisible() and not tab.outcome_label.isVisible()
    snap(tab, shots, "hospice-tab")


def test_open_sign_and_revise_from_the_tab(
    qtbot: QtBot, doctor: Services, rid: uuid.UUID, monkeypatch: pytest.MonkeyPatch, asked: list[str]
) -> None:
    tab = tab_for(qtbot, doctor, rid)
    assert tab.summary.text() == "尚无安宁疗护评估。" and not tab.open_button.isEnabled()
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    editor = tab.editor
    assert editor is not None and editor.isVisible() and editor.info is None
    editor.load_draft(HOME)
    with qtbot.waitSignal(tab.hospice_changed):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert tab.versions.rowCount() == 1 and tab.message.text() == "第 1 版已保存。"

    tab.versions_view.setFocus()
    qtbot.keyClick(tab.versions_view, Qt.Key.Key_Return)  # Enter opens the current row
    assert tab.editor is not None and tab.editor.info is not None and tab.editor.info.version == 1
    tab.editor.reject()

    say_yes(monkeypatch, asked)
    qtbot.mouseClick(tab.sign_button, Qt.MouseButton.LeftButton)
    assert "签署第 1 版评估？" in asked[-1] and tab.versions.items[0].info.signed
    assert tab.versions.data(tab.versions.index(0, VersionsModel.SIGNED)) == "已签署"
    assert tab.revise_button.isEnabled() and not tab.sign_button.isEnabled()
    qtbot.mouseClick(tab.revise_button, Qt.MouseButton.LeftButton)
    assert [r.info.version for r in tab.versions.items] == [2, 1]
    assert tab.editor is not None and tab.editor.info is not None and tab.editor.info.version == 2
    assert not tab.editor.read_only
    tab.editor.reject()


def test_a_change_after_signing_is_shown_in_red(qtbot: QtBot, doctor: Services, rid: uuid.UUID) -> None:
    a = doctor.hospice.sign(doctor.hospice.save(rid, HOME).id)
    with doctor.db.unit_of_work(None) as s:  # a change behind the program's back
        row = s.get(HospiceAssessment, a.id)
        assert row is not None
        row.inputs = {**row.inputs, "kps": 70}
    tab = tab_for(qtbot, doctor, rid)
    assert tab.tampered.isVisible() and "签署后内容已被改动" in tab.tampered.text()
    assert tab.versions.data(tab.versions.index(0, VersionsModel.SIGNED)) == "已签署，签署后内容已被改动"
    e = editor_for(qtbot, doctor, rid, a.id)
    assert e.tampered.isVisible()


def test_a_review_that_is_due_is_red(qtbot: QtBot, doctor: Services, rid: uuid.UUID) -> None:
    doctor.hospice.sign(doctor.hospice.save(rid, HOME).id)
    later = at(doctor, TODAY + dt.timedelta(days=15))
    tab = tab_for(qtbot, later, rid)
    assert "下次复评：<span" in tab.summary.text() and "2026-12-08（已到期）" in tab.summary.text()
    brush = tab.versions.data(tab.versions.index(0, VersionsModel.REVIEW), Qt.ItemDataRole.ForegroundRole)
    assert brush is not None


def test_refer_to_the_regional_centre(
    qtbot: QtBot, doctor: Services, rid: uuid.UUID, asked: list[str]
) -> None:
    a = doctor.hospice.save(rid, HOME, "inpatient", "家属要求住院")
    tab = tab_for(qtbot, doctor, rid)
    assert not tab.refer_button.isEnabled()  # not signed yet
    doctor.hospice.sign(a.id)
    tab.refresh()
    assert tab.refer_button.isEnabled()
    with qtbot.waitSignal(tab.referral_created) as created:
        qtbot.mouseClick(tab.refer_button, Qt.MouseButton.LeftButton)
    ref = doctor.referrals.get(created.args[0])
    assert (ref.direction, ref.to_site_id, ref.department, ref.status_label) == (
        "up",
        REGIONAL_CENTRE,
        "安宁疗护科",
        "草稿",
    )
    assert "已生成转出转诊单草稿" in asked[-1] and tab.message.text() == asked[-1]


def test_home_hospice_starts_and_ends(
    qtbot: QtBot, doctor: Services, rid: uuid.UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    doctor.hospice.save(rid, replace(HOME, esas={**ESAS_OK, "items": {**ESAS_OK["items"], "pain": 8}}))
    tab = tab_for(qtbot, doctor, rid)
    inpatient = tab.selected()
    assert inpatient is not None and not tab.start_button.isEnabled()  # unsigned, and 机构
    home = doctor.hospice.sign(doctor.hospice.save(rid, HOME).id)
    tab.refresh(home.id)
    assert tab.start_button.isEnabled() and not tab.end_button.isEnabled()
    shown: list[HomeCareDialog] = []

    def fill_and_accept(dialog: HomeCareDialog) -> int:
        shown.append(dialog)
        if dialog.episode is None:
            type_text(qtbot, dialog.note, "舒缓照顾型家庭病床")
        dialog.accept_form()
        return int(dialog.result())

    monkeypatch.setattr(HomeCareDialog, "exec", fill_and_accept)
    qtbot.mouseClick(tab.start_button, Qt.MouseButton.LeftButton)
    episodes = doctor.hospice.home_care(rid)
    assert len(episodes) == 1 and episodes[0].note == "舒缓照顾型家庭病床" and episodes[0].ended_on is None
    assert (
        tab.home.data(tab.home.index(0, 1)) == "进行中"
        and tab.message.text() == "已开始居家安宁疗护，并已提交舒缓照顾型家庭病床申请（待中心登记建床）。"
    )
    assert not tab.start_button.isEnabled() and tab.end_button.isEnabled()
    qtbot.mouseClick(tab.end_button, Qt.MouseButton.LeftButton)
    assert doctor.hospice.home_care(rid)[0].ended_on == TODAY
    assert tab.home.data(tab.home.index(0, 1)) == TODAY.isoformat() and tab.start_button.isEnabled()
    assert shown[0].windowTitle() == "开始居家安宁疗护" and shown[1].windowTitle() == "结束居家安宁疗护"


def test_record_a_consultation(
    qtbot: QtBot, doctor: Services, rid: uuid.UUID, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = tab_for(qtbot, doctor, rid)
    refused: list[str] = []

    def fill_and_accept(dialog: ConsultationDialog) -> int:
        dialog.accept_form()  # nothing filled in: refused, under each field
        refused.extend(dialog.errors[k].text() for k in ("consultant", "advice"))
        type_text(qtbot, dialog.consultant, "同仁医院 周主任")
        type_text(qtbot, dialog.advice, "加用芬太尼透皮贴")
        dialog.site.setCurrentIndex(dialog.site.index_of(REGIONAL_CENTRE))
        dialog.accept_form()
        return int(dialog.result())

    monkeypatch.setattr(ConsultationDialog, "exec", fill_and_accept)
    qtbot.mouseClick(tab.consult_button, Qt.MouseButton.LeftButton)
    assert refused == ["请填写会诊医生", "请填写会诊意见"]
    assert [tab.consultations.data(tab.consultations.index(0, c)) for c in range(4)] == [
        TODAY.isoformat(),
        "同仁医院 周主任",
        "程家桥社区卫生服务中心",
        "加用芬太尼透皮贴",
    ]
    assert tab.message.text() == "已记录会诊。"


@pytest.mark.parametrize(
    ("death_place", "preferred", "expected"),
    [
        ("home", {"death_place_1": "home"}, "已于 2026-11-20 在家中离世，与首选离世地点相符"),
        (
            "hospital",
            {"death_place_1": "home"},
            "已于 2026-11-20 在医院离世，与首选离世地点不符（首选：家中）",
        ),
        ("home", {}, "已于 2026-11-20 在家中离世，离世地点偏好未记录"),
        ("", {"death_place_1": "home"}, "已于 2026-11-20 离世（离世地点未登记）"),
    ],
)
def test_the_death_outcome(
    qtbot: QtBot, doctor: Services, rid: uuid.UUID, death_place: str, preferred: dict[str, str], expected: str
) -> None:
    doctor.hospice.sign(doctor.hospice.save(rid, replace(HOME, coordination=preferred)).id)
    doctor.residents.set_status(
        rid, "dead", dt.date(2026, 11, 20), death_cause="肺癌", death_place=death_place
    )
    tab = tab_for(qtbot, doctor, rid)
    assert tab.outcome_label.isVisible() and tab.outcome_label.text() == expected
    assert not tab.new_button.isEnabled() and not tab.start_button.isEnabled()


# ---------------------------------------------------------------- the chart
def test_the_chart_paints_with_none_one_and_three(qtbot: QtBot, doctor: Services, rid: uuid.UUID) -> None:
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.resize(460, 220)
    assert not chart.grab().isNull()  # empty: a line of text
    one = doctor.hospice.save(rid, replace(HOME, esas=None))
    chart.set_history([one])
    assert chart.points[0].esas is None and not chart.grab().isNull()
    infos = three_versions(
        doctor,
        doctor.residents.file(
            draft(doctor, name="安宁乙", id_number=id_number("19500404", "702"), phone="")
        ).id,
    )
    chart.set_history(infos)
    assert [p.pps for p in chart.points] == [60, 50, 30] and [p.esas for p in chart.points] == [18, 27, 36]
    for size in ((460, 220), (900, 300), (120, 60), (1, 1)):
        chart.resize(*size)
        assert not chart.grab().isNull()
    chart.resize(460, 220)
    chart.grab()
    assert chart.tooltip_at(chart._xs[-1]).startswith(
        "2026-11-24（第 3 版）\nKPS 40　PPS 30%　ESAS-r 总分 36"
    )
    assert chart.tooltip_at(-100) == ""


def test_the_chart_keeps_the_last_version_of_a_day(doctor: Services, rid: uuid.UUID, qtbot: QtBot) -> None:
    first = doctor.hospice.sign(doctor.hospice.save(rid, HOME).id)
    second = doctor.hospice.save(rid, replace(HOME, pps=40), assessment_id=doctor.hospice.revise(first.id).id)
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.set_history([first, second])
    assert [(p.version, p.pps) for p in chart.points] == [(2, 40)]
