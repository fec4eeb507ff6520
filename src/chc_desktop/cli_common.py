"""What the ``chc`` sub-command modules share: how they reach the database, the logged-in
services and the JSON printer (all handed over by cli.py), finding a site by its name, and reading a
date typed on the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import uuid
from collections.abc import Callable, Sequence
from typing import Any

from chc_desktop.services.app import Services
from chc_desktop.services.errors import ServiceError
from chc_desktop.store.database import Database

Opener = Callable[[argparse.Namespace], Database]
Login = Callable[[argparse.Namespace, Database], Services]
Emit = Callable[[Any], None]


def site_named(services: Services, name: str, kinds: Sequence[str], what: str = "机构") -> uuid.UUID:
    """The site of one of ``kinds`` with this name (or id); a clear error when there is none."""
    for kind in kinds:
        for site in services.sites.list(kind):
            if name in (site.name, str(site.id)):
                return site.id
    raise ServiceError(f"找不到{what}“{name}”")


def parse_date(text: str) -> dt.date:
    """A YYYY-MM-DD date, or one clear line saying it is not one."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip()):
            return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    raise ServiceError(f"日期“{text}”无效，应为 YYYY-MM-DD")
