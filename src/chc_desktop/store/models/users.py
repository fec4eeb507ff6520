"""Staff accounts. Password hashes sync (a doctor may log in at any workstation offline)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import ClassVar

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from chc_desktop.store.base import Base, Synced


class StaffUser(Synced, Base):
    __tablename__ = "staff_users"
    sync_exclude: ClassVar[frozenset[str]] = frozenset({"failed_logins", "locked_until"})

    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    role: Mapped[str] = mapped_column(String(16))  # doctor | nurse | clerk | admin
    site_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"), default=None)
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    # Local only: lockout state is per workstation.
    failed_logins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(default=None)
