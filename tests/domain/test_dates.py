"""Dates as people type them, and full-year ages."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain.dates import age_on, parse_date, parse_year_month
from chc_desktop.domain.errors import DomainError


@pytest.mark.parametrize(
    "text",
    [
        "1949-01-01",
        "1949-1-1",
        "1949/1/1",
        "1949.01.01",
        "19490101",
        "1949年1月1日",
        "1949年01月01日",
        "1949年1月1",
        " 1949 - 01 - 01 ",
        "１９４９－０１－０１",
        "１９４９年１月１日",
    ],
)
def test_dates(text: str) -> None:
    assert parse_date(text) == dt.date(1949, 1, 1)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "date.invalid"),
        ("yesterday", "date.invalid"),
        ("1949-01", "date.invalid"),
        ("1949-1/1", "date.invalid"),  # mixed separators
        ("194901011", "date.invalid"),
        ("490101", "date.invalid"),  # two-digit years are ambiguous
        ("1949-001-01", "date.invalid"),
        ("1949-02-30", "date.impossible"),
        ("1949-13-01", "date.impossible"),
        ("19490230", "date.impossible"),
        ("2023年2月29日", "date.impossible"),
        ("0000-01-01", "date.impossible"),
    ],
)
def test_bad_dates(text: str, code: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_date(text)
    assert info.value.code == code and str(info.value) == info.value.message


def test_date_messages_are_chinese() -> None:
    with pytest.raises(DomainError, match="日期格式不对"):
        parse_date("yesterday")
    with pytest.raises(DomainError, match="不存在的日期"):
        parse_date("1949-02-30")


@pytest.mark.parametrize(
    "text",
    [
        "2015-03",
        "2015-3",
        "2015/3",
        "2015.03",
        "201503",
        "2015年3月",
        "2015年03月",
        "2015年3",
        "２０１５－０３",
    ],
)
def test_year_month(text: str) -> None:
    assert parse_year_month(text) == (2015, 3)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2015-13", "date.impossible"),
        ("2015-0", "date.impossible"),
        ("201500", "date.impossible"),
        ("0000-05", "date.impossible"),
        ("20153", "date.invalid"),  # one-digit month only with a separator
        ("2015", "date.invalid"),
        ("March 2015", "date.invalid"),
        ("", "date.invalid"),
    ],
)
def test_bad_year_month(text: str, code: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_year_month(text)
    assert info.value.code == code


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (dt.date(1949, 1, 1), dt.date(2026, 11, 24), 77),
        (dt.date(1949, 11, 24), dt.date(2026, 11, 24), 77),  # birthday today
        (dt.date(1949, 11, 25), dt.date(2026, 11, 24), 76),  # birthday tomorrow
        (dt.date(2000, 2, 29), dt.date(2026, 2, 28), 25),  # leap-day birthday, common year
        (dt.date(2000, 2, 29), dt.date(2026, 3, 1), 26),
        (dt.date(2000, 2, 29), dt.date(2028, 2, 29), 28),
        (dt.date(2026, 11, 24), dt.date(2026, 11, 24), 0),
        (dt.date(2026, 11, 25), dt.date(2026, 11, 24), -1),  # before birth
    ],
)
def test_age_golden(birth: dt.date, on: dt.date, age: int) -> None:
    assert age_on(birth, on) == age


@given(
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)), st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31))
)
def test_age_is_full_years(birth: dt.date, on: dt.date) -> None:
    age = age_on(birth, on)
    if on < birth:
        assert age < 0
        return

    def anniversary(years: int) -> dt.date:
        try:
            return birth.replace(year=birth.year + years)
        except ValueError:  # 29 February: the birthday falls on 1 March in common years
            return dt.date(birth.year + years, 3, 1)

    assert anniversary(age) <= on
    if birth.year + age + 1 <= dt.MAXYEAR:
        assert on < anniversary(age + 1)


@given(st.dates(dt.date(1000, 1, 1), dt.date(9999, 12, 31)))
def test_every_date_round_trips_in_every_format(day: dt.date) -> None:
    for text in (
        day.isoformat(),
        f"{day:%Y%m%d}",
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}年{day.month}月{day.day}日",
    ):
        assert parse_date(text) == day
    assert parse_year_month(f"{day:%Y-%m}") == parse_year_month(f"{day:%Y%m}") == (day.year, day.month)
