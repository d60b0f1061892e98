"""`marsad ingest` as a real subprocess: idempotent, and a SIGKILL mid-run followed by a re-run ends
in the same database as an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from reportkit import corpus_lines
from sqlalchemy import create_engine, select, text

from marsad.store import Store
from marsad.store.db import sqlalchemy_url
from marsad.store.ingest import ingest_paths
from marsad.store.schema import change_log, documents, event_sources, events, evidence, rejects

MARSAD = [sys.executable, "-m", "marsad.cli.main"]


def _write_input(path: Path, n: int) -> int:
    lines = corpus_lines(n)
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    return sum(1 for x in lines if isinstance(x.get("text"), str))


def _ingest(inp: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MARSAD, "ingest", str(inp), "--db", url, "--batch-size", "10", "-q", *extra],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "MARSAD_CONFIG": os.devnull},
    )


def dump(url: str) -> dict[str, Any]:
    """Everything that defines the dataset: all rows, minus wall-clock times and surrogate keys
    (PostgreSQL sequences are not rolled back, so the change log is compared in order)."""
    engine = create_engine(sqlalchemy_url(url))
    out: dict[str, Any] = {}
    skip = {"ingested_at", "updated_at", "timestamp", "at", "id_surrogate"}
    with engine.connect() as conn:
        for table, order, drop in (
            (documents, [documents.c.id], set()),
            (events, [events.c.id], set()),
            (event_sources, [event_sources.c.doc_id, event_sources.c.position], set()),
            (evidence, [evidence.c.doc_id, evidence.c.position, evidence.c.field], {"id"}),
            (rejects, [rejects.c.key], {"id"}),
            (change_log, [change_log.c.seq], {"seq"}),
        ):
            cols = [c for c in table.c if c.name not in skip | drop]
            out[table.name] = [dict(r._mapping) for r in conn.execute(select(*cols).order_by(*order))]
    engine.dispose()
    return out


@pytest.mark.slow
def test_killed_ingest_resumes_to_the_same_database(tmp_path: Path, db_url: str) -> None:
    # The uninterrupted reference run goes to a SQLite file; the killed-and-resumed run to the
    # database under test (SQLite or PostgreSQL): the same input gives the same dataset on both.
    ref_url, crash_url = f"sqlite:///{tmp_path / 'ref.db'}", db_url
    inp = tmp_path / "reports.jsonl"
    n_docs = _write_input(inp, 240)

    with Store(ref_url) as ref:  # the uninterrupted run (the same library call the CLI makes)
        ingest_paths(ref, [inp], batch_size=10)
    reference = dump(ref_url)
    assert len(reference["documents"]) == n_docs
    merged = [e for e in reference["events"] if "; " in e["source"]]
    assert merged, "the input has reports of the same incident by two outlets"

    proc = subprocess.Popen(
        [*MARSAD, "ingest", str(inp), "--db", crash_url, "--batch-size", "10", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "MARSAD_CONFIG": os.devnull},
    )
    engine = create_engine(sqlalchemy_url(crash_url))
    stored = 0
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with engine.connect() as conn:
                    stored = conn.execute(text("SELECT count(*) FROM documents")).scalar_one()
            except Exception:  # tables not created yet
                stored = 0
            if stored >= 60:
                break
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        engine.dispose()
    partial = dump(crash_url)
    assert 0 < len(partial["documents"]) < n_docs, "the kill must land mid-run"
    # nothing half-written: every stored document has all its reports, evidence and events
    per_doc: dict[str, int] = {}
    for s in partial["event_sources"]:
        per_doc[s["doc_id"]] = per_doc.get(s["doc_id"], 0) + 1
    assert all(per_doc.get(d["id"], 0) == d["n_events"] == 1 for d in partial["documents"])
    assert {e["doc_id"] for e in partial["evidence"]} == {d["id"] for d in partial["documents"]}
    assert {s["event_id"] for s in partial["event_sources"]} == {e["id"] for e in partial["events"]}

    resumed = _ingest(inp, crash_url)
    assert resumed.returncode == 0, resumed.stderr
    assert dump(crash_url) == reference

    summary = json.loads(resumed.stderr.strip().splitlines()[-1])
    assert 0 < summary["ingest"]["documents"] < n_docs and summary["ingest"]["unchanged"] > 0

    again = _ingest(inp, crash_url)  # and a third run changes nothing
    assert again.returncode == 0
    assert json.loads(again.stderr.strip().splitlines()[-1])["ingest"]["documents"] == 0
    assert dump(crash_url) == reference


def test_ingest_reads_text_files_and_writes_rejects(tmp_path: Path) -> None:
    from reportkit import HAWIJA_A, HAWIJA_B  # type: ignore[import-not-found]

    src = tmp_path / "reports"
    src.mkdir()
    (src / "hawija-a.txt").write_text(HAWIJA_A, encoding="utf-8")
    (src / "hawija-b.txt").write_text(HAWIJA_B, encoding="utf-8")
    (src / "broken.txt").write_bytes(b"\xff\xfe\x00garbage\x00")
    (src / "english.txt").write_text("A short English note with no Arabic in it at all.", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'txt.db'}"
    rejects = tmp_path / "rejects.jsonl"
    run = _ingest(src, url, "--rejects", str(rejects))
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stderr.strip().splitlines()[-1])
    assert summary["ingest"]["documents"] == 2 and summary["ingest"]["rejected"] == 2
    codes = sorted(json.loads(line)["code"] for line in rejects.read_text(encoding="utf-8").splitlines())
    assert len(codes) == 2 and set(codes) == set(summary["ingest"]["reject_codes"])
    with Store(url) as store:
        assert sorted(r["code"] for r in store.rejects()) == codes
        assert store.counts()["documents"] == 2
