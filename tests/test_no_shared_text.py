"""The repository repeats no passage of the real articles in ../shared (the project's own text only)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_no_tracked_file_repeats_eight_words_of_a_real_article(shared_dir: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "scan_shared_text.py")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[:3000]
    assert run.stdout == ""
