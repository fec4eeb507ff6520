"""contracts: family-doctor teams and members, service packages, contracts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from chc_desktop.store import digest, signing_state
from chc_desktop.store.migrations.columns import drop_synced_tables, synced_columns

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("service_packages", "teams", "team_members", "contracts")


def upgrade() -> None:
    op.create_table(
        "service_packages",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("target", sa.String(length=100), nullable=True),
        sa.Column("items", sa.JSON(), nullable=False),
        sa.Column("fee_cents", sa.Integer(), nullable=False),
        sa.Column("subsidy_cents", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        *synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_service_packages")),
    )
    op.create_table(
        "teams",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("centre_id", sa.Uuid(), nullable=False),
        sa.Column("lead_doctor_id", sa.Uuid(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=True),
        *synced_columns(),
        sa.ForeignKeyConstraint(["centre_id"], ["sites.id"], name=op.f("fk_teams_centre_id_sites")),
        sa.ForeignKeyConstraint(
            ["lead_doctor_id"], ["staff_users.id"], name=op.f("fk_teams_lead_doctor_id_staff_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_teams")),
    )
    op.create_index(op.f("ix_teams_centre_id"), "teams", ["centre_id"])
    op.create_index(op.f("ix_teams_lead_doctor_id"), "teams", ["lead_doctor_id"])
    op.create_table(
        "team_members",
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("name", sa.String(length=50), nullable=True),
        sa.Column("hospital_id", sa.Uuid(), nullable=True),
        sa.Column("specialty", sa.String(length=40), nullable=True),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        *synced_columns(),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_team_members_team_id_teams")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["staff_users.id"], name=op.f("fk_team_members_user_id_staff_users")
        ),
        sa.ForeignKeyConstraint(
            ["hospital_id"], ["sites.id"], name=op.f("fk_team_members_hospital_id_sites")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_members")),
    )
    op.create_index(op.f("ix_team_members_team_id"), "team_members", ["team_id"])
    op.create_index(op.f("ix_team_members_user_id"), "team_members", ["user_id"])
    op.create_table(
        "contracts",
        sa.Column("resident_id", sa.Uuid(), nullable=False),
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("doctor_id", sa.Uuid(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("packages", sa.JSON(), nullable=False),
        sa.Column("fee_cents", sa.Integer(), nullable=False),
        sa.Column("subsidy_cents", sa.Integer(), nullable=False),
        sa.Column("district_hospital_id", sa.Uuid(), nullable=True),
        sa.Column("municipal_hospital_id", sa.Uuid(), nullable=True),
        sa.Column("sign_method", sa.String(length=12), nullable=False),
        sa.Column("signed_on", sa.Date(), nullable=False),
        sa.Column("signed_by_id", sa.Uuid(), nullable=True),
        sa.Column("household_id", sa.Uuid(), nullable=True),
        sa.Column("previous_id", sa.Uuid(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.String(length=40), nullable=True),
        sa.Column("end_note", sa.String(length=200), nullable=True),
        *synced_columns(),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name=op.f("fk_contracts_resident_id_residents")
        ),
        sa.ForeignKeyConstraint(["team_id"], ["teams.id"], name=op.f("fk_contracts_team_id_teams")),
        sa.ForeignKeyConstraint(
            ["doctor_id"], ["staff_users.id"], name=op.f("fk_contracts_doctor_id_staff_users")
        ),
        sa.ForeignKeyConstraint(
            ["district_hospital_id"], ["sites.id"], name=op.f("fk_contracts_district_hospital_id_sites")
        ),
        sa.ForeignKeyConstraint(
            ["municipal_hospital_id"], ["sites.id"], name=op.f("fk_contracts_municipal_hospital_id_sites")
        ),
        sa.ForeignKeyConstraint(
            ["signed_by_id"], ["staff_users.id"], name=op.f("fk_contracts_signed_by_id_staff_users")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["households.id"], name=op.f("fk_contracts_household_id_households")
        ),
        sa.ForeignKeyConstraint(
            ["previous_id"], ["contracts.id"], name=op.f("fk_contracts_previous_id_contracts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contracts")),
    )
    op.create_index(
        "ix_contracts_resident_status", "contracts", ["resident_id", "status", "deleted_at", "end_date"]
    )
    op.create_index(
        "ix_contracts_in_force", "contracts", ["status", "deleted_at", "end_date", "team_id", "resident_id"]
    )
    op.create_index(
        "ix_contracts_team_status",
        "contracts",
        ["status", "deleted_at", "team_id", "doctor_id", "end_date", "resident_id"],
    )
    op.create_index(op.f("ix_contracts_doctor_id"), "contracts", ["doctor_id"])
    digest.install(op.get_bind(), list(TABLES))
    # In place (ADD COLUMN), so a district-size file upgrades without copying the table.
    op.add_column("residents", sa.Column("contract_until", sa.Date(), nullable=True))
    op.add_column("residents", sa.Column("key_tagged", sa.Boolean(), nullable=False, server_default="0"))
    op.create_index(
        "ix_residents_coverage",
        "residents",
        ["status", "deleted_at", "street_id", "doctor_id", "birth_date", "contract_until", "key_tagged"],
    )
    signing_state.install(op.get_bind())


def downgrade() -> None:
    for name in signing_state.TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_residents_coverage", "residents")
    with op.batch_alter_table("residents") as batch_op:
        batch_op.drop_column("key_tagged")
        batch_op.drop_column("contract_until")
    drop_synced_tables(TABLES)
