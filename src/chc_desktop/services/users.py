"""Staff accounts and login: Argon2id hashes, lockout after repeated failures, first administrator."""

from __future__ import annotations

import builtins
import datetime as dt
import uuid

from sqlalchemy import func, select

from chc_desktop.security.accounts import AccountInfo, account_problems
from chc_desktop.security.passwords import (
    check_login_password,
    hash_password,
    password_problem,
    verify_password,
)
from chc_desktop.security.roles import Permission, Role
from chc_desktop.services.context import Context, CurrentUser
from chc_desktop.services.errors import LoginFailed, NotFound, ServiceError, ValidationFailed
from chc_desktop.services.hub_admin import HubAdmin, enrolled
from chc_desktop.services.settings import read_policy
from chc_desktop.store.base import utcnow
from chc_desktop.store.database import Database
from chc_desktop.store.models import AuditEntry, StaffUser

UserInfo = AccountInfo


def _info(u: StaffUser) -> UserInfo:
    return AccountInfo.of(u.id, u.username, u.display_name, u.role, u.site_id, u.active)


def _current(u: StaffUser) -> CurrentUser:
    return CurrentUser(u.id, u.username, u.display_name, u.role, u.site_id)


def _check_new_user(username: str, display_name: str, role: str, password: str) -> dict[str, str]:
    return account_problems(username, display_name, role, password)


def has_users(db: Database) -> bool:
    with db.reader() as s:
        return bool(s.scalar(select(func.count()).select_from(StaffUser)))


def create_first_admin(
    db: Database, username: str, display_name: str, password: str, site_id: uuid.UUID | None = None
) -> UserInfo:
    """The first account of a new database; refused once any account exists."""
    username = username.strip().lower()
    errors = _check_new_user(username, display_name, Role.ADMIN, password)
    if errors:
        raise ValidationFailed(errors)
    with db.unit_of_work(None) as s:
        if s.scalar(select(func.count()).select_from(StaffUser)):
            raise ServiceError("已有用户，不能再创建初始管理员")
        user = StaffUser(
            username=username,
            display_name=display_name.strip(),
            role=Role.ADMIN,
            password_hash=hash_password(password),
            site_id=site_id,
        )
        s.add(user)
        s.flush()
        s.add(
            AuditEntry(
                user_id=user.id,
                action="user.create",
                entity="staff_users",
                entity_id=user.id,
                detail={"role": "admin", "first": True},
            )
        )
        return _info(user)


WRONG_LOGIN = "用户名或密码不正确"


def login(db: Database, username: str, password: str) -> CurrentUser:
    """Check a password; count failures and lock the account for a while after too many."""
    username = username.strip().lower()
    now = utcnow()
    with db.unit_of_work(None) as s:
        user = s.scalars(select(StaffUser).where(StaffUser.username == username)).first()
        if user is not None and (not user.active or user.deleted_at is not None):
            user = None
        # One Argon2 check on every path, so the time of an answer does not tell which names exist.
        good = check_login_password(user.password_hash if user else None, password)
        if user is None:
            s.add(AuditEntry(action="login.fail", detail={"reason": "unknown_user"}))
            failure = WRONG_LOGIN
        elif user.locked_until and user.locked_until > now:
            minutes = int((user.locked_until - now).total_seconds() // 60) + 1
            s.add(AuditEntry(user_id=user.id, action="login.fail", detail={"reason": "locked"}))
            failure = f"连续输错密码次数过多，账户已锁定，请 {minutes} 分钟后再试"
        elif not good:
            user.failed_logins += 1
            failure = WRONG_LOGIN  # the same words as for an unknown name
            limit = int(read_policy(s, "security.max_failed_logins"))
            if user.failed_logins >= limit:
                minutes = int(read_policy(s, "security.lockout_minutes"))
                user.locked_until = now + dt.timedelta(minutes=minutes)
                user.failed_logins = 0
                failure = f"连续输错密码次数过多，账户已锁定 {minutes} 分钟"
            s.add(AuditEntry(user_id=user.id, action="login.fail", detail={"reason": "password"}))
        else:
            user.failed_logins = 0
            user.locked_until = None
            s.add(AuditEntry(user_id=user.id, action="login.ok"))
            return _current(user)
    raise LoginFailed(failure)


class UserService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def list(self) -> list[UserInfo]:
        self.ctx.require(Permission.RESIDENT_READ)
        with self.ctx.db.reader() as s:
            return [_info(u) for u in s.scalars(select(StaffUser).order_by(StaffUser.username))]

    def staff(self, role: str) -> builtins.list[UserInfo]:
        """Active staff of a role, for choosers (责任医生…)."""
        return [u for u in self.list() if u.role == role and u.active]

    def hub_login(self, password: str) -> None:
        """On an enrolled workstation: log this administrator in to the hub for this session."""
        self.ctx.require(Permission.USER_MANAGE)
        HubAdmin(self.ctx).login(password)

    def add(
        self, username: str, display_name: str, role: str, password: str, site_id: uuid.UUID | None = None
    ) -> UserInfo:
        username = username.strip().lower()
        errors = _check_new_user(username, display_name, role, password)
        if errors:
            raise ValidationFailed(errors)
        if enrolled(self.ctx):  # the hub keeps the accounts; it makes it for this site
            self.ctx.require(Permission.USER_MANAGE)
            body = {
                "username": username,
                "display_name": display_name.strip(),
                "role": role,
                "password": password,
            }
            made = HubAdmin(self.ctx).call("POST", "/users", body)
            user_id = uuid.UUID(made["id"])
            self._after_hub(user_id, "user.create", role=role)
            return next(u for u in self.list() if u.id == user_id)
        with self.ctx.work(Permission.USER_MANAGE) as s:
            if s.scalars(select(StaffUser).where(StaffUser.username == username)).first():
                raise ValidationFailed({"username": "该用户名已存在"})
            user = StaffUser(
                username=username,
                display_name=display_name.strip(),
                role=role,
                password_hash=hash_password(password),
                site_id=site_id,
            )
            s.add(user)
            s.flush()
            self.ctx.audit(s, "user.create", "staff_users", user.id, role=role)
            return _info(user)

    def set_password(self, user_id: uuid.UUID, password: str) -> None:
        problem = password_problem(password)
        if problem:
            raise ValidationFailed({"password": problem})
        if self.ctx.user is None or self.ctx.user.id != user_id:
            self.ctx.require(Permission.USER_MANAGE)
        if enrolled(self.ctx):
            HubAdmin(self.ctx).call("PATCH", f"/users/{user_id}", {"password": password})
            self._after_hub(user_id, "user.password")
            return
        with self.ctx.db.unit_of_work(self.ctx.user.id if self.ctx.user else None) as s:
            user = s.get(StaffUser, user_id)
            if user is None:
                raise NotFound("找不到该用户")
            user.password_hash = hash_password(password)
            user.failed_logins, user.locked_until = 0, None
            self.ctx.audit(s, "user.password", "staff_users", user_id)

    def change_own_password(self, old: str, new: str) -> None:
        """The logged-in user's own password: at the hub when enrolled (it checks the old one)."""
        user = self.ctx.user
        if user is None:
            raise ServiceError("请先登录")
        problem = password_problem(new)
        if problem:
            raise ValidationFailed({"password": problem})
        if not enrolled(self.ctx):
            with self.ctx.db.reader() as s:
                row = s.get(StaffUser, user.id)
                if row is None or not verify_password(row.password_hash, old):
                    raise ValidationFailed({"old_password": "原密码不正确"})
            self.set_password(user.id, new)
            return
        HubAdmin(self.ctx).change_own_password(old, new)
        self._after_hub(user.id, "user.password")

    def _after_hub(self, user_id: uuid.UUID, action: str, **detail: str) -> None:
        """What the hub now holds comes back at once; the local audit says who asked for it."""
        HubAdmin(self.ctx).fetch([user_id])
        with self.ctx.db.unit_of_work(self.ctx.user.id if self.ctx.user else None) as s:
            self.ctx.audit(s, action, "staff_users", user_id, via="hub", **detail)

    def set_active(self, user_id: uuid.UUID, active: bool) -> None:
        if enrolled(self.ctx):
            self.ctx.require(Permission.USER_MANAGE)
            if self.ctx.user and user_id == self.ctx.user.id and not active:
                raise ServiceError("不能停用自己的账户")
            HubAdmin(self.ctx).call("PATCH", f"/users/{user_id}", {"active": active})
            self._after_hub(user_id, "user.activate" if active else "user.deactivate")
            return
        with self.ctx.work(Permission.USER_MANAGE) as s:
            user = s.get(StaffUser, user_id)
            if user is None:
                raise NotFound("找不到该用户")
            if not active and self.ctx.user and user.id == self.ctx.user.id:
                raise ServiceError("不能停用自己的账户")
            user.active = active
            self.ctx.audit(s, "user.activate" if active else "user.deactivate", "staff_users", user_id)
