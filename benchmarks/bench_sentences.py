"""Real news sentences labelled for marsad the way the GSR set labels them (session 8).

Eight pools of 100 sentences each, drawn from SaudiNewsNet (2015; Asharq Al-Awsat and other Saudi
papers) and the ANT corpus (2018), labelled ASSAULT / PROTEST / NONE by eight annotators who saw
neither the code nor each other's work (`benchmarks/sentences/README.md`). The files hold only
pointers and labels; the sentences are cut from `../shared` at run time.

For each pool: how many ASSAULT/PROTEST sentences get an event of the right family (as in
`bench_extract.py gsr`), in the default report coding and with `history=True`; the same over the
sentences told as news of these days (what report coding is for); and how many NONE sentences get
any event (a sentence-level false-positive rate).

    python benchmarks/bench_sentences.py            # one line per pool
    python benchmarks/bench_sentences.py --pool 1 --show miss   # a tuned pool's misses
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent / "sentences"
SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
ANT = SHARED / "corpus" / "ant-multisource-2018.jsonl.gz"
SNN = SHARED / "data" / "saudinewsnet"
FAMILY = {
    "ASSAULT": {"Battles", "Explosions/Remote violence", "Violence against civilians"},
    "PROTEST": {"Protests", "Riots"},
}
ROLE = json.loads((HERE / "sets.json").read_text())


def labels() -> dict[int, list[dict[str, Any]]]:
    out = {}
    for path in sorted(HERE.glob("labels-*.jsonl")):
        k = int(path.stem.split("-")[1])
        out[k] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def sources(rows: list[dict[str, Any]]) -> dict[str, str]:
    """The full text of every article a sentence is cut from, by `doc`."""
    want_ant = {r["doc"] for r in rows if r["id"].startswith("ant-")}
    want_snn = {(r["file"], r["doc"]) for r in rows if r["id"].startswith("snn-")}
    texts: dict[str, str] = {}
    with gzip.open(ANT, "rt", encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["id"] in want_ant:
                texts[rec["id"]] = rec["text"]
    by_file: dict[str, set[str]] = {}
    for name, url in want_snn:
        by_file.setdefault(name, set()).add(url)
    for name, urls in by_file.items():
        with zipfile.ZipFile(SNN / name.replace(".json", ".zip")) as z:
            for rec in json.loads(z.read(name)):
                if rec["url"] in urls:
                    texts[rec["url"]] = rec["content"]
    return texts


def score(rows: list[dict[str, Any]], texts: dict[str, str], show: str = "") -> dict[str, Any]:
    from marsad.extract import extract_events
    from marsad.model import Document

    pos = found = found_hist = news = news_found = none = none_events = 0
    for r in rows:
        text = texts[r["doc"]][r["start"] : r["end"]]
        day = datetime.fromisoformat(r["date"]).replace(hour=12)
        events = extract_events(Document(id=r["id"], text=text, published=day))
        if r["category"] == "NONE":
            none += 1
            none_events += bool(events)
            if events and show == "fp":
                print("FP  ", [e.event_type for e in events], "|", text[:250])
            continue
        pos += 1
        hit = any(e.event_type in FAMILY[r["category"]] for e in events)
        found += hit
        past = extract_events(Document(id=r["id"], text=text, published=day), history=True)
        found_hist += any(e.event_type in FAMILY[r["category"]] for e in past)
        if not r["history"]:
            news += 1
            news_found += hit
            if not hit and show == "miss":
                print("MISS", r["category"], [e.event_type for e in events], "|", text[:300])
    return {
        "positives": pos,
        "found": found,
        "right_family": round(found / pos, 3) if pos else None,
        "right_family_history": round(found_hist / pos, 3) if pos else None,
        "news": news,
        "news_right_family": round(news_found / news, 3) if news else None,
        "none": none,
        "none_with_events": none_events,
        "none_rate": round(none_events / none, 3) if none else None,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pool", type=int, help="one pool only")
    ap.add_argument("--show", choices=("miss", "fp"), help="print a pool's misses (news) or false positives")
    ap.add_argument("--json", action="store_true", help="figures as JSON")
    args = ap.parse_args()
    if not ANT.exists() or not SNN.exists():
        print(f"skipped: {SHARED} is absent (the labels hold no text)", file=sys.stderr)
        return 0
    pools = labels()
    if args.pool is not None:
        pools = {args.pool: pools[args.pool]}
    if args.show and any(ROLE.get(str(k)) != "tuned" for k in pools):
        print("refused: --show reads only tuned pools (held-out pools are for figures)", file=sys.stderr)
        return 2
    texts = sources([r for rows in pools.values() for r in rows])
    out = {
        k: {"role": ROLE.get(str(k), "?"), **score(rows, texts, args.show or "")} for k, rows in pools.items()
    }
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    print(
        f"{'pool':>4} {'role':9} {'pos':>4} {'found':>5} {'family':>6} {'+hist':>6} {'news':>4} {'news%':>6} {'NONE':>4} {'NONE ev':>7}"
    )
    for k, d in out.items():
        print(
            f"{k:>4} {d['role']:9} {d['positives']:>4} {d['found']:>5} {d['right_family']:>6} {d['right_family_history']:>6}"
            f" {d['news']:>4} {d['news_right_family']:>6} {d['none']:>4} {d['none_rate']:>7}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
