"""Lists to .xlsx: the resident list with its filters (the writer itself: services/xlsx_files)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select

from chc_desktop.domain import codes
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context
from chc_desktop.services.residents import ROW_COLUMNS, Filters, ResidentService
from chc_desktop.services.xlsx_files import write_xlsx

# The resident list as exported; the headers are names the import recognises, so an export can be
# imported elsewhere as it is.
RESIDENT_HEADERS = (
    "档案编号",
    "姓名",
    "性别",
    "出生日期",
    "年龄",
    "身份证号",
    "联系电话",
    "街道",
    "居委会",
    "现住址",
    "档案状态",
)
RESIDENT_TEXT_COLUMNS = frozenset({0, 5, 6})  # 档案编号, 身份证号, 联系电话: digits, never numbers
STATUS_LABELS = {c.code: c.label for c in codes.RESIDENT_STATUS.codes}


class ExportService:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    def residents(
        self, path: Path, filters: Filters = Filters(), progress: Callable[[int, int], None] | None = None
    ) -> int:
        """The resident list as the list page shows it (same filters, record-number order) to an
        .xlsx file; audited with the count. Returns the number of residents written."""
        self.ctx.require(Permission.RESIDENT_READ)
        residents = ResidentService(self.ctx)
        total = residents.count(filters)
        with self.ctx.db.reader() as s:
            # One streamed query: no offset paging over a district-size list.
            query = (
                select(*ROW_COLUMNS)
                .where(*residents._where(s, filters))
                .order_by(ROW_COLUMNS[1], ROW_COLUMNS[0])
                .execution_options(yield_per=2000)
            )

            def lines() -> Iterable[Sequence[Any]]:
                for t in s.execute(query):
                    r = residents._row_of(t, s)
                    yield (
                        r.record_no,
                        r.name,
                        codes.SEX.label_or(r.sex),
                        r.birth_date,
                        r.age,
                        r.id_number,
                        r.phone,
                        r.street,
                        r.committee,
                        r.current_address,
                        STATUS_LABELS.get(r.status, r.status),
                    )

            count = write_xlsx(
                path,
                RESIDENT_HEADERS,
                lines(),
                RESIDENT_TEXT_COLUMNS,
                progress=(lambda done: progress(done, total)) if progress else None,
            )
        with self.ctx.db.unit_of_work(self.ctx.user.id if self.ctx.user else None) as s:
            shown = {
                "street": str(filters.street_id) if filters.street_id else None,
                "committee": str(filters.committee_id) if filters.committee_id else None,
                "status": filters.status,
                "key_population": filters.key_population,
                "contract": filters.contract,
            }
            self.ctx.audit(
                s,
                "resident.export",
                "residents",
                None,
                count=count,
                **{k: v for k, v in shown.items() if v is not None},
            )
        return count
