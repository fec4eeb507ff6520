"""Phones, dates, code lists, pinyin keys, key populations, policy parameters."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain import codes
from chc_desktop.domain.dates import age_on, parse_date, parse_year_month
from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.key_populations import birth_date_range, derived_from_file
from chc_desktop.domain.phone import parse_phone
from chc_desktop.domain.policy import POLICY, parameter


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("13812345678", "13812345678", "mobile"),
        ("138 1234 5678", "13812345678", "mobile"),
        ("+86 138-1234-5678", "13812345678", "mobile"),
        ("008613812345678", "13812345678", "mobile"),
        ("１３８１２３４５６７８", "13812345678", "mobile"),
        ("62345678", "021-62345678", "landline"),
        ("021-62345678", "021-62345678", "landline"),
        ("(021) 6234 5678", "021-62345678", "landline"),
        ("010-62345678", "010-62345678", "landline"),
        ("0571-8765432", "0571-8765432", "landline"),
        ("62345678转123", "021-62345678-123", "landline"),
    ],
)
def test_phones(text: str, value: str, kind: str) -> None:
    phone = parse_phone(text)
    assert (phone.value, phone.kind) == (value, kind)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "12345",
        "1381234567",
        "138123456789",
        "12812345678",
        "6234567",
        "021-1234567",
        "abc",
        "13812345678a",
    ],
)
def test_bad_phones(text: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_phone(text)
    assert info.value.field == "phone"


def test_phone_tails_and_masks() -> None:
    assert parse_phone("13812345678").last4 == "5678"
    assert parse_phone("13812345678").masked == "138****5678"
    assert parse_phone("62345678").last4 == "5678"


@pytest.mark.parametrize("text", ["1949-01-01", "1949/1/1", "19490101", "1949年1月1日", "1949.01.01"])
def test_dates(text: str) -> None:
    assert parse_date(text) == dt.date(1949, 1, 1)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1949-02-30", "date.impossible"),
        ("yesterday", "date.invalid"),
        ("1949-13-01", "date.impossible"),
        ("", "date.invalid"),
    ],
)
def test_bad_dates(text: str, code: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_date(text)
    assert info.value.code == code


def test_year_month() -> None:
    assert (
        parse_year_month("2015-03")
        == parse_year_month("201503")
        == parse_year_month("2015年3月")
        == (2015, 3)
    )
    with pytest.raises(DomainError):
        parse_year_month("2015-13")


@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2026, 12, 31)), st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1))
)
def test_age_is_full_years(birth: dt.date, on: dt.date) -> None:
    if on < birth:
        return
    age = age_on(birth, on)
    assert age >= 0
    anniversary = birth.replace(year=birth.year + age) if not (birth.month == 2 and birth.day == 29) else None
    if anniversary:
        assert anniversary <= on


def test_leap_day_birthday() -> None:
    assert age_on(dt.date(2000, 2, 29), dt.date(2026, 2, 28)) == 25
    assert age_on(dt.date(2000, 2, 29), dt.date(2026, 3, 1)) == 26


def test_code_lists_are_well_formed() -> None:
    assert len(codes.ALL_CODE_LISTS) >= 24
    for code_list in codes.ALL_CODE_LISTS.values():
        values = [c.code for c in code_list.codes]
        assert len(values) == len(set(values)), code_list.key
        assert all(c.label for c in code_list.codes)
        for special in (code_list.other_code, code_list.none_code):
            assert special is None or code_list.has(special)


def test_code_list_rules() -> None:
    assert codes.DRUG_ALLERGY.validate(["2", "3"]) == ("2", "3")
    assert codes.DISABILITY.label("4") == "言语残疾"  # the printed form's wording
    for chosen, other, code in [
        (["1", "2"], None, "code.none_with_others"),
        (["2", "2"], None, "code.repeated"),
        (["5"], None, "code.other_text"),
        (["9"], None, "code.unknown"),
    ]:
        with pytest.raises(DomainError) as info:
            codes.DRUG_ALLERGY.validate(chosen, other)
        assert info.value.code == code
    with pytest.raises(DomainError, match="最多"):
        codes.PAYMENT_METHOD.validate(["1", "2", "3", "4"])
    assert codes.PAYMENT_METHOD.validate(["8"], "医疗救助") == ("8",)


def test_age_ranges_and_derived_groups() -> None:
    today = dt.date(2026, 11, 24)
    earliest, latest = birth_date_range(0, 6, today)
    assert latest == today and earliest == dt.date(2019, 11, 25)
    assert birth_date_range(65, None, today) == (None, dt.date(1961, 11, 24))
    assert derived_from_file(["2", "3", "13"], ["1"]) == {"hypertension", "diabetes2"}
    assert derived_from_file([], ["5"]) == {"disabled"}


def test_policy_parameters_coerce_and_refuse() -> None:
    term = parameter("contract.term_months")
    assert term.coerce("24") == 24
    with pytest.raises(DomainError):
        term.coerce("6")  # below the national minimum of one year
    with pytest.raises(DomainError):
        parameter("no.such")
    assert parameter("contract.termination_reasons").coerce("甲，乙, 丙") == ["甲", "乙", "丙"]
    assert all(p.source for p in POLICY.values())
