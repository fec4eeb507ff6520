"""The resident file (居民健康档案): cover, 个人基本信息表, history, household, key populations.

Code-set fields (payment methods, allergies, …) are JSON lists of national codes on the resident
row: each is one field for the per-field merge, and a list is always replaced, never mutated.
History entries with dates and key-population tags are rows of their own.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import ClassVar

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from chc_desktop.store.base import Base, Synced


class Resident(Synced, Base):
    __tablename__ = "residents"
    __table_args__ = (
        Index("ix_residents_name_birth", "name", "birth_date"),
        Index("ix_residents_committee_status", "committee_id", "status"),
        # Covers the list's count(*) of live files by status (75 ms -> 7 ms on 300,000).
        Index("ix_residents_status_deleted", "status", "deleted_at"),
        # Covers the workbench's counts: coverage by street and doctor in one pass over this index.
        Index(
            "ix_residents_coverage",
            "status",
            "deleted_at",
            "street_id",
            "doctor_id",
            "birth_date",
            "contract_until",
            "key_tagged",
        ),
    )
    # Kept by triggers from contracts and tags on each device (store/signing_state.py), never synced.
    sync_exclude: ClassVar[frozenset[str]] = frozenset({"contract_until", "key_tagged"})

    # --- cover (封面)
    record_no: Mapped[str | None] = mapped_column(String(17), unique=True, default=None)
    name: Mapped[str] = mapped_column(String(50))
    current_address: Mapped[str | None] = mapped_column(String(200), default=None)
    registered_address: Mapped[str | None] = mapped_column(String(200), default=None)  # 户籍地址
    phone: Mapped[str | None] = mapped_column(String(24), default=None, index=True)
    street_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"), default=None, index=True)
    committee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"), default=None)
    filing_site_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"), default=None)
    filed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    doctor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    filing_date: Mapped[dt.date | None] = mapped_column(default=None)

    # --- 个人基本信息表 (2017)
    sex: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[dt.date]
    id_number: Mapped[str | None] = mapped_column(String(18), default=None, index=True)
    work_unit: Mapped[str | None] = mapped_column(String(100), default=None)
    contact_name: Mapped[str | None] = mapped_column(String(50), default=None)
    contact_phone: Mapped[str | None] = mapped_column(String(24), default=None)
    residence_type: Mapped[str | None] = mapped_column(String(2), default=None)
    ethnicity: Mapped[str | None] = mapped_column(String(2), default=None)
    ethnicity_name: Mapped[str | None] = mapped_column(String(20), default=None)  # minority written out
    blood_abo: Mapped[str | None] = mapped_column(String(2), default=None)
    blood_rh: Mapped[str | None] = mapped_column(String(2), default=None)
    education: Mapped[str | None] = mapped_column(String(2), default=None)
    occupation: Mapped[str | None] = mapped_column(String(2), default=None)
    marital_status: Mapped[str | None] = mapped_column(String(2), default=None)
    payment_methods: Mapped[list[str]] = mapped_column(JSON, default=list)
    payment_other: Mapped[str | None] = mapped_column(String(50), default=None)

    # --- clinical history (only doctors and nurses see these)
    drug_allergies: Mapped[list[str]] = mapped_column(JSON, default=list)
    drug_allergy_other: Mapped[str | None] = mapped_column(String(100), default=None)
    exposures: Mapped[list[str]] = mapped_column(JSON, default=list)
    past_disease_status: Mapped[str | None] = mapped_column(String(1), default=None)  # 1 无 / 2 有
    surgery_status: Mapped[str | None] = mapped_column(String(1), default=None)
    trauma_status: Mapped[str | None] = mapped_column(String(1), default=None)
    transfusion_status: Mapped[str | None] = mapped_column(String(1), default=None)
    # {"father": ["2","3"], "mother": [...], "siblings": [...], "children": [...]}
    family_history: Mapped[dict[str, list[str]]] = mapped_column(JSON, default=dict)
    family_history_other: Mapped[str | None] = mapped_column(String(100), default=None)
    hereditary_status: Mapped[str | None] = mapped_column(String(1), default=None)
    hereditary_name: Mapped[str | None] = mapped_column(String(100), default=None)
    disabilities: Mapped[list[str]] = mapped_column(JSON, default=list)
    disability_other: Mapped[str | None] = mapped_column(String(100), default=None)

    # --- living environment (rural areas; optional in an urban centre)
    kitchen_exhaust: Mapped[str | None] = mapped_column(String(1), default=None)
    fuel: Mapped[str | None] = mapped_column(String(1), default=None)
    water: Mapped[str | None] = mapped_column(String(1), default=None)
    toilet: Mapped[str | None] = mapped_column(String(1), default=None)
    livestock: Mapped[str | None] = mapped_column(String(1), default=None)

    # --- file status: a file is never deleted; it is closed as 失访 / 死亡 / 迁出
    status: Mapped[str] = mapped_column(String(8), default="active")
    status_date: Mapped[dt.date | None] = mapped_column(default=None)
    status_reason: Mapped[str | None] = mapped_column(Text, default=None)
    death_cause: Mapped[str | None] = mapped_column(String(200), default=None)
    death_place: Mapped[str | None] = mapped_column(String(12), default=None)  # domain.hospice.PLACES
    moved_to: Mapped[str | None] = mapped_column(String(200), default=None)
    # A duplicate file merged into another (services/duplicates.py) is tombstoned and points here.
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("residents.id"), default=None)

    # --- derived on this device (store/signing_state.py)
    contract_until: Mapped[dt.date | None] = mapped_column(default=None)
    key_tagged: Mapped[bool] = mapped_column(default=False, server_default="0")


class HistoryEntry(Synced, Base):
    """One line of 既往史: a disease with its diagnosis month, or a surgery / trauma / transfusion."""

    __tablename__ = "history_entries"

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # disease | surgery | trauma | transfusion
    code: Mapped[str | None] = mapped_column(String(2), default=None)  # PAST_DISEASE code for diseases
    detail: Mapped[str | None] = mapped_column(String(100), default=None)  # tumour site, surgery name…
    occurred_year: Mapped[int | None] = mapped_column(default=None)
    occurred_month: Mapped[int | None] = mapped_column(default=None)


class Household(Synced, Base):
    __tablename__ = "households"

    address: Mapped[str | None] = mapped_column(String(200), default=None)
    committee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"), default=None)


class HouseholdMember(Synced, Base):
    __tablename__ = "household_members"

    household_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("households.id"), index=True)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"), index=True)
    relation: Mapped[str] = mapped_column(String(2))  # GB/T 4761 relation to the head ("02" = head)


class KeyPopulationTag(Synced, Base):
    """重点人群 membership with dates and where it came from (derived by rule, or tagged by staff)."""

    __tablename__ = "key_population_tags"
    __table_args__ = (Index("ix_kpt_code_resident", "code", "resident_id"),)

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    since: Mapped[dt.date | None] = mapped_column(default=None)
    until: Mapped[dt.date | None] = mapped_column(default=None)  # exclusive: not a member from this day
    source: Mapped[str] = mapped_column(String(16), default="manual")  # derived | manual | import
    note: Mapped[str | None] = mapped_column(String(200), default=None)


class SerialLease(Synced, Base):
    """A block of 健康档案编号 serials that one device alone may hand out in one 居委.

    A device files only from its own leases, so two stations filing offline never issue the same
    number (docs/record-numbers.md). ``next_serial`` advances as numbers are used.
    """

    __tablename__ = "serial_leases"
    __table_args__ = (Index("ix_serial_leases_prefix", "prefix", "first_serial"),)

    prefix: Mapped[str] = mapped_column(String(12))  # 6 区划 + 3 街道 + 3 居委
    device_id: Mapped[uuid.UUID]
    first_serial: Mapped[int]
    last_serial: Mapped[int]
    next_serial: Mapped[int]


__all__ = ["HistoryEntry", "Household", "HouseholdMember", "KeyPopulationTag", "Resident", "SerialLease"]
