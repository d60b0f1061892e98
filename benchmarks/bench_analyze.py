"""Speed of the text layer (`analyze`) on one core, next to a bare read-and-split pass.

Over the ANT corpus (../shared/corpus/ant-multisource-2018.jsonl.gz, 31,525 articles):
  bare      gzip + json.loads + str.split (the floor any pipeline pays)
  analyze   gzip + json.loads + Document + analyze_document(tokens=False)  (what `marsad analyze` runs)
  +tokens   the same with tokens (what a pipeline that needs tokens pays)
and, on the first 3,000 articles, the time per article of each part (normalize, zones, sentences,
numbers, dates, tokens). Figures go to benchmarks/results/analyze.md (by hand, with the command).

Times are CPU seconds of this process (`time.process_time`), not wall-clock: the benchmark machine
is shared, and CPU time is what "articles/s on one core" means. Run it on an idle machine for
wall-clock figures.

    .venv/bin/python benchmarks/bench_analyze.py [--limit N] [--repeat R]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from itertools import islice
from pathlib import Path

from marsad.model import Document
from marsad.text.analyze import analyze_document
from marsad.text.clean import find_zones
from marsad.text.dates import find_dates
from marsad.text.normalize import normalize
from marsad.text.numbers import find_numbers
from marsad.text.segment import split_sentences, tokenize

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
ANT = SHARED / "corpus" / "ant-multisource-2018.jsonl.gz"


def rows(limit: int | None) -> Iterator[dict[str, str]]:
    with gzip.open(ANT, "rt", encoding="utf-8") as f:
        for line in islice(f, limit):
            yield json.loads(line)


def bare(limit: int | None) -> tuple[int, float]:
    t0 = time.process_time()
    n = words = 0
    for row in rows(limit):
        words += len(row["text"].split())
        n += 1
    return n, time.process_time() - t0


def analyze(limit: int | None, tokens: bool) -> tuple[int, float, int, int]:
    t0 = time.process_time()
    n = nums = dates = 0
    for row in rows(limit):
        pub = row.get("published")
        doc = Document(id=row["id"], text=row["text"], published=datetime.fromisoformat(pub) if pub else None)
        a = analyze_document(doc, tokens=tokens)
        nums += len(a.numbers)
        dates += len(a.dates)
        n += 1
    return n, time.process_time() - t0, nums, dates


def parts(limit: int) -> dict[str, float]:
    docs = [(r["text"], datetime.fromisoformat(r["published"]).date()) for r in rows(limit)]
    out: dict[str, float] = {}
    t0 = time.process_time()
    norms = [normalize(t) for t, _ in docs]
    out["normalize"] = time.process_time() - t0
    t0 = time.process_time()
    zones = [find_zones(t, n) for (t, _), n in zip(docs, norms, strict=True)]
    out["zones"] = time.process_time() - t0
    t0 = time.process_time()
    for (t, _), n, z in zip(docs, norms, zones, strict=True):
        split_sentences(t, z, n)
    out["sentences"] = time.process_time() - t0
    t0 = time.process_time()
    for (t, _), n in zip(docs, norms, strict=True):
        find_numbers(t, n)
    out["numbers"] = time.process_time() - t0
    t0 = time.process_time()
    for (t, a), n in zip(docs, norms, strict=True):
        find_dates(t, n, a)
    out["dates"] = time.process_time() - t0
    t0 = time.process_time()
    for (t, _), n in zip(docs, norms, strict=True):
        tokenize(t, n)
    out["tokens"] = time.process_time() - t0
    return {k: v / len(docs) * 1e6 for k, v in out.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="articles to read (default: all)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per figure; the best is kept")
    args = ap.parse_args()
    if not ANT.is_file():
        print(f"skipped: {ANT} is absent", file=sys.stderr)
        return 0
    analyze(200, tokens=True)  # load the data files before timing
    best_bare = min((bare(args.limit) for _ in range(args.repeat)), key=lambda r: r[1])
    best_an = min((analyze(args.limit, False) for _ in range(args.repeat)), key=lambda r: r[1])
    best_tok = min((analyze(args.limit, True) for _ in range(args.repeat)), key=lambda r: r[1])
    n = best_bare[0]
    print(f"articles: {n} ({ANT.name}), one process, best of {args.repeat}")
    print(f"bare (gzip+json+split):   {n / best_bare[1]:9.0f} articles/s")
    print(
        f"analyze (no tokens):      {n / best_an[1]:9.0f} articles/s   ({best_an[2]} numbers, {best_an[3]} dates)"
    )
    print(f"analyze (with tokens):    {n / best_tok[1]:9.0f} articles/s")
    print("per-article microseconds over the first 3,000 articles:")
    for k, v in parts(3000).items():
        print(f"  {k:10s} {v:8.1f} us")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
