"""The analyse stage: zones, sentences, tokens, numbers and dates of one document.

`analyze_document(doc)` fills `doc.analysis` (and returns it); the normalised view is stored in
`analysis.normalized` so later stages (extraction, geocoding) reuse it instead of normalising again.

Date anchor: `doc.published` when present (its calendar date as written, in the publication's own
time zone); otherwise the first full explicit date (day, month and year) in the report's caption,
dateline or title zones, then anywhere in the text (a report's own date is usually the first one it
gives). Without any anchor, relative expressions ("أمس", "فجر الأحد") are left unresolved.

Numbers inside a date mention ("5 أيلول 2021") get kind "date", so extraction never counts them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from marsad.model import GATE_META_KEY, GATED_NO_TRIGGER, Analysis, DateMention, Document, NumberMention, Zone
from marsad.stage import Stage
from marsad.text.clean import find_zones
from marsad.text.dates import find_dates
from marsad.text.normalize import normalize
from marsad.text.numbers import find_numbers
from marsad.text.segment import split_sentences, tokenize

ANCHOR_ZONES = ("caption", "dateline", "title")


LATE_UTC_HOUR = 21  # from this hour on, the UTC day is already the next one in the Arab world (UTC+3)


def late_in_utc_day(published: datetime) -> bool:
    """A publication time stamped in UTC (offset 0) in the last hours of its day."""
    off = published.utcoffset()
    return off is not None and off.total_seconds() == 0 and published.hour >= LATE_UTC_HOUR


def choose_anchor(dates: list[DateMention], zones: list[Zone]) -> tuple[date | None, str | None]:
    """The report's own date when it has no publication time (see the module docstring)."""
    full = [d for d in dates if d.precision == "day" and not d.relative]
    for kind in ANCHOR_ZONES:
        for d in full:
            if any(z.kind == kind and z.start <= d.start < z.end for z in zones):
                return d.value, kind
    if full:
        return full[0].value, "text"
    return None, None


def _mark_date_numbers(numbers: list[NumberMention], dates: list[DateMention]) -> list[NumberMention]:
    if not dates or not numbers:
        return numbers
    out = []
    for n in numbers:
        if n.kind not in ("date", "time") and any(d.start <= n.start and n.end <= d.end for d in dates):
            n = replace(n, kind="date")
        out.append(n)
    return out


def analyze_document(doc: Document, *, tokens: bool = False) -> Analysis:
    """Analyse one document (sets and returns `doc.analysis`).

    Tokens cost more than everything else together (~1.4 us per frozen `Token` alone, ~250 per
    article), and no later stage needs them, so they are opt-in: `tokens=True`, or later
    `tokenize(doc.text, doc.analysis.normalized)` on the documents that need them."""
    text = doc.text
    norm = normalize(text)
    zones = find_zones(text, norm)
    sentences = split_sentences(text, zones, norm)
    anchor: date | None = None
    source: str | None = None
    if doc.published is not None:
        anchor, source = doc.published.date(), "published"
        dates = find_dates(text, norm, anchor, late=late_in_utc_day(doc.published))
    else:
        dates = find_dates(text, norm, None)
        anchor, source = choose_anchor(dates, zones)
        if anchor is not None:
            dates = find_dates(text, norm, anchor)
    numbers = _mark_date_numbers(find_numbers(text, norm), dates)
    analysis = Analysis(
        zones=zones,
        sentences=sentences,
        tokens=tokenize(text, norm) if tokens else [],
        numbers=numbers,
        dates=dates,
        anchor=anchor,
        anchor_source=source,
        normalized=norm,
    )
    doc.analysis = analysis
    return analysis


class AnalyzeStage(Stage):
    """Adds `doc.analysis`. `tokens=True` also fills `analysis.tokens` (off by default: see
    `analyze_document`)."""

    name = "analyze"
    version = "1"

    def __init__(self, *, tokens: bool = False) -> None:
        super().__init__()
        self.tokens = tokens

    def setup(self) -> None:
        # Load every data file once per worker, before the first document.
        normalize("")
        find_zones("")
        find_numbers("")
        find_dates("", None, date(2000, 1, 1))
        split_sentences("", [])

    def process(self, doc: Document) -> Document:
        if doc.meta.get(GATE_META_KEY) == GATED_NO_TRIGGER:
            # the extraction pipeline's trigger gate (marsad.extract.gate) found no trigger: no
            # later stage reads this analysis (the `analyze` command has no gate)
            self.stats.extra["skipped: gated"] += 1
            return doc
        analyze_document(doc, tokens=self.tokens)
        self.stats.extra["numbers"] += len(doc.analysis.numbers) if doc.analysis else 0
        self.stats.extra["dates"] += len(doc.analysis.dates) if doc.analysis else 0
        return doc


def analysis_to_dict(doc: Document) -> dict[str, object]:
    """The `marsad analyze` JSON object of one document (offsets into the original text)."""
    a = doc.analysis or Analysis()
    return {
        "doc_id": doc.id,
        "anchor": a.anchor.isoformat() if a.anchor else None,
        "anchor_source": a.anchor_source,
        "zones": [{"start": z.start, "end": z.end, "kind": z.kind, "reason": z.reason} for z in a.zones],
        "sentences": [{"start": s.start, "end": s.end, "zone": s.zone} for s in a.sentences],
        "numbers": [
            {
                "start": n.start,
                "end": n.end,
                "text": n.text,
                "value": n.value,
                "vague": n.vague,
                "kind": n.kind,
                "modifier": n.modifier,
            }
            for n in a.numbers
        ],
        "dates": [
            {
                "start": d.start,
                "end": d.end,
                "text": d.text,
                "value": d.value.isoformat(),
                "precision": d.precision,
                "relative": d.relative,
                "kind": d.kind,
            }
            for d in a.dates
        ],
    }
