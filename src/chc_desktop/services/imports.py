"""Importing residents from a centre's spreadsheet (.xlsx or .csv).

``read_header`` finds the header row and guesses (or remembers) which column is which; ``preview``
reads the first rows the way the import will; ``run`` reads every row, checks it with the rules of
filing by hand, and files the new residents — all in one transaction, so a cancel, a failure or
(without ``valid_only``) a single wrong row leaves the database exactly as it was.

Rows are streamed and written in batches through the bulk path (store/bulk.py: change records and
search keys included), so memory stays flat on 50,000 rows. A resident whose ID number is filed
already is left as it is: importing the same file twice changes nothing. Nothing personal reaches
the audit trail, a log or an exception: messages name the row and the column, never the value.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from chc_desktop.domain.key_populations import derived_from_file
from chc_desktop.domain.spreadsheet import (
    FIELD_BY_KEY,
    REASON_HEADER,
    CellError,
    Place,
    RowReader,
    RowResult,
    cell_text,
    check_mapping,
    doctor_index,
    guess_mapping,
    header_signature,
    match_header,
)
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context
from chc_desktop.services.errors import ServiceError, ValidationFailed
from chc_desktop.services.record_numbers import SerialBlocks
from chc_desktop.services.residents import ROW_FIELDS
from chc_desktop.services.settings import read_policy
from chc_desktop.services.sheet_files import (
    ReadPlan,
    SheetFile,
    checked_rows,
    checked_rows_in_child,
    with_duplicates,
)
from chc_desktop.services.xlsx_files import XlsxWriter
from chc_desktop.store.bulk import insert_synced
from chc_desktop.store.database import HUB_URL_KEY
from chc_desktop.store.ids import new_id
from chc_desktop.store.models import KeyPopulationTag, LocalMeta, Resident, Site, StaffUser

BATCH = 2000  # rows per executemany: large enough to be fast, small enough to keep memory flat
REPORT_EVERY = 250  # rows between progress reports (and looks at the cancel flag)
MAPPING_META = "import.mapping."  # + header signature: the mapping last used for such a sheet
# From this many rows (as the file declares) a second process reads and checks the rows while this
# one writes: both halves of the work cost about the same, and spawning costs under a second.
PARALLEL_FROM = 5000
PREVIEW_MAX = 200  # rows a preview may show
Progress = Callable[[int, int], None]


class ImportCancelled(ServiceError):
    def __init__(self) -> None:
        super().__init__("已取消导入，数据库未做任何更改")


@dataclass(frozen=True)
class SheetHeader:
    header_row: int  # the header's row number in the sheet (from 1)
    headers: tuple[str, ...]
    mapping: dict[int, str]  # column (from 0) -> field key
    remembered: bool  # the mapping is the one last used for a sheet with these headers
    rows_estimate: int | None  # data rows below the header, as the file declares (may be off)


@dataclass(frozen=True)
class PreviewRow:
    row: int
    cells: tuple[str, ...]  # as the sheet shows them, one per header
    status: str  # new | present (filed already, will be left as it is) | invalid
    errors: tuple[CellError, ...]


@dataclass(frozen=True)
class Preview:
    header: SheetHeader
    rows: list[PreviewRow]
    problems: list[str]  # what is wrong with the mapping itself (import refused until fixed)


@dataclass(frozen=True)
class ContractCells:
    """A row's contract columns, handed on untouched (contracts are signed elsewhere)."""

    resident_id: uuid.UUID
    row: int
    new: bool  # the resident was filed by this import (False: filed already)
    cells: dict[str, str]


@dataclass
class ImportReport:
    read: int = 0  # data rows read (blank rows are not counted)
    imported: int = 0
    already_present: int = 0  # matched by ID number: left unchanged
    rejected: int = 0
    errors: list[CellError] = field(default_factory=list)
    notes: list[CellError] = field(default_factory=list)  # worth a look, nothing refused
    committed: bool = False  # False: nothing was written (rows were wrong and not valid_only)
    rejected_file: Path | None = None
    waiting_numbers: int = 0  # filed with the record number to be assigned at the next sync
    contract_rows: int = 0  # rows carrying contract columns
    contracts_handled: bool = False  # they went to contracts_hook (else they were only counted)
    seconds: float = 0.0

    def summary(self) -> str:
        parts = [
            f"读取 {self.read} 行",
            f"导入 {self.imported} 人",
            f"已建档未改动 {self.already_present} 人",
        ]
        if self.rejected:
            parts.append(f"有问题 {self.rejected} 行")
        text = "，".join(parts)
        if self.rejected and not self.committed:
            text += "。有问题的行未改正前不导入任何一行"
        return text


@dataclass(frozen=True)
class _Head:
    key: tuple[str, int, int] | None  # the file's path, modification time and size
    kind: str  # xlsx | csv
    header_row: int
    headers: tuple[str, ...]
    rows: list[tuple[int, tuple[Any, ...]]]  # the first data rows
    rows_total: int | None


class _Refused(Exception):
    """Rows were wrong and the user asked for all or nothing: roll back."""


class ImportService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        # Contract columns are filed by the contracts service (Services sets this hook to
        # ContractService.import_rows); it runs in the import's transaction after each batch of
        # residents and returns notes for the rows whose contract it could not read.
        self.contracts_hook: Callable[[Session, Sequence[ContractCells]], Sequence[CellError]] | None = None
        self._head_cache: _Head | None = None

    # ---------------------------------------------------------------- steps
    def read_header(self, path: Path) -> SheetHeader:
        """Find the header row and the mapping: the one remembered for these headers, else a guess."""
        self.ctx.require(Permission.RESIDENT_WRITE)
        return self._header(self._head(path))

    def _head(self, path: Path) -> _Head:
        """The header and the first rows of a file, kept while the file is unchanged: the preview is
        read again at each change of the mapping, and opening a large file costs seconds (openpyxl
        reads a whole sheet that does not declare its size)."""
        stat = path.stat() if path.is_file() else None
        key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size) if stat else None
        if key is not None and self._head_cache is not None and self._head_cache.key == key:
            return self._head_cache
        with SheetFile(path) as sheet:
            header_row, headers = sheet.header()
            rows = list(itertools.islice(sheet.data(), PREVIEW_MAX))
            head = _Head(key, sheet.kind, header_row, headers, rows, sheet.rows_total)
        self._head_cache = head if key is not None else None
        return head

    def _header(self, head: _Head) -> SheetHeader:
        header_row, headers = head.header_row, head.headers
        remembered = self.remembered_mapping(headers)
        estimate = head.rows_total - header_row if head.rows_total else None
        if remembered is not None:
            return SheetHeader(header_row, headers, remembered, True, estimate)
        return SheetHeader(header_row, headers, guess_mapping(headers), False, estimate)

    def remembered_mapping(self, headers: Sequence[str]) -> dict[int, str] | None:
        stored = self.ctx.db.meta(MAPPING_META + header_signature(headers))
        if not stored:
            return None
        mapping: dict[int, str] = {}
        for part in stored.split(";"):
            col, _, key = part.partition("=")
            if not col.isdigit() or int(col) >= len(headers) or key not in FIELD_BY_KEY:
                return None  # written by another version: guess instead
            mapping[int(col)] = key
        return mapping

    def preview(self, path: Path, mapping: Mapping[int, str] | None = None, limit: int = 50) -> Preview:
        """The first ``limit`` data rows (at most 200) as the import will read them, with their
        errors, and whether each is new or filed already."""
        self.ctx.require(Permission.RESIDENT_WRITE)
        head = self._head(path)
        header = self._header(head)
        mapping = dict(mapping if mapping is not None else header.mapping)
        header = SheetHeader(
            header.header_row, header.headers, mapping, header.remembered, header.rows_estimate
        )
        problems = check_mapping(mapping, self.ctx.can(Permission.CLINICAL_WRITE))
        known = {c: k for c, k in mapping.items() if k in FIELD_BY_KEY}
        reader = self._plan(path, header.headers, known).reader()
        width = len(header.headers)
        taken: dict[str, int] = {}
        results: list[tuple[tuple[Any, ...], RowResult]] = []
        for n, cells in head.rows[:limit]:
            result = with_duplicates(reader, reader.read(n, cells), taken)
            results.append((cells, result))
        with self.ctx.db.reader() as s:
            present = _present(s.connection(), [r.id_number for _c, r in results if r.id_number])
        rows = []
        for cells, r in results:
            status = "invalid" if r.errors else ("present" if r.id_number in present else "new")
            shown = tuple(cell_text(cells[i]) if i < len(cells) else "" for i in range(width))
            rows.append(PreviewRow(r.row, shown, status, r.errors))
        return Preview(header, rows, problems)

    def run(
        self,
        path: Path,
        mapping: Mapping[int, str] | None = None,
        *,
        valid_only: bool = False,
        rejected_path: Path | None = None,
        progress: Progress | None = None,
        cancelled: threading.Event | None = None,
    ) -> ImportReport:
        """Import every row. Without ``valid_only`` any wrong row means nothing is imported (the
        report lists every error); with it the good rows are imported and the wrong ones written to
        ``rejected_path`` (default: beside the file, “…-未导入行.xlsx”) to be fixed and imported again.
        ``progress(done, estimated total)``; setting ``cancelled`` stops the import and rolls it back."""
        started = time.perf_counter()
        user = self.ctx.require(Permission.RESIDENT_WRITE)
        standalone = self.ctx.db.meta(HUB_URL_KEY) is None
        head = self._head(path)
        header, kind = self._header(head), head.kind
        mapping = dict(mapping if mapping is not None else header.mapping)
        problems = check_mapping(mapping, self.ctx.can(Permission.CLINICAL_WRITE))
        if problems:
            raise ValidationFailed({"mapping": "；".join(problems)})
        plan = self._plan(path, header.headers, mapping)
        total = header.rows_estimate or 0
        report = ImportReport(contracts_handled=self.contracts_hook is not None)
        rejects = None
        if valid_only:
            target = rejected_path or path.with_name(f"{path.stem}-未导入行.xlsx")
            id_columns = [c for c, k in mapping.items() if k == "id_number"]
            rejects = XlsxWriter(target, [*header.headers, REASON_HEADER], id_columns)
        rows = checked_rows_in_child(plan) if total >= PARALLEL_FROM else checked_rows(plan)
        try:
            with self.ctx.work(Permission.RESIDENT_WRITE) as s, contextlib.closing(rows):
                batch = _Batch(self, s, plan.reader(), user.id, user.site_id, standalone, report)
                for _n, cells, result in rows:
                    report.read += 1
                    if result.errors:
                        report.rejected += 1
                        report.errors.extend(result.errors)
                        if rejects is not None and cells is not None:
                            rejects.append(_rejected_line(cells, len(header.headers), result))
                    else:
                        batch.add(result, write=valid_only or not report.rejected)
                    if report.read % REPORT_EVERY == 0:
                        if cancelled is not None and cancelled.is_set():
                            raise ImportCancelled
                        if progress is not None:
                            progress(report.read, max(total, report.read))
                batch.flush(write=valid_only or not report.rejected)
                if cancelled is not None and cancelled.is_set():
                    raise ImportCancelled
                if report.rejected and not valid_only:
                    raise _Refused
                report.waiting_numbers = batch.waiting
                if report.imported:
                    self.ctx.audit(
                        s,
                        "resident.import",
                        "residents",
                        None,
                        read=report.read,
                        imported=report.imported,
                        already_present=report.already_present,
                        rejected=report.rejected,
                        valid_only=valid_only,
                        waiting_numbers=report.waiting_numbers or None,
                        kind=kind,
                    )
                _remember(s, header.headers, mapping)
                # Written before the commit: an import whose rejected rows cannot be saved is rolled
                # back rather than losing them.
                if rejects is not None and report.rejected:
                    report.rejected_file = rejects.close()
            report.committed = True
        except _Refused:
            report.imported = 0
            report.waiting_numbers = 0
            self.ctx.db.set_meta(MAPPING_META + header_signature(header.headers), _encode(mapping))
        except BaseException:
            if report.rejected_file is not None:
                report.rejected_file.unlink(missing_ok=True)
            raise
        finally:
            if rejects is not None and report.rejected_file is None:
                rejects.discard()
        if progress is not None:
            progress(report.read, report.read)
        report.seconds = time.perf_counter() - started
        return report

    # ---------------------------------------------------------------- helpers
    def mapping_from_names(self, headers: Sequence[str], names: Mapping[str, str | None]) -> dict[int, str]:
        """A mapping given by header text (``{"证件号码": "身份证号", "备注": null}``): each header
        named maps to a field (by key, label or any synonym) or to nothing; the rest keep the
        remembered or guessed mapping."""
        mapping = self.remembered_mapping(headers) or guess_mapping(headers)
        stripped = [h.strip() for h in headers]
        for header, target in names.items():
            if header.strip() not in stripped:
                raise ValidationFailed({"mapping": f"表头中没有“{header}”这一列"})
            col = stripped.index(header.strip())
            mapping.pop(col, None)
            if target:
                key = target if target in FIELD_BY_KEY else match_header(target)
                if key is None:
                    raise ValidationFailed({"mapping": f"不认识的字段“{target}”"})
                for other in [c for c, k in mapping.items() if k == key]:
                    del mapping[other]
                mapping[col] = key
        return mapping

    def _plan(self, path: Path, headers: Sequence[str], mapping: Mapping[int, str]) -> ReadPlan:
        with self.ctx.db.reader() as s:
            sites = s.execute(
                select(Site.id, Site.kind, Site.name, Site.code, Site.parent_id).where(
                    Site.kind.in_(("street", "committee")), Site.deleted_at.is_(None), Site.active.is_(True)
                )
            ).all()
            doctors = s.execute(
                select(StaffUser.display_name, StaffUser.id).where(StaffUser.role == "doctor")
            ).all()
        return ReadPlan(
            path,
            tuple(headers),
            dict(mapping),
            self.ctx.today(),
            tuple(Place(i, n, c, p) for i, k, n, c, p in sites if k == "street"),
            tuple(Place(i, n, c, p) for i, k, n, c, p in sites if k == "committee"),
            doctor_index((name, uid) for name, uid in doctors),
            self.ctx.can(Permission.CLINICAL_WRITE),
        )


def _rejected_line(cells: Sequence[Any], width: int, result: RowResult) -> list[Any]:
    """The row as it was, cut or padded to the header, and why it was refused."""
    reasons = "；".join(f"{e.label}：{e.reason}" for e in result.errors)
    return [*cells[:width], *[None] * (width - len(cells)), reasons]


def _encode(mapping: Mapping[int, str]) -> str:
    return ";".join(f"{c}={k}" for c, k in sorted(mapping.items()))


def _remember(s: Session, headers: Sequence[str], mapping: Mapping[int, str]) -> None:
    s.merge(LocalMeta(key=MAPPING_META + header_signature(headers), value=_encode(mapping)))


def _present(conn: Connection, id_numbers: Sequence[str]) -> dict[str, tuple[uuid.UUID, str]]:
    """Live files with these ID numbers: ID number -> (resident id, name)."""
    out: dict[str, tuple[uuid.UUID, str]] = {}
    for start in range(0, len(id_numbers), 500):
        chunk = list(id_numbers[start : start + 500])
        marks = ",".join(f":p{i}" for i in range(len(chunk)))
        rows = conn.execute(
            text(
                f"SELECT id_number, id, name FROM residents "
                f"WHERE deleted_at IS NULL AND id_number IN ({marks})"
            ),
            {f"p{i}": v for i, v in enumerate(chunk)},
        )
        out.update((idn, (uuid.UUID(rid), name)) for idn, rid, name in rows)
    return out


class _Batch:
    """Good rows waiting to be written: matched against the files already there, numbered, and
    inserted in one executemany per table."""

    def __init__(
        self,
        service: ImportService,
        session: Session,
        reader: RowReader,
        user_id: uuid.UUID,
        site_id: uuid.UUID | None,
        standalone: bool,
        report: ImportReport,
    ) -> None:
        self.service = service
        self.session = session
        self.conn = session.connection()
        self.actor = session.info["actor"]
        self.user_id = user_id
        self.site_id = site_id
        self.report = report
        self.today = service.ctx.today()
        self.numbers = SerialBlocks(
            session, service.ctx.db.device_id, int(read_policy(session, "record_no.lease_block")), standalone
        )
        self.reader = reader
        self.rows: list[RowResult] = []
        self.waiting = 0

    def add(self, result: RowResult, write: bool) -> None:
        self.rows.append(result)
        if len(self.rows) >= BATCH:
            self.flush(write)

    def flush(self, write: bool) -> None:
        rows, self.rows = self.rows, []
        if not rows:
            return
        present = _present(self.conn, [r.id_number for r in rows if r.id_number])
        residents: list[dict[str, Any]] = []
        tags: list[dict[str, Any]] = []
        contracts: list[ContractCells] = []
        for r in rows:
            assert r.id_number is not None  # a row without one is refused
            existing = present.get(r.id_number)
            if existing is not None:
                self.report.already_present += 1
                rid, name = existing
                if name != r.values.get("name"):
                    self.report.notes.append(
                        CellError(
                            r.row,
                            "name",
                            self.reader.label("name"),
                            self.reader.columns.get("name"),
                            "与已建档的同一身份证号居民不同（已有档案未改动）",
                        )
                    )
                if r.contract:
                    self.report.contract_rows += 1
                    contracts.append(ContractCells(rid, r.row, False, r.contract))
                continue
            self.report.imported += 1
            if not write:
                continue  # all or nothing, and a row was wrong: only count and check the rest
            rid = new_id()
            values = r.values
            prefix = self.reader.places.record_prefix(values["street_id"], values["committee_id"])
            record_no = self.numbers.next(prefix) if prefix else None
            if record_no is None:
                self.waiting += 1
            residents.append(
                {
                    "id": rid,
                    "record_no": record_no,
                    "filed_by_id": self.user_id,
                    "filing_site_id": self.site_id,
                    "status": "active",
                    **{k: values[k] for k in ROW_FIELDS if k in values},
                }
            )
            for code in sorted(derived_from_file((), values.get("disabilities") or ())):
                tags.append({"resident_id": rid, "code": code, "since": self.today, "source": "derived"})
            if r.contract:
                self.report.contract_rows += 1
                contracts.append(ContractCells(rid, r.row, True, r.contract))
        if write:
            insert_synced(self.conn, self.actor, Resident, residents)
            insert_synced(self.conn, self.actor, KeyPopulationTag, tags)
            hook = self.service.contracts_hook
            if hook is not None and contracts:
                self.report.notes.extend(hook(self.session, contracts))


__all__ = [
    "ContractCells",
    "ImportCancelled",
    "ImportReport",
    "ImportService",
    "Preview",
    "PreviewRow",
    "SheetHeader",
]
