"""Every table model passes Qt's model tester; the resident list fetches lazily."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from chc_desktop.services.residents import Filters
from chc_desktop.store.database import Database
from chc_desktop.ui.admin.settings_page import SettingsModel
from chc_desktop.ui.admin.users_page import UserListModel
from chc_desktop.ui.residents.models import ResidentListModel, SearchResultModel
from tests.ui.conftest import as_user


def test_resident_list_model(qtmodeltester: ModelTester, ui_db: Database) -> None:
    model = ResidentListModel(as_user(ui_db, "doctor").residents)
    model.PAGE = 50  # several pages in 300 rows
    qtmodeltester.check(model)
    assert model.rowCount() == model.residents.count(Filters())
    assert len(model._pages) <= model.CACHE_PAGES
    model.sort(1)
    qtmodeltester.check(model)


def test_resident_list_fetches_only_the_pages_it_shows(ui_db: Database) -> None:
    model = ResidentListModel(as_user(ui_db, "doctor").residents)
    model.PAGE = 20
    model.data(model.index(5, 1))
    model.data(model.index(250, 1))
    assert sorted(model._pages) == [0, 12]


def test_search_result_model(qtmodeltester: ModelTester, ui_db: Database) -> None:
    model = SearchResultModel()
    model.set_rows(as_user(ui_db, "doctor").search.search("zh").rows)
    assert model.rowCount() > 0
    qtmodeltester.check(model)


def test_user_and_settings_models(qtmodeltester: ModelTester, ui_db: Database) -> None:
    admin = as_user(ui_db, "admin")
    qtmodeltester.check(UserListModel(admin))
    settings = SettingsModel(admin)
    qtmodeltester.check(settings)
    row = next(i for i, v in enumerate(settings.values) if v.parameter.key == "search.max_results")
    assert not settings.setData(settings.index(row, 1), "many")
    assert "整数" in settings.last_error
    assert settings.setData(settings.index(row, 1), "80")
    assert admin.settings.get("search.max_results") == 80


def test_settings_refused_for_a_doctor(qtbot: QtBot, ui_db: Database) -> None:
    model = SettingsModel(as_user(ui_db, "doctor"))
    assert not model.setData(model.index(0, 1), "13")
    assert "无权" in model.last_error
