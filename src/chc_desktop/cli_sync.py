"""``chc hub …`` and ``chc sync …``: set up a hub, enrol this workstation, sync, and work through the
quarantine and the conflicts. Tokens come from the keyring, CHC_HUB_TOKEN, or a prompt; they are
never written to a file or printed except once at enrolment where no keyring exists."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import uuid
from typing import Any

from chc_desktop.cli_common import Emit, Login, Opener
from chc_desktop.services.app import Services
from chc_desktop.services.sync import NeedToken, init_hub_at, register_device
from chc_desktop.sync import credentials
from chc_desktop.sync.protocol import SyncError


def _token_from_user() -> str | None:
    token = os.environ.get("CHC_HUB_TOKEN")
    if token is None and sys.stdin.isatty():
        token = getpass.getpass("本工作站的中心凭据：")
    return token or None


def run_hub(args: argparse.Namespace, open_db: Opener, emit: Emit) -> int:
    if args.hub_command == "init":
        print(init_hub_at(args.url))
        return 0
    db = open_db(args)
    token = register_device(db, args.url, args.site, args.name or f"{args.site} 工作站", args.db_role)
    if credentials.keyring_available():
        print(f"已登记本工作站（设备 {db.device_id}），凭据已存入系统钥匙串。")
    else:
        print(credentials.NO_KEYRING, file=sys.stderr)
        print(f"已登记本工作站（设备 {db.device_id}）。凭据只显示这一次，请交给使用者妥善保管：")
        print(token)
    return 0


def run_sync(args: argparse.Namespace, open_db: Opener, login: Login, emit: Emit) -> int:
    db = open_db(args)
    command = args.sync_command
    if command == "run":
        services = Services(db)
        try:
            report = services.sync.run(
                os.environ.get("CHC_HUB_TOKEN"), progress=None if args.json else _progress
            )
        except NeedToken as exc:
            token = _token_from_user()
            if token is None:
                raise SyncError(f"{exc} 可设置 CHC_HUB_TOKEN 或在终端中运行。") from None
            report = services.sync.run(token)
        if args.json:
            emit(
                {
                    "pushed": report.pushed,
                    "pulled": report.pulled,
                    "rejected": report.rejected,
                    "conflicts": report.conflicts,
                    "repaired": report.repaired,
                    "disagreements": report.disagreements,
                    "seconds": round(report.seconds, 2),
                }
            )
        else:
            print(f"同步完成：{report.summary()}（{report.seconds:.1f} 秒）")
        return 0 if not report.disagreements else 1
    if command == "status":
        st = Services(db).sync.status()
        if args.json:
            emit(st)
        else:
            state = {None: "尚未同步", True: "在线", False: "离线"}[st.online]
            print(
                f"中心：{st.hub or '未设置'}　状态：{state}　"
                f"待上传 {st.waiting}　被拒 {st.rejected}　冲突 {st.conflicts}"
            )
            if st.last_ok:
                print(f"上次成功同步：{st.last_ok.astimezone():%Y-%m-%d %H:%M}")
        return 0
    services = login(args, db)
    if command == "join":
        token = _token_from_user()
        if token is None:
            raise SyncError("请通过 CHC_HUB_TOKEN 或终端输入本工作站的中心凭据")
        kept = services.sync.join(args.url, token)
        print("已设置中心地址。" + ("凭据已存入系统钥匙串。" if kept else credentials.NO_KEYRING))
        return 0
    if command == "quarantine":
        items = services.sync.quarantine()
        if args.json:
            emit(items)
        else:
            for q in items:
                print(f"{q.seq}\t{q.table_label}\t{q.record}\t{q.reason}")
            print(f"共 {len(items)} 条被中心拒收的修改")
        return 0
    if command == "resend":
        services.sync.resend(args.seq)
        print("已重新排队，下次同步时发送。")
        return 0
    if command == "conflicts":
        conflicts = services.sync.conflicts(include_resolved=args.all)
        if args.json:
            emit(conflicts)
        else:
            for c in conflicts:
                shown = json.dumps(c.winner_value, ensure_ascii=False)
                other = json.dumps(c.loser_value, ensure_ascii=False)
                print(
                    f"{c.id}\t{c.record}\t{c.field}\t保留：{shown}（{c.winner_user}）\t另一值：{other}（{c.loser_user}）"
                )
            print(f"共 {len(conflicts)} 个冲突")
        return 0
    # resolve
    conflict_id = uuid.UUID(args.conflict)
    match = [c for c in services.sync.conflicts() if c.id == conflict_id]
    if not match:
        raise SyncError("没有这个未处理的冲突")
    value = match[0].winner_value if args.keep == "winner" else match[0].loser_value
    if args.value is not None:
        value = json.loads(args.value) if args.value.startswith(("[", "{")) else args.value
    services.sync.resolve(conflict_id, value)
    print("冲突已处理，结果将在下次同步时发送。")
    return 0


def _progress(stage: str, done: int, total: int) -> None:
    label = {"push": "上传", "pull": "下载", "check": "核对"}.get(stage, stage)
    print(f"\r{label} {done}/{total}", end="", file=sys.stderr, flush=True)
    if done >= total:
        print(file=sys.stderr)


def add_parsers(sub: Any) -> None:
    hub = sub.add_parser("hub", help="中心服务器：初始化与登记工作站")
    hub_sub = hub.add_subparsers(dest="hub_command", required=True)
    init = hub_sub.add_parser("init", help="在数据库中创建（或确认）中心数据结构")
    init.add_argument("url", help="如 postgresql://chc_admin@10.0.0.5/chc_hub 或 sqlite:///路径/hub.db")
    reg = hub_sub.add_parser("register-device", help="把本工作站登记到中心（管理员使用中心的管理凭据）")
    reg.add_argument("url")
    reg.add_argument("--site", required=True, help="本工作站所在的中心或服务站名称")
    reg.add_argument("--name", help="工作站名称，如“仙霞中心 一楼挂号”")
    reg.add_argument(
        "--db-role",
        action="store_true",
        help="PostgreSQL：为本工作站建立最小权限的数据库角色（此后以该角色连接中心）",
    )
    hub.set_defaults(func=None, area="hub")

    sync = sub.add_parser("sync", help="与中心同步")
    sync_sub = sync.add_subparsers(dest="sync_command", required=True)
    run = sync_sub.add_parser("run", help="立即同步")
    run.add_argument("--json", action="store_true")
    status = sync_sub.add_parser("status", help="同步状态")
    status.add_argument("--json", action="store_true")
    join = sync_sub.add_parser("join", help="设置中心地址和凭据（凭据从 CHC_HUB_TOKEN 或提示输入）")
    join.add_argument("url")
    quarantine = sync_sub.add_parser("quarantine", help="被中心拒收的修改")
    quarantine.add_argument("--json", action="store_true")
    resend = sync_sub.add_parser("resend", help="修正后重新发送被拒收的修改")
    resend.add_argument("seq", type=int)
    conflicts = sync_sub.add_parser("conflicts", help="同步冲突")
    conflicts.add_argument("--all", action="store_true", help="包括已处理的")
    conflicts.add_argument("--json", action="store_true")
    resolve = sync_sub.add_parser("resolve", help="处理一个冲突")
    resolve.add_argument("conflict")
    resolve.add_argument("--keep", choices=["winner", "loser"], default="winner")
    resolve.add_argument("--value", help="直接填写结果")
    sync.set_defaults(func=None, area="sync")
