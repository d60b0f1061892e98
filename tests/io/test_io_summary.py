"""RunSummary counts and exit status; RejectWriter writes one JSON line per reject."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import ErrorCode, Reject
from marsad.io import (
    EXIT_NOTHING_PROCESSED,
    EXIT_OK,
    EXIT_SOME_REJECTED,
    RejectWriter,
    RunSummary,
    read_rejects,
)
from marsad.model import Document

TEXT = "قُتل جنديان في هجوم على نقطة تفتيش."


def ok(doc_id: str) -> Document:
    return Document(id=doc_id, text=TEXT, reader="txt")


def bad(doc_id: str, code: ErrorCode) -> Document:
    return Document(
        id=doc_id, text="", reader="jsonl", reject=Reject(str(code), "why", doc_id, f"in.jsonl:{doc_id}")
    )


def test_exit_codes() -> None:
    summary = RunSummary()
    assert summary.exit_code() == EXIT_NOTHING_PROCESSED == 1  # nothing read at all
    assert "no input document" in summary.render()
    summary.add(bad("1", ErrorCode.JSON))
    assert summary.exit_code() == 1
    summary.add(ok("2"))
    assert summary.exit_code() == EXIT_SOME_REJECTED == 3
    only_good = RunSummary()
    only_good.add(ok("3"))
    assert only_good.exit_code() == EXIT_OK == 0


def test_counts_render_and_round_trip() -> None:
    summary = RunSummary()
    for doc in [
        ok("a"),
        ok("b"),
        bad("c", ErrorCode.DECODE),
        bad("d", ErrorCode.JSON),
        bad("e", ErrorCode.JSON),
    ]:
        summary.add(doc)
    summary.reject_path = "out/rejects.jsonl"
    assert (summary.total, summary.processed, summary.rejected_total) == (5, 2, 3)
    data = summary.to_dict()
    assert data == {
        "total": 5,
        "processed": 2,
        "rejected": 3,
        "rejected_by_code": {"E_DECODE": 1, "E_JSON": 2},
        "by_reader": {"jsonl": 3, "txt": 2},
        "reject_file": "out/rejects.jsonl",
        "exit_code": 3,
    }
    json.dumps(data)  # serialisable as is
    assert RunSummary.from_dict(data).to_dict() == data
    text = summary.render()
    assert text.splitlines()[0] == "5 documents read: 2 processed, 3 rejected"
    # most frequent code first
    assert text.index("E_JSON: 2") < text.index("E_DECODE: 1") and "out/rejects.jsonl" in text


def test_merge_worker_summaries() -> None:
    one, two = RunSummary(), RunSummary()
    one.add(ok("a"))
    two.add(bad("b", ErrorCode.EMPTY))
    two.add(ok("c"))
    one.merge(two)
    assert (one.processed, dict(one.rejected)) == (2, {"E_EMPTY": 1})


def test_reject_writer_lines_truncate_and_append(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "rejects.jsonl"
    with RejectWriter(path) as writer:
        writer.write(Reject("E_JSON", "malformed JSON", None, "a.jsonl:2", '{"id": "x", "text": "بغداد'))
        writer.write(bad("y", ErrorCode.NOT_ARABIC))
        writer.write(ok("z"))  # an accepted document is not a reject
    assert writer.count == 2
    rows = read_rejects(path)
    assert [r["code"] for r in rows] == ["E_JSON", "E_NOT_ARABIC"]
    assert rows[0]["excerpt"] == '{"id": "x", "text": "بغداد' and rows[1]["reader"] == "jsonl"
    assert "بغداد" in path.read_text(encoding="utf-8")  # Arabic kept readable, not \\u-escaped
    with RejectWriter(path, append=True) as writer:
        writer.write(Reject("E_EMPTY", "empty", "q", "q.txt"))
    assert len(read_rejects(path)) == 3
    with RejectWriter(path) as writer:
        pass
    assert read_rejects(path) == []


def test_reject_writer_without_path_counts_only(tmp_path: Path) -> None:
    with RejectWriter(None) as writer:
        writer.write(Reject("E_EMPTY", "empty", "q", "q.txt"))
    assert writer.count == 1
    loose = RejectWriter(tmp_path / "r.jsonl")
    with pytest.raises(RuntimeError):
        loose.write(Reject("E_EMPTY", "empty", "q", "q.txt"))
