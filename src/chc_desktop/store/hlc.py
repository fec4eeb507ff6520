"""Hybrid logical clock stamps for per-field merge.

A stamp is a fixed-width string, so comparing strings compares clocks:
``<13-digit unix ms>.<5-digit counter>.<32-hex device id>``. The device id breaks ties, so two
stamps are never equal across devices.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

MAX_COUNTER = 99_999
# The only form a stamp takes: fixed width, so that comparing texts compares clocks.
STAMP_FORM = re.compile(r"[0-9]{13}\.[0-9]{5}\.[0-9a-f]{32}")


def check_stamp(text: object) -> str:
    """``text`` if it is a stamp in the fixed form, else ValueError."""
    if not isinstance(text, str) or STAMP_FORM.fullmatch(text) is None:
        raise ValueError("时间戳格式不正确")
    return text


@dataclass(frozen=True, order=True)
class Stamp:
    millis: int
    counter: int
    device: str

    def __str__(self) -> str:
        return f"{self.millis:013d}.{self.counter:05d}.{self.device}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        millis, counter, device = text.split(".")
        return cls(int(millis), int(counter), device)


def stamp_time(stamp: str) -> dt.datetime:
    """The wall-clock time (UTC) a stamp was made at, to the millisecond."""
    return _millis_time(int(stamp[:13]))


@functools.lru_cache(maxsize=4096)  # rows of one bulk load share their milliseconds
def _millis_time(millis: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(millis / 1000, dt.UTC)


class HybridClock:
    """Thread-safe HLC for one device; ``observe`` merges stamps received from elsewhere."""

    def __init__(
        self, device_id: uuid.UUID, last: str | None = None, wall: Callable[[], int] | None = None
    ) -> None:
        self._device = device_id.hex
        self._wall = wall or (lambda: time.time_ns() // 1_000_000)
        self._lock = threading.Lock()
        self._millis, self._counter = 0, 0
        if last:
            self.observe(last)

    def now(self) -> str:
        with self._lock:
            wall = self._wall()
            if wall > self._millis:
                self._millis, self._counter = wall, 0
            else:
                self._tick()
            return str(Stamp(self._millis, self._counter, self._device))

    def observe(self, stamp: str) -> None:
        other = Stamp.parse(stamp)
        with self._lock:
            if other.millis > self._millis:
                self._millis, self._counter = other.millis, other.counter
            elif other.millis == self._millis and other.counter > self._counter:
                self._counter = other.counter

    def _tick(self) -> None:
        self._counter += 1
        if self._counter > MAX_COUNTER:
            self._millis, self._counter = self._millis + 1, 0
