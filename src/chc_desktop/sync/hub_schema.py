"""The hub's own tables (SQLAlchemy Core), on PostgreSQL or on a SQLite file.

hub_changes is the change log with the server sequence; hub_rows is the merged state every pull
reads, ordered by the sequence of each row's last change.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Engine,
    Identity,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Uuid,
    create_engine,
    event,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import make_url

from chc_desktop.store import digest
from chc_desktop.store.database import dump_json
from chc_desktop.store.migrate import HEAD as DEVICE_SCHEMA
from chc_desktop.sync.protocol import HUB_SCHEMA_VERSION, PROTOCOL_VERSION, HubRefused

metadata = MetaData()
DEVICE_GROUP = "chc_device"  # PostgreSQL: the least-privilege group every workstation role joins
Json = JSON().with_variant(JSONB(), "postgresql")
Seq = BigInteger().with_variant(Integer(), "sqlite")  # SQLite autoincrements INTEGER keys only

META = Table(
    "hub_meta",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", String(200), nullable=False),
)

DEVICES = Table(
    "hub_devices",
    metadata,
    Column("device_id", Uuid, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("site_id", Uuid, nullable=False),
    Column("street_id", Uuid),  # the scope: residents of this street's centre
    Column("token_hash", String(64), nullable=False),
    Column("registered_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True)),
    Column("revoked", Boolean, nullable=False, default=False),
    Column("db_role", String(63)),  # PostgreSQL: the workstation's own login role, if it has one
)

CHANGES = Table(
    "hub_changes",
    metadata,
    Column("seq", Seq, Identity(), primary_key=True),
    Column("change_id", Uuid, nullable=False, unique=True),
    Column("device_id", Uuid, nullable=False),
    Column("table_name", String(40), nullable=False),
    Column("row_id", Uuid, nullable=False),
    Column("op", String(8), nullable=False),
    Column("data", Json, nullable=False),
    Column("base", Json),
    Column("hlc", String(64), nullable=False),
    Column("user_id", Uuid),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Column("conflicts", Integer, nullable=False, default=0),
    Index("ix_hub_changes_row", "row_id"),
)

ROWS = Table(
    "hub_rows",
    metadata,
    Column("row_id", Uuid, primary_key=True),
    Column("table_name", String(40), nullable=False),
    Column("scope_id", Uuid),  # a street; NULL: reference data every device holds
    Column("root_id", Uuid),  # the resident (or household) a row belongs to
    Column("data", Json, nullable=False),
    Column("clocks", Json),
    Column("hlc", String(64), nullable=False),
    Column("last_seq", Seq, nullable=False),
    Index("ix_hub_rows_last_seq", "last_seq", "row_id"),
    Index("ix_hub_rows_root", "root_id"),
    Index("ix_hub_rows_table_scope", "table_name", "scope_id"),
)

TOUCHES = Table(
    "hub_touches",
    metadata,
    Column("device_id", Uuid, nullable=False),
    Column("root_id", Uuid, nullable=False),
    PrimaryKeyConstraint("device_id", "root_id"),
)

UNIQUE = Table(
    "hub_unique",
    metadata,
    Column("table_name", String(40), nullable=False),
    Column("field", String(40), nullable=False),
    Column("value", String(200), nullable=False),
    Column("row_id", Uuid, nullable=False),
    PrimaryKeyConstraint("table_name", "field", "value"),
)

# Per street ("" for reference data) and table: row count and sum of row hashes, kept by triggers
# on hub_rows (store/digest.py has the hash), so an agreement check reads sums, not rows.
DIGESTS = Table(
    "hub_digests",
    metadata,
    Column("scope_key", String(32), nullable=False),
    Column("table_name", String(40), nullable=False),
    Column("n", BigInteger, nullable=False),
    Column("total", BigInteger, nullable=False),
    PrimaryKeyConstraint("scope_key", "table_name"),
)

QUARANTINE = Table(
    "hub_quarantine",
    metadata,
    Column("change_id", Uuid, primary_key=True),
    Column("device_id", Uuid, nullable=False),
    Column("table_name", String(40), nullable=False),
    Column("row_id", Uuid, nullable=False),
    Column("code", String(40), nullable=False),
    Column("reason", String(400), nullable=False),
    Column("received_at", DateTime(timezone=True), nullable=False),
)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we issue BEGIN IMMEDIATE ourselves (below)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()
    digest.register(dbapi_conn)


def hub_engine(url: str, password: str | None = None) -> Engine:
    """An engine on the hub; a SQLite hub takes its write lock when a transaction begins, so
    pushes serialize without the lock-upgrade deadlocks of SQLite's deferred transactions."""
    u = make_url(url)
    if password is not None:
        u = u.set(password=password)
    if u.get_backend_name() == "sqlite":
        engine = create_engine(u, json_serializer=dump_json)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        return engine
    if u.get_backend_name() == "postgresql" and u.get_driver_name() in ("", "psycopg2"):
        u = u.set(drivername="postgresql+psycopg")
    return create_engine(u, json_serializer=dump_json, pool_pre_ping=True, connect_args=_connect_args(u))


def _connect_args(u: Any) -> dict[str, Any]:
    return {"connect_timeout": 5} if u.get_backend_name() == "postgresql" else {}


def init_hub(engine: Engine) -> str:
    """Create the hub's tables (idempotent) and record the versions it speaks; returns a summary."""
    with engine.begin() as conn:
        metadata.create_all(conn)
        _digest_triggers(conn)
        if conn.dialect.name == "postgresql":
            _device_group(conn)
        existing = dict(conn.execute(select(META.c.key, META.c.value)).all())
        if existing.get("hub_schema") not in (None, str(HUB_SCHEMA_VERSION)):
            raise HubRefused(
                f"中心数据库结构版本为 {existing['hub_schema']}，本程序使用 {HUB_SCHEMA_VERSION}，"
                "请使用对应版本的程序。"
            )
        wanted = {
            "hub_schema": str(HUB_SCHEMA_VERSION),
            "protocol": str(PROTOCOL_VERSION),
            "device_schema": DEVICE_SCHEMA,
        }
        for key, value in wanted.items():
            if key in existing:
                conn.execute(META.update().where(META.c.key == key).values(value=value))
            else:
                conn.execute(META.insert().values(key=key, value=value))
    return f"hub schema {HUB_SCHEMA_VERSION}, protocol {PROTOCOL_VERSION}, device schema {DEVICE_SCHEMA}"


_PG_DIGEST = [
    f"""CREATE OR REPLACE FUNCTION {digest.FUNCTION}(id uuid, hlc text) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT ('x' || left(md5(replace($1::text, '-', '') || $2), {digest.HASH_HEX}))::bit(40)::bigint $$""",
    """CREATE OR REPLACE FUNCTION chc_hub_digest() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE hub_digests SET n = n - 1, total = total - chc_row_hash(OLD.row_id, OLD.hlc)
         WHERE scope_key = coalesce(replace(OLD.scope_id::text, '-', ''), '') AND table_name = OLD.table_name;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO hub_digests (scope_key, table_name, n, total)
        VALUES (coalesce(replace(NEW.scope_id::text, '-', ''), ''), NEW.table_name, 1,
                chc_row_hash(NEW.row_id, NEW.hlc))
        ON CONFLICT (scope_key, table_name)
        DO UPDATE SET n = hub_digests.n + 1, total = hub_digests.total + EXCLUDED.total;
      END IF;
      RETURN NULL;
    END $$""",
    "DROP TRIGGER IF EXISTS hub_rows_digest ON hub_rows",
    """CREATE TRIGGER hub_rows_digest AFTER INSERT OR DELETE OR UPDATE OF hlc, scope_id, table_name
    ON hub_rows FOR EACH ROW EXECUTE FUNCTION chc_hub_digest()""",
]

_SQLITE_ADD = """INSERT INTO hub_digests (scope_key, table_name, n, total)
    VALUES (coalesce(NEW.scope_id, ''), NEW.table_name, 1, chc_row_hash(NEW.row_id, NEW.hlc))
    ON CONFLICT (scope_key, table_name) DO UPDATE SET n = n + 1, total = total + excluded.total;"""
_SQLITE_SUB = """UPDATE hub_digests SET n = n - 1, total = total - chc_row_hash(OLD.row_id, OLD.hlc)
    WHERE scope_key = coalesce(OLD.scope_id, '') AND table_name = OLD.table_name;"""
_SQLITE_DIGEST = [
    "DROP TRIGGER IF EXISTS hub_rows_digest_ins",
    "DROP TRIGGER IF EXISTS hub_rows_digest_upd",
    "DROP TRIGGER IF EXISTS hub_rows_digest_del",
    f"CREATE TRIGGER hub_rows_digest_ins AFTER INSERT ON hub_rows BEGIN {_SQLITE_ADD} END",
    f"CREATE TRIGGER hub_rows_digest_upd AFTER UPDATE OF hlc, scope_id, table_name ON hub_rows "
    f"BEGIN {_SQLITE_SUB} {_SQLITE_ADD} END",
    f"CREATE TRIGGER hub_rows_digest_del AFTER DELETE ON hub_rows BEGIN {_SQLITE_SUB} END",
]


def _digest_triggers(conn: Any) -> None:
    for ddl in _PG_DIGEST if conn.dialect.name == "postgresql" else _SQLITE_DIGEST:
        conn.exec_driver_sql(ddl)


def _device_group(conn: Any) -> None:
    """What a workstation may do on a PostgreSQL hub: read the hub's facts, append changes, merge
    rows — no DELETE, no DDL, no enrolment, no reading other devices' tokens beyond its own check."""
    g = DEVICE_GROUP
    if conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(g)s", {"g": g}).first() is None:
        conn.exec_driver_sql(f"CREATE ROLE {g} NOLOGIN")
    db = conn.exec_driver_sql("SELECT current_database()").scalar_one()
    for grant in (
        f'GRANT CONNECT ON DATABASE "{db}" TO {g}',
        f"GRANT USAGE ON SCHEMA public TO {g}",
        f"GRANT SELECT ON hub_meta, hub_devices TO {g}",
        f"GRANT UPDATE (last_seen_at) ON hub_devices TO {g}",
        # The change log's values stay out of reach: a workstation sees who changed what, when.
        f"GRANT SELECT (seq, change_id, device_id, table_name, row_id, op, hlc, user_id, created_at, "
        f"received_at, conflicts) ON hub_changes TO {g}",
        f"GRANT INSERT ON hub_changes TO {g}",
        f"GRANT SELECT, INSERT ON hub_touches, hub_quarantine, hub_unique TO {g}",
        f"GRANT SELECT, INSERT, UPDATE ON hub_rows, hub_digests TO {g}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {g}",
        f"GRANT EXECUTE ON FUNCTION {digest.FUNCTION}(uuid, text) TO {g}",
    ):
        conn.exec_driver_sql(grant)
    # Row-level scope: a workstation role reads and writes only reference rows, its street's
    # rows and the files it touched — enforced by PostgreSQL whatever the client sends.
    visible = """scope_id IS NULL
        OR scope_id = (SELECT street_id FROM hub_devices WHERE db_role = current_user)
        OR root_id IN (SELECT t.root_id FROM hub_touches t JOIN hub_devices d ON d.device_id = t.device_id
                       WHERE d.db_role = current_user)"""
    conn.exec_driver_sql("ALTER TABLE hub_rows ENABLE ROW LEVEL SECURITY")
    conn.exec_driver_sql("DROP POLICY IF EXISTS chc_device_scope ON hub_rows")
    conn.exec_driver_sql(
        f"CREATE POLICY chc_device_scope ON hub_rows TO {g} USING ({visible}) WITH CHECK ({visible})"
    )
    # The owner's hubs and administrators are not bound by the policy (they own the table).
    conn.exec_driver_sql(
        """CREATE OR REPLACE FUNCTION chc_known_rows(ids uuid[]) RETURNS SETOF uuid
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS
        $$ SELECT row_id FROM hub_rows WHERE row_id = ANY(ids) $$"""
    )
    conn.exec_driver_sql("REVOKE ALL ON FUNCTION chc_known_rows(uuid[]) FROM PUBLIC")
    conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION chc_known_rows(uuid[]) TO {g}")


def rebuild_digests(conn: Any) -> None:
    """Recount hub_digests from hub_rows (after a bulk load with the trigger disabled, or a restore)."""
    h = f"{digest.FUNCTION}(row_id, hlc)"
    scope = (
        "coalesce(replace(scope_id::text, '-', ''), '')"
        if conn.dialect.name == "postgresql"
        else "coalesce(scope_id, '')"
    )
    conn.exec_driver_sql("DELETE FROM hub_digests")
    conn.exec_driver_sql(
        f"INSERT INTO hub_digests (scope_key, table_name, n, total) "
        f"SELECT {scope}, table_name, count(*), sum({h}) FROM hub_rows GROUP BY 1, 2"
    )


def drop_hub(engine: Engine) -> None:
    """Remove the hub's tables, policy and functions (tests and throwaway hubs only)."""
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            if conn.exec_driver_sql("SELECT to_regclass('hub_rows')").scalar():
                conn.exec_driver_sql("DROP POLICY IF EXISTS chc_device_scope ON hub_rows")
            conn.exec_driver_sql("DROP FUNCTION IF EXISTS chc_known_rows(uuid[])")
        metadata.drop_all(conn)
