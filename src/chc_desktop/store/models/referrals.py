"""Two-way referrals (双向转诊) and hospice assessments (安宁疗护评估) with their consultations.

A referral's steps are rows of their own, appended and never changed, so two sites acting on one
referral offline both keep their step with who and when. A signed assessment is never changed: a
later change is a new version pointing back at it, and the signed content keeps a digest.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, ClassVar

from sqlalchemy import JSON, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from chc_desktop.store.base import Base, Synced


class Referral(Synced, Base):
    __tablename__ = "referrals"
    __table_args__ = (
        Index("ix_referrals_status_sent", "status", "sent_on"),
        Index("ix_referrals_resident", "resident_id", "created_at"),
    )

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"))
    direction: Mapped[str] = mapped_column(String(8))  # domain.referrals.Direction
    status: Mapped[str] = mapped_column(String(12), default="draft")
    from_site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sites.id"))
    to_site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sites.id"), index=True)
    department: Mapped[str | None] = mapped_column(String(40), default=None)  # 科室
    receiving_doctor: Mapped[str | None] = mapped_column(String(40), default=None)  # 接诊医生
    referring_doctor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    content: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # the form's text, by field
    priorities: Mapped[list[str]] = mapped_column(JSON, default=list)  # 优先就诊/检查/住院 (signed residents)
    expert_slot: Mapped[str | None] = mapped_column(String(100), default=None)  # a booked expert slot
    hospice_assessment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("hospice_assessments.id"), default=None
    )
    sent_on: Mapped[dt.date | None] = mapped_column(default=None)
    closed_reason: Mapped[str | None] = mapped_column(String(200), default=None)  # 退回 / 撤销


class ReferralStep(Synced, Base):
    """One step of a referral's workflow: who, when, from which status to which, and why."""

    __tablename__ = "referral_steps"
    append_only: ClassVar[bool] = True

    referral_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("referrals.id"), index=True)
    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"))
    step: Mapped[str] = mapped_column(String(12))
    from_status: Mapped[str] = mapped_column(String(12))
    to_status: Mapped[str] = mapped_column(String(12))
    by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    reason: Mapped[str | None] = mapped_column(Text, default=None)


class HospiceAssessment(Synced, Base):
    __tablename__ = "hospice_assessments"
    __table_args__ = (Index("ix_hospice_assessments_resident", "resident_id", "assessed_on"),)

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"))
    version: Mapped[int] = mapped_column(default=1)
    previous_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("hospice_assessments.id"), default=None)
    assessed_on: Mapped[dt.date]
    assessor_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    # Every input as entered (instruments, caregiver, wishes, consent, coordination items) and the
    # scores computed from them; with rule_version the recommendation can be replayed.
    inputs: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    results: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    eligible: Mapped[bool] = mapped_column(default=False)
    recommended_setting: Mapped[str | None] = mapped_column(String(12), default=None)
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    rule_version: Mapped[str] = mapped_column(String(20))
    chosen_setting: Mapped[str | None] = mapped_column(String(12), default=None)  # the doctor's decision
    override_reason: Mapped[str | None] = mapped_column(String(200), default=None)
    next_review: Mapped[dt.date | None] = mapped_column(default=None, index=True)
    signed_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    signed_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    digest: Mapped[str | None] = mapped_column(String(64), default=None)  # sha256 of the signed content


class Consultation(Synced, Base):
    """会诊: an online consultation about a hospice patient."""

    __tablename__ = "consultations"

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"), index=True)
    assessment_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("hospice_assessments.id"), default=None
    )
    held_on: Mapped[dt.date]
    consultant: Mapped[str] = mapped_column(String(40))
    site_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("sites.id"), default=None)
    advice: Mapped[str] = mapped_column(Text)


class HomeHospice(Synced, Base):
    """居家安宁疗护: home hospice started from an assessment. The home bed (家庭病床, 舒缓照顾型) that
    delivers it points here once that capability exists; the link to the assessment is kept either way."""

    __tablename__ = "home_hospice"

    resident_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("residents.id"), index=True)
    assessment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("hospice_assessments.id"))
    started_on: Mapped[dt.date]
    started_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("staff_users.id"), default=None)
    ended_on: Mapped[dt.date | None] = mapped_column(default=None)
    note: Mapped[str | None] = mapped_column(String(200), default=None)


__all__ = ["Consultation", "HomeHospice", "HospiceAssessment", "Referral", "ReferralStep"]
