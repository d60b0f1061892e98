"""List gazetteer names that are frequent words of Arabic news: candidates for the stop list.

Counts, over a news corpus (JSON Lines with a `text` field, gzip allowed), in how many documents
each one-word gazetteer key occurs, and prints the frequent ones with the biggest place carrying
that name. A reviewer then copies the common words (منزله، معسكر، الشباب …) into
src/marsad/data/geo/cues.tsv as `stop` entries; real places that are merely newsworthy (عفرين،
دوما) stay out. Nothing is written automatically: the list is reviewed by hand.

    .venv/bin/python scripts/gazetteer_stopwords.py ../shared/corpus/ant-multisource-2018.jsonl.gz [--min-df 30]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.geo import get_geocoder  # noqa: E402
from marsad.geo.keys import tokenize  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--min-df", type=int, default=30)
    ap.add_argument("--limit", type=int, default=0, help="read only this many documents")
    args = ap.parse_args()
    geo = get_geocoder()
    index = geo.gaz.index
    single = {k for k in index if " " not in k}
    df: Counter[str] = Counter()
    opener = gzip.open if args.corpus.suffix == ".gz" else open
    with opener(args.corpus, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if args.limit and n >= args.limit:
                break
            text = json.loads(line).get("text") or ""
            seen = {t.readings[0][0] for t in tokenize(text)} & single
            df.update(seen)
    for key, count in df.most_common():
        if count < args.min_df or key in geo.matcher.stops:
            continue
        ents = [geo.gaz.entries[i] for i in index[key]]
        if any(e.feature in ("country", "admin1") for e in ents):
            continue
        best = max(ents, key=lambda e: e.population)
        print(f"{key}\t{count}\t{best.name}\t{best.cc}\t{best.population}\t{best.feature}")


if __name__ == "__main__":
    main()
