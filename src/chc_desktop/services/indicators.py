"""Signing coverage (签约覆盖率) of the whole population and of key populations, per centre, team
and doctor, against the district's targets (policy-defaults.md, Indicators).

The population is every file in the register (在册). A centre's population lives in the streets it
serves; a doctor's is the residents whose 责任医生 they are; a team's is its doctors' together.
Signed means a contract in force today. One grouped query over the register does the counting.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Integer, func, select
from sqlalchemy.orm import Session

from chc_desktop.domain import contracts as rules
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context
from chc_desktop.services.contracts import in_force
from chc_desktop.services.residents import ResidentService
from chc_desktop.services.settings import read_policy
from chc_desktop.services.teams import team_infos
from chc_desktop.services.xlsx_files import write_xlsx
from chc_desktop.store.models import Contract, Resident, Site, StaffUser


@dataclass(frozen=True)
class Counts:
    population: int = 0
    signed: int = 0
    key_population: int = 0
    key_signed: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.population + other.population,
            self.signed + other.signed,
            self.key_population + other.key_population,
            self.key_signed + other.key_signed,
        )


@dataclass(frozen=True)
class CoverageRow:
    level: str  # total | centre | team | doctor
    id: uuid.UUID | None
    name: str
    counts: Counts
    contracts: int  # contracts in force with this team / doctor (centre, total: all of its people)
    all: rules.Coverage
    key: rules.Coverage


@dataclass(frozen=True)
class Indicators:
    on: dt.date
    target_all: int  # percent
    target_key: int
    total: CoverageRow
    centres: tuple[CoverageRow, ...]
    teams: tuple[CoverageRow, ...]
    doctors: tuple[CoverageRow, ...]


class IndicatorService:
    def __init__(self, ctx: Context, residents: ResidentService) -> None:
        self.ctx = ctx
        self.residents = residents

    def export(self, path: Path) -> int:
        return export_coverage(self.ctx, self.coverage(), path)

    def coverage(self) -> Indicators:
        self.ctx.require(Permission.CONTRACT_READ)
        today = self.ctx.today()
        with self.ctx.db.reader() as s:
            target_all = int(read_policy(s, "indicator.coverage_all_percent"))
            target_key = int(read_policy(s, "indicator.coverage_key_percent"))
            groups = self._grouped(s, today)
            by_team, by_doctor = self._contract_counts(s, today)
            centres = {
                parent: (cid, name)
                for cid, name, parent in s.execute(
                    select(Site.id, Site.name, Site.parent_id).where(
                        Site.kind == "centre", Site.deleted_at.is_(None)
                    )
                )
            }
            doctors = {
                u.id: u.display_name for u in s.scalars(select(StaffUser).where(StaffUser.role == "doctor"))
            }
            teams = team_infos(s, today=today)

        def row(level: str, rid: uuid.UUID | None, name: str, c: Counts, contracts: int) -> CoverageRow:
            return CoverageRow(
                level,
                rid,
                name,
                c,
                contracts,
                rules.coverage(c.signed, c.population, rules.target(target_all)),
                rules.coverage(c.key_signed, c.key_population, rules.target(target_key)),
            )

        per_centre: dict[uuid.UUID, Counts] = defaultdict(Counts)
        per_doctor: dict[uuid.UUID, Counts] = defaultdict(Counts)
        total = Counts()
        for (street, doctor), c in groups.items():
            total += c
            if street in centres:
                per_centre[centres[street][0]] += c
            if doctor is not None:
                per_doctor[doctor] += c
        centre_names = dict(centres.values())
        centre_rows = [
            row("centre", cid, centre_names[cid], c, c.signed)
            for cid, c in sorted(per_centre.items(), key=lambda kv: centre_names[kv[0]])
        ]
        team_rows = []
        for t in teams:
            c = sum((per_doctor.get(d, Counts()) for d in t.doctor_ids), Counts())
            team_rows.append(row("team", t.id, t.name, c, by_team.get(t.id, 0)))
        doctor_rows = [
            row("doctor", d, doctors.get(d, ""), per_doctor.get(d, Counts()), by_doctor.get(d, 0))
            for d in sorted(set(per_doctor) | set(by_doctor), key=lambda d: doctors.get(d, ""))
        ]
        return Indicators(
            today,
            target_all,
            target_key,
            row("total", None, "合计", total, total.signed),
            tuple(centre_rows),
            tuple(team_rows),
            tuple(doctor_rows),
        )

    @staticmethod
    def _contract_counts(s: Session, today: dt.date) -> tuple[dict[uuid.UUID, int], dict[uuid.UUID, int]]:
        by_team: dict[uuid.UUID, int] = defaultdict(int)
        by_doctor: dict[uuid.UUID, int] = defaultdict(int)
        # ix_contracts_team_status covers this in group order: no sort, no table rows.
        q = select(Contract.team_id, Contract.doctor_id, func.count()).where(in_force(today))
        for team, doctor, n in s.execute(q.group_by(Contract.team_id, Contract.doctor_id)):
            by_team[team] += n
            by_doctor[doctor] += n
        return by_team, by_doctor

    def _grouped(self, s: Session, today: dt.date) -> dict[tuple[uuid.UUID | None, uuid.UUID | None], Counts]:
        """(street, 责任医生) → counts, in one pass over ix_residents_coverage (the signing state
        on each row is kept by the database: store/signing_state.py)."""
        key = self.residents.any_key_population(s)
        signed = Resident.contract_until >= today
        # Grouped in the index's own order (no sort), with the flags summed as SQLite's 0/1
        # comparisons: cheaper on 300,000 rows than CASE expressions or grouping by the flags.
        q = (
            select(
                Resident.street_id,
                Resident.doctor_id,
                func.count(),
                # type_: a sum of comparisons is a count, not the Boolean SQLAlchemy would infer.
                func.sum(signed, type_=Integer),
                func.sum(key, type_=Integer),
                # iif evaluates the key condition for signed rows only (216 → 156 ms on 300,000).
                func.sum(func.iif(signed, key, 0), type_=Integer),
            )
            .where(Resident.status == "active", Resident.deleted_at.is_(None))
            .group_by(Resident.street_id, Resident.doctor_id)
        )
        return {
            (street, doctor): Counts(int(n), int(sg or 0), int(k or 0), int(ks or 0))
            for street, doctor, n, sg, k, ks in s.execute(q)
        }


COVERAGE_HEADERS = (
    "层级",
    "名称",
    "在册人数",
    "已签约",
    "签约率(%)",
    "距目标(人)",
    "重点人群",
    "重点人群已签约",
    "重点人群签约率(%)",
    "距目标(人) ",
    "在约签约数",
)
LEVEL_LABELS = {"total": "合计", "centre": "中心", "team": "团队", "doctor": "医生"}


def export_coverage(ctx: Context, indicators: Indicators, path: Path) -> int:
    """The indicators as shown (every level) to .xlsx; audited."""
    rows = [indicators.total, *indicators.centres, *indicators.teams, *indicators.doctors]
    written = write_xlsx(
        path,
        COVERAGE_HEADERS,
        (
            (
                LEVEL_LABELS[r.level],
                r.name,
                r.counts.population,
                r.counts.signed,
                round(r.all.percent, 1),
                r.all.short_by,
                r.counts.key_population,
                r.counts.key_signed,
                round(r.key.percent, 1),
                r.key.short_by,
                r.contracts,
            )
            for r in rows
            if r.level == "total" or r.counts.population or r.contracts
        ),
    )
    with ctx.db.unit_of_work(ctx.user.id if ctx.user else None) as s:
        ctx.audit(s, "contract.export", "contracts", None, list="coverage", rows=written)
    return written
