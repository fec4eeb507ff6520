"""home beds: home hospital beds (家庭病床) by 建床周期, and their visits (查床/巡诊, append-only)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from chc_desktop.store import digest
from chc_desktop.store.base import UtcDateTime
from chc_desktop.store.migrations.columns import drop_synced_tables, foreign_key, synced_columns

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("home_beds", "bed_visits")


def upgrade() -> None:
    op.create_table(
        "home_beds",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("applied_on", sa.Date(), nullable=False),
        sa.Column("applying_site_id", sa.Uuid(), nullable=True),
        sa.Column("applying_doctor_id", sa.Uuid(), nullable=True),
        sa.Column("diagnosis", sa.String(length=200), nullable=False),
        sa.Column("icd10", sa.String(length=12), nullable=True),
        sa.Column("indication", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("bed_type", sa.String(length=2), nullable=False),
        sa.Column("returned_reason", sa.String(length=200), nullable=True),
        sa.Column("site_id", sa.Uuid(), nullable=True),
        sa.Column("bed_no", sa.String(length=20), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("planned_end", sa.Date(), nullable=True),
        sa.Column("doctor_id", sa.Uuid(), nullable=True),
        sa.Column("nurse_id", sa.Uuid(), nullable=True),
        sa.Column("consent_on", sa.Date(), nullable=True),
        sa.Column("registered_by_id", sa.Uuid(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("discharge_diagnosis", sa.String(length=200), nullable=True),
        sa.Column("discharge_icd10", sa.String(length=12), nullable=True),
        sa.Column("discharge_summary", sa.Text(), nullable=True),
        sa.Column("discharged_by_id", sa.Uuid(), nullable=True),
        sa.Column("previous_id", sa.Uuid(), nullable=True),
        sa.Column("hospice_assessment_id", sa.Uuid(), nullable=True),
        sa.Column("home_hospice_id", sa.Uuid(), nullable=True),
        *synced_columns(),
        foreign_key("home_beds", "resident_id", "residents"),
        foreign_key("home_beds", "applying_site_id", "sites"),
        foreign_key("home_beds", "applying_doctor_id", "staff_users"),
        foreign_key("home_beds", "site_id", "sites"),
        foreign_key("home_beds", "doctor_id", "staff_users"),
        foreign_key("home_beds", "nurse_id", "staff_users"),
        foreign_key("home_beds", "registered_by_id", "staff_users"),
        foreign_key("home_beds", "discharged_by_id", "staff_users"),
        foreign_key("home_beds", "previous_id", "home_beds"),
        foreign_key("home_beds", "hospice_assessment_id", "hospice_assessments"),
        foreign_key("home_beds", "home_hospice_id", "home_hospice"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_home_beds")),
    )
    op.create_index("ix_home_beds_status", "home_beds", ["status", "deleted_at", "site_id"])
    op.create_index("ix_home_beds_resident", "home_beds", ["resident_id", "start_date"])
    op.create_table(
        "bed_visits",
        sa.Column("bed_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("visited_at", UtcDateTime(), nullable=False),
        sa.Column("staff_id", sa.Uuid(), nullable=True),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("complaint", sa.Text(), nullable=True),
        sa.Column("vitals", sa.JSON(), nullable=False),
        sa.Column("exam", sa.Text(), nullable=True),
        sa.Column("tests", sa.Text(), nullable=True),
        sa.Column("treatment", sa.Text(), nullable=True),
        sa.Column("nursing", sa.Text(), nullable=True),
        sa.Column("communication", sa.Text(), nullable=True),
        sa.Column("next_visit", sa.Date(), nullable=True),
        sa.Column("corrects_id", sa.Uuid(), nullable=True),
        sa.Column("correction_reason", sa.String(length=200), nullable=True),
        *synced_columns(),
        foreign_key("bed_visits", "bed_id", "home_beds"),
        foreign_key("bed_visits", "resident_id", "residents"),
        foreign_key("bed_visits", "staff_id", "staff_users"),
        foreign_key("bed_visits", "corrects_id", "bed_visits"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bed_visits")),
    )
    op.create_index("ix_bed_visits_bed", "bed_visits", ["bed_id", "visited_at"])
    digest.install(op.get_bind(), list(TABLES))


def downgrade() -> None:
    drop_synced_tables(TABLES)
