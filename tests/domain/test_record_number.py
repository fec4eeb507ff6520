"""健康档案编号: 6 区划 + 3 街道 + 3 居委 + 5 序号 (reference.md §1.1)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.record_number import (
    MAX_SERIAL,
    RecordNumber,
    committee_kind,
    make_record_number,
    normalize_record_query,
    parse_record_number,
)


def test_golden_example_from_reference() -> None:
    n = make_record_number("310105", "001", "001", 1)
    assert n == RecordNumber("310105", "001", "001", 1)
    assert n.value == "31010500100100001"
    assert n.formatted == "310105-001-001-00001"
    assert (n.last8, n.formatted_last8) == ("00100001", "001-00001")


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("31010500100100001", ("310105", "001", "001", 1)),
        ("310105-001-001-00001", ("310105", "001", "001", 1)),
        ("310105 001 001 00001", ("310105", "001", "001", 1)),
        (" 310105—102—101—99999 ", ("310105", "102", "101", MAX_SERIAL)),  # em dashes, 村委会
        ("３１０１０５－０１１－９０１－００１２３", ("310105", "011", "901", 123)),  # full width
    ],
)
def test_parse(text: str, parts: tuple[str, str, str, int]) -> None:
    assert parse_record_number(text) == make_record_number(*parts)


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


@pytest.mark.parametrize("code", ["000", "100", "200", "500", "900", "01", "0001", "abc", "０１２", ""])
def test_committee_codes_outside_the_ranges_are_refused(code: str) -> None:
    with pytest.raises(DomainError) as info:
        committee_kind(code)
    assert (info.value.code, info.value.field) == ("record_no.committee", "record_no")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("010105", "001", "001", 1), "record_no.district"),
        (("31010", "001", "001", 1), "record_no.district"),
        (("31010a", "001", "001", 1), "record_no.district"),
        (("310105", "000", "001", 1), "record_no.street"),
        (("310105", "01", "001", 1), "record_no.street"),
        (("310105", "0a1", "001", 1), "record_no.street"),
        (("310105", "001", "100", 1), "record_no.committee"),
        (("310105", "001", "000", 1), "record_no.committee"),
        (("310105", "001", "001", 0), "record_no.serial"),
        (("310105", "001", "001", MAX_SERIAL + 1), "record_no.serial"),
    ],
)
def test_invalid_parts(args: tuple[str, str, str, int], code: str) -> None:
    with pytest.raises(DomainError) as info:
        make_record_number(*args)
    assert info.value.code == code and info.value.field == "record_no"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("3101050010010000", "record_no.length"),  # 16
        ("310105001001000011", "record_no.length"),  # 18
        ("31010500100A00001", "record_no.length"),
        ("", "record_no.length"),
        ("31010500110000001", "record_no.committee"),  # committee 100
        ("31010500100100000", "record_no.serial"),  # serial 0
    ],
)
def test_parse_refuses_wrong_shapes(text: str, code: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_record_number(text)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("310105-001-001-00001", "31010500100100001"),
        ("001-00001", "00100001"),
        ("00100001", "00100001"),
        (" 901 12345 ", "90112345"),
        ("12345", None),  # too short: a phone tail, not a record number
        ("zs", None),
        ("", None),
        ("20150301", None),  # a date: committee 201 does not exist
        ("00100000", None),  # serial 0
        ("31010500110000001", None),  # committee 100
        ("3101050010010000x", None),
        ("310105001001000011", None),  # 18 digits is an ID number's length
    ],
)
def test_normalize_query(text: str, digits: str | None) -> None:
    assert normalize_record_query(text) == digits


committees = st.one_of(st.integers(1, 99), st.integers(101, 199), st.integers(901, 999)).map(
    lambda n: f"{n:03d}"
)


@given(
    st.integers(100000, 999999).map(str),
    st.integers(1, 999).map(lambda n: f"{n:03d}"),
    committees,
    st.integers(1, MAX_SERIAL),
)
def test_round_trip(district: str, street: str, committee: str, serial: int) -> None:
    n = make_record_number(district, street, committee, serial)
    assert len(n.value) == 17 and n.value.isascii() and n.value.isdigit()
    assert parse_record_number(n.value) == n == parse_record_number(n.formatted)
    assert n.formatted.replace("-", "") == n.value
    assert n.value.endswith(n.last8) and n.last8 == n.value[9:]
    assert n.formatted_last8.replace("-", "") == n.last8 and n.formatted.endswith(n.formatted_last8)
    assert normalize_record_query(n.formatted) == n.value
    assert normalize_record_query(n.formatted_last8) == n.last8
