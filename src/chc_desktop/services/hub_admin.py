"""Accounts and settings on an enrolled workstation: they belong to the hub, so the workstation's
admin pages change them through the hub's admin API (online), never by a local row the hub would
refuse. An administrator logs in to the hub once per session with their own password; what the
hub then holds is fetched back at once, so the change shows here without waiting for a sync.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from chc_desktop.services.context import Context
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.services.hub_link import connect
from chc_desktop.services.hub_link import enrolled as enrolled_db
from chc_desktop.sync.client import HubClient
from chc_desktop.sync.device import DeviceSync
from chc_desktop.sync.protocol import HubRefused, HubRejected, SyncError

ADMIN_TIMEOUT_S = 15.0


class NeedHubLogin(ServiceError):
    """The hub wants this administrator's password (once per session) before changing accounts."""


def enrolled(ctx: Context) -> bool:
    return enrolled_db(ctx.db)


class HubAdmin:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def _client(self) -> HubClient:
        return connect(self.ctx, timeout=ADMIN_TIMEOUT_S)

    def login(self, password: str) -> None:
        user = self.ctx.user
        if user is None:
            raise ServiceError("请先登录")
        client = self._client()
        try:
            self.ctx.hub_session = client.admin_login(user.username, password)
        except HubRefused as exc:
            raise NeedHubLogin(str(exc)) from None
        finally:
            client.close()

    def call(self, method: str, path: str, body: Any = None) -> Any:
        if not self.ctx.hub_session:
            raise NeedHubLogin("修改账户和设置需要连接中心：请输入您的密码登录中心。")
        session = self.ctx.hub_session

        def refused(exc: HubRefused) -> ServiceError:
            self.ctx.hub_session = None  # expired or withdrawn: ask again
            return NeedHubLogin(f"{exc}。请重新输入密码登录中心。")

        return self._online(lambda c: c.admin(session, method, path, body), refused, "value", "账户和设置")

    def change_own_password(self, old: str, new: str) -> None:
        user = self.ctx.user
        if user is None:
            raise ServiceError("请先登录")
        self._online(
            lambda c: c.change_password(user.username, old, new),
            lambda exc: ValidationFailed({"old_password": str(exc)}),
            "password",
            "密码",
        )

    def _online(
        self,
        work: Callable[[HubClient], Any],
        refused: Callable[[HubRefused], ServiceError],
        field: str,
        what: str,
    ) -> Any:
        """One admin request: a refusal, a rejected value and an unreachable hub each become the
        message a person can act on."""
        client = self._client()
        try:
            return work(client)
        except HubRefused as exc:
            raise refused(exc) from None
        except HubRejected as exc:
            raise ValidationFailed({field: str(exc)}) from None
        except SyncError as exc:
            raise ServiceError(f"{exc} {what}只能在连接中心时修改。") from None
        finally:
            client.close()

    def fetch(self, row_ids: list[uuid.UUID]) -> None:
        """Bring these rows from the hub now (what an admin call just changed)."""
        client = self._client()
        try:
            DeviceSync(self.ctx.db, client).apply_rows(client.rows_by_id(row_ids))
        except SyncError:
            pass  # the next sync brings them
        finally:
            client.close()


__all__ = ["HubAdmin", "NeedHubLogin", "enrolled"]
