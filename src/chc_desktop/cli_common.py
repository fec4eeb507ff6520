"""What the ``chc`` sub-command modules share: how they reach the database, the logged-in
services and the JSON printer (all handed over by cli.py), and finding a site by its name."""

from __future__ import annotations

import argparse
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
