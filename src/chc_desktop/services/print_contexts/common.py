"""Pieces every form's context shares: the sources a context reads, and the resident header."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from chc_desktop.domain import codes
from chc_desktop.security.roles import Permission
from chc_desktop.services.contracts import ContractService
from chc_desktop.services.homebeds import HomeBedService
from chc_desktop.services.hospice import HospiceService
from chc_desktop.services.referrals import ReferralService
from chc_desktop.services.residents import ResidentFile, ResidentService
from chc_desktop.services.sites import SiteService
from chc_desktop.services.teams import TeamService
from chc_desktop.services.users import UserService

# The fields of the resident header, as forms/README.md documents them.
RESIDENT_FIELDS = frozenset(
    "resident." + f
    for f in [
        "name",
        "sex",
        "sex_label",
        "age",
        "birth_date",
        "id_number",
        "record_no",
        "record_no_digits",
        "phone",
        "address",
        "registered_address",
        "street",
        "committee",
        "doctor",
        "filed_by",
        "filing_site",
        "filed_on",
        "contact_name",
        "contact_phone",
    ]
)


@dataclass(frozen=True)
class Sources:
    """The services a context reads (never writes)."""

    residents: ResidentService
    contracts: ContractService
    teams: TeamService
    referrals: ReferralService
    hospice: HospiceService
    homebeds: HomeBedService
    sites: SiteService
    users: UserService


Build = Callable[[Sources, uuid.UUID], dict[str, Any]]


@dataclass(frozen=True)
class FormSpec:
    """A printable form: its template (``forms/<key>.toml``), what record it prints, who may print
    it, the fields its context provides, how the context is built, and the audit entity."""

    key: str  # the template's file stem, and the name on the command line
    title: str
    record: str  # resident | contract | referral | assessment | homebed | round
    permission: Permission
    fields: frozenset[str]
    build: Build
    entity: str
    only: tuple[str, str, str] | None = None  # (field, value, why): a record this form cannot print


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def resident_header(file: ResidentFile) -> dict[str, Any]:
    d = file.draft
    return {
        "name": d.name,
        "sex": d.sex,
        "sex_label": codes.SEX.label_or(d.sex, ""),
        "age": file.age,
        "birth_date": _date(d.birth_date),
        "id_number": d.id_number,
        "record_no": file.record_no_formatted if file.record_no else "",
        "record_no_digits": file.record_no or "",
        "phone": d.phone,
        "address": d.current_address,
        "registered_address": d.registered_address,
        "street": file.street,
        "committee": file.committee,
        "doctor": file.doctor,
        "filed_by": file.filed_by,
        "filing_site": file.filing_site,
        "filed_on": _date(d.filing_date),
        "contact_name": d.contact_name,
        "contact_phone": d.contact_phone,
    }


def resident(src: Sources, resident_id: uuid.UUID) -> dict[str, Any]:
    return resident_header(src.residents.get(resident_id))
