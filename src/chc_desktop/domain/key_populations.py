"""Which key populations (重点人群) follow from the file itself.

Age groups are computed from the birth date at query time (they change with the calendar, no job
needs to run); disease and disability groups follow from the filed history and are stored as
derived tags whenever the file changes. The rest are tagged by staff with a date and a source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

# code -> (minimum age, maximum age) in full years; the minimum of the elderly groups is a policy.
AGE_GROUPS: dict[str, tuple[str | int, int | None]] = {
    "elderly65": ("keypop.elderly_age", None),
    "elderly60": ("keypop.shanghai_priority_age", None),
    "child0_6": (0, 6),
}
# PAST_DISEASE code -> key population
DISEASE_GROUPS: dict[str, str] = {"2": "hypertension", "3": "diabetes2", "8": "smi", "9": "tb"}
DERIVED_BY_FILE = frozenset({*DISEASE_GROUPS.values(), "disabled"})
# Tagged by staff (or import), never derived here.
MANUAL_GROUPS = frozenset({"maternal", "family_planning_special", "low_income", "disabled_elderly"})


def birth_date_range(min_age: int, max_age: int | None, today: dt.date) -> tuple[dt.date | None, dt.date]:
    """Birth dates of people aged ``min_age``…``max_age`` (inclusive) on ``today``: (earliest, latest)."""
    latest = _years_before(today, min_age)
    earliest = None
    if max_age is not None:
        earliest = _years_before(today, max_age + 1) + dt.timedelta(days=1)
    return earliest, latest


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def derived_from_file(disease_codes: Iterable[str], disabilities: Iterable[str]) -> set[str]:
    """Key populations the 既往史 and 残疾情况 imply (disability code 1 is 无残疾)."""
    groups = {DISEASE_GROUPS[c] for c in disease_codes if c in DISEASE_GROUPS}
    if any(code != "1" for code in disabilities):
        groups.add("disabled")
    return groups
