"""sync: per-field clocks, change status and base stamps, conflicts, sync runs, merged files

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Columns are added in place (SQLite's ADD COLUMN), so a district-size file upgrades in seconds
without copying its tables.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from chc_desktop.store import digest
from chc_desktop.store.base import UtcDateTime
from chc_desktop.store.migrations.columns import synced_columns

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SYNCED_TABLES = (
    "audit_log",
    "history_entries",
    "household_members",
    "households",
    "key_population_tags",
    "residents",
    "serial_leases",
    "settings",
    "sites",
    "staff_users",
)


def upgrade() -> None:
    for table in SYNCED_TABLES:
        op.add_column(table, sa.Column("clocks", sa.JSON(), nullable=True))
    op.add_column("change_log", sa.Column("base", sa.JSON(), nullable=True))
    op.add_column(
        "change_log", sa.Column("status", sa.String(length=10), nullable=False, server_default="pending")
    )
    op.add_column("change_log", sa.Column("reject_code", sa.String(length=40), nullable=True))
    op.add_column("change_log", sa.Column("reject_reason", sa.String(length=400), nullable=True))
    op.create_index("ix_change_log_status", "change_log", ["status"])
    # SQLite accepts a REFERENCES clause on ADD COLUMN when the default is NULL.
    op.execute(
        "ALTER TABLE residents ADD COLUMN merged_into_id CHAR(32) "
        "CONSTRAINT fk_residents_merged_into_id_residents REFERENCES residents (id)"
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("winner_value", sa.JSON(), nullable=True),
        sa.Column("winner_hlc", sa.String(length=64), nullable=False),
        sa.Column("winner_user", sa.Uuid(), nullable=True),
        sa.Column("loser_value", sa.JSON(), nullable=True),
        sa.Column("loser_hlc", sa.String(length=64), nullable=False),
        sa.Column("loser_user", sa.Uuid(), nullable=True),
        sa.Column("detected_at", UtcDateTime(), nullable=False),
        sa.Column("resolved_at", UtcDateTime(), nullable=True),
        sa.Column("resolved_by", sa.Uuid(), nullable=True),
        sa.Column("resolution", sa.JSON(), nullable=True),
        *synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index("ix_sync_conflicts_open", "sync_conflicts", ["resolved_at", "table_name", "row_id"])
    op.create_table(
        "sync_runs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("started_at", UtcDateTime(), nullable=False),
        sa.Column("finished_at", UtcDateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("pushed", sa.Integer(), nullable=False),
        sa.Column("pulled", sa.Integer(), nullable=False),
        sa.Column("rejected", sa.Integer(), nullable=False),
        sa.Column("conflicts", sa.Integer(), nullable=False),
        sa.Column("message", sa.String(length=400), nullable=True),
        sa.Column("detail", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_runs")),
    )
    op.create_table(
        "sync_digest",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", name=op.f("pk_sync_digest")),
    )
    digest.install(op.get_bind(), [*SYNCED_TABLES, "sync_conflicts"])


def downgrade() -> None:
    for table in (*SYNCED_TABLES, "sync_conflicts"):
        for kind in ("ins", "upd", "del"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_digest_{kind}")
    op.drop_table("sync_digest")
    op.drop_table("sync_runs")
    op.drop_index("ix_sync_conflicts_open", "sync_conflicts")
    op.drop_table("sync_conflicts")
    with op.batch_alter_table("residents") as batch_op:
        batch_op.drop_column("merged_into_id")
    op.drop_index("ix_change_log_status", "change_log")
    for column in ("reject_reason", "reject_code", "status", "base"):
        op.drop_column("change_log", column)
    for table in SYNCED_TABLES:
        op.drop_column(table, "clocks")
