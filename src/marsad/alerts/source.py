"""Where alert rows come from: event JSONL / Parquet shards (batch output) or the store.

A row that cannot be placed on a series (no id, no date, bad date) is skipped and counted with
its reason, never silently dropped: `RowReader.skipped` lists them for the CLI and the back-test.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.alerts.series import EventRow, as_row
from marsad.errors import ErrorCode, InputError

log = logging.getLogger(__name__)


@dataclass
class RowReader:
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (origin, reason)
    seen: set[str] = field(default_factory=set)  # ids read from files so far

    def rows(self, records: Iterable[Any], origin: str = "") -> Iterator[EventRow]:
        for i, rec in enumerate(records):
            try:
                yield as_row(rec)
            except (ValueError, TypeError) as exc:
                self.skipped.append((f"{origin}:{i + 1}", str(exc)))

    def jsonl(self, path: Path) -> Iterator[EventRow]:
        """EventRecord JSON Lines (plain or .gz), one event per line."""
        opener = gzip.open if path.suffix == ".gz" else open
        try:
            with opener(path, "rt", encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    try:
                        rec = json.loads(line)
                    except json.JSONDecodeError as exc:
                        self.skipped.append((f"{path}:{n}", f"{ErrorCode.JSON}: {exc}"))
                        continue
                    if not isinstance(rec, dict):
                        self.skipped.append((f"{path}:{n}", f"{ErrorCode.JSON}: not an object"))
                        continue
                    try:
                        yield as_row(rec)
                    except (ValueError, TypeError) as exc:
                        self.skipped.append((f"{path}:{n}", str(exc)))
        except OSError as exc:
            raise InputError(ErrorCode.IO, f"cannot read {path}: {exc}") from exc

    def parquet(self, path: Path) -> Iterator[EventRow]:
        import pyarrow.parquet as pq  # imported here: only the Parquet path needs it

        try:
            table = pq.read_table(path)
        except (OSError, ValueError) as exc:
            raise InputError(ErrorCode.IO, f"cannot read {path}: {exc}") from exc
        yield from self.rows(table.to_pylist(), str(path))

    def paths(self, paths: Iterable[Path]) -> Iterator[EventRow]:
        """Read files and directories (recursively: *.jsonl, *.jsonl.gz, *.parquet).

        A batch run writes each shard twice (part-N.jsonl and part-N.parquet): in a directory the
        Parquet twin of a JSONL file is not read again. An id seen twice is counted once (and the
        later copies are listed in `skipped` with E_DUPLICATE_ID).
        """
        for path in paths:
            if path.is_dir():
                files = sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and (p.name.endswith((".jsonl", ".jsonl.gz", ".parquet")))
                )
                names = {p.name for p in files}
                files = [
                    p
                    for p in files
                    if not (p.suffix == ".parquet" and {f"{p.stem}.jsonl", f"{p.stem}.jsonl.gz"} & names)
                ]
                yield from self.paths(files)
            elif path.name.endswith(".parquet"):
                yield from self._unique(self.parquet(path))
            else:
                yield from self._unique(self.jsonl(path))

    def _unique(self, rows: Iterable[EventRow]) -> Iterator[EventRow]:
        for row in rows:
            if row.id in self.seen:
                self.skipped.append((row.id, f"{ErrorCode.DUPLICATE_ID}: event id seen before"))
                continue
            self.seen.add(row.id)
            yield row


def rows_from_store(url: str, date_from: dt.date | None = None) -> tuple[list[EventRow], RowReader]:
    """Every event in the store from `date_from` on (None = all; the baseline needs the history).

    Imported lazily: the pure alert code does not depend on the store package.
    """
    from marsad.store import EventFilter, Store

    reader = RowReader()
    with Store(url) as store:
        filters = EventFilter(date_from=date_from) if date_from else None
        rows = list(reader.rows(store.iter_events(filters), url))
    if reader.skipped:
        log.warning("%d events skipped (no id or date)", len(reader.skipped))
    return rows, reader
