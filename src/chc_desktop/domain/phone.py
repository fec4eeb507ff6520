"""Phone numbers: mainland mobiles and landlines (Shanghai 021 + 8 digits by default)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from chc_desktop.domain.errors import DomainError

FIELD = "phone"
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LOCAL = re.compile(r"^[2-9]\d{6,7}$")
# 3-digit area codes start 010/02x; the rest are 4 digits (0 + 3).
_AREA3 = re.compile(r"^(010|02\d)")


@dataclass(frozen=True)
class Phone:
    value: str
    kind: str  # mobile | landline

    @property
    def last4(self) -> str:
        return re.sub(r"\D", "", self.value.split("-转")[0])[-4:]

    @property
    def masked(self) -> str:
        digits = re.sub(r"\D", "", self.value)
        return digits[:3] + "****" + digits[-4:] if self.kind == "mobile" else self.value[:-4] + "****"


def parse_phone(text: str, default_area: str = "021") -> Phone:
    t = unicodedata.normalize("NFKC", text).strip()
    if not t:
        raise DomainError("phone.empty", "请填写电话号码", FIELD)
    extension = ""
    m = re.search(r"(?:转|ext\.?|x)\s*(\d{1,6})$", t, re.IGNORECASE)
    if m:
        extension, t = m.group(1), t[: m.start()]
    if re.search(r"[^\d\s\-()+]", t):
        raise DomainError("phone.chars", "电话号码只能包含数字、空格、括号和连字符", FIELD)
    digits = re.sub(r"\D", "", t)
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and _MOBILE.match(digits[len(prefix) :]):
            digits = digits[len(prefix) :]
    if digits.startswith("1"):
        if not _MOBILE.match(digits):
            raise DomainError("phone.mobile", "手机号应为 11 位，以 13–19 开头", FIELD)
        return Phone(digits, "mobile")
    if digits.startswith("0"):
        area_len = 3 if _AREA3.match(digits) else 4
        area, local = digits[:area_len], digits[area_len:]
    else:
        area, local = default_area, digits
    if not _LOCAL.match(local) or (area == "021" and len(local) != 8):
        raise DomainError(
            "phone.landline", "电话号码格式不对：固定电话为区号加 7–8 位号码（上海为 8 位）", FIELD
        )
    value = f"{area}-{local}" + (f"-转{extension}" if extension else "")
    return Phone(value, "landline")
