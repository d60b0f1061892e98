"""Fold the reports of one incident into one event record (ACLED's conventions)."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.merge.rules import Report
from marsad.record import EventRecord


def _unique(items: list[str]) -> list[str]:
    out: list[str] = []
    for it in items:
        if it and it not in out:
            out.append(it)
    return out


def combine(reports: Sequence[Report], event_id: str | None = None) -> EventRecord:
    """The first report is the survivor: its id and coding are kept, except where others add.

    - `source`: every outlet, "Outlet A; Outlet B" (document id when the outlet is unknown);
      `doc_ids`: every report's documents.
    - `fatalities`: ACLED's lowest-figure rule over the reports that give a figure (a report
      that does not mention deaths does not make the figure 0); `fatalities_range` [low, high].
    - `injured`: the lowest figure given; place: the most precise report's (lowest geo_precision).
    - evidence: every report's spans (each carries its doc_id).
    """
    if not reports:
        raise ValueError("combine() needs at least one report")
    first = reports[0].record
    if len(reports) == 1 and event_id in (None, first.event_id_cnty):
        return first
    records = [r.record for r in reports]
    data = first.model_dump()
    if event_id:
        data["event_id_cnty"] = event_id
    doc_ids = _unique([d for r in records for d in (r.doc_ids or [])])
    sources = _unique([s.strip() for r in records for s in (r.source or "").split(";")])
    data["doc_ids"] = doc_ids
    data["source"] = "; ".join(sources)
    figures = [r.fatalities for r in records if r.fatalities > 0]
    data["fatalities"] = min(figures) if figures else 0
    data["fatalities_range"] = [min(figures), max(figures)] if figures else None
    if len(figures) == 1 and len(records) > 1:
        data["fatalities_range"] = [figures[0], figures[0]]
    injured = [r.injured for r in records if r.injured is not None]
    data["injured"] = min(injured) if injured else None
    best_place = min(records, key=lambda r: r.geo_precision)  # min() keeps the earliest on ties
    for f in (
        "country",
        "iso",
        "region",
        "admin1",
        "admin2",
        "admin3",
        "location",
        "location_ar",
        "latitude",
        "longitude",
        "geo_precision",
    ):
        data[f] = getattr(best_place, f)
    data["confidence"] = max(r.confidence for r in records)
    data["evidence"] = [e for r in records for e in r.evidence]
    return EventRecord.model_validate(data)
