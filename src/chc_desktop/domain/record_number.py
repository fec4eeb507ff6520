"""健康档案编号: 17 digits = 6 区划 + 3 街道 + 3 居委 + 5 序号 (reference.md §1.1).

Other forms print only the last 8 (居委 3 + 序号 5). How serials are assigned without collisions
offline is in docs/record-numbers.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chc_desktop.domain.errors import DomainError

MAX_SERIAL = 99_999
FIELD = "record_no"
_SEPARATORS = re.compile(r"[\s\-－—]")


def committee_kind(code: str) -> str:
    """001–099 居委会, 101–199 村委会, 901–999 其他组织."""
    if len(code) == 3 and code.isdigit():
        n = int(code)
        if 1 <= n <= 99:
            return "居委会"
        if 101 <= n <= 199:
            return "村委会"
        if 901 <= n <= 999:
            return "其他组织"
    raise DomainError(
        "record_no.committee", "居委会代码应为 001–099（居委会）、101–199（村委会）或 901–999", FIELD
    )


@dataclass(frozen=True)
class RecordNumber:
    district: str
    street: str
    committee: str
    serial: int

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
    if len(district) != 6 or not district.isdigit() or district[0] == "0":
        raise DomainError("record_no.district", "区划代码应为 6 位数字", FIELD)
    if len(street) != 3 or not street.isdigit() or street == "000":
        raise DomainError("record_no.street", "街道（乡镇）代码应为 001–999", FIELD)
    committee_kind(committee)
    if not 1 <= serial <= MAX_SERIAL:
        raise DomainError("record_no.serial", "档案序号应在 00001–99999 之间", FIELD)
    return RecordNumber(district, street, committee, serial)


def parse_record_number(text: str) -> RecordNumber:
    digits = _SEPARATORS.sub("", text.strip())
    if len(digits) != 17 or not digits.isdigit():
        raise DomainError("record_no.length", "健康档案编号应为 17 位数字", FIELD)
    return make_record_number(digits[:6], digits[6:9], digits[9:12], int(digits[12:]))


def normalize_record_query(text: str) -> str | None:
    """Digits of a full (17) or last-8 number as typed, else None."""
    digits = _SEPARATORS.sub("", text.strip())
    return digits if digits.isdigit() and len(digits) in (8, 17) else None
