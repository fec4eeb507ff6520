"""Password hashing with Argon2id (memory-hard), and the rules a new password must meet."""

from __future__ import annotations

import functools
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

# 64 MiB, 3 passes: about 0.1 s on the 2-core reference machine — slow for guessing, quick at login.
_HASHER = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=2)
MIN_LENGTH = 8


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


@functools.cache
def _stand_in() -> str:
    """What an unknown name's password is checked against (made once per process)."""
    return hash_password(secrets.token_urlsafe(16))


def check_login_password(stored_hash: str | None, password: str) -> bool:
    """A login's password check that costs the same whether the account exists or not: without a
    stored hash (an unknown or disabled name) the password is checked against a stand-in, and the
    answer is False — so the time of a refusal does not tell which names exist."""
    stand_in = _stand_in()  # first: the first login of a process pays for it whichever way it goes
    if not stored_hash:
        verify_password(stand_in, password)
        return False
    return verify_password(stored_hash, password)


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable, or None."""
    if len(password) < MIN_LENGTH:
        return f"密码至少 {MIN_LENGTH} 位"
    if password.isdigit() or password.isalpha():
        return "密码需同时包含字母和数字"
    return None
