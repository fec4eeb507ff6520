"""Family-doctor teams, service packages and contracts (家庭医生签约, reference.md §4).

A contract row is history: renewing, switching or ending it closes the row (status, ended_on,
reason) and a renewal or switch writes a new row that points back at it, so nothing is ever
overwritten. Teams and packages are reference data every workstation holds.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from chc_desktop.store.base import Base, Synced


class ServicePackage(Synced, Base):
    """签约服务包: 基础包 or a 个性化 package, its items and how its fee splits."""

    __tablename__ = "service_packages"

    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(16))  # basic | personalised
    target: Mapped[str | None] = mapped_column(String(100), default=None)  # 服务对象
    items: Mapped[list[str]] = mapped_column(JSON, default=list)  # "健康评估 1次/年"
    fee_cents: Mapped[int] = mapped_column(default=0)  # 总费用
    subsidy_cents: Mapped[int] = mapped_column(default=0)  # 财政补贴/医保 (the rest is 自付)
    active: Mapped[bool] = mapped_column(default=True)


class Team(Synced, Base):
    """家庭医生团队 of one centre, led by a family doctor."""

    __tablename__ = "teams"

    name: Mapped[str] = mapped_column(String(60))
    centre_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sites.id"), index=True)
    lead_doctor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_users.id"), index=True)
    active: Mapped[bool] = mapped_column(default=True)
    note: Mapped[str | None] = mapped_column(String(200), default=None)


class TeamMember(Synced, Base):
    """A member: a staff account of the centre, or a specialist a hospital sends (no account here)."""

    __tablename__ = "team_members"

    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teams.id"), index=True)
    role: Mapped[str] = mapped_column(String(16))  # domain.contracts.TEAM_ROLES
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None, index=True)
    name: Mapped[str | None] = mapped_column(String(50), default=None)  # specialists only
    hospital_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"), default=None)
    specialty: Mapped[str | None] = mapped_column(String(40), default=None)
    since: Mapped[dt.date | None] = mapped_column(default=None)
    until: Mapped[dt.date | None] = mapped_column(default=None)  # exclusive; set when a member leaves


class Contract(Synced, Base):
    __tablename__ = "contracts"
    __table_args__ = (
        # A resident's contracts; covering, so the after-sync check for two in force reads no rows.
        Index("ix_contracts_resident_status", "resident_id", "status", "deleted_at", "end_date"),
        # Contracts in force by end date (expiring soon; my team's residents), covering.
        Index("ix_contracts_in_force", "status", "deleted_at", "end_date", "team_id", "resident_id"),
        # Contracts in force counted by team and doctor in index order (no sort of 170,000 rows),
        # and a team's residents (my residents) read from the index alone.
        Index(
            "ix_contracts_team_status",
            "status",
            "deleted_at",
            "team_id",
            "doctor_id",
            "end_date",
            "resident_id",
        ),
    )

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"))
    team_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("teams.id"))
    doctor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("staff_users.id"), index=True)
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date]  # inclusive
    status: Mapped[str] = mapped_column(String(12), default="active")  # domain.contracts.Status
    packages: Mapped[list[str]] = mapped_column(JSON, default=list)  # ServicePackage codes
    # The fee as it stood on signing day; a later price change does not rewrite signed contracts.
    fee_cents: Mapped[int] = mapped_column(default=0)
    subsidy_cents: Mapped[int] = mapped_column(default=0)
    # Shanghai 1+1+1: one 区级 and one 市级 hospital besides the centre.
    district_hospital_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"), default=None)
    municipal_hospital_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"), default=None)
    sign_method: Mapped[str] = mapped_column(String(12))  # domain.contracts.SIGN_METHODS
    signed_on: Mapped[dt.date]
    signed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    household_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("households.id"), default=None)
    previous_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contracts.id"), default=None)
    ended_on: Mapped[dt.date | None] = mapped_column(default=None)
    end_reason: Mapped[str | None] = mapped_column(String(40), default=None)
    end_note: Mapped[str | None] = mapped_column(String(200), default=None)


__all__ = ["Contract", "ServicePackage", "Team", "TeamMember"]
