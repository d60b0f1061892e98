"""Loading the text layer's reviewed data files (TSV, one entry per line, '#' comments).

Every file starts with a header row naming its columns; each entry carries an example that the
tests run. Loaders raise `TextDataError` with the file and line number on a malformed entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "text"


class TextDataError(ValueError):
    """A data file of the text layer is malformed."""


@dataclass(frozen=True, slots=True)
class Row:
    file: str
    line: int
    cols: dict[str, str]

    def __getitem__(self, key: str) -> str:
        return self.cols[key]

    def where(self) -> str:
        return f"{self.file}:{self.line}"


def unescape(s: str) -> str:
    """`\\uXXXX` escapes, so invisible characters stay reviewable in the files."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), s)


def read_tsv(name: str, columns: list[str], path: Path | None = None) -> list[Row]:
    path = path or DATA_DIR / name
    rows: list[Row] = []
    header: list[str] | None = None
    for n, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.split("\t")
        if header is None:
            header = cols
            if header != columns:
                raise TextDataError(f"{name}:{n}: header {header} != expected {columns}")
            continue
        if len(cols) != len(columns):
            raise TextDataError(f"{name}:{n}: expected {len(columns)} tab-separated columns, got {len(cols)}")
        rows.append(Row(name, n, {c: unescape(v.strip()) for c, v in zip(columns, cols, strict=True)}))
    if header is None:
        raise TextDataError(f"{name}: no header row")
    return rows
