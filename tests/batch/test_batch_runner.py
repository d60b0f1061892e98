from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from marsad.batch import BatchOptions, OutputDir, run_batch
from marsad.batch.output import events_parquet_bytes
from marsad.errors import ConfigError
from marsad.record import EventRecord, Evidence

from .helpers import has_real_pipeline, outputs


def test_batch_writes_shards_rejects_and_stats(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run_batch(BatchOptions([str(corpus)], out, shard_size=25, pipeline="bare", progress="none"))
    # 120 reports + 3 bad lines after every 50th doc starting at 7 (7, 57, 107) = 129 documents
    assert report.stats["documents"] == 129
    assert report.shards_total == 6 and report.shards_run == 6
    assert report.stats["complete"] is True
    assert report.stats["rejected"] == {"E_EMPTY": 3, "E_JSON": 3, "E_NOT_ARABIC": 3}
    rejects = [json.loads(x) for p in sorted((out / "rejects").glob("*.jsonl")) for x in p.open()]
    assert {r["code"] for r in rejects} == {"E_EMPTY", "E_JSON", "E_NOT_ARABIC"}
    assert all(r["message"] and r["origin"] for r in rejects)  # every reject says why and where
    read, words = report.stats["stages"]
    assert read["stage"] == "read" and read["docs_in"] == 129 and read["docs_out"] == 120
    assert words["docs_in"] == 129 and words["docs_out"] == 120 and words["words"] > 120 * 20
    saved = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    assert saved["documents"] == 129 and saved["this_run"]["engine"] == "local"
    manifest = OutputDir(out).read_manifest()
    assert manifest[0]["config"]["stages"] == ["words@1"]
    assert sorted(r["shard"] for r in manifest[1:]) == list(range(6))
    assert not list(out.rglob(".*.tmp-*"))


def test_interrupted_run_resumes_only_missing_shards(corpus: Path, tmp_path: Path) -> None:
    full = tmp_path / "full"
    run_batch(BatchOptions([str(corpus)], full, shard_size=20, pipeline="bare", progress="none"))
    part = tmp_path / "part"
    first = run_batch(
        BatchOptions([str(corpus)], part, shard_size=20, pipeline="bare", progress="none", max_shards=3)
    )
    assert first.shards_run == 3 and first.stats["complete"] is False
    second = run_batch(BatchOptions([str(corpus)], part, shard_size=20, pipeline="bare", progress="none"))
    assert second.shards_skipped == 3 and second.shards_run == 7 - 3
    assert second.stats["complete"] is True and second.stats["documents"] == 129
    assert outputs(part) == outputs(full)
    third = run_batch(BatchOptions([str(corpus)], part, shard_size=20, pipeline="bare", progress="none"))
    assert third.shards_run == 0 and third.shards_skipped == 7


def test_torn_manifest_line_means_the_shard_is_redone(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    opts = BatchOptions([str(corpus)], out, shard_size=40, pipeline="bare", progress="none")
    run_batch(opts)
    lines = (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    # as if killed while appending the last shard's line, with a temp file left behind
    (out / "manifest.jsonl").write_text("\n".join(lines[:-1]) + "\n" + lines[-1][:9], encoding="utf-8")
    (out / "events" / ".part-00009.jsonl.tmp-123").write_text("partial", encoding="utf-8")
    again = run_batch(opts)
    assert again.shards_run == 1 and again.stats["complete"] is True
    assert not list(out.rglob(".*.tmp-*"))


def test_other_configuration_in_the_same_directory_is_refused(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(BatchOptions([str(corpus)], out, shard_size=40, pipeline="bare", progress="none"))
    with pytest.raises(ConfigError):
        run_batch(BatchOptions([str(corpus)], out, shard_size=30, pipeline="bare", progress="none"))
    redo = run_batch(
        BatchOptions([str(corpus)], out, shard_size=30, pipeline="bare", progress="none", restart=True)
    )
    assert redo.shards_run == 5


def test_glob_inputs_and_missing_input_is_rejected_not_skipped(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    pattern = str(corpus.parent / "*.jsonl")
    missing = str(tmp_path / "nothing-here.jsonl")
    report = run_batch(BatchOptions([pattern, missing], out, shard_size=50, pipeline="bare", progress="none"))
    assert report.stats["documents"] == 130
    assert report.stats["rejected"]["E_IO"] == 1


def test_events_parquet_round_trip() -> None:
    event = EventRecord(
        event_id_cnty="IRQ1",
        event_date="2021-09-05",
        year=2021,
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Islamic State (Iraq)",
        country="Iraq",
        admin1="Kirkuk",
        latitude=35.4,
        longitude=44.3,
        fatalities=3,
        injured=5,
        doc_ids=["doc-00000"],
        evidence=[Evidence(field="fatalities", doc_id="doc-00000", start=38, end=43, text="ثلاثة")],
    )
    import io

    table = pq.read_table(io.BytesIO(events_parquet_bytes([event.model_dump(mode="json")])))
    row = table.to_pylist()[0]
    assert EventRecord.model_validate(row) == event
    assert pq.read_table(io.BytesIO(events_parquet_bytes([]))).num_rows == 0


def test_batch_writes_documents_to_the_database_directly(corpus: Path, tmp_path: Path) -> None:
    from marsad.store import Store

    url = f"sqlite:///{tmp_path / 'marsad.db'}"
    opts = BatchOptions(
        [str(corpus)], tmp_path / "out", shard_size=40, pipeline="bare", progress="none", db_url=url
    )
    run_batch(opts)
    with Store(url) as store:
        first = store.counts()
        assert first["documents"] == 120
        doc = store.get_document("doc-00001")
        assert doc is not None and "إدلب" in doc["text"]
    # a second full run (e.g. after a crash redid shards) changes nothing
    opts.restart = True
    run_batch(opts)
    with Store(url) as store:
        assert store.counts()["documents"] == first["documents"]


@pytest.mark.skipif(not has_real_pipeline(), reason="the extraction stages are not in this tree yet")
def test_batch_stores_extracted_events_in_the_database(tmp_path: Path) -> None:
    from marsad.store import Store

    from .conftest import write_corpus

    corpus = write_corpus(tmp_path / "small.jsonl", 24)
    url = f"sqlite:///{tmp_path / 'marsad.db'}"
    report = run_batch(
        BatchOptions([str(corpus)], tmp_path / "out", shard_size=8, progress="none", db_url=url)
    )
    assert report.stats["events"] > 0
    with Store(url) as store:
        counts = store.counts()
        assert counts["documents"] == 24
        # every extracted event is stored, as its own event or merged into another report's
        assert counts["event_sources"] == report.stats["events"]
        assert 0 < counts["events"] <= report.stats["events"]
