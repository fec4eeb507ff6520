"""Demo data: accounts for each role, 居委 under each real Changning street, and synthetic residents.

Residents go in through the bulk path (store/bulk.py) with their change records and search keys,
so a district-size database (300,000) builds in under a minute.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from chc_desktop.domain.key_populations import derived_from_file
from chc_desktop.domain.record_number import make_record_number
from chc_desktop.security.passwords import hash_password
from chc_desktop.services.demo_people import DemoPerson, generate_people
from chc_desktop.services.sites import site_id
from chc_desktop.store.bulk import insert_synced
from chc_desktop.store.database import Database
from chc_desktop.store.ids import new_id
from chc_desktop.store.models import (
    HistoryEntry,
    Household,
    HouseholdMember,
    KeyPopulationTag,
    Resident,
    SerialLease,
    Site,
    StaffUser,
)

# Demo accounts, listed in the README. Passwords are public: demo databases hold no real people.
DEMO_ACCOUNTS = [
    ("admin", "管理员", "admin", "demo1234"),
    ("doctor", "王医生", "doctor", "demo1234"),
    ("nurse", "李护士", "nurse", "demo1234"),
    ("clerk", "张助理", "clerk", "demo1234"),
]
COMMITTEES_PER_STREET = 12
NUMERALS = "一二三四五六七八九十"
BATCH = 2000  # rows per transaction; progress is reported after each
PARALLEL_FROM = 20_000  # below this a second process costs more than it saves
# Two writers share one file: fewer, larger transactions mean fewer waits for the write lock.
PARALLEL_BATCH = 10_000
SID_STRIDE = 10_000_000  # search-index ids of each part of a build start this far apart


def _numeral(n: int) -> str:
    if n <= 10:
        return NUMERALS[n - 1]
    return "十" + NUMERALS[n - 11]


@dataclass(frozen=True)
class DemoSummary:
    residents: int
    households: int
    seconds: float


def ensure_demo_accounts(db: Database) -> dict[str, uuid.UUID]:
    centre = site_id("centre", "仙霞社区卫生服务中心")
    with db.unit_of_work(None) as s:
        have = {u.username: u.id for u in s.scalars(select(StaffUser))}
        for username, display, role, password in DEMO_ACCOUNTS:
            if username not in have:
                user = StaffUser(
                    username=username,
                    display_name=display,
                    role=role,
                    password_hash=hash_password(password),
                    site_id=centre,
                )
                s.add(user)
                s.flush()
                have[username] = user.id
        return have


def ensure_committees(db: Database) -> dict[tuple[str, int], Site]:
    """Synthetic 居委 (codes 001–012) under each street; the real 居委 codes were not available."""
    out: dict[tuple[str, int], Site] = {}
    with db.unit_of_work(None) as s:
        streets = list(s.scalars(select(Site).where(Site.kind == "street")))
        for street in streets:
            assert street.code
            short = (
                street.name.removesuffix("街道").removesuffix("路").removesuffix("镇").removesuffix("新村")
            )
            for n in range(1, COMMITTEES_PER_STREET + 1):
                code = f"{n:03d}"
                sid = site_id("committee", street.code + code)
                site = s.get(Site, sid)
                if site is None:
                    site = Site(
                        id=sid,
                        kind="committee",
                        code=code,
                        name=f"{short}第{_numeral(n)}居委会",
                        parent_id=street.id,
                        note="演示数据",
                    )
                    s.add(site)
                out[(street.code[6:], n)] = site
        s.flush()
        for site in out.values():
            s.expunge(site)
    return out


@dataclass(frozen=True)
class _Plan:
    """What each part of a demo build needs to know (it crosses a process boundary)."""

    path: str
    residents: int
    seed: int
    today: dt.date
    clerk: uuid.UUID
    doctor: uuid.UUID
    parts: int
    next_serial: dict[str, int]
    sid_base: int


def build_demo(
    db: Database,
    residents: int,
    seed: int = 2026,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Add ``residents`` synthetic residents (with households, history and tags) to ``db``.

    Large builds run in two processes, each taking half of the streets: their rows never overlap
    (different 居委 serials, households and search-index ids), so both write to the same WAL file
    while their Python work — most of the cost — runs on both cores.
    """
    started = time.perf_counter()
    accounts = ensure_demo_accounts(db)
    ensure_committees(db)
    # Each committee continues after the highest serial already leased (a second demo run appends).
    next_serial: dict[str, int] = {}
    with db.reader() as s:
        for prefix, top in s.execute(select(SerialLease.prefix, SerialLease.last_serial)):
            next_serial[prefix] = max(next_serial.get(prefix, 1), top + 1)
    plan = _Plan(
        str(db.path),
        residents,
        seed,
        today or dt.date.today(),
        accounts["clerk"],
        accounts["doctor"],
        2 if residents >= PARALLEL_FROM else 1,
        next_serial,
        db.max_search_id(),
    )
    if plan.parts == 1:
        results = [_build_part(db, plan, 0, progress)]
    else:

        def scaled(done: int, _total: int) -> None:
            if progress:
                progress(min(done * plan.parts, residents), residents)

        # A failing child raises here (BrokenProcessPool) instead of being respawned forever.
        with ProcessPoolExecutor(plan.parts - 1, mp_context=multiprocessing.get_context("spawn")) as pool:
            others = [pool.submit(_build_part_in_child, plan, part) for part in range(1, plan.parts)]
            results = [_build_part(db, plan, 0, scaled), *(o.result() for o in others)]
    db.catch_up_clock()
    db.analyze()
    if progress:
        progress(residents, residents)
    return DemoSummary(sum(r[0] for r in results), sum(r[1] for r in results), time.perf_counter() - started)


def _build_part_in_child(plan: _Plan, part: int) -> tuple[int, int]:
    db = Database(Path(plan.path))
    try:
        return _build_part(db, plan, part, None)
    finally:
        db.close()


def _build_part(
    db: Database, plan: _Plan, part: int, progress: Callable[[int, int], None] | None
) -> tuple[int, int]:
    """Build the residents of this part's streets; returns (residents, households)."""
    committees = ensure_committees(db)
    streets = {st.code[6:]: st for st in _streets(db) if st.code}
    mine = set(sorted(streets)[part :: plan.parts])
    actor = db.actor(plan.clerk)
    doctor, today = plan.doctor, plan.today
    next_serial = dict(plan.next_serial)
    next_sid = plan.sid_base + 1 + part * SID_STRIDE
    households: dict[int, uuid.UUID] = {}
    used: dict[str, list[int]] = {}
    done = 0

    def flush(people: list[DemoPerson]) -> None:
        nonlocal done, next_sid
        res_rows: list[dict[str, Any]] = []
        hist_rows: list[dict[str, Any]] = []
        tag_rows: list[dict[str, Any]] = []
        hh_rows: list[dict[str, Any]] = []
        member_rows: list[dict[str, Any]] = []
        for p in people:
            committee = committees[(p.street_code, 1 + (p.committee_no - 1) % COMMITTEES_PER_STREET)]
            street = streets[p.street_code]
            prefix = f"{street.code}{committee.code}"
            serial = next_serial.get(prefix, 1)
            next_serial[prefix] = serial + 1
            used.setdefault(prefix, []).append(serial)
            rid = new_id()
            filing = max(p.birth_date, today - dt.timedelta(days=int(p.id_number[6:14]) % 3650))
            res_rows.append(
                dict(
                    id=rid,
                    record_no=make_record_number(prefix[:6], prefix[6:9], prefix[9:], serial).value,
                    name=p.name,
                    sex=p.sex,
                    birth_date=p.birth_date,
                    id_number=p.id_number,
                    phone=p.phone,
                    current_address=p.address,
                    registered_address=p.registered_address,
                    street_id=street.id,
                    committee_id=committee.id,
                    filed_by_id=actor.user_id,
                    doctor_id=doctor,
                    filing_site_id=site_id("centre", "仙霞社区卫生服务中心"),
                    filing_date=filing,
                    contact_name=p.contact_name,
                    contact_phone=p.contact_phone,
                    residence_type=p.residence_type,
                    ethnicity=p.ethnicity,
                    ethnicity_name=p.ethnicity_name,
                    marital_status=p.marital_status,
                    education=p.education,
                    occupation=p.occupation,
                    payment_methods=list(p.payment_methods),
                    drug_allergies=["1"],
                    exposures=["1"],
                    past_disease_status="2" if p.past_diseases else "1",
                    surgery_status="1",
                    trauma_status="1",
                    transfusion_status="1",
                    hereditary_status="1",
                    disabilities=list(p.disabilities),
                    family_history={},
                    status="active",
                )
            )
            for code, year, month in p.past_diseases:
                hist_rows.append(
                    dict(resident_id=rid, kind="disease", code=code, occurred_year=year, occurred_month=month)
                )
            for code in sorted(derived_from_file([c for c, _y, _m in p.past_diseases], p.disabilities)):
                tag_rows.append(dict(resident_id=rid, code=code, since=filing, source="derived"))
            for code in p.manual_key_populations:
                tag_rows.append(
                    dict(resident_id=rid, code=code, since=filing, source="manual", note="演示数据")
                )
            if p.household_no not in households:
                households[p.household_no] = new_id()
                hh_rows.append(
                    dict(id=households[p.household_no], address=p.address, committee_id=committee.id)
                )
            member_rows.append(
                dict(household_id=households[p.household_no], resident_id=rid, relation=p.relation_to_head)
            )
        with db.engine.begin() as conn:
            insert_synced(conn, actor, Resident, res_rows, first_search_id=next_sid)
            insert_synced(conn, actor, HistoryEntry, hist_rows)
            insert_synced(conn, actor, KeyPopulationTag, tag_rows)
            insert_synced(conn, actor, Household, hh_rows)
            insert_synced(conn, actor, HouseholdMember, member_rows)
        next_sid += len(res_rows)
        done += len(people)
        if progress:
            progress(done, plan.residents)

    batch: list[DemoPerson] = []
    for person in generate_people(plan.residents, plan.seed, today):
        if person.street_code not in mine:
            continue
        batch.append(person)
        if len(batch) >= (BATCH if plan.parts == 1 else PARALLEL_BATCH):
            flush(batch)
            batch = []
    if batch:
        flush(batch)
    # Record the serials used as this device's leases, so filing continues after them.
    with db.engine.begin() as conn:
        insert_synced(
            conn,
            actor,
            SerialLease,
            [
                dict(
                    prefix=prefix,
                    device_id=db.device_id,
                    first_serial=min(serials),
                    last_serial=max(serials),
                    next_serial=max(serials) + 1,
                )
                for prefix, serials in used.items()
            ],
        )
    return done, len(households)


def _streets(db: Database) -> list[Site]:
    with db.reader() as s:
        rows = list(s.scalars(select(Site).where(Site.kind == "street")))
        for r in rows:
            s.expunge(r)
        return rows
