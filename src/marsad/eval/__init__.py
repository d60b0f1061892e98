"""`marsad eval`: run extraction over a gold file and score it (rules in ../shared/eval/README.md).

from marsad.eval import evaluate
report = evaluate("../shared/eval/dev-articles.jsonl")
print(report.render()); report.to_dict()
"""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from marsad.errors import ErrorCode, InputError
from marsad.eval.score import ArticleResult, Report, actor_groups, admin1_equal, match
from marsad.extract import extract_events
from marsad.extract.locate import Locator
from marsad.model import Document

__all__ = ["Report", "actor_groups", "admin1_equal", "evaluate", "load_gold"]


def _published(s: Any) -> datetime | None:
    if not s:
        return None
    try:
        return datetime.fromisoformat(str(s).replace("Z", "+00:00"))
    except ValueError:
        return None


def load_gold(path: str | Path) -> list[tuple[Document, list[dict[str, Any]]]]:
    """(document, gold events) per line of a gold JSONL file."""
    out: list[tuple[Document, list[dict[str, Any]]]] = []
    p = Path(path)
    try:
        # JSON Lines break at "\n" only: a text may hold U+2028 or U+0085, which `splitlines` would cut at
        lines = p.read_text("utf-8").split("\n")
    except OSError as exc:
        raise InputError(ErrorCode.IO, f"cannot read gold file {p}: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(ErrorCode.JSON, f"{p}:{n}: {exc}") from exc
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or "id" not in rec:
            raise InputError(ErrorCode.MISSING_FIELD, f"{p}:{n}: a gold line needs id and text")
        doc = Document(
            id=str(rec["id"]),
            text=rec["text"],
            title=rec.get("title"),
            published=_published(rec.get("published")),
            outlet=rec.get("outlet"),
            url=rec.get("url"),
            origin=f"{p}:{n}",
        )
        gold = rec.get("gold") or {}
        out.append((doc, list(gold.get("events") or [])))
    return out


def evaluate(path: str | Path, *, locator: Locator | None = None) -> Report:
    t0 = time.perf_counter()
    report = Report()
    for doc, golds in load_gold(path):
        preds = extract_events(doc, locator=locator)
        report.articles.append(
            ArticleResult(doc.id, len(preds), len(golds), match(preds, golds), preds, golds)
        )
    report.seconds = time.perf_counter() - t0
    return report
