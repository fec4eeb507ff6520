"""The service context: the open database, who is logged in, and the permission/audit helpers
every service call goes through."""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from chc_desktop.security.roles import PERMISSION_LABELS, Permission, allowed
from chc_desktop.services.errors import NotFound, PermissionDenied
from chc_desktop.store.base import Synced
from chc_desktop.store.database import Database
from chc_desktop.store.models import AuditEntry


@dataclass(frozen=True)
class CurrentUser:
    id: uuid.UUID
    username: str
    display_name: str
    role: str
    site_id: uuid.UUID | None


RowT = TypeVar("RowT", bound=Synced)


def live_row(session: Session, model: type[RowT], row_id: uuid.UUID, missing: str) -> RowT:
    """The row, or NotFound(``missing``) when there is none or it is a tombstone."""
    row = session.get(model, row_id)
    if row is None or row.deleted_at is not None:
        raise NotFound(missing)
    return row


class Context:
    def __init__(self, db: Database, user: CurrentUser | None = None, today: dt.date | None = None) -> None:
        self.db = db
        self.user = user
        self._today = today
        # Kept in memory for this session only: a hub admin session, a typed hub credential.
        self.hub_session: str | None = None
        self.hub_token: str | None = None

    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def can(self, permission: Permission) -> bool:
        return self.user is not None and allowed(self.user.role, permission)

    def require(self, permission: Permission) -> CurrentUser:
        if self.user is None:
            raise PermissionDenied("请先登录")
        if not allowed(self.user.role, permission):
            raise PermissionDenied(f"您的角色无权{PERMISSION_LABELS[permission]}")
        return self.user

    @contextlib.contextmanager
    def work(self, permission: Permission) -> Iterator[Session]:
        """Check the permission, then run one unit of work as the current user."""
        user = self.require(permission)
        with self.db.unit_of_work(user.id) as session:
            yield session

    def audit(
        self,
        session: Session,
        action: str,
        entity: str | None = None,
        entity_id: uuid.UUID | None = None,
        **detail: Any,
    ) -> None:
        """Append to the audit trail. ``detail`` holds field names and codes, never personal values."""
        session.add(
            AuditEntry(
                user_id=self.user.id if self.user else None,
                action=action,
                entity=entity,
                entity_id=entity_id,
                detail=detail or None,
            )
        )
