"""Phone numbers: mobiles and landlines as people type them (numbers are made up)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.phone import Phone, last4_of, parse_phone


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("13812345678", "13812345678", "mobile"),
        ("138 1234 5678", "13812345678", "mobile"),
        ("138-1234-5678", "13812345678", "mobile"),
        ("+86 138-1234-5678", "13812345678", "mobile"),
        ("+86(138)12345678", "13812345678", "mobile"),
        ("008613812345678", "13812345678", "mobile"),
        ("8613812345678", "13812345678", "mobile"),
        ("013812345678", "13812345678", "mobile"),  # long-distance 0 before a mobile
        ("１３８１２３４５６７８", "13812345678", "mobile"),  # full-width
        ("19912345678", "19912345678", "mobile"),
        ("62345678", "021-62345678", "landline"),
        ("6234 5678", "021-62345678", "landline"),
        ("021-62345678", "021-62345678", "landline"),
        ("021 6234 5678", "021-62345678", "landline"),
        ("(021) 6234 5678", "021-62345678", "landline"),
        ("（０２１）６２３４５６７８", "021-62345678", "landline"),
        ("+86 21 6234 5678", "021-62345678", "landline"),
        ("0086-21-62345678", "021-62345678", "landline"),
        ("010-62345678", "010-62345678", "landline"),
        ("0571-8765432", "0571-8765432", "landline"),
        ("0571-87654321", "0571-87654321", "landline"),
        ("62345678转123", "021-62345678-123", "landline"),
        ("62345678 分机 8", "021-62345678-8", "landline"),
        ("021-62345678 ext. 123", "021-62345678-123", "landline"),
        ("021-62345678#123", "021-62345678-123", "landline"),
        ("021-62345678-123", "021-62345678-123", "landline"),
        ("62345678-123", "021-62345678-123", "landline"),
        ("0571-8765432-1", "0571-8765432-1", "landline"),  # 7-digit local, extension 1
    ],
)
def test_phones(text: str, value: str, kind: str) -> None:
    phone = parse_phone(text)
    assert (phone.value, phone.kind) == (value, kind)
    assert parse_phone(phone.value) == phone  # normalised values parse to themselves


def test_default_area() -> None:
    assert parse_phone("8765432", default_area="0571").value == "0571-8765432"
    assert parse_phone("62345678", default_area="010").value == "010-62345678"
    with pytest.raises(DomainError):
        parse_phone("6234567", default_area="010")  # 3-digit areas have 8-digit numbers


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "phone.empty"),
        ("   ", "phone.empty"),
        ("abc", "phone.chars"),
        ("13812345678a", "phone.chars"),
        ("138/1234/5678", "phone.chars"),
        ("62345678转", "phone.chars"),
        ("1381234567", "phone.mobile"),  # 10 digits
        ("138123456789", "phone.mobile"),  # 12 digits
        ("12812345678", "phone.mobile"),  # 12x is not a mobile range
        ("12345", "phone.mobile"),
        ("13812345678转12", "phone.extension"),
        ("6234567", "phone.landline"),  # 7 digits in Shanghai
        ("021-6234567", "phone.landline"),
        ("021-12345678", "phone.landline"),  # local numbers do not start with 0 or 1
        ("0123-4567890", "phone.landline"),  # no area code 0123
        ("0571-876543", "phone.landline"),  # 6 digits
        ("0571-876543210", "phone.landline"),  # 9 digits
        ("0", "phone.landline"),
        ("+1 415 555 0100", "phone.country"),
        ("0044 20 7946 0000", "phone.country"),
    ],
)
def test_bad_phones(text: str, code: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_phone(text)
    error = info.value
    assert error.code == code and error.field == "phone" and str(error) == error.message
    digits = "".join(ch for ch in text if ch.isdigit())
    assert len(digits) < 4 or digits not in error.message  # never echoes the number


def test_messages_say_what_a_number_should_look_like() -> None:
    with pytest.raises(DomainError, match="手机号应为 11 位"):
        parse_phone("1381234567")
    with pytest.raises(DomainError, match="电话号码格式不对"):
        parse_phone("021-6234567")


def test_tails_and_masks() -> None:
    mobile = parse_phone("13812345678")
    assert (mobile.last4, mobile.masked) == ("5678", "138****5678")
    landline = parse_phone("021-62345678-123")
    assert (landline.last4, landline.masked) == ("5678", "021-****5678")
    assert parse_phone("0571-8765432").masked == "0571-***5432"
    assert "12345678" not in repr(mobile) and "62345678" not in repr(landline)
    assert Phone("13812345678", "mobile") == mobile


mobiles = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)
shanghai = st.from_regex(r"[2-9][0-9]{7}", fullmatch=True)
separators = st.sampled_from(["", " ", "-"])


@given(mobiles, separators)
def test_any_mobile_however_grouped(number: str, sep: str) -> None:
    typed = f"{number[:3]}{sep}{number[3:7]}{sep}{number[7:]}"
    phone = parse_phone(typed)
    assert (phone.value, phone.kind, phone.last4) == (number, "mobile", number[-4:])
    assert parse_phone("+86 " + typed) == phone


@given(shanghai, st.sampled_from(["", "021-", "021 ", "(021)"]), st.none() | st.integers(1, 999999))
def test_any_shanghai_landline(local: str, prefix: str, extension: int | None) -> None:
    typed = prefix + local + (f"转{extension}" if extension else "")
    phone = parse_phone(typed)
    assert phone.value == f"021-{local}" + (f"-{extension}" if extension else "")
    assert phone.kind == "landline" and phone.last4 == local[-4:]
    assert parse_phone(phone.value) == phone


@pytest.mark.parametrize(
    ("stored", "last4"),
    [("13812345678", "5678"), ("021-62345678", "5678"), ("021-62345678-123", "5678"), ("12", None)],
)
def test_search_last4_ignores_the_extension(stored: str, last4: str | None) -> None:

    assert last4_of(stored) == last4
