"""Printing the standardized forms: which forms there are, what record each prints, the template
(``forms/*.toml``) checked against the fields its context provides, rendering one record or a batch
to PDF (with progress and cancel), and the audit trail of every print (who, which form, which
record, which template version, when).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from chc_desktop.config import data_dir, forms_dir
from chc_desktop.printing.render import Document, render, value_of
from chc_desktop.printing.template import Template, TemplateError, load
from chc_desktop.security.files import private_dir, private_file, remove_stale
from chc_desktop.security.roles import Permission
from chc_desktop.services.context import Context
from chc_desktop.services.errors import ServiceError
from chc_desktop.services.print_contexts import homebeds as homebed_forms
from chc_desktop.services.print_contexts import hospice as hospice_forms
from chc_desktop.services.print_contexts import referrals as referral_forms
from chc_desktop.services.print_contexts import residents as resident_forms
from chc_desktop.services.print_contexts.common import FormSpec, Sources

FORMS: dict[str, FormSpec] = {
    spec.key: spec
    for spec in (
        *resident_forms.SPECS,
        *hospice_forms.SPECS,
        *homebed_forms.SPECS,
        FormSpec(
            "referral_up",
            "双向转诊单（转出）",
            "referral",
            Permission.REFERRAL_READ,
            referral_forms.REFERRAL_FIELDS,
            referral_forms.referral,
            "referrals",
            ("referral.direction", "up", "这是回转单，请用“双向转诊单（回转）”打印"),
        ),
        FormSpec(
            "referral_back",
            "双向转诊单（回转）",
            "referral",
            Permission.REFERRAL_READ,
            referral_forms.REFERRAL_FIELDS,
            referral_forms.referral,
            "referrals",
            ("referral.direction", "back", "这是转出单，请用“双向转诊单（转出）”打印"),
        ),
    )
}


__all__ = ["FORMS", "FormSpec", "PrintResult", "PrintService"]


class _Cancelled(Exception):
    """The user cancelled a batch: stop, and write nothing."""


@dataclass(frozen=True)
class PrintResult:
    path: Path | None
    form: str
    version: str
    records: int
    pages: int
    clipped: tuple[str, ...]  # fields whose value was cut to fit (worth a look)
    cancelled: bool = False


class PrintService:
    def __init__(self, ctx: Context, sources: Sources, forms_folder: Path | None = None) -> None:
        self.ctx = ctx
        self.sources = sources
        self.folder = forms_folder or forms_dir()

    def forms(self, record: str | None = None) -> list[FormSpec]:
        """The forms this user may print (of one kind of record, when given)."""
        return [
            f for f in FORMS.values() if (record is None or f.record == record) and self.ctx.can(f.permission)
        ]

    def spec(self, key: str) -> FormSpec:
        try:
            return FORMS[key]
        except KeyError:
            names = "、".join(FORMS)
            raise ServiceError(f"没有表单“{key}”（可用：{names}）") from None

    def template(self, key: str) -> Template:
        """The form's template, checked; a mistake in it is one clear message with file and line."""
        spec = self.spec(key)
        try:
            return load(self.folder / f"{key}.toml", spec.fields)
        except TemplateError as exc:
            raise ServiceError(f"表单模板有误：{exc}") from None

    def context(self, key: str, record_id: uuid.UUID) -> dict[str, Any]:
        spec = self.spec(key)
        self.ctx.require(spec.permission)
        return spec.build(self.sources, record_id)

    def batch_ids(
        self,
        key: str,
        filed_since: dt.date | None = None,
        due_on: dt.date | None = None,
        staff_id: uuid.UUID | None = None,
    ) -> list[uuid.UUID]:
        """The records of a batch: residents filed since a day (covers, 个人基本信息表), or the home beds
        due a visit by a day (tomorrow's visit sheets), in round order."""
        spec = self.spec(key)
        self.ctx.require(spec.permission)
        if spec.record == "resident" and filed_since is not None:
            return self.sources.residents.filed_since(filed_since)
        if spec.record == "homebed" and due_on is not None:
            rounds = self.sources.homebeds.round_list(due_on, staff_id)
            return list(dict.fromkeys(d.bed.id for d in rounds))
        raise ServiceError(f"“{spec.title}”不能按这种方式批量打印")

    def record_print(self, key: str, record_ids: Sequence[uuid.UUID], version: str) -> None:
        """The audit trail of a print: who, which form and template version, which records, when."""
        spec = self.spec(key)
        with self.ctx.db.unit_of_work(self.ctx.user.id if self.ctx.user else None) as s:
            for rid in record_ids:
                self.ctx.audit(s, "print", spec.entity, rid, form=key, version=version)

    def print_round(
        self,
        key: str,
        on: dt.date,
        staff_id: uuid.UUID | None,
        target: Path | BinaryIO,
        offset_mm: tuple[float, float] = (0.0, 0.0),
    ) -> PrintResult:
        """The day's visit list (a form printed for a day and a member of staff, not a record)."""
        spec = self.spec(key)
        if spec.record != "round":
            raise ServiceError(f"“{spec.title}”按记录打印，不按日期打印")
        self.ctx.require(spec.permission)
        template = self.template(key)
        context = homebed_forms.round_list(self.sources, on, staff_id)
        path = target if isinstance(target, Path) else None
        partial = path.with_name(path.name + ".part") if path else None
        result = render(template, [context], partial or target, offset_mm, template.name)
        if partial and path:
            private_file(partial).replace(path)  # a form holds a resident's file: the user's alone
        with self.ctx.db.unit_of_work(self.ctx.user.id if self.ctx.user else None) as s:
            self.ctx.audit(s, "print", None, None, form=key, version=template.version, on=on.isoformat())
        return PrintResult(path, key, template.version, 1, result.pages, tuple(dict.fromkeys(result.clipped)))

    def print_to(
        self,
        key: str,
        record_ids: Sequence[uuid.UUID],
        target: Path | BinaryIO,
        offset_mm: tuple[float, float] = (0.0, 0.0),
        progress: Callable[[int, int], None] | None = None,
        cancelled: threading.Event | None = None,
        audit: bool = True,
    ) -> PrintResult:
        """One PDF of the form for each record, in order, each record read and drawn in turn so a long
        batch holds one chunk of pages in memory. Cancelling or a refused record writes nothing (no
        half file). A preview renders without ``audit``; what is then printed or saved is recorded
        with ``record_print``."""
        spec = self.spec(key)
        self.ctx.require(spec.permission)
        if not record_ids:
            raise ServiceError("没有要打印的记录")
        template = self.template(key)
        path = target if isinstance(target, Path) else None
        partial = path.with_name(path.name + ".part") if path else None
        document = Document(template, partial or target, offset_mm, template.name)
        try:
            for i, rid in enumerate(record_ids):
                if cancelled is not None and cancelled.is_set():
                    raise _Cancelled
                context = spec.build(self.sources, rid)
                if spec.only is not None and value_of(context, spec.only[0]) != spec.only[1]:
                    raise ServiceError(spec.only[2])
                document.add(context)
                if progress:
                    progress(i + 1, len(record_ids) + 1)
            result = document.close()
        except BaseException as e:
            document.abandon()
            if partial:
                partial.unlink(missing_ok=True)
            if isinstance(e, _Cancelled):
                return PrintResult(None, key, template.version, 0, 0, (), cancelled=True)
            raise
        if partial and path:
            private_file(partial).replace(path)  # a form holds a resident's file: the user's alone
        if progress:
            progress(len(record_ids) + 1, len(record_ids) + 1)  # the last step: the file is written
        if audit:
            self.record_print(key, record_ids, template.version)
        return PrintResult(
            path, key, template.version, len(record_ids), result.pages, tuple(dict.fromkeys(result.clipped))
        )


STALE_PRINT_S = 24 * 3600  # a preview's folder older than a day was left by a run that crashed


def temp_folder() -> Path:
    """A new private folder for a preview's PDF and page images, under the data directory (or the
    system's when that cannot be written); the preview removes it when it closes."""
    base = data_dir() / "tmp"
    try:
        private_dir(base)
        remove_stale(base, "print-*", STALE_PRINT_S)
        return Path(tempfile.mkdtemp(prefix="print-", dir=base))
    except OSError:
        return Path(tempfile.mkdtemp(prefix="chc-print-"))  # made 0700 by tempfile


def save_copy(source: Path, target: Path) -> None:
    """A rendered form saved where the user chose: a resident's file, readable by that user alone."""
    shutil.copyfile(source, target)
    private_file(target)
