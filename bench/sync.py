"""Sync benchmark (issues 3 and 14): the first sync of a new workstation through the hub server
(chc-hub, a process of its own on 127.0.0.1, storing in PostgreSQL) holding a district's residents,
and a 1,000-change round trip between two workstations — beside a bare baseline measured in the
same run: the same hub rows copied from PostgreSQL into SQLite with psycopg and sqlite3 alone (no
HTTP, no merge, no type conversion, no index maintenance beyond a key).

    .venv/bin/python bench/sync.py --residents 300000      (hub URL: CHC_BENCH_HUB_URL)

The hub is seeded straight from a demo device database with COPY (setup, not measured). Before
that, every demo resident is moved into 仙霞路街道 (same 居委 code), so the benchmark device's
first sync pulls all of them: the worst case, ten times what one centre's device pulls in a
district where residents spread over ten streets.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sqlite3
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
OUT = ROOT / "bench" / "out"

from foundation import build, noise  # noqa: E402

SITE = "仙霞社区卫生服务中心"


def admin_url() -> str:
    return os.environ.get("CHC_BENCH_HUB_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


def fresh_hub(name: str) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    url = make_url(admin_url())
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


def move_everyone_to(device_db: Path, street: uuid.UUID) -> None:
    """Put every resident and household into ``street`` (its 居委 of the same code)."""
    from chc_desktop.store import digest

    con = sqlite3.connect(device_db)
    digest.register(con)  # the rows' digests follow the move (the triggers call it)
    con.executescript(
        f"""
        UPDATE residents SET committee_id = (
            SELECT c2.id FROM sites c1 JOIN sites c2 ON c2.code = c1.code AND c2.parent_id = '{street.hex}'
            WHERE c1.id = residents.committee_id),
          street_id = '{street.hex}';
        UPDATE households SET committee_id = (
            SELECT c2.id FROM sites c1 JOIN sites c2 ON c2.code = c1.code AND c2.parent_id = '{street.hex}'
            WHERE c1.id = households.committee_id);
        """
    )
    con.commit()
    con.close()


def seed_hub(device_db: Path, hub_url: str, street: uuid.UUID) -> int:
    """Copy every synced row of a device database into hub_rows (COPY), scoped as the hub would."""
    import psycopg
    from sqlalchemy import select
    from sqlalchemy.engine import make_url

    from chc_desktop.hub.schema import hub_engine, init_hub, rebuild_digests
    from chc_desktop.store.capture import to_json
    from chc_desktop.store.database import Database
    from chc_desktop.sync.tables import GLOBAL_TABLES, MODELS, RESIDENT_CHILD, specs

    engine = hub_engine(hub_url)
    init_hub(engine)
    engine.dispose()
    db = Database(device_db)
    u = make_url(hub_url)
    seq = 0
    with psycopg.connect(host=u.host, port=u.port, user=u.username, dbname=u.database) as pg:
        # Row-by-row digest upkeep would update one hot row a million times: count once instead.
        pg.execute("ALTER TABLE hub_rows DISABLE TRIGGER hub_rows_digest")
        with (
            pg.cursor() as cur,
            cur.copy(
                "COPY hub_rows (row_id, table_name, scope_id, root_id, data, clocks, hlc, last_seq) "
                "FROM STDIN"
            ) as copy,
            db.engine.connect() as conn,
        ):
            for model in MODELS:
                spec = specs()[model.__tablename__]
                table = model.__table__  # type: ignore[attr-defined]
                for row in conn.execute(select(table)).mappings():
                    seq += 1
                    data = {f: to_json(row[f]) for f in spec.fields if row[f] is not None}
                    name = spec.name
                    root: Any = None
                    if name == "residents":
                        root = row["id"]
                    elif name in RESIDENT_CHILD:
                        root = row[RESIDENT_CHILD[name]]
                    scope = None if name in GLOBAL_TABLES else street  # everyone lives there now
                    copy.write_row(
                        (
                            row["id"],
                            name,
                            scope,
                            root,
                            json.dumps(data, ensure_ascii=False),
                            json.dumps(row["clocks"]) if row["clocks"] else None,
                            row["hlc"],
                            seq,
                        )
                    )
        pg.execute("ALTER TABLE hub_rows ENABLE TRIGGER hub_rows_digest")
        # Later changes must sort after the seeded rows, as if the rows had been pushed.
        pg.execute("SELECT setval(pg_get_serial_sequence('hub_changes', 'seq'), %s)", (seq,))
        pg.execute("ANALYZE hub_rows")
        pg.commit()
    engine = hub_engine(hub_url)
    with engine.begin() as conn:
        rebuild_digests(conn)
    engine.dispose()
    db.close()
    return seq


def baseline_copy(hub_url: str, target: Path) -> tuple[float, int]:
    """The floor: stream the same rows out of PostgreSQL and into one SQLite table."""
    import psycopg
    from sqlalchemy.engine import make_url

    u = make_url(hub_url)
    target.unlink(missing_ok=True)
    t = time.perf_counter()
    lite = sqlite3.connect(target)
    lite.execute("PRAGMA journal_mode=WAL")
    lite.execute("CREATE TABLE rows (id BLOB PRIMARY KEY, table_name TEXT, data TEXT, hlc TEXT)")
    n = 0
    with (
        psycopg.connect(host=u.host, port=u.port, user=u.username, dbname=u.database) as pg,
        pg.cursor(name="all_rows") as cur,
    ):
        cur.itersize = 5000
        cur.execute("SELECT row_id, table_name, data::text, hlc FROM hub_rows ORDER BY last_seq")
        while batch := cur.fetchmany(5000):
            lite.executemany(
                "INSERT INTO rows VALUES (?, ?, ?, ?)", [(r[0].bytes, r[1], r[2], r[3]) for r in batch]
            )
            n += len(batch)
    lite.commit()
    lite.close()
    return time.perf_counter() - t, n


SECRET = secrets.token_bytes(32)  # this run's hub only; never kept


class HubProcess:
    """chc-hub serve on 127.0.0.1, as production runs it (plain HTTP: loopback only)."""

    def __init__(self, database_url: str, workers: int = 1) -> None:
        import base64
        import socket

        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        sock.close()
        self.config = OUT / f"hub-{self.port}.toml"
        self.snapshots = OUT / "snapshots"
        self.config.write_text(
            f'database_url = "{database_url}"\nsecret = "{base64.urlsafe_b64encode(SECRET).decode()}"\n'
            f'[server]\nhost = "127.0.0.1"\nport = {self.port}\nworkers = {workers}\n'
            "[limits]\nenrol_per_minute = 100000\nrequests_per_second = 100000.0\nburst = 100000\n"
            # Snapshots are made where the benchmark says, never in the background of a measurement.
            f'[snapshots]\nfolder = "{self.snapshots}"\nauto = false\n',
            encoding="utf-8",
        )
        self.config.chmod(0o600)
        self.url = f"http://127.0.0.1:{self.port}"
        self.database_url = database_url

    def __enter__(self) -> HubProcess:
        import subprocess
        import urllib.request

        exe = Path(sys.executable).with_name("chc-hub")
        self.proc = subprocess.Popen(
            [str(exe), "--config", str(self.config), "serve"], stderr=subprocess.DEVNULL
        )
        for _ in range(200):
            try:
                urllib.request.urlopen(self.url + "/health", timeout=1).read()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the hub did not start")

    def __exit__(self, *exc: Any) -> None:
        self.proc.terminate()
        self.proc.wait(30)

    def code(self) -> str:
        from chc_desktop.hub.devices import DeviceRegistry
        from chc_desktop.hub.schema import hub_engine
        from chc_desktop.services.sites import site_id

        engine = hub_engine(self.database_url)
        try:
            return DeviceRegistry(engine, SECRET).issue_code(site_id("centre", SITE), "bench")[0]
        finally:
            engine.dispose()

    def make_snapshot(self) -> dict[str, Any]:
        """``chc-hub snapshot`` for the benchmark's site, as an IT officer's nightly job runs it."""
        import subprocess

        exe = Path(sys.executable).with_name("chc-hub")
        t = time.perf_counter()
        subprocess.run([str(exe), "--config", str(self.config), "snapshot", "--site", SITE], check=True)
        seconds = time.perf_counter() - t
        (info,) = [json.loads(p.read_text()) for p in self.snapshots.glob("*.json")]
        return {"build_s": round(seconds, 1), "mb": round(info["size"] / 1e6, 1), "rows": info["rows"]}

    def forget_snapshots(self) -> None:
        for p in self.snapshots.glob("*.json"):
            p.unlink()

    def rss_mb(self) -> float:
        """The hub processes' resident memory (the server and its workers)."""
        total = 0
        for pid in [self.proc.pid, *_children(self.proc.pid)]:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            except OSError:
                pass
        return round(total / 1024, 1)


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def new_device(path: Path, hub: HubProcess) -> Any:
    from chc_desktop.services.app import Services, open_database

    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    db = open_database(path)
    done = Services(db).sync.enrol(hub.url, hub.code(), None, path.stem)
    return db, done.credential, Services(db)


def run_sync(services: Any, token: str) -> tuple[float, Any]:
    t = time.perf_counter()
    report = services.sync.run(token)
    return time.perf_counter() - t, report


def round_trip(a: Any, b: Any, n: int, label: str, skip: int = 0) -> dict[str, float]:
    """``n`` residents edited on A (after the first ``skip``: each round other residents, as a day's
    edits are, so the hub's rows are not warm from the round before); A's sync sends them, B's
    sync receives them."""
    from sqlalchemy import select

    from chc_desktop.store.models import Resident, StaffUser

    db_a, token_a, services_a = a
    _db_b, token_b, services_b = b
    with db_a.reader() as s:
        doctor = s.scalars(select(StaffUser.id).where(StaffUser.username == "doctor")).one()
    with db_a.unit_of_work(doctor) as s:  # the hub takes signed changes only
        for i, r in enumerate(s.scalars(select(Resident).order_by(Resident.id).offset(skip).limit(n))):
            r.work_unit = f"长宁区单位{label}-{i}"
    push_s, push = run_sync(services_a, token_a)
    pull_s, pull = run_sync(services_b, token_b)
    return {
        "changes": n,
        "push_sync_s": round(push_s, 3),
        "pull_sync_s": round(pull_s, 3),
        "round_trip_s": round(push_s + pull_s, 3),
        "pushed": push.pushed,
        "pulled": pull.pulled,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=300_000)
    parser.add_argument("--reuse", action="store_true", help="reuse bench/out's demo database")
    parser.add_argument("--skip-full-pull", action="store_true", help="no first sync without a snapshot")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    source = OUT / f"sync-source-{args.residents}.db"
    result: dict[str, Any] = {"residents": args.residents, "noise_before": noise()}
    if not (args.reuse and source.exists()):
        result["demo_build_s"] = round(build(source, args.residents), 1)

    from chc_desktop.services.sites import site_id

    street = site_id("street", "310105008")
    if not args.reuse:
        move_everyone_to(source, street)
    hub_url = fresh_hub("chc_bench_hub")
    t = time.perf_counter()
    result["hub_rows"] = seed_hub(source, hub_url, street)
    result["hub_seed_s"] = round(time.perf_counter() - t, 1)

    base_s, base_n = baseline_copy(hub_url, OUT / "sync-baseline.db")
    result["baseline_copy_s"] = round(base_s, 2)
    result["baseline_rows"] = base_n

    with HubProcess(hub_url) as hub:
        # A workstation needs an enrolment for its site's snapshot to be made (as the nightly job).
        a = new_device(OUT / "sync-device-a.db", hub)
        result["snapshot"] = hub.make_snapshot()
        first_s, report = run_sync(a[2], a[1])
        result["first_sync_s"] = round(first_s, 2)
        result["first_sync_pulled"] = report.pulled
        result["first_sync_from_snapshot"] = report.from_snapshot
        result["first_sync_disagreements"] = report.disagreements
        result["first_sync_vs_baseline"] = round(first_s / base_s, 2)
        result["hub_rss_mb_after_first_sync"] = hub.rss_mb()
        b = new_device(OUT / "sync-device-b.db", hub)
        second_s, _ = run_sync(b[2], b[1])
        result["second_device_first_sync_s"] = round(second_s, 2)
        if not args.skip_full_pull:  # the same first sync without a snapshot, for comparison
            hub.forget_snapshots()
            c = new_device(OUT / "sync-device-c.db", hub)
            full_s, full = run_sync(c[2], c[1])
            result["first_sync_without_snapshot_s"] = round(full_s, 2)
            result["first_sync_without_snapshot_disagreements"] = full.disagreements
            c[0].close()
        result["round_trip"] = [round_trip(a, b, 1000, str(k), skip=k * 1000) for k in range(3)]
    result["noise_after"] = noise()
    for d in (a, b):
        d[0].close()
    (OUT / "sync.json").write_text(json.dumps(result, ensure_ascii=False, indent=2, default=str))
    print(json.dumps(result, ensure_ascii=False, indent=2, default=str))


if __name__ == "__main__":
    main()
