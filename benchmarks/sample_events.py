"""Events on a shuffled sample of real 2018 reports, printed with their evidence so precision can be
read by hand (no gold: a reader judges each event; the judged counts go to results/extract.md).

    .venv/bin/python benchmarks/sample_events.py --part 2 --seed 5 -n 40

Articles: every 5th line of the ANT corpus starting at `--part`, its middleEast and internationalNews
ones, shuffled with the
seed; the first `-n` events in that order are printed (title, date, type, actors, place, fatalities
and 120 characters around the event-type evidence). Data from ../shared (never shipped).
"""

from __future__ import annotations

import argparse
import random
from datetime import datetime

from bench_extract import corpus  # the same reader of the ANT corpus (run from benchmarks/)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", type=int, default=0, choices=range(5), help="every 5th article from this one")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-n", type=int, default=40, help="events to print")
    args = ap.parse_args()

    from marsad.extract import extract_events
    from marsad.model import Document

    # every 5th line of the corpus file (all categories counted), then the news categories only
    rows = [
        r
        for i, r in enumerate(corpus())
        if i % 5 == args.part
        and (r.get("category") or r["id"].split("-")[1]) in ("middleEast", "internationalNews")
    ]
    random.Random(args.seed).shuffle(rows)
    shown = 0
    for r in rows:
        pub = datetime.fromisoformat(r["published"].replace("Z", "+00:00")) if r.get("published") else None
        doc = Document(
            id=r["id"], text=r["text"], title=r.get("title"), published=pub, outlet=r.get("outlet")
        )
        for e in extract_events(doc):
            x = e.evidence_for("event_type")[0]
            around = r["text"][max(0, x.start - 120) : x.end + 100].replace("\n", " ")
            print(f"{shown + 1}. {r['id']} | {r.get('title')}")
            print(
                f"   {e.event_date} {e.sub_event_type} | {e.actor1} | {e.actor2} | {e.country}/{e.admin1}/{e.location} | f={e.fatalities}"
            )
            print(f"   :: {around}")
            shown += 1
        if shown >= args.n:
            break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
