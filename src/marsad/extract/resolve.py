"""From an incident's mentions to one ACLED-coded EventRecord, with evidence for every field.

Type: ACLED's hierarchy. Fighting between armed sides (a clash, or an attack whose targets are armed
forces) is Battles even when explosives were used during it; otherwise a weapon decides the
Explosions/Remote violence sub-type; otherwise attacks on unarmed people are Violence against
civilians. Casualties: the lead (first precise) figure for victims, plus the attackers the text
says were killed (the eval gold follows the lead figure when tolls conflict; see eval/README).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.acled import DISORDER_TYPE, EVENT_TYPE_OF, TIME_PRECISION, interaction_code
from marsad.extract.frames import frame
from marsad.extract.incidents import SAID_AFTER_DAYS, Incident, core_mention, family
from marsad.extract.lexicon import Lexicons, allied
from marsad.extract.locate import country_info, modifier_start
from marsad.extract.mentions import (
    ARMED_KINDS,
    COMMUNAL,
    CROWD_TAGS,
    REMOTE_TAGS,
    WEAPON_TAGS,
    ActorHit,
    CasHit,
    Mention,
    TrigHit,
    fresh_day,
    said_day,
    sentence_has_date_near,
)
from marsad.model import DateMention, Document, Place
from marsad.record import EventRecord, Evidence

# an attempt before a killing word, a count in it, a drone, a failure after it (frames.tsv)
_ATTEMPT = frame("ATTEMPT")
_COUNTED_DEAD = frame("COUNTED_DEAD")
_DRONE = frame("DRONE")
_FAILED = frame("FAILED")
_PART_STOPPED = frame("PART_STOPPED")
_HIS_DEATH = frame("HIS_DEATH")
_PAST_DAY = frame("PAST_DAY")
_WOUNDED_ON = frame("WOUNDED_ON")
_DISPERSED = frame("DISPERSED")  # a protest told by its dispersal ("فرقت الشرطة … تجمعا"), frames.tsv
_EXPLODED = frame("EXPLODED")
_BLEW_SELF = frame("BLEW_SELF")
WOUNDED_REACH = 120  # characters from "أصيب بها" to the day it names, in the same sentence
# Among weapons, the most specific wins (a suicide car bomb is a Suicide bomb, not an IED).
WEAPON_ORDER = ("SUICIDE", "CHEM", "AIR", "SHELL", "GRENADE", "IED")
DIRECT_TAGS = frozenset({"CLASH", "AMBUSH"})
CIVILIANS_INTER = 7  # ACLED's inter code of civilians
TOLD_TWICE_MIN = 5  # a count this large told again is the same dead (one or two may well be others)
FORCE_GAP = 3  # words between attack words and the police or soldiers they hit
ATTACK_TAGS = frozenset({"ATTACK", "FIRE", "KILL", "ASSASSINATE", "EXECUTE"})


@dataclass(slots=True)
class Actor:
    name: str
    inter: int
    kind: str
    hit: ActorHit | None


SELF_GAP = 8  # characters before a self-detonation's trigger where "قامتا" may stand ("قامتا بتفجير نفسيهما")
EXPLODED_GAP = 3  # words from "انفجرت" to the shells that went off ("انفجرت خمس قذائف هاون")
ARRESTER_GAP = 2  # words between an arrest word and the group that arrests ("اعتقلت ميليشيا الحوثي")


def _counted_hurt(h: ActorHit, inc: Incident) -> bool:
    """The side's words are the noun of a toll of the incident's victims ("وأصيب جنديان", "مقتل 3 جنود"):
    those hurt, not those who struck (a toll of attackers, "مقتل 5 مسلحين", is not one)."""
    return any(
        c.role in ("killed", "injured") and not c.attacker and h.first - c.tok in (0, 1)
        for m in inc.mentions
        if m.start <= h.start < m.end
        for c in m.casualties
    )


def _arrested(h: ActorHit, trigs: list[TrigHit]) -> bool:
    """A group named after an arrest word, past the words of its subject ("أوقفت ... ثلاثة من عناصر
    شبكة مرتبطة بتنظيم القاعدة"), or named as its target or charge, is the one arrested."""
    if h.subject:
        return False
    return h.target or h.charged or any(t.tag == "ARREST" and h.first - t.last > ARRESTER_GAP for t in trigs)


def _ground_side(
    side: Actor, other: Actor | None, hits: list[ActorHit], actor: Callable[[ActorHit], Actor]
) -> Actor:
    """`side` of a battle, or the state's ground force allied to it that the incident names (`hits`) when
    `side` is a foreign force and `other` an armed group (allies.tsv)."""
    if other is None or side.kind != "external" or other.kind not in ("armed", "unidentified"):
        return side
    ground = (
        actor(h)
        for h in sorted(hits, key=lambda h: h.start)
        if h.entry.kind == "state" and allied(side.name, actor(h).name)
    )
    return next(ground, side)


def _absorbed(m: Mention) -> set[int]:
    """Indexes of ATTACK triggers that only name the weapon's act ("تفجير انتحاري استهدف")."""
    out: set[int] = set()
    live = m.live
    weapons = [t for t in live if t.tag in WEAPON_TAGS]
    for i, t in enumerate(live):
        if t.tag in ("ATTACK",) and any(
            abs(t.first - w.last) <= 2 or abs(w.first - t.last) <= 2 for w in weapons
        ):
            out.add(i)
    return out


def _trigs(inc: Incident) -> list[TrigHit]:
    out: list[TrigHit] = []
    for m in inc.mentions:
        ab = _absorbed(m)
        out.extend(t for i, t in enumerate(m.live) if i not in ab)
    return out


def actor_name(lex: Lexicons, hit: ActorHit, cc: str | None, country: str, day: date | None) -> str:
    """An actor's ACLED-style name in a country on a day ("Islamic State (Iraq)")."""
    name = hit.entry.name
    if "{military}" in name:
        name = name.replace("{military}", lex.state_force(cc, "military", day, country))
    if "{police}" in name:
        name = name.replace("{police}", lex.state_force(cc, "police", day, country))
    return name.replace("{country}", country or "Unknown")


def actor_ok(hit: ActorHit, cc: str | None, day: date | None) -> bool:
    """Whether an actor entry can stand at an event in country `cc` on `day`."""
    e = hit.entry
    if e.reach and cc is not None and cc not in e.reach:
        return False
    return (e.valid_from is None and e.valid_to is None) or e.valid_on(day)


def _weapon_with_its_dead(trigs: list[TrigHit]) -> bool:
    """A strong word of a weapon and the dead told beside it, not as a habit ("يقتل")."""
    return any(t.strong and t.tag in WEAPON_TAGS for t in trigs) and any(
        t.tag == "KILL" and not t.generic for t in trigs
    )


def _unidentified(country: str | None, hit: ActorHit | None = None) -> Actor:
    """ACLED's unidentified armed group of the event's country (inter 3), for a side the text does not name."""
    return Actor(f"Unidentified Armed Group ({country or 'Unknown'})", 3, "unidentified", hit)


def resolve(
    inc: Incident,
    doc: Document,
    lex: Lexicons,
    *,
    anchor: date | None,
    country_cc: str | None,
    index: int,
    report_weapon: str | None = None,
    report_forces: list[ActorHit] | None = None,
    report_day: date | None = None,
) -> EventRecord | None:
    trigs = _trigs(inc)
    if any(t.tag == "PROTEST" and t.strong for t in trigs):
        # beside a march, a bare "المسيرة" ("توقيف 195 شخصا على هامش المسيرة") is the march, not a drone
        trigs = [t for t in trigs if not (t.tag == "AIR" and t.generic)]
    if not trigs:
        return None
    tags = {t.tag for t in trigs}
    # the words of the incident's first sentence (its lead)
    lead_trigs = [t for t in trigs if inc.mentions[0].start <= t.start < inc.mentions[0].end]
    lead_tags = {t.tag for t in lead_trigs}
    place = inc.place
    cc = place.country_code if place else country_cc
    # a country's own police named by its adjective ("اعتقلت الشرطة الماليزية ستة أشخاص يشتبه في صلتهم
    # بمتشددين في الفلبين", "أوقفت قوى الأمن التونسية شخصين متورطين بهجوم أحبط في ألمانيا") act at
    # home, whatever country or town abroad the report names (the police national_forces.tsv makes
    # of a nisba, bound to it; an army may strike abroad)
    home = {a.entry.country for m in inc.mentions for a in m.actors if a.entry.name == "{police}"} - {"*"}
    if (
        len(home) == 1
        and (place is None or place.country_code not in home)
        # (a town abroad gives way only in an arrest, the police's own act; police named in passing
        # beside an attack elsewhere do not move it)
        and (place is None or place.feature == "country" or tags <= {"ARREST"})
    ):
        place, cc = None, home.pop()
    if cc is None:
        # no place at all: a group bound to one country ("الحوثيون", "ولاية سيناء") tells where
        bound = [a.entry.country for m in inc.mentions for a in m.actors if a.entry.country != "*"]
        cc = max(sorted(set(bound)), key=bound.count) if bound else None
    info = country_info(cc)
    country = place.country if place else (info.name if info else "")
    evidence: list[Evidence] = []

    def ev(field: str, start: int, end: int) -> None:
        evidence.append(Evidence(field=field, doc_id=doc.id, start=start, end=end, text=doc.text[start:end]))

    # ---- date: from the richest mention that names a day, else the anchor (publication day)
    day_m: DateMention | None = None
    best_rich = -1
    days: list[tuple[DateMention, Mention]] = []
    for m in inc.mentions:
        d = sentence_has_date_near(m, anchor)
        took = m.extra.get("took")
        if d is None and isinstance(took, DateMention) and fresh_day(took.value, anchor):
            d = took  # a details sentence that only tells the day ("وذكر البيان أن الهجوم وقع الخميس")
        if d is None:
            continue
        days.append((d, m))
        rich = _richness(m)
        if rich > best_rich:
            day_m, best_rich = d, rich
    if day_m is not None and any(said_day(m, d) for d, m in days if d is day_m):
        # the day of a statement ("أعلنت القوات، الجمعة، إحباط هجوم") yields to a day of the week
        # before it that the incident's own words name ("وجرى إحباط الهجوم الخميس")
        spoke_on = day_m.value
        # (beyond two days, not a day a sentence in the pluperfect recalls: "وكان المسلحون قد هاجموا في
        # 6 مايو" is what had happened before)
        told = [
            (d, m)
            for d, m in days
            if not said_day(m, d)
            and 0 < (spoke_on - d.value).days <= SAID_AFTER_DAYS
            and ((spoke_on - d.value).days <= 2 or not _PLUPERFECT.match(doc.text, m.start))
        ]
        if told:
            day_m = max(told, key=lambda dm: _richness(dm[1]))[0]
    if inc.calendar_day is not None:
        day_m = inc.calendar_day  # a calendar date told at the incident's own place (`group`)
    wounded = _wounded_on(inc, doc.text)
    if wounded is not None:
        day_m = wounded  # a death "of the wounds he received on Friday": the shooting's day
    # an incident that names no day of its own happened, as far as the text says, on the day of
    # the report's first incident ("خرج آلاف أمس الجمعة في عمان ... وفي إربد، خرج مئات")
    event_day = day_m.value if day_m else (report_day or anchor)
    if day_m is None and report_day is None and anchor is not None and _past_day_in_the_morning(inc, doc):
        event_day = anchor - timedelta(days=1)
    if event_day is None:
        return None  # no date at all: ACLED cannot code it
    # a day named in the text is precise; the report's own date alone is "within the week"
    precision = "day" if day_m is not None else "week"
    if any(m.extra.get("period") for m in inc.mentions):
        precision = "week"  # "خلال اليومين الأخيرين", "خلال أسبوع": a multi-day operation

    # ---- actors
    hits: list[ActorHit] = []
    for m in inc.mentions:
        # the noun of a count of a group's members ("3 أشخاص ينتمون لتنظيم القاعدة") names no civilians
        members = [c.tok for c in m.casualties if c.members]
        hits.extend(
            h
            for h in m.actors
            if actor_ok(h, cc, event_day)
            and not (h.entry.kind == "victim" and any(k < h.first <= k + 2 for k in members))
        )

    def actor(h: ActorHit) -> Actor:
        return Actor(actor_name(lex, h, cc, country, event_day), h.entry.inter, h.entry.kind, h)

    victims_cas: list[CasHit] = [c for m in inc.mentions for c in m.casualties if c.victim is not None]
    # the lead tells what happened; later sentences may name weapons only in passing
    # (a lead that only says "قصف" yields to the kind a later sentence names outright: "قصفا إسرائيليا
    # استهدف مستودعا" … "ضربة جوية إسرائيلية استهدفت موقعا")
    lead_strong = {t.tag for t in lead_trigs if t.strong}
    weapon = (
        next((w for w in WEAPON_ORDER if w in lead_tags), None)
        or next((w for w in WEAPON_ORDER if any(t.tag == w and t.strong for t in trigs)), None)
        or next((w for w in WEAPON_ORDER if w in tags), None)
    )
    if weapon == "SHELL" and "SHELL" not in lead_strong and any(t.tag == "AIR" and t.strong for t in trigs):
        weapon = "AIR"
    if weapon == "IED" and any(t.tag == "SUICIDE" and t.strong for t in trigs):
        weapon = "SUICIDE"  # a car bomb driven by a suicide bomber
    if weapon == "IED" and all(t.blast for t in trigs if t.tag == "IED"):
        # explosions with no device named ("دوي انفجارين في شمال غزة" … "استهدف الطيران الإسرائيلي خمسة
        # مواقع"): the blasts of the strike or the shells the incident names
        weapon = next((w for w in WEAPON_ORDER if any(t.tag == w and t.strong for t in trigs)), weapon)
    if weapon == "SHELL" and report_weapon == "AIR" and not any(t.tag == "SHELL" and t.strong for t in trigs):
        weapon = "AIR"  # a bare "قصف" in a report whose lead says the bombardment was from the air
    if inc.campaign:
        weapon = "AIR"  # one more target of the report's air strikes (`incidents._further_target`)
    # (the wounded of a details sentence are a figure of the incident, not what decides its kind)
    hurt = any(
        c.role in ("killed", "injured") and not c.vague
        for m in inc.mentions
        if not m.extra.get("wounded_detail")
        for c in m.casualties
    )
    if weapon is None and "DISRUPT" in tags and hurt and not tags & CROWD_TAGS:
        # an intercepted missile or drone that still hurt people (its debris fell on homes): the
        # launch is the attack, by what the interception names
        words = " ".join(doc.text[t.start : t.end] for t in trigs if t.tag == "DISRUPT")
        weapon = "AIR" if _DRONE.search(words) else "SHELL"
        tags = tags | {weapon}
    aerial = weapon in ("AIR", "SHELL")

    # an attack whose author was arrested ("اعتقلت الشرطة رجلا يشتبه بأنه نفذ هجوم الطعن"): the
    # forces who arrest are neither its author nor its victim
    arresting = "ARREST" in tags and ("ATTACK" in tags or bool(tags & WEAPON_TAGS))

    # a group named in a charge is no side ("خطف عشرين شابا بتهمة موالاة المقاومة"); an arrest names it,
    # as ACLED does ("اعتقال خمسة بتهمة الانتماء لداعش")
    arrest_names_charge = "ARREST" in tags

    # a clash told as one "between" two sides in its first sentence, neither side its verb's subject
    lead = inc.mentions[0]
    # (not a strike told beside the fighting: "قصفت قوات التحالف مواقع … وسط معارك بين …")
    clash_told_between = (
        "CLASH" in lead_tags
        and not lead_tags & WEAPON_TAGS
        and not any(h.subject for h in lead.actors)
        and any(_named_first_between(h, doc.text) for h in lead.actors)
    )

    def no_side(h: ActorHit) -> bool:
        """Named in a charge, and no arrest to name it."""
        return h.charged and not arrest_names_charge

    cas_victim_ids = {id(c.victim) for c in victims_cas}

    def attacker_score(h: ActorHit) -> int:
        if h.target or no_side(h):
            return 0
        if (
            (h.entry.kind == "state" and (id(h) in cas_victim_ids or _counted_hurt(h, inc)))
            # foreign troops too when they are the toll's own noun ("قتل ثلاثة جنود أمريكيين في
            # انفجار عبوة")
            or (h.entry.kind == "external" and _counted_hurt(h, inc))
        ) and (
            (tags & REMOTE_TAGS and not tags & (DIRECT_TAGS | {"FIRE"}))
            or not any(o.entry.kind in ("armed", "external", "unidentified") for o in hits if o is not h)
        ):
            # "تعرضت دورية لقصف ... وأصيب جنديان", "مقتل رجل أمن برصاص": forces among the dead or wounded
            # of a shelling, or of an attack nobody else is named in, were hit, they did not strike (in a
            # battle with a named enemy the side with dead fought all the same)
            return 0
        if clash_told_between and _named_first_between(h, doc.text):
            # "دارت اشتباكات بين قوات الجيش وميليشيات الحوثي": the side named first is actor 1
            return 6
        if _wields(h, trigs, doc.text):
            # "قصف مدفعي لقوات الجيش", "غارات التحالف": whose weapon it was (the lead's first)
            lead = inc.mentions[0]
            return 7 if lead.start <= h.start < lead.end else 5
        k = h.entry.kind
        if h.subject and k != "unidentified":
            # the side a clause-opening attack verb names ("هاجمت ميليشيات الحشد مقرا"); in the
            # incident's first sentence it outranks a foreign air force named later ("استهدفت صواريخ
            # حوثية ... قوات التحالف"); gunmen named so do not outrank the group held responsible
            lead = inc.mentions[0]
            return 6 if lead.start <= h.start < lead.end else 4
        if k == "armed":
            # armed groups rarely fly: the aircraft are a state's, and a group named near an air strike
            # at home without flying it (not the subject, not the drone's owner) is its target, not
            # its author; across a border it is the drones' sender ("طائرتين أطلقهما الحوثيون" on Saudi
            # airports)
            if weapon == "AIR":
                return 0 if h.entry.country in ("*", cc) else 1
            return 4
        if k == "external":
            return 5 if aerial else 3
        if k == "unidentified":
            return 2
        if k == "state":
            # state forces do the acting in air strikes and shelling, clashes, raids and arrests;
            # otherwise they are named as targets or as the ones who speak about the incident
            military = any(w in h.entry.name for w in ("{military}", "Military", "Army"))
            if aerial and military:
                return 3
            if tags & (DIRECT_TAGS | {"TAKE", "RETAKE", "SEXUAL"}):
                return 1
            # the police who arrest the attacker of a stabbing or a bombing ("تمكنت الشرطة من اعتقال
            # رجل يشتبه بأنه نفذ الهجوم"; "أعلنت الشرطة أنها اعتقلت مشتبها به") did not attack; who
            # shot or killed in an arrest did
            if "ARREST" not in tags:
                return 0
            if arresting and (h.speaker or not tags & {"FIRE", "KILL"}):
                return 0
            # who shot or killed in an arrest did ("أطلقت الشرطة النار على المطلوب واعتقلته"); the police
            # named only at the arrest of gunmen who fired ("واحتجز رجال الشرطة مطلقي النار") did not
            if tags & {"FIRE", "KILL"} and not _at_the_violence(h, trigs):
                return 0
            return 1
        return 0

    attackers_fell = any(c.attacker for m in inc.mentions for c in m.casualties)

    def victim_score(h: ActorHit) -> int:
        k = h.entry.kind
        if h.backer or no_side(h):
            return 0
        if id(h) in cas_victim_ids:
            return 6
        if arresting and k == "state" and not h.target:
            return 0
        if h.subject and k == "victim":
            return 0  # the person who carried it out ("شنه شاب فلسطيني")
        if h.speaker and not attackers_fell:
            return 0  # "قالت الشرطة إن ..." tells; but "أعلنت الشرطة تصفية 4 مسلحين" is its own fight
        if h.target:
            return 5
        if k == "victim":
            return 4
        if k == "state":
            return 3
        if k == "crowd":
            return 2
        if k == "external":
            return 2  # foreign troops attacked ("هجوما على دبابة أميركية")
        if attackers_fell and k in ("armed", "unidentified") and not h.subject:
            return 2  # "أعلن الجيش القضاء على 20 من عناصر داعش": the group's fighters fell
        return 0

    # the police fighting young men or residents, with no armed group, foreign force, gunfire or
    # weapon named ("اشتبك مئات الشبان الملثمين مع شرطة مكافحة الشغب"): a riot
    # (soldiers or security forces too when a crowd is named, and then even with gunfire:
    # "مواجهات بين مصلين غاضبين والشرطة التي أطلقت الرصاص المطاطي")
    crowd_named = any(h.entry.kind in ("crowd", "rioters") for h in hits)
    civil_clash = (
        "CLASH" in tags
        and not tags & WEAPON_TAGS
        and ("FIRE" not in tags or crowd_named)
        and not any(h.entry.kind in ("armed", "unidentified", "external") for h in hits)
        and any(h.entry.kind == "state" and ("{police}" in h.entry.name or crowd_named) for h in hits)
        and any(h.entry.kind in ("victim", "crowd") for h in hits)
    )
    # the troops that hold a land (state_forces.tsv names them as its military: Israel's in the
    # Palestinian territories) in confrontations with its residents, no armed group or weapon of war
    # named ("جرح عدد من الشبان الفلسطينيين خلال مواجهات مع قوات الاحتلال", gunfire too: "قتل شاب برصاص الجيش
    # خلال مواجهات"): stone-throwing youths met by soldiers, a riot as ACLED codes it
    holding = lex.state_force(cc, "military", event_day, country) if cc else ""
    if holding.startswith(f"Military Forces of {country}"):
        holding = ""  # the country's own army: its clashes with residents are the rules above
    residents_clash = (
        "CLASH" in lead_tags  # (not a ramming told first, with clashes later: "عملية دهس" … "مواجهات")
        # (nor gunfights: "اشتباكات مسلحة مع مقاومين في أزقة المخيم" is a battle)
        and not any(t.tag in DIRECT_TAGS and t.strong for t in trigs)
        and any(h.entry.kind == "external" and h.entry.name == holding for h in hits)
        and not tags & WEAPON_TAGS
        and not any(h.entry.kind in ("armed", "unidentified") for h in hits)
        # (a bare "الجنود" is those troops, not the country's own army)
        and not any(h.entry.kind == "state" and "{" not in h.entry.name for h in hits)
        and any(h.entry.kind in ("victim", "crowd") for h in hits)
    )
    civil_clash = civil_clash or residents_clash
    # gunmen who storm a village, shoot and set houses on fire ("اجتاح مسلحون من بوكو حرام قرية
    # وأطلقوا النار على السكان وأضرموا النيران في المنازل") are attackers, not rioters: fire set by
    # an armed group with no crowd and no protest named is part of its attack
    # So is a beating told with a strong word ("انهال أنصار الحزب الحاكم بالضرب على ناشطين ...
    # وأضرموا النار في منازلهم") when only a weak word of arson speaks for a riot.
    # A strong word of assault with only weak crowd words beside it ("تعرض صحفي للضرب ... بعد تغطيته
    # احتجاجات") is an assault too, when no crowd is named.
    no_crowd = not crowd_named
    # attackers who burned people in a building ("أضرم مهاجمون النار في كنيسة ... ما أدى إلى احتراق
    # ثلاثين شخصا") killed them: an attack, not a riot
    burned = (
        no_crowd
        and not tags & {"PROTEST", "INTERVENE", "CLASH"}
        and any(c.role == "killed" and not c.attacker for m in inc.mentions for c in m.casualties)
        and any(
            h.entry.kind in ("armed", "unidentified") and t.first < h.first <= t.last
            for h in hits
            for t in trigs
            if t.tag == "RIOT"
        )
    )
    armed_raid = burned or (
        no_crowd
        and (
            (
                not tags & {"PROTEST", "INTERVENE"}
                and bool(tags & {"FIRE", "KILL", "ATTACK"})
                and any(h.entry.kind in ("armed", "unidentified", "external") for h in hits)
            )
            or (
                any(t.tag == "ATTACK" and t.strong for t in trigs)
                and not any(t.tag in CROWD_TAGS and t.strong for t in trigs)
                # (the police beating people who gathered, then breaking up their sit-in, met a
                # protest with force: "انهال عناصر أمن بالضرب على نشطاء تجمعوا … وفرقوا الوقفة")
                and not (any(h.entry.kind == "state" for h in hits) and {"PROTEST", "INTERVENE"} <= tags)
            )
        )
    )
    # gunmen who open fire on a gathering ("فتح مسلحون النار على حشود تجمعوا لإحياء ذكرى ...،
    # فأردوا ستة منهم") attacked it; the crowd is its victim, not a protest that met force
    # (gunmen firing on a protest named with a strong word stay a protest's story: "Protests")
    gunmen_on_crowd = (
        bool(tags & {"FIRE", "KILL"})
        and not any(t.tag in CROWD_TAGS and t.strong for t in trigs)
        and any(
            h.entry.kind in ("armed", "unidentified")
            and (h.subject or any(t.tag == "FIRE" and t.first < h.first <= t.last for t in trigs))
            for h in hits
        )
    )
    # clashes told "between" forces and gunmen ("اشتباكات بين قوات الأمن ومسلحين متحصنين في المسجد") are
    # a battle, whatever rioting the sentence tells beside them, unless a protest is named outright
    battle_between = (
        clash_told_between
        and any(h.entry.kind in ("armed", "unidentified") for h in lead.actors)
        and any(h.entry.kind in ("state", "external") for h in lead.actors)
        and not any(t.tag == "PROTEST" and t.strong for t in trigs)
    )
    crowd = (
        family(tags) == "crowd" and not armed_raid and not gunmen_on_crowd and not battle_between
    ) or civil_clash
    a1: Actor | None = None
    a2: Actor | None = None

    def took_over(a1: Actor, a2: Actor | None) -> tuple[Actor, Actor | None, str]:
        """Territory taken by force: the subject of the verb of taking is actor 1 ("استعادت قوات الجيش
        الوطني السيطرة على ..."), whoever the attack scoring chose; the other side stays actor 2."""
        taker = _taker(trigs, hits)
        taking = [t for t in trigs if t.tag in ("TAKE", "RETAKE")]
        if taker is None and taking and taking[0].tag == "TAKE":
            # the report's first word of taking tells who took the place
            taker = _group_before_taking(taking[0], hits)
        if taker is None and any(t.tag == "RETAKE" for t in trigs):
            # a place retaken with its retaker named before the verb ("تمكن الجيش الوطني من استعادة
            # السيطرة على مواقع من قبضة الحوثيين"): the state forces named took it back
            taker = next((h for h in sorted(hits, key=lambda h: h.start) if h.entry.kind == "state"), None)
        if taker is not None and taker.entry.kind != a1.kind:
            other = a1
            a1 = actor(taker)
            a2 = other if other.hit is not None and other.name != a1.name else a2
            if a1.kind == "state" and other.kind == "external":
                # a foreign force beside the government's ("طيران التحالف") is on its side: the other side
                # is the group the text names, or none
                group = next(
                    (h for h in sorted(hits, key=lambda h: h.start) if h.entry.kind == "armed"), None
                )
                a2 = actor(group) if group is not None else None
        sub = "Government regains territory" if a1.kind == "state" else "Non-state actor overtakes territory"
        return a1, a2, sub

    if crowd:
        rioting = bool(tags & {"RIOT", "MOB", "CLASH"})
        nm = f"{'Rioters' if rioting else 'Protesters'} ({country or 'Unknown'})"
        crowd_hit = next((h for h in hits if h.entry.kind in ("crowd", "rioters")), None)
        a1 = Actor(nm, 5 if rioting else 6, "crowd", crowd_hit)
        # the forces that met the crowd: its country's, or an occupying army ("برصاص الجيش الإسرائيلي"
        # in Gaza) or the armed group that rules the town ("فرق مسلحون حوثيون وقفة احتجاجية")
        st = next((h for h in hits if h.entry.kind == "state"), None) or _crowds_opponent(inc, hits)
        if residents_clash and (st is None or "{" in st.entry.name):
            # the troops that hold the land met the crowd, whatever a bare "الشرطة" names
            st = next(h for h in hits if h.entry.kind == "external" and h.entry.name == holding)
        if st is not None and (tags & {"ARREST", "FIRE", "KILL", "INTERVENE"} or rioting):
            a2 = actor(st)
    else:
        # the backer of the side that fights ("بإسناد من التحالف") acts only when no one else does
        att = sorted(
            (h for h in hits if attacker_score(h) > 0), key=lambda h: (h.backer, -attacker_score(h), h.start)
        )
        vic = sorted((h for h in hits if victim_score(h) > 0), key=lambda h: (-victim_score(h), h.start))
        if att:
            a1 = actor(att[0])
            if a1.kind == "victim":
                # a person the text says carried it out ("هجوم شنه شاب فلسطيني"): an attacker with
                # no group named
                a1 = _unidentified(country, a1.hit)
        if a1 is not None and a1.hit is not None and a1.kind == "external" and a1.hit.entry.country == cc:
            # a foreign force there for the host government (the coalition in Yemen, AMISOM in
            # Somalia) fights beside the host's forces: they are its victims only by a toll
            vic = [h for h in vic if h.entry.kind != "state" or id(h) in cas_victim_ids]
        for h in vic:
            nm = actor_name(lex, h, cc, country, event_day)
            if a1 is not None and allied(a1.name, nm):
                continue  # "بدعم من التحالف": the army's support, not its enemy (allies.tsv)
            if a1 is None or nm != a1.name:
                a2 = Actor(nm, h.entry.inter, h.entry.kind, h)
                break
        if a1 is None:
            a1 = _unidentified(country)
        # "Police Forces of Iraq (2020-)" from "13 شرطيا" becomes "... Federal Police" when the text says so
        a1 = _specific(a1, hits, lex, cc, country, event_day, report_forces)
        if a2 is not None:
            a2 = _specific(a2, hits, lex, cc, country, event_day, report_forces)
            if a2.name == a1.name:
                a2 = None  # both words name the same army ("الجيش الوطني الليبي" … "الجيش")

    # ---- type (ACLED hierarchy)
    # settlers or clansmen stabbed or shot are the victims of an attack, not a side in a battle, unless
    # they are told fighting (ACLED's identity militias, inter 4)
    armed_target = (
        a2 is not None
        and a2.kind in ("state", "armed", "external")
        and not (a2.inter == COMMUNAL and not tags & DIRECT_TAGS)
    )
    strong_clash = any(t.tag in DIRECT_TAGS and t.strong for t in trigs)
    # a weak "مواجهات" in a lead that names air strikes may be another day's clashes ("غداة مواجهات")
    lead_weapon = any(t.tag in WEAPON_TAGS and t.strong for t in lead_trigs)
    lead_direct = any(t.tag in DIRECT_TAGS and (t.strong or not lead_weapon) for t in lead_trigs)
    # Fighting, not just a bombing: fire exchanged or a storming, or attackers killed by the
    # defenders; a bare "attack" on armed forces counts only when no explosive did the work.
    # (fighters who fell to the shelling or the air strikes of actor 1 were its targets, not attackers)
    wielded = a1.hit is not None and _wields(a1.hit, trigs, doc.text)
    attackers_died = not wielded and any(
        c.attacker and c.role == "killed" for m in inc.mentions for c in m.casualties
    )
    direct = (
        lead_direct
        or strong_clash
        or ("FIRE" in tags and armed_target)
        or ("ATTACK" in tags and armed_target and (weapon is None or attackers_died))
    ) and not (
        # the lead's air strike, shelling or bombing, with fighting told only later or weakly; but
        # attackers in suicide belts shot dead by the defenders fought ("قتلت القوات ستة مسلحين كانوا
        # يرتدون أحزمة ناسفة")
        lead_weapon and not lead_direct and not (weapon == "SUICIDE" and attackers_died)
    )
    key_trig: TrigHit | None = None
    if crowd:
        if tags & {"RIOT", "MOB", "CLASH"}:
            sub = "Mob violence" if "MOB" in tags else "Violent demonstration"
            key_trig = _first(trigs, {"RIOT", "MOB", "CLASH"})
        elif "KILL" in tags or any(c.role == "killed" for m in inc.mentions for c in m.casualties):
            # protesters dead ("قضى 4 فلسطينيين ... بالرصاص الحي خلال مسيرات العودة")
            sub = "Excessive force against protesters"
        elif tags & {"ARREST", "FIRE", "INTERVENE"} or any(
            t.tag == "PROTEST" and _DISPERSED.match(doc.text, t.start, t.end) for t in trigs
        ):
            # ("فرقت الشرطة بالقوة تجمعا للمعارضة": the dispersal is the words of the protest itself)
            sub = "Protest with intervention"
        else:
            sub = "Peaceful protest"
        key_trig = key_trig or _first(trigs, {"PROTEST"})
    elif (
        "DISRUPT" in tags
        and not hurt
        and not _strikes_apart(inc, doc.text)
        and not any(t.tag == "DISRUPT" and _PART_STOPPED.search(doc.text, t.start, t.end) for t in trigs)
        # (air strikes told in the lead stay the event when an interception of the other side's
        # rockets is told later: "شنت إسرائيل غارات …" … "اعترضت القبة الحديدية ست قذائف"; not a
        # drone, which is what was intercepted)
        and not (
            "DISRUPT" not in lead_tags
            and any(
                t.tag == "AIR" and t.strong and not _DRONE.search(doc.text, t.start, t.end)
                for t in lead_trigs
            )
        )
    ):
        # a missile or drone intercepted with nobody hurt ("أعلن التحالف اعتراض وتدمير طائرتين مسيرتين
        # أطلقهما الحوثيون"): ACLED's Disrupted weapons use, by the side that intercepted it
        sub, key_trig = "Disrupted weapons use", _first(trigs, {"DISRUPT"})
        # the forces that intercept may be foreign to the country they defend (the coalition over
        # Saudi towns): any actor the incident names may be the interceptor; with no forces named
        # ("اعترضت، مساء الخميس، صاروخا أطلقه الحوثيون") the country's military intercepted it, as
        # ACLED codes it
        own = Actor(lex.state_force(cc, "military", event_day, country), 1, "state", None)
        a1, a2 = _forces_and_group(_named(inc), own, actor)
    elif (
        "RETAKE" in lead_tags
        and lead_tags <= {"TAKE", "RETAKE"}
        and a1.kind in ("state", "armed", "external")
        and not any(_AFTER_FRAME.search(doc.text, max(0, t.start - 8), t.start) for t in lead_trigs)
    ):
        # a lead that tells only a place retaken ("استعاد الجيش منطقة بير السلامي"): the fighting, the
        # dead and the air support told after it are its details, and ACLED's event is the retaking
        # (a coalition's own air strikes are split off before, by `incidents._split_air_and_ground`)
        a1, a2, sub = took_over(a1, a2)
        key_trig = _first(trigs, {"TAKE", "RETAKE"})
    elif tags & (ATTACK_TAGS | DIRECT_TAGS | WEAPON_TAGS):
        if direct and (armed_target or lead_tags & DIRECT_TAGS or strong_clash):
            sub = "Armed clash"
            # (a place told as taken, not as an operation's aim: "ضمن العملية العسكرية لتحرير مدينة
            # الحديدة" is what the fighting is for)
            if any(t.tag in ("TAKE", "RETAKE") and not t.generic for t in trigs):
                # "استعادت قوات الجيش الوطني السيطرة على بلدة صبيد بعد معارك مع مسلحي الشباب"
                a1, a2, sub = took_over(a1, a2)
            key_trig = _first(trigs, DIRECT_TAGS | {"ATTACK", "FIRE"})
        elif weapon is not None:
            sub = {
                "SUICIDE": "Suicide bomb",
                "CHEM": "Chemical weapon",
                "AIR": "Air/drone strike",
                "SHELL": "Shelling/artillery/missile attack",
                "GRENADE": "Grenade",
                "IED": "Remote explosive/landmine/IED",
            }[weapon]
            key_trig = _first(trigs, {weapon})
        elif armed_target:
            sub = "Armed clash"
            if lead_tags and lead_tags <= {"TAKE", "RETAKE"}:
                # the dead of the fighting told after a lead that only tells a place taken or retaken
                # ("استعادت قوات الجيش تلة لوزم" … "لقي 30 عنصرا مصرعهم خلال المعارك")
                a1, a2, sub = took_over(a1, a2)
            key_trig = _first(trigs, ATTACK_TAGS)
        else:
            sub = "Attack"
            key_trig = _first(trigs, ATTACK_TAGS)
    elif "ABDUCT" in tags:
        sub = "Abduction/forced disappearance"
        key_trig = _first(trigs, {"ABDUCT"})
    elif "SEXUAL" in tags:
        sub = "Sexual violence"
        key_trig = _first(trigs, {"SEXUAL"})
    elif burned:
        sub, key_trig = "Attack", _first(trigs, {"RIOT"})
    elif "HANDOVER" in tags:
        # fighters leaving a town under a deal, military police moving in: handed over, not fought for
        sub, key_trig = "Non-violent transfer of territory", _first(trigs, {"HANDOVER"})
    elif lead_tags & {"TAKE", "RETAKE"} and a1.kind in ("state", "armed", "external"):
        # territory taken by force in the lead: a battle won (ACLED codes it under Battles)
        a1, a2, sub = took_over(a1, a2)
        key_trig = _first(trigs, {"TAKE", "RETAKE"})
    elif "AGREE" in tags:
        sub, key_trig = "Agreement", _first(trigs, {"AGREE"})
    elif "ARREST" in tags:
        sub, key_trig = "Arrests", _first(trigs, {"ARREST"})
        if a1.hit is None and any(
            m.extra.get("dissent") or m.extra.get("passive_arrest") for m in inc.mentions
        ):
            # "اعتقلت إيران مسؤولا بارزا", "اعتقال المحامية ...": the country's police detained them, as
            # they did suspects held in the passive ("وتم القبض على ثلاثة مشتبه بهم")
            a1 = Actor(lex.state_force(cc, "police", event_day, country), 1, "state", None)
        if a1.kind in ("armed", "unidentified"):
            # the forces that arrest act; the group its members belong to is the other side ("ضبط ثلاثة
            # عناصر ينتمون لتنظيم ولاية سيناء"), whatever the attack scoring chose
            named = _named(inc)
            if any(a.entry.kind in ("state", "external") for a in named):
                a1, a2 = _forces_and_group(named, a1, actor)
            elif a1.hit is not None and _arrested(a1.hit, trigs):
                # the group its members belong to, arrested by forces the text does not name ("اعتقل
                # جهاز الأمن خمسة أعضاء في خلية تابعة لداعش"): the country's police arrested them
                a1, a2 = Actor(lex.state_force(cc, "police", event_day, country), 1, "state", None), a1
        if a2 is not None and a2.name == a1.name:
            a2 = None  # the police who arrest are not those they arrest
    elif tags & {"TAKE", "RETAKE"}:
        sub, key_trig = "Non-violent transfer of territory", _first(trigs, {"TAKE", "RETAKE"})
    elif "LOOT" in tags:
        sub, key_trig = "Looting/property destruction", _first(trigs, {"LOOT"})
    else:
        return None
    if (
        "ABDUCT" in tags
        and sub == "Attack"
        and not any(c.role == "killed" and not c.attacker for m in inc.mentions for c in m.casualties)
    ):
        # people taken, nobody killed: an abduction; with victims dead it stays an attack (ACLED
        # codes the deadlier part: "قتل 20 قرويا وخطف آخرين")
        sub = "Abduction/forced disappearance"
    event_type = EVENT_TYPE_OF[sub]
    if event_type == "Strategic developments" and a2 is not None and a2.kind == "victim":
        a2 = None  # a truce or an arrest is not done to "civilians" named nearby

    def armed_sides() -> Iterator[Actor]:
        """The armed sides the incident names, in the text's order (the backer of the side that fights,
        "بإسناد من التحالف", is no side of its own)."""
        return (
            _specific(actor(h), hits, lex, cc, country, event_day, report_forces)
            for h in sorted(hits, key=lambda h: h.start)
            if h.entry.kind in ARMED_KINDS and not h.backer and not no_side(h)
        )

    if (
        sub == "Shelling/artillery/missile attack"
        and a1.kind == "external"
        and a1.name.endswith(f" of {country}")
    ):
        # a foreign force of this very country does not shell its own towns: the rockets on them
        # ("أطلق مسلحون قذائف من قطاع غزة على جنوب إسرائيل", the army telling it) were fired by the other
        # side the report names, or by a group it does not
        sender = next((s for s in armed_sides() if s.kind in ("armed", "unidentified")), None)
        a1 = sender or _unidentified(country)
        if a2 is not None and a2.name == a1.name:
            a2 = None
    if event_type == "Battles" and (a2 is None or a2.kind in ("victim", "crowd")):
        # a battle is fought between armed sides: civilians caught in it are not the second side
        a2 = next((s for s in armed_sides() if s.name != a1.name), a2)
        if a2 is None and sub == "Armed clash" and a1.kind in ("state", "external"):
            # forces that fought an enemy the text does not name ("داهمت قوات الأمن مخبأ … وتبادلت معهم
            # إطلاق النار"): ACLED's unidentified armed group of the country is the other side
            a2 = _unidentified(country)
    # a detention told with no forces named: the country's police (set above for activists and officials)
    police_detention = sub == "Arrests" and a1.hit is None and a1.kind == "state"
    if (
        event_type == "Strategic developments"
        and a1.hit is None
        # (an interception told outright, "جرى اعتراض أربع طائرات مسيرة أطلقت باتجاه خميس مشيط", is an
        # act of the country's forces even when the sentence names neither side)
        and not (
            sub == "Disrupted weapons use"
            and (
                (a2 is not None and a2.hit is not None)
                or any(t.tag == "DISRUPT" and t.strong for t in trigs)
                # the missile the incident tells of, stopped over the town it names ("الصاروخ كان باتجاه
                # مدينة نجران … وقد تمكنت قوات الدفاع الجوي من اعتراضه")
                or (place is not None and place.feature != "country" and bool(tags & {"SHELL", "AIR"}))
            )
        )
        and not police_detention
    ):
        return None  # a development with nobody doing it is too weak to report
    if key_trig is None:
        key_trig = trigs[0]
    counted_dead = any(t.tag == "KILL" and _COUNTED_DEAD.search(doc.text[t.start : t.end]) for t in trigs)
    thin = (
        a1.hit is None
        and not police_detention
        and not counted_dead
        and not arresting  # a suspect arrested for it: the attack happened
        and not any(
            c.role in ("killed", "injured", "abducted") and not c.uncounted
            for m in inc.mentions
            for c in m.casualties
        )
    )
    # an assassination (attempt) names its target: with a place, even a country, it happened
    targeted = place is not None and any(t.tag == "ASSASSINATE" and t.strong for t in trigs)
    # a device told as having gone off ("سيارة مفخخة انفجرت قرب قاعدة عسكرية في جنوب كولومبيا", frame
    # `EXPLODED`) in a country the text or its forces name: it happened, though nobody is named or hurt
    exploded = cc is not None and any(
        t.tag in ("IED", "SUICIDE") and t.strong and _EXPLODED.search(doc.text, t.start, t.end) for t in trigs
    )
    # so did bombers who blew themselves up ("قامتا بتفجير نفسيهما في السوق")
    exploded = exploded or (
        cc is not None
        and any(
            t.tag == "SUICIDE" and t.strong and _BLEW_SELF.search(doc.text, max(0, t.start - SELF_GAP), t.end)
            for t in trigs
        )
    )
    # so did shells or grenades told as having gone off ("انفجرت خمس قذائف هاون قرب مقر الحكومة")
    exploded = exploded or (
        cc is not None
        and any(
            t.tag in ("SHELL", "GRENADE")
            and u.tag == "IED"
            and 0 < t.first - u.last <= EXPLODED_GAP
            and _EXPLODED.search(doc.text, u.start, u.end)
            for t in trigs
            for u in trigs
        )
    )
    # an attack on police or soldiers, or foreign troops, in a town on a day the text names ("تعرضت دورية
    # للجيش لهجوم في مدينة العريش أمس"; "فتحوا النار على مركز للشرطة"; "القوات الأميركية تعرضت لهجوم في
    # الرمادي مساء الخميس") happened, though nobody is named doing it
    forces_hit = (
        a2 is not None
        and a2.kind in ("state", "external")
        and a2.hit is not None
        and day_m is not None
        and place is not None
        and place.feature != "country"
        # the force is right at the attack words (not the police as a source further off)
        and any(
            -FORCE_GAP <= a2.hit.first - t.last <= FORCE_GAP
            or -FORCE_GAP <= t.first - a2.hit.last <= FORCE_GAP
            for t in trigs
        )
    )
    if (
        thin
        and event_type not in ("Protests", "Riots")
        and (
            (
                not any(t.strong or t.tag in WEAPON_TAGS or t.tag in DIRECT_TAGS for t in trigs)
                and not forces_hit
            )
            or (
                day_m is None
                and (place is None or place.feature == "country")
                and not targeted
                and not exploded
                # a strong word that hit someone named ("انفجرت قنبلتان في سوق ... فجرحت الثانية عددا
                # من رجال الشرطة") in a country the text names is an incident, even with no day
                and not (place is not None and a2 is not None and any(t.strong for t in trigs))
                # nor is a weapon whose dead the sentence tells, uncounted ("سقطت قذائف الهاون على سوق
                # مكتظة، وبقيت جثث القتلى ملقاة في الشارع"): a witness's detail of a strike
                and not _weapon_with_its_dead(trigs)
            )
        )
    ):
        # nobody named as doing it, nobody hurt, and only weak words (no weapon, no fighting) or
        # neither a day nor a place of its own:
        # such a mention is talk about violence ("حسابات وهمية تستهدف المملكة"), not an incident
        return None
    # evidence from the core sentence (trigger, toll, day together) when it has the same word kind
    core = core_mention(inc)

    def in_core(start: int) -> bool:
        return core.start <= start < core.end

    key_trig = next((t for t in trigs if t.tag == key_trig.tag and in_core(t.start)), key_trig)
    ev("event_type", key_trig.start, key_trig.end)
    ev("sub_event_type", key_trig.start, key_trig.end)

    # ---- casualties: lead precise figure for victims, plus attackers reported killed
    cas = [c for m in inc.mentions for c in m.casualties]
    killed = [c for c in cas if c.role == "killed" and not c.attacker]
    killed_att = [c for c in cas if c.role == "killed" and c.attacker]
    injured = [c for c in cas if c.role == "injured" and not c.attacker]
    fat = 0
    kv = next((c for c in killed if not c.vague and c.head is None), None) or next(iter(killed), None)
    kv = _same_in_core(kv, killed, in_core)
    ka = next((c for c in killed_att if not c.vague), None) or next(iter(killed_att), None)
    # a vague word beside a precise count of the other side ("قتل 30 من الميليشيات" … "سقوط قتلى
    # وجرحى من خبراء الصواريخ") mostly names the same dead again: the count alone is the toll
    if kv is not None and ka is not None and kv.vague != ka.vague:
        if kv.vague:
            kv = None
        else:
            ka = None
    if kv is not None:
        fat += kv.value
        ev("fatalities", kv.start, kv.end)
        for c in killed:  # "مقتل 3 مدنيين وجندي": the joined counts belong to the lead figure
            if c.head is kv:
                fat += c.value
                ev("fatalities", c.start, c.end)
        other = _other_sides_dead(kv, killed, inc, doc.text)
        if other is not None:
            fat += other.value
            ev("fatalities", other.start, other.end)
    if kv is None and "ASSASSINATE" in tags:
        # "اغتال مسلحون العلامة ..." reports one death without a number (not so for an attempt)
        t = _first(trigs, {"ASSASSINATE"})
        if (
            t is not None
            and not _ATTEMPT.search(doc.text[max(0, t.start - 14) : t.start])
            and not _FAILED.search(doc.text[t.end : t.end + 12])
        ):
            fat += 1
            ev("fatalities", t.start, t.end)
    # attackers killed count too, a vague figure as ACLED codes it ("عشرات المسلحين" = 12); not the
    # same count told again in another sentence as the group's men ("بمقتل 38 من المقاتلين الموالين
    # للنظام" … "هناك 38 قتيلا ... تابعين لميليشيات"): one toll, told twice
    told_twice = (
        ka is not None
        and kv is not None
        and not ka.vague
        and not kv.vague
        # (or as the sum of its parts: "قتل 35 مقاتلا" … "مقتل 26 من قوات النظام بالإضافة إلى 9 روس")
        and ka.value in (kv.value, kv.value + sum(c.value for c in killed if c.head is kv))
        and ka.value >= TOLD_TWICE_MIN
        and _sentence_of(ka, inc) != _sentence_of(kv, inc)
    )
    # (one man killed, told as a group's leader and then as "مقتله", his death: one death)
    told_twice = told_twice or (
        ka is not None
        and kv is not None
        and ka.value == kv.value == 1
        and any(_HIS_DEATH.search(doc.text, c.start, c.end) for c in (ka, kv))
    )
    if ka is not None and (kv is None or (ka.start, ka.end) != (kv.start, kv.end)) and not told_twice:
        fat += ka.value
        ev("fatalities", ka.start, ka.end)
    iv = _same_in_core(next((c for c in injured if not c.vague and c.head is None), None), injured, in_core)
    inj = iv.value if iv is not None else None
    unhurt = next((m.extra["unhurt"] for m in inc.mentions if m.extra.get("unhurt")), None)
    if iv is None and isinstance(unhurt, tuple):
        inj = 0  # "لم يسفر عن إصابات": none, said outright
        ev("injured", unhurt[0], unhurt[1])
    if iv is not None:
        ev("injured", iv.start, iv.end)
        for c in injured:
            if c.head is iv:
                inj = (inj or 0) + c.value
                ev("injured", c.start, c.end)

    if (
        sub == "Chemical weapon"
        and day_m is None
        and not any(c.role in ("killed", "injured") for m in inc.mentions for c in m.casualties)
    ):
        # a chemical attack named with neither a day nor a toll ("الهجوم الكيماوي على دوما" in the talk
        # and the inquiries after it) is one told before: a first report of one gives either
        return None

    if sub == "Armed clash":
        # a battle on the ground is fought by the ground forces the text names; the foreign air force
        # backing them ("تقدم القوات المشتركة بإسناد من التحالف") is on their side, not a side of it
        ground_hits = [h for h in hits if not no_side(h)]
        first = _ground_side(a1, a2, ground_hits, actor)
        if a2 is not None:
            a2 = _ground_side(a2, a1, ground_hits, actor)
        a1 = first
    if a2 is not None and allied(a1.name, a2.name):
        # two forces of one side are never each other's other side (allies.tsv): the other side is
        # the first armed side named that is no ally ("بين الجيش، مسنودا بقوات التحالف، وميليشيات
        # الحوثي"), or none
        a2 = next((s for s in armed_sides() if s.name != a1.name and not allied(a1.name, s.name)), None)
    if (
        sub == "Attack"
        and a2 is None
        and a1.kind == "armed"
        and killed_att
        and not killed
        and not injured
        and not tags & WEAPON_TAGS
    ):
        # the only dead are the named group's own men ("لقي القيادي الحوثي مصرعه مع عدد من عناصر
        # الميليشيات"), nobody named killed them and no weapon is told: no attack on civilians
        return None
    if event_type == "Violence against civilians" and a2 is None and country:
        # ACLED's violence against civilians is done to civilians: victims the text does not name
        # are the country's civilians (as in every such row of ACLED's own data)
        a2 = Actor(f"Civilians ({country})", CIVILIANS_INTER, "victim", None)

    # ---- evidence for actors, date, place
    def core_hit(actor: Actor) -> Actor:
        """The same actor as the core sentence names it, for the evidence."""
        if actor.hit is None or in_core(actor.hit.start):
            return actor
        for h in core.actors:
            if actor_ok(h, cc, event_day) and actor_name(lex, h, cc, country, event_day) == actor.name:
                return Actor(actor.name, actor.inter, actor.kind, h)
        return actor

    a1 = core_hit(a1)
    a2 = core_hit(a2) if a2 is not None else None
    if a1.hit is not None:
        ev("actor1", a1.hit.start, a1.hit.end)
    if a2 is not None and a2.hit is not None:
        ev("actor2", a2.hit.start, a2.hit.end)
    if day_m is not None:
        ev("event_date", day_m.start, day_m.end)
    # "في محيط جنوب كركوك": a place near a town is told by the words before its name
    loc_start = place.start if place is not None else 0
    if place is not None and place.geo_precision == 2:
        loc_start = modifier_start(doc.text, place.start)
    if place is not None:
        ev("location", loc_start, place.end)
        for f in ("admin1", "country", "latitude", "longitude"):
            ev(f, place.start, place.end)

    inter1 = a1.inter
    inter2 = a2.inter if a2 else 0
    incident_key = f"{event_day.isoformat()}|{sub}|{place.name if place else ''}|{index}"
    digest = hashlib.sha1(f"{doc.id}|{incident_key}".encode()).hexdigest()
    iso3 = info.iso3 if info else "XXX"
    civ = "Civilian targeting" if (a2 is not None and a2.inter == 7 and event_type != "Battles") else ""
    notes = _notes(event_day, a1.name, a2.name if a2 else "", sub, place, country, fat, inj, doc)
    claim = next((m.claim for m in inc.mentions if m.claim is not None), None)
    if claim is not None:
        notes += f" Claimed by {actor_name(lex, claim, cc, country, event_day)}."
        ev("notes", claim.start, claim.end)
    rich = sum(_richness(m) for m in inc.mentions)
    conf = min(0.95, 0.35 + 0.08 * rich + (0.1 if place is not None else 0.0))
    return EventRecord(
        event_id_cnty=f"{iso3}{int(digest[:10], 16) % 10**8:08d}",
        event_date=event_day.isoformat(),
        year=event_day.year,
        time_precision=TIME_PRECISION[precision],
        disorder_type=DISORDER_TYPE[event_type],
        event_type=event_type,
        sub_event_type=sub,
        actor1=a1.name,
        inter1=inter1,
        actor2=a2.name if a2 else "",
        inter2=inter2,
        interaction=interaction_code(inter1, inter2),
        civilian_targeting=civ,
        iso=info.iso_numeric if info else 0,
        region=info.region if info else "",
        country=country,
        admin1=(place.admin1 or "") if place else "",
        admin2=(place.admin2 or "") if place else "",
        admin3=(place.admin3 or "") if place else "",
        location=place.name if place else "",
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.geo_precision if place else 3,
        source=doc.outlet or "",
        source_scale="",
        notes=notes,
        fatalities=fat,
        tags="",
        timestamp=0,
        doc_ids=[doc.id],
        injured=inj,
        fatalities_range=[fat, fat],
        location_ar=doc.text[loc_start : place.end] if place else "",
        actor1_ar=doc.text[a1.hit.start : a1.hit.end] if a1.hit else "",
        actor2_ar=doc.text[a2.hit.start : a2.hit.end] if a2 and a2.hit else "",
        evidence=evidence,
        confidence=round(conf, 2),
    )


def _specific(
    actor: Actor,
    hits: list[ActorHit],
    lex: Lexicons,
    cc: str | None,
    country: str,
    day: date | None,
    forces: list[ActorHit] | None = None,
) -> Actor:
    for h in hits:
        nm = actor_name(lex, h, cc, country, day)
        if nm.startswith(actor.name + " ") and h.entry.kind == actor.kind:
            return Actor(nm, h.entry.inter, h.entry.kind, h)
    if actor.hit is not None and "{military}" in actor.hit.entry.name:
        # "الجيش" after "الجيش الوطني الليبي" is that army, not the state's forces of the day
        for h in [*hits, *(forces or [])]:
            if (
                h.entry.kind == "state"
                and "{" not in h.entry.name
                and h.entry.country == cc
                and actor_ok(h, cc, day)  # the forces of the event's day (PMF before and after 2020)
            ):
                return Actor(actor_name(lex, h, cc, country, day), h.entry.inter, h.entry.kind, h)
    return actor


# what may stand between a weapon word and the forces that own it ("غارات لمقاتلات التحالف")
_OWNER_GAP = frame("OWNER_GAP")
_BETWEEN_SIDES = frame("BETWEEN_SIDES")
_PLUPERFECT = frame("PLUPERFECT")


def _named_first_between(h: ActorHit, text: str) -> bool:
    """The side right after "بين" ("اشتباكات بين قوات الجيش و…")."""
    return h.entry.kind in ("state", "armed", "external") and bool(
        _BETWEEN_SIDES.search(text, max(0, h.start - 16), h.start)
    )


def _wields(h: ActorHit, trigs: list[TrigHit], text: str) -> bool:
    """The actor names the owner of a weapon word right before it (or holds it), so it struck."""
    return any(
        t.tag in ("AIR", "SHELL")
        and (
            h.first <= t.first <= h.last  # the actor's own words hold the weapon ("مقاتلات التحالف")
            or (0 < h.first - t.last <= 2 and _OWNER_GAP.match(text[t.end : h.start]) is not None)
        )
        for t in trigs
    )


# how far (in words) an air strike's words lie from every word of interception to be a strike of
# their own, not the intercepted drone
_APART_WORDS = 8


AT_VIOLENCE_WORDS = 3  # words between a force and the shooting or killing it did


def _at_the_violence(h: ActorHit, trigs: list[TrigHit]) -> bool:
    """Whether forces stand right at a word of shooting or killing, as its doer ("أطلقت الشرطة النار",
    "الشرطة قتلت")."""
    return any(
        t.tag in ("FIRE", "KILL")
        and (0 <= h.first - t.last <= AT_VIOLENCE_WORDS or 0 < t.first - h.last <= AT_VIOLENCE_WORDS)
        for t in trigs
    )


def _strikes_apart(inc: Incident, text: str) -> bool:
    """An air strike told beside an interception ("اعترضت القبة الحديدية الصاروخين … استهدف الطيران
    الإسرائيلي خمسة مواقع"): the strike is the event (it outranks the interception). Not the drone
    the interception stopped, named next to its words ("أسقطت طائرة مسيرة") or in a sentence of
    its own ("الحطام … طائرة بدون طيار")."""
    for m in inc.mentions:
        stops = [t for t in m.live if t.tag == "DISRUPT"]
        if stops and any(
            t.tag == "AIR"
            and t.strong
            and not t.nominal
            and not _DRONE.search(text, t.start, t.end)
            and all(t.first - d.last > _APART_WORDS or d.first - t.last > _APART_WORDS for d in stops)
            for t in m.live
        ):
            return True
    return False


# how close (in characters) an occupying army or an armed group stands to the words of its
# intervention on a crowd ("برصاص الجيش الإسرائيلي", "فرق مسلحون حوثيون ... وقفة احتجاجية")
INTERVENER_CHARS = 40


def _crowds_opponent(inc: Incident, fit: list[ActorHit]) -> ActorHit | None:
    """Foreign forces or an armed group that shot, arrested or dispersed a crowd, named right beside
    those words (not the movement that called the march, nor the army a march abroad protests).
    Only among `fit`, the hits that can stand at the event (its country and day)."""
    ok = {id(h) for h in fit}
    for m in inc.mentions:
        acts = [t for t in m.live if t.tag in ("ARREST", "FIRE", "KILL", "INTERVENE")]
        for h in m.actors:
            if h.entry.kind not in ("external", "armed") or h.backer or id(h) not in ok:
                continue
            # (after the words or right before them, "مسلحون حوثيون … فرقوا": the gap either way)
            if any(h.start - t.end <= INTERVENER_CHARS and t.start - h.end <= INTERVENER_CHARS for t in acts):
                return h
    return None


def _first(trigs: list[TrigHit], tags: set[str] | frozenset[str]) -> TrigHit | None:
    strong = [t for t in trigs if t.tag in tags and t.strong]
    if strong:
        return strong[0]
    return next((t for t in trigs if t.tag in tags), None)


def lead_weapon(mentions: list[Mention]) -> str | None:
    """The weapon the report's first eventful sentence names with a strong word (for a bare "قصف"
    elsewhere in the report)."""
    for m in mentions:
        live = [t for t in m.live if not t.generic]
        if live:
            strong = {t.tag for t in live if t.strong}
            return next((w for w in WEAPON_ORDER if w in strong), None)
    return None


FORCES = frozenset({"state", "external"})


def _other_sides_dead(kv: CasHit, killed: list[CasHit], inc: Incident, text: str) -> CasHit | None:
    """The dead of the other side told in the lead figure's own sentence ("خلفت المعارك 23 قتيلا من
    عناصر الميليشيات … فيما قتل 5 من أفراد الجيش"): ACLED's fatalities are everyone the event killed.
    One of the two counts must be of the forces and the other not, so that a figure told twice is not
    added to itself."""
    home = next((m for m in inc.mentions if m.start <= kv.start < m.end), None)
    if home is None:
        return None

    def forces(c: CasHit) -> bool:
        return c.victim is not None and c.victim.entry.kind in FORCES

    return next(
        (
            c
            for c in killed
            if c is not kv
            and c.head is None
            and not c.vague
            and kv.end <= c.start < home.end
            and forces(c) != forces(kv)
            # told as the other side's count ("…، فيما قتل 5 من أفراد الجيش"), not inside a clause about
            # something else ("بعد مقتل جندي برصاص قناص … التي قتل فيها 4 فلسطينيين")
            and _OTHER_SIDE_JOINT.search(text, kv.end, c.start) is not None
            and _NOT_OTHER_SIDE.search(text, kv.end, c.start) is None
        ),
        None,
    )


# the joint of the other side's toll ("…، فيما قتل 5 من أفراد الجيش"), and the words that put a
# toll in a clause about something else ("… التي قتل فيها 4 فلسطينيين")
_OTHER_SIDE_JOINT = frame("OTHER_SIDE_JOINT")
_NOT_OTHER_SIDE = frame("NOT_OTHER_SIDE")


def _sentence_of(c: CasHit, inc: Incident) -> int:
    """The sentence of the incident that holds casualty figure `c` (-1 when none does)."""
    return next((m.sent for m in inc.mentions if m.start <= c.start < m.end), -1)


def _same_in_core(c: CasHit | None, pool: list[CasHit], in_core: Callable[[int], bool]) -> CasHit | None:
    """The same figure as the core sentence gives it ("قتلوا 13" there, not "مقتل 13" in a statement)."""
    if c is None or in_core(c.start):
        return c
    return next(
        (
            o
            for o in pool
            if in_core(o.start) and o.value == c.value and o.vague == c.vague and o.head is None
        ),
        c,
    )


def _richness(m: Mention) -> int:
    live = m.live
    return (
        int(any(t.strong for t in live))
        + len({t.tag for t in live})
        + int(bool(m.casualties))
        + int(any(a.entry.kind in ("armed", "unidentified", "external") for a in m.actors))
    )


_VERBS = {
    "Battles": "fought",
    "Explosions/Remote violence": "attacked",
    "Violence against civilians": "attacked",
    "Riots": "rioted against",
    "Protests": "protested",
    "Strategic developments": "acted against",
}


def _wounded_on(inc: Incident, text: str) -> DateMention | None:
    """The day a death "of the wounds received" names for the wounding ("توفي متأثرا بجروحه التي أصيب بها
    برصاص الجيش … الجمعة", frame `WOUNDED_ON`): the incident ACLED codes happened then."""
    for m in inc.mentions:
        for w in _WOUNDED_ON.finditer(text, m.start, m.end):
            days = [
                d for d in m.dates if d.precision == "day" and w.end() <= d.start <= w.end() + WOUNDED_REACH
            ]
            if days:
                return min(days, key=lambda d: d.start)
    return None


MORNING_UTC_HOUR = 12  # a report stamped before noon UTC tells of a night and a morning mostly past


def _past_day_in_the_morning(inc: Incident, doc: Document) -> bool:
    """An incident told only as happening "during the past 24 hours" (`PAST_DAY`) in a report stamped in
    the morning: the hours it covers were mostly the day before the report's."""
    pub = doc.published
    if pub is None or pub.utcoffset() is None or pub.hour >= MORNING_UTC_HOUR:
        return False
    return any(_PAST_DAY.search(doc.text, m.start, m.end) for m in inc.mentions)


def _notes(
    day: date,
    a1: str,
    a2: str,
    sub: str,
    place: Place | None,
    country: str,
    fat: int,
    inj: int | None,
    doc: Document,
) -> str:
    et = EVENT_TYPE_OF[sub]
    where = ", ".join(x for x in (place.name if place else "", place.admin1 if place else "", country) if x)
    verb = _VERBS[et]
    who = f"{a1} {verb} {a2}" if a2 else f"{a1} {verb}"
    text = f"On {day.isoformat()}, {who} ({sub.lower()})"
    if where:
        text += f" in {where}"
    text += f". Fatalities: {fat}"
    if inj is not None:
        text += f"; injured: {inj}"
    text += "."
    if doc.outlet:
        text += f" According to {doc.outlet}."
    return text


def _named(inc: Incident) -> list[ActorHit]:
    """Every actor the incident's sentences name, before the country and date checks of `_actor_ok`."""
    return [a for m in inc.mentions for a in m.actors]


def _forces_and_group(
    hits: list[ActorHit], own: Actor, actor: Callable[[ActorHit], Actor]
) -> tuple[Actor, Actor | None]:
    """Who disrupted whose weapon, or arrested whom: the forces act (actor 1; `own` when none is
    named, the country's military for an interception), the armed group is the other side."""
    forces = next((h for h in hits if h.entry.kind in ("state", "external")), None)
    group = next((h for h in hits if h.entry.kind in ("armed", "unidentified")), None)
    return (actor(forces) if forces else own), (actor(group) if group else None)


TAKER_CHARS = 40  # and at most this many characters after it: the same clause, whatever the gate kept
TAKER_REACH = 3  # words after a taking verb where its subject stands ("استعادت قوات الجيش ...")


# a retaking told as the time before the news ("بعد استعادة السيطرة على الغوطة، …")
_AFTER_FRAME = frame("AFTER_FRAME")


def _group_before_taking(t: TrigHit, hits: list[ActorHit]) -> ActorHit | None:
    """An armed group or the state's forces named right before a verb of taking ("أن عناصر تنظيم داعش
    المتطرف سيطروا على حي العسالي", "قوات من الجيش الوطني أحكمت سيطرتها على منطقة …"): they took the
    place, whatever else the report says of retaking ("تركز القوات على استعادة الضواحي") or whoever
    the sentence counts as its dead. Near by characters as well as tokens: token positions of two
    sentences are not comparable."""
    for h in hits:
        if (
            h.entry.kind in ("armed", "state")
            and not h.target
            and 0 < t.first - h.last <= 2
            and 0 <= t.start - h.end <= TAKER_CHARS
        ):
            return h
    return None


def _taker(trigs: list[TrigHit], hits: list[ActorHit]) -> ActorHit | None:
    """The armed or state actor standing right after a verb of taking or retaking a place, in the
    verb's own sentence (token positions of two sentences are not comparable: the trigger gate leaves
    the sentences between them untokenised)."""
    for t in trigs:
        if t.tag not in ("TAKE", "RETAKE"):
            continue
        for h in sorted(hits, key=lambda h: h.first):
            # right after the verb, or between the verb and its "على" ("سيطرت القوات على البلدة")
            if (
                t.first < h.first <= t.last + TAKER_REACH
                and h.start - t.end <= TAKER_CHARS
                and h.entry.kind in ("state", "armed", "external")
                and not h.target  # "طرد الحوثيين من …": those driven out, not the taker
                and not h.backer  # "تحت الغطاء الجوي للتحالف": the side's air cover, not the taker
            ):
                return h
    return None
