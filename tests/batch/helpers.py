"""Helpers shared by the batch tests."""

from __future__ import annotations

import importlib
import importlib.util
import json
from pathlib import Path


def outputs(out: Path) -> dict[str, str]:
    """Every shard file's content except timings: what must not depend on how the run went."""
    files = {}
    for sub in ("events", "rejects"):
        for p in sorted((out / sub).glob("part-*.jsonl")):
            files[f"{sub}/{p.name}"] = p.read_text(encoding="utf-8")
    for p in sorted((out / "stats").glob("part-*.json")):
        stages = json.loads(p.read_text(encoding="utf-8"))["stages"]
        for s in stages:
            s.pop("seconds")
        files[f"stats/{p.name}"] = json.dumps(stages, sort_keys=True)
    return files


def has_real_pipeline() -> bool:
    return (
        importlib.util.find_spec("marsad.text.analyze") is not None
        and importlib.util.find_spec("marsad.extract") is not None
        and hasattr(importlib.import_module("marsad.extract"), "ExtractStage")
    )


def pipelines() -> list[str]:
    return ["bare", "extract"] if has_real_pipeline() else ["bare"]
