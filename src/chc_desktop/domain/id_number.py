"""身份证号 (GB 11643-1999): check digit (ISO 7064 MOD 11-2), birth date, sex, 15-digit upgrade.

reference.md §5. The region code is where the person was first registered; it need not be Changning.
"""

from __future__ import annotations

import datetime as dt
import operator
import unicodedata
from dataclasses import dataclass

from chc_desktop.domain.dates import age_on
from chc_desktop.domain.errors import DomainError

FIELD = "id_number"
# w_i = 2^(18-i) mod 11 for positions 1..17 [V S29]
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"  # indexed by the weighted sum mod 11
# GB/T 2260 province-level codes (first two digits), plus 71 台湾, 81 香港, 82 澳门 and 91 for the
# new-style 外国人永久居留身份证, which follows the same structure.
PROVINCES = frozenset(
    str(n)
    for n in (*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55), *range(61, 66))
) | {"71", "81", "82", "91"}
EARLIEST_BIRTH_YEAR = 1900


def _digits(text: str) -> bool:
    # str.isdigit alone also accepts other scripts' digits and superscripts.
    return text.isascii() and text.isdigit()


def _normalize(text: str) -> str:
    # Full-width digits become ASCII; spaces typed to group the digits go.
    return "".join(unicodedata.normalize("NFKC", text).split())


@dataclass(frozen=True)
class IdNumber:
    value: str  # 18 characters, check character upper-case
    region: str  # first 6 digits (GB/T 2260)
    birth_date: dt.date
    sex: str  # GB/T 2261.1: "1" male, "2" female
    upgraded_from_15: bool

    def age_on(self, on: dt.date) -> int:
        return age_on(self.birth_date, on)

    @property
    def masked(self) -> str:
        """For screens and logs: ``310105********123X``."""
        return self.value[:6] + "*" * 8 + self.value[-4:]

    def __repr__(self) -> str:
        # A repr lands in logs and tracebacks: never the whole number.
        return f"IdNumber({self.masked})"


def _error(code: str, message: str) -> DomainError:
    return DomainError(f"id_number.{code}", message, FIELD)


def check_digit(first17: str) -> str:
    """The 18th character for the first 17 digits."""
    if len(first17) != 17:
        raise _error("length", "计算校验位需要身份证号的前 17 位")
    if not _digits(first17):
        raise _error("chars", "身份证号前 17 位只能是数字")
    return CHECK_CHARS[sum(map(operator.mul, map(int, first17), WEIGHTS)) % 11]


def upgrade_15(text: str) -> str:
    """An old 15-digit number as 18 digits: insert the century "19", append the check digit.

    15-digit numbers (GB 11643-1989) were issued only to people born in the 1900s.
    """
    t = _normalize(text)
    if len(t) != 15:
        raise _error("length", "旧版身份证号应为 15 位")
    if not _digits(t):
        raise _error("chars", "15 位身份证号应全部为数字")
    first17 = t[:6] + "19" + t[6:]
    return first17 + check_digit(first17)


def parse_id_number(text: str, today: dt.date | None = None) -> IdNumber:
    """The number as typed (spaces, full-width digits, lower-case x allowed), checked and decoded."""
    today = today or dt.date.today()
    t = _normalize(text).upper()
    upgraded = len(t) == 15
    if upgraded:
        t = upgrade_15(t)
    if len(t) != 18:
        raise _error("length", f"身份证号应为 18 位（或旧版 15 位），现在是 {len(t)} 位")
    if not _digits(t[:17]) or not (_digits(t[17]) or t[17] == "X"):
        raise _error("chars", "身份证号只能是数字，只有最后一位可以是 X")
    if t[:2] not in PROVINCES:
        raise _error("region", "身份证号前 6 位（地址码）不是有效的行政区划代码")
    try:
        birth = dt.date(int(t[6:10]), int(t[10:12]), int(t[12:14]))
    except ValueError:
        raise _error("birth_date", "身份证号中的出生日期不存在，请核对第 7–14 位") from None
    if birth > today:
        raise _error("future", "身份证号中的出生日期晚于今天，请核对")
    if birth.year < EARLIEST_BIRTH_YEAR:
        raise _error("too_old", "身份证号中的出生年份早于 1900 年，请核对")
    if check_digit(t[:17]) != t[17]:
        raise _error("check_digit", "身份证号校验位错误，请核对")
    return IdNumber(t, t[:6], birth, "1" if int(t[16]) % 2 else "2", upgraded)


def is_valid_id_number(text: str, today: dt.date | None = None) -> bool:
    try:
        parse_id_number(text, today)
    except DomainError:
        return False
    return True
