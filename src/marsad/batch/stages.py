"""Small real stages of the batch layer itself.

`WordSplitStage` is the "bare pass" of the benchmarks: it only splits the decoded text into words,
the least any text pipeline must do, so its speed is the practical limit the real stages are
measured against. It also makes the executors testable without the heavy stages.
"""

from __future__ import annotations

from marsad.model import Document
from marsad.stage import Stage


class WordSplitStage(Stage):
    name = "words"
    version = "1"

    def process(self, doc: Document) -> Document:
        n = len(doc.text.split())
        doc.meta["words"] = n
        self.stats.extra["words"] += n
        return doc
