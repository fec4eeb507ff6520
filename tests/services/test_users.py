"""Accounts: the first administrator, Argon2id hashes, lockout after repeated failures."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from chc_desktop.services.app import Services, open_database
from chc_desktop.services.errors import LoginFailed, ServiceError, ValidationFailed
from chc_desktop.services.users import create_first_admin
from chc_desktop.store.database import Database
from chc_desktop.store.models import StaffUser


def test_first_administrator_then_never_again(tmp_path: Path) -> None:
    db = open_database(tmp_path / "fresh.db")
    services = Services(db)
    assert services.needs_first_admin()
    with pytest.raises(ValidationFailed) as info:
        create_first_admin(db, "admin", "管理员", "short")
    assert "password" in info.value.errors
    create_first_admin(db, "Admin", "管理员", "secret123")
    assert not services.needs_first_admin()
    assert services.login("admin", "secret123").user is not None
    with pytest.raises(ServiceError):
        create_first_admin(db, "second", "又一个", "secret123")


def test_passwords_are_stored_as_argon2id(db: Database) -> None:
    with db.reader() as s:
        hashes = list(s.scalars(select(StaffUser.password_hash)))
    assert hashes and all(h.startswith("$argon2id$") and "demo1234" not in h for h in hashes)


def test_lockout_after_repeated_failures(db: Database) -> None:
    services = Services(db)
    for _ in range(4):
        with pytest.raises(LoginFailed, match=r"^用户名或密码不正确$"):
            services.login("nurse", "wrong-pass1")
    with pytest.raises(LoginFailed, match="已锁定 15 分钟"):  # the last failure says for how long
        services.login("nurse", "wrong-pass1")
    with pytest.raises(LoginFailed, match="锁定"):
        services.login("nurse", "demo1234")  # even the right password, while locked


def test_an_unknown_name_and_a_wrong_password_answer_alike_in_words_and_time(db: Database) -> None:
    """User names cannot be found out at the login: the same message, and the same Argon2 work
    (before: 3 ms for an unknown name, 580 ms for a known one)."""
    services = Services(db)

    def refused(name: str) -> tuple[str, float]:
        t = time.perf_counter()
        with pytest.raises(LoginFailed) as info:
            services.login(name, "whatever1")
        return str(info.value), time.perf_counter() - t

    refused("warm-up")
    unknown = [refused("nobody") for _ in range(3)]
    wrong = [refused(name) for name in ("doctor", "doctor2", "doctor3")]  # once each: no lockout
    assert {m for m, _ in unknown} == {m for m, _ in wrong} == {"用户名或密码不正确"}
    ratio = statistics.median(t for _, t in unknown) / statistics.median(t for _, t in wrong)
    assert 0.5 < ratio < 2.0, ratio


def test_admin_manages_users(admin: Services) -> None:
    info = admin.users.add("nurse2", "赵护士", "nurse", "abc12345")
    with pytest.raises(ValidationFailed, match="已存在"):
        admin.users.add("nurse2", "赵护士", "nurse", "abc12345")
    admin.users.set_active(info.id, False)
    with pytest.raises(LoginFailed):
        Services(admin.db).login("nurse2", "abc12345")
    with pytest.raises(ServiceError, match="自己"):
        admin.users.set_active(admin.user.id, False)  # type: ignore[union-attr]
