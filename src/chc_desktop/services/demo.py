"""Demo data: accounts for each role, 居委 under each real Changning street, and synthetic residents.

Residents go in through the bulk path (store/bulk.py) with their change records and search keys,
so a district-size database (300,000) builds in under a minute.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import random
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from chc_desktop.domain import contracts as contract_rules
from chc_desktop.domain.dates import age_on
from chc_desktop.domain.key_populations import derived_from_file
from chc_desktop.domain.record_number import make_record_number
from chc_desktop.security.passwords import hash_password, verify_password
from chc_desktop.services.demo_care import add_demo_care
from chc_desktop.services.demo_people import DemoPerson, generate_people
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.sites import site_id
from chc_desktop.services.teams import DEFAULT_PACKAGES
from chc_desktop.store import signing_state
from chc_desktop.store.bulk import insert_synced
from chc_desktop.store.database import Database
from chc_desktop.store.ids import natural_id, new_id
from chc_desktop.store.models import (
    Contract,
    HistoryEntry,
    Household,
    HouseholdMember,
    KeyPopulationTag,
    Resident,
    SerialLease,
    Site,
    StaffUser,
    Team,
    TeamMember,
)

# Demo accounts, listed in the README. Passwords are public: demo databases hold no real people.
DEMO_ACCOUNTS = [
    ("admin", "管理员", "admin", "demo1234"),
    ("doctor", "王医生", "doctor", "demo1234"),
    ("nurse", "李护士", "nurse", "demo1234"),
    ("clerk", "张助理", "clerk", "demo1234"),
    ("doctor2", "赵医生", "doctor", "demo1234"),
    ("doctor3", "孙医生", "doctor", "demo1234"),
]
# Family-doctor teams of the demo centre: (name, lead account, nurse account, specialist, hospital, specialty)
DEMO_TEAMS = [
    ("王医生团队", "doctor", "nurse", "陈主任", "同仁医院", "心血管内科"),
    ("赵医生团队", "doctor2", None, "周医师", "光华中西医结合医院", "康复医学科"),
    ("孙医生团队", "doctor3", None, None, None, None),
]
# Signing in the demo: most key-population residents are signed, fewer of the rest (the targets are
# 80 % and 48 %, so the workbench has work to show).
DEMO_SIGN_KEY, DEMO_SIGN_OTHER = 0.78, 0.36
COMMITTEES_PER_STREET = 12
NUMERALS = "一二三四五六七八九十"
BATCH = 2000  # rows per transaction; progress is reported after each
PARALLEL_FROM = 20_000  # below this a second process costs more than it saves
# Two writers share one file: fewer, larger transactions mean fewer waits for the write lock.
PARALLEL_BATCH = 10_000
BUILD_BUSY_MS = 600_000
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


DEMO_MARK = "profile.demo"  # local_meta: this database holds demo data and the demo accounts


def claim_for_demo(db: Database) -> None:
    """Demo data and the demo accounts (with their published password) go only into a demo
    database: one marked so, or one whose every account already has the published password (a new
    database has none). A real profile — any account with a password of its own — is refused."""
    if db.meta(DEMO_MARK) == "1":
        return
    with db.reader() as s:
        hashes = list(s.scalars(select(StaffUser.password_hash)))
    published = DEMO_ACCOUNTS[0][3]
    if not all(verify_password(h, published) for h in hashes):
        raise ServiceError(
            "这个数据库已有正式账户，不能生成演示数据（演示账户的密码是公开的）。"
            "请使用演示配置：chc --profile demo demo，或 chc-desktop --demo。"
        )
    db.set_meta(DEMO_MARK, "1")


def ensure_demo_accounts(db: Database) -> dict[str, uuid.UUID]:
    claim_for_demo(db)
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


def ensure_demo_teams(db: Database, accounts: dict[str, uuid.UUID]) -> list[tuple[uuid.UUID, uuid.UUID]]:
    """The demo teams of 仙霞 (same ids on every run); returns (team, lead doctor) pairs."""
    centre = site_id("centre", "仙霞社区卫生服务中心")
    out: list[tuple[uuid.UUID, uuid.UUID]] = []
    with db.unit_of_work(None) as s:
        for name, lead, nurse, specialist, hospital, specialty in DEMO_TEAMS:
            tid = natural_id("team", f"demo:{name}")
            if s.get(Team, tid) is None:
                s.add(
                    Team(id=tid, name=name, centre_id=centre, lead_doctor_id=accounts[lead], note="演示数据")
                )
                s.flush()
                if nurse:
                    s.add(TeamMember(team_id=tid, role="nurse", user_id=accounts[nurse]))
                if specialist and hospital:
                    s.add(
                        TeamMember(
                            team_id=tid,
                            role="specialist",
                            name=specialist,
                            hospital_id=site_id("hospital", hospital),
                            specialty=specialty,
                        )
                    )
            out.append((tid, accounts[lead]))
    return out


def ensure_committees(db: Database) -> dict[tuple[str, int], Site]:
    """Synthetic 居委 (codes 001–012) under each street; the real 居委 codes were not available."""
    out: dict[tuple[str, int], Site] = {}
    with db.unit_of_work(None) as s:
        streets = list(s.scalars(select(Site).where(Site.kind == "street")))
        for key, committee in demo_committees(streets).items():
            site = s.get(Site, committee.id)
            if site is None:
                site = committee
                s.add(site)
            out[key] = site
        s.flush()
        for site in out.values():
            s.expunge(site)
    return out


def demo_committees(streets: list[Site]) -> dict[tuple[str, int], Site]:
    """The synthetic 居委 of these streets as new rows, by (street code's last 3 digits, number)."""
    out: dict[tuple[str, int], Site] = {}
    for street in streets:
        assert street.code
        short = street.name.removesuffix("街道").removesuffix("路").removesuffix("镇").removesuffix("新村")
        for n in range(1, COMMITTEES_PER_STREET + 1):
            code = f"{n:03d}"
            out[(street.code[6:], n)] = Site(
                id=site_id("committee", street.code + code),
                kind="committee",
                code=code,
                name=f"{short}第{_numeral(n)}居委会",
                parent_id=street.id,
                note="演示数据",
            )
    return out


@dataclass(frozen=True)
class _Plan:
    """What each part of a demo build needs to know (it crosses a process boundary)."""

    path: str
    residents: int
    seed: int
    today: dt.date
    clerk: uuid.UUID
    teams: tuple[tuple[uuid.UUID, uuid.UUID], ...]  # (team, its lead doctor)
    parts: int
    next_serial: dict[str, int]
    sid_base: int


def build_demo(
    db: Database,
    residents: int,
    seed: int = 2026,
    today: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    care: bool = True,
) -> DemoSummary:
    """Add ``residents`` synthetic residents (with households, history, tags and contracts) to
    ``db`` — and, with ``care``, a few hospice patients and a year of referrals (demo_care).

    Large builds run in two processes, each taking half of the streets: their rows never overlap
    (different 居委 serials, households and search-index ids), so both write to the same WAL file
    while their Python work — most of the cost — runs on both cores.
    """
    started = time.perf_counter()
    accounts = ensure_demo_accounts(db)
    ensure_committees(db)
    teams = ensure_demo_teams(db, accounts)
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
        tuple(teams),
        2 if residents >= PARALLEL_FROM else 1,
        next_serial,
        db.max_search_id(),
    )
    # Contracts and tags derive each resident's signing state: once at the end, not row by row.
    with db.engine.begin() as conn:
        signing_state.drop_triggers(conn)
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
    with db.engine.begin() as conn:
        signing_state.install(conn)
    db.catch_up_clock()
    if care:
        add_demo_care(db, plan.today, seed)
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
    today = plan.today
    term_end = contract_rules.term_end
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
        contract_rows: list[dict[str, Any]] = []
        for p in people:
            committee = committees[(p.street_code, 1 + (p.committee_no - 1) % COMMITTEES_PER_STREET)]
            street = streets[p.street_code]
            prefix = f"{street.code}{committee.code}"
            serial = next_serial.get(prefix, 1)
            next_serial[prefix] = serial + 1
            used.setdefault(prefix, []).append(serial)
            rid = new_id()
            filing = max(p.birth_date, today - dt.timedelta(days=int(p.id_number[6:14]) % 3650))
            team, doctor = plan.teams[p.committee_no % len(plan.teams)]
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
            contract = _demo_contract(p, rid, team, doctor, filing, today, term_end)
            if contract:
                contract_rows.append(contract)
            if p.household_no not in households:
                households[p.household_no] = new_id()
                hh_rows.append(
                    dict(id=households[p.household_no], address=p.address, committee_id=committee.id)
                )
            member_rows.append(
                dict(household_id=households[p.household_no], resident_id=rid, relation=p.relation_to_head)
            )
        with db.engine.begin() as conn:
            # Two builders share the file: on a busy machine one may wait a while for the other's
            # transaction, which is no reason to fail the build.
            conn.exec_driver_sql(f"PRAGMA busy_timeout={BUILD_BUSY_MS}")
            insert_synced(conn, actor, Resident, res_rows, first_search_id=next_sid)
            insert_synced(conn, actor, HistoryEntry, hist_rows)
            insert_synced(conn, actor, KeyPopulationTag, tag_rows)
            insert_synced(conn, actor, Household, hh_rows)
            insert_synced(conn, actor, HouseholdMember, member_rows)
            insert_synced(conn, actor, Contract, contract_rows)
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
        conn.exec_driver_sql(f"PRAGMA busy_timeout={BUILD_BUSY_MS}")
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


def _demo_contract(
    p: DemoPerson,
    rid: uuid.UUID,
    team: uuid.UUID,
    doctor: uuid.UUID,
    filing: dt.date,
    today: dt.date,
    term_end: Callable[[dt.date, int], dt.date],
) -> dict[str, Any] | None:
    """A contract in force for a share of the residents, its term ending within the next year."""
    rng = random.Random(p.id_number)
    age = age_on(p.birth_date, today)
    key = age >= 65 or age <= 6 or bool(p.past_diseases) or bool(p.manual_key_populations)
    if rng.random() >= (DEMO_SIGN_KEY if key else DEMO_SIGN_OTHER):
        return None
    start = max(filing, today - dt.timedelta(days=rng.randrange(0, 360)))
    packages = ["basic"]
    if age >= 60:
        packages.append("elderly")
    if any(code in ("2", "3") for code, _y, _m in p.past_diseases):
        packages.append("chronic")
    fees = {code: (fee, subsidy) for code, _n, _k, _t, _i, fee, subsidy in DEFAULT_PACKAGES}
    hospitals = rng.random() < 0.6
    return dict(
        resident_id=rid,
        team_id=team,
        doctor_id=doctor,
        start_date=start,
        end_date=term_end(start, 12),  # the default term; a demo ignores a changed setting
        status="active",
        packages=packages,
        fee_cents=sum(fees[c][0] for c in packages),
        subsidy_cents=sum(fees[c][1] for c in packages),
        district_hospital_id=site_id("hospital", "光华中西医结合医院") if hospitals else None,
        municipal_hospital_id=site_id("hospital", "华东医院") if hospitals else None,
        sign_method=rng.choice(("self", "self", "family", "home")),
        signed_on=start,
        signed_by_id=doctor,
    )


def _streets(db: Database) -> list[Site]:
    with db.reader() as s:
        rows = list(s.scalars(select(Site).where(Site.kind == "street")))
        for r in rows:
            s.expunge(r)
        return rows
