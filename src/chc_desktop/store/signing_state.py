"""Two facts kept on each resident row by the database itself, so the workbench can count a
district in one pass over one index instead of probing contracts and tags 300,000 times:

- ``contract_until``: the last day of the resident's active contract (NULL without one). Signed on a
  day means ``contract_until >= day``, so expiry needs no job.
- ``key_tagged``: 1 while the resident holds an open tag of a key population the coverage counts
  (domain.contracts.COVERAGE_KEY_POPULATIONS that are not age groups; age groups come from the
  birth date at query time).

Triggers keep both current whatever writes the rows — a service, an import, a sync pull — and the
columns stay on the device (``Resident.sync_exclude``): each device derives them from synced rows.
Changing the tag list needs a migration that calls ``install`` again.
"""

from __future__ import annotations

from sqlalchemy import Connection

from chc_desktop.domain.contracts import COVERAGE_KEY_POPULATIONS
from chc_desktop.domain.key_populations import AGE_GROUPS

TAGGED = tuple(c for c in COVERAGE_KEY_POPULATIONS if c not in AGE_GROUPS)
TRIGGERS = (
    "contracts_signed_ins",
    "contracts_signed_upd",
    "contracts_signed_del",
    "kpt_tagged_ins",
    "kpt_tagged_upd",
    "kpt_tagged_del",
    "residents_state_ins",
)


# The two rules, each written once: a contract in force, and an open tag the coverage counts.
IN_FORCE = "status = 'active' AND deleted_at IS NULL"
COUNTED_TAG = f"code IN ({', '.join(repr(c) for c in TAGGED)}) AND deleted_at IS NULL AND until IS NULL"


def _until(rid: str) -> str:
    return f"(SELECT max(end_date) FROM contracts WHERE resident_id = {rid} AND {IN_FORCE})"


def _tagged(rid: str) -> str:
    return f"EXISTS (SELECT 1 FROM key_population_tags WHERE resident_id = {rid} AND {COUNTED_TAG})"


def trigger_ddl() -> list[str]:
    def contract(rid: str) -> str:
        return f"UPDATE residents SET contract_until = {_until(rid)} WHERE id = {rid};"

    def tag(rid: str) -> str:
        return f"UPDATE residents SET key_tagged = {_tagged(rid)} WHERE id = {rid};"

    new_c, old_c = contract("NEW.resident_id"), contract("OLD.resident_id")
    new_t, old_t = tag("NEW.resident_id"), tag("OLD.resident_id")
    return [
        f"CREATE TRIGGER contracts_signed_ins AFTER INSERT ON contracts BEGIN {new_c} END",
        "CREATE TRIGGER contracts_signed_upd AFTER UPDATE OF status, end_date, deleted_at, resident_id "
        f"ON contracts BEGIN {new_c} {old_c} END",
        f"CREATE TRIGGER contracts_signed_del AFTER DELETE ON contracts BEGIN {old_c} END",
        f"CREATE TRIGGER kpt_tagged_ins AFTER INSERT ON key_population_tags BEGIN {new_t} END",
        "CREATE TRIGGER kpt_tagged_upd AFTER UPDATE OF code, until, deleted_at, resident_id "
        f"ON key_population_tags BEGIN {new_t} {old_t} END",
        f"CREATE TRIGGER kpt_tagged_del AFTER DELETE ON key_population_tags BEGIN {old_t} END",
        # A resident pulled after its contracts or tags (another batch) picks them up on arrival.
        "CREATE TRIGGER residents_state_ins AFTER INSERT ON residents "
        "WHEN EXISTS (SELECT 1 FROM contracts WHERE resident_id = NEW.id) "
        "OR EXISTS (SELECT 1 FROM key_population_tags WHERE resident_id = NEW.id) BEGIN "
        f"UPDATE residents SET contract_until = {_until('NEW.id')}, key_tagged = {_tagged('NEW.id')} "
        "WHERE id = NEW.id; END",
    ]


def drop_triggers(conn: Connection) -> None:
    """Stop keeping the state row by row (a first sync derives it once at the end with ``install``)."""
    for name in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def ensure(conn: Connection) -> None:
    """Reinstall (and recount) when a trigger is missing, e.g. after a first sync was killed."""
    have = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    if any(name not in have for name in TRIGGERS):
        install(conn)


def install(conn: Connection) -> None:
    """(Re)create the triggers and derive both columns for every resident."""
    drop_triggers(conn)
    recount(conn)
    for ddl in trigger_ddl():
        conn.exec_driver_sql(ddl)


def recount(conn: Connection) -> None:
    """Derive both columns for every resident in one statement (after a bulk load, or to repair):
    the active contracts and open tags grouped once, joined to the residents, and only the rows
    whose value changes written — rewriting 300,000 rows costs more than deriving them."""
    conn.exec_driver_sql(
        f"WITH u AS (SELECT resident_id, max(end_date) AS until FROM contracts WHERE {IN_FORCE} "
        "GROUP BY resident_id), "
        f"t AS (SELECT DISTINCT resident_id FROM key_population_tags WHERE {COUNTED_TAG}), "
        "want AS (SELECT r.id AS id, u.until AS until, t.resident_id IS NOT NULL AS tagged "
        "FROM residents r LEFT JOIN u ON u.resident_id = r.id LEFT JOIN t ON t.resident_id = r.id "
        "WHERE r.contract_until IS NOT u.until OR r.key_tagged IS NOT (t.resident_id IS NOT NULL)) "
        "UPDATE residents SET contract_until = want.until, key_tagged = want.tagged "
        "FROM want WHERE want.id = residents.id"
    )
