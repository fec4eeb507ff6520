"""Where the trace of an error nobody foresaw goes, with personal values masked.

A person sees one plain sentence and the crash file's name; the file, private to the OS user
(0600 in a 0700 folder of the data directory), holds the traceback for whoever fixes the bug. The
database engine hides SQL parameters from its errors (store/database.py), so names, ID numbers and
phones do not reach an exception by that road; what an exception's own message may still carry
is masked here: ID numbers, mobile and landline numbers, and any Chinese text (a name) — also in
the trace's code lines, which name their file and line for whoever looks them up.
"""

from __future__ import annotations

import datetime as dt
import re
import traceback
from pathlib import Path

from chc_desktop.config import data_dir
from chc_desktop.security.files import private_dir, private_open

KEEP = 20  # crash files kept; older ones are removed
_ID_NUMBER = re.compile(r"(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9])")
_PHONE = re.compile(r"(?<![0-9])(?:1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})(?![0-9])")
_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003134f]+")


def mask(text: str) -> str:
    """``text`` with ID numbers, phone numbers and Chinese text replaced."""
    text = _ID_NUMBER.sub("[ID]", text)
    text = _PHONE.sub("[TEL]", text)
    return _CJK.sub("＊", text)


def masked_trace(exc: BaseException) -> str:
    return mask("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))


def crash_dir() -> Path:
    return data_dir() / "crash"


def record(exc: BaseException) -> Path | None:
    """Write the masked trace to a new private crash file; its path, or None if it could not be
    written (a full disk must not turn one error into two)."""
    folder = crash_dir()
    try:
        private_dir(folder)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"crash-{stamp}.txt"
        with private_open(path, "x", encoding="utf-8") as f:
            f.write(f"{type(exc).__module__}.{type(exc).__qualname__} at {stamp} (UTC)\n\n")
            f.write(masked_trace(exc))
        for old in sorted(folder.glob("crash-*.txt"))[:-KEEP]:
            old.unlink(missing_ok=True)
        return path
    except OSError:
        return None
