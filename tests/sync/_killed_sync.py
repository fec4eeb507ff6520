"""Run one sync in this process and SIGKILL it at a chosen point (tests/sync/test_kill.py).

usage: python -m tests.sync._killed_sync DB HUB_URL POINT N   (credential in CHC_TEST_TOKEN)
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

from chc_desktop.store.database import Database
from chc_desktop.sync import device as device_module
from chc_desktop.sync.client import HubClient


def main() -> None:
    db_path, url, point, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    device_module.PUSH_BATCH = 5
    device_module.PULL_BATCH = 7
    device_module.BULK_BATCH = 7
    device_module.BULK_PULL = 1  # the first-sync path, so a kill there is covered too
    calls = {"n": 0}

    def die_on(count: int) -> None:
        calls["n"] += 1
        if calls["n"] >= count:
            os.kill(os.getpid(), signal.SIGKILL)

    class KillingHub(HubClient):
        def push(self, changes: Any) -> Any:
            if point == "before-push":
                die_on(n)
            result = super().push(changes)
            if point == "after-hub-commit":  # the hub has it, the device never hears back
                die_on(n)
            return result

    original_apply = device_module.DeviceSync.apply

    def apply(self: device_module.DeviceSync, conn: Any, rows: Any) -> int:
        changed = original_apply(self, conn, rows)
        if point == "mid-apply":  # rows written, transaction not committed
            die_on(n)
        return changed

    device_module.DeviceSync.apply = apply  # type: ignore[method-assign]
    db = Database(Path(db_path))
    device_module.DeviceSync(db, KillingHub(url, os.environ["CHC_TEST_TOKEN"], None)).run()


if __name__ == "__main__":
    main()
