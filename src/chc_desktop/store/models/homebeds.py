"""Home hospital beds (家庭病床): one row per 建床周期 — the application, the registration, the discharge
— a renewal (续床) being a new row pointing back at the cycle it continues; and the visits (查床/巡诊),
appended and never changed (a correction is a new visit that names the one it corrects and why).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from chc_desktop.store.base import Base, Synced


class HomeBed(Synced, Base):
    __tablename__ = "home_beds"
    __table_args__ = (
        Index("ix_home_beds_status", "status", "deleted_at", "site_id"),
        Index("ix_home_beds_resident", "resident_id", "start_date"),
    )

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"))
    status: Mapped[str] = mapped_column(String(12), default="applied")  # domain.homebeds.Status
    # 申请 (家庭病床申请单)
    applied_on: Mapped[dt.date]
    applying_site_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"), default=None)
    applying_doctor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    diagnosis: Mapped[str] = mapped_column(String(200))
    icd10: Mapped[str | None] = mapped_column(String(12), default=None)
    indication: Mapped[str] = mapped_column(Text)  # 收治指征和建床理由
    summary: Mapped[str | None] = mapped_column(Text, default=None)  # 病情摘要
    bed_type: Mapped[str] = mapped_column(String(2))  # requested at application, fixed at registration
    returned_reason: Mapped[str | None] = mapped_column(String(200), default=None)
    # 登记 (建床)
    site_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"), default=None)  # the centre
    bed_no: Mapped[str | None] = mapped_column(String(20), default=None)
    start_date: Mapped[dt.date | None] = mapped_column(default=None)
    planned_end: Mapped[dt.date | None] = mapped_column(default=None)
    doctor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    nurse_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    consent_on: Mapped[dt.date | None] = mapped_column(default=None)  # 知情同意书 signed on
    registered_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    # 撤床
    end_date: Mapped[dt.date | None] = mapped_column(default=None)
    outcome: Mapped[str | None] = mapped_column(String(20), default=None)  # policy homebed.outcomes
    discharge_diagnosis: Mapped[str | None] = mapped_column(String(200), default=None)
    discharge_icd10: Mapped[str | None] = mapped_column(String(12), default=None)
    discharge_summary: Mapped[str | None] = mapped_column(Text, default=None)
    discharged_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    # 续床 and the hospice link (a 舒缓照顾型 bed opened from an assessment recommending home care)
    previous_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("home_beds.id"), default=None)
    hospice_assessment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("hospice_assessments.id"), default=None
    )
    home_hospice_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("home_hospice.id"), default=None)


class BedVisit(Synced, Base):
    """查床 (doctor) or 巡诊 (nurse), signed by who made it."""

    __tablename__ = "bed_visits"
    __table_args__ = (Index("ix_bed_visits_bed", "bed_id", "visited_at"),)
    append_only: ClassVar[bool] = True

    bed_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("home_beds.id"))
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"))
    visited_at: Mapped[dt.datetime]
    staff_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    role: Mapped[str] = mapped_column(String(8))  # doctor | nurse
    complaint: Mapped[str | None] = mapped_column(Text, default=None)  # 主诉
    vitals: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    exam: Mapped[str | None] = mapped_column(Text, default=None)  # 体格检查
    tests: Mapped[str | None] = mapped_column(Text, default=None)  # 辅助检查
    treatment: Mapped[str | None] = mapped_column(Text, default=None)  # 处理及医嘱
    nursing: Mapped[str | None] = mapped_column(Text, default=None)  # 护理
    communication: Mapped[str | None] = mapped_column(Text, default=None)  # 与家属沟通情况
    next_visit: Mapped[dt.date | None] = mapped_column(default=None)
    corrects_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("bed_visits.id"), default=None)
    correction_reason: Mapped[str | None] = mapped_column(String(200), default=None)


__all__ = ["BedVisit", "HomeBed"]
