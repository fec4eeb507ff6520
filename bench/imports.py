"""Import benchmark (issue 4): 50,000 synthetic residents from one .xlsx into a fresh database.

Each measurement runs in a fresh process, so its peak RSS is its own:
- baseline: openpyxl reading the same file in read-only mode and doing nothing with the rows;
- import: ``ImportService.run`` (read, check every row, number, insert with change records and
  search keys, one transaction) as the app runs it (a second process reads and checks the rows of
  a large file) and all in one process (whose peak then covers reading too), at a smaller size as
  well, to show that memory does not grow with the number of rows.
The file is made from services/demo_people (synthetic people; no real person) and written once
into bench/out/.

    .venv/bin/python bench/imports.py                 # 50,000 rows (and 10,000 for the memory curve)
    .venv/bin/python bench/imports.py --rows 5000     # a quick look
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"

from bench.foundation import noise  # noqa: E402

TODAY = dt.date(2026, 11, 24)
HEADERS = [
    "序号",
    "姓名",
    "性别",
    "出生日期",
    "身份证号码",
    "联系电话",
    "现住址",
    "户籍地址",
    "街道",
    "居委会",
    "民族",
    "常住类型",
    "婚姻状况",
    "文化程度",
]


def peak_rss_mb() -> float:
    """This process's peak RSS. VmHWM belongs to the address space, which exec replaces; getrusage's
    figure survives fork and exec, so a child started by a large parent would report the parent."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


class RssSampler:
    """Peaks of the anonymous (heap, SQLite's page cache) and file-backed (the database file mapped by
    SQLite's mmap) parts of RSS, sampled every 50 ms: VmHWM alone cannot tell them apart."""

    def __init__(self) -> None:
        import threading

        self.peaks = {"RssAnon": 0.0, "RssFile": 0.0}
        self.start: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        try:
            for line in Path("/proc/self/status").read_text().splitlines():
                key = line.split(":")[0]
                if key in self.peaks:
                    self.peaks[key] = max(self.peaks[key], int(line.split()[1]) / 1024)
        except OSError:
            pass

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self._sample()

    def __enter__(self) -> RssSampler:
        self._sample()
        self.start = dict(self.peaks)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()


def make_sheet(path: Path, rows: int) -> None:
    """A centre's list as it would come: a title row, the header, then one row per person."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    from chc_desktop.domain import codes
    from chc_desktop.services.demo import COMMITTEES_PER_STREET, _numeral
    from chc_desktop.services.demo_people import generate_people

    streets = {
        "001": ("华阳路街道", "华阳"),
        "002": ("江苏路街道", "江苏"),
        "004": ("新华路街道", "新华"),
        "005": ("周家桥街道", "周家桥"),
        "006": ("天山路街道", "天山"),
        "008": ("仙霞新村街道", "仙霞"),
        "009": ("虹桥街道", "虹桥"),
        "010": ("程家桥街道", "程家桥"),
        "011": ("北新泾街道", "北新泾"),
        "102": ("新泾镇", "新泾"),
    }
    book = Workbook(write_only=True)
    sheet = book.create_sheet("花名册")
    sheet.append(["长宁区 居民健康档案花名册（合成数据）"])
    sheet.append(HEADERS)
    for i, p in enumerate(generate_people(rows, 7, TODAY), 1):
        street, short = streets[p.street_code]
        committee = f"{short}第{_numeral(1 + (p.committee_no - 1) % COMMITTEES_PER_STREET)}居委会"
        id_cell = WriteOnlyCell(sheet, value=p.id_number)
        id_cell.number_format = "@"
        sheet.append(
            [
                i,
                p.name,
                codes.SEX.label(p.sex),
                dt.datetime.combine(p.birth_date, dt.time()),
                id_cell,
                p.phone,
                p.address,
                p.registered_address,
                street,
                committee,
                p.ethnicity_name or "汉族",
                codes.RESIDENCE_TYPE.label(p.residence_type),
                codes.MARITAL_STATUS.label(p.marital_status),
                codes.EDUCATION.label(p.education),
            ]
        )
    book.save(path)


def excel_like(src: Path, dst: Path) -> None:
    """Rewrite an openpyxl-written file the way Excel and WPS save one: strings in the shared-string
    table (openpyxl writes each inline) and the sheet's <dimension> up front (openpyxl's reader
    scans the whole sheet for it when it is missing)."""
    import re
    import zipfile

    with zipfile.ZipFile(src) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    sheet_name = "xl/worksheets/sheet1.xml"
    sheet = parts[sheet_name].decode()
    strings: dict[str, int] = {}
    cells = re.compile(
        r'<c r="([A-Z]+)(\d+)"([^>]*?) t="inlineStr"><is><t(?: [^>]*)?>(.*?)</t></is></c>', re.S
    )

    def shared(m: re.Match[str]) -> str:
        index = strings.setdefault(m.group(4), len(strings))
        return f'<c r="{m.group(1)}{m.group(2)}"{m.group(3)} t="s"><v>{index}</v></c>'

    sheet = cells.sub(shared, sheet)
    rows = re.findall(r'<row r="(\d+)"', sheet)
    columns = re.findall(r'<c r="([A-Z]+)\d+"', sheet)
    last_col = max(columns, key=lambda c: (len(c), c))
    sheet = sheet.replace("<sheetPr>", f'<dimension ref="A1:{last_col}{rows[-1]}"/><sheetPr>', 1)
    if "<dimension" not in sheet:
        sheet = sheet.replace("<sheetViews>", f'<dimension ref="A1:{last_col}{rows[-1]}"/><sheetViews>', 1)
    parts[sheet_name] = sheet.encode()
    body = "".join(f"<si><t>{s}</t></si>" for s in strings)  # already escaped in the sheet
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{body}</sst>'
    ).encode()
    types = parts["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["[Content_Types].xml"] = types.encode()
    rels = parts["xl/_rels/workbook.xml.rels"].decode()
    rels = rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    parts["xl/_rels/workbook.xml.rels"] = rels.encode()
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def child_baseline(sheet: Path) -> dict[str, float]:
    from openpyxl import load_workbook

    t = time.perf_counter()
    book = load_workbook(sheet, read_only=True, data_only=True)
    ws = book.active
    assert ws is not None
    n = sum(1 for _row in ws.iter_rows(values_only=True))
    book.close()
    return {"seconds": round(time.perf_counter() - t, 2), "rows": n, "peak_rss_mb": round(peak_rss_mb(), 1)}


def child_import(sheet: Path, folder: Path, one_process: bool) -> dict[str, float]:
    from chc_desktop.services import imports
    from chc_desktop.services.app import Services, open_database
    from chc_desktop.services.demo import ensure_committees, ensure_demo_accounts

    if one_process:
        imports.PARALLEL_FROM = 10**9

    db = open_database(folder / "import.db")
    ensure_demo_accounts(db)
    ensure_committees(db)
    clerk = Services(db, today=TODAY).login("clerk", "demo1234")
    before = peak_rss_mb()
    t = time.perf_counter()
    with RssSampler() as rss:
        report = clerk.imports.run(sheet)
    seconds = time.perf_counter() - t
    assert report.committed and not report.rejected, [str(e) for e in report.errors[:5]]
    db.close()
    return {
        "seconds": round(seconds, 2),
        "rows": report.imported,
        "rows_per_second": round(report.imported / seconds),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "rss_before_import_mb": round(before, 1),
        "rss_anon_at_start_mb": round(rss.start["RssAnon"], 1),
        "peak_rss_anon_mb": round(rss.peaks["RssAnon"], 1),
        "peak_rss_file_mb": round(rss.peaks["RssFile"], 1),
        "db_mb": round((folder / "import.db").stat().st_size / 1e6, 1),
    }


def run_child(*args: str) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--small", type=int, default=10_000, help="second size, for the memory curve")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "baseline":
            result = child_baseline(Path(rest[0]))
        else:
            result = child_import(Path(rest[0]), Path(rest[1]), kind == "import-one")
        print(json.dumps(result))
        return

    OUT.mkdir(parents=True, exist_ok=True)
    report: dict[str, object] = {"rows": args.rows, "noise_before": noise()}
    sizes = sorted({args.rows, min(args.small, args.rows)})
    for n in sizes:
        written = OUT / f"residents-{n}-openpyxl.xlsx"
        sheet = OUT / f"residents-{n}.xlsx"
        if not sheet.exists():
            t = time.perf_counter()
            make_sheet(written, n)
            excel_like(written, sheet)
            report[f"sheet_{n}_made_seconds"] = round(time.perf_counter() - t, 1)
        report[f"sheet_{n}_mb"] = round(sheet.stat().st_size / 1e6, 1)
        report[f"baseline_openpyxl_read_{n}"] = run_child("baseline", str(sheet))
        with tempfile.TemporaryDirectory() as folder:
            report[f"import_{n}"] = run_child("import", str(sheet), folder)
        with tempfile.TemporaryDirectory() as folder:
            report[f"import_{n}_one_process"] = run_child("import-one", str(sheet), folder)
        if n == args.rows:
            # The same rows as openpyxl itself writes them (inline strings, no dimension): the slow
            # case of openpyxl's reader, e.g. re-importing this program's own export.
            report[f"baseline_openpyxl_read_{n}_openpyxl_written"] = run_child("baseline", str(written))
            with tempfile.TemporaryDirectory() as folder:
                report[f"import_{n}_openpyxl_written"] = run_child("import", str(written), folder)
    report["noise_after"] = noise()
    text = json.dumps(report, ensure_ascii=False, indent=2)
    (OUT / f"imports-{args.rows}.json").write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
