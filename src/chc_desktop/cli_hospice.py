"""``chc hospice …``: assess from a JSON file of the form's inputs, see the result, sign off, refer
to the regional hospice centre or start home hospice, and list the reassessments due."""

from __future__ import annotations

import argparse
import dataclasses
import json
import uuid
from pathlib import Path
from typing import Any

from chc_desktop.cli_common import Emit, Login, Opener, parse_date
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.hospice import SETTINGS, AssessmentDraft, AssessmentInfo

FIELDS = {f.name for f in dataclasses.fields(AssessmentDraft)}


def _draft(path: str) -> AssessmentDraft:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ServiceError(f"读不了评估文件：{exc.__class__.__name__}") from None
    if not isinstance(data, dict):
        raise ServiceError("评估文件应为 JSON 对象")
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise ServiceError(f"评估文件中有不认识的项目：{'、'.join(unknown)}")
    return AssessmentDraft(**data)


def _json(a: AssessmentInfo) -> dict[str, Any]:
    return {
        "id": a.id,
        "resident_id": a.resident_id,
        "version": a.version,
        "assessed_on": a.assessed_on,
        "results": a.results,
        "eligible": a.eligible,
        "recommended_setting": a.recommended_setting,
        "chosen_setting": a.chosen_setting,
        "override_reason": a.override_reason,
        "reasons": list(a.reasons),
        "rule_version": a.rule_version,
        "next_review": a.next_review,
        "signed": a.signed,
        "digest": a.digest,
    }


def _line(a: AssessmentInfo) -> str:
    setting = SETTINGS.get(a.chosen_setting or "", "不符合条件")
    signed = "已签署" if a.signed else "未签署"
    reasons = "；".join(a.reasons)
    return f"{a.id}  第 {a.version} 版  {a.assessed_on}  {setting}  {signed}  复评 {a.next_review}  {reasons}"


def run(args: argparse.Namespace, open_db: Opener, login: Login, emit: Emit) -> int:
    services = login(args, open_db(args))
    command = args.hospice_command
    if command == "assess":
        a = services.hospice.save(
            services.search.resolve(args.resident),
            _draft(args.inputs),
            args.setting,
            args.override_reason or "",
        )
    elif command == "sign":
        a = services.hospice.sign(uuid.UUID(args.assessment))
    elif command == "revise":
        a = services.hospice.revise(uuid.UUID(args.assessment))
    elif command == "show":
        a = services.hospice.get(uuid.UUID(args.assessment))
    elif command == "refer":
        ref = services.hospice.refer_to_regional_centre(uuid.UUID(args.assessment))
        if args.json:
            emit({"referral_id": ref.id, "to_site": ref.to_site, "status": ref.status})
        else:
            print(f"已建转诊草稿 {ref.id} → {ref.to_site}（用 chc referral send 发出）")
        return 0
    elif command == "home":
        day = parse_date(args.date) if args.date else services.ctx.today()
        home = services.hospice.start_home_care(uuid.UUID(args.assessment), day, args.note or "")
        if args.json:
            emit(
                {
                    "home_hospice_id": home.id,
                    "assessment_id": home.assessment_id,
                    "started_on": home.started_on,
                }
            )
        else:
            version = home.assessment_version
            print(f"已开始居家安宁疗护 {home.id}（{home.started_on} 起，依据第 {version} 版评估）")
        return 0
    else:
        due = services.hospice.reviews_due(args.days)
        if args.json:
            emit([_json(x) for x in due])
        else:
            for x in due:
                print(_line(x))
        return 0
    if args.json:
        emit(_json(a))
    else:
        print(_line(a))
    return 0


def add_parsers(sub: Any, open_db: Opener, login: Login, emit: Emit) -> None:
    hos = sub.add_parser("hospice", help="安宁疗护评估")
    hos_sub = hos.add_subparsers(dest="hospice_command", required=True)
    assess = hos_sub.add_parser("assess", help="评估（输入为 JSON 文件，字段同评估表）")
    assess.add_argument("resident", help="居民 id、17 位档案编号或身份证号")
    assess.add_argument("--inputs", required=True, help="评估内容的 JSON 文件")
    assess.add_argument("--setting", choices=("home", "inpatient"), help="医生的安排（默认按建议）")
    assess.add_argument("--override-reason", help="安排与建议不同时的理由")
    assess.add_argument("--json", action="store_true")
    for name, text in (
        ("sign", "签署评估"),
        ("revise", "在已签署的评估上新建版本"),
        ("show", "查看评估"),
        ("refer", "转介至区域安宁疗护中心（建转诊草稿）"),
    ):
        p = hos_sub.add_parser(name, help=text)
        p.add_argument("assessment", help="评估 id")
        p.add_argument("--json", action="store_true")
    home = hos_sub.add_parser("home", help="按评估开始居家安宁疗护")
    home.add_argument("assessment", help="已签署、安排为居家的评估 id")
    home.add_argument("--date", help="开始日期 YYYY-MM-DD（默认今天）")
    home.add_argument("--note", help="备注，如上门频次")
    home.add_argument("--json", action="store_true")
    due = hos_sub.add_parser("due", help="到期需复评的患者")
    due.add_argument("--days", type=int, default=0, help="今后几天内到期（默认今天）")
    due.add_argument("--json", action="store_true")
    hos.set_defaults(func=lambda args: run(args, open_db, login, emit))
