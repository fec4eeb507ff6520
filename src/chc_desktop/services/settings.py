"""Policy parameters as settings: defaults from domain/policy.py, overrides in the settings table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.policy import POLICY, PolicyParameter, parameter
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context
from chc_desktop.services.errors import ValidationFailed
from chc_desktop.services.hub_admin import HubAdmin, enrolled
from chc_desktop.store.ids import natural_id
from chc_desktop.store.models import Setting


@dataclass(frozen=True)
class SettingValue:
    parameter: PolicyParameter
    value: Any
    is_default: bool


def read_policy(session: Session, key: str) -> Any:
    p = parameter(key)
    row = session.get(Setting, natural_id("setting", key))
    return p.default if row is None or row.deleted_at is not None else p.coerce(row.value)


class SettingsService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def get(self, key: str) -> Any:
        with self.ctx.db.reader() as s:
            return read_policy(s, key)

    def all(self) -> list[SettingValue]:
        with self.ctx.db.reader() as s:
            rows = {r.key: r for r in s.scalars(select(Setting).where(Setting.deleted_at.is_(None)))}
        out = []
        for key, p in POLICY.items():
            row = rows.get(key)
            out.append(SettingValue(p, p.coerce(row.value) if row else p.default, row is None))
        return out

    def set(self, key: str, value: Any) -> Any:
        try:
            clean = parameter(key).coerce(value)
        except DomainError as exc:
            raise ValidationFailed.of(exc) from None
        if enrolled(self.ctx):  # settings are the district's, kept at the hub
            self.ctx.require(Permission.SETTINGS_MANAGE)
            HubAdmin(self.ctx).call("PUT", f"/settings/{key}", {"value": clean})
            sid = natural_id("setting", key)
            HubAdmin(self.ctx).fetch([sid])
            with self.ctx.db.unit_of_work(self.ctx.user.id if self.ctx.user else None) as s:
                self.ctx.audit(s, "settings.change", "settings", sid, key=key, via="hub")
            return clean
        with self.ctx.work(Permission.SETTINGS_MANAGE) as s:
            sid = natural_id("setting", key)
            row = s.get(Setting, sid)
            if row is None:
                s.add(Setting(id=sid, key=key, value=clean))
            else:
                row.value = clean
                row.deleted_at = None
            self.ctx.audit(s, "settings.change", "settings", sid, key=key)
        return clean
