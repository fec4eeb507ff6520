"""Errors a service raises for the user to read (Chinese, no personal values)."""

from __future__ import annotations

from chc_desktop.domain.errors import DomainError


class ServiceError(Exception):
    """Something the user asked for cannot be done; ``str()`` says why."""


class PermissionDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class ValidationFailed(ServiceError):
    """One or more fields are wrong; ``errors`` maps field → message."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = errors
        super().__init__("；".join(errors.values()))

    @classmethod
    def of(cls, error: DomainError) -> ValidationFailed:
        return cls({error.field or "_": error.message})


class LoginFailed(ServiceError):
    pass
