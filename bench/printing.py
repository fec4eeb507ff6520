"""Printing benchmark (issue 7): one form warm (context, layout, PDF, audit), and a batch of 1,000
forms into one PDF with its memory sampled as it goes — beside a bare baseline measured in the same
run: reportlab drawing the same strings on a page with the same embedded font, nothing else.

    .venv/bin/python bench/printing.py                 # cover if registered, else the referral slip
    .venv/bin/python bench/printing.py --form referral_up --records 1000
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.foundation import noise, percentiles, timed  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def records(services: object, form: str, n: int) -> list[object]:
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
    out = []
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--form", default="")
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()

    from pypdf import PdfReader

    from chc_desktop.printing.render import as_text
    from chc_desktop.services.app import Services, open_database
    from chc_desktop.services.demo import build_demo
    from chc_desktop.services.printing import FORMS

    form = args.form or ("cover" if "cover" in FORMS else "referral_up")
    folder = Path(tempfile.mkdtemp(prefix="chc-bench-print-"))
    db = open_database(folder / "bench.db")
    build_demo(db, max(args.records, 300), seed=7, today=dt.date(2026, 11, 24), care=False)
    services = Services(db, today=dt.date(2026, 11, 24)).login("doctor", "demo1234")
    ids = records(services, form, args.records)
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

    samples: list[tuple[int, float]] = []
    done = threading.Event()

    def progress(step: int, total: int) -> None:
        if step % max(1, total // 10) == 0:
            samples.append((step, round(rss_mb(), 1)))

    start_rss = rss_mb()
    t = time.perf_counter()
    result = services.printing.print_to(form, ids, folder / "batch.pdf", progress=progress)
    batch_s = time.perf_counter() - t
    done.set()
    pages = len(PdfReader(folder / "batch.pdf").pages)
    out = {
        "form": form,
        "records": len(ids),
        "noise": noise(),
        "one_form_warm_ms": single,
        "baseline_bare_reportlab_page_ms": baseline,
        "batch_seconds": round(batch_s, 2),
        "batch_pages": pages,
        "batch_pdf_mb": round((folder / "batch.pdf").stat().st_size / 1e6, 2),
        "rss_mb_start": round(start_rss, 1),
        "rss_mb_during_batch": samples,
        "rss_mb_end": round(rss_mb(), 1),
        "clipped": list(result.clipped)[:5],
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
