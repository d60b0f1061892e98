"""`RunSummary`: what a run read, processed and rejected (by code), and the command's exit status.

Exit status (documented for every marsad command that reads documents):
- 0: every document was processed (none rejected);
- 3: some documents were rejected but at least one was processed;
- 1: nothing was processed (every document rejected, or no document at all).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from marsad.model import Document

EXIT_OK = 0
EXIT_NOTHING_PROCESSED = 1
EXIT_SOME_REJECTED = 3


class RunSummary:
    def __init__(self) -> None:
        self.processed = 0
        self.rejected: Counter[str] = Counter()  # reject code -> count
        self.by_reader: Counter[str] = Counter()
        self.reject_path: str | None = None  # where rejects were written, shown in render()

    def add(self, doc: Document) -> None:
        self.by_reader[doc.reader] += 1
        if doc.reject is None:
            self.processed += 1
        else:
            self.rejected[doc.reject.code] += 1

    def merge(self, other: RunSummary) -> None:
        """Add another summary's counts (one per worker, combined at the end)."""
        self.processed += other.processed
        self.rejected.update(other.rejected)
        self.by_reader.update(other.by_reader)

    @property
    def total(self) -> int:
        return self.processed + self.rejected_total

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())

    def exit_code(self) -> int:
        """0 all processed, 3 some rejected but some processed, 1 nothing processed."""
        if self.processed == 0:
            return EXIT_NOTHING_PROCESSED
        return EXIT_SOME_REJECTED if self.rejected_total else EXIT_OK

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "processed": self.processed,
            "rejected": self.rejected_total,
            "rejected_by_code": dict(sorted(self.rejected.items())),
            "by_reader": dict(sorted(self.by_reader.items())),
            "reject_file": self.reject_path,
            "exit_code": self.exit_code(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunSummary:
        summary = cls()
        summary.processed = int(data.get("processed", 0))
        summary.rejected.update({str(k): int(v) for k, v in data.get("rejected_by_code", {}).items()})
        summary.by_reader.update({str(k): int(v) for k, v in data.get("by_reader", {}).items()})
        summary.reject_path = data.get("reject_file")
        return summary

    def render(self) -> str:
        """A short human summary, e.g. for the end of a command's output."""
        doc_word = "document" if self.total == 1 else "documents"
        lines = [f"{self.total} {doc_word} read: {self.processed} processed, {self.rejected_total} rejected"]
        for code, count in sorted(self.rejected.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"  {code}: {count}")
        if self.rejected_total and self.reject_path:
            lines.append(f"rejected documents and reasons: {self.reject_path}")
        if self.total == 0:
            lines.append("no input document was found")
        return "\n".join(lines)
