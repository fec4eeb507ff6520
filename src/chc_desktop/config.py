"""Where things live: the data directory (platformdirs, or CHC_DATA_DIR), profiles, resources."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import platformdirs

APP_NAME = "CHCDesktop"
DEFAULT_PROFILE = "default"
DEMO_PROFILE = "demo"
_PROFILE_RE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")


def data_dir() -> Path:
    override = os.environ.get("CHC_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def check_profile(name: str) -> str:
    if not _PROFILE_RE.match(name):
        raise ValueError("配置名只能包含字母、数字、下划线和连字符")
    return name


def database_path(profile: str = DEFAULT_PROFILE) -> Path:
    """One SQLite file per user profile."""
    return data_dir() / "profiles" / check_profile(profile) / "chc.db"


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)  # PyInstaller bundle
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def forms_dir() -> Path:
    """The print templates (``forms/*.toml``): beside the resources, so a centre can adjust them."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "forms"
    return Path(__file__).resolve().parents[2] / "forms"
