"""The hub server's configuration: where its database is, its secret key, TLS and limits.

Read from a TOML file (``CHC_HUB_CONFIG`` or ``chc-hub --config``), or for a quick start from the
environment (``CHC_HUB_DATABASE_URL``, ``CHC_HUB_SECRET``). The file holds the database password
and the key that hashes every device credential: it belongs to the hub's service account alone
(0600), and this process is the only one that reads it.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import stat
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any


class ConfigError(ValueError):
    """The configuration cannot be used; the message says which setting and why."""


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = 16 * 1024 * 1024  # a push of 1,000 changes is well under 2 MB
    push_batch: int = 1000
    pull_batch: int = 10_000
    ids_batch: int = 5000
    requests_per_second: float = 30.0  # per device, with a burst of ``burst``
    burst: int = 300
    enrol_per_minute: int = 10  # per client address: codes and admin logins are guessed here
    statement_timeout_s: int = 120
    gzip_level: int = 1  # 5,000 residents: 5.3 MB -> 12 % in 20 ms (level 3: 11 %, 30 ms; 6: 9 %, 50 ms)


@dataclass(frozen=True)
class SnapshotSettings:
    """Where the hub keeps its sites' snapshots for new workstations (hub/snapshots.py), and
    whether it makes them by itself: when a new workstation asks and there is none, or the one
    there is older than ``max_age_hours`` (it is then still sent: the pull goes on from it)."""

    folder: Path | None = None  # None: no snapshots, a first sync pulls everything
    auto: bool = True
    max_age_hours: float = 24.0


@dataclass(frozen=True)
class HubConfig:
    database_url: str
    secret: bytes
    host: str = "127.0.0.1"
    port: int = 8443
    certificate: Path | None = None
    private_key: Path | None = None
    workers: int = 1
    behind_proxy: bool = False  # TLS ends at a reverse proxy on this machine
    limits: Limits = field(default_factory=Limits)
    snapshots: SnapshotSettings = field(default_factory=SnapshotSettings)

    @property
    def tls(self) -> bool:
        return self.certificate is not None

    def with_database(self, url: str) -> HubConfig:
        return replace(self, database_url=url)


def new_secret() -> str:
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()


def _secret(text: str, where: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(text.strip() + "=" * (-len(text.strip()) % 4))
    except ValueError:
        raise ConfigError(f"{where}：密钥应为 base64 文本（chc-hub init 生成）") from None
    if len(raw) < 16:
        raise ConfigError(f"{where}：密钥太短（至少 16 字节）")
    return raw


def load(path: Path | None = None) -> HubConfig:
    """The configuration from ``path``, else ``CHC_HUB_CONFIG``, else the environment."""
    path = path or (Path(os.environ["CHC_HUB_CONFIG"]) if os.environ.get("CHC_HUB_CONFIG") else None)
    if path is None:
        url, secret = os.environ.get("CHC_HUB_DATABASE_URL"), os.environ.get("CHC_HUB_SECRET")
        if not url or not secret:
            raise ConfigError("请用 --config 指定配置文件，或设置 CHC_HUB_DATABASE_URL 和 CHC_HUB_SECRET")
        folder = os.environ.get("CHC_HUB_SNAPSHOTS")
        snapshots = SnapshotSettings(Path(folder) if folder else None)
        return HubConfig(url, _secret(secret, "CHC_HUB_SECRET"), snapshots=snapshots)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"读不到配置文件 {path}（{exc.strerror}）") from None
    if os.name == "posix" and path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigError(f"配置文件 {path} 含数据库密码和密钥，只能由服务账户读取（chmod 600）")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"配置文件 {path} 格式不正确：{exc}") from None
    return from_mapping(raw, str(path), path.parent)


def from_mapping(raw: dict[str, Any], where: str, base: Path) -> HubConfig:
    url = raw.get("database_url")
    if not isinstance(url, str) or not url:
        raise ConfigError(f"{where}：缺少 database_url")
    if "secret" in raw:
        secret = _secret(str(raw["secret"]), where)
    elif "secret_file" in raw:
        secret = _secret(Path(base, raw["secret_file"]).read_text(encoding="ascii"), where)
    else:
        raise ConfigError(f"{where}：缺少 secret")
    server = raw.get("server", {})
    limits = raw.get("limits", {})
    snapshots = raw.get("snapshots", {})
    try:
        cert = server.get("certificate")
        key = server.get("private_key")
        return HubConfig(
            url,
            secret,
            host=str(server.get("host", "127.0.0.1")),
            port=int(server.get("port", 8443)),
            certificate=Path(base, cert) if cert else None,
            private_key=Path(base, key) if key else None,
            workers=int(server.get("workers", 1)),
            behind_proxy=bool(server.get("behind_proxy", False)),
            limits=replace(Limits(), **{k: type(getattr(Limits(), k))(v) for k, v in limits.items()}),
            snapshots=SnapshotSettings(
                # Beside the configuration by default: the hub's own private folder.
                Path(base, str(snapshots.get("folder", "snapshots"))),
                auto=_flag(snapshots.get("auto", True), "snapshots.auto"),
                max_age_hours=float(snapshots.get("max_age_hours", 24.0)),
            ),
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}：设置值不正确（{exc}）") from None


def _flag(value: Any, name: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{name} 应为 true 或 false")
    return value


def render(config: HubConfig, secret_text: str) -> str:
    """A configuration file's text (what ``chc-hub init --write-config`` writes)."""
    lines = [
        "# CHC Desktop hub server. Holds the database password and the credential key: chmod 600.",
        f"database_url = {_toml(config.database_url)}",
        f"secret = {_toml(secret_text)}",
        "",
        "[server]",
        f"host = {_toml(config.host)}",
        f"port = {config.port}",
    ]
    if config.certificate:
        lines += [
            f"certificate = {_toml(str(config.certificate))}",
            f"private_key = {_toml(str(config.private_key))}",
        ]
    lines += [f"workers = {config.workers}", ""]
    if config.snapshots.folder is not None:
        lines += [
            "# New workstations' first sync starts from their site's snapshot (made when asked, or by",
            "# chc-hub snapshot); the folder holds a street's health files: the service account's only.",
            "[snapshots]",
            f"folder = {_toml(str(config.snapshots.folder))}",
            f"auto = {'true' if config.snapshots.auto else 'false'}",
            f"max_age_hours = {config.snapshots.max_age_hours}",
            "",
        ]
    return "\n".join(lines)


def _toml(text: str) -> str:
    """A TOML basic string (a password may hold quotes or backslashes)."""
    return json.dumps(text, ensure_ascii=False)
