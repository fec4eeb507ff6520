"""Every table model passes Qt's model tester; the resident list fetches lazily and sorts in the database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from chc_desktop.services.app import Services
from chc_desktop.services.residents import Filters
from chc_desktop.ui.admin.committees_page import CommitteeListModel
from chc_desktop.ui.admin.settings_page import SettingsModel
from chc_desktop.ui.admin.users_page import UserListModel
from chc_desktop.ui.residents.models import AGE_COLUMN, ResidentListModel, SearchResultModel
from tests.ui.conftest import DEMO_SIZE


def test_resident_list_model(qtmodeltester: ModelTester, doctor: Services) -> None:
    model = ResidentListModel(doctor.residents)
    model.PAGE = 40  # several pages in 300 rows
    model.CACHE_PAGES = 3  # and a cache smaller than the list
    qtmodeltester.check(model)
    assert model.rowCount() == doctor.residents.count(Filters()) > 0
    model.sort(1, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_filters(Filters(status=None, key_population="elderly65"))
    qtmodeltester.check(model)


def test_resident_list_fetches_only_the_pages_it_shows(doctor: Services) -> None:
    model = ResidentListModel(doctor.residents, defer_jumps=False)
    model.PAGE = 20
    model.CACHE_PAGES = 2
    assert model.rowCount() == DEMO_SIZE and model.fetches == 0  # counted, nothing fetched yet
    model.data(model.index(5, 1))
    model.data(model.index(250, 1))
    model.data(model.index(251, 1))
    assert model.fetches == 2  # pages 0 and 12
    model.data(model.index(120, 1))  # page 6: the oldest page (0) leaves the cache
    model.data(model.index(6, 1))
    assert model.fetches == 4


def test_sorting_is_done_by_the_database(doctor: Services) -> None:
    model = ResidentListModel(doctor.residents)
    model.sort(AGE_COLUMN, Qt.SortOrder.AscendingOrder)
    ages = [model.data(model.index(i, AGE_COLUMN)) for i in range(model.rowCount())]
    assert ages == sorted(ages) and ages[0] < ages[-1]
    model.sort(AGE_COLUMN, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, AGE_COLUMN)) == max(ages)
    model.sort(7, Qt.SortOrder.AscendingOrder)  # 街道: not sortable, nothing changes
    assert model.sort_column == AGE_COLUMN


def test_search_result_model(qtmodeltester: ModelTester, doctor: Services) -> None:
    model = SearchResultModel()
    model.set_rows(doctor.search.search("wang").rows)
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    assert model.data(model.index(0, 5)) in ("拼音", "拼音首字母")


def test_admin_models(qtmodeltester: ModelTester, admin: Services) -> None:
    users = UserListModel(admin)
    qtmodeltester.check(users)
    assert [users.data(users.index(i, 0)) for i in range(users.rowCount())] == [
        "admin",
        "clerk",
        "doctor",
        "doctor2",
        "doctor3",
        "nurse",
    ]
    qtmodeltester.check(SettingsModel(admin))
    committees = CommitteeListModel(admin)
    qtmodeltester.check(committees)
    committees.set_street(admin.sites.list("street")[0])
    assert committees.rowCount() == 12
    qtmodeltester.check(committees)


def test_settings_model_edits_through_the_service(admin: Services, doctor: Services) -> None:
    settings = SettingsModel(admin)
    row = next(i for i, v in enumerate(settings.values) if v.parameter.key == "search.max_results")
    index = settings.index(row, 1)
    refused: list[str] = []
    settings.refused.connect(refused.append)
    assert not settings.setData(index, "many")
    assert refused and "整数" in refused[0]
    assert settings.setData(index, "80")
    assert admin.settings.get("search.max_results") == 80
    assert settings.data(index) == "80" and settings.data(index, Qt.ItemDataRole.FontRole).bold()
    assert not SettingsModel(doctor).setData(index, "60")  # the service refuses a doctor


def test_a_jump_is_fetched_once_the_view_settles(qtbot: QtBot, doctor: Services) -> None:
    model = ResidentListModel(doctor.residents)
    model.PAGE = 20
    assert model.data(model.index(3, 1)) is not None  # the first page: at once
    assert model.data(model.index(30, 1)) is not None  # the next page: at once (scrolling)
    for row in (100, 150, 200):  # dragging the scroll bar: one paint per position
        assert model.data(model.index(row, 1)) is None
        qtbot.wait(ResidentListModel.JUMP_DELAY_MS // 3)
    assert [model.data(model.index(row, 1)) for row in (275, 290)] == [None, None]  # where it stops
    assert model.fetches == 2
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.row()))
    qtbot.waitUntil(lambda: bool(changed))
    assert changed == [260, 280]  # only the pages of the last paint: where the view came to rest
    assert model.fetches == 4
    resting = model.row(290)
    assert resting is not None and model.data(model.index(290, 1)) == resting.name
    assert model.data(model.index(100, 1)) is None  # passed on the way: not fetched (yet)
