"""The audit trail: who, when, which action, which record — never the personal values."""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import select

from chc_desktop.services.app import Services
from chc_desktop.store.models import AuditEntry, ChangeRecord
from tests.services.helpers import draft


def trail(services: Services) -> list[AuditEntry]:
    with services.db.reader() as s:
        return list(s.scalars(select(AuditEntry).order_by(AuditEntry.at, AuditEntry.hlc)))


def test_filing_viewing_editing_are_audited_without_personal_values(doctor: Services) -> None:
    d = draft(doctor)
    f = doctor.residents.file(d)
    doctor.residents.get(f.id)
    doctor.residents.update(f.id, replace(f.draft, phone="13900002222"))
    entries = [e for e in trail(doctor) if e.entity_id == f.id]
    assert [e.action for e in entries] == ["resident.create", "resident.view", "resident.update"]
    assert all(e.user_id == doctor.user.id for e in entries)  # type: ignore[union-attr]
    assert entries[-1].detail == {"fields": ["phone"]}
    text = json.dumps([e.detail for e in trail(doctor)], ensure_ascii=False)
    for secret in (d.name, d.id_number, d.phone, "13900002222", d.current_address):
        assert secret not in text


def test_audit_entries_sync_like_any_row(doctor: Services) -> None:
    doctor.residents.file(draft(doctor))
    with doctor.db.reader() as s:
        tables = set(s.scalars(select(ChangeRecord.table_name)))
    assert "audit_log" in tables


def test_failed_logins_are_audited(db) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from chc_desktop.services.errors import LoginFailed

    with pytest.raises(LoginFailed):
        Services(db).login("doctor", "wrong-password1")
    with db.reader() as s:
        actions = list(s.scalars(select(AuditEntry.action)))
    assert "login.fail" in actions
