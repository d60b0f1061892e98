"""The reject file: one JSON object per rejected document, so nothing read is ever lost silently."""

from __future__ import annotations

import json
from pathlib import Path
from types import TracebackType
from typing import IO

from marsad.errors import Reject
from marsad.model import Document


class RejectWriter:
    """Context manager writing rejects as JSON Lines.

    `RejectWriter(path)` truncates the file when opened (one run, one reject file); pass
    `append=True` to add to an existing one. `path=None` counts rejects without writing them.
    Each line is flushed, so the file is complete up to the last reject even if the run dies.
    """

    def __init__(self, path: str | Path | None, *, append: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self.append = append
        self.count = 0
        self._file: IO[str] | None = None

    def __enter__(self) -> RejectWriter:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._file = self.path.open("a" if self.append else "w", encoding="utf-8")
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def write(self, reject: Reject | Document) -> None:
        """Append one reject (a `Reject`, or a rejected `Document`; an accepted one is ignored)."""
        if isinstance(reject, Document):
            if reject.reject is None:
                return
            record = {**reject.reject.to_dict(), "reader": reject.reader}
        else:
            record = reject.to_dict()
        self.count += 1
        if self.path is not None and self._file is None:
            raise RuntimeError("RejectWriter.write() outside its `with` block")
        if self._file is not None:
            self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._file.flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def read_rejects(path: str | Path) -> list[dict[str, object]]:
    """Load a reject file (for tests and for re-running the rejected documents)."""
    with Path(path).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
