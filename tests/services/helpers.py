"""Building valid drafts for service tests (synthetic people only)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from chc_desktop.domain.id_number import check_digit
from chc_desktop.domain.resident import ResidentDraft
from chc_desktop.services.app import Services


def id_number(birth: str = "19500301", seq: str = "123", region: str = "310105") -> str:
    first17 = region + birth + seq
    return first17 + check_digit(first17)


def draft(services: Services, **overrides: Any) -> ResidentDraft:
    street = next(s for s in services.sites.list("street") if s.code == "310105008")
    committee = services.sites.list("committee", street.id)[0]
    base = ResidentDraft(
        name="张三",
        id_number=id_number(),
        phone="13812345678",
        current_address="仙霞路 100 弄 1 号 101 室",
        registered_address="仙霞路 100 弄 1 号 101 室",
        street_id=street.id,
        committee_id=committee.id,
        residence_type="1",
        ethnicity="01",
        payment_methods=("1",),
    )
    return replace(base, **overrides)
