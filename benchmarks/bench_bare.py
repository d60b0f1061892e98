"""The bare pass: read, decode and split into words -- the practical speed limit of any text pipeline.

Two figures per corpus, one core, documents/s:
  raw     gzip + json.loads + str.split, nothing else (the floor any pipeline pays);
  reader  marsad.io.read_inputs (UTF-8, JSON schema, size and Arabic-script checks) + str.split.

Corpora (from ../shared, never shipped): the ANT corpus (JSON Lines, gzip) and SaudiNewsNet (zip
files of JSON arrays), which a small adapter here converts once into a JSON Lines file in the
system temp folder so every benchmark and `marsad batch` read it the same way.

    .venv/bin/python benchmarks/bench_bare.py [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
ANT = SHARED / "corpus" / "ant-multisource-2018.jsonl.gz"
SAUDI_DIR = SHARED / "data" / "saudinewsnet"
CACHE = Path(tempfile.gettempdir()) / "marsad-bench"


def saudi_jsonl() -> Path:
    """SaudiNewsNet as JSON Lines (id, outlet, url, title, published, text), built once."""
    target = CACHE / "saudinewsnet.jsonl.gz"
    if target.is_file():
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with gzip.open(tmp, "wt", encoding="utf-8") as out:
        for zpath in sorted(SAUDI_DIR.glob("*.zip")):
            with zipfile.ZipFile(zpath) as zf:
                for name in sorted(zf.namelist()):
                    for i, rec in enumerate(json.loads(zf.read(name))):
                        extracted = (rec.get("date_extracted") or "").replace(" ", "T")
                        row = {
                            "id": f"sn-{Path(name).stem}-{i:05d}",
                            "outlet": rec.get("source"),
                            "url": rec.get("url"),
                            "title": rec.get("title"),
                            # crawl time in Saudi Arabia (UTC+3): the articles carry no publication time
                            "published": f"{extracted}+03:00" if extracted else None,
                            "text": rec.get("content") or "",
                        }
                        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(target)
    return target


def corpus_path(name: str) -> Path:
    if name == "ant":
        return ANT
    if name == "saudinewsnet":
        return saudi_jsonl()
    raise SystemExit(f"unknown corpus {name!r}")


def limited_jsonl(name: str, limit: int | None) -> Path:
    """The corpus, or its first `limit` lines as a separate file (so every reader sees the same docs)."""
    path = corpus_path(name)
    if limit is None:
        return path
    target = CACHE / f"{name}-{limit}.jsonl.gz"
    if not target.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        with gzip.open(path, "rb") as src, gzip.open(target, "wb", compresslevel=1) as dst:
            dst.writelines(islice(src, limit))
    return target


def raw_texts(path: Path) -> Iterator[str]:
    with gzip.open(path, "rb") as fh:
        for line in fh:
            yield json.loads(line).get("text") or ""


def bare_raw(path: Path) -> dict[str, float]:
    c0 = time.process_time()
    t0 = time.perf_counter()
    docs = words = chars = 0
    for text in raw_texts(path):
        docs += 1
        chars += len(text)
        words += len(text.split())
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {
        "docs": docs,
        "words": words,
        "chars": chars,
        "seconds": dt,
        "cpu_seconds": cpu,
        "docs_per_s": docs / dt,
        "docs_per_cpu_s": docs / cpu,
    }


def bare_reader(path: Path) -> dict[str, float]:
    from marsad.config import Settings
    from marsad.io import read_inputs

    c0 = time.process_time()
    t0 = time.perf_counter()
    docs = ok = words = 0
    for doc in read_inputs([path], Settings()):
        docs += 1
        if doc.ok:
            ok += 1
            words += len(doc.text.split())
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {
        "docs": docs,
        "ok": ok,
        "words": words,
        "seconds": dt,
        "cpu_seconds": cpu,
        "docs_per_s": docs / dt,
        "docs_per_cpu_s": docs / cpu,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", choices=["ant", "saudinewsnet"], action="append")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"skip: {SHARED} is absent", file=sys.stderr)
        return
    results = {}
    for name in args.corpus or ["ant", "saudinewsnet"]:
        path = limited_jsonl(name, args.limit)
        results[name] = {"raw": bare_raw(path), "reader": bare_reader(path)}
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name, r in results.items():
        raw, reader = r["raw"], r["reader"]
        print(
            f"{name}: {raw['docs']:.0f} docs, {raw['chars'] / raw['docs']:.0f} chars/doc | "
            f"raw read+split {raw['docs_per_cpu_s']:.0f} docs/CPU-s | "
            f"marsad reader+split {reader['docs_per_cpu_s']:.0f} docs/CPU-s (wall: {raw['docs_per_s']:.0f}, "
            f"{reader['docs_per_s']:.0f} docs/s)"
        )


if __name__ == "__main__":
    main()
