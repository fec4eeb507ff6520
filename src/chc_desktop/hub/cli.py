"""``chc-hub``: the centre's hub server — set it up, serve it, enrol and revoke workstations, and
keep staff accounts and settings. Run on the hub machine by its service account (the only account
that can read the configuration with the database password and the credential key)."""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import os
import sys
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError

from chc_desktop.hub import schema as H
from chc_desktop.hub.accounts import AccountError, Accounts, seed_demo, seed_reference
from chc_desktop.hub.config import ConfigError, HubConfig, SnapshotSettings, load, new_secret, render
from chc_desktop.hub.devices import DeviceRegistry
from chc_desktop.hub.snapshots import Snapshots
from chc_desktop.hub.storage import Hub, unreachable
from chc_desktop.hub.tls import certificate_fingerprint, make_certificate
from chc_desktop.security.files import private_open
from chc_desktop.sync.protocol import SyncError


def _config(args: argparse.Namespace) -> HubConfig:
    return load(Path(args.config) if args.config else None)


def _open(args: argparse.Namespace) -> tuple[HubConfig, Hub]:
    config = _config(args)
    return config, Hub(H.hub_engine(config.database_url))


def _site(hub: Hub, name: str) -> uuid.UUID:
    found = [
        rid
        for rid, d in hub.rows_of("sites")
        if d.get("name") == name and d.get("kind") in ("centre", "station") and not d.get("deleted_at")
    ]
    if len(found) != 1:
        raise SyncError(f"没有名为“{name}”的社区卫生服务中心或服务站")
    return found[0]


def _password(prompt: str) -> str:
    password = os.environ.get("CHC_HUB_USER_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise SyncError("请设置 CHC_HUB_USER_PASSWORD 或在终端中运行")
        password = getpass.getpass(prompt)
    return password


def _database_url(args: argparse.Namespace) -> str:
    """``--database`` as given, with the password typed at a prompt (``--ask-password``): a password
    on the command line would stand in the shell's history and the process list."""
    try:
        url = make_url(args.database)
    except ArgumentError:
        raise SyncError("中心数据库地址格式不正确") from None
    if url.password is not None:
        raise SyncError("请不要把数据库密码写在命令行里：去掉地址中的密码，改用 --ask-password")
    if args.ask_password:
        url = url.set(password=getpass.getpass("中心数据库的密码："))
    return url.render_as_string(hide_password=False)


def cmd_init(args: argparse.Namespace) -> int:
    database = _database_url(args) if args.database else None
    if args.write_config:
        target = Path(args.write_config)
        if target.exists():
            raise SyncError(f"{target} 已存在，不会覆盖")
        if not database:
            raise SyncError("请用 --database 给出中心数据库地址")
        secret = new_secret()
        snapshots = SnapshotSettings(Path(args.snapshots))
        text = render(
            HubConfig(database, b"x" * 16, host=args.host, port=args.port, snapshots=snapshots), secret
        )
        with private_open(target, "x", encoding="utf-8") as fh:
            fh.write(text)
        print(f"已写入配置文件 {target}（仅服务账户可读）")
        args.config = str(target)
    url = database if database and not args.config else _config(args).database_url
    engine = H.hub_engine(url)
    try:
        print(H.init_hub(engine))
        hub = Hub(engine)
        print(f"参考数据：新增 {seed_reference(hub)} 条")
        if args.demo:
            seed_demo(hub)
            print("已建立演示居委会和仙霞社区卫生服务中心的演示账户（密码 demo1234）")
    except (OperationalError, DBAPIError) as exc:  # never the driver's text: it may echo the URL
        raise unreachable(exc) from None
    finally:
        engine.dispose()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    config = _config(args)
    host, port = args.host or config.host, args.port or config.port
    if not config.tls and not config.behind_proxy and host not in ("127.0.0.1", "::1", "localhost"):
        raise SyncError(
            "不加密的服务只能监听本机地址；"
            "请在配置中给出证书（certificate、private_key）或 behind_proxy = true"
        )
    if args.config:
        os.environ["CHC_HUB_CONFIG"] = str(Path(args.config).resolve())
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    uvicorn.run(
        "chc_desktop.hub.api:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=args.workers or config.workers,
        ssl_certfile=str(config.certificate) if config.certificate else None,
        ssl_keyfile=str(config.private_key) if config.private_key else None,
        access_log=False,  # the app logs each request without addresses' query strings or bodies
        proxy_headers=config.behind_proxy,
        timeout_keep_alive=30,
        limit_concurrency=200,
        log_level="info",
    )
    return 0


def cmd_cert(args: argparse.Namespace) -> int:
    cert, key, fp = make_certificate(Path(args.out), args.name)
    print(f"证书：{cert}\n私钥：{key}（仅所有者可读）\nSHA-256 指纹：{fp}")
    print("请把指纹告诉各工作站的登记人员，登记时核对。")
    return 0


def cmd_fingerprint(args: argparse.Namespace) -> int:
    path = Path(args.certificate) if args.certificate else _config(args).certificate
    if path is None:
        raise SyncError("配置中没有证书；请给出证书文件")
    print(certificate_fingerprint(path))
    return 0


def cmd_enrol_code(args: argparse.Namespace) -> int:
    config, hub = _open(args)
    registry = DeviceRegistry(hub.engine, config.secret)
    code, expires = registry.issue_code(_site(hub, args.site), "hub", args.hours)
    print(f"登记码：{code}\n有效至：{expires.astimezone():%Y-%m-%d %H:%M}（只能使用一次）")
    if config.certificate:
        print(f"中心证书指纹：{certificate_fingerprint(config.certificate)}")
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    config, hub = _open(args)
    registry = DeviceRegistry(hub.engine, config.secret)
    rows = registry.devices(_site(hub, args.site) if args.site else None)
    if args.json:
        print(json.dumps(rows, default=str, ensure_ascii=False))
        return 0
    for d in rows:
        state = "已撤销" if d["revoked"] else "有效"
        seen = d["last_seen_at"].astimezone().strftime("%Y-%m-%d %H:%M") if d["last_seen_at"] else "从未同步"
        print(f"{d['device_id']}\t{d['name']}\t{state}\t最近同步：{seen}")
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    config, hub = _open(args)
    if not DeviceRegistry(hub.engine, config.secret).revoke(uuid.UUID(args.device)):
        raise SyncError("没有这台工作站")
    print("已撤销：该工作站的下一个请求即被拒绝。")
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    _, hub = _open(args)
    accounts = Accounts(hub)
    if args.user_command == "list":
        site = _site(hub, args.site) if args.site else None
        for a in accounts.all(site):
            print(f"{a.username}\t{a.display_name}\t{a.role_label}\t{'启用' if a.active else '停用'}")
        return 0
    if args.user_command == "add":
        made = accounts.add(
            args.username, args.name, args.role, _site(hub, args.site), _password("新用户的密码：")
        )
        print(f"已建立用户 {made.username}（{made.role_label}）")
        return 0
    match = [a for a in accounts.all() if a.username == args.username]
    if not match:
        raise SyncError("没有这个用户")
    changes: dict[str, Any] = {}
    if args.role:
        changes["role"] = args.role
    if args.site:
        changes["site_id"] = _site(hub, args.site)
    if args.active is not None:
        changes["active"] = args.active == "yes"
    if args.password:
        changes["password"] = _password("新密码：")
    accounts.update(match[0].id, **changes)
    print("已修改")
    return 0


def cmd_snapshot(args: argparse.Namespace) -> int:
    """Make the snapshots new workstations start from: for the named sites, or for every site with
    an enrolled workstation (run nightly, e.g. from a systemd timer, so each is at most a day old)."""
    config, hub = _open(args)
    folder = config.snapshots.folder
    if folder is None:
        raise SyncError("配置中没有快照目录（[snapshots] folder，或环境变量 CHC_HUB_SNAPSHOTS）")
    if args.site:
        sites = [_site(hub, name) for name in args.site]
    else:
        enrolled = DeviceRegistry(hub.engine, config.secret).devices()
        sites = list(dict.fromkeys(d["site_id"] for d in enrolled if not d["revoked"]))
    if not sites:
        print("没有已登记工作站的机构，无需制作快照。")
        return 0
    names = dict(hub.rows_of("sites"))
    keeper = Snapshots(hub, folder)
    for site in sites:
        name = str(names.get(site, {}).get("name", site.hex))
        try:
            info = keeper.build(site, _progress_line(name))
        except OSError as exc:  # the folder cannot be made or written by this account
            raise SyncError(f"无法写入快照目录 {folder}（{exc.strerror or exc}）") from None
        print(
            f"\r{name}：{info.rows} 条记录，快照 {info.size / 1e6:.1f} MB，用时 {info.seconds:.1f} 秒"
            + " " * 10
        )
    return 0


def _progress_line(name: str) -> Callable[[str, int, int], None]:
    def show(stage: str, done: int, total: int) -> None:
        if stage == "pull" and total and sys.stdout.isatty():
            print(f"\r{name}：{done}/{total}", end="", flush=True)

    return show


def cmd_setting(args: argparse.Namespace) -> int:
    _, hub = _open(args)
    value: Any = json.loads(args.value) if args.value[:1] in "[{0123456789-tfn" else args.value
    print(json.dumps(Accounts(hub).set_setting(args.key, value), ensure_ascii=False))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="chc-hub", description="CHC Desktop 中心同步服务器")
    p.add_argument(
        "--config", help="配置文件（默认读 CHC_HUB_CONFIG，或 CHC_HUB_DATABASE_URL 与 CHC_HUB_SECRET）"
    )
    sub = p.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init", help="建立或升级中心数据库的结构，写入参考数据")
    init.add_argument("--database", help="如 postgresql://chc_hub@/chc_hub 或 sqlite:////srv/chc/hub.db")
    init.add_argument(
        "--ask-password", action="store_true", help="提示输入数据库密码（写入配置文件，不上命令行）"
    )
    init.add_argument("--write-config", metavar="FILE", help="同时生成配置文件（含新的凭据密钥）")
    init.add_argument("--host", default="0.0.0.0")
    init.add_argument("--port", type=int, default=8443)
    init.add_argument("--demo", action="store_true", help="另建演示居委会和演示账户（试用）")
    init.add_argument(
        "--snapshots",
        default="snapshots",
        help="新工作站首次同步用的机构快照目录（写入配置；默认在配置文件旁，如 /var/lib/chc-hub/snapshots）",
    )
    init.set_defaults(func=cmd_init)
    serve = sub.add_parser("serve", help="运行中心服务")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int)
    serve.set_defaults(func=cmd_serve)
    cert = sub.add_parser("cert", help="生成中心自己的 TLS 证书（自签名，工作站登记时固定其指纹）")
    cert.add_argument("--out", required=True, help="证书和私钥写入的目录")
    cert.add_argument("--name", action="append", default=[], help="服务器的主机名或 IP（可多次给出）")
    cert.set_defaults(func=cmd_cert)
    fp = sub.add_parser("fingerprint", help="显示证书的 SHA-256 指纹")
    fp.add_argument("certificate", nargs="?")
    fp.set_defaults(func=cmd_fingerprint)
    code = sub.add_parser("enrol-code", help="为某个中心或服务站的一台工作站发放一次性登记码")
    code.add_argument("--site", required=True)
    code.add_argument("--hours", type=int, default=72)
    code.set_defaults(func=cmd_enrol_code)
    devices = sub.add_parser("devices", help="已登记的工作站")
    devices.add_argument("--site")
    devices.add_argument("--json", action="store_true")
    devices.set_defaults(func=cmd_devices)
    revoke = sub.add_parser("revoke", help="撤销一台工作站（丢失的笔记本）")
    revoke.add_argument("device")
    revoke.set_defaults(func=cmd_revoke)
    user = sub.add_parser("user", help="员工账户（密码从 CHC_HUB_USER_PASSWORD 或提示输入）")
    user_sub = user.add_subparsers(dest="user_command", required=True)
    ls = user_sub.add_parser("list")
    ls.add_argument("--site")
    add = user_sub.add_parser("add")
    add.add_argument("username")
    add.add_argument("--name", required=True, help="姓名")
    add.add_argument("--role", required=True, choices=["doctor", "nurse", "clerk", "admin"])
    add.add_argument("--site", required=True)
    change = user_sub.add_parser("set")
    change.add_argument("username")
    change.add_argument("--role", choices=["doctor", "nurse", "clerk", "admin"])
    change.add_argument("--site")
    change.add_argument("--active", choices=["yes", "no"])
    change.add_argument("--password", action="store_true", help="设置新密码")
    user.set_defaults(func=cmd_user)
    snap = sub.add_parser("snapshot", help="制作新工作站首次同步用的机构快照（可每晚定时运行）")
    snap.add_argument("--site", action="append", help="机构名称（可多次给出；默认：所有已登记工作站的机构）")
    snap.set_defaults(func=cmd_snapshot)
    setting = sub.add_parser("setting", help="修改一项设置（全区生效）")
    setting.add_argument("key")
    setting.add_argument("value")
    setting.set_defaults(func=cmd_setting)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except AccountError as exc:
        for field, message in exc.errors.items():
            print(f"chc-hub: {field}: {message}", file=sys.stderr)
        return 1
    except (ConfigError, SyncError) as exc:
        print(f"chc-hub: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
