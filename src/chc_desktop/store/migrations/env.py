"""Alembic environment: always driven programmatically with a connection (store/migrate.py)."""

from alembic import context

from chc_desktop.store import models  # noqa: F401  (registers every table)
from chc_desktop.store.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
