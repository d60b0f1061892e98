"""Store tests: every test gets a fresh database (see dbkit)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dbkit import db_url  # noqa: F401
