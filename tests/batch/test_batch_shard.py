from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from marsad.batch.shard import Shard, doc_from_dict, doc_to_dict, merge_stats, process_shard
from marsad.batch.stages import WordSplitStage
from marsad.errors import ErrorCode, Reject
from marsad.model import Document
from marsad.stage import Stage

TEXT = "بغداد - قال مصدر في الشرطة إن مسلحين مجهولين اغتالوا ناشطا في حي الكرادة مساء الاثنين."


class FailOnMarker(Stage):
    """A real stage with a bug on some input: the shard must go on and record a reject."""

    name = "fragile"

    def process(self, doc: Document) -> Document:
        if "الكرادة" in doc.text:
            raise ValueError("cannot handle this district")
        return doc


def test_document_round_trip_keeps_every_reader_field() -> None:
    doc = Document(
        id="r1",
        text=TEXT,
        title="اغتيال ناشط",
        published=datetime(2021, 9, 6, 21, 30, tzinfo=timezone(timedelta(hours=3))),
        outlet="agency",
        url="https://example.org/1",
        reader="jsonl",
        origin="in.jsonl:3",
        meta={"category": "iraq"},
    )
    back = doc_from_dict(doc_to_dict(doc))
    assert back == doc
    assert back.published is not None and back.published.utcoffset() == timedelta(hours=3)


def test_rejected_document_round_trip() -> None:
    reject = Reject(code=ErrorCode.EMPTY.value, message="empty", doc_id="x", origin="f.jsonl:9")
    doc = Document(id="x", text="", reject=reject, published=datetime(2020, 1, 1, tzinfo=UTC))
    assert doc_from_dict(doc_to_dict(doc)).reject == reject


def test_process_shard_counts_and_isolates_a_failing_document() -> None:
    docs = [
        doc_to_dict(Document(id="a", text="الموصل - انفجرت عبوة ناسفة على طريق عام.")),
        doc_to_dict(Document(id="b", text=TEXT)),
        doc_to_dict(Document(id="c", text="", reject=Reject(code="E_EMPTY", message="empty", doc_id="c"))),
    ]
    result = process_shard([WordSplitStage(), FailOnMarker()], Shard(4, docs))
    assert result.shard_id == 4 and result.n_docs == 3
    assert [r["doc_id"] for r in result.rejects] == ["b", "c"]
    assert result.rejects[0]["code"] == ErrorCode.PROCESSING.value
    assert "cannot handle" in result.rejects[0]["message"]
    words, fragile = result.stats
    assert words["docs_in"] == 3 and words["docs_out"] == 2 and words["words"] == 8 + len(TEXT.split())
    assert fragile["docs_out"] == 1 and fragile["rejected"] == {"E_PROCESSING": 1}
    assert result.peak_rss_mb > 0


def test_stats_of_shards_add_up() -> None:
    stages = [WordSplitStage()]
    total: dict[str, dict[str, object]] = {}
    for i in range(3):
        r = process_shard(stages, Shard(i, [doc_to_dict(Document(id=f"d{i}", text=TEXT))]))
        merge_stats(total, r.stats)
    assert total["words"]["docs_in"] == 3
    assert total["words"]["words"] == 3 * len(TEXT.split())
