"""What the hub itself writes: staff accounts, settings, and the reference rows every workstation
also seeds. Each is a change under the hub's own device id, merged and numbered like any pushed
change, so every workstation receives it by the ordinary pull — and no workstation can write it.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.policy import parameter
from chc_desktop.hub import schema as H
from chc_desktop.hub.rules import Rejected
from chc_desktop.hub.storage import Hub
from chc_desktop.security.accounts import AccountInfo, account_problems
from chc_desktop.security.passwords import hash_password
from chc_desktop.store.capture import row_values
from chc_desktop.store.ids import natural_id
from chc_desktop.store.models import Site


class AccountError(ValueError):
    """A request the hub cannot carry out; ``errors`` maps fields to what is wrong."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("；".join(errors.values()))
        self.errors = errors


Account = AccountInfo


def _account(row_id: uuid.UUID, d: dict[str, Any]) -> Account:
    site = d.get("site_id")
    return AccountInfo.of(
        row_id,
        str(d.get("username", "")),
        str(d.get("display_name", "")),
        str(d.get("role", "")),
        uuid.UUID(str(site)) if site else None,
        bool(d.get("active", True)),
    )


class Accounts:
    """Staff accounts and settings at the hub (for the admin API and ``chc-hub``)."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def all(self, site_id: uuid.UUID | None = None) -> list[Account]:
        r = H.ROWS.c
        with self.hub.engine.connect() as conn:
            rows = conn.execute(select(r.row_id, r.data).where(r.table_name == "staff_users")).all()
        out = [_account(rid, d) for rid, d in rows if not d.get("deleted_at")]
        if site_id is not None:
            out = [a for a in out if a.site_id == site_id]
        return sorted(out, key=lambda a: a.username)

    def get(self, user_id: uuid.UUID) -> Account:
        for a in self.all():
            if a.id == user_id:
                return a
        raise AccountError({"user": "找不到该用户"})

    def add(
        self,
        username: str,
        display_name: str,
        role: str,
        site_id: uuid.UUID,
        password: str,
        by: uuid.UUID | None = None,
        user_id: uuid.UUID | None = None,
        password_hash: str | None = None,
    ) -> Account:
        """A new account. ``user_id`` adopts a workstation's own account id (kept on its records);
        ``password_hash`` gives the hash ready made (seeding many accounts with one password)."""
        username = username.strip().lower()
        errors = account_problems(username, display_name, role, password)
        if errors:
            raise AccountError(errors)
        self._check_site(site_id)
        if any(a.username == username for a in self.all()):
            raise AccountError({"username": "该用户名已存在"})
        values = {
            "username": username,
            "display_name": display_name.strip(),
            "role": role,
            "site_id": str(site_id),
            "password_hash": password_hash or hash_password(password),
            "active": True,
        }
        rid = self._write("staff_users", user_id, values, by)
        return self.get(rid)

    def update(
        self,
        user_id: uuid.UUID,
        by: uuid.UUID | None = None,
        *,
        display_name: str | None = None,
        role: str | None = None,
        site_id: uuid.UUID | None = None,
        active: bool | None = None,
        password: str | None = None,
    ) -> Account:
        current = self.get(user_id)
        errors = account_problems(
            current.username,
            display_name if display_name is not None else current.display_name,
            role if role is not None else current.role,
            password,
        )
        if errors:
            raise AccountError(errors)
        values: dict[str, Any] = {}
        if display_name is not None:
            values["display_name"] = display_name.strip()
        if role is not None:
            values["role"] = role
        if site_id is not None:
            self._check_site(site_id)
            values["site_id"] = str(site_id)
        if active is not None:
            values["active"] = active
        if password is not None:
            values["password_hash"] = hash_password(password)
        if values:
            self._write("staff_users", user_id, values, by)
        return self.get(user_id)

    def set_setting(self, key: str, value: Any, by: uuid.UUID | None = None) -> Any:
        try:
            clean = parameter(key).coerce(value)
        except DomainError as exc:
            raise AccountError({"value": exc.message}) from None
        except KeyError:
            raise AccountError({"key": "没有这项设置"}) from None
        self._write(
            "settings", natural_id("setting", key), {"key": key, "value": clean, "deleted_at": None}, by
        )
        return clean

    def settings(self) -> dict[str, Any]:
        r = H.ROWS.c
        with self.hub.engine.connect() as conn:
            rows = conn.execute(select(r.data).where(r.table_name == "settings")).scalars().all()
        return {str(d["key"]): d.get("value") for d in rows if not d.get("deleted_at")}

    # -- reference rows every workstation also seeds

    def seed(self, rows: list[Any]) -> int:
        """Write the reference rows the hub lacks (same ids and values a workstation seeds)."""
        added = 0
        for obj in rows:
            if self.hub.row(obj.id) is None:
                self._write(type(obj).__tablename__, obj.id, row_values(obj), None)
                added += 1
        return added

    # -- plumbing

    def _check_site(self, site_id: uuid.UUID) -> None:
        site = self.hub.row(site_id)
        if site is None or site.table != "sites" or site.data.get("kind") not in ("centre", "station"):
            raise AccountError({"site": "请选择社区卫生服务中心或服务站"})

    def _write(
        self, table: str, row_id: uuid.UUID | None, values: dict[str, Any], by: uuid.UUID | None
    ) -> uuid.UUID:
        try:
            return self.hub.write(table, row_id, values, by)
        except Rejected as r:
            field = "username" if r.code == "duplicate" else "value"
            raise AccountError({field: r.reason}) from None


def seed_reference(hub: Hub) -> int:
    """The district's sites and the example service packages, as every workstation seeds them."""
    from chc_desktop.services.sites import reference_sites
    from chc_desktop.services.teams import default_packages

    accounts = Accounts(hub)
    return accounts.seed(reference_sites()) + accounts.seed(default_packages())


def seed_demo(hub: Hub, password: str = "demo1234", password_hash: str | None = None) -> dict[str, uuid.UUID]:
    """For trying a hub out (and for the tests): the synthetic 居委 of every street and the demo
    accounts of 仙霞社区卫生服务中心. Returns the accounts' ids by user name."""
    from chc_desktop.services.demo import DEMO_ACCOUNTS, demo_committees
    from chc_desktop.services.sites import site_id

    accounts = Accounts(hub)
    streets = [
        Site(id=rid, kind=d["kind"], code=d.get("code"), name=d["name"])
        for rid, d in hub.rows_of("sites")
        if d.get("kind") == "street"
    ]
    accounts.seed(list(demo_committees(streets).values()))
    centre = site_id("centre", "仙霞社区卫生服务中心")
    have = {a.username: a.id for a in accounts.all()}
    for username, display, role, _ in DEMO_ACCOUNTS:
        if username not in have:
            have[username] = accounts.add(
                username, display, role, centre, password, password_hash=password_hash
            ).id
    return have


__all__ = ["Account", "AccountError", "Accounts", "seed_demo", "seed_reference"]
