"""Dates as people type them, and ages.

Parsing checks only that a date exists; whether it may lie in the future or before a birth date is
the caller's rule.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from chc_desktop.domain.errors import DomainError

# NFKC first turns full-width digits and －／．into ASCII, so one set of patterns covers both.
_DATE_PATTERNS = (
    # 1949-01-01, 1949/1/1, 1949.1.1: the same separator twice
    re.compile(r"(?P<y>\d{4})\s*(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})", re.ASCII),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})", re.ASCII),  # 19490101, as printed on the forms
    re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日?", re.ASCII),
)
_YEAR_MONTH_PATTERNS = (
    re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})", re.ASCII),  # 2015-03, 2015/3
    re.compile(r"(\d{4})(\d{2})", re.ASCII),  # 201503
    re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月?", re.ASCII),  # 2015年3月
)


def age_on(birth: dt.date, on: dt.date) -> int:
    """Full years (周岁) on ``on``; negative if ``on`` is before the birth.

    Someone born on 29 February turns a year older on 1 March in common years.
    """
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def parse_date(text: str) -> dt.date:
    """``1949-01-01``, ``1949/1/1``, ``1949.1.1``, ``19490101``, ``1949年1月1日``."""
    t = _clean(text)
    for pattern in _DATE_PATTERNS:
        m = pattern.fullmatch(t)
        if m:
            year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise DomainError("date.impossible", "不存在的日期，请核对年、月、日") from None
    raise DomainError("date.invalid", "日期格式不对，请按 1949-01-01 或 19490101 的样式填写")


def parse_year_month(text: str) -> tuple[int, int]:
    """``2015-03``, ``2015/3``, ``201503``, ``2015年3月`` → ``(2015, 3)``."""
    t = _clean(text)
    for pattern in _YEAR_MONTH_PATTERNS:
        m = pattern.fullmatch(t)
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            if year < dt.MINYEAR or not 1 <= month <= 12:
                raise DomainError("date.impossible", "不存在的年月，请核对（月份应为 1–12）")
            return year, month
    raise DomainError("date.invalid", "年月格式不对，请按 2015-03 或 201503 的样式填写")
