"""Reference sites: the district, streets, 居委, centres, stations and hospitals.

Seeded from resources/reference/changning-sites.csv with ids derived from the natural key, so every
device seeds the same rows and sync sees one row, not ten.
"""

from __future__ import annotations

import csv
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from chc_desktop.config import resource
from chc_desktop.domain.errors import DomainError
from chc_desktop.domain.record_number import committee_kind
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context
from chc_desktop.services.errors import NotFound, ValidationFailed
from chc_desktop.store.database import Database
from chc_desktop.store.ids import natural_id
from chc_desktop.store.models import Site

SITES_CSV = resource("reference", "changning-sites.csv")
MUNICIPAL_PARENT = "310000"


@dataclass(frozen=True)
class SiteInfo:
    id: uuid.UUID
    kind: str
    code: str | None
    name: str
    parent_id: uuid.UUID | None
    level: str | None

    @property
    def committee_kind(self) -> str:
        """居委会 / 村委会 / 其他组织 for a committee's code, else empty."""
        try:
            return committee_kind(self.code or "") if self.kind == "committee" else ""
        except DomainError:
            return ""


def site_id(kind: str, key: str) -> uuid.UUID:
    return natural_id("site", kind, key)


def seed_reference_sites(db: Database, csv_path: Path = SITES_CSV) -> int:
    """Insert the sites of the reference file that are missing; returns how many were added."""
    wanted = reference_sites(csv_path)
    with db.unit_of_work(None) as s:
        have = set(s.scalars(select(Site.id)))
        missing = [site for site in wanted if site.id not in have]
        s.add_all(missing)
        return len(missing)


def reference_sites(csv_path: Path = SITES_CSV) -> list[Site]:
    """The district's sites from the reference file, as new rows (the same ids everywhere)."""
    with csv_path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_code: dict[str, uuid.UUID] = {}
    wanted: list[Site] = []
    for row in rows:
        kind, code, name, parent = row["kind"], row["code"] or None, row["name"], row["parent"]
        sid = site_id(kind, code or name)
        if code:
            by_code[code] = sid
        level = None
        if kind == "hospital":
            level = "municipal" if parent == MUNICIPAL_PARENT else "district"
        wanted.append(
            Site(
                id=sid,
                kind=kind,
                code=code,
                name=name,
                level=level,
                note=row["note"] or None,
                parent_id=by_code.get(parent),
            )
        )
    return wanted


def _info(site: Site) -> SiteInfo:
    return SiteInfo(site.id, site.kind, site.code, site.name, site.parent_id, site.level)


class SiteService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def list(self, kind: str, parent_id: uuid.UUID | None = None) -> list[SiteInfo]:
        with self.ctx.db.reader() as s:
            q = select(Site).where(Site.kind == kind, Site.deleted_at.is_(None), Site.active.is_(True))
            if parent_id is not None:
                q = q.where(Site.parent_id == parent_id)
            return [_info(x) for x in s.scalars(q.order_by(Site.code, Site.name))]

    def get(self, site_id: uuid.UUID) -> SiteInfo:
        with self.ctx.db.reader() as s:
            site = s.get(Site, site_id)
            if site is None:
                raise NotFound("找不到该机构或地区")
            return _info(site)

    def add_committee(self, street_id: uuid.UUID, code: str, name: str) -> SiteInfo:
        """Add a 村(居)委会 under a street: 001–099 居委会, 101–199 村委会, 901–999 其他组织."""
        code, name = code.strip(), name.strip()
        try:
            committee_kind(code)
        except DomainError as exc:
            raise ValidationFailed({"code": exc.message}) from None
        if not name:
            raise ValidationFailed({"name": "请填写居委会名称"})
        with self.ctx.work(Permission.SETTINGS_MANAGE) as s:
            return _info(add_committee(s, street_id, code, name))


def add_committee(s: Session, street_id: uuid.UUID, code: str, name: str) -> Site:
    street = s.get(Site, street_id)
    if street is None or street.kind != "street" or not street.code:
        raise NotFound("找不到该街道")
    sid = site_id("committee", f"{street.code}{code}")
    existing = s.get(Site, sid)
    if existing is not None:
        raise ValidationFailed({"code": f"{street.name}已有代码为 {code} 的居委会"})
    site = Site(id=sid, kind="committee", code=code, name=name, parent_id=street.id)
    s.add(site)
    return site
