"""健康档案编号: 17 digits = 6 区划 + 3 街道 + 3 居委 + 5 序号 (reference.md §1.1).

The cover prints all 17 (``310105-001-001-00001``); every other form prints only the last 8
(居委 3 + 序号 5, ``001-00001``). How serials are assigned offline without collisions is in
docs/record-numbers.md.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from chc_desktop.domain.errors import DomainError

MAX_SERIAL = 99_999
FIELD = "record_no"
# Separators people type or copy from a printed form (NFKC has already made － a hyphen).
_SEPARATORS = re.compile(r"[\s\-‐‑–—]")
# 村(居)委会 segment ranges [V S8]
_COMMITTEE_KINDS = (((1, 99), "居委会"), ((101, 199), "村委会"), ((901, 999), "其他组织"))


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit()


def _strip(text: str) -> str:
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", text))


def committee_kind(code: str) -> str:
    """001–099 居委会, 101–199 村委会, 901–999 其他组织; anything else is refused."""
    if len(code) == 3 and _digits(code):
        n = int(code)
        for (low, high), kind in _COMMITTEE_KINDS:
            if low <= n <= high:
                return kind
    raise DomainError(
        "record_no.committee",
        "居（村）委会代码应为 3 位：001–099 居委会、101–199 村委会或 901–999 其他组织",
        FIELD,
    )


@dataclass(frozen=True)
class RecordNumber:
    district: str  # GB/T 2260 county-level code, e.g. 310105 长宁区
    street: str  # 乡镇（街道）, GB/T 10114
    committee: str  # 村（居）委会
    serial: int  # in filing order within the committee

    @property
    def value(self) -> str:
        return f"{self.district}{self.street}{self.committee}{self.serial:05d}"

    @property
    def last8(self) -> str:
        return f"{self.committee}{self.serial:05d}"

    @property
    def formatted(self) -> str:
        return f"{self.district}-{self.street}-{self.committee}-{self.serial:05d}"

    @property
    def formatted_last8(self) -> str:
        return f"{self.committee}-{self.serial:05d}"


def make_record_number(district: str, street: str, committee: str, serial: int) -> RecordNumber:
    if len(district) != 6 or not _digits(district) or district[0] == "0":
        raise DomainError("record_no.district", "区划代码应为 6 位数字，且不以 0 开头", FIELD)
    if len(street) != 3 or not _digits(street) or street == "000":
        raise DomainError("record_no.street", "街道（乡镇）代码应为 3 位：001–999", FIELD)
    committee_kind(committee)
    if not 1 <= serial <= MAX_SERIAL:
        raise DomainError("record_no.serial", "档案序号应在 00001–99999 之间", FIELD)
    return RecordNumber(district, street, committee, serial)


def parse_record_number(text: str) -> RecordNumber:
    """17 digits, with or without ``-`` or spaces between the segments."""
    digits = _strip(text)
    if len(digits) != 17 or not _digits(digits):
        raise DomainError("record_no.length", "健康档案编号应为 17 位数字", FIELD)
    return make_record_number(digits[:6], digits[6:9], digits[9:12], int(digits[12:]))


def normalize_record_query(text: str) -> str | None:
    """The digits of a full (17) or last-8 record number as typed, else None.

    Only numbers with a valid shape count, so a typed date such as 20150301 is not taken for a
    last-8 number (its 居委 segment 201 is not a valid code).
    """
    digits = _strip(text)
    if not _digits(digits):
        return None
    try:
        if len(digits) == 17:
            parse_record_number(digits)
            return digits
        if len(digits) == 8:
            committee_kind(digits[:3])
            return digits if int(digits[3:]) >= 1 else None
    except DomainError:
        return None
    return None
