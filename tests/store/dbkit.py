"""Database fixtures shared by the store, API and merge tests: every test gets a fresh database, SQLite (a temporary file) and PostgreSQL.

PostgreSQL runs when MARSAD_TEST_PG_URL is set (`.ci/run` starts a throw-away server and sets it;
for a manual run: `source .ci/postgres.sh && pg_start`); each test gets its own schema, dropped
afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from marsad.store.db import make_null_pool_engine

PG_URL = os.environ.get("MARSAD_TEST_PG_URL")


def _fresh_pg_database() -> Iterator[str]:
    """A fresh schema (namespace) in the test database: as isolated as a new database for
    marsad's tables, and instant to create and drop. The URL carries the search_path."""
    assert PG_URL is not None
    name = f"marsad_t_{uuid.uuid4().hex[:12]}"
    admin = make_null_pool_engine(PG_URL)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'marsad.db'}"
        return
    if not PG_URL:
        pytest.skip("MARSAD_TEST_PG_URL is not set: run `source .ci/postgres.sh && pg_start` (or .ci/run)")
    yield from _fresh_pg_database()
