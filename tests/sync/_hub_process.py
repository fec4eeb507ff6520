"""A hub server in a process of its own, as ``chc-hub serve`` runs it, which can be told to die
(SIGKILL) at a chosen point: tests/sync/test_hub_process.py.

usage: python -m tests.sync._hub_process CONFIG PORT [POINT N]
POINT: push-before-commit | push-after-commit | pull   (die at the N-th such call)
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import Any

import uvicorn

from chc_desktop.hub import storage
from chc_desktop.hub.api import create_app
from chc_desktop.hub.config import load


def main() -> None:
    config = load(Path(sys.argv[1]))
    port = int(sys.argv[2])
    point, n = (sys.argv[3], int(sys.argv[4])) if len(sys.argv) > 4 else ("", 0)
    calls = {"n": 0}

    def die_on_nth() -> None:
        calls["n"] += 1
        if calls["n"] >= n:
            os.kill(os.getpid(), signal.SIGKILL)

    if point == "push-before-commit":  # the batch is written, the transaction not committed
        flush = storage._Batch.flush

        def dying_flush(self: Any) -> Any:
            result = flush(self)
            if not self.hub_write:
                die_on_nth()
            return result

        storage._Batch.flush = dying_flush  # type: ignore[method-assign]
    elif point == "push-after-commit":  # committed, the device never hears back
        push = storage.Hub.push

        def dying_push(self: Any, *args: Any, **kw: Any) -> Any:
            result = push(self, *args, **kw)
            die_on_nth()
            return result

        storage.Hub.push = dying_push  # type: ignore[method-assign]
    elif point == "pull":  # the connection is cut while a pull is being answered
        pull = storage.Hub.pull

        def dying_pull(self: Any, *args: Any, **kw: Any) -> Any:
            result = pull(self, *args, **kw)
            die_on_nth()
            return result

        storage.Hub.pull = dying_pull  # type: ignore[method-assign]
    uvicorn.run(
        create_app(config),
        host="127.0.0.1",
        port=port,
        log_level="error",
        access_log=False,
        ssl_certfile=str(config.certificate) if config.certificate else None,
        ssl_keyfile=str(config.private_key) if config.private_key else None,
    )


if __name__ == "__main__":
    main()
