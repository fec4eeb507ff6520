"""管理 → 家庭医生团队: create a team, add a nurse and a hospital's specialist, remove one, stand down."""

from __future__ import annotations

from pathlib import Path

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from chc_desktop.services.app import Services
from chc_desktop.services.sites import site_id
from chc_desktop.ui.admin.admin_page import AdminPage
from chc_desktop.ui.admin.teams_page import MemberDialog, MembersModel, TeamDialog, TeamsModel, TeamsPage
from tests.ui.conftest import snap, type_text


def test_the_demo_teams_are_listed_with_their_members(qtbot: QtBot, admin: Services, shots: Path) -> None:
    page = AdminPage(admin)
    qtbot.addWidget(page)
    assert page.teams is not None and page.tabText(page.indexOf(page.teams)) == "家庭医生团队"
    teams = page.teams
    names = [teams.teams.item(i).name for i in range(teams.teams.rowCount())]  # type: ignore[union-attr]
    assert names == ["孙医生团队", "王医生团队", "赵医生团队"]
    teams.teams_view.selectRow(1)
    assert [(m.role_label, m.name, m.hospital) for m in teams.members.items] == [
        ("社区护士", "李护士", ""),
        ("专科医师", "陈主任", "同仁医院"),
    ]
    page.setCurrentWidget(teams)
    page.resize(1000, 600)
    page.show()
    snap(page, shots, "teams")


def test_creating_a_team_and_its_members(qtbot: QtBot, admin: Services) -> None:
    page = TeamsPage(admin)
    qtbot.addWidget(page)
    dialog = TeamDialog(admin, None, page)
    qtbot.addWidget(dialog)
    dialog.accept_form()
    assert dialog.errors["name"].text() == "请填写团队名称"
    type_text(qtbot, dialog.name, "王医生团队")
    dialog.centre.select(site_id("centre", "仙霞社区卫生服务中心"))
    dialog.accept_form()
    assert dialog.errors["name"].text() == "本中心已有同名团队"
    dialog.name.clear()
    type_text(qtbot, dialog.name, "新泾二队")
    dialog.accept_form()
    assert dialog.result_team is not None and dialog.result_team.lead_doctor
    page.reload(dialog.result_team.id)
    assert page.selected() is not None and page.selected().name == "新泾二队"  # type: ignore[union-attr]

    member = MemberDialog(admin, dialog.result_team, page)
    qtbot.addWidget(member)
    assert member.user.count() == 1 and member.user.currentText() == "李护士"  # nurses only
    member.role.select("specialist")
    assert not member.form.isRowVisible(1) and member.form.isRowVisible(2)
    member.accept_form()
    assert member.errors["name"].text() == "请填写专科医师姓名"
    type_text(qtbot, member.name, "钱主任")
    member.hospital.select(site_id("hospital", "光华中西医结合医院"))
    type_text(qtbot, member.specialty, "康复医学科")
    member.accept_form()
    page.reload(dialog.result_team.id)
    assert [(m.name, m.hospital, m.specialty) for m in page.members.items] == [
        ("钱主任", "光华中西医结合医院", "康复医学科")
    ]
    page.members_view.selectRow(0)
    page.remove_member()
    assert page.members.items == [] and "签约记录保留不变" in page.message.text()
    page.toggle_active()
    assert page.selected() is not None and not page.selected().active  # type: ignore[union-attr]
    assert page.active_button.text() == "启用"


def test_a_team_with_contracts_cannot_be_stood_down_from_the_page(qtbot: QtBot, admin: Services) -> None:
    page = TeamsPage(admin)
    qtbot.addWidget(page)
    page.teams_view.selectRow(1)  # 王医生团队: demo contracts
    page.toggle_active()
    assert "仍有在约居民" in page.message.text()
    assert page.selected() is not None and page.selected().active  # type: ignore[union-attr]


def test_team_models(qtmodeltester: ModelTester, admin: Services) -> None:
    teams = TeamsModel()
    teams.set_items(admin.teams.all())
    qtmodeltester.check(teams)
    members = MembersModel()
    members.set_items(admin.teams.all()[1].members)
    qtmodeltester.check(members)
