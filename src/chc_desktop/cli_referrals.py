"""``chc referral …``: a two-way referral from creation to completion, and the register.
A resident is named by file id, record number or ID number; a site by its name."""

from __future__ import annotations

import argparse
import json
import uuid
from pathlib import Path
from typing import Any

from chc_desktop.cli_common import Emit, Login, Opener, site_named
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.referrals import ReferralInfo, RegisterFilters

SITE_KINDS = ("hospital", "centre", "station")
STEPS = ("send", "receive", "complete", "return", "cancel")


def _content(args: argparse.Namespace) -> dict[str, str]:
    content: dict[str, str] = {}
    if args.content:
        data = json.loads(Path(args.content).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ServiceError("--content 文件应为 {字段: 内容} 的 JSON 对象")
        content.update({str(k): str(v) for k, v in data.items()})
    for item in args.field or ():
        key, _, value = item.partition("=")
        content[key.strip()] = value
    return content


def _json(r: ReferralInfo) -> dict[str, Any]:
    return {
        "id": r.id,
        "resident_id": r.resident_id,
        "direction": r.direction,
        "status": r.status,
        "status_label": r.status_label,
        "from_site": r.from_site,
        "to_site": r.to_site,
        "department": r.department,
        "priorities": list(r.priorities),
        "expert_slot": r.expert_slot,
        "sent_on": r.sent_on,
        "closed_reason": r.closed_reason,
        "content": dict(r.content),
        "steps": [{"step": s.step, "by": s.by, "at": s.at.isoformat(), "reason": s.reason} for s in r.steps],
    }


def _line(r: ReferralInfo) -> str:
    sent = f" {r.sent_on}" if r.sent_on else ""
    return (
        f"{r.id}  {r.direction_label}  {r.status_label}{sent}  {r.resident_name}  {r.from_site} → {r.to_site}"
    )


def run(args: argparse.Namespace, open_db: Opener, login: Login, emit: Emit) -> int:
    services = login(args, open_db(args))
    command = args.referral_command
    if command == "create":
        hospital = site_named(services, args.from_site, ("hospital",), "医院") if args.from_site else None
        r = services.referrals.create(
            services.search.resolve(args.resident),
            args.direction,
            site_named(services, args.to, SITE_KINDS),
            department=args.department or "",
            receiving_doctor=args.doctor or "",
            content=_content(args),
            expert_slot=args.expert_slot or "",
            from_site_id=hospital,
        )
    elif command == "update":
        r = services.referrals.update(uuid.UUID(args.referral), _content(args), args.expert_slot)
    elif command in STEPS:
        r = services.referrals.step(uuid.UUID(args.referral), command, args.reason or "")
    elif command == "show":
        r = services.referrals.get(uuid.UUID(args.referral))
    elif command == "monthly":
        counts = services.referrals.monthly()
        if args.json:
            emit([{"month": m.month, "up": m.up, "back": m.back} for m in counts])
        else:
            for m in counts:
                print(f"{m.month}  转出 {m.up}  回转 {m.back}")
        return 0
    else:
        rows = services.referrals.register(
            RegisterFilters(
                direction=args.direction,
                status=args.status,
                site_id=site_named(services, args.site, SITE_KINDS) if args.site else None,
                month=args.month,
            )
        )
        if args.json:
            emit([_json(x) for x in rows])
        else:
            for x in rows:
                print(_line(x))
        return 0
    if args.json:
        emit(_json(r))
    else:
        print(_line(r))
    return 0


def add_parsers(sub: Any, open_db: Opener, login: Login, emit: Emit) -> None:
    ref = sub.add_parser("referral", help="双向转诊")
    ref_sub = ref.add_subparsers(dest="referral_command", required=True)
    create = ref_sub.add_parser("create", help="新建转诊（草稿）")
    create.add_argument("resident", help="居民 id、17 位档案编号或身份证号")
    create.add_argument("--direction", choices=("up", "back"), default="up", help="up 转出 / back 回转")
    create.add_argument("--to", required=True, help="接收机构名称")
    create.add_argument(
        "--from", dest="from_site", help="开具回转单的医院（代医院录入回转单时；接收机构须为本机构）"
    )
    create.add_argument("--department", help="科室")
    create.add_argument("--doctor", help="接诊医生")
    create.add_argument("--expert-slot", help="已预约的专家号")
    for p in (create, ref_sub.add_parser("update", help="修改草稿的内容")):
        if p is not create:
            p.add_argument("referral", help="转诊 id")
            p.add_argument("--expert-slot")
        p.add_argument("--field", action="append", help="字段=内容，如 impression=肺部感染（可重复）")
        p.add_argument("--content", help="{字段: 内容} 的 JSON 文件")
        p.add_argument("--json", action="store_true")
    for step, text in zip(
        STEPS, ("发出", "接收", "完成", "退回（须 --reason）", "撤销（须 --reason）"), strict=True
    ):
        p = ref_sub.add_parser(step, help=text)
        p.add_argument("referral", help="转诊 id")
        p.add_argument("--reason", help="原因")
        p.add_argument("--json", action="store_true")
    show = ref_sub.add_parser("show", help="查看转诊及其每一步")
    show.add_argument("referral")
    show.add_argument("--json", action="store_true")
    reg = ref_sub.add_parser("list", help="转诊登记")
    reg.add_argument("--direction", choices=("up", "back"))
    reg.add_argument("--status", choices=("draft", "sent", "received", "completed", "returned", "cancelled"))
    reg.add_argument("--site", help="转出或接收机构名称")
    reg.add_argument("--month", help="发出月份 YYYY-MM")
    reg.add_argument("--json", action="store_true")
    monthly = ref_sub.add_parser("monthly", help="每月转出、回转数")
    monthly.add_argument("--json", action="store_true")
    ref.set_defaults(func=lambda args: run(args, open_db, login, emit))
