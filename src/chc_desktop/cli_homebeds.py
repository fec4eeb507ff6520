"""``chc homebed …``: a home hospital bed (家庭病床) from application to discharge — apply (or from a
signed home-hospice assessment), register, visits and their corrections, discharge or renew — and
the worklists and figures: visits due (or the day's round by street and 居委), the bed list, the
monthly statistics. A resident is named by file id, record number or ID number; staff by username.
Dates are YYYY-MM-DD; a visit's time is local time."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import math
import re
import uuid
from collections.abc import Callable
from typing import Any

from chc_desktop.cli_common import Emit, Login, Opener, parse_date
from chc_desktop.domain.homebeds import BED_TYPES, ROLES, VITALS, MonthStats, Status
from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.services.homebeds import (
    ApplicationDraft,
    BedFilters,
    BedInfo,
    Discharge,
    DueVisit,
    Registration,
    VisitDraft,
    VisitInfo,
)
from chc_desktop.services.users import UserInfo

# The service's field → the option that gave it, so a refusal names what to change on the command line.
OPTIONS = {
    "diagnosis": "--diagnosis",
    "indication": "--indication",
    "icd10": "--icd10",
    "bed_type": "--type",
    "summary": "--summary",
    "start_date": "--start",
    "doctor_id": "--doctor",
    "nurse_id": "--nurse",
    "consent_on": "--consent",
    "bed_no": "--bed-no",
    "reason": "--reason",
    "correction_reason": "--reason",
    "visited_at": "--at",
    "complaint": "--complaint",
    "exam": "--exam",
    "tests": "--tests",
    "treatment": "--treatment",
    "nursing": "--nursing",
    "communication": "--communication",
    "next_visit": "--next",
    "end_date": "--date",
    "on": "--date",
    "outcome": "--outcome",
    **{key: f"--vital {key}" for key in VITALS},
}
VISIT_TEXTS = ("complaint", "exam", "tests", "treatment", "nursing", "communication")
APPLICATION_OPTIONS = ("diagnosis", "indication", "icd10", "bed_type", "summary")
STAFF_ROLES = {"doctor": "责任医生", "nurse": "责任护士"}


# ---------------------------------------------------------------- reading the arguments
def _time(text: str) -> dt.datetime:
    """A visit's time, as local time unless it names its offset."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?", text.strip()):
            return dt.datetime.fromisoformat(text.strip()).astimezone()
    except ValueError:
        pass
    raise ServiceError(f"时间“{text}”无效，应为 YYYY-MM-DD HH:MM（本地时间）")


def _year(text: str) -> int:
    if not re.fullmatch(r"\d{4}", text.strip()) or int(text) < 1900:
        raise ServiceError(f"年份“{text}”无效，应为 YYYY")
    return int(text)


def _id(text: str, what: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise ServiceError(f"“{text}”不是有效的{what} id") from None


def _vitals(items: list[str] | None) -> dict[str, int | float]:
    """``--vital sbp=150`` …: each a known key with a number; the service checks the bounds."""
    out: dict[str, int | float] = {}
    for item in items or ():
        key, sep, value = item.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not sep or not key or not value:
            raise ServiceError(f"生命体征“{item}”应写作 名称=数值，如 sbp=150")
        if key not in VITALS:
            known = "、".join(f"{k}（{label}）" for k, (label, *_) in VITALS.items())
            raise ServiceError(f"没有生命体征“{key}”，可记录：{known}")
        if key in out:
            raise ServiceError(f"生命体征 {key} 给了两次")
        number: int | float
        try:
            number = int(value)
        except ValueError:
            try:
                number = float(value)
            except ValueError:
                number = math.nan
        if not math.isfinite(number):
            raise ServiceError(f"生命体征 {key} 的值“{value}”不是数字")
        out[key] = number
    return out


def _user(services: Services, username: str, role: str | None = None) -> UserInfo:
    """The staff member with this username; with ``role``, one who may be the bed's doctor or nurse."""
    name = username.strip().lower()
    user = next((u for u in services.users.list() if u.username == name), None)
    if user is None:
        raise ServiceError(f"找不到用户“{username}”")
    if role is not None:
        if user.role != role:
            raise ServiceError(f"用户“{username}”是{user.role_label}，不能担任{STAFF_ROLES[role]}")
        if not user.active:
            raise ServiceError(f"用户“{username}”已停用，不能担任{STAFF_ROLES[role]}")
    return user


def _on_the_command_line(exc: ValidationFailed) -> ValidationFailed:
    return ValidationFailed({OPTIONS.get(key, key): message for key, message in exc.errors.items()})


# ---------------------------------------------------------------- output
def _local(at: dt.datetime) -> dt.datetime:
    return at.astimezone()


def _bed_json(b: BedInfo) -> dict[str, Any]:
    return dataclasses.asdict(b)  # every field; ids, dates and the warnings as emit writes them


def _visit_json(v: VisitInfo) -> dict[str, Any]:
    return {**dataclasses.asdict(v), "visited_at": _local(v.visited_at).isoformat(timespec="seconds")}


def _due_json(d: DueVisit) -> dict[str, Any]:
    out = dataclasses.asdict(d)
    return {**out, "role_label": ROLES.get(d.role, d.role)}


def _month_json(m: MonthStats) -> dict[str, Any]:
    return dataclasses.asdict(m)


def _line(b: BedInfo) -> str:
    if b.status == Status.APPLIED:
        when = f"{b.applied_on} 申请（{b.applying_site} {b.applying_doctor}）"
    elif b.status == Status.RETURNED:
        when = f"{b.applied_on} 申请，已退回：{b.returned_reason}"
    elif b.status == Status.OPEN:
        when = f"{b.start_date} 起，计划 {b.planned_end} 止，第 {b.cycle} 周期，已 {b.days} 天"
    else:
        when = f"{b.start_date}–{b.end_date}，{b.days} 天" + (f"，{b.outcome}" if b.outcome else "")
    people = "".join(f"  {role} {name}" for role, name in (("医生", b.doctor), ("护士", b.nurse)) if name)
    warned = f"  提示 {len(b.warnings)} 条" if b.warnings else ""
    return (
        f"{b.id}  {b.bed_no or '（未登记）'}  {b.status_label}  {b.type_label}  {b.name}  {b.diagnosis}"
        f"  {when}{people}{warned}"
    )


def _visit_line(v: VisitInfo) -> str:
    vitals = "、".join(
        f"{VITALS[k][0]} {x}{VITALS[k][1]}" if k in VITALS else f"{k} {x}" for k, x in v.vitals.items()
    )
    parts = [f"{v.id}  {_local(v.visited_at):%Y-%m-%d %H:%M}  {v.role_label}  {v.staff}"]
    parts += [text for text in (v.complaint, vitals, v.exam, v.treatment, v.nursing) if text]
    if v.next_visit:
        parts.append(f"下次 {v.next_visit}")
    if v.corrects_id:
        parts.append(f"更正 {v.corrects_id}：{v.correction_reason}")
    if v.corrected:
        parts.append("（已被更正）")
    return "  ".join(parts)


def _due_line(d: DueVisit) -> str:
    b = d.bed
    over = f"逾期 {d.days_over} 天" if d.days_over else "当日到期"
    return (
        f"{d.due_on}  {over}  {ROLES.get(d.role, d.role)}  {d.staff or '（未指定）'}  "
        f"{b.street} {b.committee} {b.address}  {b.name}  {b.bed_no}  上次 {d.last_visit or '无'}  {b.id}"
    )


def _month_line(m: MonthStats) -> str:
    by_type = "、".join(f"{k} {n}" for k, n in m.opened_by_type.items())
    by_outcome = "、".join(f"{k} {n}" for k, n in m.discharged_by_outcome.items())
    return (
        f"{m.month}  月末在床 {m.open_at_end}  新建 {m.opened}"
        + (f"（{by_type}）" if by_type else "")
        + f"  撤床 {m.discharged}"
        + (f"（{by_outcome}）" if by_outcome else "")
        + f"  床日 {m.bed_days}"
    )


# ---------------------------------------------------------------- the commands
def _check_usage(args: argparse.Namespace) -> None:
    """What argparse cannot say by itself; checked before logging in (exit code 2)."""
    if args.homebed_command == "apply" and args.from_assessment:
        given = [OPTIONS[name] for name in APPLICATION_OPTIONS if getattr(args, name) is not None]
        if given:
            args.usage(f"由评估申请时诊断和指征取自评估，不能另给 {' '.join(given)}")
    if args.homebed_command == "visit":
        if args.correct is None and args.reason is not None:
            args.usage("--reason 只用于更正（--correct VISIT_ID）")
        if args.correct is not None and args.at is None:
            args.usage("更正须用 --at 给出所更正查床的时间")


def _apply(args: argparse.Namespace, services: Services) -> BedInfo:
    if args.from_assessment:
        return services.homebeds.apply_from_hospice(_id(args.from_assessment, "评估"))
    draft = ApplicationDraft(
        diagnosis=args.diagnosis or "",
        indication=args.indication or "",
        bed_type=args.bed_type or "1",
        icd10=args.icd10 or "",
        summary=args.summary or "",
    )
    applied_on = parse_date(args.date) if args.date else None
    return services.homebeds.apply(services.search.resolve(args.resident), draft, applied_on=applied_on)


def _register(args: argparse.Namespace, services: Services) -> BedInfo:
    reg = Registration(
        start_date=parse_date(args.start),
        doctor_id=_user(services, args.doctor, "doctor").id,
        consent_on=parse_date(args.consent) if args.consent else None,
        nurse_id=_user(services, args.nurse, "nurse").id if args.nurse else None,
        bed_type=args.bed_type,
        bed_no=args.bed_no or "",
    )
    return services.homebeds.register(_id(args.bed, "家庭病床"), reg)


def _visit(args: argparse.Namespace, services: Services) -> VisitInfo:
    draft = VisitDraft(
        visited_at=_time(args.at) if args.at else dt.datetime.now().astimezone(),
        vitals=_vitals(args.vital),
        next_visit=parse_date(args.next) if args.next else None,
        **{name: getattr(args, name) or "" for name in VISIT_TEXTS},
    )
    if args.correct is not None:
        return services.homebeds.correct(_id(args.correct, "查床记录"), draft, args.reason or "")
    return services.homebeds.visit(_id(args.bed, "家庭病床"), draft)


def _discharge(args: argparse.Namespace, services: Services) -> BedInfo:
    d = Discharge(
        end_date=parse_date(args.date),
        outcome=args.outcome.strip(),
        diagnosis=args.diagnosis or "",
        icd10=args.icd10 or "",
        summary=args.summary or "",
    )
    try:
        return services.homebeds.discharge(_id(args.bed, "家庭病床"), d)
    except ValidationFailed as exc:
        if "outcome" not in exc.errors:
            raise
        outcomes = "、".join(str(x) for x in services.settings.get("homebed.outcomes"))
        listed = f"转归“{d.outcome}”不在列表中，可选：{outcomes}"
        raise ValidationFailed({**exc.errors, "outcome": listed}) from None


def _show(args: argparse.Namespace, services: Services, emit: Emit) -> None:
    b = services.homebeds.get(_id(args.bed, "家庭病床"))
    visits = services.homebeds.visits(b.id)
    by_year = services.homebeds.bed_days_by_year(b.resident_id)
    if args.json:
        emit(
            {
                **_bed_json(b),
                "visits": [_visit_json(v) for v in visits],
                "bed_days_by_year": {str(year): days for year, days in by_year.items()},
            }
        )
        return
    print(_line(b))
    for w in b.warnings:
        print(f"  提示：{w.message}（{w.rule}；{w.source}）")
    if by_year:
        print("  床日：" + "，".join(f"{year} 医保年度 {days} 天" for year, days in by_year.items()))
    for v in visits:
        print(f"  {_visit_line(v)}")


def _list(args: argparse.Namespace, services: Services) -> list[BedInfo]:
    return services.homebeds.beds(
        BedFilters(
            status=args.status,
            bed_type=args.bed_type,
            staff_id=_user(services, args.staff).id if args.staff else None,
        )
    )


def _due(args: argparse.Namespace, services: Services) -> list[DueVisit]:
    day = parse_date(args.date) if args.date else None
    staff = _user(services, args.staff).id if args.staff else None
    return (services.homebeds.round_list if args.round else services.homebeds.due)(day, staff)


def _out(args: argparse.Namespace, emit: Emit, data: Any, lines: list[str]) -> None:
    if args.json:
        emit(data)
    else:
        for line in lines:
            print(line)


def run(args: argparse.Namespace, open_db: Opener, login: Login, emit: Emit) -> int:
    _check_usage(args)
    services = login(args, open_db(args))
    command = args.homebed_command
    try:
        if command in BED_STEPS:
            b = BED_STEPS[command](args, services)
            _out(args, emit, _bed_json(b), [_line(b)])
        elif command == "visit":
            v = _visit(args, services)
            _out(args, emit, _visit_json(v), [_visit_line(v)])
        elif command == "show":
            _show(args, services, emit)
        elif command == "list":
            beds = _list(args, services)
            _out(args, emit, [_bed_json(x) for x in beds], [_line(x) for x in beds])
        elif command == "due":
            due = _due(args, services)
            _out(args, emit, [_due_json(x) for x in due], [_due_line(x) for x in due])
        else:
            year = _year(args.year) if args.year else services.ctx.today().year
            months = services.homebeds.monthly(year)
            _out(args, emit, [_month_json(m) for m in months], [_month_line(m) for m in months])
    except ValidationFailed as exc:
        raise _on_the_command_line(exc) from None
    return 0


BED_STEPS: dict[str, Callable[[argparse.Namespace, Services], BedInfo]] = {
    "apply": _apply,
    "register": _register,
    "return": lambda args, services: services.homebeds.return_application(
        _id(args.bed, "家庭病床"), args.reason
    ),
    "discharge": _discharge,
    "renew": lambda args, services: services.homebeds.renew(
        _id(args.bed, "家庭病床"), parse_date(args.date) if args.date else None
    ),
}


# ---------------------------------------------------------------- the parsers
def add_parsers(sub: Any, open_db: Opener, login: Login, emit: Emit) -> None:
    hb = sub.add_parser("homebed", help="家庭病床")
    hb_sub = hb.add_subparsers(dest="homebed_command", required=True)
    types = tuple(BED_TYPES)
    type_help = "家床类型：" + "、".join(f"{k} {v}" for k, v in BED_TYPES.items())

    apply = hb_sub.add_parser("apply", help="家庭病床申请（或由居家安宁疗护评估申请舒缓照顾型家床）")
    who = apply.add_mutually_exclusive_group(required=True)
    who.add_argument("resident", nargs="?", help="居民 id、17 位档案编号或身份证号")
    who.add_argument("--from-assessment", metavar="ASSESSMENT_ID", help="已签署、安排为居家的安宁疗护评估 id")
    apply.add_argument("--diagnosis", help="建床诊断")
    apply.add_argument("--indication", help="收治指征和建床理由")
    apply.add_argument("--icd10", help="诊断的 ICD-10 编码")
    apply.add_argument("--type", dest="bed_type", choices=types, help=type_help + "（默认 1）")
    apply.add_argument("--summary", help="病情摘要")
    apply.add_argument("--date", help="申请日期 YYYY-MM-DD（默认今天；补录纸质申请单时填写）")
    apply.set_defaults(usage=apply.error)

    reg = hb_sub.add_parser("register", help="登记建床（社区卫生服务中心）")
    reg.add_argument("bed", help="家庭病床 id")
    reg.add_argument("--start", required=True, help="建床日期 YYYY-MM-DD")
    reg.add_argument("--doctor", required=True, help="责任医生的用户名")
    reg.add_argument("--consent", help="知情同意书签署日期 YYYY-MM-DD（必须登记）")
    reg.add_argument("--nurse", help="责任护士的用户名")
    reg.add_argument("--type", dest="bed_type", choices=types, help=type_help + "（默认按申请）")
    reg.add_argument("--bed-no", help="家床号（默认本中心本年度下一个号）")

    ret = hb_sub.add_parser("return", help="退回申请")
    ret.add_argument("bed", help="家庭病床 id")
    ret.add_argument("--reason", required=True, help="退回原因")

    visit = hb_sub.add_parser("visit", help="记录查床（医生）或巡诊（护士），或更正一条记录")
    which = visit.add_mutually_exclusive_group(required=True)
    which.add_argument("bed", nargs="?", help="家庭病床 id")
    which.add_argument("--correct", metavar="VISIT_ID", help="要更正的查床记录 id（更正是一条新记录）")
    visit.add_argument("--reason", help="更正原因（与 --correct 同用）")
    visit.add_argument("--at", help="查床时间 “YYYY-MM-DD HH:MM”，本地时间（默认现在；更正时必填）")
    for name, text in zip(
        VISIT_TEXTS, ("主诉", "体格检查", "辅助检查", "治疗", "护理", "沟通与健康指导"), strict=True
    ):
        visit.add_argument(f"--{name}", help=text)
    visit.add_argument("--next", help="下次查床日期 YYYY-MM-DD")
    visit.add_argument(
        "--vital",
        action="append",
        metavar="KEY=VALUE",
        help="生命体征，可重复："
        + "、".join(f"{k} {v[0]}（{v[1]}）" for k, v in VITALS.items()).replace("%", "%%"),
    )
    visit.set_defaults(usage=visit.error)

    dis = hb_sub.add_parser("discharge", help="撤床")
    dis.add_argument("bed", help="家庭病床 id")
    dis.add_argument("--date", required=True, help="撤床日期 YYYY-MM-DD")
    dis.add_argument("--outcome", required=True, help="转归，如 好转（按本机构的转归列表）")
    dis.add_argument("--diagnosis", help="撤床诊断")
    dis.add_argument("--icd10", help="撤床诊断的 ICD-10 编码")
    dis.add_argument("--summary", help="撤床小结")

    renew = hb_sub.add_parser("renew", help="续床：本周期结束，同日开始新周期")
    renew.add_argument("bed", help="家庭病床 id")
    renew.add_argument("--date", help="续床日期 YYYY-MM-DD（默认计划结束日，晚于今天则今天）")

    show = hb_sub.add_parser("show", help="查看家庭病床：政策提示、床日、查床记录")
    show.add_argument("bed", help="家庭病床 id")

    ls = hb_sub.add_parser("list", help="家庭病床列表（在床的在前）")
    ls.add_argument("--status", choices=[s.value for s in Status])
    ls.add_argument("--type", dest="bed_type", choices=types, help=type_help)
    ls.add_argument("--staff", help="责任医生或护士的用户名")

    due = hb_sub.add_parser("due", help="到期和逾期的查床、巡诊")
    due.add_argument("--date", help="哪一天 YYYY-MM-DD（默认今天）")
    due.add_argument("--staff", help="只看该用户负责的")
    due.add_argument("--round", action="store_true", help="当天的巡回路线：按街道、居委、地址排序")

    stats = hb_sub.add_parser("stats", help="每月统计：月末在床、新建、撤床、床日，按类型和转归")
    stats.add_argument("--year", help="年份 YYYY（默认今年）")

    for p in hb_sub.choices.values():
        p.add_argument("--json", action="store_true", help="以 JSON 输出")
    hb.set_defaults(func=lambda args: run(args, open_db, login, emit))
