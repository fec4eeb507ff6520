"""The hub's own tables (SQLAlchemy Core), on PostgreSQL or on a SQLite file.

Only the hub server connects to this database. hub_changes is the change log with the server
sequence; hub_rows is the merged state every pull reads, ordered by the sequence of each row's last
change; hub_reach says which files reached which site (filed there, referred there), which the
server alone writes when it accepts a change.
"""

from __future__ import annotations

import uuid
from typing import Any

import orjson
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
    inspect,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import make_url

from chc_desktop.store import digest
from chc_desktop.store.database import dump_json
from chc_desktop.store.migrate import HEAD as DEVICE_SCHEMA
from chc_desktop.sync.protocol import HUB_SCHEMA_VERSION, PROTOCOL_VERSION, HubRefused

metadata = MetaData()
LEGACY_DEVICE_GROUP = "chc_device"  # version 1's PostgreSQL group of workstation roles
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
    # HMAC-SHA256 of the device's secret under the server's own key (never the secret itself).
    Column("token_hash", String(64), nullable=False),
    Column("registered_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True)),
    Column("revoked", Boolean, nullable=False, default=False),
    Column("revoked_at", DateTime(timezone=True)),
    Column("rotated_at", DateTime(timezone=True)),
)

# One-time enrolment codes an administrator issues for a site; kept only as their HMAC.
ENROLMENTS = Table(
    "hub_enrolments",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("site_id", Uuid, nullable=False),
    Column("issued_by", String(80), nullable=False),  # "hub" or an administrator's user id
    Column("issued_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("used_at", DateTime(timezone=True)),
    Column("device_id", Uuid),
)

# An administrator's session on the admin API (after a login from an enrolled workstation).
SESSIONS = Table(
    "hub_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Uuid, nullable=False),
    Column("device_id", Uuid, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
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

# Files (a resident, a household) that reached a site outside its street: filed or edited there,
# or referred to it. Written by the server when it accepts a change, never by a client.
REACH = Table(
    "hub_reach",
    metadata,
    Column("site_id", Uuid, nullable=False),
    Column("root_id", Uuid, nullable=False),
    PrimaryKeyConstraint("site_id", "root_id"),
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


def hub_engine(url: str, statement_timeout_s: int | None = None) -> Engine:
    """An engine on the hub; a SQLite hub takes its write lock when a transaction begins, so
    pushes serialize without the lock-upgrade deadlocks of SQLite's deferred transactions."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        engine = create_engine(u, json_serializer=dump_json, hide_parameters=True)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
        return engine
    if u.get_backend_name() == "postgresql" and u.get_driver_name() in ("", "psycopg2"):
        u = u.set(drivername="postgresql+psycopg")
    connect: dict[str, Any] = {"connect_timeout": 5} if u.get_backend_name() == "postgresql" else {}
    if statement_timeout_s and u.get_backend_name() == "postgresql":
        connect["options"] = f"-c statement_timeout={int(statement_timeout_s) * 1000}"
    # Up to 30 requests of one server process at once hold a connection each.
    engine = create_engine(
        u,
        json_serializer=dump_json,
        hide_parameters=True,  # an error's message never carries the rows' values
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=20,
        pool_timeout=30,
        connect_args=connect,
    )
    if u.get_driver_name() == "psycopg":
        event.listen(engine, "connect", _orjson_loads)
    return engine


def _orjson_loads(dbapi_conn: Any, _record: Any) -> None:
    """jsonb read with orjson: a push reads the rows it changes (1,000 resident rows: 117 ms of
    json.loads), a pull's staff rows too."""
    from psycopg.types.json import set_json_loads

    set_json_loads(orjson.loads, dbapi_conn)


def init_hub(engine: Engine) -> str:
    """Create the hub's tables (idempotent), upgrade a version-1 hub, and record the versions it
    speaks; returns a summary."""
    with engine.begin() as conn:
        existing = (
            dict(conn.execute(select(META.c.key, META.c.value)).all())
            if inspect(conn).has_table("hub_meta")
            else {}
        )
        version = existing.get("hub_schema")
        if version not in (None, "1", str(HUB_SCHEMA_VERSION)):
            raise HubRefused(
                f"中心数据库结构版本为 {version}，本程序使用 {HUB_SCHEMA_VERSION}，请使用对应版本的程序。"
            )
        if version == "1":
            _upgrade_from_1(conn)
        metadata.create_all(conn)
        _digest_triggers(conn)
        if version == "1":
            rebuild_digests(conn)  # version 1 summed (id, stamp) only; now every field counts
        wanted = {
            "hub_schema": str(HUB_SCHEMA_VERSION),
            "protocol": str(PROTOCOL_VERSION),
            "device_schema": DEVICE_SCHEMA,
        }
        if "hub_id" not in existing:
            wanted["hub_id"] = str(uuid.uuid4())
        for key, value in wanted.items():
            if key in existing:
                conn.execute(META.update().where(META.c.key == key).values(value=value))
            else:
                conn.execute(META.insert().values(key=key, value=value))
    return f"hub schema {HUB_SCHEMA_VERSION}, protocol {PROTOCOL_VERSION}, device schema {DEVICE_SCHEMA}"


def _upgrade_from_1(conn: Any) -> None:
    """Version 1 let workstations run the hub logic on this database with roles of their own. The
    server now holds the database alone: drop those roles and the row policy, keep which files each
    device touched as files that reached its site, and void the old tokens (every workstation
    re-enrols with a code; its unsent changes wait on it)."""
    pg = conn.dialect.name == "postgresql"
    reach = Table("hub_reach", MetaData(), *(c.copy() for c in REACH.columns))
    reach.create(conn, checkfirst=True)
    if inspect(conn).has_table("hub_touches"):
        conn.exec_driver_sql(
            "INSERT INTO hub_reach (site_id, root_id) SELECT DISTINCT d.site_id, t.root_id "
            "FROM hub_touches t JOIN hub_devices d ON d.device_id = t.device_id"
            + (" ON CONFLICT DO NOTHING" if pg else "")
        )
        conn.exec_driver_sql("DROP TABLE hub_touches")
    columns = {c["name"] for c in inspect(conn).get_columns("hub_devices")}
    for name in ("revoked_at", "rotated_at"):
        if name not in columns:
            kind = "TIMESTAMP WITH TIME ZONE" if pg else "DATETIME"
            conn.exec_driver_sql(f"ALTER TABLE hub_devices ADD COLUMN {name} {kind}")
    if pg:
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS hub_rows_digest ON hub_rows")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS chc_row_hash(uuid, text) CASCADE")
        roles = [
            r for (r,) in conn.exec_driver_sql("SELECT db_role FROM hub_devices WHERE db_role IS NOT NULL")
        ]
        conn.exec_driver_sql("DROP POLICY IF EXISTS chc_device_scope ON hub_rows")
        conn.exec_driver_sql("ALTER TABLE hub_rows DISABLE ROW LEVEL SECURITY")
        conn.exec_driver_sql("DROP FUNCTION IF EXISTS chc_known_rows(uuid[])")
        for role in [*roles, LEGACY_DEVICE_GROUP]:
            if conn.exec_driver_sql("SELECT 1 FROM pg_roles WHERE rolname = %(r)s", {"r": role}).first():
                conn.exec_driver_sql(f'DROP OWNED BY "{role}"')
                conn.exec_driver_sql(f'DROP ROLE "{role}"')
        conn.exec_driver_sql("ALTER TABLE hub_devices DROP COLUMN IF EXISTS db_role")
    elif "db_role" in columns:
        conn.exec_driver_sql("ALTER TABLE hub_devices DROP COLUMN db_role")
    # A version-1 token is an unkeyed hash the workstation also held: it opens nothing any more.
    conn.exec_driver_sql("UPDATE hub_devices SET token_hash = ''")


_PG_DIGEST = [
    # store/digest.py's hash, in SQL: jsonb's text form is the canonical one there.
    f"""CREATE OR REPLACE FUNCTION {digest.HUB_FUNCTION}(id uuid, hlc text, tbl text, data jsonb)
    RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT ('x' || left(md5(replace($1::text, '-', '') || $2 || (CASE WHEN $3 = 'staff_users'
         THEN jsonb_strip_nulls($4) - 'password_hash' ELSE jsonb_strip_nulls($4) END)::text),
         {digest.HASH_HEX}))::bit(40)::bigint $$""",
    """CREATE OR REPLACE FUNCTION chc_hub_digest() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE hub_digests
           SET n = n - 1, total = total - chc_hub_row_hash(OLD.row_id, OLD.hlc, OLD.table_name, OLD.data)
         WHERE scope_key = coalesce(replace(OLD.scope_id::text, '-', ''), '') AND table_name = OLD.table_name;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO hub_digests (scope_key, table_name, n, total)
        VALUES (coalesce(replace(NEW.scope_id::text, '-', ''), ''), NEW.table_name, 1,
                chc_hub_row_hash(NEW.row_id, NEW.hlc, NEW.table_name, NEW.data))
        ON CONFLICT (scope_key, table_name)
        DO UPDATE SET n = hub_digests.n + 1, total = hub_digests.total + EXCLUDED.total;
      END IF;
      RETURN NULL;
    END $$""",
    "DROP TRIGGER IF EXISTS hub_rows_digest ON hub_rows",
    """CREATE TRIGGER hub_rows_digest AFTER INSERT OR DELETE OR UPDATE OF hlc, scope_id, table_name, data
    ON hub_rows FOR EACH ROW EXECUTE FUNCTION chc_hub_digest()""",
]

_SQLITE_ADD = """INSERT INTO hub_digests (scope_key, table_name, n, total)
    VALUES (coalesce(NEW.scope_id, ''), NEW.table_name, 1,
            chc_hub_row_hash(NEW.row_id, NEW.hlc, NEW.table_name, NEW.data))
    ON CONFLICT (scope_key, table_name) DO UPDATE SET n = n + 1, total = total + excluded.total;"""
_SQLITE_SUB = """UPDATE hub_digests
    SET n = n - 1, total = total - chc_hub_row_hash(OLD.row_id, OLD.hlc, OLD.table_name, OLD.data)
    WHERE scope_key = coalesce(OLD.scope_id, '') AND table_name = OLD.table_name;"""
_SQLITE_DIGEST = [
    "DROP TRIGGER IF EXISTS hub_rows_digest_ins",
    "DROP TRIGGER IF EXISTS hub_rows_digest_upd",
    "DROP TRIGGER IF EXISTS hub_rows_digest_del",
    f"CREATE TRIGGER hub_rows_digest_ins AFTER INSERT ON hub_rows BEGIN {_SQLITE_ADD} END",
    f"CREATE TRIGGER hub_rows_digest_upd AFTER UPDATE OF hlc, scope_id, table_name, data ON hub_rows "
    f"BEGIN {_SQLITE_SUB} {_SQLITE_ADD} END",
    f"CREATE TRIGGER hub_rows_digest_del AFTER DELETE ON hub_rows BEGIN {_SQLITE_SUB} END",
]


def _digest_triggers(conn: Any) -> None:
    for ddl in _PG_DIGEST if conn.dialect.name == "postgresql" else _SQLITE_DIGEST:
        conn.exec_driver_sql(ddl)


def rebuild_digests(conn: Any) -> None:
    """Recount hub_digests from hub_rows (after a bulk load with the trigger disabled, or a restore)."""
    h = f"{digest.HUB_FUNCTION}(row_id, hlc, table_name, data)"
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
    """Remove the hub's tables (tests and throwaway hubs only)."""
    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.exec_driver_sql("DROP TABLE IF EXISTS hub_touches")
