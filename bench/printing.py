"""Printing benchmark (issue 7): one form warm (context, layout, PDF, audit), and a batch of 1,000
forms into one PDF (streamed chunk by chunk) with its memory sampled as it goes — beside two
baselines measured in the same run: reportlab drawing the same strings on a page with the same
embedded font, nothing else; and the same batch as one reportlab document, which holds every page.

    .venv/bin/python bench/printing.py                 # cover if registered, else the referral slip
    .venv/bin/python bench/printing.py --form referral_up --records 1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.foundation import noise, percentiles, timed  # noqa: E402


def memory_mb() -> tuple[float, float]:
    """(anonymous, file-backed) resident memory: the process's own heap — Python, reportlab, SQLite's
    page cache — and the pages of the database file it has mapped (shared, given back under pressure)."""
    values = {}
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(("RssAnon:", "RssFile:")):
                key, kb, _unit = line.split()
                values[key] = int(kb) / 1000
    return round(values["RssAnon:"], 1), round(values["RssFile:"], 1)


def records(services: object, form: str, n: int) -> list[uuid.UUID]:
    """n records the form prints: residents for resident forms, sent referrals for the slips."""
    from chc_desktop.services.app import Services
    from chc_desktop.services.residents import Filters
    from chc_desktop.services.sites import site_id

    assert isinstance(services, Services)
    spec = services.printing.spec(form)
    if spec.record == "resident":
        return [r.id for r in services.residents.page(Filters(status=None), 0, n)]
    people = [r.id for r in services.residents.page(Filters(status=None), 0, n)]
    tongren = site_id("hospital", "同仁医院")
    content = {
        "impression": "冠心病不稳定型心绞痛？",
        "history_present": "胸痛反复发作一周" * 4,
        "treatment": "阿司匹林",
    }
    out: list[uuid.UUID] = []
    for rid in people:
        r = services.referrals.create(rid, "up", tongren, department="心内科", content=content)
        out.append(r.id)
    return out


def bare_page(texts: list[str]) -> bytes:
    """The baseline: the same strings on one page in the same embedded font, no layout."""
    from reportlab.pdfgen.canvas import Canvas

    from chc_desktop.printing.fonts import FONT, register

    register()
    buf = io.BytesIO()
    c = Canvas(buf, initialFontName=FONT)
    c.setFont(FONT, 10.5)
    for i, text in enumerate(texts):
        c.drawString(40, 800 - 14 * (i % 55), text)
    c.showPage()
    c.save()
    return buf.getvalue()


def services_on(path: Path) -> Any:
    from chc_desktop.services.app import Services, open_database

    return Services(open_database(path), today=dt.date(2026, 11, 24)).login("doctor", "demo1234")


def batch(db: Path, form: str, ids: list[uuid.UUID], mode: str, out: Path) -> dict[str, object]:
    """One batch in this (fresh) process. The records are read once first, so SQLite's page cache is
    warm and what grows during the batch is the printing's own memory. ``one-document`` renders the
    batch as a single reportlab document (how it was before streaming), for comparison."""
    from pypdf import PdfReader

    from chc_desktop.printing import render as render_module

    services = services_on(db)
    services.printing.print_to(form, ids[:1], io.BytesIO())  # template, font
    spec = services.printing.spec(form)
    for rid in ids:
        spec.build(services.printing.sources, rid)
    if mode == "one-document":
        render_module.CHUNK_PAGES = 10**9
    samples: list[tuple[int, float, float]] = []

    def progress(step: int, total: int) -> None:
        if step % max(1, total // 10) == 0:
            samples.append((step, *memory_mb()))

    start = memory_mb()
    t = time.perf_counter()
    result = services.printing.print_to(form, ids, out, progress=progress)
    seconds = time.perf_counter() - t
    return {
        "mode": mode,
        "seconds": round(seconds, 2),
        "pages": len(PdfReader(out).pages),
        "pdf_mb": round(out.stat().st_size / 1e6, 2),
        "anon_mb_start": start[0],
        "file_mb_start": start[1],
        "samples_step_anon_file_mb": samples,
        "anon_mb_growth": round(max(a for _s, a, _f in samples) - start[0], 1),
        "anon_mb_growth_second_half": round(samples[-1][1] - samples[len(samples) // 2 - 1][1], 1),
        "clipped": list(result.clipped)[:5],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--form", default="")
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--batch", nargs=2, metavar=("DB", "MODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    from chc_desktop.printing.render import as_text
    from chc_desktop.services.app import open_database
    from chc_desktop.services.demo import build_demo
    from chc_desktop.services.printing import FORMS

    form = args.form or ("cover" if "cover" in FORMS else "referral_up")
    if args.batch:  # the child process of one batch
        db = Path(args.batch[0])
        ids = [uuid.UUID(i) for i in json.loads(db.with_suffix(".ids").read_text())]
        print(json.dumps(batch(db, form, ids, args.batch[1], db.with_name(f"{args.batch[1]}.pdf"))))
        return

    folder = Path(tempfile.mkdtemp(prefix="chc-bench-print-"))
    path = folder / "bench.db"
    build_demo(open_database(path), max(args.records, 300), seed=7, today=dt.date(2026, 11, 24), care=False)
    services = services_on(path)
    ids = records(services, form, args.records)
    path.with_suffix(".ids").write_text(json.dumps([str(i) for i in ids]))
    first = ids[0]

    def one() -> None:
        services.printing.print_to(form, [first], io.BytesIO())

    one()  # warm: template read, font registered
    context = services.printing.context(form, first)
    strings = [as_text(v) for v in _leaves(context)] + [
        b.text for b in services.printing.template(form).blocks
    ]
    strings = [s for s in strings if s]
    single = percentiles(timed(one, args.repeat))
    baseline = percentiles(timed(lambda: bare_page(strings), args.repeat))

    def child(mode: str) -> dict[str, object]:
        command = [sys.executable, __file__, "--form", form, "--batch", str(path), mode]
        return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)  # type: ignore[no-any-return]

    out = {
        "form": form,
        "records": len(ids),
        "noise": noise(),
        "one_form_warm_ms": single,
        "baseline_bare_reportlab_page_ms": baseline,
        "batch_streamed": child("streamed"),
        # the comparison, in the same run: the whole batch as one reportlab document (how it was)
        "batch_as_one_document": child("one-document"),
    }
    print(json.dumps(out, ensure_ascii=False, indent=2))


def _leaves(value: object) -> list[object]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in _leaves(v)]
    if isinstance(value, list | tuple):
        return [leaf for v in value for leaf in _leaves(v)]
    return [value]


if __name__ == "__main__":
    main()
