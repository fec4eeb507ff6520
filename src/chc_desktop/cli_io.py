"""``chc import residents FILE`` and ``chc export residents --out FILE``: the spreadsheet import and
export of the 居民 page, for batch work and scripts.

Exit codes as for every command: 0 done, 1 refused (an import whose rows were rejected and that
imported nothing exits 1 with every error listed), 2 bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from chc_desktop.cli_common import Emit, Login, Opener
from chc_desktop.domain import codes
from chc_desktop.services.errors import ValidationFailed
from chc_desktop.services.imports import ImportReport
from chc_desktop.services.residents import ANY_KEY_POPULATION, Filters


def _progress(label: str) -> Callable[[int, int], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{label} {done}/{total}", end="", file=sys.stderr, flush=True)
        if done >= total:
            print(file=sys.stderr)

    return show


def _mapping_names(path: Path) -> dict[str, str | None]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise ValidationFailed({"mapping": f"无法读取映射文件 {path.name}：{exc}"}) from None
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in data.items()
    ):
        raise ValidationFailed({"mapping": '映射文件应为 {"表头": "字段", …} 形式的 JSON 对象'})
    return data


def _report_json(report: ImportReport) -> dict[str, Any]:
    def lines(items: list[Any]) -> list[dict[str, Any]]:
        return [
            {"row": e.row, "column": e.label, "field": e.field, "reason": e.reason, "text": str(e)}
            for e in items
        ]

    return {
        "committed": report.committed,
        "read": report.read,
        "imported": report.imported,
        "already_present": report.already_present,
        "rejected": report.rejected,
        "waiting_numbers": report.waiting_numbers,
        "contract_rows": report.contract_rows,
        "rejected_file": str(report.rejected_file) if report.rejected_file else None,
        "seconds": round(report.seconds, 2),
        "errors": lines(report.errors),
        "notes": lines(report.notes),
    }


def run_import(args: argparse.Namespace, open_db: Opener, login: Login, emit: Emit) -> int:
    services = login(args, open_db(args))
    path = Path(args.file)
    mapping = None
    if args.mapping:
        header = services.imports.read_header(path)
        mapping = services.imports.mapping_from_names(header.headers, _mapping_names(Path(args.mapping)))
    report = services.imports.run(
        path,
        mapping,
        valid_only=args.valid_only,
        rejected_path=Path(args.rejected) if args.rejected else None,
        progress=None if args.json else _progress("导入"),
    )
    if args.json:
        emit(_report_json(report))
    else:
        for error in report.errors:
            print(error)
        for note in report.notes:
            print(f"提示：{note}")
        print(f"{report.summary()}（{report.seconds:.1f} 秒）")
        if report.waiting_numbers:
            print(f"{report.waiting_numbers} 份档案暂无档案编号（待分配），与中心同步后自动分配。")
        if report.contract_rows and not report.contracts_handled:
            print(f"{report.contract_rows} 行带有签约信息，本次未导入签约。")
        if report.rejected_file:
            print(f"未导入的行已写入 {report.rejected_file}，改正后可再次导入。")
    return 1 if report.rejected and not report.imported else 0


def run_export(args: argparse.Namespace, open_db: Opener, login: Login, emit: Emit) -> int:
    services = login(args, open_db(args))
    street_id = committee_id = None
    if args.street:
        street = next((s for s in services.sites.list("street") if args.street in (s.code, s.name)), None)
        if street is None:
            raise ValidationFailed({"street": "找不到该街道（可用代码或名称，如 310105008 或 仙霞新村街道）"})
        street_id = street.id
    if args.committee:
        found = [
            c
            for c in services.sites.list("committee", street_id)
            if args.committee in (c.name, c.code if street_id else None)
        ]
        if len(found) != 1:
            raise ValidationFailed({"committee": "找不到该居委会（只有给出街道时才能用 3 位代码）"})
        committee_id = found[0].id
    filters = Filters(
        street_id=street_id,
        committee_id=committee_id,
        key_population=args.key_population,
        status=None if args.status == "all" else args.status,
    )
    out = Path(args.out)
    count = services.exports.residents(out, filters, progress=_progress("导出"))
    if args.json:
        emit({"file": str(out), "residents": count})
    else:
        print(f"已导出 {count} 名居民：{out}")
    return 0


def add_parsers(sub: Any, open_db: Opener, login: Login, emit: Emit) -> None:
    imp = sub.add_parser("import", help="从 Excel/CSV 导入")
    imp_sub = imp.add_subparsers(dest="import_command", required=True)
    res = imp_sub.add_parser("residents", help="导入居民（按身份证号识别已建档的居民，已有档案不改动）")
    res.add_argument("file", help=".xlsx 或 .csv 文件")
    res.add_argument(
        "--mapping",
        help='列映射 JSON 文件，如 {"证件号码": "身份证号", "备注": null}；未列出的列按表头自动识别',
    )
    res.add_argument("--valid-only", action="store_true", help="只导入无误的行，有问题的行写入另一文件")
    res.add_argument("--rejected", help="有问题的行写入此文件（默认在原文件旁：…-未导入行.xlsx）")
    res.add_argument("--json", action="store_true")
    imp.set_defaults(func=lambda args: run_import(args, open_db, login, emit))

    exp = sub.add_parser("export", help="导出为 Excel")
    exp_sub = exp.add_subparsers(dest="export_command", required=True)
    eres = exp_sub.add_parser("residents", help="导出居民列表（与居民页的筛选相同）")
    eres.add_argument("--out", required=True, help="输出的 .xlsx 文件")
    eres.add_argument("--street", help="街道代码或名称")
    eres.add_argument("--committee", help="居委会名称（或与 --street 一起用 3 位代码）")
    eres.add_argument(
        "--status", choices=[*(c.code for c in codes.RESIDENT_STATUS.codes), "all"], default="active"
    )
    eres.add_argument(
        "--key-population", choices=[*(c.code for c in codes.KEY_POPULATION.codes), ANY_KEY_POPULATION]
    )
    eres.add_argument("--json", action="store_true")
    exp.set_defaults(func=lambda args: run_export(args, open_db, login, emit))
