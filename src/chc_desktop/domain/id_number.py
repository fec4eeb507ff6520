"""身份证号 (GB 11643-1999): check digit (ISO 7064 MOD 11-2), birth date, sex, 15-digit upgrade.

reference.md §5. The region code is the place of first registration: it need not be Changning.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from chc_desktop.domain.dates import age_on
from chc_desktop.domain.errors import DomainError

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
# GB/T 2260 province-level codes (first two digits); 71 台湾, 81 香港, 82 澳门, 91 外国人永久居留.
PROVINCES = frozenset(
    {
        "11",
        "12",
        "13",
        "14",
        "15",
        "21",
        "22",
        "23",
        "31",
        "32",
        "33",
        "34",
        "35",
        "36",
        "37",
        "41",
        "42",
        "43",
        "44",
        "45",
        "46",
        "50",
        "51",
        "52",
        "53",
        "54",
        "61",
        "62",
        "63",
        "64",
        "65",
        "71",
        "81",
        "82",
        "91",
    }
)
FIELD = "id_number"


@dataclass(frozen=True)
class IdNumber:
    value: str
    region: str
    birth_date: dt.date
    sex: str  # GB/T 2261.1: "1" male, "2" female
    upgraded_from_15: bool

    def age_on(self, on: dt.date) -> int:
        return age_on(self.birth_date, on)

    @property
    def masked(self) -> str:
        return self.value[:6] + "*" * 8 + self.value[-4:]


def check_digit(first17: str) -> str:
    if len(first17) != 17 or not first17.isdigit():
        raise DomainError("id_number.length", "身份证号前 17 位应为数字", FIELD)
    return CHECK_CHARS[sum(int(c) * w for c, w in zip(first17, WEIGHTS, strict=True)) % 11]


def upgrade_15(text: str) -> str:
    """Old 15-digit number → 18 digits: insert the century "19" and add the check digit."""
    t = text.strip()
    if len(t) != 15 or not t.isdigit():
        raise DomainError("id_number.length", "15 位身份证号应全部为数字", FIELD)
    first17 = t[:6] + "19" + t[6:]
    return first17 + check_digit(first17)


def _error(code: str, message: str) -> DomainError:
    return DomainError(f"id_number.{code}", message, FIELD)


def parse_id_number(text: str, today: dt.date | None = None) -> IdNumber:
    today = today or dt.date.today()
    t = unicodedata.normalize("NFKC", text).replace(" ", "").upper()
    upgraded = False
    if len(t) == 15:
        if not t.isdigit():
            raise _error("chars", "15 位身份证号应全部为数字")
        t, upgraded = upgrade_15(t), True
    if len(t) != 18:
        raise _error("length", f"身份证号应为 18 位（现为 {len(t)} 位）")
    if not t[:17].isdigit() or not (t[17].isdigit() or t[17] == "X"):
        raise _error("chars", "身份证号只能是数字，最后一位可以是 X")
    if t[:2] not in PROVINCES or t[0] == "0":
        raise _error("region", "身份证号前 6 位（地址码）不是有效的行政区划代码")
    try:
        birth = dt.date(int(t[6:10]), int(t[10:12]), int(t[12:14]))
    except ValueError:
        raise _error("birth_date", "身份证号中的出生日期不存在") from None
    if birth > today:
        raise _error("future", "身份证号中的出生日期晚于今天")
    if birth.year < 1900:
        raise _error("too_old", "身份证号中的出生年份早于 1900 年")
    if check_digit(t[:17]) != t[17]:
        raise _error("check_digit", "身份证号校验位错误，请核对")
    return IdNumber(t, t[:6], birth, "1" if int(t[16]) % 2 else "2", upgraded)


def is_valid_id_number(text: str, today: dt.date | None = None) -> bool:
    try:
        parse_id_number(text, today)
    except DomainError:
        return False
    return True
