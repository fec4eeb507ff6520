"""What several migrations share: the synced column set, and dropping synced tables with their
digest bookkeeping. Each migration's tables stay as they were written."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from chc_desktop.store import digest
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


def foreign_key(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    """``table.column`` → ``target.id``, named as the models' naming convention names it."""
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def drop_synced_tables(tables: tuple[str, ...]) -> None:
    """Drop tables made by an upgrade (children first), with their digest triggers and sums."""
    for table in reversed(tables):
        for kind in digest.KINDS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_digest_{kind}")
        op.execute(f"DELETE FROM sync_digest WHERE table_name = '{table}'")
        op.drop_table(table)
