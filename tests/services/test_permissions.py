"""The permission table, enforced in services: one row per action, one column per role."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from chc_desktop.services.app import Services
from chc_desktop.services.errors import PermissionDenied, ServiceError
from chc_desktop.services.residents import Filters
from chc_desktop.store.database import Database
from tests.conftest import login
from tests.services.helpers import draft

Action = Callable[[Services], object]

ACTIONS: dict[str, Action] = {
    "list residents": lambda s: s.residents.count(Filters()),
    "search": lambda s: s.search.search("张"),
    "file a resident": lambda s: s.residents.file(draft(s)),
    "file with clinical history": lambda s: s.residents.file(draft(s, drug_allergies=("2",))),
    "list users": lambda s: s.users.list(),
    "add a user": lambda s: s.users.add("newbie", "新人", "nurse", "abc12345"),
    "change a setting": lambda s: s.settings.set("search.max_results", 60),
}
#                                   doctor nurse clerk admin
MATRIX: dict[str, tuple[bool, bool, bool, bool]] = {
    "list residents": (True, True, True, True),
    "search": (True, True, True, True),
    "file a resident": (True, True, True, False),
    "file with clinical history": (True, True, False, False),
    "list users": (True, True, True, True),
    "add a user": (False, False, False, True),
    "change a setting": (False, False, False, True),
}
ROLES = ("doctor", "nurse", "clerk", "admin")


@pytest.mark.parametrize("action", list(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(db: Database, role: str, action: str) -> None:
    services = login(db, role)
    expected = MATRIX[action][ROLES.index(role)]
    if expected:
        ACTIONS[action](services)
    else:
        with pytest.raises((PermissionDenied, ServiceError)):
            ACTIONS[action](services)


def test_clerk_sees_no_clinical_history(db: Database) -> None:
    doctor, clerk = login(db, "doctor"), login(db, "clerk")
    f = doctor.residents.file(draft(doctor, drug_allergies=("2",)))
    assert doctor.residents.get(f.id).draft.drug_allergies == ("2",)
    seen = clerk.residents.get(f.id)
    assert not seen.clinical_visible and seen.draft.drug_allergies == ()
    # A clerk saving demographics must not wipe the history they cannot see.
    from dataclasses import replace

    clerk.residents.update(f.id, replace(seen.draft, phone="13700001111"))
    assert doctor.residents.get(f.id).draft.drug_allergies == ("2",)


def test_nobody_logged_in_can_do_nothing(db: Database) -> None:
    anonymous = Services(db)
    with pytest.raises(PermissionDenied, match="登录"):
        anonymous.residents.count(Filters())


def test_undoing_a_death_is_clinical(db: Database) -> None:
    doctor, clerk = login(db, "doctor"), login(db, "clerk")
    f = doctor.residents.file(draft(doctor))
    doctor.residents.set_status(f.id, "dead", dt.date(2026, 1, 1), death_cause="肺癌")
    with pytest.raises(PermissionDenied):
        clerk.residents.set_status(f.id, "active", dt.date(2026, 1, 2))
