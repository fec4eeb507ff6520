"""身份证号 (GB 11643-1999): golden cases from reference.md §5 and properties of the check digit.

Every number here is synthetic: built from a region code, a birth date and a made-up sequence.
"""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.id_number import (
    PROVINCES,
    check_digit,
    is_valid_id_number,
    parse_id_number,
    upgrade_15,
)

TODAY = dt.date(2026, 11, 24)


@pytest.mark.parametrize(
    ("first17", "check"),
    [
        ("11010519491231002", "X"),  # reference.md §5.2, matches sndnvaps/CheckID_card
        ("34052419800101001", "X"),  # idem
        ("31010819840330008", "X"),  # a public comment claims 3; the computed value is X
        ("31010519500301123", "5"),
        ("44030119900101001", "2"),
        ("31010520000101008", "0"),  # remainder 1
        ("31010520000101002", "1"),  # remainder 0
    ],
)
def test_check_digit_golden(first17: str, check: str) -> None:
    assert check_digit(first17) == check


@pytest.mark.parametrize(
    ("text", "value", "birth", "sex", "upgraded"),
    [
        ("11010519491231002X", "11010519491231002X", dt.date(1949, 12, 31), "2", False),
        ("11010519491231002x", "11010519491231002X", dt.date(1949, 12, 31), "2", False),  # lower-case x
        (" 340524 19800101 001X ", "34052419800101001X", dt.date(1980, 1, 1), "1", False),  # spaces
        ("31010819840330008X", "31010819840330008X", dt.date(1984, 3, 30), "2", False),
        ("310105500301123", "310105195003011235", dt.date(1950, 3, 1), "1", True),  # 15 digits
        ("３１０１０５１９５００３０１１２３５", "310105195003011235", dt.date(1950, 3, 1), "1", False),
        ("310105200002290002", "310105200002290002", dt.date(2000, 2, 29), "2", False),  # leap day
        ("310105190001010017", "310105190001010017", dt.date(1900, 1, 1), "1", False),  # earliest year
        ("31010520261124000x", "31010520261124000X", TODAY, "2", False),  # born today
        ("910000198001010018", "910000198001010018", dt.date(1980, 1, 1), "1", False),  # 外国人永久居留
        ("810000198001010022", "810000198001010022", dt.date(1980, 1, 1), "2", False),  # 香港
    ],
)
def test_valid_numbers(text: str, value: str, birth: dt.date, sex: str, upgraded: bool) -> None:
    info = parse_id_number(text, today=TODAY)
    assert (info.value, info.birth_date, info.sex, info.upgraded_from_15) == (value, birth, sex, upgraded)
    assert info.region == value[:6]
    assert is_valid_id_number(text, today=TODAY)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "id_number.length"),
        ("31010519500301123", "id_number.length"),  # 17
        ("3101051950030112355", "id_number.length"),  # 19
        ("31010519500301123A", "id_number.chars"),
        ("3101051950030X1235", "id_number.chars"),  # X only last
        ("31010550030112A", "id_number.chars"),  # 15 characters, not all digits
        ("31010519500301123٥", "id_number.chars"),  # another script's digit
        ("010105195003011235", "id_number.region"),  # first digit 0
        ("990105195003011235", "id_number.region"),  # first digit 9, not 91
        ("160105195003011235", "id_number.region"),  # no province 16
        ("31010519500230123X", "id_number.birth_date"),  # 30 February
        ("310105195013011235", "id_number.birth_date"),  # month 13
        ("310105197002290008", "id_number.birth_date"),  # 29 February of a common year
        ("310105202611250005", "id_number.future"),  # tomorrow
        ("310105189912310004", "id_number.too_old"),
        ("310105195003011234", "id_number.check_digit"),
        ("11010519491231002 0", "id_number.check_digit"),
    ],
)
def test_invalid_numbers_say_why_without_echoing(text: str, code: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_id_number(text, today=TODAY)
    error = info.value
    assert error.code == code and error.field == "id_number"
    assert str(error) == error.message and error.message
    digits = "".join(ch for ch in text if ch.isdigit())
    assert len(digits) < 6 or digits[:6] not in error.message  # never echoes the number
    assert not is_valid_id_number(text, today=TODAY)


def test_today_defaults_to_the_real_date() -> None:
    assert parse_id_number("11010519491231002X").birth_date == dt.date(1949, 12, 31)
    assert not is_valid_id_number(f"310105{dt.date.today().year + 1}0101000X")


def test_masked_and_repr_hide_the_middle() -> None:
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert info.masked == "110105********002X"
    assert "19491231" not in repr(info) and info.masked in repr(info)


def test_age() -> None:
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert info.age_on(TODAY) == 76
    assert info.age_on(dt.date(2026, 12, 31)) == 77


def test_check_digit_refuses_bad_input() -> None:
    with pytest.raises(DomainError) as info:
        check_digit("1234")
    assert info.value.code == "id_number.length"
    with pytest.raises(DomainError) as info:
        check_digit("3101051950030112A")
    assert info.value.code == "id_number.chars"


def test_upgrade_15() -> None:
    assert upgrade_15("310105500301123") == "310105195003011235"
    assert upgrade_15(" 310105 500301 123 ") == "310105195003011235"
    for bad, code in (("31010550030112", "id_number.length"), ("12345678901234X", "id_number.chars")):
        with pytest.raises(DomainError) as info:
            upgrade_15(bad)
        assert info.value.code == code


def test_errors_survive_pickling() -> None:
    """The demo build raises in worker processes; the error must arrive whole."""
    with pytest.raises(DomainError) as info:
        parse_id_number("310105195003011234", today=TODAY)
    copy = pickle.loads(pickle.dumps(info.value))
    assert (copy.code, copy.message, copy.field) == ("id_number.check_digit", info.value.message, "id_number")


def test_province_set_is_gb_t_2260() -> None:
    assert len(PROVINCES) == 35 and {"11", "65", "71", "81", "82", "91"} <= PROVINCES
    assert not PROVINCES & {"10", "16", "20", "24", "30", "38", "40", "47", "49", "55", "60", "66", "90"}


# -- properties ------------------------------------------------------------------------------------

regions = st.tuples(st.sampled_from(sorted(PROVINCES)), st.integers(0, 9999)).map(
    lambda t: f"{t[0]}{t[1]:04d}"
)
births = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY)
sequences = st.integers(min_value=0, max_value=999)


@st.composite
def first17s(draw: st.DrawFn) -> str:
    return f"{draw(regions)}{draw(births):%Y%m%d}{draw(sequences):03d}"


@given(first17s())
def test_appending_the_check_digit_makes_a_valid_number(first17: str) -> None:
    info = parse_id_number(first17 + check_digit(first17), today=TODAY)
    assert info.birth_date.strftime("%Y%m%d") == first17[6:14]  # birth date round trip
    assert info.sex == ("1" if int(first17[16]) % 2 else "2")  # odd 17th digit: male
    assert info.region == first17[:6] and not info.upgraded_from_15


@given(first17s(), st.integers(min_value=0, max_value=16), st.integers(min_value=1, max_value=9))
def test_any_single_digit_change_is_caught(first17: str, position: int, delta: int) -> None:
    number = first17 + check_digit(first17)
    digit = (int(number[position]) + delta) % 10
    changed = number[:position] + str(digit) + number[position + 1 :]
    assert not is_valid_id_number(changed, today=TODAY)


@given(first17s(), st.sampled_from("0123456789X"))
def test_any_other_check_character_is_caught(first17: str, check: str) -> None:
    if check != check_digit(first17):
        assert not is_valid_id_number(first17 + check, today=TODAY)


@given(regions, st.dates(dt.date(1900, 1, 1), dt.date(1999, 12, 31)), sequences)
def test_15_digit_upgrade_keeps_the_birth_date(region: str, birth: dt.date, seq: int) -> None:
    old = f"{region}{birth:%y%m%d}{seq:03d}"
    new = upgrade_15(old)
    assert len(new) == 18 and is_valid_id_number(new, today=TODAY)
    assert parse_id_number(new, today=TODAY).birth_date == birth
    info = parse_id_number(old, today=TODAY)
    assert info.value == new and info.upgraded_from_15 and info.birth_date == birth
