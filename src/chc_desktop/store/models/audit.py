"""The audit trail: who did what to which record, when. Append-only; it syncs to the hub.

``detail`` holds field names and codes, never personal values.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from chc_desktop.store.base import Base, Synced, utcnow


class AuditEntry(Synced, Base):
    __tablename__ = "audit_log"
    append_only: ClassVar[bool] = True

    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(default=None, index=True)
    action: Mapped[str] = mapped_column(String(40))  # e.g. resident.create, resident.view
    entity: Mapped[str | None] = mapped_column(String(40), default=None)  # table name
    entity_id: Mapped[uuid.UUID | None] = mapped_column(default=None, index=True)
    detail: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
