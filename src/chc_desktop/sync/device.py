"""One device's side of a sync: push → pull → push under one lock, then the agreement check.

Every step commits in batches and records where it stands in the same local transaction, so a
sync killed at any point resumes where it stopped and never applies or sends anything twice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import logging
import multiprocessing
import os
import queue
import threading
import time
import uuid
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, bindparam, func, select, update

from chc_desktop.security.files import private_open
from chc_desktop.store import bulk_load, digest, migrate, search_index, snapshot
from chc_desktop.store.base import Base, Synced
from chc_desktop.store.capture import field_clock
from chc_desktop.store.database import Database
from chc_desktop.store.hlc import check_stamp, stamp_time
from chc_desktop.store.models import ChangeRecord, LocalMeta, Resident, SyncRun
from chc_desktop.sync import bulk as bulk_pull
from chc_desktop.sync.client import HubClient, SnapshotBroken
from chc_desktop.sync.protocol import (
    PROTOCOL_VERSION,
    ChangeIn,
    Cursor,
    DeviceInfo,
    PullBatch,
    RowState,
    SyncBusy,
    SyncCancelled,
    SyncError,
)
from chc_desktop.sync.tables import MODELS, TableSpec, encoder, pulled_problem, row_hlc, specs

SYNCED = [m.__tablename__ for m in MODELS]
log = logging.getLogger(__name__)

CURSOR_KEY = "sync.cursor"
PUSH_BATCH = 500
PULL_BATCH = 5000
BULK_BATCH = 5000  # a first sync (10,000 measured slower: 83 s against 61 s)
BULK_PULL = 20_000  # from this many rows on, a pull is a first sync (bulk mode)
BULK_PER_COMMIT = 4  # batches
UNSENT = ("pending", "rejected")
CHANGES: Table = ChangeRecord.__table__  # type: ignore[assignment]
RUNS: Table = SyncRun.__table__  # type: ignore[assignment]
META: Table = LocalMeta.__table__  # type: ignore[assignment]

Progress = Callable[[str, int, int], None]  # stage, done, total


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    from_snapshot: int = 0  # of the pulled rows, copied from the site's snapshot
    rejected: int = 0
    conflicts: int = 0
    repaired: int = 0
    disagreements: dict[str, int] = field(default_factory=dict)  # table -> rows that still differ
    seconds: float = 0.0
    set_aside: list[tuple[str, str, str]] = field(default_factory=list)  # malformed pulled rows

    def summary(self) -> str:
        parts = [f"上传 {self.pushed} 条", f"下载 {self.pulled} 条"]
        if self.from_snapshot:
            parts[-1] += f"（其中快照 {self.from_snapshot} 条）"
        if self.rejected:
            parts.append(f"被拒 {self.rejected} 条")
        if self.conflicts:
            parts.append(f"新冲突 {self.conflicts} 个")
        if self.repaired:
            parts.append(f"修复 {self.repaired} 条")
        if self.set_aside:
            parts.append(f"格式不正确未接收 {len(self.set_aside)} 条")
        if self.disagreements:
            parts.append("与中心不一致：" + "、".join(f"{t} {n} 条" for t, n in self.disagreements.items()))
        return "，".join(parts)


def device_schema(db: Database) -> str:
    return migrate.inspect_revision(db.path).current or "base"


@contextlib.contextmanager
def device_lock(db_path: Path) -> Iterator[None]:
    """One sync per device at a time, across processes (the app and the command line)."""
    path = db_path.with_name(db_path.name + ".sync.lock")
    fh = private_open(path, "a+b")  # private, like the database
    try:
        try:
            _lock_file(fh.fileno())
        except OSError:
            raise SyncBusy("本工作站已有一个同步正在进行，请稍后再试。") from None
        yield
    finally:
        fh.close()  # closing releases the lock, also when the process dies


def _lock_file(fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import msvcrt

        # Looked up by name: the names exist on Windows only, where mypy does not run.
        getattr(msvcrt, "locking")(fd, getattr(msvcrt, "LK_NBLCK"), 1)  # noqa: B009
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


class DeviceSync:
    def __init__(
        self,
        db: Database,
        hub: HubClient,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
        lease_block: int = 200,
        after_pull: Callable[[], object] | None = None,
    ) -> None:
        self.bulk: _Bulk | None = None  # while a first sync pulls
        self.lease_block = lease_block
        self.after_pull = after_pull
        self.db = db
        self.hub = hub
        self.hub_id = ""
        self.set_aside: list[tuple[str, str, str]] = []  # pulled rows not applied: table, id, why
        self.device: DeviceInfo | None = None  # as the hub records this workstation (after hello)
        self.progress = progress or (lambda stage, done, total: None)
        self.cancelled = cancelled or (lambda: False)
        self.specs = specs()

    # ----------------------------------------------------------------- the whole run

    def run(self) -> SyncReport:
        started = time.perf_counter()
        report = SyncReport()
        with device_lock(self.db.path):
            with self.db.engine.begin() as conn:
                bulk_load.finish(conn, SYNCED)  # a first sync killed midway left these off
            run_id = self._start_run()
            try:
                self.db.catch_up_clock()
                self.device, self.hub_id = self.hub.hello(PROTOCOL_VERSION, device_schema(self.db))
                self.push(report)
                self.hub.grant_leases(self.lease_block)
                self.pull(report)
                if self.after_pull is not None:
                    self.after_pull()  # e.g. numbers for files saved as “（待分配）”
                self.push(report)  # what that and the user wrote while pulling
                self.check_agreement(report)
            except SyncError as e:
                self._close(report, started)
                outcome = "refused" if type(e).__name__ == "HubRefused" else "failed"
                self._finish_run(run_id, outcome, report, str(e))
                raise
            self._close(report, started)
            self._finish_run(run_id, "ok", report, report.summary())
        return report

    def _close(self, report: SyncReport, started: float) -> None:
        report.seconds = time.perf_counter() - started
        report.set_aside = list(dict.fromkeys(self.set_aside))  # a repair may meet a row again

    # ----------------------------------------------------------------- push

    def waiting(self) -> int:
        with self.db.engine.connect() as conn:
            return int(
                conn.execute(select(func.count()).where(ChangeRecord.status == "pending")).scalar_one()
            )

    def push(self, report: SyncReport) -> None:
        total, done = self.waiting(), 0
        self.progress("push", 0, total)
        c = CHANGES.c
        while True:
            self._check_cancel()
            with self.db.engine.connect() as conn:
                rows = conn.execute(
                    select(CHANGES).where(c.status == "pending").order_by(c.seq).limit(PUSH_BATCH)
                ).all()
            if not rows:
                return
            changes = [_change_in(r) for r in rows]
            result = self.hub.push(changes)
            by_change = {r.change_id: r.seq for r in rows}
            with self.db.engine.begin() as conn:
                if result.accepted:
                    conn.execute(
                        update(CHANGES)
                        .where(c.seq == bindparam("b_seq"))
                        .values(status="sent", pushed_seq=bindparam("b_pushed")),
                        [{"b_seq": by_change[cid], "b_pushed": seq} for cid, seq in result.accepted.items()],
                    )
                if result.rejected:
                    conn.execute(
                        update(CHANGES)
                        .where(c.seq == bindparam("b_seq"))
                        .values(
                            status="rejected",
                            reject_code=bindparam("b_code"),
                            reject_reason=bindparam("b_reason"),
                        ),
                        [
                            {"b_seq": by_change[r.change_id], "b_code": r.code, "b_reason": r.reason}
                            for r in result.rejected
                        ],
                    )
            report.pushed += len(result.accepted)
            report.rejected += len(result.rejected)
            report.conflicts += result.conflicts
            done += len(rows)
            self.progress("push", done, max(total, done))

    # ----------------------------------------------------------------- pull

    def pull(self, report: SyncReport) -> None:
        cursor = Cursor.parse(self.db.meta(CURSOR_KEY))
        if cursor == Cursor() and self._take_snapshot(report):
            cursor = Cursor.parse(self.db.meta(CURSOR_KEY))
        total = self.hub.pending_count(cursor)
        self.progress("pull", 0, total)
        bulk = total >= BULK_PULL
        if bulk:  # a first sync: indexes built once at the end, not row by row
            with self.db.engine.begin() as conn:
                # Inserted rows' hashes are summed from the values they were inserted with.
                bulk_load.set_aside(conn, SYNCED)
            # Batches are fetched, checked and hashed, and search keys computed, by a second
            # process while this one inserts (sync/bulk.py).
            spawn = multiprocessing.get_context("spawn")
            self.bulk = _Bulk(ProcessPoolExecutor(max_workers=1, mp_context=spawn, initializer=gc.disable))
        # A million short-lived rows, none in a reference cycle: the cycle collector, run again and
        # again as they are made, cost more than reading them (2.8× measured); counting frees them.
        collecting = gc.isenabled() and bulk
        if collecting:
            gc.disable()
        try:
            self._pull_batches(cursor, total, report)
            if self.bulk is not None:
                with self.db.engine.begin() as conn:
                    digest.add_inserted(conn, self.bulk.sums, SYNCED)
        finally:
            if collecting:
                gc.enable()
            if self.bulk is not None:
                with self.db.engine.begin() as conn:
                    bulk_load.finish(conn, SYNCED)  # stopped midway: a digest recounted
                # Last: letting go of the second process waited ~2 s on its manager thread, which
                # by now has nothing left to do.
                self.bulk.pool.shutdown(wait=False, cancel_futures=True)
                self.bulk = None

    def _take_snapshot(self, report: SyncReport) -> bool:
        """A workstation that never held a file starts from its site's snapshot when the hub has
        one (hub/snapshots.py): copied in one pass, then pulled on from its cursor. False — and
        nothing written — when there is none or it does not fit; the pull then does it all."""
        if self.device is None:
            return False
        with self.db.engine.connect() as conn:
            if not snapshot.untouched(conn):
                return False
        target = self.db.path.with_name(self.db.path.name + ".snapshot")
        try:
            self.progress("snapshot", 0, 1)
            schema = device_schema(self.db)
            if not self.hub.snapshot(schema, target, self._snapshot_progress):
                return False
            # The file is whole, but its tables are copied one after another.
            with self._foreign_keys_off() as conn, snapshot.attached(conn, target), conn.begin():
                check = {"schema": schema, "site": self.device.site_id.hex}
                done = snapshot.install(conn, SYNCED, check)
                # A cursor this device can go on from, and a stamp its clock can go on after.
                Cursor.parse(done.info.get("cursor"))
                newest = check_stamp(done.info["newest"]) if done.info.get("newest") else None
                _set_meta(conn, CURSOR_KEY, done.info["cursor"])
        except (snapshot.SnapshotUnusable, SnapshotBroken, ValueError) as exc:
            # The pull brings everything instead; the hub's next snapshot may be whole again.
            log.warning("snapshot not taken: %s", exc)
            return False
        finally:
            target.unlink(missing_ok=True)
        if newest is not None:
            self.db.clock.observe(newest)
        report.pulled += done.rows
        report.from_snapshot += done.rows
        return True

    def _snapshot_progress(self, done: int, total: int) -> None:
        self.progress("snapshot", done >> 10, total >> 10)  # KiB: a progress bar counts in int
        self._check_cancel()  # nothing is written before the download is whole

    def _pull_batches(self, cursor: Cursor, total: int, report: SyncReport) -> None:
        done, applied = 0, 0
        # A first sync commits every few batches (each commit of a large file costs); the cursor
        # is written in the same transaction as the rows, so a stopped sync resumes exactly.
        per_commit = BULK_PER_COMMIT if self.bulk is not None else 1
        with contextlib.closing(self._batches(cursor)) as batches, contextlib.ExitStack() as open_tx:
            conn: Connection | None = None
            for batch in batches:
                self.set_aside += [("?", rid, why) for rid, why in batch.bad]
                if batch.rows or batch.bad:
                    if conn is None:
                        conn = open_tx.enter_context(self._applying())
                    report.pulled += self.apply(conn, batch.rows, checked=self.bulk is not None)
                    _set_meta(conn, CURSOR_KEY, str(batch.cursor))
                    applied += 1
                stopping = batch.more and self.cancelled()
                if conn is not None and (applied % per_commit == 0 or not batch.more or stopping):
                    open_tx.close()
                    conn = None
                done += len(batch.rows)
                self.progress("pull", done, max(total, done))
                if stopping:
                    self._check_cancel()

    def _batches(self, cursor: Cursor) -> Generator[PullBatch, None, None]:
        """The pull's batches in order. The next one is fetched while this one is applied; on a
        first sync a thread fetches several ahead and the second process prepares them."""
        if self.bulk is not None:
            ahead = _ReadAhead(self.hub, self.bulk.pool, cursor)
            try:
                while True:
                    batch = self._received(ahead.next())
                    yield batch
                    if not batch.more:
                        return
            finally:
                ahead.close()
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="chc-pull") as fetcher:
            future = fetcher.submit(self.hub.pull, cursor, PULL_BATCH)
            while True:
                batch = future.result()
                if batch.more:
                    future = fetcher.submit(self.hub.pull, batch.cursor, PULL_BATCH)
                yield batch
                if not batch.more:
                    return

    def _received(self, fetched: PullBatch | bulk_pull.Prepared) -> PullBatch:
        if isinstance(fetched, PullBatch):
            return fetched
        assert self.bulk is not None
        self.set_aside += fetched.bad
        batch, self.bulk.hashes, self.bulk.keys = fetched.batch()
        return batch

    @contextlib.contextmanager
    def _applying(self) -> Iterator[Connection]:
        """A transaction for pulled rows. Foreign keys are not checked row by row: a pull is ordered
        by the hub's sequence, not by parent and child, and the hub only holds rows whose parents
        it holds (it quarantines the others), so a finished pull is whole."""
        with self._foreign_keys_off() as conn, conn.begin():
            yield conn

    @contextlib.contextmanager
    def _foreign_keys_off(self) -> Iterator[Connection]:
        """A connection that checks no foreign key until it is given back (outside a transaction:
        SQLite ignores the pragma inside one)."""
        with self.db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
            try:
                yield conn
            finally:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()

    def apply(self, conn: Connection, rows: Sequence[RowState], checked: bool = False) -> int:
        """Merge hub rows per field by clock, except fields with an unsent local change; returns
        how many rows changed here (the device's own echoes change nothing). ``checked``: their
        shape was checked already (a first sync's second process)."""
        by_table: dict[str, list[RowState]] = {}
        for r in rows if checked else self._well_formed(rows):
            by_table.setdefault(r.table, []).append(r)
        if not by_table:
            return 0
        changed = 0
        newest = max(r.hlc for states in by_table.values() for r in states)
        for model in MODELS:
            states = by_table.get(model.__tablename__)
            if states:
                changed += self._apply_table(conn, self.specs[model.__tablename__], model, states)
        self.db.clock.observe(newest)
        return changed

    def _well_formed(self, rows: Sequence[RowState]) -> list[RowState]:
        """The rows whose shape this device's tables can hold; the others are set aside with why
        (reported with the run, never applied, never a crash): the agreement check then shows the
        difference until the hub sends them whole."""
        good = []
        for r in rows:
            problem = pulled_problem(r.table, r.data)
            if problem is None:
                good.append(r)
            else:
                self.set_aside.append((r.table[:40], str(r.row_id), problem))
        return good

    def _apply_table(
        self, conn: Connection, spec: TableSpec, model: type[Synced], states: list[RowState]
    ) -> int:
        assert issubclass(model, Base)
        table: Table = model.__table__  # type: ignore[assignment]
        ids = [s.row_id for s in states]
        local: dict[uuid.UUID, tuple[str, dict[str, Any] | None]] = {}
        for i in range(0, len(ids), 900):
            for rid, hlc, clocks in conn.execute(
                select(table.c.id, table.c.hlc, table.c.clocks).where(table.c.id.in_(ids[i : i + 900]))
            ):
                local[rid] = (hlc, clocks)
        unsent = self._unsent_fields(conn, [i for i in ids if i in local])
        self._release_unique(conn, spec, table, states)
        inserts: list[tuple[Any, ...]] = []
        inserted: list[uuid.UUID] = []
        updated: list[uuid.UUID] = []
        searched: list[uuid.UUID] = []  # updated in a field the search index holds
        changes: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for s in states:
            if s.row_id not in local:
                inserts.append(self._new_row(spec, s))
                inserted.append(s.row_id)
                continue
            values = self._merge(spec, s, *local[s.row_id], unsent.get(s.row_id, set()))
            if values:
                changes.setdefault(tuple(sorted(values)), []).append(
                    {"b_id": s.row_id, **{f"v_{k}": v for k, v in values.items()}}
                )
                updated.append(s.row_id)
                if not search_index.INDEXED_FIELDS.isdisjoint(values):
                    searched.append(s.row_id)
        # One statement per set of changed columns, run for all its rows (an edit made on another
        # workstation to a thousand files arrives as a thousand rows changing the same columns).
        for columns, params in changes.items():
            assignments = {c: bindparam(f"v_{c}", type_=table.c[c].type) for c in columns}
            conn.execute(table.update().where(table.c.id == bindparam("b_id")).values(assignments), params)
        if inserts:
            conn.exec_driver_sql(encoder(spec).sql, inserts)
            if self.bulk is not None:
                self.bulk.count(spec.name, inserted)
        if spec.name == "residents":
            keys = [self.bulk.keys[i] for i in inserted] if self.bulk is not None else None
            self._reindex(conn, [encoder(spec).indexed(r) for r in inserts], searched, keys)
        return len(inserts) + len(updated)

    @staticmethod
    def _release_unique(conn: Connection, spec: TableSpec, table: Table, states: list[RowState]) -> None:
        """The hub holds each unique value (record number, user name) once. A local row still holding
        a value the hub gave to another row had its own change quarantined ("duplicate"): it lets
        go of the value, which stays in that quarantined change until a person fixes and resends."""
        for f in spec.unique:
            wanted = {s.data[f]: s.row_id for s in states if s.data.get(f) is not None}
            if not wanted:
                continue
            col = table.c[f]
            values = list(wanted)
            for i in range(0, len(values), 900):
                for rid, value in conn.execute(select(table.c.id, col).where(col.in_(values[i : i + 900]))):
                    if wanted[value] != rid:
                        conn.execute(
                            table.update().where(table.c.id == rid).values({f: _released(col, value, rid)})
                        )

    def _new_row(self, spec: TableSpec, s: RowState) -> tuple[Any, ...]:
        return encoder(spec).row(s.data, s.row_id, s.hlc, s.clocks, field_clock(s.clocks, s.hlc, ""))

    def _merge(
        self,
        spec: TableSpec,
        s: RowState,
        local_hlc: str,
        local_clocks: dict[str, Any] | None,
        unsent: set[str],
    ) -> dict[str, Any]:
        if s.hlc == local_hlc and s.clocks == local_clocks:
            return {}  # the same stamps field by field (this device's own change coming back)
        # A field without a clock of its own is as old as its row's base stamp (field_clock). When
        # the incoming base is no newer than any stamp here, only the fields the incoming row
        # holds a clock for can win: an edit of one field in a thousand rows looks at one field.
        theirs, ours = s.clocks or {}, local_clocks or {}
        their_base, our_base = str(theirs.get("") or s.hlc), str(ours.get("") or local_hlc)
        if their_base <= min([our_base, *(str(v) for v in ours.values() if v)]):
            candidates: Sequence[str] = [f for f in theirs if f and f in spec.fields]
        else:
            candidates = spec.fields
        values: dict[str, Any] = {}
        clocks = dict(local_clocks) if local_clocks else {"": local_hlc}
        for f in candidates:
            if f in unsent:
                continue
            incoming = str(theirs.get(f) or their_base)
            if incoming > str(ours.get(f) or our_base):
                values[f] = spec.decode(f, s.data.get(f))
                clocks[f] = incoming
        if not values:
            return {}
        hlc = row_hlc(clocks, local_hlc)
        values.update(clocks=clocks, hlc=hlc, updated_at=stamp_time(hlc))
        return values

    def _unsent_fields(self, conn: Connection, ids: list[uuid.UUID]) -> dict[uuid.UUID, set[str]]:
        out: dict[uuid.UUID, set[str]] = {}
        if not ids:
            return out
        c = CHANGES.c
        for i in range(0, len(ids), 900):
            q = select(c.row_id, c.data).where(c.status.in_(UNSENT), c.row_id.in_(ids[i : i + 900]))
            for rid, data in conn.execute(q):
                out.setdefault(rid, set()).update(data)
        return out

    def _reindex(
        self,
        conn: Connection,
        new: list[search_index.IndexedResident],
        updated: list[uuid.UUID],
        keys: list[list[tuple[str, int]]] | None = None,
    ) -> None:
        # New rows are normally unindexed (the fast path); a repaired row may still have its keys.
        m = search_index.MAP.c
        stale = any(
            conn.execute(
                select(m.resident_id).where(m.resident_id.in_([r.id for r in new[i : i + 900]])).limit(1)
            ).first()
            for i in range(0, len(new), 900)
        )
        search_index.update(conn, new, fresh=not stale, keys=keys if not stale else None)
        if updated:
            t = Resident.__table__.c
            rows = conn.execute(
                select(t.id, t.name, t.id_number, t.phone, t.record_no).where(t.id.in_(updated))
            ).all()
            search_index.update(conn, [search_index.IndexedResident(*r) for r in rows])

    # ----------------------------------------------------------------- agreement

    def local_digests(self) -> dict[str, tuple[int, int]]:
        with self.db.engine.connect() as conn:
            return digest.read(conn)

    def check_agreement(self, report: SyncReport) -> None:
        """Compare per-table counts and digests with the hub; repair what differs (re-pull what the
        hub has newer, re-push what only this device has), then report what still differs."""
        self.progress("check", 0, 1)
        tables = self._differing_tables()
        for t in tables:
            self._check_cancel()
            report.repaired += self._repair(t)
        # What the sums still tell apart differs: by stamp (rows one side lacks or holds older),
        # or by content under the same stamp — a row changed without a new stamp, which is never
        # merged over (it has no claim to be newer) but always reported.
        # Changes other workstations made since this one pulled are not disagreements: the next
        # sync brings them (and until then no content difference can be told from them).
        cursor = Cursor.parse(self.db.meta(CURSOR_KEY)).seq
        for t in self._differing_tables() if tables else []:
            hub_newer, local_newer, late = self._differences(t, after=cursor)
            current = [i for i in hub_newer if i not in late]
            if current or local_newer:
                report.disagreements[t] = len(current) + len(local_newer)
            elif not late and not self._has_unsent(t):
                report.disagreements[t] = 1  # the same stamps, another content
        self.progress("check", 1, 1)

    def _has_unsent(self, table_name: str) -> bool:
        c = CHANGES.c
        with self.db.engine.connect() as conn:
            q = select(c.seq).where(c.table_name == table_name, c.status.in_(UNSENT)).limit(1)
            return conn.execute(q).first() is not None

    def _differing_tables(self) -> list[str]:
        hub, local = self.hub.digests(), self.local_digests()
        return sorted(t for t in set(hub) | set(local) if hub.get(t) != local.get(t))

    def _differences(
        self, table_name: str, after: int | None = None
    ) -> tuple[list[uuid.UUID], list[uuid.UUID], set[uuid.UUID]]:
        """(rows the hub has newer or this device lacks, rows only this device has newer, and —
        with ``after`` — those of the first whose last change reached the hub after that sequence
        number), leaving out rows with unsent or quarantined changes and copies outside this
        device's scope."""
        clocks = self.hub.row_clocks(table_name)
        hub = {i: h for i, (h, _seq) in clocks.items()}
        table: Table = self.specs[table_name].model.__table__  # type: ignore[attr-defined]
        with self.db.engine.connect() as conn:
            local = dict(conn.execute(select(table.c.id, table.c.hlc)).all())
            unsent = set(self._unsent_fields(conn, list(local)))
        hub_newer = [i for i, h in hub.items() if i not in unsent and (i not in local or h > local[i])]
        local_newer = [i for i, h in local.items() if i not in unsent and i in hub and h > hub[i]]
        only_here = [i for i in local if i not in hub and i not in unsent]
        known = self.hub.known(only_here) if only_here else set()
        late = {i for i in hub_newer if after is not None and clocks[i][1] > after}
        return hub_newer, local_newer + [i for i in only_here if i not in known], late

    def apply_rows(self, rows: Sequence[RowState]) -> None:
        """Merge rows fetched by id (a repair, or what an admin call just changed at the hub)."""
        if rows:
            with self._applying() as conn:
                self.apply(conn, rows)

    def _repair(self, table_name: str) -> int:
        hub_newer, local_newer, _ = self._differences(table_name)
        if hub_newer:
            self.apply_rows(self.hub.rows_by_id(hub_newer))
        if local_newer:
            self._resend(local_newer)
        return len(hub_newer) + len(local_newer)

    def _resend(self, row_ids: list[uuid.UUID]) -> None:
        """Rows the hub lacks or holds older (a hub restored from an older backup): send this
        device's own change records of them again, as they were written — the hub checks each one
        (author, role, scope) like the first time and skips those it still has. A row this device
        never wrote cannot be restored from here; it stays in the report."""
        c = CHANGES.c
        with self.db.engine.connect() as conn:
            rows: list[Any] = []
            for i in range(0, len(row_ids), 900):
                rows += conn.execute(
                    select(CHANGES)
                    .where(c.row_id.in_(row_ids[i : i + 900]), c.status == "sent")
                    .order_by(c.seq)
                ).all()
        for i in range(0, len(rows), PUSH_BATCH):
            self.hub.push([_change_in(r) for r in rows[i : i + PUSH_BATCH]])

    # ----------------------------------------------------------------- bookkeeping

    def _check_cancel(self) -> None:
        if self.cancelled():
            raise SyncCancelled("同步已取消；已完成的部分已保存，下次同步从中断处继续。")

    def _start_run(self) -> int:
        with self.db.engine.begin() as conn:
            return int(
                conn.execute(
                    RUNS.insert()
                    .values(
                        started_at=dt.datetime.now(dt.UTC),
                        outcome="running",
                        pushed=0,
                        pulled=0,
                        rejected=0,
                        conflicts=0,
                    )
                    .returning(RUNS.c.id)
                ).scalar_one()
            )

    def _finish_run(self, run_id: int, outcome: str, report: SyncReport, message: str) -> None:
        with self.db.engine.begin() as conn:
            conn.execute(
                RUNS.update()
                .where(RUNS.c.id == run_id)
                .values(
                    finished_at=dt.datetime.now(dt.UTC),
                    outcome=outcome,
                    pushed=report.pushed,
                    pulled=report.pulled,
                    rejected=report.rejected,
                    conflicts=report.conflicts,
                    message=message[:400],
                    detail={
                        "seconds": round(report.seconds, 2),
                        "repaired": report.repaired,
                        "disagreements": report.disagreements,
                        # Table, row id and why: no values, so it may be kept and shown.
                        "set_aside": report.set_aside[:200],
                    },
                )
            )


class _ReadAhead:
    """A first sync's fetching thread: asks the hub for batch after batch (the cursor comes in each
    answer's headers) and hands each to the second process as it arrives, a few batches ahead of
    the inserts. Nothing here writes: a stopped sync resumes from the last applied cursor."""

    DEPTH = 3

    def __init__(self, hub: HubClient, pool: ProcessPoolExecutor, cursor: Cursor) -> None:
        self.hub, self.pool = hub, pool
        self.queue: queue.Queue[Future[bulk_pull.Prepared] | BaseException] = queue.Queue(self.DEPTH)
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(cursor,), name="chc-pull", daemon=True)
        self.thread.start()

    def _run(self, cursor: Cursor) -> None:
        try:
            more = True
            while more and not self.stopped.is_set():
                body, cursor, more = self.hub.pull_raw(cursor, BULK_BATCH)
                self._put(self.pool.submit(bulk_pull.prepare, body, cursor, more))
        except BaseException as exc:  # handed to the applying thread, which raises it
            self._put(exc)
        finally:
            self.hub.transport.close()  # this thread's connection

    def _put(self, item: Future[bulk_pull.Prepared] | BaseException) -> None:
        while not self.stopped.is_set():
            try:
                self.queue.put(item, timeout=0.2)
                return
            except queue.Full:
                continue

    def next(self) -> bulk_pull.Prepared:
        item = self.queue.get()
        if isinstance(item, BaseException):
            raise item
        return item.result()

    def close(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=self.hub.transport.timeout + 1)


@dataclass
class _Bulk:
    """A first sync's pull: its second process, the current batch's hashes and search keys from
    there, and the inserted rows' digest sums so far."""

    pool: ProcessPoolExecutor
    hashes: dict[uuid.UUID, int] = field(default_factory=dict)
    keys: dict[uuid.UUID, list[tuple[str, int]]] = field(default_factory=dict)
    sums: dict[str, tuple[int, int]] = field(default_factory=dict)

    def count(self, table: str, inserted: list[uuid.UUID]) -> None:
        n, total = self.sums.get(table, (0, 0))
        self.sums[table] = (n + len(inserted), total + sum(self.hashes[i] for i in inserted))


def _released(column: Any, value: Any, row_id: uuid.UUID) -> Any:
    """What a local row keeps when the hub gave its unique value to another row: nothing, or —
    for a column that must hold something (a local account's user name) — the value marked as
    superseded, so no NOT NULL column is ever emptied by a pull."""
    if column.nullable:
        return None
    mark = f"~{row_id.hex[:8]}"
    length = getattr(column.type, "length", None) or 200
    return str(value)[: length - len(mark)] + mark


def _change_in(r: Any) -> ChangeIn:
    return ChangeIn(r.change_id, r.table_name, r.row_id, r.op, r.data, r.hlc, r.base, r.user_id, r.created_at)


def _set_meta(conn: Connection, key: str, value: str) -> None:
    t = META
    if conn.execute(t.update().where(t.c.key == key).values(value=value)).rowcount == 0:
        conn.execute(t.insert().values(key=key, value=value))
