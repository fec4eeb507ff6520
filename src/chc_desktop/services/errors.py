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


def for_people(exc: BaseException) -> str:
    """What a person is told of ``exc``: an error written for people as it is; any other (a bug,
    an unforeseen database error) as one plain sentence, its trace kept in a private crash file
    with personal values masked — never SQL, parameters or values on the screen or in a log."""
    from chc_desktop.printing.raster import RasterError
    from chc_desktop.printing.template import TemplateError
    from chc_desktop.security import crash_reports
    from chc_desktop.store.database import DatabaseError
    from chc_desktop.sync.protocol import SyncError

    if isinstance(exc, ServiceError | DatabaseError | SyncError | DomainError | RasterError | TemplateError):
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:  # a full disk, a folder not writable: no path
        return f"读写文件失败：{exc.strerror}"
    path = crash_reports.record(exc)
    where = f"错误记录（不含个人信息）已保存为 {path}" if path else "错误记录未能保存"
    return f"程序内部错误，这一步没有完成；已保存的数据不受影响。{where}，请交给信息科。"
