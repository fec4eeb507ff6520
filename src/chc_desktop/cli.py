"""The ``chc`` command: set up a database, manage users, build demo data, work with residents, sync.

Exit codes: 0 done, 1 refused or failed (message on stderr), 2 bad arguments (one line saying what).
Commands that act as a staff member log in with --user and the password from CHC_PASSWORD or a prompt.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import os
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from chc_desktop import (
    __version__,
    cli_contracts,
    cli_homebeds,
    cli_hospice,
    cli_io,
    cli_print,
    cli_referrals,
    cli_sync,
)
from chc_desktop.config import DEFAULT_PROFILE, check_profile, database_path
from chc_desktop.domain import codes
from chc_desktop.domain.resident import ResidentDraft
from chc_desktop.services.app import Services, open_database
from chc_desktop.services.errors import ServiceError, ValidationFailed, for_people
from chc_desktop.services.hub_admin import NeedHubLogin
from chc_desktop.services.residents import DuplicateSuspected, Filters, ResidentFile, ResidentRow
from chc_desktop.store.database import Database, DatabaseError
from chc_desktop.store.migrate import HEAD, inspect_revision
from chc_desktop.sync.protocol import SyncError


class ArgumentError(Exception):
    pass


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise ArgumentError(message)


def _json_default(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    raise TypeError(type(value).__name__)


def emit(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db else database_path(args.profile)


def _open(args: argparse.Namespace) -> Database:
    return open_database(_db_path(args))


def _login(args: argparse.Namespace, db: Database) -> Services:
    if not args.user:
        raise ArgumentError("this command needs --user USERNAME (password from CHC_PASSWORD or a prompt)")
    password = os.environ.get("CHC_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise ArgumentError("no password: set CHC_PASSWORD or run in a terminal")
        password = getpass.getpass(f"{args.user} 的密码：")
    return Services(db).login(args.user, password)


T = TypeVar("T")


def _hub_retry(args: argparse.Namespace, services: Services, action: Callable[[], T]) -> T:
    """Accounts and settings of an enrolled workstation are changed at the hub, which asks for the
    administrator's password once: the same one the command logged in with."""
    try:
        return action()
    except NeedHubLogin:
        password = os.environ.get("CHC_PASSWORD")
        if password is None:
            if not sys.stdin.isatty():
                raise
            password = getpass.getpass(f"{args.user} 的密码（登录中心）：")
        services.users.hub_login(password)
        return action()


# ---------------------------------------------------------------- commands
def cmd_init(args: argparse.Namespace) -> int:
    db = _open(args)
    services = Services(db)
    if services.needs_first_admin():
        password = os.environ.get("CHC_ADMIN_PASSWORD") or (
            getpass.getpass("初始管理员密码：") if sys.stdin.isatty() else None
        )
        if not password:
            raise ArgumentError("set CHC_ADMIN_PASSWORD (or run in a terminal) for the first administrator")
        from chc_desktop.services.users import create_first_admin

        create_first_admin(db, args.admin, args.admin_name, password)
        print(f"已创建数据库和初始管理员 {args.admin}：{db.path}")
    else:
        print(f"数据库已就绪：{db.path}")
    return 0


def cmd_db(args: argparse.Namespace) -> int:
    path = _db_path(args)
    if args.db_command == "reindex":
        return cmd_reindex(args)
    if args.db_command == "check":
        state = inspect_revision(path)
        info = {
            "path": str(path),
            "exists": path.exists(),
            "revision": state.current,
            "head": HEAD,
            "pending": state.pending,
            "newer": state.newer,
        }
        if args.json:
            emit(info)
        else:
            status = "需要升级" if state.pending else ("由更新版本写入" if state.newer else "最新")
            print(f"{path}：结构版本 {state.current or '（空）'}，程序版本 {HEAD}，{status}")
        if path.exists():
            from chc_desktop.store.database import check_file

            check_file(path, thorough=True)
        return 1 if state.newer else 0
    db = open_database(path)
    if db.backup_path:
        print(f"已备份到 {db.backup_path}")
    print(f"数据库已升级到 {HEAD}：{path}")
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    count = _open(args).rebuild_search_index()
    print(f"已重建搜索索引：{count} 名居民")
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    services = _login(args, _open(args))
    if args.user_command == "list":
        users = services.users.list()
        if args.json:
            emit(users)
        else:
            for u in users:
                print(f"{u.username}\t{u.display_name}\t{u.role_label}\t{'启用' if u.active else '停用'}")
        return 0
    password = os.environ.get("CHC_NEW_PASSWORD") or (
        getpass.getpass("新用户的密码：") if sys.stdin.isatty() else None
    )
    if not password:
        raise ArgumentError("set CHC_NEW_PASSWORD (or run in a terminal) for the new user's password")
    user = _hub_retry(
        args, services, lambda: services.users.add(args.username, args.name, args.role, password)
    )
    print(f"已添加用户 {user.username}（{user.role_label}）")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from chc_desktop.services.demo import DEMO_ACCOUNTS, build_demo

    db = _open(args)
    last = [0]

    def progress(done: int, total: int) -> None:
        if not args.quiet and (done - last[0] >= max(total // 20, 1) or done == total):
            last[0] = done
            print(f"  {done}/{total}", file=sys.stderr)

    summary = build_demo(db, args.residents, seed=args.seed, progress=progress)
    print(
        f"已生成演示数据：{summary.residents} 名居民，{summary.households} 户，用时 {summary.seconds:.1f} 秒"
    )
    print("演示账户（密码均为 " + DEMO_ACCOUNTS[0][3] + "）：" + "、".join(a[0] for a in DEMO_ACCOUNTS))
    return 0


def _draft_from_args(args: argparse.Namespace, services: Services) -> ResidentDraft:
    street = next((s for s in services.sites.list("street") if args.street in (s.code, s.name)), None)
    if street is None:
        raise ValidationFailed({"street": "找不到该街道（可用代码或名称，如 310105008 或 仙霞新村街道）"})
    committee = next(
        (c for c in services.sites.list("committee", street.id) if args.committee in (c.code, c.name)), None
    )
    if committee is None:
        raise ValidationFailed({"committee": "该街道下找不到这个居委会（可用代码或名称）"})
    return ResidentDraft(
        name=args.name,
        id_number=args.id_number or "",
        sex=args.sex or "",
        birth_date=args.birth_date or "",
        phone=args.phone or "",
        current_address=args.address or "",
        registered_address=args.address or "",
        street_id=street.id,
        committee_id=committee.id,
        residence_type=args.residence_type or "",
        payment_methods=tuple(args.payment or ()),
    )


def _file_json(f: ResidentFile) -> dict[str, Any]:
    d = dataclasses.asdict(f.draft)
    d = {k: v for k, v in d.items() if v not in ("", (), {}, None, [])}
    return {
        "id": f.id,
        "record_no": f.record_no,
        "status": f.status,
        "age": f.age,
        "street": f.street,
        "committee": f.committee,
        "doctor": f.doctor,
        "fields": d,
        "key_populations": [t.code for t in f.key_populations],
    }


def _row_line(r: ResidentRow) -> str:
    sex = codes.SEX.label_or(r.sex)
    return f"{r.record_no or '（待分配）'}\t{r.name}\t{sex}\t{r.age}岁\t{r.committee}\t{r.match}"


def cmd_resident(args: argparse.Namespace) -> int:
    services = _login(args, _open(args))
    if args.resident_command == "add":
        draft = _draft_from_args(args, services)
        try:
            f = services.residents.file(
                draft, not_duplicate_of=[uuid.UUID(x) for x in args.not_duplicate_of or ()]
            )
        except DuplicateSuspected as exc:
            if args.json:
                emit(
                    {
                        "error": str(exc),
                        "candidates": [
                            {"id": c.row.id, "record_no": c.row.record_no, "reason": c.reason}
                            for c in exc.candidates
                        ],
                    }
                )
            else:
                print(str(exc), file=sys.stderr)
                for c in exc.candidates:
                    print(f"  {c.reason}：{c.row.record_no} {c.row.id}", file=sys.stderr)
            return 1
        if args.json:
            emit(_file_json(f))
        else:
            print(f"已建档：{f.record_no_formatted}")
        return 0
    if args.resident_command == "show":
        f = services.residents.get(services.search.resolve(args.resident))
        if args.json:
            emit(_file_json(f))
        else:
            print(f"{f.record_no_formatted}  {f.draft.name}  {f.age}岁  {f.street} {f.committee}")
        return 0
    if args.resident_command == "merge":
        f = services.residents.merge(_uuid_arg(args.keep), _uuid_arg(args.drop))
        print(f"已合并到档案 {f.record_no_formatted}")
        return 0
    if args.resident_command == "duplicates":
        groups = services.residents.suspected_duplicates()
        if args.json:
            emit(
                [
                    {
                        "reason": g[0].reason,
                        "residents": [{"id": c.row.id, "record_no": c.row.record_no} for c in g],
                    }
                    for g in groups
                ]
            )
        else:
            for g in groups:
                print(f"{g[0].reason}：" + "、".join(c.row.record_no or str(c.row.id) for c in g))
            print(f"共 {len(groups)} 组疑似重复档案")
        return 0
    filters = Filters(status=None if args.all else "active")
    result = services.search.search(args.query, filters, limit=args.limit)
    if args.json:
        emit({"kind": result.kind, "truncated": result.truncated, "rows": result.rows})
    else:
        for r in result.rows:
            print(_row_line(r))
        if result.truncated:
            print("（结果较多，只显示前面部分，请输入更多内容）", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- parser
def build_parser() -> Parser:
    p = Parser(prog="chc", description="CHC Desktop 命令行")
    p.add_argument("--version", action="version", version=f"chc {__version__}")
    p.add_argument("--profile", default=DEFAULT_PROFILE, type=_profile, help="配置名（每个配置一个数据库）")
    p.add_argument("--db", help="直接指定数据库文件")
    p.add_argument("--user", help="以该用户身份操作")
    sub = p.add_subparsers(dest="command", required=True, parser_class=Parser)

    init = sub.add_parser("init", help="创建数据库和初始管理员")
    init.add_argument("--admin", default="admin")
    init.add_argument("--admin-name", default="管理员")
    init.set_defaults(func=cmd_init)

    db = sub.add_parser("db", help="数据库升级与检查")
    db_sub = db.add_subparsers(dest="db_command", required=True, parser_class=Parser)
    db_sub.add_parser("upgrade", help="备份并升级数据库结构")
    check = db_sub.add_parser("check", help="检查数据库结构版本与完整性")
    check.add_argument("--json", action="store_true")
    db_sub.add_parser("reindex", help="重建搜索索引")
    db.set_defaults(func=cmd_db)

    user = sub.add_parser("user", help="用户管理")
    user_sub = user.add_subparsers(dest="user_command", required=True, parser_class=Parser)
    add = user_sub.add_parser("add", help="添加用户（新密码从 CHC_NEW_PASSWORD 或提示输入）")
    add.add_argument("username")
    add.add_argument("--name", required=True)
    add.add_argument("--role", required=True, choices=["doctor", "nurse", "clerk", "admin"])
    ls = user_sub.add_parser("list")
    ls.add_argument("--json", action="store_true")
    user.set_defaults(func=cmd_user)

    demo = sub.add_parser("demo", help="生成演示数据")
    demo.add_argument("--residents", type=_positive, default=2000)
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--quiet", action="store_true")
    demo.set_defaults(func=cmd_demo)

    res = sub.add_parser("resident", help="居民档案")
    res_sub = res.add_subparsers(dest="resident_command", required=True, parser_class=Parser)
    radd = res_sub.add_parser("add", help="建档")
    radd.add_argument("--name", required=True)
    radd.add_argument("--id-number")
    radd.add_argument("--sex", choices=[c.code for c in codes.SEX.codes])
    radd.add_argument("--birth-date")
    radd.add_argument("--phone")
    radd.add_argument("--address")
    radd.add_argument("--street", required=True, help="街道代码或名称")
    radd.add_argument("--committee", required=True, help="居委会代码或名称")
    radd.add_argument("--residence-type", choices=[c.code for c in codes.RESIDENCE_TYPE.codes])
    radd.add_argument("--payment", action="append", help="医疗费用支付方式代码，可重复")
    radd.add_argument("--not-duplicate-of", action="append", help="确认不是该档案（id）的同一人")
    radd.add_argument("--json", action="store_true")
    show = res_sub.add_parser("show", help="查看档案")
    show.add_argument("resident", help="id、档案编号或身份证号")
    show.add_argument("--json", action="store_true")
    search = res_sub.add_parser("search", help="搜索居民")
    search.add_argument("query")
    search.add_argument("--limit", type=_positive, default=50)
    search.add_argument("--all", action="store_true", help="包括已失访、死亡、迁出的档案")
    search.add_argument("--json", action="store_true")
    dups = res_sub.add_parser(
        "duplicates", help="列出疑似重复的档案（同一身份证号、姓名+出生日期、姓名+电话）"
    )
    dups.add_argument("--json", action="store_true")
    merge = res_sub.add_parser("merge", help="把重复档案合并到保留的档案（子记录随之移动）")
    merge.add_argument("keep", help="保留的档案 id")
    merge.add_argument("drop", help="被合并的档案 id")
    res.set_defaults(func=cmd_resident)
    cli_sync.add_parsers(sub)
    cli_io.add_parsers(sub, _open, _login, emit)
    cli_contracts.add_parsers(sub, _open, _login, emit)
    cli_referrals.add_parsers(sub, _open, _login, emit)
    cli_hospice.add_parsers(sub, _open, _login, emit)
    cli_print.add_parsers(sub, _open, _login, emit)
    cli_homebeds.add_parsers(sub, _open, _login, emit)
    sub.choices["sync"].set_defaults(func=cmd_sync_area)
    return p


def cmd_sync_area(args: argparse.Namespace) -> int:
    return cli_sync.run_sync(args, _open, _login, emit)


def _uuid_arg(text: str) -> uuid.UUID:
    try:
        return uuid.UUID(text)
    except ValueError:
        raise ArgumentError(f"not a record id: {text}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _profile(text: str) -> str:
    try:
        return check_profile(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return int(args.func(args))
    except ArgumentError as exc:
        print(f"chc: {exc}", file=sys.stderr)
        return 2
    except ValidationFailed as exc:
        for field, message in exc.errors.items():
            print(f"chc: {field}: {message}", file=sys.stderr)
        return 1
    except (ServiceError, DatabaseError, SyncError) as exc:
        print(f"chc: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # the one boundary: a plain sentence here, the trace in a crash file
        print(f"chc: {for_people(exc)}", file=sys.stderr)
        return 70


if __name__ == "__main__":
    sys.exit(main())
