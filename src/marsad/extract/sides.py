"""The sides of a report's events, read across the report: what one event's sentences leave out, the
report's other events tell (the air force of a round-up's raids, the group they were against), and a
force ACLED names as the host's own on the host's soil. These passes run over the records of one report,
after `resolve`, and change only actors (name, inter code, interaction, Arabic words, evidence, notes)."""

from __future__ import annotations

from datetime import date

from marsad.acled import interaction_code
from marsad.extract.lexicon import Lexicons, host_forces
from marsad.extract.locate import iso2_of
from marsad.record import EventRecord, Evidence

AIR_STRIKE = "Air/drone strike"
FORCE_INTERS = (1, 8)  # ACLED inter codes of state forces and external forces
ARMED_GROUP_INTERS = (2, 3)  # ACLED inter codes: rebel groups, political militias
OPPONENT_TYPES = ("Battles", "Explosions/Remote violence")
STATE_INTER = 1


def _with_side(
    e: EventRecord, side: str, name: str, inter: int, words: str | None, evidence: list[Evidence], notes: str
) -> EventRecord:
    """`e` with actor `side` ("actor1" / "actor2") set to `name`, its inter code, the interaction they make
    and, when given, the Arabic words that name it."""
    update: dict[str, object] = {side: name, "notes": notes, "evidence": evidence}
    if side == "actor1":
        update |= {"inter1": inter, "interaction": interaction_code(inter, e.inter2)}
    else:
        update |= {"inter2": inter, "interaction": interaction_code(e.inter1, inter)}
    if words is not None:
        update[f"{side}_ar"] = words
    return e.model_copy(update=update)


def _actor1_of(e: EventRecord, donor: EventRecord) -> EventRecord:
    """`e` with the actor 1 of `donor` (another event of the report), its words as evidence and in the notes."""
    evidence = [x for x in e.evidence if x.field != "actor1"] + [
        x for x in donor.evidence if x.field == "actor1"
    ]
    notes = e.notes.replace(e.actor1, donor.actor1, 1) if e.actor1 else e.notes
    return _with_side(e, "actor1", donor.actor1, donor.inter1, donor.actor1_ar, evidence, notes)


def host_forces_on_their_soil(events: list[EventRecord], lex: Lexicons) -> list[EventRecord]:
    """A force ACLED names as the host's own on the host's soil (host_forces.tsv): the coalition's air
    defences intercepting a missile over Saudi Arabia are the Saudi military."""
    hosts = host_forces()
    out: list[EventRecord] = []
    for e in events:
        cc = iso2_of(e.iso)
        for side in ("actor1", "actor2"):
            name = getattr(e, side)
            force = hosts.get((name, cc)) if cc else None
            if cc is None or force is None:
                continue
            own = lex.state_force(cc, force, date.fromisoformat(e.event_date), e.country)
            e = _with_side(e, side, own, STATE_INTER, None, list(e.evidence), e.notes.replace(name, own))
        out.append(e)
    return out


def air_force_of_the_report(events: list[EventRecord]) -> list[EventRecord]:
    """An air strike the report tells without naming who flew it ("كما استهدفت الغارات مواقع في
    مديرية حرف سفيان") was flown by the air force its other strikes in that country name, when they
    name one only: a round-up of one campaign's raids. Two air forces named (Russian and Syrian
    jets over Idlib), or none, leave it unidentified."""
    named: dict[str, set[str]] = {}
    donor: dict[tuple[str, str], EventRecord] = {}
    for e in events:
        # (an air force is a state's: a group named as the striker of one raid is doubtful enough)
        if e.sub_event_type == AIR_STRIKE and e.inter1 in FORCE_INTERS:
            named.setdefault(e.country, set()).add(e.actor1)
            donor.setdefault((e.country, e.actor1), e)
    out: list[EventRecord] = []
    for e in events:
        forces = named.get(e.country, set())
        if e.sub_event_type == AIR_STRIKE and e.actor1.startswith("Unidentified") and len(forces) == 1:
            force = next(iter(forces))
            if force != e.actor2:
                e = _actor1_of(e, donor[(e.country, force)])
        out.append(e)
    return out


def flown_as_the_lead(events: list[EventRecord], unflown: set[int]) -> list[EventRecord]:
    """The further targets of a report's air strikes that name no force of their own (`unflown`,
    indexes into `events`: "وأفادت المصادر باستهداف مطار … العسكري" after "غارات إسرائيلية على
    مواقع في سوريا") were struck by whoever flew the report's first strike in that country — not by
    the country's own air force, which resolve assumes for a strike at home with no one named."""
    lead = next(
        (e for i, e in enumerate(events) if i not in unflown and e.sub_event_type == AIR_STRIKE), None
    )
    if lead is None or lead.inter1 not in FORCE_INTERS:
        return events
    out: list[EventRecord] = []
    for i, e in enumerate(events):
        if i in unflown and e.country == lead.country and e.actor1 != lead.actor1 and e.actor2 != lead.actor1:
            e = _actor1_of(e, lead)
        out.append(e)
    return out


def opponent_of_the_report(
    events: list[EventRecord], named_groups: list[tuple[str, str, int, Evidence]] | None = None
) -> list[EventRecord]:
    """A strike or a battle by state or foreign forces told with no one on the other side ("شنت
    مقاتلات التحالف غارات على مواقع في مديرية كتاف") was against the armed group the report's other
    events name, when they name one only (the coalition's raids and the Houthis in a round-up of
    Yemen's fronts). When no event names one, the groups the report's sentences name do
    (`named_groups`: country, name, inter code, the words; "القيادي الحوثي ..." beside the raid that
    killed him). Civilians hit are told as such and already stand on the other side."""
    groups: dict[str, dict[str, tuple[int, Evidence | None]]] = {}
    for e in events:
        for name, inter, field in ((e.actor1, e.inter1, "actor1"), (e.actor2, e.inter2, "actor2")):
            if name and inter in ARMED_GROUP_INTERS and not name.startswith("Unidentified"):
                words = next((x for x in e.evidence if x.field == field), None)
                known = groups.setdefault(e.country, {})
                if name not in known or known[name][1] is None:
                    known[name] = (inter, words)
    fallback: dict[str, dict[str, tuple[int, Evidence | None]]] = {}
    for country, name, inter, words in named_groups or []:
        if country not in groups and not name.startswith("Unidentified"):
            fallback.setdefault(country, {}).setdefault(name, (inter, words))
    groups |= fallback
    out: list[EventRecord] = []
    for e in events:
        named = groups.get(e.country, {})
        if not e.actor2 and e.event_type in OPPONENT_TYPES and e.inter1 in FORCE_INTERS and len(named) == 1:
            group, (inter, words) = next(iter(named.items()))
            evidence = list(e.evidence)
            if words is not None:
                evidence.append(words.model_copy(update={"field": "actor2"}))
            notes = _with_target(e.notes, f"On {e.event_date}, {e.actor1} ", group)
            e = _with_side(
                e, "actor2", group, inter, words.text if words is not None else "", evidence, notes
            )
        out.append(e)
    return out


def _with_target(notes: str, opening: str, target: str) -> str:
    """The notes' sentence "On DAY, A1 attacked (air/drone strike) in …" with its target told."""
    cut = notes.find(" (", len(opening)) if notes.startswith(opening) else -1
    return notes if cut < 0 else f"{notes[:cut]} {target}{notes[cut:]}"
