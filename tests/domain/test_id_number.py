"""身份证号: golden cases from reference.md §5 and properties of the check digit."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.id_number import check_digit, is_valid_id_number, parse_id_number, upgrade_15

TODAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("first17", "check"),
    [
        ("11010519491231002", "X"),  # reference.md §5.2, checked against sndnvaps/CheckID_card
        ("34052419800101001", "X"),
        ("31010819840330008", "X"),  # a public comment claims 3; the computed value is X
        ("31010519500301123", "5"),
        ("44030119900101001", "2"),
    ],
)
def test_check_digit_golden(first17: str, check: str) -> None:
    assert check_digit(first17) == check


@pytest.mark.parametrize(
    ("text", "value", "birth", "sex", "upgraded"),
    [
        ("11010519491231002X", "11010519491231002X", dt.date(1949, 12, 31), "2", False),
        ("11010519491231002x", "11010519491231002X", dt.date(1949, 12, 31), "2", False),  # lower-case x
        (" 340524 19800101 001X ", "34052419800101001X", dt.date(1980, 1, 1), "1", False),
        ("310105500301123", "310105195003011235", dt.date(1950, 3, 1), "1", True),  # 15-digit upgrade
        (
            "３１０１０５１９５００３０１１２３５",
            "310105195003011235",
            dt.date(1950, 3, 1),
            "1",
            False,
        ),  # full-width
    ],
)
def test_valid_numbers(text: str, value: str, birth: dt.date, sex: str, upgraded: bool) -> None:
    info = parse_id_number(text, today=TODAY)
    assert (info.value, info.birth_date, info.sex, info.upgraded_from_15) == (value, birth, sex, upgraded)
    assert info.region == value[:6]
    assert info.masked == value[:6] + "********" + value[-4:]
    assert info.age_on(TODAY) == TODAY.year - birth.year - (
        (TODAY.month, TODAY.day) < (birth.month, birth.day)
    )


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("31010519500301123", "id_number.length"),
        ("3101051950030112355", "id_number.length"),
        ("31010519500301123A", "id_number.chars"),
        ("3101051950030X1235", "id_number.chars"),
        ("31010519500230123X", "id_number.birth_date"),  # 30 February
        ("310105203001011234", "id_number.future"),
        ("310105180001011234", "id_number.too_old"),
        ("010105195003011235", "id_number.region"),
        ("990105195003011235", "id_number.region"),
        ("310105195003011234", "id_number.check_digit"),
        ("31010550030112A", "id_number.chars"),
    ],
)
def test_invalid_numbers_say_why(text: str, code: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_id_number(text, today=TODAY)
    assert info.value.code == code and info.value.field == "id_number"
    assert text.strip()[:17] not in info.value.message  # never echoes the number
    assert not is_valid_id_number(text, today=TODAY)


regions = st.sampled_from(["110105", "310105", "310104", "320102", "440301", "510107", "650102", "910000"])
births = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)


@st.composite
def first17s(draw: st.DrawFn) -> str:
    return f"{draw(regions)}{draw(births):%Y%m%d}{draw(sequences):03d}"


@given(first17s())
def test_appending_the_check_digit_makes_a_valid_number(first17: str) -> None:
    info = parse_id_number(first17 + check_digit(first17), today=TODAY)
    assert info.birth_date.strftime("%Y%m%d") == first17[6:14]
    assert info.sex == ("1" if int(first17[16]) % 2 else "2")


@given(first17s(), st.integers(min_value=0, max_value=16), st.integers(min_value=1, max_value=9))
def test_any_single_digit_change_is_caught(first17: str, position: int, delta: int) -> None:
    number = first17 + check_digit(first17)
    digit = (int(number[position]) + delta) % 10
    changed = number[:position] + str(digit) + number[position + 1 :]
    assert not is_valid_id_number(changed, today=TODAY)


@given(
    st.sampled_from(["110105", "310105", "320102"]),
    st.dates(dt.date(1900, 1, 1), dt.date(1999, 12, 31)),
    sequences,
)
def test_15_digit_upgrade_keeps_the_birth_date(region: str, birth: dt.date, seq: int) -> None:
    old = f"{region}{birth:%y%m%d}{seq:03d}"
    new = upgrade_15(old)
    assert len(new) == 18 and is_valid_id_number(new, today=TODAY)
    assert parse_id_number(new, today=TODAY).birth_date == birth


def test_check_digit_refuses_bad_input() -> None:
    with pytest.raises(DomainError):
        check_digit("1234")
    with pytest.raises(DomainError):
        upgrade_15("12345678901234X")
