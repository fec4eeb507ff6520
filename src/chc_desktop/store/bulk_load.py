"""Loading many synced rows at once — a first sync's pull, a site's snapshot — with what the
database keeps row by row set aside and done once at the end: the secondary indexes
(deferred_indexes), each table's digest sum for inserted rows (the loader adds the inserted rows'
sums itself: digest.add_inserted), and the derived signing state (signing_state).

``finish`` is also what a start runs after a load was killed midway: whatever is still set aside
is built, recounted or derived again.
"""

from __future__ import annotations

from sqlalchemy import Connection

from chc_desktop.store import deferred_indexes, digest, signing_state


def set_aside(conn: Connection, tables: list[str]) -> None:
    deferred_indexes.defer(conn)
    digest.drop_triggers(conn, tables, kinds=("ins",))
    signing_state.drop_triggers(conn)


def finish(conn: Connection, tables: list[str]) -> None:
    deferred_indexes.restore(conn)
    digest.ensure(conn, tables)  # a table whose insert trigger is still missing is recounted
    signing_state.ensure(conn)
