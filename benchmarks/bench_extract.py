"""Extraction benchmarks: GSR recall, false positives on non-news categories, and throughput.

    .venv/bin/python benchmarks/bench_extract.py                   # all three, default sizes
    .venv/bin/python benchmarks/bench_extract.py gsr --split test  # recall of the right event family
    .venv/bin/python benchmarks/bench_extract.py fp                # sport/culture/technology/economy
    .venv/bin/python benchmarks/bench_extract.py speed --limit 3000
    .venv/bin/python benchmarks/bench_extract.py dev               # marsad eval on the dev set
    .venv/bin/python benchmarks/bench_extract.py parts --step 2    # CPU per part of the stage list

Data: ../shared/eval/gsr-sentences/{dev,test}.jsonl and ../shared/corpus/ant-multisource-2018.jsonl.gz
(never copied into the repo). `--write` appends the figures to benchmarks/results/extract.md.
Speed runs on one core (this process); the analyse pass (text layer) and the extract pass are timed
separately over the same documents so the extract figure can be read beside the analyze figure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("MARSAD_SHARED", HERE.parent.parent / "shared"))
CORPUS = SHARED / "corpus" / "ant-multisource-2018.jsonl.gz"
FAMILY = {
    "ASSAULT": {"Battles", "Explosions/Remote violence", "Violence against civilians"},
    "PROTEST": {"Protests", "Riots"},
}
NON_NEWS = ("sport", "culture", "technology", "economy")


def _doc(rec: dict[str, Any]) -> Any:
    from marsad.model import Document

    pub = rec.get("published")
    published = None
    if pub:
        try:
            published = datetime.fromisoformat(str(pub).replace("Z", "+00:00"))
        except ValueError:
            published = None
    return Document(
        id=str(rec["id"]),
        text=rec["text"],
        title=rec.get("title"),
        published=published,
        outlet=rec.get("outlet"),
    )


def gsr(split: str, history: bool = False) -> dict[str, Any]:
    """Share of GSR sentences where an event of the right family is found.

    The GSR set counts every event a sentence mentions, history included ("ـ 13 يونيو 2007: اغتيال
    النائب ..."); by default marsad codes only a report's news. With `history` the incidents told as
    history are coded too, on their own day (`extract_events(history=True)`): that figure measures
    event detection, the default one report coding."""
    from marsad.extract import extract_events
    from marsad.model import Document

    path = SHARED / "eval" / "gsr-sentences" / f"{split}.jsonl"
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    any_event: Counter[str] = Counter()
    for line in path.read_text("utf-8").splitlines():
        rec = json.loads(line)
        cat = rec["category"]
        d = rec.get("date") or "20080101"
        published = datetime(int(d[:4]), int(d[4:6]), int(d[6:8]))
        doc = Document(id=rec["id"], text=rec["text"], published=published)
        events = extract_events(doc, history=history)
        total[cat] += 1
        if events:
            any_event[cat] += 1
        if any(e.event_type in FAMILY[cat] for e in events):
            hit[cat] += 1
    n = sum(total.values())
    return {
        "split": split,
        "history": history,
        "sentences": n,
        "right_family": round(sum(hit.values()) / n, 3),
        "by_category": {
            c: {
                "n": total[c],
                "right_family": round(hit[c] / total[c], 3),
                "any_event": round(any_event[c] / total[c], 3),
            }
            for c in sorted(total)
        },
    }


WRITTEN = HERE / "written"


def written(history: bool = False) -> dict[str, Any]:
    """The single sentences written for the project (benchmarks/written/sentences-*.jsonl): the share
    of event sentences where an event of the right family is found, and the no-event sentences
    (threats, plans, metaphors, verdicts ...) that yield any event. Sets a, c and e are tuned on;
    b, d and f are held out (read their figures, never their misses)."""
    from marsad.extract import extract_events
    from marsad.model import Document

    out: dict[str, Any] = {}
    for path in sorted(WRITTEN.glob("sentences-*.jsonl")):
        hit = events = none = noisy = 0
        for line in path.read_text("utf-8").splitlines():
            rec = json.loads(line)
            d = rec["date"]
            doc = Document(
                id=rec["id"], text=rec["text"], published=datetime(int(d[:4]), int(d[4:6]), int(d[6:8]))
            )
            found = extract_events(doc, history=history)
            if rec["event"]:
                events += 1
                hit += any(e.event_type in FAMILY[rec["category"]] for e in found)
            else:
                none += 1
                noisy += bool(found)
        out[path.stem] = {
            "event_sentences": events,
            "right_family": round(hit / events, 3) if events else None,
            "no_event_sentences": none,
            "no_event_with_events": noisy,
        }
    return {"history": history, "sets": out}


def corpus(categories: tuple[str, ...] | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
    n = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            cat = rec.get("category") or rec["id"].split("-")[1]
            if categories and cat not in categories:
                continue
            yield rec
            n += 1
            if limit and n >= limit:
                return


def false_positives(limit: int | None) -> dict[str, Any]:
    from marsad.extract import extract_events

    docs: Counter[str] = Counter()
    with_events: Counter[str] = Counter()
    examples: list[str] = []
    for rec in corpus(NON_NEWS, limit):
        cat = rec.get("category") or rec["id"].split("-")[1]
        doc = _doc(rec)
        events = extract_events(doc)
        docs[cat] += 1
        if events:
            with_events[cat] += 1
            if len(examples) < 15:
                ev = events[0]
                examples.append(f"{doc.id}: {ev.sub_event_type} | {ev.evidence_for('event_type')[0].text}")
    n = sum(docs.values())
    return {
        "articles": n,
        "with_events": sum(with_events.values()),
        "rate": round(sum(with_events.values()) / n, 4) if n else 0.0,
        "by_category": {c: {"n": docs[c], "with_events": with_events[c]} for c in sorted(docs)},
        "examples": examples,
    }


def speed(limit: int) -> dict[str, Any]:
    from marsad.extract import extract_events
    from marsad.extract.lexicon import lexicons
    from marsad.extract.locate import default_locator
    from marsad.text.analyze import analyze_document

    recs = list(corpus(None, limit))
    docs = [_doc(r) for r in recs]
    chars = sum(len(d.text) for d in docs)
    lex, loc = lexicons(), default_locator()
    extract_events(_doc(recs[0]), lex=lex, locator=loc)  # warm-up: data files and gazetteer
    # Wall time suffers when other processes share the cores; CPU time of this process is the
    # one-core figure (both are reported).
    t0, c0 = time.perf_counter(), time.process_time()
    for d in docs:
        analyze_document(d, tokens=False)
    t_an, c_an = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    n_events = 0
    for d in docs:
        n_events += len(extract_events(d, lex=lex, locator=loc))
    t_ex, c_ex = time.perf_counter() - t0, time.process_time() - c0
    n = len(docs)
    return {
        "articles": n,
        "mean_chars": round(chars / n),
        "analyze_per_s": round(n / t_an, 1),
        "extract_per_s": round(n / t_ex, 1),
        "analyze_plus_extract_per_s": round(n / (t_an + t_ex), 1),
        "analyze_per_cpu_s": round(n / c_an, 1),
        "extract_per_cpu_s": round(n / c_ex, 1),
        "analyze_plus_extract_per_cpu_s": round(n / (c_an + c_ex), 1),
        "events": n_events,
        "load_average": os.getloadavg()[0],
    }


def parts(step: int) -> dict[str, Any]:
    """CPU µs per corpus document for each part of the extraction stage list (every `step`-th ANT
    article): the trigger gate, the text layer on the reports that pass it, and inside extraction
    the view, the mentions, geocoding and the rest. The parts are timed by wrapping the functions
    `marsad.extract` calls (process time; the wrappers add a little to each)."""
    import marsad.extract as ex
    from marsad.extract.gate import gate_for
    from marsad.extract.lexicon import lexicons
    from marsad.extract.locate import default_locator
    from marsad.text.analyze import analyze_document

    recs = [r for i, r in enumerate(corpus()) if i % step == 0]
    docs = [_doc(r) for r in recs]
    lex, loc = lexicons(), default_locator()
    ex.extract_events(_doc(recs[0]), lex=lex, locator=loc)  # warm-up: data files and gazetteer
    spent: Counter[str] = Counter()

    def timed(key: str, f: Any) -> Any:
        def run(*a: Any, **k: Any) -> Any:
            c0 = time.process_time()
            try:
                return f(*a, **k)
            finally:
                spent[key] += time.process_time() - c0

        return run

    class TimedLocator:
        def __getattr__(self, name: str) -> Any:
            return timed("geocoding", getattr(loc, name))

    saved = {n: getattr(ex, n) for n in ("build_view", "sentence_mentions")}
    ex.build_view = timed("view", saved["build_view"])  # type: ignore[attr-defined]
    ex.sentence_mentions = timed("mentions", saved["sentence_mentions"])  # type: ignore[attr-defined]
    try:
        gate = gate_for(lex)
        c0 = time.process_time()
        passed = [d for d in docs if gate.passes(d.text)]
        spent["gate"] = time.process_time() - c0
        c0 = time.process_time()
        for d in passed:
            analyze_document(d)
        spent["text layer"] = time.process_time() - c0
        c0 = time.process_time()
        for d in passed:  # as ExtractStage does after the gate stage let `d` through
            ex._extract(d, TimedLocator(), lex, True)  # type: ignore[arg-type]
        extract = time.process_time() - c0
    finally:
        for n, f in saved.items():
            setattr(ex, n, f)
    spent["rest of extraction"] = extract - spent["view"] - spent["mentions"] - spent["geocoding"]
    n = len(docs)
    total = sum(spent.values())
    return {
        "articles": n,
        "passed_gate": len(passed),
        "docs_per_cpu_s_without_reading": round(n / total, 1),
        "us_per_doc": {k: round(v / n * 1e6) for k, v in spent.most_common()},
        "share": {k: round(v / total, 3) for k, v in spent.most_common()},
    }


def dev() -> dict[str, Any]:
    from marsad.eval import evaluate

    d = evaluate(SHARED / "eval" / "dev-articles.jsonl").to_dict()
    d.pop("per_article", None)
    return d


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "what",
        nargs="*",
        default=["dev", "gsr", "fp", "speed"],
        choices=["dev", "gsr", "fp", "speed", "parts", "written"],
    )
    ap.add_argument("--step", type=int, default=2, help="parts: every N-th article of the corpus")
    ap.add_argument("--split", default="test", choices=["dev", "test"], help="GSR split (tune on dev)")
    ap.add_argument("--limit", type=int, default=None, help="fp: at most N articles; speed: N (default 3000)")
    ap.add_argument(
        "--history",
        action="store_true",
        help="gsr, written: also code incidents told as history, on their own day",
    )
    ap.add_argument(
        "--write", action="store_true", help="append the figures to benchmarks/results/extract.md"
    )
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent", file=sys.stderr)
        return 0
    out: dict[str, Any] = {}
    for what in args.what:
        t0 = time.perf_counter()
        if what == "dev":
            out["dev"] = dev()
        elif what == "gsr":
            out["gsr"] = gsr(args.split, args.history)
        elif what == "fp":
            out["fp"] = false_positives(args.limit)
        elif what == "written":
            out["written"] = written(args.history)
        elif what == "parts":
            out["parts"] = parts(args.step)
        else:
            out["speed"] = speed(args.limit or 3000)
        out.setdefault("seconds", {})[what] = round(time.perf_counter() - t0, 1)
        print(json.dumps({what: out[what]}, ensure_ascii=False, indent=1), flush=True)
    if args.write:
        res = HERE / "results" / "extract.md"
        with res.open("a", encoding="utf-8") as fh:
            fh.write(f"\n<!-- run {datetime.now().isoformat(timespec='seconds')} args={sys.argv[1:]} -->\n")
            fh.write("```json\n" + json.dumps(out, ensure_ascii=False, indent=1) + "\n```\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
