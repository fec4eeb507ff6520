"""Phone numbers: mainland mobiles and landlines (Shanghai: 021 + 8 digits, the default area).

Normalised values: mobile ``13812345678``; landline ``021-62345678``, ``0571-8765432``, with an
extension ``021-62345678-123``. Parsing a normalised value gives the same value back.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from chc_desktop.domain.errors import DomainError

FIELD = "phone"
_MOBILE = re.compile(r"1[3-9]\d{9}", re.ASCII)
# Area codes: 010 and 02x have 3 digits and 8-digit local numbers; the rest are 0 + 3 digits with
# 7- or 8-digit local numbers.
_AREA = re.compile(r"010|02\d|0[3-9]\d\d", re.ASCII)
_LOCAL = re.compile(r"[2-9]\d{6,7}", re.ASCII)
_EXTENSION_MARK = re.compile(r"(?:转|分机|ext\.?|x|#)\s*(\d{1,6})\s*$", re.ASCII | re.IGNORECASE)
_ALLOWED = re.compile(r"[\d\s\-()+]+", re.ASCII)
_GROUP = re.compile(r"\d+", re.ASCII)


def _error(code: str, message: str) -> DomainError:
    return DomainError(f"phone.{code}", message, FIELD)


@dataclass(frozen=True)
class Phone:
    value: str
    kind: str  # "mobile" | "landline"

    @property
    def _number(self) -> str:
        # A landline's local number, without area code or extension; a mobile as it is.
        return self.value if self.kind == "mobile" else self.value.split("-")[1]

    @property
    def last4(self) -> str:
        """What a caller is asked for to confirm identity, and what staff search by."""
        return self._number[-4:]

    @property
    def masked(self) -> str:
        """For screens and logs: ``138****5678``, ``021-****5678``."""
        if self.kind == "mobile":
            return self.value[:3] + "****" + self.value[-4:]
        area = self.value.split("-")[0]
        return f"{area}-{'*' * (len(self._number) - 4)}{self.last4}"

    def __repr__(self) -> str:
        return f"Phone({self.masked}, {self.kind})"


def _landline(digits: str, default_area: str, extension: str | None) -> Phone:
    if digits.startswith("0"):
        m = _AREA.match(digits)
        area = m.group() if m else ""
        local = digits[len(area) :]
    else:
        area, local = default_area, digits
    if not area or not _LOCAL.fullmatch(local) or (len(area) == 3 and len(local) != 8):
        raise _error(
            "landline", "电话号码格式不对：手机号为 11 位；固定电话为区号加 7–8 位号码（上海 021 后为 8 位）"
        )
    return Phone(f"{area}-{local}" + (f"-{extension}" if extension else ""), "landline")


def _split_extension(groups: list[str]) -> str | None:
    """``021-62345678-123``: a short group after a 7–8 digit local number is an extension.

    ``021-6234-5678`` is not: there the last group is part of the number.
    """
    if len(groups) >= 2 and len(groups[-1]) <= 6 and 7 <= len(groups[-2]) <= 8:
        return groups[-1]
    return None


def parse_phone(text: str, default_area: str = "021") -> Phone:
    """A phone number as typed; ``default_area`` (with its leading 0) for local numbers."""
    t = unicodedata.normalize("NFKC", text).strip()  # full-width digits and brackets become ASCII
    if not t:
        raise _error("empty", "请填写电话号码")
    extension = None
    m = _EXTENSION_MARK.search(t)
    if m:
        extension, t = m.group(1), t[: m.start()]
    if not _ALLOWED.fullmatch(t):
        raise _error("chars", "电话号码只能包含数字、空格、括号、+ 和连字符")
    groups = _GROUP.findall(t)
    if extension is None:
        extension = _split_extension(groups)
        if extension is not None:
            groups = groups[:-1]
    digits = "".join(groups)

    international = False
    if t.startswith("+") or digits.startswith("00"):
        digits = digits if t.startswith("+") else digits[2:]
        if not digits.startswith("86"):
            raise _error("country", "只能填写中国大陆的电话号码")
        digits, international = digits[2:], True
    elif len(digits) == 13 and digits.startswith("86") and _MOBILE.fullmatch(digits[2:]):
        digits = digits[2:]  # 86 without + or 00, before a mobile
    if digits.startswith("01") and _MOBILE.fullmatch(digits[1:]):
        digits = digits[1:]  # a long-distance 0 before a mobile

    if digits.startswith("1"):
        if not _MOBILE.fullmatch(digits):
            raise _error("mobile", "手机号应为 11 位，以 13–19 开头")
        if extension:
            raise _error("extension", "手机号不能带分机号")
        return Phone(digits, "mobile")
    if international and not digits.startswith("0"):
        digits = "0" + digits  # +86 21 6234 5678: the area code loses its 0 abroad
    return _landline(digits, default_area, extension)


def last4_of(stored: str) -> str | None:
    """Last four digits of a stored phone's own number (not its extension), for the search keys."""
    parts = stored.split("-")
    number = parts[1] if len(parts) >= 2 and parts[0].startswith("0") else parts[0]
    digits = "".join(ch for ch in number if ch.isdigit())
    return digits[-4:] if len(digits) >= 4 else None
