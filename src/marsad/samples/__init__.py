"""Bundled sample reports for `make demo` (written by the project; see tests/fixtures/reports/README.md).

20 Arabic agency-style reports (JSON Lines: id, outlet, published, title, url, text) across Iraq,
Syria, Yemen, Somalia, Libya, Sudan, Lebanon and Tunisia, 2021-2024, including two reports of the
same incident and a different incident in the same city on the same day.
"""

from __future__ import annotations

from pathlib import Path

SAMPLE_REPORTS = Path(__file__).resolve().parent / "reports.jsonl"


def sample_reports_path() -> Path:
    """Path of the bundled sample set (a file inside the installed package)."""
    return SAMPLE_REPORTS
