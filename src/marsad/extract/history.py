"""Incidents a report tells as history, each coded on its own day (`extract_events(history=True)`).

ACLED codes what a report brings as news, so by default a sentence dated well before the report
("ـ 13 يونيو 2007: اغتيال النائب وليد عيدو بانفجار سيارة مفخخة في بيروت") yields nothing. Re-coding
an archive, or detecting event mentions sentence by sentence (the GSR benchmark), wants those
incidents too, on the day the text gives them. This module reads each such sentence again as if
it had been published on that day, with the same rules, so the incident is coded like any other,
then puts its evidence back into the report's own offsets and marks it (`tags` = "history", a
sentence in `notes`).

Only a day or a month dates an incident here: a year alone ("عام 2005") is not a date ACLED can
code (its finest-but-one precision is the month), so such sentences stay out.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from marsad.extract.mentions import Mention
from marsad.extract.textview import DocView
from marsad.model import DateMention, Document
from marsad.record import EventRecord, Evidence

HISTORY_TAG = "history"
MONTH_PRECISION = 3  # ACLED's time_precision for an event known to the month

Extractor = Callable[[Document], list[EventRecord]]


def history_events(
    view: DocView, mentions: list[Mention], extract: Extractor, old_days: int
) -> list[EventRecord]:
    """Events of the sentences whose incident words were all set aside as history and that name a
    day more than `old_days` before the report, or an earlier month; `extract` runs the default
    extraction on one sentence as a report."""
    doc = view.doc
    anchor = view.anchor
    if anchor is None:
        return []  # without the report's own day nothing can be told apart as past
    out: list[EventRecord] = []
    seen: set[str] = set()
    for m in mentions:
        if m.live or not any(t.blocked == "background" for t in m.triggers):
            continue
        sv = view.sents[m.sent]
        first = min(t.start for t in m.triggers if t.blocked == "background")
        for d in _past_days(m.dates, anchor, first, old_days):
            sentence = Document(
                id=doc.id,
                text=doc.text[sv.start : sv.end],
                published=datetime(d.value.year, d.value.month, d.value.day),
                outlet=doc.outlet,
            )
            found = [_in_report(e, doc, sv.start, d, anchor) for e in extract(sentence)]
            if not found:
                continue  # another date of the sentence may be the incident's
            for e in found:
                if e.event_id_cnty not in seen:
                    seen.add(e.event_id_cnty)
                    out.append(e)
            break
    return out


def mark_history(e: EventRecord, anchor: date | None) -> EventRecord:
    """An event the default extraction resolved to an old day and set aside (told deep in the
    report): kept, marked as history."""
    return e.model_copy(update={"tags": _tags(e.tags), "notes": e.notes + _told(anchor)})


def _past_days(
    dates: list[DateMention], anchor: date, first_trigger: int, old_days: int
) -> list[DateMention]:
    """The sentence's past days and months, nearest to its first incident word first."""
    past = [
        d
        for d in dates
        if d.precision in ("day", "month")
        and (anchor - d.value).days > old_days
        and not (d.precision == "month" and (d.value.year, d.value.month) == (anchor.year, anchor.month))
    ]
    return sorted(past, key=lambda d: abs(d.start - first_trigger))


def _in_report(e: EventRecord, doc: Document, offset: int, d: DateMention, anchor: date) -> EventRecord:
    """The sentence's event in the report's terms: evidence offsets into the report's text, the
    date's own words and precision, the report's id, marked as history."""
    evidence = [
        x.model_copy(update={"start": x.start + offset, "end": x.end + offset})
        for x in e.evidence
        if x.field != "event_date"
    ]
    # the date the sentence was read on is the incident's: its words are the evidence
    evidence.append(_date_evidence(d, doc.id))
    update: dict[str, object] = {
        "evidence": evidence,
        "doc_ids": [doc.id],
        "tags": _tags(e.tags),
        "notes": e.notes + _told(anchor),
    }
    if d.precision == "month":
        update.update(_month_fields(d))
    return e.model_copy(update=update)


def dated_by_month(e: EventRecord, d: DateMention, doc_id: str) -> EventRecord:
    """The record dated by a month its sentence names ("بأبريل الماضي"), that month's words as the date's
    evidence."""
    evidence = [x for x in e.evidence if x.field != "event_date"] + [_date_evidence(d, doc_id)]
    return e.model_copy(update={**_month_fields(d), "evidence": evidence})


def _date_evidence(d: DateMention, doc_id: str) -> Evidence:
    return Evidence(field="event_date", doc_id=doc_id, start=d.start, end=d.end, text=d.text)


def _month_fields(d: DateMention) -> dict[str, object]:
    return {"event_date": d.value.isoformat(), "year": d.value.year, "time_precision": MONTH_PRECISION}


def _tags(tags: str) -> str:
    return HISTORY_TAG if not tags else f"{tags}; {HISTORY_TAG}"


def _told(anchor: date | None) -> str:
    return f" Told as history in a report of {anchor.isoformat()}." if anchor else " Told as history."
