"""The event record: ACLED's 31 columns plus marsad's extensions (see shared schema README)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from marsad.acled import ACLED_COLUMNS, EVENT_TYPE_OF, SUB_EVENT_TYPES


class Evidence(BaseModel):
    """The words behind one field: offsets into the ORIGINAL text of document `doc_id`."""

    model_config = ConfigDict(frozen=True)

    field: str
    doc_id: str
    start: int
    end: int
    text: str


class EventRecord(BaseModel):
    model_config = ConfigDict(validate_assignment=False)

    # --- ACLED's 31 columns, in ACLED's order ---
    event_id_cnty: str
    event_date: str  # YYYY-MM-DD
    year: int
    time_precision: int = Field(ge=1, le=3)
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str = ""
    inter1: int = 0
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""
    iso: int = 0
    region: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = Field(default=3, ge=1, le=3)
    source: str = ""
    source_scale: str = ""
    notes: str = ""
    fatalities: int = Field(default=0, ge=0)
    tags: str = ""
    timestamp: int = 0
    # --- extensions ---
    doc_ids: list[str] = Field(default_factory=list)
    injured: int | None = None
    fatalities_range: list[int] | None = None
    location_ar: str = ""
    actor1_ar: str = ""
    actor2_ar: str = ""
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)

    @field_validator("event_type")
    @classmethod
    def _known_event_type(cls, v: str) -> str:
        if v not in SUB_EVENT_TYPES:
            raise ValueError(f"unknown event_type {v!r}")
        return v

    @model_validator(mode="after")
    def _sub_type_fits(self) -> EventRecord:
        if EVENT_TYPE_OF.get(self.sub_event_type) != self.event_type:
            raise ValueError(f"sub_event_type {self.sub_event_type!r} is not a kind of {self.event_type!r}")
        return self

    def acled_row(self) -> dict[str, Any]:
        """The 31 ACLED columns only, in ACLED's order (for CSV export)."""
        data = self.model_dump()
        return {c: data[c] for c in ACLED_COLUMNS}

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False)

    def evidence_for(self, field_name: str) -> list[Evidence]:
        return [e for e in self.evidence if e.field == field_name]
