"""Group sentence mentions into incidents ("incidents, not sentences").

A report usually tells one incident several times (headline-like lead, details, casualty update)
and sometimes adds others ("in another attack…", another town, another day). Mentions are read in
order; a mention joins the incident it is compatible with (same place or no place, same day or no
day, same family of event) and starts a new one when it names another place or day, belongs to
another family (a protest beside a bombing), or is introduced by a "another incident" marker.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from itertools import pairwise

from marsad.extract.frames import frame
from marsad.extract.lexicon import paired_countries
from marsad.extract.locate import country_info
from marsad.extract.mentions import (
    CROWD_TAGS,
    REMOTE_TAGS,
    SD_TAGS,
    VIOLENCE_TAGS,
    WEAPON_TAGS,
    CasHit,
    Mention,
    said_day,
    sentence_has_date_near,
)
from marsad.geo.data import load_capitals, load_cues
from marsad.geo.geocoder import haversine_km
from marsad.model import DateMention, Place
from marsad.text.dates import overnight


@dataclass(slots=True)
class Incident:
    mentions: list[Mention] = field(default_factory=list)
    place: Place | None = None
    day: DateMention | None = None
    # governorates its first sentence spreads it over ("في محافظتي إدلب وحلب"): a total over places
    umbrella: frozenset[str] = frozenset()
    # a calendar date a later sentence gives it at its own place ("الهجوم الكيمياوي الذي استهدف في 7
    # أبريل سكان دوما"), over the report's day named by "اليوم" or a weekday (`_dates_it_better`); or
    # the day of the total it is a part of, when its own sentences name none (`_date_parts`)
    calendar_day: DateMention | None = None
    # another target of the air strikes the report leads with, told with no weapon of its own
    # (`_further_target`): struck from the air, as the lead says
    campaign: bool = False

    @property
    def tags(self) -> set[str]:
        out: set[str] = set()
        for m in self.mentions:
            out |= m.tags
        return out


def gives_toll(m: Mention) -> bool:
    """The sentence gives a precise number of dead, wounded or abducted."""
    return any(c.role in ("killed", "injured", "abducted") and not c.vague for c in m.casualties)


def _armed(m: Mention) -> bool:
    """The sentence names an armed group, gunmen or foreign forces."""
    return any(a.entry.kind in ("armed", "unidentified", "external") for a in m.actors)


def core_mention(inc: Incident) -> Mention:
    """The sentence that tells the incident most fully: its trigger, toll, day and attacker.

    Fields take their evidence (and the place its precision) preferably from here rather than
    from a headline ("هجوم كركوك") or a statement paragraph that mentions the incident in passing.
    """

    def score(m: Mention) -> int:
        return (
            int(any(not t.generic for t in m.live))
            + int(any(c.role in ("killed", "injured") and not c.vague for c in m.casualties))
            + int(bool(m.dates))
            + int(_armed(m))
        )

    return max(inc.mentions, key=score)  # the first of equals: the lead before its retellings


DETAIL_GAP = 4  # a figures-only sentence this close after an incident's mention still belongs to it
LEAD_SENTENCES = 4  # sentences after the first body sentence that still count as the lead
# a month that ended more than this before the report is history (a month "الماضي" that ended days ago
# may hold the incident: "اختطاف موظف ثالث أواخر الشهر الماضي" told beside this week's two)
MONTH_GONE_DAYS = 30
# Violence that only a crowd event explains: a protester killed, clashes between protesters and police.
CROWD_VIOLENCE = frozenset({"KILL", "FIRE", "CLASH", "ATTACK", "EXECUTE"})


def family(tags: set[str]) -> str:
    # violence beside tear gas is a crowd's only when a crowd is named ("هاجمت قوات الاحتلال قرية
    # وأطلقت قنابل الغاز على المواطنين" is an attack on a village)
    crowd_named = bool(tags & {"PROTEST", "RIOT", "MOB", "CLASH"}) or "ATTACK" not in tags
    if tags & CROWD_TAGS and not (tags & VIOLENCE_TAGS) - CROWD_VIOLENCE and crowd_named:
        return "crowd"
    if tags & VIOLENCE_TAGS:
        return "violence"
    if "HANDOVER" in tags and tags <= {"HANDOVER", "AGREE"}:
        # a town handed over under a deal is an event of its own beside the deal ("وقف إطلاق النار" in
        # one sector, "بدأ مسلحو الحركة الخروج من بلدة حرستا بموجب اتفاق إجلاء" in another)
        return "handover"
    if tags & SD_TAGS:
        return "sd"
    return ""


def eventful(m: Mention, accident_doc: bool) -> bool:
    """Enough evidence in one sentence to say something happened."""
    live = [t for t in m.live if not t.generic]
    if not live:
        return False
    tags = {t.tag for t in live}
    has_cas = gives_toll(m)
    armed = _armed(m)
    someone = armed or any(a.entry.kind in ("state", "victim", "crowd", "rioters") for a in m.actors)
    if tags == {"KILL"}:
        # "مقتل 16 شخصا" alone may be an accident or a disease; it needs a perpetrator. A vague
        # count of fighters does too ("لقي عشرات المسلحين مصرعهم في عمليات للجيش"); a vague count of
        # civilians is mostly a summary ("التي قتلت مئات المدنيين")
        counted = has_cas or any(c.role == "killed" and c.attacker and c.value < 100 for c in m.casualties)
        # gangs or gunmen who killed dozens, told with the verb ("عصابات مسلحة قتلت عشرات الأشخاص في
        # مدينتي ناكورو ونيفاشا"): a vague count with its killers right before the verb happened
        killers = any(c.role == "killed" and c.vague and c.value < 100 for c in m.casualties) and any(
            a.entry.kind in ("armed", "unidentified") and 0 < t.first - a.last <= 5
            for a in m.actors
            for t in live
        )
        return (
            (not accident_doc)
            and (counted or killers)
            and (armed or any(a.entry.kind == "state" for a in m.actors))
        )
    if tags <= {"ABDUCT", "SEXUAL"}:
        # kidnapping and rape are crimes unless an armed group or a count of victims says otherwise;
        # rape by soldiers is political violence too ("اغتصابها من قبل عدة ضباط"); the police
        # named in a rape report are mostly investigating it
        soldiers = any(a.entry.kind == "state" and "ilitary" in a.entry.name for a in m.actors)
        # dozens taken at once ("اختطاف العشرات من ركاب الحافلات") is no ordinary crime
        many = any(c.role == "abducted" and c.value >= 10 for c in m.casualties)
        return armed or has_cas or many or ("SEXUAL" in tags and soldiers)
    if any(t.strong for t in live) or len(tags & WEAPON_TAGS) >= 2:
        # a strong word alone ("الغارات" in a match report) needs someone, a toll, a day or a place
        m.extra["needs_place"] = not (has_cas or someone or m.dates or m.extra.get("crowd_size"))
        return True
    if family(tags) == "crowd" and not tags & {"PROTEST", "RIOT", "MOB"}:
        # tear gas and dispersal need a protest to act on: a protest word, or protesters named as
        # those they were used on ("أطلقت الشرطة الغاز المسيل للدموع على محتجي التحالف")
        if not any(a.entry.kind in ("crowd", "rioters") for a in m.actors):
            return False
    if tags <= SD_TAGS:
        # arrests, seizures and truces matter to ACLED when an armed group is party to them, or
        # when security forces arrest wanted men or "terror" suspects
        arrests = bool(m.extra.get("suspect_held")) or (
            any(c.role == "arrested" for c in m.casualties) and bool(m.extra.get("suspects"))
        )
        state = any(a.entry.kind == "state" for a in m.actors)
        if tags == {"ARREST"} and arrests and m.extra.get("passive_arrest"):
            return True  # "وتم القبض على ثلاثة مشتبه بهم": suspects held by forces left unnamed
        if not armed and state and tags <= {"TAKE", "RETAKE"}:
            # "استعادت القوات الحكومية السيطرة على بلدة ...": the army retakes a place it names
            m.extra["needs_place"] = True
            return True
        # ACLED codes the detention of activists, journalists, opposition figures and officials
        dissent = tags == {"ARREST"} and bool(m.extra.get("dissent"))
        return armed or (arrests and state) or dissent
    if tags <= CROWD_TAGS:
        crowd = any(a.entry.kind in ("crowd", "rioters") for a in m.actors)
        # "خرج الطلاب وساروا نحو السفارة", "احتشد عدد من الشبان": people right at a protest word
        # are its crowd
        people = any(
            a.entry.kind == "victim" and t.tag == "PROTEST" and -4 <= a.first - t.first <= 3
            for a in m.actors
            for t in live
        )
        # a little further ("وتجمع العمال أمام بوابة المصنع ثم ساروا إلى مبنى المحافظة") they still are,
        # when the sentence also names where
        near = any(
            a.entry.kind == "victim" and t.tag == "PROTEST" and -6 <= a.first - t.first < -4
            for a in m.actors
            for t in live
        )
        if near and not (crowd or people or m.dates):
            m.extra["needs_place"] = True
            return True
        # a protest phrase beside another protest word ("الحركة الاحتجاجية ... فنزلوا للشوارع")
        # tells a protest too; a word said twice ("عودة الاحتجاجات ... رقعة الاحتجاجات") does not
        protests = [t for t in live if t.tag == "PROTEST"]
        phrase = any(t.end - t.start > 0 and t.first < t.last for t in protests) and len(protests) >= 2
        # attackers who set a fire that killed people ("أضرم مهاجمون النار في كنيسة ... ما أدى إلى
        # احتراق ثلاثين شخصا"): an attack, whatever the crowd words
        arson = has_cas and any(a.entry.kind in ("armed", "unidentified") for a in m.actors)
        return (
            crowd
            or people
            or len(tags) > 1
            or bool(m.dates)
            or phrase
            or arson
            or bool(m.extra.get("riot_size"))
        )
    # weak words: two kinds of violence, or one with a toll, a group, a victim or a day; and the
    # sentence must be anchored by a toll, an armed group, a day or (checked later) a place, or
    # it is talk about violence ("هناك قتل لأبنائنا", "عالم يعاني من حروب")
    # a weapon used on a day the sentence names ("قصفت المدفعية قرى في ريف إدلب أمس") happened
    # (two words of the weapon: "قصفت المدفعية", not a rocket launched on a day)
    weapon_day = bool(m.dates and tags & WEAPON_TAGS) and len({t.first for t in live}) >= 2
    # a weapon only named ("برنامج الصواريخ الإيراني") is no incident for the actor beside it
    someone = someone and not all(t.nominal for t in live)
    support = int(has_cas) + int(someone) + len(tags) + int(weapon_day)
    if accident_doc and not armed:
        return False
    m.extra["needs_place"] = not (has_cas or armed or m.dates)
    return support >= 2


# the words around a mention's places (frames.tsv says what each finds and why): where someone comes
# from, where a weapon was launched from, ", وفي" opening another scene, a joint of two clauses
_ORIGIN = frame("ORIGIN")
_LAUNCHED_FROM = frame("LAUNCHED_FROM")
# characters before a town searched for its launch words ("من داخل الأراضي اليمنية (صعدة)")
LAUNCH_REACH = 32
_RESCENE = frame("RESCENE")
_JOINER = frame("JOINER")


def place_of(
    m: Mention, places: list[Place], refs: frozenset[tuple[int, int]] = frozenset(), text: str = ""
) -> Place | None:
    """The place of one mention: the most specific place named in its sentence.

    A place named only as a reference point ("شمالي العاصمة بغداد", "على بعد 100 كيلومتر من بغداد")
    does not place the incident, so a later sentence may ("سوق في مدينة صغيرة شمال مقديشو ... سوق
    مدينة وانلاوين"); but when the sentence also names the governorate the reference town lies in
    ("حي ... غربي مدينة الرمادي، مركز محافظة الأنبار"), the incident is near that town (precision 2).
    """
    inside = [p for p in places if m.start <= p.start < m.end and p.feature != "country"]
    own = [p for p in inside if (p.start, p.end) not in refs]
    pos = m.live[0].start if m.live else m.start
    # "والاعتداء هو الأكثر دموية منذ الهجوم الانتحاري الذي أوقع 31 قتيلا ببغداد في 16 يناير": a place
    # between words of violence an old date marks as the past and that date is where the past incident
    # was (a mention with live words keeps none of them; one without keeps them all)
    own = [p for p in own if not _in_past_clause(m, p)] or (own if not m.live else [])
    if text:
        # "دشنت الولايات المتحدة سفارتها في القدس، بينما قتل 43 فلسطينيا ... عند قطاع غزة": a place
        # before a joining word belongs to the other clause when the incident words follow it
        joined = [j.end() for j in _JOINER.finditer(text, m.start, pos)]
        if joined:
            after = [p for p in own if p.start >= joined[-1]]
            own = after or own
    if text:
        # "لقي متظاهر مصرعه في محافظة الديوانية ... خلال تظاهرات اجتاحت محافظات الجنوب، وفي العاصمة
        # بغداد": a place after ", وفي" opens another scene; the incident keeps the place named
        # between its words and that boundary
        cut = _RESCENE.search(text, pos, m.end)
        if cut is not None:
            before = [p for p in own if pos <= p.start < cut.start()]
            if before:
                own = [p for p in own if p.start < cut.start()]
    if text and any(t.tag == "DISRUPT" for t in m.live):
        # "اعترضت صاروخا أطلق من صعدة باتجاه جازان": a weapon is stopped where it was going, not
        # where it came from
        aimed = [p for p in own if not _LAUNCHED_FROM.search(text, max(0, p.start - LAUNCH_REACH), p.start)]
        # (only where it came from: a later "كان الصاروخ باتجاه نجران" may still say where it went)
        m.extra["launched_from_only"] = bool(own) and not aimed
        own = aimed or own
    if text:
        # "اللواء السابع القادم من مدينة ترهونة": where a force or a person comes from is not where
        # the incident is
        own = [p for p in own if not _ORIGIN.search(text, max(0, p.start - 30), p.start)] or own
    if text and m.tags & CROWD_TAGS:
        # "مواجهات في مدن الضفة الغربية للاحتجاج على أحداث غزة": a town named as what a crowd protests
        # against (not "في" a town after the words) is its cause, not where it is
        own = [p for p in own if not _protest_topic(p, text)] or own
    towns = [p for p in own if p.feature != "admin1"]
    # "وتجددت المظاهرات في البصرة عند منفذ صفوان": a governorate's namesake city beside another town of
    # that governorate stands for the governorate; the other town is where it happened
    # (only when every town named is in that one governorate: elsewhere the choice is another's)
    # (not one the text calls a city: "اشتباكات … في مدينة البصرة" are in the city)
    if len({(p.country_code, p.admin1) for p in towns}) == 1:
        towns = [
            p
            for p in towns
            if not _namesake(p) or (text and _CITY_NAMED.search(text, max(0, p.start - 12), p.start))
        ] or towns
    head = _scene_town(m, towns, text, pos) if text and m.opener else None
    if head is not None:
        return head
    if towns:
        # a town after the trigger ("قتل ... في مدينة الحلة") beats one before it, nearer is better; a
        # locality the gazetteer does not hold counts as a town, so it beats the district it lies in
        best = min(towns, key=lambda p: (_town_precision(p), p.start < pos, abs(p.start - pos)))
        return _set_off_elsewhere(best, inside, refs) or best
    admins = [p for p in own if p.feature == "admin1"]
    ref_towns = [p for p in inside if (p.start, p.end) in refs and p.feature != "admin1"]
    for r in ref_towns:
        if any(a.country_code == r.country_code and a.admin1 == r.admin1 for a in admins):
            return replace(r, geo_precision=max(r.geo_precision, 2))
    if not admins:
        return None
    return min(admins, key=lambda p: (p.start < pos, abs(p.start - pos)))


REF_AFTER_GAP = 20  # characters from a place to the town it is set off ("صحراء الثرثار شمالي الرمادي")


def _set_off_elsewhere(p: Place, inside: list[Place], refs: frozenset[tuple[int, int]]) -> Place | None:
    """The town a place is set off right after it ("في صحراء الثرثار شمالي الرمادي"), when the gazetteer
    puts the place in another province than that town: the text says where it is, so the incident is
    near the town (precision 2), not at a namesake or the far end of a desert in another province.
    Not a capital."""
    for r in inside:
        if (
            (r.start, r.end) in refs
            and r.feature != "admin1"
            and 0 <= r.start - p.end <= REF_AFTER_GAP
            and r.country_code == p.country_code
            and r.admin1
            and p.admin1
            and r.admin1 != p.admin1
            # (a capital is the far point the whole country is told from: "مأرب شرق صنعاء", and the
            # countryside around one that is an admin-1 of its own is another: "الغوطة الشرقية لدمشق")
            and (r.country_code, r.name) not in _capitals()
        ):
            return replace(r, geo_precision=max(r.geo_precision, 2))
    return None


def _in_past_clause(m: Mention, p: Place) -> bool:
    """Whether `p` stands between words of violence an old date marks as the past and that date."""
    spans = m.extra.get("past_spans")
    return isinstance(spans, list) and any(lo <= p.start < hi for lo, hi in spans)


def _town_precision(p: Place) -> int:
    """How precisely a town places an incident: a locality (`localities.py`) is as precise as a town,
    though it borrows the point of the place it lies in."""
    return 1 if p.feature == "locality" else p.geo_precision


def _namesake(p: Place) -> bool:
    """A town that bears its governorate's name (Basrah in Basrah, Al Hudaydah in Al Hudaydah)."""

    def key(name: str) -> str:
        return "".join(ch for ch in name.lower() if ch.isalpha())

    return p.feature == "populated_place" and bool(p.admin1) and key(p.name) == key(p.admin1 or "")


def _scene_town(m: Mention, towns: list[Place], text: str, pos: int) -> Place | None:
    """The town a sentence opens on ("وفي بيروت، نفذ عشرات الناشطين وقفة احتجاجية ... تضامنا مع
    طرابلس"): it sets the scene for the whole sentence, so a town named later in another province
    is what the incident is about or towards, not where it is. A later place in the same province
    (a district of the town) is more precise and stays the choice of `place_of`."""
    comma = next((i for i in range(m.start, pos) if text[i] in "،,"), -1)
    if comma < 0:
        return None  # "وفي حادث آخر قتل ...": no scene is set
    head = [p for p in towns if p.start < comma]
    if len(head) != 1:
        return None
    town = head[0]
    later = [p for p in towns if p.start > comma]
    if any(p.country_code == town.country_code and p.admin1 == town.admin1 for p in later):
        return None
    return town


def _references_in(
    mentions: list[Mention], places: list[Place], refs: frozenset[tuple[int, int]]
) -> list[Place]:
    """Places the mentions name only as a reference point ("جنوبي دمشق"), countries aside."""
    return [
        p
        for p in places
        if (p.start, p.end) in refs
        and p.feature != "country"
        and any(m.start <= p.start < m.end for m in mentions)
    ]


def _rank(p: Place) -> int:
    return 0 if p.feature not in ("admin1", "country") else 1


# the kinds of a lead that sums up a period (an old year blocks it as background: "خلال العام 2020")
PERIOD_TOLLS = frozenset({"aggregate", "cumulative", "background"})
# the period a monitor's toll sums up ("خلال شهر نوفمبر", "تقريره السنوي": frames.tsv)
_PERIOD_TOLL = frame("PERIOD_TOLL")


def _sums_up(m: Mention, text: str) -> bool:
    """A mention ruled out as an anniversary, or as a toll over a period it names ("خلال شهر نوفمبر")."""
    kinds = {m.blocked_sentence} if m.blocked_sentence else {t.blocked for t in m.triggers if t.blocked}
    return "anniversary" in kinds or (
        bool(kinds & PERIOD_TOLLS) and _PERIOD_TOLL.search(text, m.start, m.end) is not None
    )


def _joins_family(inc: Incident, fam: str, m: Mention, apart: bool) -> bool:
    """Whether a thin sentence of family `fam` may be a detail of an incident: of its own family, or
    the dead of the fighting for a place the forces retook ("استعادت قوات الجيش تلة لوزم" … "لقي 30
    عنصرا مصرعهم خلال المعارك"), a Battles event for ACLED."""
    # (not civilians: those dead "في العمليات العسكرية" are mostly the campaign's total)
    # (fighters of either side: the group's men are "attackers" here)
    dead = [c for c in m.casualties if c.role == "killed" and not c.vague]
    inc_family = family(inc.tags)
    return inc_family == fam or (
        not apart  # (fighting in another town is a battle of its own)
        and inc_family == "sd"
        and "RETAKE" in inc.tags
        # (with the air support or artillery told beside the fighting, "كما دمرت مروحيات الأباتشي …", or
        # the retaking told again, "قتل 30 حوثيا بعد معارك عنيفة أثناء استعادة المنطقة")
        and m.tags <= RETAKING_DETAIL_TAGS
        and bool(dead)
        and not any(c.victim is not None and c.victim.entry.kind in ("victim", "crowd") for c in dead)
    )


# what the details of a retaking tell: the fighting, its dead, the air support and artillery, the
# attackers' car bombs and suicide bombers ("قتلت القوات 35 من عناصر داعش بينهم أربعة انتحاريين")
RETAKING_DETAIL_TAGS = frozenset(
    {"KILL", "CLASH", "FIRE", "AIR", "SHELL", "TAKE", "RETAKE", "SUICIDE", "IED"}
)


def _apart(place: Place | None, p: Place | None) -> bool:
    """A sentence's own town `p` may not be where an incident with no place of its own is (one with a
    place is weighed by governorate, as any detail is)."""
    return p is not None and not broad(p) and place is None


def _same_place(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    if a.country_code != b.country_code:
        return False
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False
    if broad(a) or broad(b):
        return True
    if a.feature == "locality" and b.feature == "locality":
        return a.name == b.name  # two villages of one district (`localities.py`) are two places
    return a.name == b.name or (a.admin2 is not None and a.admin2 == b.admin2)


def broad(p: Place) -> bool:
    """A governorate, a country or a named region (الهلال النفطي): it holds the towns of its admin-1."""
    return p.feature in ("admin1", "country") or (p.feature == "admin2" and p.admin2 is None)


def _same_admin1(a: Place | None, b: Place | None) -> bool:
    if a is None or b is None:
        return True
    return a.country_code == b.country_code and (not a.admin1 or not b.admin1 or a.admin1 == b.admin1)


def standalone(m: Mention) -> bool:
    """Evidence enough for a second incident in the same report (not just context or background)."""
    live = [t for t in m.live if not t.generic]
    if {t.tag for t in live} & {"TAKE", "RETAKE", "AGREE", "HANDOVER"} and any(
        a.entry.kind in ("armed", "external", "state") for a in m.actors
    ):
        return True  # forces entering a town, a truce, a town handed over: a development of its own with its party named
    strong = any(t.strong for t in live)
    figures = gives_toll(m)
    armed = _armed(m)
    # "وفي مدينة ود مدني، خرج مئات المتظاهرين في موكب": a crowd of its own, in a sentence that opens
    # on its own place, is a protest of its own
    crowd = (
        strong
        and family({t.tag for t in live}) == "crowd"
        and (
            m.opener
            # "كما خرج الآلاف في مدينة ود مدني": with "كما", a march or a crowd's size, not a bare
            # "المحتجين" ("كما دعا الصدر ... إلى تلبية مطالب المحتجين")
            or (
                m.also
                and (
                    bool(m.extra.get("crowd_size"))
                    or any(t.tag == "PROTEST" and t.strong and t.last > t.first for t in live)
                )
            )
        )
    )
    # "وفي سياق متصل، اعتقلت قوات الاحتلال سبعة شبان": arrests of a count of people by forces or an
    # armed group, in a sentence that starts a new report, are an event of their own
    tags = {t.tag for t in live}
    arrests = (
        "ARREST" in tags
        and tags <= SD_TAGS
        and (m.new_marker or m.opener or m.also)
        and any(c.role == "arrested" for c in m.casualties)
        and (armed or (bool(m.extra.get("suspects")) and any(a.entry.kind == "state" for a in m.actors)))
    )
    # "قتلت عائلة من ثلاثة أشخاص السبت إثر قصف النظام": a precise toll of a weapon's strike
    struck = figures and bool(tags & WEAPON_TAGS)
    # "وفي السياق، واصل الجيش تقدمه في معاركه ضد الحوثيين بمديرية حيران": a front of its own, told
    # with both sides named in a sentence that starts a new item; so is a raid ("كما استهدفت قوات
    # التحالف مواقع الحوثيين في منطقة …")
    front = (_front(m) or _raid(m)) and (m.opener or m.also or m.new_marker)
    # "وفي محافظة صلاح الدين، عثرت قوة من الحشد الشعبي على مخبأ للأسلحة": weapons seized, defused or
    # stopped by forces the sentence names, in a sentence that starts a new item, are an event of their
    # own (the weapons named are what was stopped)
    stopped = (
        any(t.tag == "DISRUPT" and t.strong for t in live)
        and tags - {"DISRUPT"} <= INTERCEPTED | {"SUICIDE", "ARREST"}
        and (m.new_marker or m.opener or m.also)
        # (a sentence that opens on its own place needs no force named: "وفي مصراتة، أبطل فريق من
        # الهندسة العسكرية عبوة ناسفة")
        and (m.opener or any(a.entry.kind in ("state", "external", "armed") for a in m.actors))
    )
    return (
        (strong and (figures or armed))
        or (figures and armed)
        or struck
        or crowd
        or arrests
        or front
        or stopped
    )


def _front_of_its_own(m: Mention, p: Place | None, text: str) -> bool:
    """A front of a round-up with both sides named, placed on a front ("وتتواصل المواجهات بين الجيش
    والحوثيين على جبهة قانية") or in a district or town that is not a governorate's seat ("ويدور قتال
    بين الجيش والحوثيين في مديرية حرض"): in a governorate no incident of the report is in, a battle of
    its own. A seat or a capital named beside fighting is mostly the war's stake or its background
    ("معركة تحرير مدينة الحديدة", "حتى وصلت الحرب إلى العاصمة دمشق")."""
    if p is None or not _front(m):
        return False
    if _FRONT_OF.search(text, max(0, p.start - TYPE_WORD_CHARS), p.start):
        return True
    return not broad(p) and not _namesake(p) and (p.country_code, p.name) not in _capitals()


@cache
def _capitals() -> frozenset[tuple[str, str]]:
    """(ISO2, name) of every country's capital (capitals.tsv)."""
    return frozenset((cc, name) for cc, name, _ in load_capitals())


_FRONT_OF = frame("FRONT_OF")


def _front(m: Mention) -> bool:
    """Fighting told with both its sides named, the state's forces and an armed group ("اشتباكات بين
    قوات الجيش ومسلحي داعش")."""
    return (
        "CLASH" in {t.tag for t in m.live if not t.generic}
        and any(a.entry.kind == "armed" for a in m.actors)
        and any(a.entry.kind == "state" for a in m.actors)
    )


def _takes_towns(m: Mention) -> bool:
    """Towns taken, retaken or handed over ("سيطرت القوات على بلدتي مورك وصوران"): each town is a place
    that changed hands, an event of its own even when a dual word names them together."""
    return bool({t.tag for t in m.live if not t.generic} & {"TAKE", "RETAKE", "HANDOVER"})


def _raid(m: Mention) -> bool:
    """An attack told with both its sides named: forces, the state's or foreign, on an armed group
    ("استهدفت قوات التحالف مواقع تمركز الحوثيين"), the forces the attackers (not the ones who tell it,
    "أعلن التحالف إسقاط طائرة حاولت استهداف ...") and the group the target (not the one who accuses)."""
    return (
        "ATTACK" in {t.tag for t in m.live if not t.generic}
        and any(a.entry.kind in ("state", "external") and not a.target and not a.speaker for a in m.actors)
        and any(a.entry.kind == "armed" and a.target for a in m.actors)
    )


# the weapon words an interception names as what it stopped ("صاروخ", "طائرة مسيرة مفخخة")
INTERCEPTED = frozenset({"SHELL", "AIR", "IED"})


def _violence_of_its_own(m: Mention) -> bool:
    """A strong word of violence with a toll or an armed group (not a town taken or a truce alone:
    "لاستعادة السيطرة على …" is mostly an aim)."""
    live = [t for t in m.live if not t.generic and t.tag not in ("TAKE", "RETAKE", "AGREE")]
    figures = gives_toll(m)
    armed = _armed(m)
    return any(t.strong for t in live) and (figures or armed)


def _fight_of_its_own(m: Mention, p: Place | None) -> bool:
    """Fighting told with its own town or governorate and its own dead (a second hideout raided, "تبادل
    إطلاق النار معهم مما أسفر عن مقتل أربعة", in a flat in Asyut): history a few sentences back ("سافر
    للخارج خلال عام 2017") does not make it part of that history; only a past date in it or right
    before it does."""
    return (
        p is not None
        and p.feature != "country"
        and gives_toll(m)
        and any(t.strong and t.tag in ("CLASH", "AMBUSH") for t in m.live if not t.generic)
    )


def _arrests_of_their_own(m: Mention, incidents: list[Incident]) -> bool:
    """An arrest of a counted group ("وألقت قوات الأمن القبض على 30 مشتبها بهم") told after a battle or an
    attack by an armed group, with no arrests told yet: a development of its own (ACLED codes the
    arrests apart from the clash). Not after violence with no armed group: the suspects of a nightclub
    shooting are a crime's."""
    return (
        m.tags == {"ARREST"}
        and not m.extra.get("past_near")
        and any(c.role == "arrested" and not c.vague and c.value >= 2 for c in m.casualties)
        and not any(family(inc.tags) == "sd" for inc in incidents)
        and any(_armed(mm) for inc in incidents for mm in inc.mentions)
    )


def _aimed_at(last: Incident, m: Mention, p: Place, text: str, gap: int) -> bool:
    """Where an intercepted weapon was going, told right after an interception placed only where it
    was launched from, or nowhere ("اعتراض صاروخ باليستي من داخل الأراضي اليمنية (صعدة)" … "الصاروخ
    كان باتجاه نجران"): the interception is placed where the weapon was aimed, as ACLED places it."""
    return (
        gap <= 1
        and "DISRUPT" in last.tags
        and (last.place is None or bool(last.mentions[-1].extra.get("launched_from_only")))
        and bool(m.tags & REMOTE_TAGS)
        and not m.blocked_sentence
        and not gives_toll(m)
        and _HEADED_TO.search(text, max(0, p.start - HEADED_REACH), p.start) is not None
    )


def _interception(m: Mention) -> bool:
    """Missiles or drones stopped, told outright ("جرى اعتراض ثلاث طائرات مسيرة أطلقت باتجاه مدينة أبها"):
    aimed at a governorate no incident of the report is in, an event of its own (ACLED codes one per
    place aimed at)."""
    return _stops_weapons(m) and any(t.tag == "DISRUPT" and t.strong for t in m.live)


def _stops_weapons(m: Mention, text: str = "") -> bool:
    """A sentence of interception whose other words of violence only name what was stopped, and what
    it tried to hit: an attack word after the interception and a word of attempt ("وتدمير أخرى حاولت
    مهاجمة إحدى الأعيان المدنية في جازان") tells the stopped weapon's target, not an attack."""
    stops = [t.start for t in m.live if t.tag == "DISRUPT"]
    if not stops:
        return False
    others = {
        t.tag
        for t in m.live
        if t.tag != "DISRUPT"
        and not (
            t.tag == "ATTACK"
            and t.start > min(stops)
            and text
            and _TRIED_TO.search(text, max(0, t.start - TRIED_REACH), t.start) is not None
        )
    }
    return others <= INTERCEPTED


_TRIED_TO = frame("TRIED_TO")
TRIED_REACH = 12  # characters before an attack word searched for the word of attempt


def _strike_in_a_town_of_its_own(m: Mention, p: Place | None, incidents: list[Incident]) -> bool:
    """Strikes with their own dead on a town of their own, beside a battle told without strikes
    ("وتزامنت المعارك مع غارات شنتها طائرات روسية على بلدة كفرزيتا المجاورة، ما أدى إلى مقتل 4
    مدنيين"): another weapon, another place, another event for ACLED, even in the same governorate."""
    if p is None or broad(p) or not gives_toll(m) or not incidents or not _strike_kinds(m):
        return False
    last = incidents[-1]
    lead = last.mentions[0]
    return (
        last.place is not None
        and not broad(last.place)
        and last.place.name != p.name
        and bool(lead.tags & GROUND_TAGS)
        and not _strike_kinds(lead)
    )


# what a sentence may say of one more target of a report's strikes: hit, shelled, a blast there
_TARGET_WORDS = frozenset({"ATTACK", "SHELL", "AIR", "IED"})


def _further_target(m: Mention, p: Place | None, incidents: list[Incident], text: str) -> bool:
    """One more target of the air strikes the report leads with, at a town or site of its own in the
    lead's governorate and no other weapon or side named ("كما أفادت المصادر باستهداف مطار … العسكري",
    "ووقوع انفجارين في منطقة …" after "غارات إسرائيلية على مواقع في ريف دمشق"): ACLED codes one strike
    event per place struck, on the lead's day."""
    if p is None or broad(p) or not incidents or m.dates or m.extra.get("past_near") or m.blocked_sentence:
        return False
    if not (m.also or (text and _ALSO_TOLD.search(text, m.start, m.end))):
        return False  # "استهدفت الغارة موقعا في بلدة الهري": the lead's strike at its own town, told again
    live = [t for t in m.live if not t.generic]
    if not live or not {t.tag for t in live} <= _TARGET_WORDS:
        return False
    if any(t.tag == "IED" and not t.blast for t in live):
        return False  # a bomb is a weapon of its own, not the strike's blast
    if any(t.tag == "AIR" and t.strong for t in live):
        return False  # a strike told in full ("غارة على بلدة …") stands or joins by the other rules
    if any(a.subject or a.entry.kind in ("unidentified", "crowd", "rioters") for a in m.actors):
        return False  # someone of its own does it
    lead = incidents[0]
    first = lead.mentions[0]
    return (
        "AIR" in first.tags
        and any(t.tag == "AIR" and t.strong for mm in lead.mentions for t in mm.live)
        and lead.place is not None
        # (in the lead's governorate: strikes told in another are mostly another campaign's, the Turkish
        # jets over Afrin in a report on Eastern Ghouta)
        and _same_admin1(lead.place, p)
        and not any(_same_place(inc.place, p) and inc.place is not None for inc in incidents)
    )


def _another_development(inc: Incident, m: Mention) -> bool:
    """A development of another kind told as a new item ("وفي مصراتة، أبطل فريق من الهندسة عبوة ناسفة"
    after arrests in Tripoli): weapons stopped, arrests and deals are distinct ACLED events, not one
    incident's details."""
    if not (m.opener or m.also or m.new_marker):
        return False
    # (places taken and retaken are battles, whatever else their sentences tell)
    kinds = SD_TAGS - {"TAKE", "RETAKE"}
    return bool(m.tags) and m.tags <= kinds and bool(inc.tags) and inc.tags <= kinds and not m.tags & inc.tags


def _strike_kinds(m: Mention) -> set[str]:
    """The kinds of strike a sentence tells in strong words: air strikes, shelling."""
    return {t.tag for t in m.live if t.strong and t.tag in REMOTE_TAGS}


def _crowd_beside_its_violence(
    m: Mention, d: DateMention | None, p: Place | None, incidents: list[Incident]
) -> bool:
    """A protest told with its size or its day where an incident of killing or clashes with no armed
    group was told ("قتل تسعة شبان في مواجهات مع الجيش قرب السياج" … "وخرج آلاف
    الشبان في مسيرات قرب السياج"): the protest the force met, an incident of its own for
    `_crowd_clashes` to gather the killing into."""
    # (the force the crowd met is named: police or an army, not a gunman at a school)
    return _crowd_of_its_own(m, d) and any(
        _force_a_crowd_may_meet(inc)
        and _same_place(inc.place, p)
        and any(a.entry.kind in ("state", "external") for mm in inc.mentions for a in mm.actors)
        for inc in incidents
    )


def _shot_at_the_crowd(inc: Incident, m: Mention, gap: int) -> bool:
    """A sentence right after a protest met with force that tells only its killing, shooting or
    wounding, with no armed group in it ("قتل شاب برصاصة في الصدر شرق رفح", "94 أصيبوا ... بالرصاص
    الحي"): the protest's details, its dead and wounded."""
    return (
        gap <= CROWD_DETAILS_GAP
        and family(inc.tags) == "crowd"
        and bool(inc.tags & CROWD_VIOLENCE)
        and bool(m.tags)
        and m.tags <= SHOT_DEAD
        and not any(a.entry.kind in ("armed", "unidentified") for a in m.actors)
    )


CROWD_DETAILS_GAP = 2  # sentences after the protest's last one its details may stand
SHOT_DEAD = frozenset({"KILL", "FIRE"})  # what a details sentence of a protest met with force tells


def _force_a_crowd_may_meet(inc: Incident) -> bool:
    """Killing, gunfire or clashes told with no armed group beside them: the force a protest of the
    same place and day met (`_crowd_clashes`)."""
    return (
        family(inc.tags) == "violence"
        and inc.tags <= CROWD_VIOLENCE
        and not any(a.entry.kind in ("armed", "unidentified") for m in inc.mentions for a in m.actors)
    )


def _crowd_of_its_own(m: Mention, d: DateMention | None, text: str = "") -> bool:
    """A protest told with its size or its day ("وتظاهر المئات في مدينة الناصرية"), or with the building
    it gathered before ("خروج مظاهرات أمام مقر حزب الدعوة … في محافظة ميسان"; given `text`): in a
    governorate no incident of the report is in, a protest of its own (ACLED codes one per town and
    day)."""
    live = [t for t in m.live if not t.generic]
    strong = [t for t in live if t.strong and t.tag in CROWD_TAGS]
    site = bool(text) and any(_CROWD_SITE.match(text, t.end, min(m.end, t.end + SITE_REACH)) for t in strong)
    return (
        bool(strong)
        and family({t.tag for t in live}) == "crowd"
        and (bool(m.extra.get("crowd_size")) or d is not None or site)
    )


def _aims(m: Mention, places: list[Place], refs: frozenset[tuple[int, int]], text: str) -> list[Place]:
    """The distinct towns a sentence of intercepted missiles or drones names after its words of
    interception, where they were going (not where they were launched from); one town or none
    leaves the sentence to `place_of`."""
    # the intercepted weapon's own words ("صواريخ أطلقتها الجماعة باتجاه ...") are part of it
    # (a drone "مسيرة مفخخة" is an IED word too)
    if not text or not _stops_weapons(m, text):
        return []
    pos = m.live[0].start
    towns: list[Place] = []
    for p in places:
        if not (pos <= p.start < m.end) or p.feature == "country" or (p.start, p.end) in refs:
            continue
        if _LAUNCHED_FROM.search(text, max(0, p.start - LAUNCH_REACH), p.start):
            continue
        if not any(q.name == p.name for q in towns):
            towns.append(p)
    # a town named with its governorate ("في منطقة الكسوة بريف دمشق") is one aim, not two
    towns = [
        p
        for p in towns
        if not (
            p.feature == "admin1"
            and any(q is not p and q.country_code == p.country_code and q.admin1 == p.admin1 for q in towns)
        )
    ]
    countries = {p.country_code for p in towns}
    return towns if len(towns) > 1 and len(countries) == 1 else []


# what may stand between two towns of one list ("، ومدينة"), "بين" before a list (a stretch between
# two towns) and a dual before it ("في مديريتي الجراحي والتحيتا": one front): frames.tsv
_LIST_GAP = frame("LIST_GAP")
_HEADED_TO = frame("HEADED_TO")
HEADED_REACH = 24  # characters before a town searched for the words of where a weapon was heading
_CROWD_SITE = frame("CROWD_SITE")
SITE_REACH = 24  # characters after a protest word its building may be named in
_SENTENCE_END = re.compile(r"[.!؟?\n]")
_BETWEEN = frame("BETWEEN")
_NEAR_LANDMARK = frame("NEAR_LANDMARK")
_DUAL = frame("DUAL")
_THE_PLACE = frame("THE_PLACE")


def _listed_towns(
    m: Mention, places: list[Place], refs: frozenset[tuple[int, int]], text: str
) -> list[Place]:
    """Towns of one country the sentence lists after its incident words, joined by "و" or commas
    ("في زبيد وبيت الفقيه ومركز محافظة الحديدة"); fewer than two leave the sentence to `place_of`.
    A crowd's list is one protest a town ("خرج آلاف المتظاهرين في بغداد والبصرة والنجف", "في مدينتي
    البصرة والعمارة"): ACLED codes one event per location."""
    if not text or not m.live:
        return []
    crowd = family(m.tags) == "crowd"
    pos = m.live[0].start
    inside = [
        p
        for p in places
        if pos <= p.start < m.end and p.feature not in ("country", "admin1") and (p.start, p.end) not in refs
    ]
    chain: list[Place] = []
    for p in inside:
        if chain and _LIST_GAP.match(text[chain[-1].end : p.start]):
            chain.append(p)
        elif len(chain) < 2:
            chain = [p]
    # "على الخط الرابط بين مديريتي التحيتا وزبيد" (a stretch between two towns), "في مديريتي الجراحي
    # والتحيتا" (two districts named as one front; strikes on "مدينتي خان يونس ورفح" hit two sites, and
    # so does a raid on "منطقتي بني معاذ والمهاذر")
    if chain and (
        _BETWEEN.search(text, max(0, chain[0].start - 24), chain[0].start)
        or (
            _DUAL.search(text, max(0, chain[0].start - 16), chain[0].start)
            and not (_own_strike(m) or _raid(m) or _takes_towns(m) or crowd)
        )
    ):
        return []
    if len(chain) < 2 and _own_strike(m):
        # strikes on areas of two districts, each named with its district ("في منطقة العرج بمديرية
        # باجل، ومنطقة الجبانة في مديرية الحالي"): one event per district, however far apart
        # (the strikes' own clause: "…، فيما نفذ الانقلابيون حملة اختطاف لأبناء مدينة زبيد" is another incident)
        joiner = _JOINER.search(text, pos, m.end)
        end = joiner.start() if joiner else m.end
        chain = [p for p in inside if p.start < end and _typed(p, text, _site_word())]
    names = {p.name for p in chain}
    countries = {p.country_code for p in chain}
    return chain if len(names) == len(chain) > 1 and len(countries) == 1 else []


def month_end(first: date) -> date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _in_a_month_gone(m: Mention, anchor: date | None) -> bool:
    """The sentence is dated only by months that ended weeks before the report ("الهجوم بشاحنة مفخخة
    ... في أكتوبر الماضي، وأسفر عن مقتل أكثر من 500 شخص", in March): an older incident retold, whose
    toll is no detail of this week's."""
    if anchor is None or not m.dates or any(d.precision == "day" for d in m.dates):
        return False
    return months_long_gone([d for d in m.dates if d.precision == "month"], anchor)


def months_long_gone(months: list[DateMention], anchor: date) -> bool:
    """Every one of `months` (at least one) ended more than MONTH_GONE_DAYS before `anchor`."""
    return bool(months) and all((anchor - month_end(d.value)).days > MONTH_GONE_DAYS for d in months)


def _elsewhere(p: Place | None, incidents: list[Incident]) -> bool:
    """A town or district in a governorate no incident of the report is in: a round-up of fronts
    ("… بجبهة صرواح بمحافظة مأرب") tells one incident per governorate, on the report's day."""
    if p is None or p.feature == "country" or not p.admin1:
        return False
    return all(
        inc.place is not None and inc.place.admin1 and not _same_admin1(inc.place, p) for inc in incidents
    )


def _opens_report(m: Mention) -> bool:
    """A sentence that opens on its own place ("وفي مدينة …") or on "كما" ("كما أغارت مسيرة على منزل في
    بلدة …") may tell an incident of its own (`standalone` decides whether it does)."""
    return m.opener or m.also


def group(
    mentions: list[Mention],
    places: list[Place],
    anchor: date | None,
    accident_doc: bool,
    refs: frozenset[tuple[int, int]] = frozenset(),
    first_body: int | None = None,
    text: str = "",
) -> list[Incident]:
    mentions = _whole_unless_placed_apart(mentions, places, refs, text)
    incidents: list[Incident] = []
    # the lead is counted from the report's first body sentence (teasers of other stories
    # appended at the end must not become the main incident of a report about something else)
    body = [m.sent for m in mentions]
    first_sent = first_body if first_body is not None else (min(body) if body else 0)
    last: Incident | None = None  # the incident the previous kept mention went to
    last_sent = -10
    # a report whose lead is a toll over a period ("قتل 1143 شخصا خلال شهر نوفمبر الماضي") tells
    # its details as parts of that toll: only a sentence with a day of its own tells an incident
    # (so does one whose lead is an anniversary: "في الذكرى الثالثة للهجوم الدامي الذي استهدف السوق")
    tally = any(m.sent == first_sent and not m.live and _sums_up(m, text) for m in mentions)
    # (sentence, place) of the last strike or missile told at a place and on a day of its own and
    # left out as too thin for an incident: where an interception told right after it took place
    untold: tuple[int, Place] | None = None
    for m in mentions:
        if tally and m.sent > first_sent and not m.new_marker and sentence_has_date_near(m, anchor) is None:
            continue
        p = place_of(m, places, refs, text)
        if p is not None:
            p = _in_named_country(p, m, places, text)
        elif untold is not None and 0 < m.sent - untold[0] <= 1 and _interception(m):
            # "وأعلن التحالف أن الصاروخ … استهدف مناطق مدنية في منطقة نجران" … "وقد تمكنت الدفاعات
            # الجوية من اعتراض الصاروخ": the missile was stopped where it was aimed, not where the
            # report's air strikes were
            p = untold[1]
        m.extra["place"] = p  # its own place, for `_split_air_and_ground`
        happened = eventful(m, accident_doc)
        gone = _in_a_month_gone(m, anchor)
        aims = _aims(m, places, refs, text) if happened else []
        if len(aims) > 1:
            # "اعتراض ثلاثة صواريخ أطلقت باتجاه الرياض ونجران وجازان": one event per city aimed at
            for aim in aims:
                incidents.append(Incident(mentions=[m], place=aim, day=sentence_has_date_near(m, anchor)))
            last, last_sent = incidents[-1], m.sent
            continue
        # a strong word alone needs a place; one named as a reference point ("هزت ... جنوبي دمشق")
        # places it too, near that town
        ok = happened and not (
            m.extra.get("needs_place")
            and p is None
            and not _references_in([m], places, refs)
            # the lead may set its incident in a part of a country ("في شمال اليمن")
            and not (
                m.sent <= first_sent + 1 and family(m.tags) != "sd" and _part_of_country(m, places, text)
            )
            # a protest in the lead needs no town: "في الكويت" will do; nor one anywhere that a
            # country is said to see ("وشهد الأردن احتجاجات واسعة")
            and not (
                family(m.tags) == "crowd"
                and (m.sent <= first_sent + 1 or witnessed(m, places, text))
                and named_countries(m, places, text)
            )
            # two kinds of violence told together in a country the sentence names ("انفجرت خمس قذائف
            # هاون في الصومال"): no talk names both, the country will do
            and not (
                family(m.tags) == "violence"
                and len(m.tags & VIOLENCE_TAGS) >= 2
                and named_countries(m, places, text)
            )
            # an arrest the report opens with, by a country's authorities ("اعتقلت السلطات السعودية
            # ناشطا"): the country is where it happened
            and not (
                "ARREST" in m.tags
                and family(m.tags) == "sd"
                and m.sent <= first_sent + 1
                and _country_in(m, places)
            )
        )
        if last is not None and p is not None and _aimed_at(last, m, p, text, m.sent - last_sent):
            last.mentions.append(m)
            last.place, last_sent = p, m.sent
            continue
        if not ok:
            # a details sentence right after an incident (figures, the attackers' fate, the day it
            # took place on: "وذكر البيان أن الهجوم وقع فجر الخميس"; nobody hurt: "دون أن ينتج عن
            # ذلك أية إصابات") belongs to it
            if (
                last is not None
                and (m.casualties or m.extra.get("took") is not None or m.extra.get("unhurt"))
                and not m.blocked_sentence
                and not _told_before(m)
                and not gone
                and m.sent - last_sent <= DETAIL_GAP
                and _same_place(last.place, p)
            ):
                last.mentions.append(m)
                if not m.extra.get("wounded_detail"):
                    # (a sentence of wounded alone is no bridge: what comes after it is measured
                    # from the incident's own sentences)
                    last_sent = m.sent
            elif (
                last is not None
                and last.place is None
                and p is not None
                and _HEADED_TO.search(text, max(0, p.start - HEADED_REACH), p.start)
                and m.sent - last_sent <= 1
                and not m.blocked_sentence
                and m.tags & REMOTE_TAGS
                and family(m.tags) == family(last.tags)
            ):
                # the place a launch with none of its own was aimed at, told right after it ("أطلقته
                # الميليشيات من صعدة" … "كان الصاروخ يتجه نحو مدينة جازان"): where the attack was
                last.mentions.append(m)
                last.place, last_sent = p, m.sent
            continue
        fam = family(m.tags)
        d = sentence_has_date_near(m, anchor)
        target: Incident | None = None
        fresh = (
            m.new_marker and last is not None and (m.sent - last_sent <= 1 or bool(m.extra.get("separate")))
        )
        # one of several places with their own tolls, or a protest in a town of its own; a crowd
        # clause whose town the gazetteer does not know is told with the protest before it
        split = bool(m.extra.get("split")) and not (m.extra.get("split") in ("crowd", "clause") and p is None)
        if split and p is None and last is not None and last.place is not None and m.sent == last_sent:
            p = replace(last.place, geo_precision=max(last.place.geo_precision, 2))  # "البلدة المجاورة"
        # "وفي الوقت نفسه، هاجمت مجموعة أخرى مركزا للشرطة … فقتلت خمسة": another incident with its own
        # dead, where the last one was unless it names a town of its own ("جنوب كركوك")
        # (so does an aside with its own dead: "ومن جهة أخرى، قتل 5 مدنيين في قصف على قرية …")
        aside = bool(m.extra.get("aside")) and bool(_dead(m)) and last is not None
        another = (fresh and bool(m.extra.get("another")) and bool(_dead(m))) or aside
        if another and p is None and last and last.place and not _references_in([m], places, refs):
            p = replace(last.place, geo_precision=max(last.place.geo_precision, 2))
        own_toll = p is not None and bool(_dead(m))
        # the towns a sentence with no place of its own is placed off ("شرق بلدة خزاعة")
        off = _off_towns(m, places, refs, text) if p is None else []
        apart = False  # a toll of its own on another day than an incident with its own toll
        if not fresh and not split and not aside:
            # "… في المنطقة، ما أدى إلى مقتل قائد": a place named again by its kind alone is the one the
            # sentence before named: that sentence's incident first, not the last one opened
            ordered: Iterable[Incident] = reversed(incidents)
            if (
                p is None
                and last is not None
                and m.sent - last_sent <= 1
                and _THE_PLACE.search(text, m.start, m.end)
            ):
                ordered = [last] + [inc for inc in reversed(incidents) if inc is not last]
            for inc in ordered:
                if gone and not any(_in_a_month_gone(mm, anchor) for mm in inc.mentions):
                    continue  # an incident of a month long gone is no detail of this week's
                if family(inc.tags) != fam and not (
                    inc is last and _shot_at_the_crowd(inc, m, m.sent - last_sent)
                ):
                    continue
                if inc.umbrella and own_toll:
                    continue  # a place's own toll is not the total over several governorates
                if _another_development(inc, m):
                    continue
                if not _same_place(inc.place, p):
                    continue
                if off and inc.place is not None and not broad(inc.place):
                    if not any(_same_place(inc.place, q) for q in off) and not (
                        inc is last and m.sent - last_sent <= 1 and _retells_toll(inc, m)
                    ):
                        continue  # placed only off another town: another incident (not its toll retold)
                if (
                    inc.day is not None
                    and d is not None
                    and abs((inc.day.value - d.value).days) > 1
                    and not (_spoken_after(inc.day, d, inc.mentions) and _retold_next(inc, m))
                ):
                    continue
                if p is not None and _next_day_of_its_own(inc, m, d):
                    continue  # (a sentence with no place of its own is a detail of the incident before)
                if _tolls_on_two_days(inc, m, d) or _other_weapons_toll(inc, m):
                    apart = True
                    continue
                if _other_kind_days_before(m, inc, d, anchor) or _recalled_apart(inc, m, d, text):
                    continue
                target = inc
                break
        if target is None and all(t.anaphoric for t in m.live if not t.generic):
            continue  # "this attack" refers to something told before (maybe history): no new incident
        if target is None:
            # The main incident is told in the lead; one first met deep in the report, or any
            # further one, must stand on its own (figures or a group, and its own day or place).
            lead = not incidents and m.sent <= first_sent + LEAD_SENTENCES
            further = not lead and _further_target(m, p, incidents, text)
            next_day = p is not None and any(
                _next_day_of_its_own(inc, m, d) and _same_place(inc.place, p) for inc in incidents
            )
            if (
                not lead
                and not split
                and not apart
                and not further
                and not next_day
                and not (standalone(m) and (d is not None or m.new_marker or (_opens_report(m) and p)))
                and not another
                and not _strike_in_a_town_of_its_own(m, p, incidents)
                and not _arrests_of_their_own(m, incidents)
                and not _crowd_beside_its_violence(m, d, p, incidents)
                and not (
                    (
                        _violence_of_its_own(m)
                        or _crowd_of_its_own(m, d, text)
                        or _interception(m)
                        or _front_of_its_own(m, p, text)
                    )
                    and _elsewhere(p, incidents)
                    and not m.extra.get("past_close" if _fight_of_its_own(m, p) else "past_near")
                )
            ):
                # too thin for an incident of its own: a detail of the last one in the same
                # governorate ("قيادة عمليات كركوك" names the city, the attack was in a district)
                near = next(
                    (
                        inc
                        for inc in reversed(incidents)
                        if _joins_family(inc, fam, m, _apart(inc.place, p))
                        and _same_admin1(inc.place, p)
                        and not _another_development(inc, m)
                        and not m.new_marker
                        and not gone
                        and not _other_kind_days_before(m, inc, d, anchor)
                    ),
                    None,
                )
                # (an earlier incident recalled on a day of its own, in a town, by an armed side, is
                # an incident of its own: `_recalled_apart`)
                recalled = (
                    near is not None and p is not None and _armed(m) and _recalled_apart(near, m, d, text)
                )
                if near is not None and not recalled:
                    near.mentions.append(m)
                    last, last_sent = near, m.sent
                    _recalendar(near, m, d, p, anchor)
                    if (
                        p is not None
                        and near.place is not None
                        and broad(near.place)
                        and _same_place(near.place, p)
                    ):
                        if _more_specific(p, near.place):
                            near.place = p  # "الهلال النفطي" … "ميناء رأس لانوف": the town inside it
                if near is None and p is not None and p.feature != "country" and m.tags & REMOTE_TAGS and d:
                    untold = (m.sent, p)  # (told with its day: not the talk of "missiles fired at times")
                if not recalled:
                    continue
            # a sentence over several governorates is a total over them ("في محافظتي إدلب وحلب"),
            # not one placed in a town of its own that names another beside it ("قتل متظاهر في
            # الديوانية … وخصوصا في بغداد")
            spread = _governorates(m, places, refs, text) if p is None or broad(p) else frozenset()
            target = Incident(umbrella=spread, campaign=further)
            incidents.append(target)
        target.mentions.append(m)
        last, last_sent = target, m.sent
        if p is not None and (target.place is None or _more_specific(p, target.place)):
            target.place = p
        if d is not None and target.day is None:
            target.day = d
        else:
            _recalendar(target, m, d, p, anchor)
    incidents = _split_towns(_split_air_and_ground(_drop_totals(_crowd_clashes(incidents))), text)
    incidents = _region_total_to_towns(incidents)
    return _split_umbrellas(_split_listed(incidents, places, refs, text), places, refs)


def _next_day_of_its_own(inc: Incident, m: Mention, d: DateMention | None) -> bool:
    """A sentence added with "كما" or opening on its own place ("كما شهدت البصرة، السبت، تظاهرة جديدة" after
    Friday's protest there), with a strong word of its own, on the day before or after the
    incident's: ACLED codes one event per day. Not a night across two days ("ليل الجمعة السبت"), nor a
    day someone spoke on."""
    if d is None or inc.day is None or abs((inc.day.value - d.value).days) != 1:
        return False
    if not (m.also or m.opener) or d.precision != "day" or inc.day.precision != "day":
        return False
    if _said_on(d, [m]) or _said_on(inc.day, inc.mentions):
        return False
    if overnight(d.text) or overnight(inc.day.text):
        return False
    return any(t.strong for t in m.live if not t.generic and not t.anaphoric)


def _tolls_on_two_days(inc: Incident, m: Mention, d: DateMention | None) -> bool:
    """A toll of its own on a day of its own, beside an incident with its own toll on another day
    ("مقتل فلسطينيين اثنين، الثلاثاء" … "وشهد الاثنين ... مواجهات دامية ... قتل فيه قرابة 60"): ACLED
    codes one event per day, so the day before is not a detail of today's incident. A toll equal or
    close to the incident's is the incident retold, its day told another way or by another source
    (a report's "أمس" and "فجر الأحد" for one attack; 39 dead "أمس الأحد" by one source, 36 "فجر
    اليوم" by another)."""
    if not (
        d is not None
        # the day someone spoke ("وقالت طالبان، الاثنين، إن الضربة قتلت 150") is not the incident's
        and not _said_on(d, [m])
        and d.precision == "day"
        and inc.day is not None
        and not _said_on(inc.day, inc.mentions)
        and inc.day.precision == "day"
        and inc.day.value != d.value
        and gives_toll(m)
    ):
        return False
    # the incident's own toll is its lowest figure (a running total beside it, "ليرتفع عدد القتلى منذ
    # الاثنين إلى 62", is higher)
    told = [c.value for mm in inc.mentions for c in _dead(mm)]
    return bool(told) and not any(_close(min(told), c.value) for c in _dead(m))


def _other_weapons_toll(inc: Incident, m: Mention) -> bool:
    """Air strikes with a toll of their own beside shelling with its own, or the reverse ("قتل 5 مدنيين
    في قصف عشوائي لميليشيات الحوثي على قرية المنظر" … "مقتل نحو 79 مسلحا في غارات للتحالف"): two
    weapons, two tolls, two events, whatever place the second names."""
    mine = _strike_kinds(m)
    if not mine or not gives_toll(m):
        return False
    theirs = set().union(*(_strike_kinds(mm) for mm in inc.mentions))
    if not theirs:
        # nor beside a campaign of abductions or arrests ("حملة خطف ومداهمات … استهدفت أبناء مديريات")
        return inc.tags <= {"ABDUCT", "ARREST", "ATTACK", "SEXUAL"} and bool(inc.tags & {"ABDUCT", "ARREST"})
    return not mine & theirs and any(gives_toll(mm) for mm in inc.mentions)


SAID_AFTER_DAYS = 6  # a statement tells of an incident of its week at most


def _retold_next(inc: Incident, m: Mention) -> bool:
    """`m` is the sentence right after the one sentence an incident has so far, or right after its
    last one with a toll it already gave ("قتل خلاله 17 جنديا" … "هاجموا الخميس قافلة للجيش … ما أسفر
    عن مقتل 17 جنديا"), and no statement of its own ("أكد مسؤول
    محلي يوم الأحد مقتل 7 مزارعين ليلة الخميس" tells another source's incident): the lead's incident
    told again with its details."""
    if any(said_day(m, d) for d in m.dates):
        return False
    if len(inc.mentions) == 1 and m.sent - inc.mentions[0].sent == 1:
        return True
    return m.sent - inc.mentions[-1].sent <= 1 and _retells_toll(inc, m)


def _retells_toll(inc: Incident, m: Mention) -> bool:
    """`m` gives a toll of two or more dead the incident already gave: the same incident told again,
    by another source or in more detail ("قتل خلاله 17 جنديا" … "ما أسفر عن مقتل 17 من عناصر الجيش")."""
    # (whichever side the figure is read for: "17 مقاتلا" and "17 من قوات النظام" are one count)
    told = {c.value for mm in inc.mentions for c in mm.casualties if c.role == "killed" and not c.vague}
    return any(c.role == "killed" and not c.vague and c.value in told and c.value >= 2 for c in m.casualties)


def _spoken_after(day: DateMention, d: DateMention, mentions: list[Mention]) -> bool:
    """The incident's day is the day a source told of it ("… وفق ما أفاد المرصد، الأحد") and `d` a day
    of the week before ("هاجموا الأربعاء رتلا"): the day it happened, not another incident
    (`resolve` then dates it so)."""
    return _said_on(day, mentions) and 0 < (day.value - d.value).days <= SAID_AFTER_DAYS


def _said_on(d: DateMention, mentions: list[Mention]) -> bool:
    """Whether `d` is the day of a statement in the one of `mentions` that holds it."""
    return any(m.start <= d.start < m.end and said_day(m, d) for m in mentions)


CLOSE_TOLLS = 0.75  # two figures this near (smaller / larger) are one toll by different sources


def _close(a: int, b: int) -> bool:
    return min(a, b) >= CLOSE_TOLLS * max(a, b)


def _dead(m: Mention) -> list[CasHit]:
    return [c for c in m.casualties if c.role == "killed" and not c.vague and not c.attacker]


CALENDAR_KINDS = frozenset({"explicit", "numeric", "hijri"})


def _dates_it_better(d: DateMention, day: DateMention, anchor: date | None) -> bool:
    """A calendar date told with the incident ("الهجوم الكيمياوي الذي استهدف في 7 أبريل سكان دوما")
    dates it better than the report's own day named by a relative word or a weekday in an earlier
    sentence, which is mostly the day of the talk about it ("ستتحدث اليوم الثلاثاء بشأن هجوم")."""
    return (
        anchor is not None
        and d.kind in CALENDAR_KINDS
        and day.kind not in CALENDAR_KINDS
        and day.value == anchor
        and d.value < anchor
    )


def _recalendar(
    inc: Incident, m: Mention, d: DateMention | None, p: Place | None, anchor: date | None
) -> None:
    """A calendar date told at the incident's own place dates it over the report's day named by
    "اليوم" or a weekday (`_dates_it_better`), when the sentences before it give no toll of their
    own: they talk about the incident ("تحدثت اليوم الثلاثاء بشأن هجوم دوما"); a lead with its own
    dead ("أعلنت حماس، الخميس، مقتل المطلوب") is the day's news, whatever earlier day it recalls."""
    if (
        d is not None
        and not any(gives_toll(mm) for mm in inc.mentions if mm is not m)
        and inc.day is not None
        and p is not None
        and (inc.place is None or p.name == inc.place.name)
        and _dates_it_better(d, inc.day, anchor)
    ):
        inc.day = inc.calendar_day = d


def _off_towns(m: Mention, places: list[Place], refs: frozenset[tuple[int, int]], text: str) -> list[Place]:
    """The towns a sentence names only as points it lies off ("قصفت المدفعية موقعا شرق بلدة خزاعة"): a
    sentence placed near another town than an incident's tells another incident."""
    if not text:
        return []
    return [
        p
        for p in _references_in([m], places, refs)
        if p.feature != "admin1" and _OFF_TOWN.search(text, max(0, p.start - 30), p.start)
    ]


# a point off a town ("شرق بلدة خزاعة", "جنوب شرقي مدينة غزة": frames.tsv)
_OFF_TOWN = frame("OFF_TOWN")


def _other_kind_days_before(m: Mention, inc: Incident, d: DateMention | None, anchor: date | None) -> bool:
    """Another kind of violence told on a day two or more days before the report and before the
    lead's own day ("وانفجرت الثلاثاء الماضي عبوة ناسفة قرب موكب ...") is not the lead's incident (a
    clash told as today's news): it neither joins nor dates it."""
    if d is None or anchor is None or (anchor - d.value).days < 2:
        return False
    if inc.day is not None and (inc.day.value - d.value).days < 2:
        return False
    own = {t.tag for t in m.live if t.strong and not t.generic and not t.anaphoric} - {"KILL"}
    # (the lead must tell its incident with a strong word itself, not only as talk of "attacks")
    told = any(t.strong and not t.generic for mm in inc.mentions for t in mm.live)
    # a bomb against a gunfight, not one weapon against another (planes that dropped the chemical
    # bombs of the lead's chemical attack are its own story)
    armed_kind = bool(own & WEAPON_TAGS) != bool(inc.tags & WEAPON_TAGS)
    return bool(own) and told and armed_kind and not own & inc.tags


def _recalled_apart(inc: Incident, m: Mention, d: DateMention | None, text: str) -> bool:
    """A sentence opening in the past ("كان مسلحون قتلوا الثلاثاء في مقديشو موظفة إغاثة", after a nurse
    abducted there on Wednesday) with a day of its own before the incident's and
    only other kinds of violence: an earlier incident, not a detail of this one (ACLED codes one
    event per day and kind). Not within a war's fronts and strikes, whose sentences in the past
    mostly retell the same offensive."""
    if not text or d is None or inc.day is None or d.precision != "day" or inc.day.precision != "day":
        return False
    if inc.tags & (WEAPON_TAGS | GROUND_TAGS):
        return False
    if d.value >= inc.day.value or _said_on(d, [m]) or not _OPENS_PAST.match(text, m.start):
        return False
    own = {t.tag for t in m.live if not t.generic and not t.anaphoric}
    return bool(own) and not own & inc.tags


_OPENS_PAST = frame("OPENS_PAST")


def _crowd_clashes(incidents: list[Incident]) -> list[Incident]:
    """Clashes or deaths told without an armed group beside a protest of the same place and day ("وفاة
    فلسطينيين إثر إصابتهما خلال مواجهات بين الفلسطينيين والإسرائيليين" … "قتل سبعة متظاهرين برصاص
    القوات خلال صدامات اندلعت عندما تظاهر آلاف"): the protest met with force, one event."""
    crowds = [inc for inc in incidents if family(inc.tags) == "crowd"]
    if not crowds:
        return incidents
    out: list[Incident] = []
    for inc in incidents:
        host = None
        if _force_a_crowd_may_meet(inc):
            host = next(
                (
                    c
                    for c in crowds
                    if _same_place(c.place, inc.place)
                    and (c.day is None or inc.day is None or abs((c.day.value - inc.day.value).days) <= 1)
                ),
                None,
            )
        if host is None:
            out.append(inc)
            continue
        # its words of violence are the force the protest met, not a riot of the crowd: only the
        # killing and the gunfire stay ("Excessive force against protesters", not "Violent demonstration")
        # (a protest that gives its own toll keeps it: the other sentence's figure is often a part of it
        # or another day's, "وفاة فلسطينيين السبت إثر إصابتهما الجمعة")
        own_toll = any(m.casualties for m in host.mentions)
        met = [
            replace(
                m,
                triggers=[t for t in m.triggers if t.tag in ("KILL", "FIRE")],
                casualties=[] if own_toll else m.casualties,
            )
            for m in inc.mentions
        ]
        host.mentions = sorted(host.mentions + met, key=lambda m: (m.sent, m.start))
        if host.place is None:
            host.place = inc.place
    return out


def _an_agreement(inc: Incident) -> bool:
    """An incident that tells an agreement and no violence: one event wherever its towns are."""
    return "AGREE" in inc.tags and not inc.tags & VIOLENCE_TAGS


def _split_listed(
    incidents: list[Incident], places: list[Place], refs: frozenset[tuple[int, int]], text: str
) -> list[Incident]:
    """ACLED codes one event per location: an incident whose sentence lists several towns ("حملة خطف
    ... استهدفت أبناء مديريات بيت الفقيه وزبيد والدريهمي", "غارتين في المنصورية والدريهمي") is one
    event per town. The report's figures stay with the first town (they are not per town). Towns a
    sentence lists beside the town the incident is placed at are events of their own beside it."""
    out: list[Incident] = []
    for inc in incidents:
        if _an_agreement(inc):
            # an agreement over several towns ("يشمل وقف إطلاق النار بلدات عربين وزملكا وعين ترما") is one
            # agreement, placed where its first town is
            out.append(inc)
            continue
        lister, listed = next(
            ((m, t) for m in inc.mentions if len(t := _listed_towns(m, places, refs, text)) > 1),
            (None, []),
        )
        if lister is None:
            out.append(inc)
            continue
        if not (inc.place is None or broad(inc.place) or any(_same_place(inc.place, t) for t in listed)):
            # towns listed beside the incident's own town ("غارات على مواقع في مدينة زبيد" … "استهدفت
            # الغارات تعزيزات في التحيتا وبيت الفقيه") are incidents of their own, told by the listing
            # sentence alone: its day, no toll (the toll was told of the incident's town)
            out.append(inc)
            told = [replace(lister, casualties=[])]
            out.extend(
                replace(inc, mentions=told, place=town, day=None, calendar_day=None) for town in listed
            )
            continue
        bare = [replace(m, casualties=[]) for m in inc.mentions]
        for k, town in enumerate(listed):
            if k > 0 and _told_apart(inc, town, incidents):
                continue  # "ففي الديوانية، قتل متظاهر …": the town's own sentences tell its incident
            out.append(replace(inc, mentions=inc.mentions if k == 0 else bare, place=town))
    return out


def _told_apart(inc: Incident, town: Place, incidents: list[Incident]) -> bool:
    """Another crowd incident is placed at `town`, `inc` being a crowd's: a list's town the report tells again
    in sentences of its own ("خرج آلاف المحتجين في البصرة والناصرية والعمارة" … "وفي مدينة العمارة،
    اقتحم محتجون غاضبون مقر أحد الأحزاب")."""
    if family(inc.tags) != "crowd":
        return False  # (a strike and a clash at one town are two events for ACLED)
    return any(
        o is not inc
        and family(o.tags) == "crowd"
        and o.place is not None
        and o.place.name == town.name
        # (told on a day of its own other than the list's, it is another protest)
        and (o.day is None or (inc.day is not None and o.day.value == inc.day.value))
        for o in incidents
    )


GROUND_TAGS = frozenset({"CLASH", "AMBUSH", "TAKE", "RETAKE"})


def _aerial(m: Mention) -> bool:
    """Air strikes by a foreign or allied air force, told without ground fighting."""
    live = m.live
    return (
        any(t.tag == "AIR" and t.strong for t in live)
        and not any(t.tag in GROUND_TAGS for t in live)
        and any(a.entry.kind == "external" for a in m.actors)
    )


def _of_strikes(m: Mention) -> bool:
    """A sentence left out of both halves (no air force named) that names air strikes (strong) and no
    fighting on the ground: the strikes' details."""
    live = m.live
    return any(t.tag == "AIR" and t.strong for t in live) and not any(t.tag in GROUND_TAGS for t in live)


def _ground(m: Mention) -> bool:
    """Fighting on the ground between the forces and a group, told without air strikes: a battle
    word (even one that alone would need support, "دارت معارك": the incident it is weighed in has
    its support already), or an attack with no weapon named by the forces on a group ("شنت قوات
    الجيش هجوما على مواقع ميليشيات الحوثي")."""
    live = m.live
    if any(t.tag in ("AIR", "SHELL") for t in live):
        return False
    kinds = {a.entry.kind for a in m.actors}
    if any(t.tag in GROUND_TAGS for t in live):
        return bool(kinds & {"state", "armed"})
    return (
        any(t.tag == "ATTACK" for t in live)
        and not any(t.tag in WEAPON_TAGS for t in live)
        and "state" in kinds
        and "armed" in kinds
    )


def _split_towns(incidents: list[Incident], text: str) -> list[Incident]:
    """ACLED codes one event per location: strikes told sentence by sentence on different towns of
    one governorate ("شن الطيران غارة على قرية الوادي بمديرية الشمال، ثم غارتين على موقع قرب
    المدينة ... وفي قرية السهل بمديرية الجنوب") are as many events. A sentence naming no town of its
    own stays with the town told before it."""
    out: list[Incident] = []
    for inc in incidents:
        towns: list[Place] = []
        for m in inc.mentions:
            q = m.extra.get("place")
            if (
                isinstance(q, Place)
                and _site(q, text)
                and _own_strike(m)
                and not any(_same_site(q, t) for t in towns)
            ):
                towns.append(q)
        if len(towns) < 2:
            out.append(inc)
            continue
        parts: list[list[Mention]] = [[] for _ in towns]
        at = 0
        for m in inc.mentions:
            q = m.extra.get("place")
            if isinstance(q, Place) and _site(q, text):
                at = next((k for k, t in enumerate(towns) if _same_site(q, t)), at)
            parts[at].append(m)
        for town, part in zip(towns, parts, strict=True):
            out.append(replace(inc, mentions=part, place=town))
    return out


def _told_before(m: Mention) -> bool:
    """Every incident word of the sentence is told as the past or as a total ("كشف الجيش عن مصرع 40
    قياديا ... في يناير الماضي"): its figures are not a details sentence's for the incident before it."""
    return bool(m.triggers) and all(t.blocked in ("background", "aggregate") for t in m.triggers)


def _site(p: Place, text: str) -> bool:
    """One of the sites a round-up of strikes names: a town, or a district the text calls one
    ("بمديرية الصفراء", "قضاء الحويجة": ACLED's location for a strike told by district); not a
    governorate, a country or a named region (الغوطة الشرقية holds the towns struck in it)."""
    if not broad(p):
        return True
    return p.feature == "admin2" and _typed(p, text, _district_word())


TYPE_WORD_CHARS = 14  # a type word with its proclitics and a hashtag ("وبمديرية #"), right before a place


def _typed(p: Place, text: str, words: re.Pattern[str]) -> bool:
    """The text names the place right after one of `words` (a type word of the geocoder's cues)."""
    return bool(text) and bool(words.search(text, max(0, p.start - TYPE_WORD_CHARS), p.start))


@cache
def _district_word() -> re.Pattern[str]:
    """A district's type word right before its name, from the geocoder's reviewed cues (cues.tsv)."""
    return _type_word(frozenset({"admin2"}))


@cache
def _site_word() -> re.Pattern[str]:
    """A district's or a settlement's type word right before its name ("بمديرية", "مدينة", "قرية")."""
    return _type_word(frozenset({"admin2", "city", "town", "village"}))


def _type_word(features: frozenset[str]) -> re.Pattern[str]:
    words = sorted(
        {c.word for c in load_cues() if c.kind == "type" and c.value in features}, key=len, reverse=True
    )
    return re.compile(r"(?:^|[\s#])[وفبل]{0,2}(?:" + "|".join(map(re.escape, words)) + r")\s+#?$")


def _same_site(a: Place, b: Place) -> bool:
    """One site of a round-up: the same town, or a district and a town inside it."""
    if broad(a) and broad(b):
        return a.country_code == b.country_code and a.name == b.name
    if broad(a) or broad(b):
        district, town = (a, b) if broad(a) else (b, a)
        return town.country_code == district.country_code and town.admin2 == district.name
    return _same_place(a, b)


def _own_strike(m: Mention) -> bool:
    """The sentence tells a strike of its own (air strikes, shelling), not a reference to an
    incident told before ("الاعتداء الذي وقع في منطقة ذباب")."""
    # (a toll of its own mostly retells the strike with another source's figure: "قتل 4 متشددين في
    # غارة ... قرب البيضاء" … "3 متشددين قتلوا في غارة ... في مديرية الصومعة")
    return any(t.tag in REMOTE_TAGS and t.strong and not t.generic for t in m.live) and not gives_toll(m)


def _both_halves(m: Mention, air_force: bool) -> list[Mention]:
    """A sentence that tells a coalition's air strikes and a battle on the ground together ("لقوا مصرعهم
    جراء غارات مقاتلات التحالف ومعارك عنيفة شهدتها مديرية نهم") tells two events: its air half (no
    figures: they are the battle's) and its ground half; any other sentence is itself. The foreign air
    force (`air_force`: an external force named in any sentence of the incident, this one included) may
    be named in another sentence ("وتزامنت الغارات مع مواجهات بين ألوية العمالقة وبين ميليشيات الحوثي")."""
    live = m.live
    if not (
        any(t.tag == "AIR" and t.strong for t in live)
        and any(t.tag in GROUND_TAGS for t in live)
        and air_force
        and any(a.entry.kind == "armed" for a in m.actors)
        and any(a.entry.kind == "state" for a in m.actors)  # the ground side is named too
    ):
        return [m]
    air = replace(m, triggers=[t for t in m.triggers if t.tag not in GROUND_TAGS], casualties=[])
    ground = replace(m, triggers=[t for t in m.triggers if t.tag not in ("AIR", "SHELL")])
    return [air, ground]


def _split_air_and_ground(incidents: list[Incident]) -> list[Incident]:
    """A coalition's air strikes and the ground forces' battle in the same place and day are two
    events for ACLED (different actors): "شنت مقاتلات التحالف غارات على مواقع الحوثيين في التحيتا
    … ودارت اشتباكات بين ألوية العمالقة والحوثيين في المديرية"."""
    out: list[Incident] = []
    for inc in incidents:
        air_force = any(a.entry.kind == "external" for m in inc.mentions for a in m.actors)
        mentions = [half for m in inc.mentions for half in _both_halves(m, air_force)]
        air = [m for m in mentions if _aerial(m)]
        ground = [m for m in mentions if _ground(m)]
        if not air or not ground:
            out.append(inc)
            continue
        rest = [m for m in mentions if m not in air and m not in ground]
        first_air = mentions.index(air[0]) < mentions.index(ground[0])
        # "ونتج عن الغارات … مصرع 27 متمردا": a sentence that names the strikes and no battle tells
        # the strikes' outcome, wherever the battle was told
        of_strikes = [m for m in rest if _of_strikes(m)]
        rest = [m for m in rest if m not in of_strikes]
        air_part = air + of_strikes + (rest if first_air else [])
        ground_part = ground + ([] if first_air else rest)
        for part in (air_part, ground_part):
            part.sort(key=lambda m: (m.sent, m.start))
            # each part where its own sentences place it (the strikes on Jizan, the battle in Sirwah)
            own = [q for q in (m.extra.get("place") for m in part) if isinstance(q, Place)]
            # (none of its own: `fallback_place` looks at the sentences before it)
            place = min(own, key=lambda q: q.geo_precision) if own else None
            out.append(replace(inc, mentions=part, place=place))
    return out


def _whole_unless_placed_apart(
    mentions: list[Mention], places: list[Place], refs: frozenset[tuple[int, int]], text: str
) -> list[Mention]:
    """Clauses cut apart by `mentions._split_clauses` stay apart only when each names its own,
    different place; otherwise the sentence is one incident again."""
    out: list[Mention] = []
    i = 0
    while i < len(mentions):
        m = mentions[i]
        whole = m.extra.get("whole")
        if not isinstance(whole, Mention):
            out.append(m)
            i += 1
            continue
        j = i
        while j < len(mentions) and mentions[j].extra.get("whole") is whole:
            j += 1
        parts = mentions[i:j]
        spots = [place_of(p, places, refs, text) for p in parts]
        keys = [(s.country_code, s.name) for s in spots if s is not None]
        # or each on a day of its own ("قتل طفل أمس ... فيما أصيبت ثلاث نساء اليوم بقذيفة هاون")
        days = [
            {d.value for d in p.dates if p.start <= d.start < p.end and d.precision == "day"} for p in parts
        ]
        dated_apart = all(len(d) == 1 for d in days) and len(set.union(*days)) == len(parts)
        if len(keys) == len(parts) == len(set(keys)):
            out.extend(parts)
        elif dated_apart:
            for p in parts:
                p.extra["split"] = "clause-day"  # kept apart even where the later names no place
            out.extend(parts)
        else:
            out.append(whole)
        i = j
    return out


def _governorates(
    m: Mention, places: list[Place], refs: frozenset[tuple[int, int]], text: str = ""
) -> frozenset[str]:
    """The governorates a sentence spreads its incident over, when it names two or more; none when it
    names two as the ends of one stretch ("معارك دارت بين محافظتي الجوف وصعدة": on the line between).
    A city named as the landmark the incident lies near ("في الغوطة الشرقية قرب دمشق") is not one."""
    inside = [
        p
        for p in places
        if m.start <= p.start < m.end
        and p.feature != "country"
        and p.admin1
        and (p.start, p.end) not in refs
        and not (text and _NEAR_LANDMARK.search(text, max(0, p.start - 24), p.start))
    ]
    names = {p.admin1 for p in inside if p.admin1}
    if len(names) < 2:
        return frozenset()
    first = min(inside, key=lambda p: p.start)
    if text and _BETWEEN.search(text, max(0, first.start - 24), first.start):
        return frozenset()
    return frozenset(names)


def _drop_totals(incidents: list[Incident]) -> list[Incident]:
    """A toll over several governorates ("قتل 30 مدنيا في غارات على محافظتي إدلب وحلب") told again
    place by place ("8 في خان شيخون ... 18 في أورم الكبرى"): the places are the incidents. So is a
    toll whose parts add up to it exactly, told town by town in its governorate ("قتل سبعة مدنيين في
    غارات على بلدات في ريف إدلب" … "أربعة … في كفرنبل، بينما قتل ثلاثة آخرون في خان شيخون").
    The parts that name no day of their own take the total's; a town of its own the total's
    sentence was joined to by a later sentence stays, without the total."""
    out = []
    for inc in incidents:
        total = _lead_toll(inc)
        if total and inc.place is not None:
            parts = [
                o
                for o in _placed_parts(inc, incidents, {inc.place.admin1})
                if o.place is not None and o.place.name != inc.place.name and _lead_toll(o)
            ]
            if len(parts) >= 2 and sum(_lead_toll(o) for o in parts) == total:
                _date_parts(inc, parts)
                if not _told_at_its_own_town(inc, parts):
                    continue
                # ("وفي مدينة دوما، أصيب أكثر من عشرين شخصا جراء قصف مدفعي" after the total)
                inc = replace(inc, mentions=[replace(inc.mentions[0], casualties=[]), *inc.mentions[1:]])
        if inc.umbrella and len(parts := _placed_parts(inc, incidents, inc.umbrella)) >= 2:
            told = {o.place.admin1 for o in parts if o.place}
            if (
                inc.place is None or broad(inc.place) or inc.place.admin1 not in inc.umbrella - told
            ) and not _told_at_its_own_town(inc, parts, with_toll=True):
                continue
            # narrowed by a details sentence to a town of a governorate no other incident tells ("غارات
            # على محافظات البيضاء وصنعاء وصعدة" … "استهدفت الغارات ثكنات في مديرية السوادية بالبيضاء"),
            # or to a town of its own ("قتل سبعة مدنيين … على سوق وسط مدينة معرة النعمان"): that
            # incident, without the lead's toll over all of them
            inc = replace(inc, mentions=[replace(inc.mentions[0], casualties=[]), *inc.mentions[1:]])
        out.append(inc)
    return out


def _date_parts(total: Incident, parts: list[Incident]) -> None:
    """The parts of a total that name no day of their own happened on the total's ("قتل 32 مدنيا أمس
    الاثنين" … "حيث لقي 17 شخصا حتفهم")."""
    for o in parts:
        if o.day is None and total.day is not None:
            o.day = o.calendar_day = total.calendar_day or total.day


def _told_at_its_own_town(inc: Incident, parts: list[Incident], with_toll: bool = False) -> bool:
    """A sentence after the incident's first tells it at a town of its own, none of `parts` (with a
    toll of its own when `with_toll`: over several governorates a town named again without one is
    mostly a part retold, "قصفت موقعا في رفح" under "غارات على قطاع غزة")."""
    town = inc.place
    if town is None or broad(town) or any(o.place is not None and o.place.name == town.name for o in parts):
        return False
    return any(
        isinstance(q := m.extra.get("place"), Place)
        and q.name == town.name
        and (gives_toll(m) or not with_toll)
        for m in inc.mentions[1:]
    )


def _region_total_to_towns(incidents: list[Incident]) -> list[Incident]:
    """A toll told over a region or a governorate ("ارتفاع عدد القتلى في غوطة دمشق إلى 35") and then
    town by town ("غارات على حرستا أسفرت عن مقتل 11 مدنيا" … "20 في دوما"): the incident
    the lead opened, narrowed to the first town, takes that town's own figure; the region's total is
    the towns' together (`_drop_totals` drops a lead that only sums them)."""
    out = []
    for inc in incidents:
        lead = inc.mentions[0]
        told_at = lead.extra.get("place")
        if (
            inc.place is not None
            and not broad(inc.place)
            and isinstance(told_at, Place)
            and broad(told_at)
            and gives_toll(lead)
            and any(_town_toll(m, inc.place) for m in inc.mentions[1:])
            and any(
                o.place is not None
                and not broad(o.place)
                and o.place.name != inc.place.name
                and gives_toll(o.mentions[0])
                for o in _placed_parts(inc, incidents, {inc.place.admin1})
            )
        ):
            inc = replace(inc, mentions=[replace(lead, casualties=[]), *inc.mentions[1:]])
        out.append(inc)
    return out


def _town_toll(m: Mention, town: Place) -> bool:
    """The sentence gives a toll of its own at `town`."""
    q = m.extra.get("place")
    return isinstance(q, Place) and q.name == town.name and gives_toll(m)


def _split_umbrellas(
    incidents: list[Incident], places: list[Place], refs: frozenset[tuple[int, int]]
) -> list[Incident]:
    """ACLED codes one event per location: an incident told over governorates its lead names as
    such ("اعتقلت السلطات أربعة عناصر بمحافظات قابس ومدنين وسوسة") that no sentence tells place by
    place is one event a governorate. The incident keeps its own place and its figures; each other
    governorate no incident of its kind is placed in gets the incident without them."""
    out = list(incidents)
    done: set[tuple[int, str]] = set()  # (lead sentence, governorate): one copy however the lead was split
    for inc in incidents:
        if not inc.umbrella or inc.place is None or _an_agreement(inc):
            continue
        lead = inc.mentions[0]
        done.add((lead.start, inc.place.admin1 or ""))
        named: dict[str, Place] = {}
        for p in places:
            if lead.start <= p.start < lead.end and p.feature == "admin1" and (p.start, p.end) not in refs:
                named.setdefault(p.admin1 or "", p)
        if len(named) < 2:
            continue
        bare = [replace(m, casualties=[]) for m in inc.mentions]
        for admin1, gov in named.items():
            if (lead.start, admin1) in done or _placed_parts(inc, incidents, {admin1}):
                continue
            done.add((lead.start, admin1))
            out.append(replace(inc, mentions=bare, place=gov, umbrella=frozenset()))
    return out


def _placed_parts(
    inc: Incident, incidents: list[Incident], admin1s: Collection[str | None]
) -> list[Incident]:
    """The other incidents of `inc`'s family placed in one of `admin1s`: the places a total may be told again by."""
    fam = family(inc.tags)
    return [
        o
        for o in incidents
        if o is not inc and family(o.tags) == fam and o.place is not None and o.place.admin1 in admin1s
    ]


def _lead_toll(inc: Incident) -> int:
    """The first precise count of dead an incident's sentences give (0 when none)."""
    return next((c.value for m in inc.mentions for c in _dead(m) if c.head is None), 0)


def _more_specific(p: Place, than: Place) -> bool:
    return (
        p.geo_precision < than.geo_precision
        or (than.feature == "admin1" and p.feature != "admin1")
        or (than.feature == "country" and p.feature != "country")  # "في المثنى" after "في العراق"
    )


_PAIRED = paired_countries()


# a capital named as one ("بالعاصمة كابول": frames.tsv)
_CAPITAL_WORD = frame("CAPITAL_WORD")
_CITY_CALLED = frame("CITY_CALLED")


def plausible_places(places: list[Place], hint: str | None, text: str = "") -> list[Place]:
    """Places in a country the report is about: its main country, one it names outright, or one
    where it names two different towns; and a capital the text calls one ("بالعاصمة كابول").

    A word that happens to be a town name abroad ("كان" = Cannes) must not move an incident there.
    """
    namesakes, refs = _namesakes_off(places, text)
    places = [p for p in places if id(p) not in namesakes]
    named = {p.country_code for p in places if p.feature in ("country", "admin1")} | refs
    if hint:
        named.add(hint)
        named |= _PAIRED.get(hint, frozenset())  # "الجيش الإسرائيلي … في غزة"
    # two different towns of one country ("كوي سنجق" … "أربيل") set the report there too
    towns: dict[str, set[str]] = {}
    for p in places:
        if p.feature != "country":
            towns.setdefault(p.country_code, set()).add(p.name)
    named |= {cc for cc, names in towns.items() if len(names) >= 2}
    return [
        p
        for p in places
        if p.country_code in named
        or (p.feature == "populated_place" and _CAPITAL_WORD.search(text[max(0, p.start - 16) : p.start]))
        # a town the text calls a city ("في مدينة كوي سنجق"), in the region of the report's country: a
        # place of its own in a round-up of the region's news (a city further away is mostly where a
        # meeting sat or someone came from: "في مدينة جنيف السويسرية", "ينحدر من مدينة برمنغهام")
        or (
            p.feature == "populated_place"
            and _same_region(p.country_code, hint)
            and _CITY_CALLED.search(text[max(0, p.start - 12) : p.start])
        )
    ]


NAMESAKE_KM = 150  # a place this far from the town it is named off is a namesake abroad


def _namesakes_off(places: list[Place], text: str) -> tuple[set[int], set[str]]:
    """Places named off a town of another country ("مخيم الفوار جنوب الخليل", where the gazetteer holds
    only an Iraqi Al-Fawwar): a namesake abroad of a place it lacks, so not a place here; the town
    is the reference point, and its country is one the report names. (ids of the namesakes, the
    towns' countries)"""
    namesakes: set[int] = set()
    countries: set[str] = set()
    for p, q in pairwise(places):
        if "country" in (p.feature, q.feature) or p.country_code == q.country_code or q.start < p.end:
            continue
        if haversine_km(p.latitude, p.longitude, q.latitude, q.longitude) <= NAMESAKE_KM:
            continue  # across a border, truly near ("مستوطنة أشكول جنوب شرق قطاع غزة")
        gap = text[p.end : q.start]
        off = _OFF_TOWN.search(gap)
        if off is not None and not gap[: off.start()].strip():
            namesakes.add(id(p))
            countries.add(q.country_code)
    return namesakes, countries


def _same_region(cc: str | None, hint: str | None) -> bool:
    a, b = country_info(cc), country_info(hint)
    return a is not None and b is not None and bool(a.region) and a.region == b.region


# the words before a country where it happened ("في سوريا", "وشهد الأردن احتجاجات"), a part of a
# country ("في شمال اليمن"): frames.tsv
_LOCATIVE = frame("LOCATIVE")
_DIRECTION = frame("DIRECTION")


def _part_of_country(m: Mention, places: list[Place], text: str) -> bool:
    """The sentence names a part of a country ("في شمال اليمن", "جنوبي سوريا"): a place, if coarse."""
    return bool(text) and any(
        p.feature == "country"
        and m.start <= p.start < m.end
        and _DIRECTION.search(text[max(0, p.start - 14) : p.start])
        for p in places
    )


def _country_in(m: Mention, places: list[Place]) -> bool:
    """The sentence names a country, as a place or by its authorities' adjective."""
    return any(p.feature == "country" and m.start <= p.start < m.end for p in places)


def named_countries(m: Mention, places: list[Place], text: str) -> list[Place]:
    """Countries the sentence names as where something happens ("في سوريا"), in text order."""
    out = []
    for p in places:
        if p.feature != "country" or not m.start <= p.start < m.end:
            continue
        head = text[max(0, p.start - 20) : p.start]
        if _HEADQUARTERS.search(head):
            continue  # "المرصد السوري، ومقره في بريطانيا": where a source sits, not where it happened
        if _LOCATIVE.search(head) or head.endswith(("ب", "وب")):
            out.append(p)
    return out


_WITNESSED = frame("WITNESSED")  # "ويشهد الأردن احتجاجات" (frames.tsv)


def witnessed(m: Mention, places: list[Place], text: str) -> bool:
    """The sentence names a country as the one that sees the incident ("ويشهد الأردن احتجاجات")."""
    return any(
        p.feature == "country"
        and m.start <= p.start < m.end
        and _WITNESSED.search(text, max(0, p.start - 12), p.start)
        for p in places
    )


_HEADQUARTERS = frame("HEADQUARTERS")  # "المرصد السوري، ومقره في بريطانيا" (frames.tsv)
_PROTEST_TOPIC = frame("PROTEST_TOPIC")  # "احتجاجا على الغارات في سوريا" (frames.tsv)
TOPIC_REACH = 30  # characters from the words of a protest's cause to the place they name


def _protest_topic(p: Place, text: str) -> bool:
    """A place named inside what a crowd protests against ("احتجاجا على أحداث غزة"), not set "في" it."""
    head = text[max(0, p.start - TOPIC_REACH) : p.start]
    return bool(_PROTEST_TOPIC.search(head)) and not _LOCATIVE.search(head)


TOWN_COUNTRY_GAP = (
    12  # characters between a town and its country named as its locator ("، فرنسا", " شرق فرنسا")
)


def _in_named_country(p: Place, m: Mention, places: list[Place], text: str) -> Place:
    """A town abroad does not place an incident the sentence sets in another country ("غارات ...
    في جنوب سوريا ... منذ توقيع موسكو هدنة"): the named country does, at country precision."""
    if not text:
        return p
    named = named_countries(m, places, text)
    # a country named before the incident words, with the town after them, belongs to a speaker's
    # or a party's title ("المتحدث باسم التحالف ... في اليمن، إن الدفاعات اعترضت صاروخا فوق الرياض")
    pos = m.live[0].start if m.live else m.start
    named = [c for c in named if not c.start < pos <= p.start]
    if "PROTEST" in m.tags:
        # "تظاهر مئات في باريس احتجاجا على الغارات في سوريا": the country after what a crowd in a town
        # protests against is its cause
        named = [c for c in named if not (p.end <= c.start and _PROTEST_TOPIC.search(text, p.end, c.start))]
    if not named or any(c.country_code == p.country_code for c in named):
        return p
    # the town's own country named right after it ("في ستراسبورغ شرق فرنسا ... المسجون في تركيا")
    # confirms the town
    if any(
        c.feature == "country"
        and c.country_code == p.country_code
        and p.end <= c.start <= p.end + TOWN_COUNTRY_GAP
        for c in places
    ):
        return p
    return replace(_where_not_who(named, pos, text), geo_precision=3)


# a verb whose subject may carry a country in its title ("أدان علي خامنئي، المرشد الأعلى في إيران، ..."),
# and "أن" opening the reported clause (frames.tsv)
_SPEECH_VERB = frame("SPEECH_VERB")
_THAT = frame("THAT")


def _where_not_who(named: list[Place], pos: int, text: str) -> Place:
    """Of the countries a sentence names as where something is ("في ..."), the first, unless it
    belongs to the one who tells or condemns the incident: then the one after the incident words.
    It does when the reported clause opens after it ("قال سفير السعودية في الولايات المتحدة إن
    القيادي المقتول بغارة ... في اليمن") or when it sits in the title of who condemns ("أدان علي
    خامنئي، المرشد الأعلى في إيران، الضربات التي نفذتها ... في سوريا"); in the reported clause ("أعلن
    قيادي أن قوات كردية في شمال سوريا اعتقلت ...") it is where."""
    first = named[0]
    after = [c for c in named if c.start >= pos]
    if not after or first.start >= pos:
        return first
    if _THAT.search(text, first.end, pos):
        return after[0]
    verbs = list(_SPEECH_VERB.finditer(text, max(0, first.start - 120), first.start))
    verb = verbs[-1] if verbs else None
    if verb is None or _THAT.search(text, verb.end(), first.start):
        return first
    return after[0]


BLOCKED_CLAUSE = 30  # characters after a word set aside (history, plans) that still belong to its clause


def fallback_place(
    inc: Incident,
    places: list[Place],
    refs: frozenset[tuple[int, int]] = frozenset(),
    text: str = "",
    voices: frozenset[tuple[int, int]] = frozenset(),
) -> Place | None:
    """No place in the incident's own sentences: a reference town in them ("شرق حمص": near Homs),
    else the nearest place named before it, else the first one after (never a dateline); when
    its sentences set it in a country ("في سوريا"), only places there, else that country."""
    first = inc.mentions[0].start
    # (not a country in the clause of a word set aside: "المتهم بالتخطيط لاعتداءات 11 سبتمبر
    # بالولايات المتحدة" names where the old attacks were, not where he was arrested)
    named = (
        [
            c
            for m in inc.mentions
            for c in named_countries(m, places, text)
            if not any(t.blocked and t.end <= c.start <= t.end + BLOCKED_CLAUSE for t in m.triggers)
        ]
        if text
        else []
    )
    ccs = {c.country_code for c in named}
    if text:
        near = [
            p
            for p in _references_in(inc.mentions, places, refs)
            # not a place that speaks ("حملت موسكو إسرائيل المسؤولية"); not the dateline, unless the
            # sentence opens with it ("وفي الموصل، قتل ...") or the incident's words come before it
            # ("دوى انفجار قرب سوق في حي الكرادة")
            if (p.start, p.end) not in voices
            and (
                p.start >= 40
                or inc.mentions[0].opener
                or any(t.start < p.start for t in inc.mentions[0].live)
            )
            and (not ccs or p.country_code in ccs)
        ]
        if near:
            return replace(near[0], geo_precision=max(near[0].geo_precision, 2))
    towns = [
        p
        for p in places
        if p.feature != "country"
        and (p.start, p.end) not in refs
        and not any(_in_past_clause(m, p) for m in inc.mentions)
    ]
    if text and inc.tags & (REMOTE_TAGS | {"DISRUPT"}):
        # a missile or a rocket with no place of its own lands, or is stopped, where the report says
        # it was heading ("كان باتجاه مدينة جازان") among the incident's sentences, across a border too
        # (not an army's advance toward a city told before them)
        lo, hi = inc.mentions[0].start, max(m.end for m in inc.mentions)
        # (or in the sentence right after them: "وقال المتحدث إن الصاروخ كان باتجاه مدينة نجران")
        after = _SENTENCE_END.search(text, hi + 1)
        hi = after.end() if after else len(text)
        aimed = [
            p
            for p in towns
            if lo <= p.start < hi and _HEADED_TO.search(text, max(0, p.start - HEADED_REACH), p.start)
        ]
        if aimed:
            return aimed[0]
    if ccs:
        towns = [p for p in towns if p.country_code in ccs]
        if not towns:
            m0 = inc.mentions[0]
            return replace(
                _where_not_who(named, m0.live[0].start if m0.live else m0.start, text), geo_precision=3
            )
    before = [p for p in towns if p.end <= first]
    pick = before[-1] if before else (towns[0] if towns else None)
    if pick is None:
        return None
    return replace(pick, geo_precision=max(pick.geo_precision, 2))


# The words before a place, in the normalised view, that make it no place of the incident
# (frames.tsv says what each finds and why): a reference point after a direction or a distance
# ("شمالي العاصمة بغداد", "على بعد 100 كيلومتر من بغداد") unless it is a part of it ("في شمال غزة"), a
# capital that speaks ("أعلنت موسكو"), a launch site, what a strike answered, where the wounded
# were taken or an embassy moved.
_REF = frame("REF")
_FAR_OFF = frame("FAR_OFF")
_OFF_BY = frame("OFF_BY")
_IN_PART_OF = frame("IN_PART_OF")
_SPEAKER = frame("SPEAKER")
_LAUNCH = frame("LAUNCH")
_RESPONSE = frame("RESPONSE")
_EVACUATED_TO = frame("EVACUATED_TO")
_NAMED_AS = frame("NAMED_AS")  # "تظاهرة تحمل اسم انتفاضة القدس" (frames.tsv)
_ALSO_TOLD = frame("ALSO_TOLD")
_CITY_NAMED = frame("CITY_NAMED")


def _view_start(p: Place, to_view: object) -> int:
    """Where a place starts in the normalised view (its offsets are the original text's)."""
    conv = getattr(to_view, "to_view", None)
    return conv(p.start) if callable(conv) else p.start


def destination_places(places: list[Place], norm_text: str, to_view: object) -> frozenset[tuple[int, int]]:
    """Spans of places the wounded were taken to, or an embassy moved to (`_EVACUATED_TO`), or named
    in the name of a protest or an operation (`_NAMED_AS`): no incident happened there."""
    out: set[tuple[int, int]] = set()
    for p in places:
        v = _view_start(p, to_view)
        head = norm_text[max(0, v - 60) : v]
        if _EVACUATED_TO.search(head) or _NAMED_AS.search(head):
            out.add((p.start, p.end))
    return frozenset(out)


# the punctuation after a dateline's place ("بغداد - ", "بغداد (رويترز) -"): no words, so it stays
# here rather than in frames.tsv
_DATELINE_TAIL = re.compile(r"^\s*(?:\([^)]{0,30}\))?\s*[-–—:،]")


def _opens_line(p: Place, text: str) -> bool:
    """Whether a place opens its line, as a dateline does ("بغداد - ", "(CNN) أتلانتا، "): at most one
    word before it (an outlet's name), not a sentence that has begun ("شهد الشريط الحدودي في صعدة،")."""
    before = text[text.rfind("\n", 0, p.start) + 1 : p.start]
    return len(_ARABIC_WORD.findall(before)) <= 1 and not _LOCATIVE.search(before)


_ARABIC_WORD = re.compile(r"[\u0621-\u064a]{2,}")


def reference_kinds(
    places: list[Place], norm_text: str, to_view: object, text: str = ""
) -> tuple[frozenset[tuple[int, int]], frozenset[tuple[int, int]]]:
    """The spans of places named as reference points ("جنوبي دمشق") or as the report's dateline, and
    apart from them those named as voices: places that speak, launch, host a headquarters or answer
    ("قالت موسكو", "حملت طهران") — named for who they are, never a point an incident lies near
    (`fallback_place`)."""
    points: set[tuple[int, int]] = set()
    voices: set[tuple[int, int]] = set()
    for p in places:
        v = _view_start(p, to_view)
        head = norm_text[max(0, v - 40) : v]
        launch = norm_text[max(0, v - 80) : v]
        # "غربي محافظة تعز" is the west of the governorate, inside it; only a town is a point the
        # incident lies off ("غربي مدينة تعز")
        part_of = (p.feature == "admin1" and not _OFF_BY.search(head)) or (
            p.feature != "country" and _IN_PART_OF.search(head) is not None
        )
        if _FAR_OFF.search(head):
            voices.add((p.start, p.end))  # "على بعد 250 كلم شمال بغداد": a point far off, never near
        elif _REF.search(head) and not part_of:
            points.add((p.start, p.end))
        elif (
            _SPEAKER.search(head)
            or _LAUNCH.search(launch)
            or _HEADQUARTERS.search(head)
            or _RESPONSE.search(launch)
        ):
            voices.add((p.start, p.end))
        elif (
            text and p.start < 40 and _DATELINE_TAIL.match(text[p.end : p.end + 40]) and _opens_line(p, text)
        ):
            points.add((p.start, p.end))  # "بغداد - وكالة ...": where the story was filed
    return frozenset(points), frozenset(voices)
