"""Alert test fixtures. `db_url`: a fresh SQLite file, and a fresh PostgreSQL schema when
MARSAD_TEST_PG_URL is set (`.ci/run`, or `source .ci/postgres.sh && pg_start`) — the store tests'
fixture (tests/store/dbkit.py), not a copy of it."""

from __future__ import annotations

import sys
from pathlib import Path

# Make the helper modules next to the tests, and the store tests' database kit, importable without
# turning tests into a package.
sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))

from dbkit import db_url  # type: ignore[import-not-found]  # noqa: F401  (the fixture)
