"""Snapshots for a new workstation's first sync (机构快照).

A new workstation of a centre's street would pull a million rows batch by batch: JSON, checks,
merges and inserts row by row. Instead the hub keeps, per site, one workstation database holding
exactly what that site's workstations may see, made by a workstation's own pull (sync/device.py)
run here against the hub's storage — the same scope, the same blanked password hashes of other
sites, the same search keys and digest sums. A new workstation downloads it, copies it in one
pass (store/snapshot.py) and pulls on from the cursor it was made at, so a snapshot may be old:
it is only a head start.

Files live in the hub's snapshot folder (0700, each file 0600: they hold a street's health files),
are named by their content's hash, and are described by a small JSON file per site that is
replaced atomically — a workstation downloading while a newer snapshot is made keeps reading the
file it opened.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import gzip
import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, cast

from chc_desktop.hub.devices import place_of
from chc_desktop.hub.schema import hub_engine
from chc_desktop.hub.storage import Hub, WireBatch
from chc_desktop.security.files import SQLITE_COMPANIONS, private_dir, private_open
from chc_desktop.store import migrate
from chc_desktop.store.database import Database
from chc_desktop.store.snapshot import newest_stamp, write_info
from chc_desktop.sync import wire
from chc_desktop.sync.client import HubClient
from chc_desktop.sync.device import CURSOR_KEY, SYNCED, DeviceSync, SyncReport, device_lock, device_schema
from chc_desktop.sync.protocol import Cursor, DeviceInfo, PullBatch

GZIP_LEVEL = 6  # made once, downloaded by every new workstation of the site: size over speed
CHUNK = 1 << 20

Progress = Callable[[str, int, int], None]
log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class SnapshotInfo:
    site_id: uuid.UUID
    street_id: uuid.UUID | None
    file: str  # name in the folder
    cursor: str
    schema: str
    rows: int
    sha256: str  # of the compressed file, as sent
    size: int
    built_at: dt.datetime
    seconds: float

    def to_json(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d.update(
            site_id=self.site_id.hex,
            street_id=self.street_id.hex if self.street_id else None,
            built_at=self.built_at.isoformat(),
        )
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> SnapshotInfo:
        return cls(
            uuid.UUID(d["site_id"]),
            uuid.UUID(d["street_id"]) if d.get("street_id") else None,
            str(d["file"]),
            str(d["cursor"]),
            str(d["schema"]),
            int(d["rows"]),
            str(d["sha256"]),
            int(d["size"]),
            dt.datetime.fromisoformat(d["built_at"]),
            float(d["seconds"]),
        )


def is_fresh(info: SnapshotInfo | None, max_age_hours: float) -> bool:
    """Made by this version's schema less than ``max_age_hours`` ago."""
    if info is None or info.schema != migrate.HEAD:
        return False
    return dt.datetime.now(dt.UTC) - info.built_at < dt.timedelta(hours=max_age_hours)


class _NoTransport:
    """What a pull asks of a client's connection: nothing to close here."""

    timeout = 60.0

    def close(self) -> None:
        pass


class LocalHub:
    """The hub's storage as a workstation's pull sees its hub: the answers it would get over HTTP
    (the same bytes), for one site."""

    def __init__(self, hub: Hub, device: DeviceInfo) -> None:
        self.hub, self.device = hub, device
        self.transport = _NoTransport()

    def pending_count(self, cursor: Cursor) -> int:
        return self.hub.pending_count(self.device, cursor)

    def pull_raw(self, cursor: Cursor, limit: int) -> tuple[bytes, Cursor, bool]:
        b = self.hub.pull(self.device, cursor, limit)
        return _body(b), b.cursor, b.more

    def pull(self, cursor: Cursor, limit: int) -> PullBatch:
        return wire.batch_in(wire.loads(_body(self.hub.pull(self.device, cursor, limit))))

    def snapshot(self, *args: Any, **kw: Any) -> None:
        return None  # a snapshot is made from rows, never from another snapshot


def _body(b: WireBatch) -> bytes:
    return wire.dumps({"rows": b.rows, "cursor": str(b.cursor), "more": b.more})


class Snapshots:
    """The snapshot folder of one hub."""

    def __init__(self, hub: Hub, folder: Path) -> None:
        self.hub, self.folder = hub, folder

    def _described(self, site_id: uuid.UUID) -> Path:
        return self.folder / f"{site_id.hex}.json"

    def info(self, site_id: uuid.UUID) -> SnapshotInfo | None:
        try:
            return SnapshotInfo.from_json(json.loads(self._described(site_id).read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def open_for(self, device: DeviceInfo, schema: str) -> tuple[Any, SnapshotInfo] | None:
        """The newest snapshot a workstation of this site and schema may take, opened (the file
        stays readable if a newer one replaces it meanwhile), or None."""
        info = self.info(device.site_id)
        if info is None or info.schema != schema or info.street_id != device.street_id:
            return None  # the site moved street since: its old snapshot would miss the new street
        try:
            return (self.folder / info.file).open("rb"), info
        except OSError:
            return None

    def build(
        self, site_id: uuid.UUID, progress: Progress | None = None, unless_fresh: float | None = None
    ) -> SnapshotInfo:
        """Make the site's snapshot now (one build per site at a time; with ``unless_fresh``, not
        if one younger than that many hours is there by then); returns its description."""
        private_dir(self.folder)
        started = time.perf_counter()
        with device_lock(self.folder / f"{site_id.hex}.build"):
            with self.hub.engine.connect() as conn:
                street, centre = place_of(conn, site_id)
            current = self.info(site_id)
            if (
                unless_fresh is not None
                and current is not None
                and current.street_id == street
                and is_fresh(current, unless_fresh)
            ):
                return current
            device = DeviceInfo(uuid.UUID(int=0), "snapshot", site_id, street, centre)
            scratch = self.folder / f"{site_id.hex}.building.db"
            _remove(scratch)
            try:
                rows, cursor, schema, newest = _pull_into(scratch, LocalHub(self.hub, device), progress)
                write_info(
                    scratch,
                    {
                        "site": site_id.hex,
                        "street": street.hex if street else "",
                        "cursor": cursor,
                        "schema": schema,
                        "newest": newest,
                        "built_at": dt.datetime.now(dt.UTC).isoformat(),
                    },
                )
                sha, size, name = self._compress(scratch, site_id)
            finally:
                _remove(scratch)
            info = SnapshotInfo(
                site_id,
                street,
                name,
                cursor,
                schema,
                rows,
                sha,
                size,
                dt.datetime.now(dt.UTC),
                round(time.perf_counter() - started, 1),
            )
            _write_atomic(self._described(site_id), json.dumps(info.to_json(), ensure_ascii=False).encode())
            self._forget_old(site_id, keep=name)
        return info

    def _compress(self, scratch: Path, site_id: uuid.UUID) -> tuple[str, int, str]:
        partial = self.folder / f"{site_id.hex}.partial.gz"
        digest = hashlib.sha256()
        with private_open(partial, "wb") as raw:
            hashing = _Hashing(raw, digest)
            with (
                scratch.open("rb") as src,
                gzip.GzipFile(fileobj=hashing, mode="wb", compresslevel=GZIP_LEVEL, mtime=0) as gz,
            ):
                shutil.copyfileobj(src, gz, CHUNK)
            raw.flush()
            os.fsync(raw.fileno())
        sha = digest.hexdigest()
        name = f"{site_id.hex}-{sha[:16]}.db.gz"
        os.replace(partial, self.folder / name)
        return sha, (self.folder / name).stat().st_size, name

    def _forget_old(self, site_id: uuid.UUID, keep: str) -> None:
        # A download that opened an older file keeps reading it after the unlink.
        for old in self.folder.glob(f"{site_id.hex}-*.db.gz"):
            if old.name != keep:
                with contextlib.suppress(OSError):
                    old.unlink()


class SnapshotMaker:
    """The server's own snapshot making: asked when a new workstation finds none (or an old one),
    it makes the site's snapshot in a child process — its memory and its pause of the cycle
    collector stay out of the server — one site at a time."""

    def __init__(self, database_url: str, folder: Path, max_age_hours: float) -> None:
        self.database_url, self.folder, self.max_age_hours = database_url, folder, max_age_hours
        self._lock = threading.Lock()
        self._queued: set[uuid.UUID] = set()
        self._runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chc-snapshot")
        self._child: Any = None

    def request(self, site_id: uuid.UUID) -> None:
        with self._lock:
            if site_id in self._queued:
                return
            self._queued.add(site_id)
        self._runner.submit(self._make, site_id)

    def _make(self, site_id: uuid.UUID) -> None:
        try:
            child = multiprocessing.get_context("spawn").Process(
                target=make_in_child,
                args=(self.database_url, str(self.folder), site_id.hex, self.max_age_hours),
                name="chc-snapshot",
            )
            self._child = child
            child.start()
            child.join()
            if child.exitcode:
                log.error("snapshot for site=%s failed exit=%s", site_id.hex, child.exitcode)
        finally:
            self._child = None
            with self._lock:
                self._queued.discard(site_id)

    def busy(self) -> bool:
        with self._lock:
            return bool(self._queued)

    def stop(self) -> None:
        self._runner.shutdown(wait=False, cancel_futures=True)
        child = self._child
        if child is not None and child.is_alive():
            child.terminate()
            child.join(10)


def make_in_child(database_url: str, folder: str, site_hex: str, max_age_hours: float) -> None:
    """A snapshot made in a process of its own (SnapshotMaker's child)."""
    engine = hub_engine(database_url)
    try:
        info = Snapshots(Hub(engine), Path(folder)).build(uuid.UUID(site_hex), unless_fresh=max_age_hours)
        log.info("snapshot site=%s rows=%s bytes=%s s=%s", site_hex, info.rows, info.size, info.seconds)
    finally:
        engine.dispose()


class _Hashing:
    """A file being written whose bytes are hashed on the way (the hash is what a download checks)."""

    def __init__(self, raw: Any, digest: Any) -> None:
        self.raw, self.digest = raw, digest

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return int(self.raw.write(data))

    def flush(self) -> None:
        self.raw.flush()


def _pull_into(scratch: Path, source: LocalHub, progress: Progress | None) -> tuple[int, str, str, str]:
    """A workstation's first pull of the site's rows into an empty database at ``scratch``:
    (rows, cursor after them, schema revision, newest row stamp)."""
    db = Database(scratch)  # the schema only: none of the reference rows a workstation seeds
    try:
        report = SyncReport()
        # The pull alone: no hello, no push, no agreement check (this is no enrolled workstation).
        DeviceSync(db, cast(HubClient, source), progress).pull(report)
        with db.engine.connect() as conn:
            newest = newest_stamp(conn, SYNCED)
        return report.pulled, db.meta(CURSOR_KEY) or "", device_schema(db), newest
    finally:
        db.engine.dispose()
        con = sqlite3.connect(scratch)
        try:
            con.execute("PRAGMA journal_mode=DELETE")  # one file: a taker attaches it read-only
        finally:
            con.close()


def _remove(path: Path) -> None:
    for p in (path, *(path.with_name(path.name + suffix) for suffix in SQLITE_COMPANIONS)):
        p.unlink(missing_ok=True)


def _write_atomic(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    with private_open(partial, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(partial, path)


__all__ = ["LocalHub", "SnapshotInfo", "SnapshotMaker", "Snapshots", "is_fresh", "make_in_child"]
