"""Files that hold residents' data are the workstation user's alone.

On Linux and macOS: folders 0700 and files 0600, whatever the umask. A database's write-ahead log
and shared-memory file are created by SQLite with the database file's own mode, so a database
file made private before its first connection keeps its companions private too. On Windows a
user's profile folder (where the data directory lies) is already closed to other users; a folder
given elsewhere (CHC_DATA_DIR) is closed with an ACL granting only the current user.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import subprocess
import time
from pathlib import Path
from typing import IO, Any

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def private_dir(path: Path) -> Path:
    """``path`` as a folder only this OS user may enter (made with its parents when missing)."""
    path.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        if stat.S_IMODE(path.stat().st_mode) != PRIVATE_DIR:
            path.chmod(PRIVATE_DIR)
    else:  # pragma: no cover - Windows only
        _windows_owner_only(path)
    return path


def private_file(path: Path) -> Path:
    """Close an existing file to other users (POSIX; on Windows the folder's ACL does it)."""
    if os.name == "posix" and path.exists() and stat.S_IMODE(path.stat().st_mode) != PRIVATE_FILE:
        path.chmod(PRIVATE_FILE)
    return path


def private_open(path: Path, mode: str = "wb", encoding: str | None = None) -> IO[Any]:
    """``open(path, mode)`` for writing, the file created 0600 whatever the umask: ``w`` truncates,
    ``x`` refuses an existing file, ``a`` appends; ``b`` and ``+`` as for ``open``."""
    flags = os.O_CREAT | (os.O_RDWR if "+" in mode else os.O_WRONLY)
    if "x" in mode:
        flags |= os.O_EXCL
    elif "w" in mode:
        flags |= os.O_TRUNC
    elif "a" in mode:
        flags |= os.O_APPEND
    if "b" in mode:
        flags |= getattr(os, "O_BINARY", 0)  # Windows: no newline translation under the bytes
    return os.fdopen(os.open(path, flags, PRIVATE_FILE), mode.replace("x", "w"), encoding=encoding)


def private_database(path: Path) -> Path:
    """A database file (created empty when missing, so SQLite gives its log the same mode) and its
    companions, private, in a private folder."""
    private_dir(path.parent)
    if not path.exists():
        private_open(path, "xb").close()
    for p in (path, *(path.with_name(path.name + suffix) for suffix in SQLITE_COMPANIONS)):
        private_file(p)
    return path


def remove_stale(folder: Path, pattern: str, older_than_s: float) -> int:
    """Remove what a crashed run left behind (print previews' temporary PDFs and page images):
    entries matching ``pattern`` not touched for ``older_than_s``. Returns how many."""
    if not folder.is_dir():
        return 0
    removed = 0
    limit = time.time() - older_than_s
    for entry in folder.glob(pattern):
        with contextlib.suppress(OSError):
            if entry.stat().st_mtime < limit:
                if entry.is_dir():
                    shutil.rmtree(entry)
                else:
                    entry.unlink()
                removed += 1
    return removed


def _windows_owner_only(path: Path) -> None:  # pragma: no cover - Windows only
    user = os.environ.get("USERNAME")
    if not user:
        return
    # Inheritance off, then full control for this user alone (files inside inherit it).
    subprocess.run(
        ["icacls", str(path), "/inheritance:r", "/grant:r", f"{user}:(OI)(CI)F"],
        capture_output=True,
        check=False,
    )
