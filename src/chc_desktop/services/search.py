"""One search box for residents: name (exact, prefix, any part), pinyin full and initials, ID number
(full or any fragment of 4+), phone (last 4 or full), record number (full or last 8).

Ranked: exact ID number / record number first, then exact phone and name, then prefixes, then
fragments. Each tier is one indexed query joined to residents with the filters applied, stopping
at the limit, so a broad query ("王", "zs") costs no more than a narrow one.
"""

from __future__ import annotations

import contextlib
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.id_number import upgrade_15
from chc_desktop.domain.phone import parse_phone
from chc_desktop.domain.pinyin_keys import name_keys
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.residents import Filters, ResidentRow, ResidentService
from chc_desktop.services.settings import read_policy
from chc_desktop.store.models import Resident
from chc_desktop.store.search_index import ID_FRAGMENTS, KEYS, MAP, KeyKind

_CJK = re.compile(r"[\u3400-\u9fff]")
_LETTERS = re.compile(r"^[a-z]+$")
_DIGITS = re.compile(r"^[0-9]+[xX]?$")
_SEPARATORS = re.compile(r"[\s\-]")


@dataclass(frozen=True)
class SearchResult:
    rows: list[ResidentRow]
    truncated: bool  # more matched than shown: refine the query or add a filter
    kind: str  # what the query was read as: name / pinyin / digits / other / empty


def classify(query: str) -> str:
    q = query.strip()
    if not q:
        return "empty"
    if _CJK.search(q):
        return "name"
    compact = _SEPARATORS.sub("", q)
    if _LETTERS.match(compact.lower()):
        return "pinyin"
    if _DIGITS.match(compact):
        return "digits"
    return "other"


class _Collector:
    """Gathers matches tier by tier, best rank kept, until one more than the limit is found."""

    def __init__(self, session: Session, where: list[ColumnElement[bool]], limit: int) -> None:
        self.session, self.where, self.limit = session, where, limit
        self.found: dict[uuid.UUID, tuple[int, str]] = {}

    @property
    def full(self) -> bool:
        return len(self.found) > self.limit

    def add(self, query: Select[uuid.UUID], rank: int, label: str) -> None:
        if self.full:
            return
        need = self.limit + 1 - len(self.found)
        for rid in self.session.scalars(query.where(*self.where).limit(need + len(self.found))):
            if rid not in self.found:
                self.found[rid] = (rank, label)
                if self.full:
                    return

    def keys(self, condition: ColumnElement[bool], kinds: Iterable[KeyKind], rank: int, label: str) -> None:
        query = (
            select(Resident.id)
            .select_from(KEYS)
            .join(MAP, MAP.c.sid == KEYS.c.sid)
            .join(Resident, Resident.id == MAP.c.resident_id)
            .where(condition, KEYS.c.kind.in_([int(k) for k in kinds]))
        )
        self.add(query, rank, label)

    def column(self, column: ColumnElement[bool], rank: int, label: str) -> None:
        self.add(select(Resident.id).where(column), rank, label)


def _prefix(value: str) -> ColumnElement[bool]:
    return (KEYS.c.key > value) & (KEYS.c.key < value + "\uffff")


class SearchService:
    def __init__(self, ctx: Context, residents: ResidentService) -> None:
        self.ctx = ctx
        self.residents = residents

    def resolve(self, ident: str) -> uuid.UUID:
        """The one resident a file id, 17-digit record number or ID number names (command line)."""
        try:
            return uuid.UUID(ident)
        except ValueError:
            pass
        result = self.search(ident, limit=2)
        exact = [r for r in result.rows if r.match in ("档案编号", "身份证号", "档案编号后8位")]
        if len(exact) != 1:
            raise ServiceError("请给出居民的 id、17 位档案编号或身份证号")
        return exact[0].id

    def search(
        self, query: str, filters: Filters = Filters(status=None), limit: int | None = None
    ) -> SearchResult:
        self.ctx.require(Permission.RESIDENT_READ)
        kind = classify(query)
        if kind in ("empty", "other"):
            return SearchResult([], False, kind)
        with self.ctx.db.reader() as s:
            limit = limit or int(read_policy(s, "search.max_results"))
            c = _Collector(s, self.residents._where(s, filters), limit)
            q = query.strip()
            if kind == "name":
                name = "".join(q.split())
                c.keys(KEYS.c.key == name, [KeyKind.NAME], 1, "姓名")
                c.keys(_prefix(name), [KeyKind.NAME], 2, "姓名")
                c.keys((KEYS.c.key == name) | _prefix(name), [KeyKind.NAME_PART], 3, "姓名")
            elif kind == "pinyin":
                letters = _SEPARATORS.sub("", q.lower())
                c.keys(KEYS.c.key == letters, [KeyKind.PINYIN], 2, "拼音")
                c.keys(KEYS.c.key == letters, [KeyKind.INITIALS], 2, "拼音首字母")
                c.keys(_prefix(letters), [KeyKind.PINYIN], 3, "拼音")
                c.keys(_prefix(letters), [KeyKind.INITIALS], 3, "拼音首字母")
            else:
                self._digits(c, _SEPARATORS.sub("", q).upper())
            ranked = sorted(c.found, key=lambda rid: c.found[rid][0])[:limit]
            rows = self.residents.rows(ranked, s)
            result = [replace(rows[rid], match=c.found[rid][1]) for rid in ranked if rid in rows]
            # Within a rank, in pinyin order, as a Chinese name list is read.
            result.sort(key=lambda r: (c.found[r.id][0], name_keys(r.name).full[:1], r.record_no or ""))
            return SearchResult(result, c.full, kind)

    @staticmethod
    def _digits(c: _Collector, digits: str) -> None:
        if len(digits) == 18:
            c.column(Resident.id_number == digits, 0, "身份证号")
        if len(digits) == 15 and digits.isdigit():
            with contextlib.suppress(DomainError):
                c.column(Resident.id_number == upgrade_15(digits), 0, "身份证号（15位）")
        if len(digits) == 17 and digits.isdigit():
            c.column(Resident.record_no == digits, 0, "档案编号")
        if len(digits) == 8 and digits.isdigit():
            c.keys(KEYS.c.key == digits, [KeyKind.RECORD_LAST8], 0, "档案编号后8位")
        if len(digits) >= 7 and digits.isdigit():
            with contextlib.suppress(DomainError):
                c.column(Resident.phone == parse_phone(digits).value, 1, "联系电话")
        if len(digits) == 4 and digits.isdigit():
            c.keys(KEYS.c.key == digits, [KeyKind.PHONE_LAST4], 1, "电话后4位")
        exact_identifier = any(rank == 0 for rank, _label in c.found.values())
        if 4 <= len(digits) < 18 and not exact_identifier:
            fragment = '"' + digits + '"'  # an FTS5 phrase: trigram substring match
            c.add(
                select(Resident.id)
                .select_from(ID_FRAGMENTS)
                .join(MAP, MAP.c.sid == ID_FRAGMENTS.c.rowid)
                .join(Resident, Resident.id == MAP.c.resident_id)
                .where(ID_FRAGMENTS.c.id_number.match(fragment)),
                4,
                "身份证号片段",
            )
