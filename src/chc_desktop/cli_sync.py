"""``chc sync …``: enrol this workstation at the centre's hub server, sync, and work through the
quarantine and the conflicts. The hub server itself is ``chc-hub`` (hub/cli.py). Credentials come
from the keyring, CHC_HUB_TOKEN, or a prompt; they are never written to a file or printed except
once at enrolment where no keyring exists."""

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
from chc_desktop.services.hub_link import NeedToken
from chc_desktop.services.sync import enrol
from chc_desktop.sync import credentials
from chc_desktop.sync.client import server_fingerprint
from chc_desktop.sync.protocol import SyncError


def _token_from_user() -> str | None:
    token = os.environ.get("CHC_HUB_TOKEN")
    if token is None and sys.stdin.isatty():
        token = getpass.getpass("本工作站的中心凭据：")
    return token or None


def run_sync(args: argparse.Namespace, open_db: Opener, login: Login, emit: Emit) -> int:
    db = open_db(args)
    command = args.sync_command
    if command == "enrol":
        done = enrol(db, args.url, args.code, args.fingerprint, args.name or f"{db.path.stem} 工作站")
        print(f"已登记到中心：{done.site_name}（设备 {db.device_id}）。")
        if done.kept_in_keyring:
            print("凭据已存入系统钥匙串。")
        else:
            print(credentials.NO_KEYRING, file=sys.stderr)
            print("凭据只显示这一次，请交给使用者妥善保管：")
            print(done.credential)
        return 0
    if command == "fingerprint":
        print(server_fingerprint(args.url))
        return 0
    if command == "rotate":
        kept = Services(db).sync.rotate(os.environ.get("CHC_HUB_TOKEN"))
        print(
            "已更换本工作站的中心凭据，旧凭据已失效。"
            + ("新凭据已存入系统钥匙串。" if kept else credentials.NO_KEYRING)
        )
        return 0
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
    label = {"push": "上传", "snapshot": "下载快照", "pull": "下载", "check": "核对"}.get(stage, stage)
    amount = f"{done / 1024:.0f}/{total / 1024:.0f} MB" if stage == "snapshot" else f"{done}/{total}"
    print(f"\r{label} {amount}", end="", file=sys.stderr, flush=True)
    if done >= total:
        print(file=sys.stderr)


def add_parsers(sub: Any) -> None:
    sync = sub.add_parser("sync", help="与中心同步")
    sync_sub = sync.add_subparsers(dest="sync_command", required=True)
    enrol_p = sync_sub.add_parser("enrol", help="用管理员发放的一次性登记码把本工作站登记到中心")
    enrol_p.add_argument("url", help="中心服务器地址，如 https://10.0.0.5:8443")
    enrol_p.add_argument("--code", required=True, help="一次性登记码，如 ABCD-EFGH-JKLM-NPQR")
    enrol_p.add_argument(
        "--fingerprint", help="中心证书的 SHA-256 指纹（管理员在中心用 chc-hub fingerprint 查看）"
    )
    enrol_p.add_argument("--name", help="工作站名称，如“仙霞中心 一楼挂号”")
    fp = sync_sub.add_parser("fingerprint", help="显示中心服务器证书的指纹，以便与管理员核对")
    fp.add_argument("url")
    sync_sub.add_parser("rotate", help="更换本工作站的中心凭据（旧凭据立即失效）")
    run = sync_sub.add_parser("run", help="立即同步")
    run.add_argument("--json", action="store_true")
    status = sync_sub.add_parser("status", help="同步状态")
    status.add_argument("--json", action="store_true")
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
