"""Recall on real 2018 reports whose headline names violence or a protest (no gold: the misses are
printed so they can be read; the share with any event is the figure).

    .venv/bin/python benchmarks/sample_recall.py leads --seed 15 -n 200      # first body sentence only
    .venv/bin/python benchmarks/sample_recall.py articles --seed 13 -n 200   # the whole article
    ... --quiet   (the figure only)

Articles: ANT middleEast (articles) or middleEast + internationalNews (leads) whose title matches
the keywords below; shuffled with the seed. `leads` runs one sentence with `published` as anchor
(the setting of the GSR sentences); `articles` runs the report as the pipeline does. Data comes from
../shared (never shipped). Figures and the seeds used: benchmarks/results/extract.md.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import datetime

from bench_extract import CORPUS, corpus  # the same reader of the ANT corpus (run from benchmarks/)

TITLE_WORDS = re.compile(
    r"مقتل|قتلى|قتيل|هجوم|انفجار|تفجير|غارة|غارات|قصف|اشتباك|تظاهر|مظاهر|احتجاج|اغتيال|خطف|اختطاف"
)
FIRST_SENTENCE = re.compile(r"(?<=[.!؟])\s")


def sample(mode: str, seed: int, n: int) -> list[dict]:
    cats = ("middleEast",) if mode == "articles" else ("middleEast", "internationalNews")
    rows = [rec for rec in corpus(cats) if TITLE_WORDS.search(rec.get("title") or "")]
    random.Random(seed).shuffle(rows)
    return rows[:n]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["leads", "articles"])
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("-n", type=int, default=200)
    ap.add_argument("--quiet", action="store_true", help="print the figure only")
    args = ap.parse_args()
    if not CORPUS.is_file():
        print(f"corpus not found: {CORPUS} (set MARSAD_SHARED)", file=sys.stderr)
        return 2
    from marsad.extract import extract_events
    from marsad.model import Document

    hit = 0
    rows = sample(args.mode, args.seed, args.n)
    for rec in rows:
        published = datetime.fromisoformat(rec["published"]) if rec.get("published") else None
        if args.mode == "leads":
            text = FIRST_SENTENCE.split(rec["text"].strip(), maxsplit=1)[0][:600]
            doc = Document(id=rec["id"], text=text, published=published)
        else:
            text = rec["text"]
            doc = Document(
                id=rec["id"], text=text, title=rec.get("title"), published=published, outlet=rec.get("outlet")
            )
        if extract_events(doc):
            hit += 1
        elif not args.quiet:
            print(f"{rec['id']} | {rec.get('title', '')[:90]} | {text[:250]}\n")
    print(
        json.dumps(
            {
                "mode": args.mode,
                "seed": args.seed,
                "n": len(rows),
                "with_event": hit,
                "share": round(hit / max(len(rows), 1), 3),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
