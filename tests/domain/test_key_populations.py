"""Key populations from the file: age groups by birth-date range (golden table and a property over
every birth date and day), and disease and disability groups from the history."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain import codes
from chc_desktop.domain.dates import age_on
from chc_desktop.domain.key_populations import (
    DERIVED_BY_FILE,
    DISEASE_GROUPS,
    birth_date_range,
    derived_from_file,
)

D = dt.date


@pytest.mark.parametrize(
    ("min_age", "max_age", "today", "earliest", "latest"),
    [
        (65, None, D(2026, 11, 24), None, D(1961, 11, 24)),  # 65 today counts
        (60, None, D(2026, 11, 24), None, D(1966, 11, 24)),
        (0, 6, D(2026, 11, 24), D(2019, 11, 25), D(2026, 11, 24)),  # the 7th birthday leaves the group
        (65, None, D(2024, 2, 29), None, D(1959, 2, 28)),  # a leap day: no 29 February in 1959
        (0, 6, D(2024, 2, 29), D(2017, 3, 1), D(2024, 2, 29)),
    ],
)
def test_birth_date_ranges(
    min_age: int, max_age: int | None, today: dt.date, earliest: dt.date | None, latest: dt.date
) -> None:
    assert birth_date_range(min_age, max_age, today) == (earliest, latest)


@given(
    birth=st.dates(D(1900, 1, 1), D(2030, 12, 31)),
    today=st.dates(D(2000, 1, 1), D(2040, 12, 31)),
    min_age=st.integers(0, 90),
    span=st.one_of(st.none(), st.integers(0, 20)),
)
def test_the_range_is_exactly_the_ages(
    birth: dt.date, today: dt.date, min_age: int, span: int | None
) -> None:
    """In the range ⇔ 周岁 on that day within [min, max]: the SQL filter and the file agree."""
    max_age = None if span is None else min_age + span
    earliest, latest = birth_date_range(min_age, max_age, today)
    in_range = birth <= latest and (earliest is None or birth >= earliest)
    age = age_on(birth, today)
    assert in_range == (age >= min_age and (max_age is None or age <= max_age))


@pytest.mark.parametrize(
    ("diseases", "disabilities", "groups"),
    [
        ((), ("1",), set()),
        (("2",), ("1",), {"hypertension"}),
        (("2", "3", "4"), (), {"hypertension", "diabetes2"}),  # 冠心病 is no key population
        (("8", "9"), ("5",), {"smi", "tb", "disabled"}),
        ((), ("2", "5"), {"disabled"}),
    ],
)
def test_groups_from_the_history(
    diseases: tuple[str, ...], disabilities: tuple[str, ...], groups: set[str]
) -> None:
    assert derived_from_file(diseases, disabilities) == groups


@given(
    diseases=st.lists(st.sampled_from([c.code for c in codes.PAST_DISEASE.codes])),
    disabilities=st.lists(st.sampled_from([c.code for c in codes.DISABILITY.codes])),
)
def test_derivation_follows_the_codes(diseases: list[str], disabilities: list[str]) -> None:
    groups = derived_from_file(diseases, disabilities)
    assert groups <= DERIVED_BY_FILE
    assert {g for g in groups if g != "disabled"} == {
        DISEASE_GROUPS[c] for c in diseases if c in DISEASE_GROUPS
    }
    assert ("disabled" in groups) == any(c != "1" for c in disabilities)
    assert all(codes.KEY_POPULATION.has(g) for g in groups)
