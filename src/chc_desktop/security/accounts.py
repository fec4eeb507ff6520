"""What a staff account must look like: checked where an account is made, on a workstation that
keeps its own accounts and on the hub that keeps a district's."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from chc_desktop.security.passwords import password_problem
from chc_desktop.security.roles import ROLE_LABELS, Role

USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


def account_problems(username: str, display_name: str, role: str, password: str | None) -> dict[str, str]:
    """Field → what is wrong; ``password`` None when it is not being set."""
    errors: dict[str, str] = {}
    if not username or not set(username) <= USERNAME_CHARS or len(username) > 40:
        errors["username"] = "用户名只能用小写字母、数字和 . _ -，不超过 40 位"
    if not display_name.strip():
        errors["display_name"] = "请填写姓名"
    elif len(display_name.strip()) > 40:
        errors["display_name"] = "姓名不超过 40 字"
    if role not in {r.value for r in Role}:
        errors["role"] = "请选择角色"
    problem = password_problem(password) if password is not None else None
    if problem:
        errors["password"] = problem
    return errors


@dataclass(frozen=True)
class AccountInfo:
    """An account as a list shows it (no password hash): on a workstation and at the hub."""

    id: uuid.UUID
    username: str
    display_name: str
    role: str
    role_label: str
    site_id: uuid.UUID | None
    active: bool

    @classmethod
    def of(
        cls,
        id: uuid.UUID,
        username: str,
        display_name: str,
        role: str,
        site_id: uuid.UUID | None,
        active: bool,
    ) -> AccountInfo:
        label = ROLE_LABELS[Role(role)] if role in set(Role) else role
        return cls(id, username, display_name, role, label, site_id, active)
