"""The one error type of the domain: a stable code, a Chinese message, and the field it concerns.

Messages say what is wrong, never echo the personal value itself (it may end up in a log).
"""

from __future__ import annotations


class DomainError(ValueError):
    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message
