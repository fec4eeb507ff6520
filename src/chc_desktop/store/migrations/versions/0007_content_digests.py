"""content digests: each synced row's digest covers every synced field, not only its stamp, so a
row changed anywhere without a new stamp shows in the agreement check (store/digest.py)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from collections.abc import Sequence

from alembic import op

from chc_desktop.store import digest

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _synced_tables() -> list[str]:
    rows = op.get_bind().exec_driver_sql("SELECT table_name FROM sync_digest").all()
    return [r[0] for r in rows]


def upgrade() -> None:
    digest.install(op.get_bind(), _synced_tables())  # new triggers, every sum counted again


def downgrade() -> None:
    # An older program counts its own way again when it finds its triggers missing.
    digest.drop_triggers(op.get_bind(), _synced_tables())
