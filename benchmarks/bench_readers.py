"""Throughput of `marsad.io.read_inputs` alone (no analysis), one core, documents/s.

  raw    gzip + json.loads per line (the floor any JSONL reader pays)
  jsonl  read_inputs over ../shared/corpus/ant-multisource-2018.jsonl.gz (UTF-8, schema, published
         parsing, size / emptiness / Arabic-script checks, duplicate ids)
  warc   read_inputs over a WARC built in the temp folder from the first N corpus articles wrapped
         in an HTML page (HTML extraction by trafilatura dominates)

Peak RSS is printed to show the JSONL reader streams (a 24 MB gzip / ~100 MB of text is never
held whole). Median of --repeat runs.

    .venv/bin/python benchmarks/bench_readers.py [--repeat 3] [--warc-docs 300]
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import resource
import statistics
import tempfile
import time
from io import BytesIO
from itertools import islice
from pathlib import Path

from marsad.config import Settings
from marsad.io import RunSummary, read_inputs

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
ANT = SHARED / "corpus" / "ant-multisource-2018.jsonl.gz"


def raw_pass(path: Path) -> int:
    n = 0
    with gzip.open(path, "rb") as handle:
        for line in handle:
            json.loads(line)
            n += 1
    return n


def reader_pass(paths: list[Path]) -> RunSummary:
    summary = RunSummary()
    for doc in read_inputs(paths, Settings()):
        summary.add(doc)
    return summary


def build_warc(n: int) -> Path:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    target = Path(tempfile.gettempdir()) / "marsad-bench" / f"ant-{n}.warc.gz"
    if target.is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(ANT, "rt", encoding="utf-8") as src, target.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for line in islice(src, n):
            row = json.loads(line)
            body = "".join(f"<p>{html.escape(p)}</p>" for p in row["text"].split("\n") if p.strip())
            page = (
                f'<html><head><meta charset="utf-8"><title>{html.escape(row["title"] or "")}</title>'
                f'<meta property="article:published_time" content="{row["published"]}"></head>'
                f"<body><nav>الرئيسية | أخبار</nav><article>{body}</article><footer>جميع الحقوق محفوظة</footer></body></html>"
            )
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                row["url"] or f"https://x.example/{row['id']}",
                "response",
                payload=BytesIO(page.encode()),
                http_headers=headers,
            )
            writer.write_record(record)
    return target


def timed(fn, *args):  # type: ignore[no-untyped-def]
    """CPU seconds of this process (robust on a shared machine), wall seconds, result."""
    cpu, wall = time.process_time(), time.perf_counter()
    result = fn(*args)
    return time.process_time() - cpu, time.perf_counter() - wall, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--warc-docs", type=int, default=300)
    args = ap.parse_args()
    if not ANT.is_file():
        raise SystemExit(f"skipped: {ANT} is absent (benchmarks read ../shared)")
    raw = [timed(raw_pass, ANT) for _ in range(args.repeat)]
    n_raw = raw[0][2]
    jsonl = [timed(reader_pass, [ANT]) for _ in range(args.repeat)]
    summary = jsonl[0][2]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    warc_path = build_warc(args.warc_docs)
    warc = [timed(reader_pass, [warc_path]) for _ in range(args.repeat)]
    wsum = warc[0][2]
    print(f"corpus: {ANT.name} ({n_raw} lines); median of {args.repeat} runs; docs/s per CPU second (wall)")
    for label, runs, n in [
        ("raw gzip+json.loads", raw, n_raw),
        ("read_inputs jsonl.gz", jsonl, summary.total),
        (f"read_inputs warc.gz ({wsum.total} HTML pages)", warc, wsum.total),
    ]:
        cpu = statistics.median(r[0] for r in runs)
        wall = statistics.median(r[1] for r in runs)
        print(f"{label:42s} {n / cpu:8.0f} docs/s  ({n / wall:.0f} wall)")
    print(f"jsonl: {summary.processed} processed, rejected {dict(summary.rejected)}")
    print(f"warc: {wsum.processed} processed, rejected {dict(wsum.rejected)}")
    print(f"peak RSS after the JSONL passes: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
