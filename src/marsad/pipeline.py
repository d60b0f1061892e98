"""The ONE stage list. Every command (analyze, extract, ingest, batch, the API) builds its stages here,
so the same documents give the same events whichever command or executor runs them.

Stage modules are imported inside the functions: building a pipeline loads only what it needs,
and a worker process imports the heavy modules itself when it unpickles its stages.
"""

from __future__ import annotations

from collections.abc import Callable

from marsad.errors import ConfigError
from marsad.stage import Stage


def bare_stages() -> list[Stage]:
    """Split into words only: the speed limit the benchmarks compare against."""
    from marsad.batch.stages import WordSplitStage

    return [WordSplitStage()]


def analysis_stages() -> list[Stage]:
    """Zones, sentences, tokens, numbers, dates."""
    from marsad.text.analyze import AnalyzeStage

    return [AnalyzeStage()]


def extraction_stages(*, gate: bool = True, history: bool = False) -> list[Stage]:
    """Analysis, then incidents with actors, casualties, date and place (geocoded).

    With `gate` (the default), the trigger gate runs first: reports no trigger of the lexicons can
    match skip the text layer and get no events (the same events as without it, only faster;
    `benchmarks/check_events.py` checks that over the whole ANT corpus). With `history`, incidents
    told as history are coded too, each on its own day (`marsad.extract.history`)."""
    from marsad.extract import ExtractStage
    from marsad.extract.gate import GateStage

    if not gate:
        return [*analysis_stages(), ExtractStage(gate=False, history=history)]
    return [GateStage(), *analysis_stages(), ExtractStage(history=history)]


def history_stages() -> list[Stage]:
    """The extraction stage list that also codes incidents told as history (for archives)."""
    return extraction_stages(history=True)


PIPELINES: dict[str, Callable[[], list[Stage]]] = {
    "bare": bare_stages,
    "analyze": analysis_stages,
    "extract": extraction_stages,
    "history": history_stages,
}


def stages_for(name: str) -> list[Stage]:
    try:
        factory = PIPELINES[name]
    except KeyError:
        raise ConfigError(f"unknown pipeline {name!r}: choose one of {', '.join(PIPELINES)}") from None
    return factory()


def describe(stages: list[Stage]) -> list[str]:
    """Stage names with versions, recorded with every batch run (provenance, resume checks)."""
    return [f"{s.name}@{s.version}" for s in stages]
