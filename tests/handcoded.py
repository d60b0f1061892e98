"""Events coded by hand for tests, the way the extractor codes them (shared by the test kits).

`evidence` maps a field to a phrase that must occur in the document's text: its offsets are FOUND
(`str.index`), so every evidence span a test checks is a real span of the original text.
"""

from __future__ import annotations

from typing import Any

from marsad.acled import DISORDER_TYPE, EVENT_TYPE_OF, interaction_code
from marsad.model import Document
from marsad.record import EventRecord, Evidence


def hand_coded_event(
    d: Document, sub_event_type: str, evidence: dict[str, str], **fields: Any
) -> EventRecord:
    """An EventRecord for `d`; `fields` give (or override) the coded values."""
    event_type = EVENT_TYPE_OF[sub_event_type]
    spans = []
    for name, phrase in evidence.items():
        start = d.text.index(phrase)
        spans.append(Evidence(field=name, doc_id=d.id, start=start, end=start + len(phrase), text=phrase))
    data: dict[str, Any] = {
        "time_precision": 1,
        "disorder_type": DISORDER_TYPE[event_type],
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "source": d.outlet or "",
        "doc_ids": [d.id],
        "evidence": spans,
        **fields,
    }
    data.setdefault("year", int(data["event_date"][:4]))
    data["interaction"] = interaction_code(data.get("inter1", 0), data.get("inter2", 0))
    data["notes"] = data.get("notes") or f"{sub_event_type} in {data['location']}."
    return EventRecord.model_validate(data)
