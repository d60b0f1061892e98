"""The project's own fixture reports and demo samples read cleanly; the shared real data too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.config import Settings
from marsad.io import RunSummary, read_inputs
from marsad.samples import sample_reports_path


def test_fixture_reports_txt_and_jsonl_agree(fixtures_dir: Path) -> None:
    folder = fixtures_dir / "reports"
    txt = {d.id: d for d in read_inputs(sorted(folder.glob("*.txt")), Settings())}
    rows = {d.id: d for d in read_inputs([folder / "reports.jsonl"], Settings())}
    assert 8 <= len(rows) <= 14 and set(txt) == set(rows)
    for doc_id, doc in rows.items():
        assert doc.ok and txt[doc_id].ok, doc_id
        assert doc.text == txt[doc_id].text  # same offsets in both forms
        assert doc.published is not None and doc.published.tzinfo is not None
        assert doc.outlet and doc.title and doc.url


def test_fixture_gold_points_into_the_texts(fixtures_dir: Path) -> None:
    folder = fixtures_dir / "reports"
    texts = {d.id: d.text for d in read_inputs([folder / "reports.jsonl"], Settings())}
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {g["id"] for g in gold} == set(texts)
    for row in gold:
        for event in row["gold"]["events"]:
            assert event["location_ar"] in texts[row["id"]], (row["id"], event["location_ar"])
    same = [g["id"] for g in gold if g.get("incident")]
    assert len(same) == 2  # the two reports of one incident


def test_bundled_samples() -> None:
    path = sample_reports_path()
    summary = RunSummary()
    docs = []
    for doc in read_inputs([path], Settings()):
        summary.add(doc)
        docs.append(doc)
    assert summary.exit_code() == 0 and 15 <= summary.processed <= 30
    countries = {doc.url.split("/")[3] for doc in docs if doc.url}
    assert len({doc.published.date() for doc in docs if doc.published}) >= 10
    assert len(countries) >= 5


@pytest.mark.shared
def test_shared_dev_articles_and_seed(shared_dir: Path) -> None:
    summary = RunSummary()
    dev = []
    for doc in read_inputs([shared_dir / "eval" / "dev-articles.jsonl"], Settings()):
        summary.add(doc)
        dev.append(doc)
    assert summary.exit_code() == 0 and summary.processed == len(dev) >= 29
    dated = [d for d in dev if d.published is not None]
    assert len(dated) >= len(dev) - 1 and all(d.published.tzinfo is not None for d in dated if d.published)
    assert all("gold" in d.meta for d in dev)
    # the dev set also holds the seed under the same id: one run reading both rejects the second
    both = list(read_inputs([shared_dir / "eval" / "dev-articles.jsonl", shared_dir / "seed"], Settings()))
    seed = both[-1]
    assert (
        seed.reject is not None and seed.reject.code == "E_DUPLICATE_ID" and seed.id == "elaph-kirkuk-2021-09"
    )
    alone = list(read_inputs([shared_dir / "seed"], Settings()))
    assert len(alone) == 1 and alone[0].ok and alone[0].reader == "txt" and alone[0].published is None
    assert "كركوك" in alone[0].text
