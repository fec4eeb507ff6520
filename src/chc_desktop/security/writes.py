"""Which permission a write to each synced table and field needs: one table for the app's services
and for the hub server, which checks every pushed change against it (the workstation is not
trusted to have checked).

A change needs the table's permission and, for the fields named below, theirs as well. Tables the
hub manages itself (accounts, settings) take no change from a workstation at all.
"""

from __future__ import annotations

from collections.abc import Iterable

from chc_desktop.domain.resident import CLINICAL_FIELDS
from chc_desktop.security.roles import Permission

P = Permission

# Staff accounts and settings are the hub's: changed through its admin API, never by a replicated row.
HUB_MANAGED: dict[str, str] = {"staff_users": "用户账户", "settings": "系统设置"}

TABLE_WRITE: dict[str, Permission] = {
    "residents": P.RESIDENT_WRITE,
    "households": P.RESIDENT_WRITE,
    "household_members": P.RESIDENT_WRITE,
    "history_entries": P.CLINICAL_WRITE,
    "key_population_tags": P.KEY_POPULATION_WRITE,
    "contracts": P.CONTRACT_WRITE,
    "hospice_assessments": P.HOSPICE_WRITE,
    "consultations": P.HOSPICE_WRITE,
    "home_hospice": P.HOSPICE_WRITE,
    "referrals": P.REFERRAL_WRITE,
    "referral_steps": P.REFERRAL_WRITE,
    "home_beds": P.HOMEBED_WRITE,
    "bed_visits": P.HOMEBED_WRITE,
    "teams": P.TEAM_MANAGE,
    "team_members": P.TEAM_MANAGE,
    "service_packages": P.TEAM_MANAGE,
    "sites": P.SETTINGS_MANAGE,  # 居委会 under the workstation's own street only
}

# 失访 / 死亡 / 迁出 and what goes with them.
RESIDENT_STATUS_FIELDS = frozenset(
    {"status", "status_date", "status_reason", "death_cause", "death_place", "moved_to", "merged_into_id"}
)
# Signing an assessment is a doctor's decision.
SIGNATURE_FIELDS = frozenset({"signed_at", "signed_by_id", "digest"})

FIELD_WRITE: dict[tuple[str, str], Permission] = {
    **{("residents", f): P.CLINICAL_WRITE for f in CLINICAL_FIELDS},
    **{("residents", f): P.RESIDENT_STATUS for f in RESIDENT_STATUS_FIELDS},
    **{("hospice_assessments", f): P.HOSPICE_SIGN for f in SIGNATURE_FIELDS},
}


def write_permissions(
    table: str, fields: Iterable[str], insert: bool, status: str | None = None
) -> set[Permission]:
    """What a change to ``fields`` of a ``table`` row needs (for an insert: the fields it fills).
    A home bed is applied for with the everyday right; opening, renewing, returning and discharging
    it are the centre's (``status`` is the row's status after the change)."""
    needed = {TABLE_WRITE[table]} if table in TABLE_WRITE else set()
    needed |= {FIELD_WRITE[(table, f)] for f in fields if (table, f) in FIELD_WRITE}
    if table == "home_beds" and not (insert and status in (None, "applied")):
        needed.add(P.HOMEBED_MANAGE)
    return needed


__all__ = ["FIELD_WRITE", "HUB_MANAGED", "TABLE_WRITE", "write_permissions"]
