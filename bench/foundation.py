"""Foundation benchmark (issue 2): building a district database, search latency per query kind,
the first page of the resident list, start-up to the painted main window — each beside a bare
baseline measured in the same run (plain sqlite3 indexed lookup; an empty PySide6 window)."""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"


def percentiles(samples: list[float]) -> dict[str, float]:
    s = sorted(samples)
    return {"p50": s[len(s) // 2], "p95": s[int(len(s) * 0.95) - 1], "max": s[-1], "n": len(s)}


def timed(fn: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def noise() -> dict[str, float]:
    """Spread of a fixed CPU-bound loop: how steady the machine was during this run."""
    runs = []
    for _ in range(15):
        t = time.perf_counter()
        sum(i * i for i in range(200_000))
        runs.append((time.perf_counter() - t) * 1000)
    return {
        "loop_ms_median": statistics.median(runs),
        "loop_cv_pct": 100 * statistics.pstdev(runs) / statistics.mean(runs),
    }


def build(path: Path, residents: int) -> float:
    from chc_desktop.services.app import open_database
    from chc_desktop.services.demo import build_demo

    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    t = time.perf_counter()
    db = open_database(path)
    build_demo(db, residents, seed=7)
    db.close()
    return time.perf_counter() - t


def search_bench(path: Path, per_kind: int) -> dict[str, dict[str, float]]:
    from chc_desktop.services.app import Services, open_database
    from chc_desktop.services.residents import Filters

    db = open_database(path)
    services = Services(db).login("doctor", "demo1234")
    con = sqlite3.connect(path)
    rng = random.Random(11)
    rows = con.execute(
        "SELECT name, id_number, phone, record_no FROM residents ORDER BY random() LIMIT ?", (per_kind,)
    ).fetchall()
    from chc_desktop.domain.pinyin_keys import name_keys

    queries: dict[str, list[str]] = {
        "name exact": [r[0] for r in rows],
        "name prefix (surname)": [r[0][:1] for r in rows],
        "name part (given name)": [r[0][1:] for r in rows],
        "pinyin full": [name_keys(r[0]).full[0] for r in rows],
        "pinyin initials": [name_keys(r[0]).initials[0] for r in rows],
        "ID number full": [r[1] for r in rows],
        "ID fragment (6)": [r[1][rng.randint(0, 12) :][:6] for r in rows],
        "phone last 4": [r[2][-4:] for r in rows if r[2]],
        "phone full": [r[2] for r in rows if r[2]],
        "record full": [r[3] for r in rows],
        "record last 8": [r[3][-8:] for r in rows],
    }
    results: dict[str, dict[str, float]] = {}
    for kind, qs in queries.items():
        for q in qs[:5]:  # warm caches the way a working day does
            services.search.search(q)
        samples = []
        for q in qs:
            t = time.perf_counter()
            services.search.search(q, Filters(status=None))
            samples.append((time.perf_counter() - t) * 1000)
        results[kind] = percentiles(samples)
    ids = [r[1] for r in rows]
    baseline = []
    for idn in ids:
        t = time.perf_counter()
        con.execute("SELECT * FROM residents WHERE id_number = ?", (idn,)).fetchall()
        baseline.append((time.perf_counter() - t) * 1000)
    results["baseline: sqlite3 indexed lookup"] = percentiles(baseline)
    results["list: count + first page (200)"] = percentiles(
        timed(lambda: (services.residents.count(Filters()), services.residents.page(Filters(), 0, 200)), 30)
    )
    results["list: filtered by committee, first page"] = percentiles(
        timed(
            lambda: services.residents.page(
                Filters(committee_id=services.sites.list("committee")[3].id), 0, 200
            ),
            30,
        )
    )
    results["list: last page by name"] = percentiles(
        timed(
            lambda: services.residents.page(
                Filters(), services.residents.count(Filters()) - 200, 200, sort="name"
            ),
            10,
        )
    )
    db.close()
    return results


def startup(path: Path, runs: int = 7) -> dict[str, dict[str, float]]:
    """Launch to first paint, a fresh process each time: the app's main window against an empty window."""
    script = ROOT / "bench" / "startup_probe.py"
    out: dict[str, list[float]] = {
        "main window (open db, log in, paint)": [],
        "baseline: empty PySide6 window": [],
    }
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    for _ in range(runs):
        for mode, key in (
            ("app", "main window (open db, log in, paint)"),
            ("bare", "baseline: empty PySide6 window"),
        ):
            t = time.perf_counter()
            child = subprocess.Popen(
                [sys.executable, str(script), mode, str(path)],
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=env,
                text=True,
            )
            assert child.stdout is not None
            line = child.stdout.readline()
            out[key].append((time.perf_counter() - t) * 1000)
            child.wait()
            assert line.strip() == "painted", f"{mode}: no paint"
    return {k: percentiles(v) for k, v in out.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=300_000)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"district-{args.residents}.db"
    report: dict[str, object] = {"residents": args.residents, "noise_before": noise()}
    if args.rebuild or not path.exists():
        report["build_seconds"] = round(build(path, args.residents), 1)
        report["db_mb"] = round(path.stat().st_size / 1e6, 1)
    report["search_ms"] = search_bench(path, args.queries)
    if not args.skip_startup:
        report["startup_ms"] = startup(path)
    report["noise_after"] = noise()
    text = json.dumps(report, ensure_ascii=False, indent=2)
    (OUT / f"foundation-{args.residents}.json").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
