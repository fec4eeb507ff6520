"""Contracts and workbench benchmark (issue 4) on a district database (300,000 residents, ~56 %
signed): the coverage indicators, each worklist's count, the workbench's whole snapshot, and the
workbench page's first paint and fill — each beside a bare baseline measured in the same run:

- indicators: plain sqlite3 counting the register by street and doctor over the same covering
  index (the cheapest pass over the same rows, no flags);
- first paint: an empty QWidget with a table and a label shown in the same process.

    .venv/bin/python bench/contracts.py                  # 300,000 (reuses bench/out/district-300000.db)
    .venv/bin/python bench/contracts.py --residents 20000
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.foundation import OUT, build, noise, percentiles, timed  # noqa: E402


def service_figures(path: Path, repeat: int) -> dict[str, object]:
    from chc_desktop.services.app import Services, open_database
    from chc_desktop.services.workbench import MY_RESIDENTS, UNSIGNED_KEY_POPULATION

    t = time.perf_counter()
    db = open_database(path)  # migrates an older bench database (0003 adds the signing state)
    opened = time.perf_counter() - t
    services = Services(db).login("doctor", "demo1234")
    services.indicators.coverage()  # warm the page cache once, as a running app has it
    today = services.ctx.today().isoformat()
    bare = sqlite3.connect(path)
    bare_sql = (
        "SELECT street_id, doctor_id, count(*) FROM residents INDEXED BY ix_residents_coverage "
        "WHERE status = 'active' AND deleted_at IS NULL GROUP BY street_id, doctor_id"
    )
    ind = services.indicators.coverage()
    out: dict[str, object] = {
        "open_seconds": round(opened, 1),
        "signed": ind.total.counts.signed,
        "population": ind.total.counts.population,
        "key_population": ind.total.counts.key_population,
        "today": today,
        "indicators_ms": percentiles(timed(services.indicators.coverage, repeat)),
        "baseline_bare_group_count_ms": percentiles(timed(lambda: bare.execute(bare_sql).fetchall(), repeat)),
        "expiring_count_ms": percentiles(timed(services.contracts.expiring_count, repeat)),
        "expiring_first_page_ms": percentiles(timed(lambda: services.contracts.expiring(0, 200), repeat)),
        "unsigned_key_count_ms": percentiles(
            timed(lambda: services.residents.count(UNSIGNED_KEY_POPULATION), repeat)
        ),
        "unsigned_key_first_page_ms": percentiles(
            timed(lambda: services.residents.page(UNSIGNED_KEY_POPULATION, 0, 200), repeat)
        ),
        "mine_count_ms": percentiles(timed(lambda: services.residents.count(MY_RESIDENTS), repeat)),
        "double_contracts_ms": percentiles(timed(services.contracts.double_contracts, repeat)),
        "snapshot_ms": percentiles(timed(services.workbench.snapshot, max(3, repeat // 3))),
    }
    bare.close()
    db.close()
    return out


def paint_figures(path: Path, runs: int) -> dict[str, object]:
    """The workbench page from construction to its first paint, and to its figures shown."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QTableView, QVBoxLayout, QWidget

    from chc_desktop.services.app import Services, open_database
    from chc_desktop.ui.app import make_application
    from chc_desktop.ui.workbench.workbench_page import WorkbenchPage

    app = QApplication.instance() or make_application(sys.argv[:1], "zh_CN")
    db = open_database(path)
    services = Services(db).login("doctor", "demo1234")

    class Painted(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.at: float | None = None

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and self.at is None:
                self.at = time.perf_counter()
            return False

    def measure(make: object, wait_loaded: bool) -> tuple[float, float]:
        start = time.perf_counter()
        widget = make()  # type: ignore[operator]
        watch = Painted()
        widget.installEventFilter(watch)
        widget.resize(1200, 760)
        loaded: list[float] = []
        if wait_loaded:
            widget.loaded.connect(lambda: loaded.append(time.perf_counter()))
            widget.refresh()
        widget.show()
        while watch.at is None or (wait_loaded and not loaded):
            app.processEvents()
            time.sleep(0.001)
        first = (watch.at - start) * 1000
        filled = ((loaded[0] if loaded else watch.at) - start) * 1000
        widget.close()
        widget.deleteLater()
        app.processEvents()
        return first, filled

    def bare() -> QWidget:
        w = QWidget()
        layout = QVBoxLayout(w)
        layout.addWidget(QLabel("工作台"))
        layout.addWidget(QTableView())
        return w

    first, filled, baseline = [], [], []
    for _ in range(runs):
        f, full = measure(lambda: WorkbenchPage(services), True)
        first.append(f)
        filled.append(full)
        baseline.append(measure(bare, False)[0])
    db.close()
    return {
        "workbench_first_paint_ms": percentiles(first),
        "workbench_filled_ms": percentiles(filled),
        "baseline_empty_widget_first_paint_ms": percentiles(baseline),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=300_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"district-{args.residents}.db"
    report: dict[str, object] = {"residents": args.residents, "noise_before": noise()}
    if not path.exists():
        report["build_seconds"] = round(build(path, args.residents), 1)
    report.update(service_figures(path, args.repeat))
    report.update(paint_figures(path, args.runs))
    report["noise_after"] = noise()
    text = json.dumps(report, ensure_ascii=False, indent=2, default=str)
    (OUT / f"contracts-{args.residents}.json").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
