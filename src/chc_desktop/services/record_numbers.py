"""Assigning 健康档案编号 from this device's serial leases (docs/record-numbers.md).

A device hands out serials only from blocks leased to it, so two stations filing offline can never
issue the same number. A standalone workstation (no hub) leases for itself; a device that syncs is
granted blocks by the hub, and files with the number left to assign when its blocks run out.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from chc_desktop.domain.record_number import MAX_SERIAL, make_record_number
from chc_desktop.services.errors import ServiceError
from chc_desktop.store.database import Database
from chc_desktop.store.models import Resident, SerialLease, Site

# Set once a workstation joins a hub: from then on only the hub grants leases.


def record_prefix(street: Site, committee: Site) -> str:
    if not street.code or len(street.code) != 9 or not committee.code:
        raise ServiceError("街道或居委会缺少区划代码，无法编号")
    return street.code + committee.code


def _self_lease(session: Session, db: Database, prefix: str, block: int) -> SerialLease:
    top_lease = session.scalar(select(func.max(SerialLease.last_serial)).where(SerialLease.prefix == prefix))
    # Numbers may already exist from an import: never reuse one.
    top_used = session.scalar(
        select(func.max(Resident.record_no)).where(Resident.record_no.like(prefix + "%"))
    )
    start = max(top_lease or 0, int(top_used[-5:]) if top_used else 0) + 1
    if start > MAX_SERIAL:
        raise ServiceError("该居委会的档案编号已用完（99999），请联系管理员")
    lease = SerialLease(
        prefix=prefix,
        device_id=db.device_id,
        first_serial=start,
        last_serial=min(start + block - 1, MAX_SERIAL),
        next_serial=start,
    )
    session.add(lease)
    return lease


def open_leases(prefix: str, device_id: uuid.UUID) -> Select[SerialLease]:
    """This device's leases for a 居委 with numbers left, oldest first."""
    return (
        select(SerialLease)
        .where(
            SerialLease.prefix == prefix,
            SerialLease.device_id == device_id,
            SerialLease.next_serial <= SerialLease.last_serial,
            SerialLease.deleted_at.is_(None),
        )
        .order_by(SerialLease.first_serial)
    )


def assign_record_number(
    session: Session, db: Database, street: Site, committee: Site, block: int, standalone: bool
) -> str | None:
    """The next number for this 居委 from this device's leases, or None when none is left."""
    prefix = record_prefix(street, committee)
    lease = session.scalars(open_leases(prefix, db.device_id).limit(1)).first()
    if lease is None:
        if not standalone:
            return None
        lease = _self_lease(session, db, prefix, block)
    serial = lease.next_serial
    lease.next_serial = serial + 1
    return make_record_number(prefix[:6], prefix[6:9], prefix[9:12], serial).value


class SerialBlocks:
    """Numbers for many files in one transaction (an import): this device's leases, taken in whole
    blocks per 居委 — the same rules as ``assign_record_number``, without a query per file.

    Serials advance in memory and the leases are written when the session flushes (once, at the
    commit), so a rolled-back import leaves every lease as it was."""

    def __init__(self, session: Session, device_id: uuid.UUID, block: int, standalone: bool) -> None:
        self.session = session
        self.device_id = device_id
        self.block = block
        self.standalone = standalone
        self._leases: dict[str, list[SerialLease]] = {}
        # Highest serial leased per prefix in this transaction (pending leases are not flushed yet).
        self._top: dict[str, int] = {}

    def next(self, prefix: str) -> str | None:
        """The next number in the 居委 ``prefix`` (12 digits), or None when a syncing device has
        no lease left (the file waits for one, as filing does)."""
        leases = self._leases.get(prefix)
        if leases is None:
            leases = self._leases[prefix] = self._own(prefix)
        while leases and leases[0].next_serial > leases[0].last_serial:
            leases.pop(0)
        if not leases:
            if not self.standalone:
                return None
            leases.append(self._lease(prefix))
        lease = leases[0]
        serial = lease.next_serial
        lease.next_serial = serial + 1
        return make_record_number(prefix[:6], prefix[6:9], prefix[9:12], serial).value

    def _own(self, prefix: str) -> list[SerialLease]:
        with self.session.no_autoflush:
            return list(self.session.scalars(open_leases(prefix, self.device_id)))

    def _lease(self, prefix: str) -> SerialLease:
        """A standalone workstation leases the next block for itself (see ``_self_lease``)."""
        with self.session.no_autoflush:
            top_lease = self.session.scalar(
                select(func.max(SerialLease.last_serial)).where(SerialLease.prefix == prefix)
            )
            # A range, not LIKE: SQLite's LIKE cannot use the (binary) unique index on record_no.
            top_used = self.session.scalar(
                select(func.max(Resident.record_no)).where(
                    Resident.record_no >= prefix, Resident.record_no < prefix + ":"
                )
            )
        start = max(top_lease or 0, int(top_used[-5:]) if top_used else 0, self._top.get(prefix, 0)) + 1
        if start > MAX_SERIAL:
            raise ServiceError("该居委会的档案编号已用完（99999），请联系管理员")
        lease = SerialLease(
            prefix=prefix,
            device_id=self.device_id,
            first_serial=start,
            last_serial=min(start + self.block - 1, MAX_SERIAL),
            next_serial=start,
        )
        self.session.add(lease)
        self._top[prefix] = lease.last_serial
        return lease


def assign_pending_numbers(db: Database, block: int) -> int:
    """Give a number to every file this device saved as “（待分配）” while it had no lease left,
    now that the hub has granted more; returns how many got one."""
    done = 0
    with db.unit_of_work(None) as s:
        waiting = s.scalars(
            select(Resident)
            .where(
                Resident.record_no.is_(None),
                Resident.origin == db.device_id,
                Resident.deleted_at.is_(None),
                Resident.committee_id.is_not(None),
            )
            .order_by(Resident.created_at)
        ).all()
        for r in waiting:
            street, committee = s.get(Site, r.street_id), s.get(Site, r.committee_id)
            if street is None or committee is None:
                continue
            number = assign_record_number(s, db, street, committee, block, standalone=False)
            if number is None:
                continue
            r.record_no = number
            done += 1
    return done
