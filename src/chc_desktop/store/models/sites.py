"""Sites: the district, its streets and 居委, centres, stations and hospitals (one tree)."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from chc_desktop.store.base import Base, Synced


class Site(Synced, Base):
    __tablename__ = "sites"

    # district | street | committee | centre | station | hospital
    kind: Mapped[str] = mapped_column(String(16), index=True)
    # GB/T 2260 code for a district, 9 digits for a street, 3 digits for a 居委 (within its street)
    code: Mapped[str | None] = mapped_column(String(12), default=None)
    name: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"), default=None, index=True)
    # Hospitals: "district" (区级) or "municipal" (市级), for Shanghai's 1+1+1 choice
    level: Mapped[str | None] = mapped_column(String(16), default=None)
    note: Mapped[str | None] = mapped_column(String(200), default=None)
    active: Mapped[bool] = mapped_column(default=True)
