"""A trigram index for q= search on PostgreSQL (documents.text_norm LIKE '%word%').

The search query is the same on both databases (LIKE over the normalised text); on PostgreSQL a
pg_trgm GIN index lets that LIKE use an index instead of reading every document. SQLite has no
equivalent for LIKE '%…%' (FTS5 would need a different query), so there it stays a scan. When the
pg_trgm extension is not available (or the role may not create it) the migration leaves the
database as it is and search still works, just slower.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 10:42:00
"""

from __future__ import annotations

import logging

from alembic import op
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEX = "ix_documents_text_norm_trgm"
log = logging.getLogger("marsad.store.migrations")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    available = bind.execute(text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).first()
    if not available:
        log.warning("pg_trgm is not installed: q= search will scan the documents")
        return
    try:
        with bind.begin_nested():  # a savepoint: a refusal must not abort the migration
            # In `public`, so that databases using other schemas (search_path) share one copy.
            bind.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public"))
    except DBAPIError as exc:
        log.warning("cannot create the pg_trgm extension (%s): q= search will scan the documents", exc)
        return
    schema = bind.execute(
        text("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'")
    ).scalar_one()
    op.execute(
        f'CREATE INDEX IF NOT EXISTS {INDEX} ON documents USING gin (text_norm "{schema}".gin_trgm_ops)'
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP INDEX IF EXISTS {INDEX}")
