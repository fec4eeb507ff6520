"""Schema migrations with Alembic (batch mode for SQLite), run by the app on start.

A database whose revision this program does not know was written by a newer version: it is
refused untouched. Every released revision must migrate forward to head (tests/store).
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


HEAD: str = script().get_current_head() or "base"


@dataclass(frozen=True)
class RevisionState:
    current: str | None  # None: a new, empty database
    pending: bool
    newer: bool


@functools.cache
def known_revisions() -> frozenset[str]:
    """Every revision this program knows (read once: walking the scripts took ~25 ms, and every
    sync asks for the database's schema)."""
    return frozenset(rev.revision for rev in script().walk_revisions())


def inspect_revision(path: Path) -> RevisionState:
    current: str | None = None
    if path.exists() and path.stat().st_size > 0:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            has = con.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            if has:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                current = row[0] if row else None
        finally:
            con.close()
    if current is None:
        return RevisionState(None, True, False)
    if current not in known_revisions():
        return RevisionState(current, False, True)
    return RevisionState(current, current != HEAD, False)


def upgrade(engine: Engine, target: str = "head") -> None:
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
