"""hospice and referrals: hospice assessments, consultations, two-way referrals and their steps

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from chc_desktop.store import digest
from chc_desktop.store.base import UtcDateTime
from chc_desktop.store.migrations.columns import drop_synced_tables, foreign_key, synced_columns

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("hospice_assessments", "consultations", "referrals", "referral_steps")


def upgrade() -> None:
    op.create_table(
        "hospice_assessments",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("previous_id", sa.Uuid(), nullable=True),
        sa.Column("assessed_on", sa.Date(), nullable=False),
        sa.Column("assessor_id", sa.Uuid(), nullable=True),
        sa.Column("inputs", sa.JSON(), nullable=False),
        sa.Column("results", sa.JSON(), nullable=False),
        sa.Column("eligible", sa.Boolean(), nullable=False),
        sa.Column("recommended_setting", sa.String(length=12), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("rule_version", sa.String(length=20), nullable=False),
        sa.Column("chosen_setting", sa.String(length=12), nullable=True),
        sa.Column("override_reason", sa.String(length=200), nullable=True),
        sa.Column("next_review", sa.Date(), nullable=True),
        sa.Column("signed_at", UtcDateTime(), nullable=True),
        sa.Column("signed_by_id", sa.Uuid(), nullable=True),
        sa.Column("digest", sa.String(length=64), nullable=True),
        *synced_columns(),
        foreign_key("hospice_assessments", "resident_id", "residents"),
        foreign_key("hospice_assessments", "previous_id", "hospice_assessments"),
        foreign_key("hospice_assessments", "assessor_id", "staff_users"),
        foreign_key("hospice_assessments", "signed_by_id", "staff_users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hospice_assessments")),
    )
    op.create_index("ix_hospice_assessments_resident", "hospice_assessments", ["resident_id", "assessed_on"])
    op.create_index(op.f("ix_hospice_assessments_next_review"), "hospice_assessments", ["next_review"])
    op.create_table(
        "consultations",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("assessment_id", sa.Uuid(), nullable=True),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("consultant", sa.String(length=40), nullable=False),
        sa.Column("site_id", sa.Uuid(), nullable=True),
        sa.Column("advice", sa.Text(), nullable=False),
        *synced_columns(),
        foreign_key("consultations", "resident_id", "residents"),
        foreign_key("consultations", "assessment_id", "hospice_assessments"),
        foreign_key("consultations", "site_id", "sites"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consultations")),
    )
    op.create_index(op.f("ix_consultations_resident_id"), "consultations", ["resident_id"])
    op.create_table(
        "referrals",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("from_site_id", sa.Uuid(), nullable=False),
        sa.Column("to_site_id", sa.Uuid(), nullable=False),
        sa.Column("department", sa.String(length=40), nullable=True),
        sa.Column("receiving_doctor", sa.String(length=40), nullable=True),
        sa.Column("referring_doctor_id", sa.Uuid(), nullable=True),
        sa.Column("content", sa.JSON(), nullable=False),
        sa.Column("priorities", sa.JSON(), nullable=False),
        sa.Column("expert_slot", sa.String(length=100), nullable=True),
        sa.Column("hospice_assessment_id", sa.Uuid(), nullable=True),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("closed_reason", sa.String(length=200), nullable=True),
        *synced_columns(),
        foreign_key("referrals", "resident_id", "residents"),
        foreign_key("referrals", "from_site_id", "sites"),
        foreign_key("referrals", "to_site_id", "sites"),
        foreign_key("referrals", "referring_doctor_id", "staff_users"),
        foreign_key("referrals", "hospice_assessment_id", "hospice_assessments"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    op.create_index("ix_referrals_status_sent", "referrals", ["status", "sent_on"])
    op.create_index("ix_referrals_resident", "referrals", ["resident_id", "created_at"])
    op.create_index(op.f("ix_referrals_to_site_id"), "referrals", ["to_site_id"])
    op.create_table(
        "referral_steps",
        sa.Column("referral_id", sa.Uuid(), nullable=False),
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("step", sa.String(length=12), nullable=False),
        sa.Column("from_status", sa.String(length=12), nullable=False),
        sa.Column("to_status", sa.String(length=12), nullable=False),
        sa.Column("by_id", sa.Uuid(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        *synced_columns(),
        foreign_key("referral_steps", "referral_id", "referrals"),
        foreign_key("referral_steps", "resident_id", "residents"),
        foreign_key("referral_steps", "by_id", "staff_users"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_steps")),
    )
    op.create_index(op.f("ix_referral_steps_referral_id"), "referral_steps", ["referral_id"])
    digest.install(op.get_bind(), list(TABLES))


def downgrade() -> None:
    drop_synced_tables(TABLES)
