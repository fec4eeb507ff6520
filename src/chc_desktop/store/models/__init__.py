"""SQLAlchemy models, one module per aggregate. Importing this package registers every table."""

from chc_desktop.store.models.audit import AuditEntry
from chc_desktop.store.models.changes import ChangeRecord, LocalMeta
from chc_desktop.store.models.contracts import Contract, ServicePackage, Team, TeamMember
from chc_desktop.store.models.homebeds import BedVisit, HomeBed
from chc_desktop.store.models.referrals import (
    Consultation,
    HomeHospice,
    HospiceAssessment,
    Referral,
    ReferralStep,
)
from chc_desktop.store.models.residents import (
    HistoryEntry,
    Household,
    HouseholdMember,
    KeyPopulationTag,
    Resident,
    SerialLease,
)
from chc_desktop.store.models.settings import Setting
from chc_desktop.store.models.sites import Site
from chc_desktop.store.models.sync import SyncConflict, SyncDigest, SyncRun
from chc_desktop.store.models.users import StaffUser

__all__ = [
    "AuditEntry",
    "BedVisit",
    "ChangeRecord",
    "Consultation",
    "Contract",
    "HistoryEntry",
    "HomeBed",
    "HomeHospice",
    "HospiceAssessment",
    "Household",
    "HouseholdMember",
    "KeyPopulationTag",
    "LocalMeta",
    "Referral",
    "ReferralStep",
    "Resident",
    "SerialLease",
    "ServicePackage",
    "Setting",
    "Site",
    "StaffUser",
    "SyncConflict",
    "SyncDigest",
    "SyncRun",
    "Team",
    "TeamMember",
]
