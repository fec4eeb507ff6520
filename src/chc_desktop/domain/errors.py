"""The one error type of the domain: a stable code, a Chinese message, and the field it concerns.

Messages say what is wrong and never echo the personal value itself, because they end up in logs
and on screens that others can see.
"""

from __future__ import annotations


class DomainError(ValueError):
    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code  # stable, for code and tests: "id_number.check_digit"
        self.message = message  # Chinese, for the user
        self.field = field  # the form field it concerns, if any

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[type[DomainError], tuple[str, str, str | None]]:
        # The default pickling passes only args=(message,) back; worker processes need all three.
        return (type(self), (self.code, self.message, self.field))
