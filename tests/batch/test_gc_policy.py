"""The batch worker's collector settings: applied during a run, restored after it, events unchanged."""

from __future__ import annotations

import gc
from datetime import UTC, datetime

import pytest

from marsad.batch.executors import LocalExecutor
from marsad.batch.gc_policy import YOUNG_THRESHOLD, batch_gc
from marsad.batch.shard import Shard, doc_from_dict, doc_to_dict
from marsad.model import Document
from marsad.pipeline import extraction_stages
from marsad.stage import run_stages

REPORTS = [
    "بغداد - قتل ثلاثة مدنيين وأصيب خمسة آخرون بانفجار عبوة ناسفة في قضاء الحويجة جنوب غربي كركوك.",
    "عدن - تظاهر مئات المواطنين أمام مقر المحافظة احتجاجا على انقطاع الكهرباء والمياه.",
    "الرياض - افتتح وزير التعليم معرضا للكتاب بمشاركة خمسين دار نشر.",
]


def test_batch_gc_applies_and_restores_the_settings() -> None:
    before = gc.get_threshold()
    with batch_gc():
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
        assert gc.get_threshold()[1:] == before[1:]
        assert gc.get_freeze_count() > 0  # what was loaded is never scanned again
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_local_executor_gives_the_same_events_and_leaves_the_collector_as_it_was() -> None:
    before = gc.get_threshold()
    docs = [
        doc_to_dict(Document(id=f"r{i}", text=t, published=datetime(2021, 9, 5, 10, tzinfo=UTC)))
        for i, t in enumerate(REPORTS)
    ]
    (result,) = LocalExecutor(extraction_stages()).map([Shard(shard_id=0, docs=docs)])
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    plain = run_stages(extraction_stages(), [doc_from_dict(d) for d in docs])
    expected = [ev.model_dump(mode="json") for d in plain for ev in d.events]
    assert len(expected) >= 2  # the bombing and the protest
    assert result.events == expected


def test_default_keeps_pythons_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MARSAD_BATCH_GC", "default")
    before = gc.get_threshold()
    with batch_gc():
        assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    assert gc.get_threshold() == before
