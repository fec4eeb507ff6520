"""Many workstations syncing at once against one hub server (issue 14): a bounded load test on
127.0.0.1 only. Each workstation is a process of its own with its own database; every round each
edits its own residents and all sync at the same moment. Reported: sync time p50/p95, errors (must
be 0), the hub processes' memory — beside the same round by one workstation alone, in the same run.

    .venv/bin/python bench/hub_load.py --workstations 50 --rounds 3      (hub: CHC_BENCH_HUB_URL)

Setup (not measured): a fresh PostgreSQL hub database, the demo accounts of 仙霞, and each
workstation enrolled, synced once and given 20 residents of its own.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
OUT = ROOT / "bench" / "out" / "hub-load"

from foundation import noise  # noqa: E402
from sync import HubProcess, fresh_hub  # noqa: E402

RESIDENTS = 20
EDITS = 10
DIGITS = "零一二三四五六七八九"


def _id_number(device: int, i: int) -> str:
    from chc_desktop.domain.id_number import check_digit

    first17 = f"310105{1940 + device:04d}0101{i:03d}"
    return first17 + check_digit(first17)


def prepare(path: Path, url: str, code: str, device: int) -> str:
    """Enrol, sync once (accounts arrive), file this workstation's residents; returns the credential."""
    from chc_desktop.domain.resident import ResidentDraft
    from chc_desktop.services.app import Services, open_database

    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    db = open_database(path)
    credential = Services(db).sync.enrol(url, code, None, path.stem).credential
    Services(db).sync.run(credential)
    s = Services(db).login("doctor", "demo1234")
    street = next(x for x in s.sites.list("street") if x.code == "310105008")
    committee = s.sites.list("committee", street.id)[0]
    for i in range(RESIDENTS):
        name = "负" + DIGITS[device % 10] + DIGITS[device // 10 % 10] + DIGITS[i % 10] + DIGITS[i // 10 % 10]
        draft = ResidentDraft(
            name=name,
            id_number=_id_number(device, i),
            phone="13812345678",
            current_address="仙霞路 100 号",
            street_id=street.id,
            committee_id=committee.id,
            residence_type="1",
            ethnicity="01",
            payment_methods=("1",),
        )
        s.residents.file(draft)
    Services(db).sync.run(credential)
    db.close()
    return credential


def one_round(path: str, credential: str, round_no: int, start: Any, results: Any) -> None:
    """A workstation process: edit its own residents, wait for the others, sync, report."""
    from chc_desktop.services.app import Services
    from chc_desktop.services.residents import Filters
    from chc_desktop.store.database import Database

    db = Database(Path(path))
    s = Services(db).login("doctor", "demo1234")
    for r in s.residents.page(Filters(), 0, EDITS):
        s.residents.update(
            r.id, replace(s.residents.get(r.id, audit=False).draft, work_unit=f"单位{round_no}")
        )
    start.wait()
    t = time.perf_counter()
    try:
        report = Services(db).sync.run(credential)
        results.put((time.perf_counter() - t, None if not report.disagreements else "disagreement"))
    except Exception as exc:
        results.put((time.perf_counter() - t, type(exc).__name__))
    db.close()


def run_round(devices: list[tuple[str, str]], round_no: int, hub: HubProcess) -> dict[str, Any]:
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=one_round, args=(p, c, round_no, start, results)) for p, c in devices]
    for p in procs:
        p.start()
    time.sleep(5 + 0.2 * len(devices))  # every process imported, edited and waiting
    peak = [hub.rss_mb()]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak.append(hub.rss_mb())
            time.sleep(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    start.set()
    out = [results.get(timeout=600) for _ in procs]
    done.set()
    sampler.join()
    for p in procs:
        p.join(60)
    times = sorted(t for t, _ in out)
    errors = [e for _, e in out if e]
    return {
        "workstations": len(devices),
        "p50_s": round(statistics.median(times), 3),
        "p95_s": round(times[max(0, int(len(times) * 0.95) - 1)], 3),
        "max_s": round(times[-1], 3),
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "hub_rss_mb_peak": max(peak),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--workstations", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2, help="hub server processes")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"noise_before": noise()}
    url = fresh_hub("chc_bench_load")
    from chc_desktop.hub.accounts import seed_demo, seed_reference
    from chc_desktop.hub.schema import hub_engine, init_hub
    from chc_desktop.hub.storage import Hub

    engine = hub_engine(url)
    init_hub(engine)
    seed_reference(Hub(engine))
    seed_demo(Hub(engine))
    engine.dispose()
    with HubProcess(url, workers=args.workers) as hub:
        devices = []
        for i in range(args.workstations):
            path = OUT / f"ws{i:02d}.db"
            devices.append((str(path), prepare(path, hub.url, hub.code(), i)))
        result["hub_rss_mb_idle"] = hub.rss_mb()
        result["alone"] = [run_round(devices[:1], r, hub) for r in range(args.rounds)]
        result["together"] = [run_round(devices, 100 + r, hub) for r in range(args.rounds)]
    result["noise_after"] = noise()
    (OUT / "hub_load.json").write_text(json.dumps(result, ensure_ascii=False, indent=2))
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
