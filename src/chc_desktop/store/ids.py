"""Row identifiers made on the device: time-ordered UUIDs (RFC 9562 version 7).

Time order keeps B-tree inserts local, and ids made offline on two devices never collide.
"""

from __future__ import annotations

import os
import time
import uuid

# A stable namespace for ids derived from natural keys (sites, settings): every device derives
# the same id for the same key, so seeded reference rows never conflict in sync.
NATURAL_KEY_NAMESPACE = uuid.UUID("6f1c2b9e-5a4d-4c1e-9a57-2f0d8c3b7e11")

_last_ms = 0
_seq = 0


def new_id() -> uuid.UUID:
    """A version-7 UUID; monotonic within this process even when the clock stalls."""
    global _last_ms, _seq
    ms = time.time_ns() // 1_000_000
    if ms <= _last_ms:
        ms = _last_ms
        _seq = (_seq + 1) & 0xFFF
        if _seq == 0:
            ms += 1
        rand = int.from_bytes(os.urandom(8), "big")
    else:
        rand = int.from_bytes(os.urandom(10), "big")  # one system call for both random fields
        _seq = (rand >> 64) & 0x3FF
    _last_ms = ms
    rand_b = rand & ((1 << 62) - 1)
    value = (ms << 80) | (0x7 << 76) | (_seq << 64) | (0b10 << 62) | rand_b
    return uuid.UUID(int=value)


def natural_id(*parts: str) -> uuid.UUID:
    """The same id on every device for the same natural key."""
    return uuid.uuid5(NATURAL_KEY_NAMESPACE, "\x1f".join(parts))
