"""One search box for residents: name (exact, prefix, any part), pinyin full and initials, ID number
(full or any fragment of 4+), phone (last 4 or full), record number (full or last 8).

Ranked: exact ID number / record number first, then exact phone and name, then prefixes, then
fragments. Filters (street, 居委, key population, status) apply before the limit.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from chc_desktop.domain.id_number import upgrade_15
from chc_desktop.domain.phone import parse_phone
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context
from chc_desktop.services.residents import Filters, ResidentRow, ResidentService
from chc_desktop.services.settings import read_policy
from chc_desktop.store import search_index
from chc_desktop.store.models import Resident
from chc_desktop.store.search_index import KeyKind

_CJK = re.compile(r"[\u3400-\u9fff]")
_LETTERS = re.compile(r"^[a-z]+$")
_DIGITS = re.compile(r"^[0-9]+[xX]?$")
# How deep to look before filters and ranking; broad queries ("wang") are cut and say so.
CANDIDATE_CAP = 2000


@dataclass(frozen=True)
class SearchResult:
    rows: list[ResidentRow]
    truncated: bool  # more matched than shown: refine the query or add a filter
    kind: str        # what the query was read as: 姓名 / 拼音 / 证件号码 / …


def classify(query: str) -> str:
    q = query.strip()
    if not q:
        return "empty"
    if _CJK.search(q):
        return "name"
    compact = re.sub(r"[\s\-]", "", q)
    if _LETTERS.match(compact.lower()):
        return "pinyin"
    if _DIGITS.match(compact):
        return "digits"
    return "other"


class SearchService:
    def __init__(self, ctx: Context, residents: ResidentService) -> None:
        self.ctx = ctx
        self.residents = residents

    def search(self, query: str, filters: Filters = Filters(status=None), limit: int | None = None) -> SearchResult:
        self.ctx.require(Permission.RESIDENT_READ)
        kind = classify(query)
        if kind in ("empty", "other"):
            return SearchResult([], False, kind)
        with self.ctx.db.reader() as s:
            limit = limit or int(read_policy(s, "search.max_results"))
            conn = s.connection()
            # candidate id -> (rank, what matched); lower rank is better
            found: dict[uuid.UUID, tuple[int, str]] = {}

            def offer(ids: list[uuid.UUID], rank: int, label: str) -> None:
                for rid in ids:
                    if rid not in found or found[rid][0] > rank:
                        found[rid] = (rank, label)

            def by_column(column: object, value: str) -> list[uuid.UUID]:
                return list(s.scalars(select(Resident.id).where(column == value).limit(CANDIDATE_CAP)))  # type: ignore[arg-type]

            def by_keys(prefix: str, kinds: list[KeyKind], exact_rank: int, prefix_rank: int,
                        labels: dict[KeyKind, str]) -> bool:
                hits = search_index.prefix_sids(conn, prefix, kinds, CANDIDATE_CAP + 1)
                by_rank: dict[tuple[int, str], list[int]] = {}
                for sid, kk, exact in hits[:CANDIDATE_CAP]:
                    # An exact hit on a later part of a name is still only a partial match.
                    whole = exact and kk != KeyKind.NAME_PART
                    rank = exact_rank if whole else prefix_rank + (kk == KeyKind.NAME_PART)
                    by_rank.setdefault((rank, labels[KeyKind(kk)]), []).append(sid)
                for (rank, label), sids in by_rank.items():
                    offer(search_index.resident_ids(conn, sids), rank, label)
                return len(hits) > CANDIDATE_CAP

            truncated = False
            q = query.strip()
            if kind == "name":
                name = "".join(q.split())
                truncated = by_keys(name, [KeyKind.NAME, KeyKind.NAME_PART], 1, 2,
                                    {KeyKind.NAME: "姓名", KeyKind.NAME_PART: "姓名"})
            elif kind == "pinyin":
                letters = re.sub(r"[\s\-]", "", q.lower())
                truncated = by_keys(letters, [KeyKind.PINYIN, KeyKind.INITIALS], 2, 3,
                                    {KeyKind.PINYIN: "拼音", KeyKind.INITIALS: "拼音首字母"})
            else:
                digits = re.sub(r"[\s\-]", "", q).upper()
                if len(digits) == 18:
                    offer(by_column(Resident.id_number, digits), 0, "身份证号")
                if len(digits) == 15 and digits.isdigit():
                    offer(by_column(Resident.id_number, upgrade_15(digits)), 0, "身份证号（15位）")
                if len(digits) == 17 and digits.isdigit():
                    offer(by_column(Resident.record_no, digits), 0, "档案编号")
                if len(digits) == 8 and digits.isdigit():
                    truncated |= by_keys(digits, [KeyKind.RECORD_LAST8], 0, 0, {KeyKind.RECORD_LAST8: "档案编号后8位"})
                if len(digits) >= 7:
                    try:
                        offer(by_column(Resident.phone, parse_phone(digits).value), 1, "联系电话")
                    except ValueError:
                        pass
                if len(digits) == 4 and digits.isdigit():
                    truncated |= by_keys(digits, [KeyKind.PHONE_LAST4], 1, 1, {KeyKind.PHONE_LAST4: "电话后4位"})
                if 4 <= len(digits) < 18:
                    sids = search_index.id_fragment_sids(conn, digits, CANDIDATE_CAP + 1)
                    truncated |= len(sids) > CANDIDATE_CAP
                    offer(search_index.resident_ids(conn, sids[:CANDIDATE_CAP]), 4, "身份证号片段")

            if not found:
                return SearchResult([], False, kind)
            allowed = self._filter(s, list(found), filters)
            ordered = sorted(allowed, key=lambda rid: found[rid][0])
            shown = ordered[:limit]
            rows = self.residents.rows(shown, s)
            result = [replace(rows[rid], match=found[rid][1]) for rid in shown if rid in rows]
            # Within a rank, names in a stable order (then record number).
            result.sort(key=lambda r: (found[r.id][0], r.name, r.record_no or ""))
            return SearchResult(result, truncated or len(ordered) > limit, kind)

    def _filter(self, s: Session, ids: list[uuid.UUID], f: Filters) -> list[uuid.UUID]:
        where = self.residents._where(s, f)
        out: list[uuid.UUID] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            out += list(s.scalars(select(Resident.id).where(Resident.id.in_(chunk), *where)))
        return out
