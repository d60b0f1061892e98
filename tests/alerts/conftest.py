"""Alert test fixtures. `db_url`: a fresh SQLite file, and a fresh PostgreSQL database when
MARSAD_TEST_PG_URL is set (`.ci/run`, or `source .ci/postgres.sh && pg_start`)."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

# Make the helper modules next to the tests importable without turning tests into a package.
sys.path.insert(0, str(Path(__file__).parent))

from marsad.store.db import make_null_pool_engine, sqlalchemy_url

PG_URL = os.environ.get("MARSAD_TEST_PG_URL")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'marsad.db'}"
        return
    if not PG_URL:
        pytest.skip("MARSAD_TEST_PG_URL is not set: run `source .ci/postgres.sh && pg_start` (or .ci/run)")
    name = f"marsad_alerts_{uuid.uuid4().hex[:12]}"
    admin = make_null_pool_engine(PG_URL)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{sqlalchemy_url(PG_URL).rsplit('/', 1)[0]}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
