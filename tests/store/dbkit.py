"""Database fixtures shared by the store, API and merge tests: every test gets a fresh database, SQLite (a temporary file) and PostgreSQL.

PostgreSQL runs when MARSAD_TEST_PG_URL is set (`.ci/run` starts a throw-away server and sets it;
for a manual run: `source .ci/postgres.sh && pg_start`); each test gets its own database,
created from the server's template and dropped afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from marsad.store.db import make_null_pool_engine, sqlalchemy_url

PG_URL = os.environ.get("MARSAD_TEST_PG_URL")


def _fresh_pg_database() -> Iterator[str]:
    assert PG_URL is not None
    name = f"marsad_t_{uuid.uuid4().hex[:12]}"
    admin = make_null_pool_engine(PG_URL)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    base = sqlalchemy_url(PG_URL).rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'marsad.db'}"
        return
    if not PG_URL:
        pytest.skip("MARSAD_TEST_PG_URL is not set: run `source .ci/postgres.sh && pg_start` (or .ci/run)")
    yield from _fresh_pg_database()
