"""Dates as people type them, and ages."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from chc_desktop.domain.errors import DomainError

_SEPARATED = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*月?$")


def age_on(birth: dt.date, on: dt.date) -> int:
    """Full years on ``on`` (someone born on 29 February turns a year older on 1 March)."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def parse_date(text: str) -> dt.date:
    """``1949-01-01``, ``1949/1/1``, ``19490101``, ``1949年1月1日``."""
    t = unicodedata.normalize("NFKC", text).strip()
    m = _SEPARATED.match(t) or _COMPACT.match(t)
    if not m:
        raise DomainError("date.invalid", "日期格式不对，请按 1949-01-01 或 19490101 填写")
    year, month, day = (int(g) for g in m.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DomainError("date.impossible", "不存在的日期，请核对年月日") from None


def parse_year_month(text: str) -> tuple[int, int]:
    """``2015-03``, ``201503``, ``2015年3月``."""
    t = unicodedata.normalize("NFKC", text).strip()
    m = _YEAR_MONTH.match(t)
    if not m:
        raise DomainError("date.invalid", "年月格式不对，请按 2015-03 填写")
    year, month = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12 or year < 1900:
        raise DomainError("date.impossible", "不存在的年月，请核对")
    return year, month
