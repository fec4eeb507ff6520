"""How this workstation reaches its hub: what it keeps of the hub (address, pinned certificate,
the hub's id) and the one place a client is made from it, for syncing and for administration."""

from __future__ import annotations

from chc_desktop.services.context import Context
from chc_desktop.services.errors import ServiceError
from chc_desktop.store.database import HUB_URL_KEY, LEGACY_PREFIX, Database
from chc_desktop.sync import credentials
from chc_desktop.sync.client import TIMEOUT_S, HubClient
from chc_desktop.sync.protocol import SyncError

FINGERPRINT_KEY = "sync.hub_fingerprint"  # the hub certificate's SHA-256, pinned at enrolment
HUB_ID_KEY = "sync.hub_id"


class NeedToken(ServiceError):
    """No stored credential: the user must type it (and we say why)."""


def enrolled(db: Database) -> bool:
    """Enrolled at a hub server (not alone, and not waiting to re-enrol after version 1)."""
    return (db.meta(HUB_URL_KEY) or "").startswith(("https://", "http://"))


def connect(ctx: Context, token: str | None = None, timeout: float = TIMEOUT_S) -> HubClient:
    """The hub as this enrolled workstation reaches it, with the credential given, else the
    keyring's, else the one typed earlier in this session."""
    db = ctx.db
    url = db.meta(HUB_URL_KEY)
    if url is None:
        raise SyncError("本工作站尚未连接中心：请向管理员申请登记码，在“同步”页面或用 chc sync enrol 登记。")
    if url.startswith(LEGACY_PREFIX):
        raise SyncError(
            "本工作站按旧方式直接连接中心数据库，现已停用：请向管理员申请登记码重新登记"
            "（“同步”页面或 chc sync enrol）。待上传的修改都会保留，登记后照常发送。"
        )
    token = token or credentials.load_token(db.device_id) or ctx.hub_token
    if not token:
        raise NeedToken(
            credentials.NO_KEYRING if not credentials.keyring_available() else "请输入本工作站的中心凭据。"
        )
    return HubClient(url, token, db.meta(FINGERPRINT_KEY) or None, timeout=timeout)


__all__ = ["FINGERPRINT_KEY", "HUB_ID_KEY", "NeedToken", "connect", "enrolled"]
