"""home hospice and the place of death: home hospice started from an assessment, and where a
resident died (compared with the preference recorded in the hospice assessment)

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from chc_desktop.store import digest
from chc_desktop.store.migrations.columns import drop_synced_tables, foreign_key, synced_columns

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("home_hospice",)


def _fk(column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_home_hospice_{column}_{target}")
    )


def upgrade() -> None:
    # ADD COLUMN in place: a district-size file upgrades without a table rebuild.
    op.add_column("residents", sa.Column("death_place", sa.String(length=12), nullable=True))
    op.create_table(
        "home_hospice",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("assessment_id", sa.Uuid(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("started_by_id", sa.Uuid(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=True),
        *synced_columns(),
        foreign_key("home_hospice", "resident_id", "residents"),
        foreign_key("home_hospice", "assessment_id", "hospice_assessments"),
        foreign_key("home_hospice", "started_by_id", "staff_users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_home_hospice")),
    )
    op.create_index(op.f("ix_home_hospice_resident_id"), "home_hospice", ["resident_id"])
    digest.install(op.get_bind(), list(TABLES))


def downgrade() -> None:
    drop_synced_tables(TABLES)
    # SQLite's own DROP COLUMN (3.35+): a batch rebuild would trip the signing triggers on residents.
    op.drop_column("residents", "death_place")
