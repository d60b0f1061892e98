"""Back-test of the alert detector, week by week, over events extracted from a corpus.

Typical run over the ANT corpus (Feb–Oct 2018, 31.5k articles) through the batch pipeline:

    .venv/bin/python benchmarks/backtest_alerts.py \
        --corpus ../shared/corpus/ant-multisource-2018.jsonl.gz --batch-out /tmp/ant-batch --workers 2

or over event shards / a store that already exist:

    .venv/bin/python benchmarks/backtest_alerts.py --events /tmp/ant-batch/events
    .venv/bin/python benchmarks/backtest_alerts.py --db sqlite:///marsad.db

It replays the record one week at a time: for each week it runs the detector on the events dated up
to the end of that week (as an analyst would have had them, if reports arrive the day they happen)
and keeps the alerts about that week. It writes the figures between the markers of
benchmarks/results/alerts.md (the hand-written review around them is kept) and the full alert list
with the events behind each alert as JSON (outside the repository by default: it quotes no text but
names the corpus documents).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from marsad.alerts.calibrate import detection_rate, false_alarm_rate
from marsad.alerts.detect import Alert, DetectorConfig, detect
from marsad.alerts.series import EventRow, build_series, pair_keys, period_range, series_keys
from marsad.alerts.source import RowReader, rows_from_store

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "alerts.md"
START, END = "<!-- backtest:start -->", "<!-- backtest:end -->"


def run_batch(corpus: Path, out: Path, workers: int, merge: bool) -> Path:
    """Extract events from the corpus with the project's batch pipeline (resumable), then merge
    the same incident across reports, so a week's count is incidents, not how many outlets ran them."""
    from marsad.batch import BatchOptions
    from marsad.batch import run_batch as batch
    from marsad.batch.merge import merge_run

    engine = "pool" if workers > 1 else "local"
    report = batch(
        BatchOptions(
            inputs=[str(corpus)], out=out, engine=engine, workers=workers, pipeline="extract", progress="log"
        )
    )
    print(f"batch: {report}", file=sys.stderr)
    if not merge:
        return out / "events"
    merged = merge_run(out)
    print(f"merge: {merged}", file=sys.stderr)
    return merged.path


def reports_per_week(corpus: Path) -> dict[dt.date, float]:
    """How many articles the corpus holds for each week (by publication date): the exposure."""
    import gzip

    counts: Counter[dt.date] = Counter()
    opener = gzip.open if corpus.suffix == ".gz" else open
    with opener(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            published = json.loads(line).get("published") or ""
            if published:
                day = dt.date.fromisoformat(published[:10])
                counts[day - dt.timedelta(days=day.weekday())] += 1
    return {k: float(v) for k, v in counts.items()}


def weekly_replay(
    rows: list[EventRow], cfg: DetectorConfig, exposure: dict[dt.date, float] | None = None
) -> tuple[list[Alert], float]:
    """Alerts raised each week with only the events known by that week's end."""
    rows = sorted(rows, key=lambda r: r.date)
    first = rows[0].date
    weeks = period_range(first, rows[-1].date, "week")
    alerts: list[Alert] = []
    t0 = time.perf_counter()
    i = 0
    known: list[EventRow] = []
    for week in weeks:
        end = week + dt.timedelta(days=6)
        while i < len(rows) and rows[i].date <= end:
            known.append(rows[i])
            i += 1
        alerts += detect(known, cfg, since=week, until=end, first=first, exposure=exposure)
    return alerts, time.perf_counter() - t0


def _fmt_key(a: Alert) -> str:
    return a.key.label.replace("|", "/")


def alert_table(alerts: list[Alert], limit: int) -> list[str]:
    lines = [
        "| week of | kind | metric | series | observed | baseline | threshold | score | events | id |",
        "|---|---|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for a in alerts[:limit]:
        lines.append(
            f"| {a.period} | {a.kind} | {a.metric} | {_fmt_key(a)} ({a.key.dimension}) | {a.observed} | "
            f"{a.baseline_mean:.2f} | {a.threshold if a.kind == 'spike' else '–'} | {a.score:.2f} | "
            f"{len(a.event_ids)} | `{a.id}` |"
        )
    return lines


def review_block(alert: Alert, docs_of: dict[str, list[str]]) -> list[str]:
    """The events behind one alert, as fields (no article text: the corpus is not ours to copy)."""
    lines = [
        f"#### `{alert.id}` — {alert.title}",
        "",
        f"Series {_fmt_key(alert)} ({alert.key.dimension}); also in: "
        + (", ".join(f"{k.label} ({k.dimension})" for k in alert.also) or "—")
        + f". Weekly values up to the alert: {alert.chart_values}; rolling baseline "
        f"{[round(b, 1) for b in alert.chart_baseline]}.",
        "",
        "| date | place | type | actor 1 | actor 2 | fatalities | documents |",
        "|---|---|---|---|---|---:|---|",
    ]
    for e in alert.events:
        place = " / ".join(p for p in (e["admin1"], e["admin2"], e["location"]) if p)
        docs = ", ".join(docs_of.get(e["id"], []))
        lines.append(
            f"| {e['event_date']} | {place} | {e['sub_event_type']} | {e['actor1']} | {e['actor2']} | "
            f"{e['fatalities']} | {docs} |"
        )
    return lines


def calibration(cfg: DetectorConfig) -> list[str]:
    lines = [
        "| noise | mean / week | tested weeks | false alarms | rate |",
        "|---|---:|---:|---:|---:|",
    ]
    c = DetectorConfig(**{**cfg.__dict__, "metrics": ("events",)})
    for size, label in ((None, "Poisson"), (3.0, "neg. binomial, size 3 (bursty)")):
        for mean in (1.0, 2.0, 4.0, 10.0):
            fa = false_alarm_rate(c, n_series=400, length=40, mean=mean, size=size, seed=7)
            lines.append(f"| {label} | {mean:g} | {fa.cells} | {fa.alerts} | {fa.rate:.4f} |")
    lines += [
        "",
        "Window length against false alarms (mean 4/week) — a longer window estimates the spread better:",
        "",
        "| window (weeks) | Poisson noise | bursty noise (size 3) |",
        "|---:|---:|---:|",
    ]
    for w in (4, 8, 12, 16):
        cw = DetectorConfig(**{**c.__dict__, "window": w})
        r = [
            false_alarm_rate(cw, n_series=400, length=40, mean=4.0, size=s, seed=7).rate for s in (None, 3.0)
        ]
        lines.append(f"| {w} | {r[0]:.4f} | {r[1]:.4f} |")
    lines += [
        "",
        "Power: share of 400 Poisson series in which a one-week rise to k × the mean is flagged that week:",
        "",
        "| mean / week | ×2 | ×3 | ×5 |",
        "|---:|---:|---:|---:|",
    ]
    for mean in (0.5, 1.0, 2.0, 4.0, 10.0):
        rates = [detection_rate(c, mean, k) for k in (2.0, 3.0, 5.0)]
        lines.append(f"| {mean:g} | " + " | ".join(f"{x:.2f}" for x in rates) + " |")
    return lines


def write_results(block: list[str]) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    text = (
        RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else f"# Alerts back-test\n\n{START}\n{END}\n"
    )
    if START not in text or END not in text:
        text += f"\n{START}\n{END}\n"
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    RESULTS.write_text(head + START + "\n" + "\n".join(block) + "\n" + END + tail, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--events", nargs="*", type=Path, default=[], help="event JSONL/Parquet files or directories"
    )
    ap.add_argument("--db", help="read events from this store instead")
    ap.add_argument("--corpus", type=Path, help="run the batch pipeline over this corpus first")
    ap.add_argument("--batch-out", type=Path, default=Path("/tmp/marsad-backtest-batch"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-merge", action="store_true", help="back-test the per-report events, unmerged")
    ap.add_argument("--date-from", default="2018-02-01", help="drop events dated before (extraction errors)")
    ap.add_argument("--date-to", default="2018-10-31")
    ap.add_argument("--limit", type=int, default=60, help="alerts listed in the results table")
    ap.add_argument("--json-out", type=Path, default=Path("/tmp/marsad-backtest-alerts.json"))
    ap.add_argument("--no-write", action="store_true", help="print the block instead of writing alerts.md")
    ap.add_argument("--label", default="", help="what the events are (shown in the results)")
    ap.add_argument("--exposure", type=Path, help="corpus JSONL(.gz): scale baselines by articles per week")
    ap.add_argument(
        "--review", nargs="*", default=[], help="alert ids: print the events behind them (markdown)"
    )
    ap.add_argument(
        "--titles", type=Path, help="corpus JSONL(.gz): print the titles of those documents to stderr"
    )
    args = ap.parse_args()

    cfg = DetectorConfig()
    reader = RowReader()
    if args.corpus:
        args.events.append(run_batch(args.corpus, args.batch_out, args.workers, not args.no_merge))
    if args.db:
        rows, reader = rows_from_store(args.db)
    else:
        rows = list(reader.paths(args.events))
    lo, hi = dt.date.fromisoformat(args.date_from), dt.date.fromisoformat(args.date_to)
    in_range = [r for r in rows if lo <= r.date <= hi]
    if not in_range:
        sys.exit("no events in the date range: nothing to back-test")

    exposure = reports_per_week(args.exposure) if args.exposure else None
    alerts, seconds = weekly_replay(in_range, cfg, exposure)
    # The replay must equal one run over the whole record: the detector only looks back.
    once = {a.id for a in detect(in_range, cfg, exposure=exposure)}
    assert once == {a.id for a in alerts}, "weekly replay and single run disagree"
    alerts.sort(key=lambda a: (-a.score, a.period, a.id))

    spikes = build_series(in_range, "week", series_keys)
    pairs = build_series(in_range, "week", pair_keys)
    weeks = period_range(min(r.date for r in in_range), max(r.date for r in in_range), "week")
    by_kind = Counter((a.kind, a.metric) for a in alerts)
    by_dim = Counter(a.key.dimension for a in alerts)
    per_week = Counter(a.period for a in alerts)
    with_admin1 = sum(1 for r in in_range if r.admin1)

    block = [
        f"Generated by `benchmarks/backtest_alerts.py` on {dt.date.today()} ({args.label or 'events as given'}).",
        "",
        "### Input",
        f"- events read: {len(rows)}; skipped (no id/date or bad JSON): {len(reader.skipped)}; "
        f"dated {lo}..{hi}: {len(in_range)} ({with_admin1} with an admin1)",
        f"- weeks: {len(weeks)} ({weeks[0]} .. {weeks[-1]}); spike series: {len(spikes)}; "
        f"place×type / place×actor series: {len(pairs)}",
        f"- detector: window {cfg.window} weeks, quantile {cfg.quantile}, min events {cfg.min_count}, "
        f"min fatalities {cfg.min_fatalities}, baseline floor {cfg.min_mean}/week, new = first in {cfg.new_weeks} weeks"
        + (f"; baselines scaled by articles per week ({args.exposure.name})" if exposure else ""),
        f"- week-by-week replay: {seconds:.2f} s for {len(weeks)} weekly runs (one CPU core, shared machine)",
        "",
        "### Alerts raised",
        f"- total {len(alerts)}: "
        + ", ".join(f"{k}/{m} {n}" for (k, m), n in sorted(by_kind.items()))
        + "; by series: "
        + ", ".join(f"{d} {n}" for d, n in sorted(by_dim.items())),
        f"- per week: median {sorted(per_week.values())[len(per_week) // 2] if per_week else 0}, "
        f"max {max(per_week.values(), default=0)} ({max(per_week, key=lambda w: per_week[w]) if per_week else '-'})",
        "",
        f"Strongest of each kind (all {len(alerts)} in `{args.json_out}`; ties in score by week):",
        "",
    ]
    for kind, metric, n in (
        ("spike", "events", args.limit),
        ("spike", "fatalities", args.limit // 2),
        ("new", "events", args.limit // 2),
    ):
        chosen = [a for a in alerts if a.kind == kind and a.metric == metric]
        block += [f"**{kind} / {metric}** ({len(chosen)}):", "", *alert_table(chosen, n), ""]
    block += [
        "### False-alarm rate on random series without a rise (seeded, 400 series × 40 weeks)",
        "",
        *calibration(cfg),
    ]
    if args.review:
        docs_of: dict[str, list[str]] = {}
        for path in args.events:
            files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
            for f in files:
                for line in f.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        rec = json.loads(line)
                        docs_of[str(rec.get("id") or rec.get("event_id_cnty"))] = rec.get("doc_ids", [])
        chosen = [a for wanted in args.review for a in alerts if a.id == wanted]
        for a in chosen:
            print("\n".join(review_block(a, docs_of)) + "\n")
        if args.titles:
            wanted_docs = {d for a in chosen for e in a.events for d in docs_of.get(e["id"], [])}
            import gzip

            with gzip.open(args.titles, "rt", encoding="utf-8") as fh:
                for line in fh:
                    doc = json.loads(line)
                    if doc["id"] in wanted_docs:
                        print(
                            f"{doc['id']}: {doc.get('title')} | {doc.get('text', '')[:400]}", file=sys.stderr
                        )
        return
    payload: list[dict[str, Any]] = [a.to_dict() for a in alerts]
    args.json_out.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.no_write:
        print("\n".join(block))
    else:
        write_results(block)
        print(f"wrote {RESULTS} and {args.json_out}", file=sys.stderr)


if __name__ == "__main__":
    main()
