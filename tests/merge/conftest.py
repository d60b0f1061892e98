"""Merge tests share the hand-written Arabic reports and database fixtures of tests/store."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "store"))

from dbkit import db_url  # type: ignore[import-not-found]  # noqa: F401
