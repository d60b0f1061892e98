"""Event dates: the share of gold event dates our resolver finds in the article, next to dateparser.

Over ../shared/eval/dev-articles.jsonl (29 articles with gold ACLED-style events). For every gold
event (gold.events[].date), it counts as found when a date mention in the article resolves to that
exact day, with the article's `published` as anchor (for marsad, the report's own date when
`published` is missing — the Elaph seed has none; dateparser gets no RELATIVE_BASE then).
Peer: dateparser.search.search_dates(text, languages=["ar"], settings={"RELATIVE_BASE": published}).
A second figure adds the publication day to both tools' sets (the annotators' rule when the
article gives no day), so it shows what a resolver plus that fallback reaches. Also reported: how many date mentions each tool returns per article (more is not better: each
wrong candidate is noise for extraction).

    .venv/bin/python benchmarks/compare_dates.py [--path FILE] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date, datetime
from pathlib import Path

from marsad.model import Document
from marsad.text.analyze import analyze_document

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "eval" / "dev-articles.jsonl"


def marsad_dates(row: dict) -> set[date]:
    pub = row.get("published")
    doc = Document(id=row["id"], text=row["text"], published=datetime.fromisoformat(pub) if pub else None)
    a = analyze_document(doc)
    return {d.value for d in a.dates if d.precision == "day"}


def dateparser_dates(row: dict) -> set[date]:
    from dateparser.search import search_dates

    settings: dict[str, object] = {}
    pub = row.get("published")
    if pub:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(pub).replace(tzinfo=None)
    found = search_dates(row["text"], languages=["ar"], settings=settings) or []
    return {dt.date() for _, dt in found}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--path", type=Path, default=DEV)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if not args.path.is_file():
        print(f"skipped: {args.path} is absent", file=sys.stderr)
        return 0
    rows = [json.loads(line) for line in args.path.read_text("utf-8").splitlines() if line.strip()]
    totals = {"marsad": [0, 0, 0.0, 0], "dateparser": [0, 0, 0.0, 0]}  # found, mentions, seconds, +fallback
    n_gold = 0
    for row in rows:
        gold = [date.fromisoformat(e["date"]) for e in row["gold"]["events"]]
        n_gold += len(gold)
        for name, fn in (("marsad", marsad_dates), ("dateparser", dateparser_dates)):
            t0 = time.perf_counter()
            got = fn(row)
            totals[name][2] += time.perf_counter() - t0
            totals[name][1] += len(got)
            hit = sum(1 for g in gold if g in got)
            totals[name][0] += hit
            pub = row.get("published")
            fallback = got | ({datetime.fromisoformat(pub).date()} if pub else set())
            totals[name][3] += sum(1 for g in gold if g in fallback)
            if args.verbose and hit < len(gold):
                print(f"{name:10s} {row['id']}: missed {[g.isoformat() for g in gold if g not in got]}")
    print(f"{len(rows)} articles, {n_gold} gold event dates ({args.path.name})")
    for name, (found, mentions, secs, with_pub) in totals.items():
        print(
            f"{name:10s} found {found}/{n_gold} = {found / n_gold:.1%}   "
            f"with publication-day fallback {with_pub}/{n_gold} = {with_pub / n_gold:.1%}   "
            f"{mentions / len(rows):.1f} distinct days per article   {secs / len(rows) * 1000:.1f} ms/article"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
