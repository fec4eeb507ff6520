"""健康档案编号: 6 区划 + 3 街道 + 3 居委 + 5 序号."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.record_number import (
    committee_kind,
    make_record_number,
    normalize_record_query,
    parse_record_number,
)


def test_golden_example_from_reference() -> None:
    n = make_record_number("310105", "001", "001", 1)
    assert n.value == "31010500100100001"
    assert n.formatted == "310105-001-001-00001"
    assert (n.last8, n.formatted_last8) == ("00100001", "001-00001")
    assert parse_record_number("310105-001-001-00001") == n
    assert parse_record_number("310105 001 001 00001") == n


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("001", "居委会"),
        ("099", "居委会"),
        ("101", "村委会"),
        ("199", "村委会"),
        ("901", "其他组织"),
        ("999", "其他组织"),
    ],
)
def test_committee_kinds(code: str, kind: str) -> None:
    assert committee_kind(code) == kind


@pytest.mark.parametrize("code", ["000", "100", "200", "500", "900", "01", "abc"])
def test_committee_codes_outside_the_ranges_are_refused(code: str) -> None:
    with pytest.raises(DomainError):
        committee_kind(code)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("010105", "001", "001", 1), "record_no.district"),
        (("31010", "001", "001", 1), "record_no.district"),
        (("310105", "000", "001", 1), "record_no.street"),
        (("310105", "001", "100", 1), "record_no.committee"),
        (("310105", "001", "001", 0), "record_no.serial"),
        (("310105", "001", "001", 100000), "record_no.serial"),
    ],
)
def test_invalid_parts(args: tuple[str, str, str, int], code: str) -> None:
    with pytest.raises(DomainError) as info:
        make_record_number(*args)
    assert info.value.code == code


@pytest.mark.parametrize("text", ["3101050010010000", "310105001001000011", "31010500100A00001", ""])
def test_parse_refuses_wrong_shapes(text: str) -> None:
    with pytest.raises(DomainError):
        parse_record_number(text)


committees = st.one_of(st.integers(1, 99), st.integers(101, 199), st.integers(901, 999)).map(
    lambda n: f"{n:03d}"
)


@given(
    st.integers(100000, 999999).map(str),
    st.integers(1, 999).map(lambda n: f"{n:03d}"),
    committees,
    st.integers(1, 99999),
)
def test_round_trip(district: str, street: str, committee: str, serial: int) -> None:
    n = make_record_number(district, street, committee, serial)
    assert len(n.value) == 17 and n.value.isdigit()
    assert parse_record_number(n.value) == n == parse_record_number(n.formatted)
    assert n.value.endswith(n.last8)
    assert normalize_record_query(n.formatted) == n.value
    assert normalize_record_query(n.formatted_last8) == n.last8


def test_normalize_query_ignores_other_lengths() -> None:
    assert normalize_record_query("12345") is None
    assert normalize_record_query("zs") is None
