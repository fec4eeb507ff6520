"""``chc contracts …`` and ``chc indicators``: sign, renew, switch and terminate from the command line,
the expiring-soon worklist, and the coverage indicators. A resident is named by file id, 17-digit
record number or ID number; a team by name or id; a doctor by username; a hospital by name."""

from __future__ import annotations

import argparse
import datetime as dt
import uuid
from typing import Any

from chc_desktop.cli_common import Emit, Login, Opener, site_named
from chc_desktop.services.app import Services
from chc_desktop.services.contracts import ContractInfo, SignRequest
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.indicators import CoverageRow
from chc_desktop.services.teams import TeamInfo


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def _team(services: Services, text: str) -> TeamInfo:
    teams = services.teams.all()
    found = [t for t in teams if str(t.id) == text or t.name == text]
    if len(found) != 1:
        names = "、".join(t.name for t in teams) or "（尚无团队）"
        raise ServiceError(f"找不到团队“{text}”；在用的团队：{names}")
    return found[0]


def _doctor(services: Services, team: TeamInfo, username: str | None) -> uuid.UUID:
    if username is None:
        user = services.user
        return user.id if user and user.id in team.doctor_ids else team.lead_doctor_id
    for u in services.users.list():
        if u.username == username and u.id in team.doctor_ids:
            return u.id
    raise ServiceError(f"{username} 不是{team.name}的家庭医生")


def _hospital(services: Services, name: str | None) -> uuid.UUID | None:
    return site_named(services, name, ("hospital",), "医院") if name else None


def _request(services: Services, args: argparse.Namespace, default_packages: tuple[str, ...]) -> SignRequest:
    team = _team(services, args.team)
    return SignRequest(
        team_id=team.id,
        doctor_id=_doctor(services, team, args.doctor),
        start_date=args.start or services.ctx.today(),
        packages=tuple(p.strip() for p in args.packages.split(",")) if args.packages else default_packages,
        sign_method=args.method,
        district_hospital_id=_hospital(services, args.district_hospital),
        municipal_hospital_id=_hospital(services, args.municipal_hospital),
    )


def _contract_json(c: ContractInfo) -> dict[str, Any]:
    return {
        "id": c.id,
        "resident_id": c.resident_id,
        "status": c.status,
        "status_label": c.status_label,
        "team": c.team,
        "doctor": c.doctor,
        "start_date": c.start_date,
        "end_date": c.end_date,
        "packages": list(c.packages),
        "fee_yuan": c.fee_cents / 100,
        "self_pay_yuan": c.self_pay_cents / 100,
        "district_hospital": c.district_hospital,
        "municipal_hospital": c.municipal_hospital,
        "sign_method": c.sign_method,
        "ended_on": c.ended_on,
        "end_reason": c.end_reason,
        "previous_id": c.previous_id,
    }


def _line(c: ContractInfo) -> str:
    ended = f"  {c.ended_on} {c.end_reason}" if c.ended_on else ""
    packages = "、".join(c.package_names)
    return f"{c.status_label}  {c.team}（{c.doctor}）{c.start_date} 至 {c.end_date}  {packages}{ended}"


def _current(services: Services, rid: uuid.UUID) -> ContractInfo:
    c = services.contracts.current(rid)
    if c is None:
        raise ServiceError("该居民当前没有在约的签约")
    return c


def _coverage_json(r: CoverageRow) -> dict[str, Any]:
    return {
        "level": r.level,
        "id": r.id,
        "name": r.name,
        "population": r.counts.population,
        "signed": r.counts.signed,
        "coverage_percent": round(r.all.percent, 2),
        "short_by": r.all.short_by,
        "key_population": r.counts.key_population,
        "key_signed": r.counts.key_signed,
        "key_coverage_percent": round(r.key.percent, 2),
        "key_short_by": r.key.short_by,
        "contracts_in_force": r.contracts,
    }


def run_contracts(args: argparse.Namespace, open_db: Opener, login: Login, emit: Emit) -> int:
    services = login(args, open_db(args))
    command = args.contracts_command
    if command == "teams":
        teams = services.teams.all()
        if args.json:
            emit([{"id": t.id, "name": t.name, "centre": t.centre, "summary": t.summary} for t in teams])
        else:
            for t in teams:
                print(f"{t.name}  {t.centre}  {t.summary}")
        return 0
    if command == "expiring":
        total = services.contracts.expiring_count(args.days)
        rows = services.contracts.expiring(0, args.limit, args.days)
        if args.json:
            emit({"days": args.days or services.contracts.reminder_days(), "total": total, "rows": rows})
        else:
            for r in rows:
                print(f"{r.end_date}  还剩 {r.days_left} 天  {r.name}  {r.team}（{r.doctor}）")
            print(f"共 {total} 份签约将在 {args.days or services.contracts.reminder_days()} 天内到期")
        return 0
    rid = services.search.resolve(args.resident)
    if command == "show":
        history = services.contracts.history(rid)
        if args.json:
            emit([_contract_json(c) for c in history])
        else:
            for c in history:
                print(_line(c))
            if not history:
                print("该居民没有签约记录")
        return 0
    done: list[ContractInfo]
    if command == "sign" and args.household:
        result = services.contracts.sign_household(rid, _request(services, args, ("basic",)))
        done = list(result.signed)
        for skipped, reason in result.skipped:
            print(f"未签：{skipped}：{reason}")
    elif command == "sign":
        done = [services.contracts.sign(rid, _request(services, args, ("basic",)))]
    elif command == "renew":
        packages = tuple(p.strip() for p in args.packages.split(",")) if args.packages else None
        done = [services.contracts.renew(_current(services, rid).id, packages)]
    elif command == "switch":
        current = _current(services, rid)
        done = [services.contracts.switch(current.id, _request(services, args, current.packages))]
    else:
        current = _current(services, rid)
        done = [
            services.contracts.terminate(current.id, args.reason, args.on or services.ctx.today(), args.note)
        ]
    if args.json:
        emit([_contract_json(c) for c in done])
    else:
        for c in done:
            print(_line(c))
    return 0


def run_indicators(args: argparse.Namespace, open_db: Opener, login: Login, emit: Emit) -> int:
    ind = login(args, open_db(args)).indicators.coverage()
    rows = [ind.total, *ind.centres, *ind.teams, *ind.doctors]
    if args.json:
        emit(
            {
                "on": ind.on,
                "target_percent": ind.target_all,
                "key_target_percent": ind.target_key,
                "rows": [_coverage_json(r) for r in rows if r.level == "total" or r.counts.population],
            }
        )
        return 0
    print(f"统计日期 {ind.on}；目标：全人群 {ind.target_all}%，重点人群 {ind.target_key}%")
    for r in rows:
        if r.level != "total" and not r.counts.population:
            continue
        print(
            f"{r.name}：签约 {r.counts.signed}/{r.counts.population}（{r.all.percent:.1f}%），"
            f"重点人群 {r.counts.key_signed}/{r.counts.key_population}（{r.key.percent:.1f}%）"
        )
    return 0


def add_parsers(sub: Any, open_db: Opener, login: Login, emit: Emit) -> None:
    con = sub.add_parser("contracts", help="家庭医生签约")
    con_sub = con.add_subparsers(dest="contracts_command", required=True)
    teams = con_sub.add_parser("teams", help="列出家庭医生团队")
    teams.add_argument("--json", action="store_true")
    expiring = con_sub.add_parser("expiring", help="即将到期的签约（续约提醒）")
    expiring.add_argument("--days", type=int, default=None, help="天数（默认按设置：续约提醒提前天数）")
    expiring.add_argument("--limit", type=int, default=1000)
    expiring.add_argument("--json", action="store_true")
    show = con_sub.add_parser("show", help="居民的签约记录")
    show.add_argument("resident", help="居民 id、17 位档案编号或身份证号")
    show.add_argument("--json", action="store_true")
    for name, text in (("sign", "签约（--household 为全家签约）"), ("switch", "改签到另一个团队")):
        p = con_sub.add_parser(name, help=text)
        p.add_argument("resident", help="居民 id、17 位档案编号或身份证号")
        p.add_argument("--team", required=True, help="团队名称或 id")
        p.add_argument("--doctor", help="签约医生的用户名（默认：本人或团队长）")
        p.add_argument("--start", type=_date, help="开始/生效日期 YYYY-MM-DD（默认今天）")
        p.add_argument("--packages", help="服务包代码，逗号分隔（如 basic,chronic）")
        p.add_argument("--method", default="self", help="签约方式：self / family / home / online")
        p.add_argument("--district-hospital", help="1+1+1 区级医院名称")
        p.add_argument("--municipal-hospital", help="1+1+1 市级医院名称")
        p.add_argument("--json", action="store_true")
        if name == "sign":
            p.add_argument("--household", action="store_true", help="为该居民的家庭中可签约的成员一并签约")
    renew = con_sub.add_parser("renew", help="续约一个周期")
    renew.add_argument("resident")
    renew.add_argument("--packages", help="新周期的服务包（默认沿用）")
    renew.add_argument("--json", action="store_true")
    end = con_sub.add_parser("terminate", help="解约")
    end.add_argument("resident")
    end.add_argument("--reason", required=True, help="解约原因（设置中的列表）")
    end.add_argument("--on", type=_date, help="解约日期（默认今天）")
    end.add_argument("--note", default="", help="说明（原因为“其他”时必填）")
    end.add_argument("--json", action="store_true")
    con.set_defaults(func=lambda args: run_contracts(args, open_db, login, emit))
    ind = sub.add_parser("indicators", help="签约覆盖率（全人群、重点人群）对照目标")
    ind.add_argument("--json", action="store_true")
    ind.set_defaults(func=lambda args: run_indicators(args, open_db, login, emit))
