"""Settings: policy parameters an administrator may change. The row id derives from the key."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from chc_desktop.store.base import Base, Synced


class Setting(Synced, Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(80), unique=True)
    value: Mapped[Any] = mapped_column(JSON)
