"""The sentence pools of benchmarks/sentences hold labels and pointers, never text: check that the
labels are well formed and that every pointer still cuts a sentence whose trigger words are Arabic."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
POOLS = ROOT / "benchmarks" / "sentences"
ARABIC = re.compile(r"[\u0621-\u064A]")


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "bench_sentences", ROOT / "benchmarks" / "bench_sentences.py"
    )
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _rows() -> dict[int, list[dict[str, object]]]:
    out = {}
    for path in sorted(POOLS.glob("labels-*.jsonl")):
        out[int(path.stem.split("-")[1])] = [
            json.loads(line) for line in path.read_text().splitlines() if line
        ]
    return out


def test_every_pool_has_a_role_and_well_formed_labels() -> None:
    roles = json.loads((POOLS / "sets.json").read_text())
    pools = _rows()
    assert set(roles) == {str(k) for k in pools}
    assert set(roles.values()) == {"tuned", "held out"}
    ids: set[object] = set()
    for rows in pools.values():
        assert len(rows) == 100
        for r in rows:
            assert r["id"] not in ids
            ids.add(r["id"])
            assert "text" not in r  # pointers only: the texts stay in ../shared
            assert r["category"] in ("ASSAULT", "PROTEST", "NONE")
            assert (r["history"] is None) == (r["category"] == "NONE")
            assert (r["trigger_span"] is None) == (r["category"] == "NONE")
            start, end = r["start"], r["end"]
            assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end
            if r["trigger_span"] is not None:
                a, b = r["trigger_span"]  # type: ignore[misc]
                assert 0 <= a < b <= end - start


def test_every_pointer_cuts_its_sentence_from_the_shared_corpora(shared_dir: Path) -> None:
    bench = _bench()
    rows = [r for rows in _rows().values() for r in rows]
    texts = bench.sources(rows)
    for r in rows:
        sentence = texts[r["doc"]][r["start"] : r["end"]]
        assert ARABIC.search(sentence) and sentence == sentence.strip()
        if r["trigger_span"] is not None:
            a, b = r["trigger_span"]
            assert ARABIC.search(sentence[a:b]), (r["id"], sentence[a:b])
