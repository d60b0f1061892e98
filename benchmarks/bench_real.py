"""Event extraction scored on real 2018 reports annotated for this project (session 7).

    .venv/bin/python benchmarks/bench_real.py              # every set, one line each
    .venv/bin/python benchmarks/bench_real.py --set 2      # one set, with marsad eval's full report
    .venv/bin/python benchmarks/bench_real.py --export DIR # write the joined gold files (text included)

The annotations (benchmarks/real/annotations-N.jsonl) hold each report's ANT id, publication time and
gold events, never its text: the text is joined at run time from
../shared/corpus/ant-multisource-2018.jsonl.gz (never shipped). Scoring is `marsad eval`'s (the rules
of ../shared/eval/README.md). Which sets are tuned on and which are held out: benchmarks/real/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("MARSAD_SHARED", HERE.parent.parent / "shared"))
CORPUS = SHARED / "corpus" / "ant-multisource-2018.jsonl.gz"
REAL = HERE / "real"
ROLE = json.loads((REAL / "sets.json").read_text())  # set number -> "tuned" | "held out"


def annotations() -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {}
    for path in sorted(REAL.glob("annotations-*.jsonl")):
        k = int(path.stem.rsplit("-", 1)[1])
        out[k] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def texts(ids: set[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in ids:
                found[rec["id"]] = rec
    return found


def joined(rows: list[dict[str, Any]], corpus: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        rec = corpus[row["id"]]
        out.append({**row, "title": rec.get("title"), "text": rec["text"], "outlet": rec.get("outlet")})
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", type=int, help="one set, with the full report")
    ap.add_argument("--export", type=Path, help="write joined gold files (with the texts) into this folder")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is absent (the annotations hold no text)", file=sys.stderr)
        return 0
    from marsad.eval import evaluate

    sets = annotations()
    if args.set is not None:
        sets = {args.set: sets[args.set]}
    corpus = texts({row["id"] for rows in sets.values() for row in rows})
    print(
        f"{'set':>3} {'role':9} {'arts':>4} {'gold':>4} {'pred':>4} {'match':>5}   P      R      F1   prim.R"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for k, rows in sorted(sets.items()):
            folder = args.export or Path(tmp)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"gold-{k}.jsonl"
            with path.open("w", encoding="utf-8") as f:
                for row in joined(rows, corpus):
                    f.write(json.dumps(row, ensure_ascii=False) + "\n")
            rep = evaluate(path)
            d = rep.to_dict()
            print(
                f"{k:>3} {ROLE.get(str(k), '?'):9} {d['articles']:>4} {d['gold_events']:>4} {d['predicted_events']:>4}"
                f" {d['matched']:>5}  {d['precision']:.3f}  {d['recall']:.3f}  {d['f1']:.3f}  {d['primary_recall']:.3f}"
            )
            if args.set is not None:
                print(rep.render())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
