"""Ingest the ANT corpus' middleEast articles into SQLite and report cross-outlet merging.

    .venv/bin/python benchmarks/ingest_ant.py --db sqlite:////tmp/ant.db            # ingest + report
    .venv/bin/python benchmarks/ingest_ant.py --db sqlite:////tmp/ant.db --report   # report only

Same as `marsad ingest ../shared/corpus/ant-multisource-2018.jsonl.gz --category middleEast --db …`
followed by the report: events, reports per event, events merged across outlets, three examples.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from marsad.store import Store
from marsad.store.ingest import category_filter, ingest_paths

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ant-multisource-2018.jsonl.gz"


def report(store: Store, examples: int = 3) -> dict[str, object]:
    n_sources: Counter[int] = Counter()
    cross: list[dict[str, object]] = []
    for e in store.iter_events():
        n_sources[len(e["doc_ids"])] += 1
        outlets = {s.strip() for s in e["source"].split(";") if s.strip()}
        if len(outlets) > 1:
            cross.append(e)
    out: dict[str, object] = {
        "counts": store.counts(),
        "events_by_number_of_reports": dict(sorted(n_sources.items())),
        "events_merged_across_outlets": len(cross),
        "reports_in_multi_report_events": sum(k * v for k, v in n_sources.items() if k > 1),
    }
    # the biggest clusters (a caveat: extraction turns commentary on a big story into events)
    out["largest"] = [
        {
            "id": e["id"],
            "event_date": e["event_date"],
            "sub_event_type": e["sub_event_type"],
            "reports": len(e["doc_ids"]),
        }
        for e in sorted(cross, key=lambda e: (-len(e["doc_ids"]), e["id"]))[:5]
    ]
    # examples: small cross-outlet events (2-4 reports) with casualties, most fatalities first
    small = [e for e in cross if len(e["doc_ids"]) <= 4 and e["fatalities"] > 0]
    small.sort(key=lambda e: (-e["fatalities"], e["id"]))
    shown = []
    for e in small[:examples]:
        d = store.get_event(e["id"]) or {}
        shown.append(
            {
                "id": e["id"],
                "event_date": e["event_date"],
                "type": f"{e['event_type']} / {e['sub_event_type']}",
                "actors": f"{e['actor1']} vs {e['actor2']}",
                "place": f"{e['location']}, {e['admin1']}, {e['country']}",
                "fatalities": e["fatalities"],
                "fatalities_range": e["fatalities_range"],
                "source": e["source"],
                "sources": [
                    {k: s[k] for k in ("doc_id", "outlet", "title", "event_date", "fatalities")}
                    for s in d.get("sources", [])
                ],
            }
        )
    out["examples"] = shown
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--report", action="store_true", help="only report on an existing database")
    args = ap.parse_args()
    with Store(args.db) as store:
        if not args.report:
            t0 = time.perf_counter()
            rep = ingest_paths(store, [args.corpus], keep=category_filter("middleEast"), batch_size=100)
            print(json.dumps({"ingest": rep.to_dict(), "seconds": round(time.perf_counter() - t0, 1)}))
        print(json.dumps(report(store), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
