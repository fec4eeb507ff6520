"""``chc print …``: one form for one record, a batch of one form, the list of forms, and the
calibration page. The record is named the way the form needs it (a resident by file id, record number
or ID number; the others by id)."""

from __future__ import annotations

import argparse
import uuid
from pathlib import Path
from typing import Any

from chc_desktop.cli_common import Emit, Login, Opener, parse_date
from chc_desktop.printing.calibration import calibration_page
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.printing import FORMS, PrintResult

RECORD_OPTIONS = {  # what each kind of record is named by on the command line
    "resident": "resident",
    "contract": "contract",
    "referral": "referral",
    "assessment": "assessment",
    "homebed": "homebed",
}


def _offset(text: str | None) -> tuple[float, float]:
    if not text:
        return (0.0, 0.0)
    try:
        x, y = (float(v) for v in text.replace("，", ",").split(","))
    except ValueError:
        raise ServiceError(f"偏移“{text}”无效，应为 X,Y（毫米，如 1.5,-2）") from None
    if abs(x) > 30 or abs(y) > 30:
        raise ServiceError("偏移不能超过 30 毫米")
    return (x, y)


def _id(text: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise ServiceError(f"{what} id“{text}”无效") from None


def _record(services: Services, record: str, args: argparse.Namespace) -> uuid.UUID:
    value = str(getattr(args, RECORD_OPTIONS[record]))
    if record == "resident":
        return services.search.resolve(value)
    return _id(value, _what(record))


def _what(record: str) -> str:
    return {
        "resident": "居民档案",
        "contract": "签约",
        "referral": "转诊",
        "assessment": "安宁疗护评估",
        "homebed": "家庭病床",
        "round": "日期",
    }.get(record, record)


def _json(r: PrintResult) -> dict[str, Any]:
    return {
        "path": str(r.path) if r.path else None,
        "form": r.form,
        "version": r.version,
        "records": r.records,
        "pages": r.pages,
        "clipped": list(r.clipped),
    }


def _done(r: PrintResult, args: argparse.Namespace, emit: Emit) -> None:
    if args.json:
        emit(_json(r))
        return
    note = f"；以下内容过长已截断，请核对：{'、'.join(r.clipped)}" if r.clipped else ""
    print(f"已生成 {r.path}：{r.records} 份，共 {r.pages} 页（模板版本 {r.version}）{note}")


def run(args: argparse.Namespace, open_db: Opener, login: Login, emit: Emit) -> int:
    command = args.print_command
    if command == "calibration":
        calibration_page(Path(args.out), _offset(args.offset))
        print(f"已生成校准页 {args.out}")
        return 0
    services = login(args, open_db(args))
    if command == "forms":
        forms = services.printing.forms()
        if args.json:
            emit([{"form": f.key, "title": f.title, "record": f.record} for f in forms])
        else:
            for f in forms:
                print(f"{f.key:22} {f.title}（按{_what(f.record)}打印）")
        return 0
    spec = services.printing.spec(args.form if command == "batch" else command)
    if command == "batch":
        since = parse_date(args.filed_since) if args.filed_since else None
        due = parse_date(args.due) if args.due else None
        staff = _staff(services, args.staff) if args.staff else None
        ids = services.printing.batch_ids(spec.key, since, due, staff)
        if not ids:
            raise ServiceError("没有符合条件的记录，未生成文件")
    elif spec.record == "round":
        staff = _staff(services, args.staff) if args.staff else None
        day = parse_date(args.date)
        result = services.printing.print_round(spec.key, day, staff, Path(args.out), _offset(args.offset))
        _done(result, args, emit)
        return 0
    else:
        ids = [_record(services, spec.record, args)]
    result = services.printing.print_to(spec.key, ids, Path(args.out), _offset(args.offset))
    _done(result, args, emit)
    return 0


def _staff(services: Services, username: str) -> uuid.UUID:
    for u in services.users.list():
        if u.username == username:
            return u.id
    raise ServiceError(f"找不到用户“{username}”")


def add_parsers(sub: Any, open_db: Opener, login: Login, emit: Emit) -> None:
    pr = sub.add_parser("print", help="打印标准表单（生成 PDF）")
    pr_sub = pr.add_subparsers(dest="print_command", required=True)
    forms = pr_sub.add_parser("forms", help="可打印的表单")
    forms.add_argument("--json", action="store_true")
    singles = []
    for spec in FORMS.values():  # chc print cover --resident … --out cover.pdf
        one = pr_sub.add_parser(spec.key, help=f"打印{spec.title}（按{_what(spec.record)}）")
        one.set_defaults(form=spec.key)
        if spec.record == "round":
            one.add_argument("--date", required=True, help="日期 YYYY-MM-DD")
            one.add_argument("--staff", help="只列此用户负责的（用户名）")
        else:
            option = RECORD_OPTIONS[spec.record]
            what = "居民 id、17 位档案编号或身份证号" if option == "resident" else f"{_what(spec.record)} id"
            one.add_argument(f"--{option}", required=True, help=what)
        singles.append(one)
    batch = pr_sub.add_parser("batch", help="批量打印：如本周建档的封面、明天的查床记录单")
    batch.add_argument("form", help="表单名")
    batch.add_argument("--filed-since", help="建档日期在此之后（含）的居民 YYYY-MM-DD")
    batch.add_argument("--due", help="到此日期应查床的家庭病床 YYYY-MM-DD")
    batch.add_argument("--staff", help="只打印此用户负责的（用户名）")
    for p in (*singles, batch):
        p.add_argument("--out", required=True, help="生成的 PDF 文件")
        p.add_argument("--offset", help="打印机校准偏移 X,Y（毫米）")
        p.add_argument("--json", action="store_true")
    cal = pr_sub.add_parser("calibration", help="打印校准页")
    cal.add_argument("--out", required=True)
    cal.add_argument("--offset", help="X,Y（毫米）")
    pr.set_defaults(func=lambda args: run(args, open_db, login, emit))
