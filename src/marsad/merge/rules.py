"""When are two reports the same incident?  A score from hard constraints plus soft evidence.

Hard constraints (any failing -> never the same incident): different documents, same country,
dates within `max_days`, compatible places (same, nested, or within `max_km`), compatible event
families, and actors that do not contradict (two named groups with nothing in common).
Soft evidence adds up: same day, same place, same sub-event type, a shared named actor, agreeing
casualty figures and, weighted most, how alike the reports' trigger sentences are. Two reports
merge when the score reaches `threshold`. The weights are the policy: they live in `MergePolicy`
so they can be tuned (and are shown in `explain`) rather than buried in branches.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

from marsad.merge.text import normalize_key
from marsad.record import EventRecord

# Event types that the same incident can be coded as by different reports (an attack on a
# checkpoint may read as a clash in one outlet and an IED in another). Protests and riots are
# the same family; strategic developments only match themselves.
TYPE_FAMILY: dict[str, str] = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Protests": "demonstration",
    "Riots": "demonstration",
    "Strategic developments": "strategic",
}

# Actors that say nothing about who it was: compatible with anyone, never evidence of sameness.
GENERIC_ACTORS = frozenset({"", "civilians", "unidentified armed group", "unidentified military forces"})

_PAREN = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class MergePolicy:
    max_days: int = 1
    max_km: float = 15.0
    same_place_km: float = 2.0  # gazetteer points this close are the same town
    threshold: float = 4.0
    w_same_day: float = 1.0
    w_adjacent_day: float = 0.6
    w_same_place: float = 1.0
    w_nested_place: float = 0.6
    w_near_place: float = 0.6
    w_mentioned_place: float = 0.4
    w_same_sub_type: float = 1.0
    w_same_type: float = 0.6
    w_same_family: float = 0.2
    w_shared_actor: float = 1.0
    w_unknown_actor: float = 0.3
    w_text: float = 2.0  # times the similarity of the trigger sentences (0..1)
    w_figures_agree: float = 0.3
    w_figures_disagree: float = -0.7
    w_target_differs: float = -1.0  # both name whom it hit, and not the same (police vs civilians)


DEFAULT_POLICY = MergePolicy()


def actor_key(name: str) -> str:
    """'Islamic State (Iraq)' and 'Islamic State (Syria)' are one group for matching."""
    return _PAREN.sub("", name).strip().casefold()


@dataclass
class Report:
    """One report of one incident: an extracted EventRecord with what matching needs."""

    record: EventRecord
    text: str = ""  # normalised trigger sentences (marsad.merge.text.match_text)
    doc_ids: frozenset[str] = field(default_factory=frozenset)
    day: date = field(init=False)
    actors: frozenset[str] = field(init=False)
    target: str = field(init=False)

    def __post_init__(self) -> None:
        self.day = date.fromisoformat(self.record.event_date)
        if not self.doc_ids:
            self.doc_ids = frozenset(self.record.doc_ids)
        rec = self.record
        names = (rec.actor1, rec.actor2, *rec.assoc_actor_1.split(";"))
        keys = {actor_key(a) for a in names} - GENERIC_ACTORS
        # The state's forces (ACLED inter code 1) of one country are one side: a report naming the
        # police and another naming the army for the same bombing do not contradict each other.
        for name, inter in ((rec.actor1, rec.inter1), (rec.actor2, rec.inter2)):
            if inter == 1 and name:
                keys.add(f"state forces:{rec.country.casefold()}")
        self.actors = frozenset(keys)
        self.target = actor_key(self.record.actor2)


def _km(a: EventRecord, b: EventRecord) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    assert a.latitude is not None and a.longitude is not None
    assert b.latitude is not None and b.longitude is not None
    p1, p2 = math.radians(a.latitude), math.radians(b.latitude)
    dp, dl = p2 - p1, math.radians(b.longitude - a.longitude)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def _norm(s: str) -> str:
    return s.strip().casefold()


def place_score(a: EventRecord, b: EventRecord, p: MergePolicy) -> float | None:
    la, lb = _norm(a.location), _norm(b.location)
    if la and la == lb and (not a.admin1 or not b.admin1 or a.admin1 == b.admin1):
        return p.w_same_place
    km = _km(a, b)
    if km is not None and km <= p.same_place_km:  # one place spelt two ways ("Al-Hawiga", "Al Hawijah")
        return p.w_same_place
    units_a = {_norm(x) for x in (a.admin1, a.admin2, a.admin3) if x}
    units_b = {_norm(x) for x in (b.admin1, b.admin2, b.admin3) if x}
    # nested: one report names only the province/district the other's town lies in. A report
    # coded at a town (geo_precision 1) is not "the province" even when the town shares its
    # name (Kirkuk city in Kirkuk province), so only a coarser report can be the outer one.
    outer_a = not la or (la in units_b and a.geo_precision >= 2)
    outer_b = not lb or (lb in units_a and b.geo_precision >= 2)
    if (outer_a or outer_b) and (not a.admin1 or not b.admin1 or _norm(a.admin1) == _norm(b.admin1)):
        return p.w_nested_place
    # 'Baghdad - Sadr City' inside 'Baghdad'
    if la and lb and (la.startswith(lb + " -") or lb.startswith(la + " -")):
        return p.w_nested_place
    if km is not None and km <= p.max_km:
        return p.w_near_place
    return None


def _unknown(actor: str) -> bool:
    """'Unidentified Armed Group' says who is unknown: it cannot contradict a named target."""
    return actor.startswith("unidentified")


def _mentions_place(text: str, rec: EventRecord) -> bool:
    """Does `text` name the place of `rec`, when that place is a region (geo_precision >= 2)?
    (A town named in passing, 'in Kirkuk province', must not make Kirkuk city match.)"""
    if rec.geo_precision < 2:
        return False
    name = normalize_key(rec.location_ar) if rec.location_ar else ""
    return len(name) >= 3 and name in text


def text_similarity(x: str, y: str) -> float:
    if not x or not y:
        return 0.35  # unknown: neither for nor against
    return fuzz.token_sort_ratio(x, y) / 100.0


def explain(a: Report, b: Report, p: MergePolicy = DEFAULT_POLICY) -> dict[str, float] | None:
    """The score's parts (for analysts and tuning); None when a hard constraint fails."""
    ra, rb = a.record, b.record
    if a.doc_ids & b.doc_ids:  # the extractor already split this document's incidents
        return None
    if ra.country and rb.country and ra.country != rb.country:
        return None
    days = abs((a.day - b.day).days)
    if days > p.max_days:
        return None
    if TYPE_FAMILY.get(ra.event_type) != TYPE_FAMILY.get(rb.event_type):
        return None
    place = place_score(ra, rb, p)
    if place is None and (_mentions_place(a.text, rb) or _mentions_place(b.text, ra)):
        # the geocoders disagree, but each report's trigger sentences name the other's place
        # (a ministry in the capital reporting a strike in a province): a weaker place match
        place = p.w_mentioned_place
    if place is None:
        return None
    if a.actors and b.actors and not (a.actors & b.actors):
        return None
    parts = {"place": place, "date": p.w_same_day if days == 0 else p.w_adjacent_day}
    if ra.sub_event_type == rb.sub_event_type:
        parts["type"] = p.w_same_sub_type
    elif ra.event_type == rb.event_type:
        parts["type"] = p.w_same_type
    else:
        parts["type"] = p.w_same_family
    parts["actors"] = p.w_shared_actor if a.actors & b.actors else p.w_unknown_actor
    if a.target and b.target and a.target != b.target and not _unknown(a.target) and not _unknown(b.target):
        parts["target"] = p.w_target_differs
    fa, fb = ra.fatalities, rb.fatalities
    if fa and fb:
        parts["figures"] = p.w_figures_agree if max(fa, fb) <= 2 * min(fa, fb) + 2 else p.w_figures_disagree
    elif (fa and not fb and rb.injured) or (fb and not fa and ra.injured):
        # one report counts dead, the other only wounded: most often two different incidents
        parts["figures"] = p.w_figures_disagree
    parts["text"] = p.w_text * text_similarity(a.text, b.text)
    return parts


def score(a: Report, b: Report, p: MergePolicy = DEFAULT_POLICY) -> float | None:
    """None when the two cannot be the same incident, else the evidence that they are."""
    parts = explain(a, b, p)
    return None if parts is None else sum(parts.values())


def same_incident(a: Report, b: Report, p: MergePolicy = DEFAULT_POLICY) -> bool:
    s = score(a, b, p)
    return s is not None and s >= p.threshold


def cluster_score(r: Report, members: list[Report], p: MergePolicy = DEFAULT_POLICY) -> float | None:
    """How well `r` fits a cluster: its best score against a member, provided it is compatible
    with EVERY member (None otherwise). Checking the hard constraints against all members keeps
    clusters from chaining day after day and town after town through a run of similar reports
    (single linkage over a big news story otherwise swallows a week of events)."""
    best: float | None = None
    for m in members:
        s = score(r, m, p)
        if s is None:
            return None
        if best is None or s > best:
            best = s
    return best


def clusters_compatible(a: list[Report], b: list[Report], p: MergePolicy = DEFAULT_POLICY) -> bool:
    """May two clusters become one (a report matched both)? Only if no pair contradicts."""
    return all(explain(x, y, p) is not None for x in a for y in b)
