"""Column sets that several migrations create; each migration's tables stay as they were written."""

from __future__ import annotations

import sqlalchemy as sa

from chc_desktop.store.base import UtcDateTime


def synced_columns() -> list[sa.Column[object]]:
    """The columns of store.base.Synced, as a migration creates them."""
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UtcDateTime(), nullable=False),
        sa.Column("updated_at", UtcDateTime(), nullable=False),
        sa.Column("updated_by", sa.Uuid(), nullable=True),
        sa.Column("origin", sa.Uuid(), nullable=True),
        sa.Column("hlc", sa.String(length=64), nullable=False),
        sa.Column("deleted_at", UtcDateTime(), nullable=True),
        sa.Column("clocks", sa.JSON(), nullable=True),
    ]
