"""The workstation's hub token, kept in the system keyring and nowhere else.

Where no keyring backend exists (a bare Linux box, a locked-down profile) the token is asked for at
each sync and never written down: a plaintext fallback would put every resident's file one copied
folder away from anyone.
"""

from __future__ import annotations

import contextlib
import uuid

import keyring
from keyring.errors import KeyringError

SERVICE = "CHC Desktop hub"
NO_KEYRING = (
    "本机没有可用的系统钥匙串（keyring），中心同步凭据不能安全保存，因此每次同步都需要输入；"
    "本程序不会把凭据写入任何文件。"
)


def keyring_available() -> bool:
    backend = keyring.get_keyring()
    return getattr(backend, "priority", 0) > 0 and type(backend).__module__ != "keyring.backends.fail"


def save_token(device_id: uuid.UUID, token: str) -> bool:
    """Keep the token; False where there is no keyring (the caller then asks each time)."""
    if not keyring_available():
        return False
    try:
        keyring.set_password(SERVICE, device_id.hex, token)
    except KeyringError:
        return False
    return True


def load_token(device_id: uuid.UUID) -> str | None:
    if not keyring_available():
        return None
    try:
        return keyring.get_password(SERVICE, device_id.hex)
    except KeyringError:
        return None


def forget_token(device_id: uuid.UUID) -> None:
    if keyring_available():
        with contextlib.suppress(KeyringError):
            keyring.delete_password(SERVICE, device_id.hex)
