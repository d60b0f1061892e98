"""Typed records shared by every stage.

A `Document` owns its ORIGINAL text. Every annotation is a span with character offsets into that
original text (never into a normalised copy), so any extracted field can be traced to the words
that justify it. Dataclasses with slots keep the per-document cost low on the hot path; the event
record, which crosses the API and file boundaries, is a pydantic model (see `marsad.record`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, Literal

from marsad.errors import Reject

if TYPE_CHECKING:
    from marsad.record import EventRecord

DatePrecision = Literal["day", "week", "month", "year"]


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled stretch [start, end) of the original text."""

    start: int
    end: int
    label: str
    value: Any = None

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Zone:
    """A region of the text with a role: boilerplate is marked, never deleted.

    kind: "body", "title", "boilerplate", "caption", "dateline", "related" ...
    reason: why the cleaner marked it (e.g. "social-prompt", "subscribe", "read-also").
    """

    start: int
    end: int
    kind: str
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    zone: str = "body"


@dataclass(frozen=True, slots=True)
class Token:
    """A word with its clitics split off: `stem_start..end` is the bare word ("الحويجة" in "وبالحويجة")."""

    start: int
    end: int
    norm: str  # normalised form of the whole token
    stem_start: int  # original offset where the word proper starts (after proclitics)
    stem: str  # normalised stem without proclitics (keeps the article ال unless stripped below)
    bare: str  # normalised stem without proclitics and without the article


@dataclass(frozen=True, slots=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: int
    vague: bool = False
    modifier: str | None = None  # "more_than", "about", "at_least", "less_than", ...
    kind: str = "cardinal"  # "cardinal", "digits", "dual", "vague"


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: date  # first day of the period for week/month/year
    precision: DatePrecision
    relative: bool = False  # resolved against an anchor (published time or the report's own date)
    kind: str = "explicit"  # "explicit", "relative", "weekday", "hijri", "numeric"


@dataclass(slots=True)
class Analysis:
    """What the text layer adds to a document. All offsets into Document.text."""

    zones: list[Zone] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    anchor: date | None = None  # the date relative expressions were resolved against
    anchor_source: str | None = None  # "published", "dateline", "caption", ...
    normalized: Any = None  # marsad.text.normalize.NormalizedText (kept untyped to avoid a cycle)


# `Document.meta` key set by the extraction pipeline's trigger gate ("pass" or GATED_NO_TRIGGER);
# the text layer skips a document marked GATED_NO_TRIGGER (see marsad.extract.gate)
GATE_META_KEY = "marsad:gate"
GATED_NO_TRIGGER = "no trigger"


@dataclass(slots=True)
class Document:
    """One input report. `text` is the original text and is never modified."""

    id: str
    text: str
    title: str | None = None
    published: datetime | None = None
    outlet: str | None = None
    url: str | None = None
    reader: str = "jsonl"  # which reader produced it: jsonl, txt, html, warc, stdin
    origin: str | None = None  # file path (":line" / "#record") it came from
    meta: dict[str, Any] = field(default_factory=dict)
    analysis: Analysis | None = None
    reject: Reject | None = None  # set when a stage refuses the document; later stages pass it on
    events: list[EventRecord] = field(default_factory=list)  # filled by the extract stage

    @property
    def ok(self) -> bool:
        return self.reject is None

    def provenance(self) -> dict[str, Any]:
        from marsad import __version__

        return {
            "id": self.id,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "reader": self.reader,
            "origin": self.origin,
            "marsad_version": __version__,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place mention. Offsets into the original text of the text that was geocoded."""

    start: int
    end: int
    text: str
    name: str  # English name in ACLED's style ("Kirkuk", "Baghdad - Sadr City")
    name_ar: str
    country: str  # English country name as ACLED writes it ("Iraq")
    country_code: str  # ISO 3166-1 alpha-2 ("IQ")
    admin1: str | None
    admin2: str | None
    admin3: str | None
    latitude: float
    longitude: float
    geo_precision: int  # 1 town / district, 2 near a town / small area, 3 region
    feature: str = "populated_place"  # "country", "admin1", "admin2", "admin3", "populated_place", ...
    score: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "name": self.name,
            "name_ar": self.name_ar,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "admin3": self.admin3,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "geo_precision": self.geo_precision,
        }
