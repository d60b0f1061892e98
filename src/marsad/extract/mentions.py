"""Sentence-level evidence: triggers (minus the ones a cue rules out), casualty figures and actors.

A `Mention` is what one sentence says about a possible incident; `incidents.py` groups mentions.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from itertools import pairwise

from marsad.extract.frames import frame
from marsad.extract.lexicon import ActorEntry, Casualty, Cue, Lexicons, Trigger
from marsad.extract.patterns import Hit, Tok
from marsad.extract.textview import SKIP_ZONES, DocView, SentView
from marsad.model import DateMention

BEFORE_WINDOW = 4  # words before a trigger a "before" cue may sit
ANNIVERSARY_WINDOW = 10  # "أحيا الأهالي الذكرى الثانية لتفجير خلف 12 قتيلا": all of it is remembered
ANNIVERSARY_OBJECT = 3  # words after "ذكرى" that name what is remembered ("ذكرى انتفاضة ...")
NEXT_WINDOW = 3  # words after a trigger a "next" cue may sit ("المظاهرات التي جرت أخيرا")
STALE_DAYS = 10  # a day this far back is neither "this week" nor able to date an incident; in the
# incident's own clause it makes it history
YEAR_WINDOW = 8  # words around a trigger where an old year marks it as background
WEAPON_TAGS = frozenset({"IED", "SUICIDE", "AIR", "SHELL", "GRENADE", "CHEM"})
REMOTE_TAGS = frozenset({"AIR", "SHELL"})  # strikes from afar: air strikes and shelling
VIOLENCE_TAGS = frozenset(
    {"KILL", "ATTACK", "FIRE", "CLASH", "AMBUSH", "ASSASSINATE", "EXECUTE", "ABDUCT", "SEXUAL"} | WEAPON_TAGS
)
CROWD_TAGS = frozenset({"PROTEST", "RIOT", "MOB", "INTERVENE"})
CROWD_IMMUNE = frozenset({"meeting", "plan", "purpose"})
ARMED_SIDES = ("armed", "state", "external")
SD_TAGS = frozenset({"ARREST", "TAKE", "RETAKE", "AGREE", "HANDOVER", "LOOT", "DISRUPT"})


@dataclass(slots=True)
class TrigHit:
    tag: str
    strong: bool
    generic: bool
    start: int
    end: int
    first: int  # token indexes
    last: int
    blocked: str = ""  # cue kind that rules it out
    anaphoric: bool = False  # "هذا الهجوم" / "ذلك التفجير": an incident told before
    nominal: bool = False  # a weapon named as a noun ("صواريخ"): see lexicon.Trigger
    blast: bool = False  # an explosion told with no device named ("دوي انفجارين"): word class BLAST


@dataclass(slots=True)
class CasHit:
    role: str
    value: int
    vague: bool
    start: int  # span of the number (or of the singular noun for <SG>)
    end: int
    tok: int
    attacker: bool = False
    victim: ActorHit | None = None
    head: CasHit | None = None  # the count this one is joined to ("4 عسكريين وجندي صومالي")
    uncounted: bool = False  # a bare plural ("سقوط قتلى"): coded as 3, but no evidence of an incident alone
    # told as a group's members ("3 أشخاص ينتمون لتنظيم القاعدة"): its noun names no civilians
    members: bool = False


@dataclass(slots=True)
class ActorHit:
    entry: ActorEntry
    start: int
    end: int
    first: int
    last: int
    target: bool = False  # right after "استهدف", "على", "مقر": what was hit, not who hit
    subject: bool = False  # right after a verb that opens the clause ("هاجمت ميليشيات الحشد"): who struck
    speaker: bool = False  # right after a verb of saying ("قالت الشرطة إن"): who tells it
    backer: bool = False  # right after "بدعم من", "بإسناد": who backs the side that fights
    charged: bool = False  # right after "بتهمة موالاة": what people are accused of, no side


@dataclass(slots=True)
class Mention:
    sent: int  # index into DocView.sents
    start: int
    end: int
    triggers: list[TrigHit]
    casualties: list[CasHit]
    actors: list[ActorHit]
    dates: list[DateMention]
    new_marker: bool = False  # "في سياق آخر", "وفي هجوم آخر": a different incident starts here
    blocked_sentence: str = ""
    opener: bool = False  # starts with "وفي ..." (another place's report often does)
    also: bool = False  # starts with "كما" (an item added to the report)
    claim: ActorHit | None = None  # the group that claimed the incident, when the sentence says so
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def live(self) -> list[TrigHit]:
        return [t for t in self.triggers if not t.blocked]

    @property
    def tags(self) -> set[str]:
        return {t.tag for t in self.live}


def _best_hits(hits: list[Hit], *, strength: bool = False) -> list[Hit]:
    """Drop hits contained in a longer hit of the same matcher (longest match wins).

    With `strength`, a strong trigger inside a longer weak one survives ("فجر انتحاري سيارة" is a
    weak "blew up a car" around a strong "suicide bomber").
    """
    hits.sort(key=lambda h: (h.first, -(h.last - h.first)))
    out: list[Hit] = []
    for h in hits:
        inside = [
            o
            for o in out
            if o.first <= h.first and h.last <= o.last and (o.last - o.first) > (h.last - h.first)
        ]
        if inside and not (
            strength and h.pattern.payload.strong and all(not o.pattern.payload.strong for o in inside)
        ):
            continue
        out.append(h)
    return out


# Among protest words, "مسيرة" is a march (not a drone) and "انفجرت مظاهرات" means they broke out.
_CROWD_READINGS = {"AIR": ("مسيره", "مسيرات"), "IED": ("انفجرت", "انفجر", "انفجار", "انفجارات")}


def _crowd_words(hits: list[Hit], toks: list[Tok]) -> list[Hit]:
    if not any(h.pattern.payload.tag == "PROTEST" for h in hits):
        return hits
    out = []
    for h in hits:
        trig: Trigger = h.pattern.payload
        words = _CROWD_READINGS.get(trig.tag)
        if words and not trig.strong and h.first == h.last and toks[h.first].forms & set(words):
            continue
        out.append(h)
    return out


_QUOTES = "\"«»“”'"
# a strike named in two or more quoted words is a statement's wording, not scare quotes (`sentence_mentions`)
QUOTED_STRIKE_TAGS = frozenset({"AIR", "SHELL"})


def _quoted(text: str, start: int, end: int) -> bool:
    """The trigger alone between quotation marks."""
    return start > 0 and end < len(text) and text[start - 1] in _QUOTES and text[end] in _QUOTES


def _old_year_tokens(view: DocView, sv: SentView) -> list[int]:
    """Token indexes of years well before the report's own date (background history)."""
    if view.anchor is None:
        return []
    out: list[int] = []
    for i in range(sv.lo, sv.hi):
        t = view.toks[i]
        if t.norm.isdigit() and len(t.norm) == 4:
            y = int(t.norm)
            if 1900 < y < view.anchor.year and not _dates_a_state(view.toks, sv.lo, i):
                out.append(i)
    return out


RECALL_WORDS = frozenset({"الذي", "التي", "الذين", "اللذين", "قد", "كان", "كانت", "وكان", "وكانت"})


def _recalled(toks: list[Tok], lo: int, k: int) -> bool:
    """A verb in a relative clause or a pluperfect ("الذي اعتقل", "كانت قد اعتقلت") recalls the past."""
    return any(toks[j].norm in RECALL_WORDS for j in range(max(lo, k - 3), k))


ONE_ATTACK_DEAD = 100  # at most this many dead beside a thousand hurt: one mass-casualty attack
PERSON_CLASSES = frozenset({"SG", "DUAL", "PLDEAD"})  # nouns that count their own dead
PAST_NEAR_DAYS = 7  # a date this much older than the report, in a sentence or the few before it
PAST_NEAR_SENTENCES = 4


def _past_back(view: DocView, si: int) -> int | None:
    """How many sentences back the nearest day, month or year well before the report is named, within
    the sentence and the four before it (0: the sentence itself), or None. An undated incident told
    there is likely more of that history ("… بعد اعتداءين في نيسان 2017. وهو التمديد الرابع … إثر
    تفجيرين في طنطا")."""
    if view.anchor is None:
        return None
    first = max(0, si - PAST_NEAR_SENTENCES)
    lo = view.sents[first].start
    hi = view.sents[si].end
    starts = [
        d.start for d in view.dates if lo <= d.start < hi and (view.anchor - d.value).days > PAST_NEAR_DAYS
    ]
    if not starts:
        return None
    nearest = max(starts)
    return next(si - k for k in range(si, first - 1, -1) if view.sents[k].start <= nearest)


ARRESTV_REACH = 4  # words from a verb of arresting to "القبض" ("ألقت السلطات الإيرانية، الأحد، القبض")
OFFICIAL_REACH = 4  # words after a word of arrest where the office holder arrested is named
# words after a word of arrest where one suspect arrested is named ("اعتقلت تونسيا مشتبها به")
SUSPECT_REACH = 3
RIOT_SIZE_REACH = 10  # words before a riot word where the size of its crowd may stand
PASSIVE_REACH = 3  # words from "تم" / "جرى" to the word of arrest ("جرى أمس الأحد القبض")
DURING_REACH = 12  # words from a toll's trigger to the "خلال" of the events it happened during


def _age_tolls_during(view: DocView, trigs: list[TrigHit], aged: set[int]) -> None:
    """Deaths told as happening during events an old date marks as the past ("وقتل 120 فلسطينيا
    خلال مظاهرات بدأت في 30 مارس") are those events' total, background as they are."""
    toks = view.toks
    for th in trigs:
        if id(th) in aged:
            continue
        for t in trigs:
            if (
                id(t) in aged
                and 0 < t.first - th.last <= DURING_REACH
                and any("DURINGW" in toks[k].classes for k in range(th.last + 1, t.first))
                and not _comma_between(view, th.last, t.first)
            ):
                th.blocked = "background"
                aged.add(id(th))
                break


IN_WHICH = frozenset({"فيها", "فيه", "خلالها", "خلاله"})
IN_WHICH_REACH = 4  # words from words of violence told as the past to the toll "in which" it left


def _tolls_in_which(view: DocView, sv: SentView, trigs: list[TrigHit]) -> list[tuple[int, int]]:
    """A killing told "in" words of violence a cue marks as the past ("غداة مواجهات على الحدود، قتل
    فيها فلسطينيان"): that event's toll, blocked as background with the rest of its clause (up to a
    live word of violence or the sentence's end). Returns the token spans of those clauses."""
    toks = view.toks
    spans: list[tuple[int, int]] = []
    past = [t for t in trigs if t.blocked == "background" and t.tag != "KILL"]
    for th in trigs:
        if th.tag != "KILL" or th.blocked not in ("", "background") or th.last + 1 >= sv.hi:
            continue
        if not any(toks[k].norm in IN_WHICH for k in range(th.first, th.last + 2)):
            continue  # ("لقي فيها فلسطينيان حتفهما": inside the words of killing too)
        if not any(0 < th.first - t.last <= IN_WHICH_REACH for t in past):
            continue
        th.blocked = "background"
        end = min((t.first for t in trigs if t.first > th.last and not t.blocked), default=sv.hi)
        spans.append((th.first, end))
    return spans


def _dates_a_state(toks: list[Tok], lo: int, year: int) -> bool:
    """ "المحاصرة منذ (عام) 2013": the year tells how long a state has lasted, not when the incident was."""
    for j in range(max(lo, year - 3), year):
        if toks[j].norm == "منذ" and j > lo and "STATEP" in toks[j - 1].classes:
            return True
    return False


def _what_a_protest_is_about(trigs: list[TrigHit], cas: list[CasHit]) -> None:
    """A weapon named in passing, with no toll, after a protest the sentence tells first ("سار
    عشرات الآلاف … رافعين صور ضحايا القصف الإسرائيلي") is what the protest is about."""
    first = min((t.first for t in trigs if t.tag in CROWD_TAGS and t.strong and not t.blocked), default=None)
    if first is None or any(c.role in ("killed", "injured") and not c.vague for c in cas):
        return
    for t in trigs:
        if t.tag in WEAPON_TAGS and not t.strong and t.first > first and not t.blocked:
            t.blocked = "purpose"


MOURNED_REACH = 6  # words after a funeral's word where the deaths it mourns are told


def _whom_a_funeral_mourns(trigs: list[TrigHit], toks: list[Tok], sv: SentView) -> list[int]:
    """A funeral a crowd turned into a protest ("تحولت جنازة ثلاثة مدنيين قتلوا في قصف مدفعي إلى مسيرة
    غاضبة"): the killing told right after the funeral's word is whom it mourns, an earlier incident,
    not the crowd's. Returns the funeral words whose mourned deaths were set aside (their toll goes too)."""
    if not any(t.tag in CROWD_TAGS and t.strong and not t.blocked for t in trigs):
        return []
    funerals = [k for k in range(sv.lo, sv.hi) if "FUNERALW" in toks[k].classes]
    mourning: set[int] = set()
    for t in trigs:
        near = [k for k in funerals if 0 < t.first - k <= MOURNED_REACH]
        if t.tag not in CROWD_TAGS and not t.blocked and near:
            t.blocked = "purpose"
            mourning.update(near)
    return sorted(mourning)


PURPOSE_REACH = 12  # words a protest's purpose may run to when no comma ends it


# words that open a clause of cause or time: what follows them happened ("هدد … بقطع الهدنة إثر
# الضربات الجوية التي شنها الجيش")
CAUSE_OPENERS = frozenset({"اثر", "بعد", "عقب", "جراء", "بسبب", "وبعد", "واثر"})


def _comma_between(view: DocView, a: int, b: int) -> bool:
    """Whether a comma stands between token a and a later token b."""
    gap = view.norm.text[view.toks[a].end : view.toks[b].start]
    return "،" in gap or "," in gap


def _clause_length(view: DocView, cue_last: int, hi: int) -> int:
    """Words from a cue to the end of its clause (the next comma or a word of cause or time), at
    most PURPOSE_REACH."""
    for k in range(cue_last + 1, min(hi, cue_last + PURPOSE_REACH + 1)):
        if _comma_between(view, k - 1, k) or view.toks[k].norm in CAUSE_OPENERS:
            return k - 1 - cue_last
    return PURPOSE_REACH


def _new_clause(view: DocView, cue_last: int, trig_first: int) -> bool:
    """A trigger that opens a clause of its own after a comma ("…، وأغلقوا الطرق") is out of the
    reach of a cue in the clause before it."""
    return _comma_between(view, cue_last, trig_first) and view.toks[trig_first].norm.startswith("و")


def _old_dates(view: DocView, sv: SentView) -> list[tuple[int, int]]:
    """Spans of date mentions well before the anchor: a day more than STALE_DAYS back (it cannot
    date the event either, see `sentence_has_date_near`), a month or a year before the report's."""
    if view.anchor is None:
        return []
    out = []
    for d in view.dates:
        if not sv.start <= d.start < sv.end:
            continue
        if d.precision == "year":
            old = d.value.year < view.anchor.year  # "هذا العام" is not history
        elif d.precision == "month":
            old = (d.value.year, d.value.month) < (view.anchor.year, view.anchor.month) and (
                view.anchor - d.value
            ).days > 45
        elif d.precision == "day":
            old = (view.anchor - d.value).days > STALE_DAYS
        else:  # a week ("الأسبوع الماضي") is recent news
            old = (view.anchor - d.value).days > 31
        if old and not _dates_a_state(view.toks, sv.lo, _tok_at(view, sv, d.start) + 1):
            out.append((d.start, d.end))
    return out


# "وفي محافظة حلب، ..." opens the report of another place
LOCALE_OPENERS = ("في", "وفي")
ADDITIVE_OPENERS = ("كما", "وكما")
# "من جهة أخرى، تمكن الجيش من استعادة …": the report turns to another matter, as with "كما"
ASIDE_OPENERS = (
    "من جهه اخري",
    "ومن جهه اخري",
    "من جهه ثانيه",
    "ومن جهه ثانيه",
    "من ناحيه اخري",
    "ومن ناحيه اخري",
    "من جانب اخر",
    "ومن جانب اخر",
    # "يأتي ذلك فيما تتواصل المعارك بين ... في مديرية حرض": what goes on elsewhere at the same time
    "ياتي ذلك فيما",
    "وياتي ذلك فيما",
    "ياتي هذا فيما",
)


def _recent_date(view: DocView, sv: SentView, start: int | None = None, end: int | None = None) -> bool:
    """A day of this week in the sentence (or in its span `start`–`end`: "من حيث انطلقت الاحتجاجات في
    8 تموز، خرج الآلاف الجمعة في مظاهرة" names the trigger's own day after the old date of its context)."""
    if view.anchor is None:
        return False
    lo = sv.start if start is None else max(sv.start, start)
    hi = sv.end if end is None else min(sv.end, end)
    return any(
        lo <= d.start < hi and d.precision == "day" and 0 <= (view.anchor - d.value).days <= STALE_DAYS
        for d in view.dates
    )


def _dated_after(view: DocView, sv: SentView, th: TrigHit, said: frozenset[int]) -> bool:
    """A day of the last two days named after a trigger that follows a reaction cue ("اتهم الحشد
    الشعبي الاثنين التحالف بشن غارة ليل الأحد استهدفت موقعا له"): the accusation is about an
    incident that just happened. A day before the trigger is the speaker's ("اتهم ... الأربعاء ...
    باغتيال والده قبل 3 عقود"), and so is a day right after a verb of saying."""
    if view.anchor is None:
        return False
    return any(
        th.end <= d.start < sv.end
        and d.precision == "day"
        and 0 <= (view.anchor - d.value).days <= OLD_INCIDENT_DAYS
        and d.start not in said
        for d in view.dates
    )


OLD_INCIDENT_DAYS = 2  # a reaction to an incident of the last two days reports the incident


DEED_REACH = 5  # "إقدام ميليشيات الحوثي الانقلابية على اختطاف": the doer's name between


def _told_as_done(toks: list[Tok], th: TrigHit, hi: int) -> bool:
    """The trigger after a reaction cue is told as done in a relative clause of its own ("شجب
    التفجير الإجرامي الذي نفذه الإرهابيون في منطقة سترة"), or as a deed someone undertook ("استنكر
    إقدام ميليشيات الحوثي على اختطاف"): the condemned incident happened."""
    if any("DEEDN" in toks[k].classes for k in range(max(0, th.first - DEED_REACH), th.first)):
        return True
    # (a bombing's relative may be a word of the trigger itself: "التفجير الذي استهدف")
    i = th.first + 1 if th.tag == "IED" else th.last + 1
    while i < hi and i <= th.last + 3 and toks[i].norm not in RELATIVES:
        i += 1  # "التفجير الإرهابي الذي", "الهجوم المسلح الذي"
    return i + 1 < hi and toks[i].norm in RELATIVES and "DONEV" in toks[i + 1].classes


def _future_date(view: DocView, sv: SentView) -> bool:
    """A day after the report's own ("يوم الجمعة المقبل"): what the sentence tells is still to come."""
    if view.anchor is None:
        return False
    return any(
        sv.start <= d.start < sv.end and d.precision == "day" and d.value > view.anchor for d in view.dates
    )


RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان"})

# another incident told as happening at the same moment, by other people ("وفي الوقت نفسه، هاجمت
# مجموعة أخرى …")
SAME_MOMENT = ("الوقت نفسه", "الوقت ذاته", "مجموعه اخري")
NEW_MARKERS = (
    "سياق اخر",
    "حادث اخر",
    "هجوم اخر",
    "حادث منفصل",
    "هجوم منفصل",
    "تفجير اخر",
    "وقت سابق",
    "ياتي ذلك بعد",
    "ياتي هذا بعد",
    "جاء ذلك بعد",
    "جاء هذا بعد",
    "تطور اخر",
    "تطور منفصل",
    "صعيد اخر",
    "غضون ذلك",
    *SAME_MOMENT,
)
LATER_OPENERS = ("وفي وقت لاحق", "في وقت لاحق")
# of these, the ones that say outright that what follows is another incident ("وفي حادث منفصل"),
# however far from the last one the sentence comes
SEPARATE_MARKERS = ("حادث اخر", "هجوم اخر", "حادث منفصل", "هجوم منفصل")
# of these, the ones that tell another incident of the same moment, by other people ("وفي الوقت نفسه،
# هاجمت مجموعة أخرى …"): with its own dead it is an incident of its own, in the same governorate
ANOTHER_MARKERS = (*SEPARATE_MARKERS, *SAME_MOMENT)


def _simultaneous(toks: list[Tok], sv: SentView) -> bool:
    """ "وبالتزامن، سيطرت وحدات ..." or "وبالتزامن مع ذلك" (SIMULW): at the head of a sentence, another
    incident at the same time; not "بالتزامن مع زيارة الوزير", the occasion of the one being told."""
    if "SIMULW" not in toks[sv.lo].classes:
        return False
    words = [t.norm for t in toks[sv.lo + 1 : min(sv.hi, sv.lo + 3)]]
    return not words or words[0] != "مع" or words[1:2] in (["ذلك"], ["هذا"])


# words that put a date in the clause of the word before it ("قتل ... في 12 مايو"); after a noun
# the date names that noun's own event ("مظاهرات مناوئة لانقلاب السادس من أغسطس")
DATE_GOVERNORS = frozenset(
    {
        "في",
        "يوم",
        "منذ",
        "بتاريخ",
        "خلال",
        "ليله",
        "مساء",
        "صباح",
        "فجر",
        "ظهر",
        "اواخر",
        "اوائل",
        "مطلع",
        "نهايه",
        "بدايه",
        "حتي",
        "الي",
        "بين",
        "منتصف",
    }
)


# the first words of dates that govern themselves ("قبل أسبوعين", "منذ شهرين")
SELF_GOVERNED = frozenset({"قبل", "منذ"})


def _tok_at(view: DocView, sv: SentView, pos: int) -> int:
    """Index of the token of the sentence that starts at or after ORIGINAL offset `pos` (a date's
    or number's start). Tokens hold offsets into the normalised view, which is shorter once a
    diacritic or tatweel has been dropped before `pos`: the offset is mapped first."""
    toks = view.toks
    if not view.norm.identity:
        pos = view.norm.to_view(pos)
    for i in range(sv.lo, sv.hi):
        if toks[i].start >= pos:
            return i
    return sv.hi - 1


def _dates_clause(toks: list[Tok], sv: SentView, trig_last: int, date_tok: int) -> bool:
    """Whether an old date near a trigger dates the trigger's own clause."""
    if date_tok <= trig_last or date_tok <= sv.lo:
        # a date before the word ("في 12 مايو خطف ...") frames it, unless a clause of its own opens
        # between them ("منذ 30 آذار إلى 149 شهيدا، بينما قتل جندي الجمعة")
        return date_tok <= sv.lo or not any(_joins(toks, k) for k in range(date_tok + 1, trig_last))
    if toks[date_tok].norm in SELF_GOVERNED:
        return True  # "انطلقت في البصرة قبل أسبوعين": the date holds its own governor
    before = toks[date_tok - 1].norm
    return before in DATE_GOVERNORS or before.removeprefix("و") in DATE_GOVERNORS


SOURCE_PREPS = frozenset({"بحسب", "حسب", "وبحسب", "وحسب", "وفق", "وفقا", "ووفق", "ووفقا"})

# sentence-wide cues that a clause boundary can hold to their own clause (see _clause_start)
CONFINED_KINDS = frozenset({"aggregate", "cumulative", "court", "metaphor", "scene"})
# words of a fight or a riot an accident may set off ("مواجهات … إثر مقتل مراهقين في اصطدام …")
UNREST_TAGS = (CROWD_TAGS - {"INTERVENE"}) | {"CLASH"}
CLAUSE_GAP = 2  # words a clause must hold before the cue: "، منذ بداية العام" still frames the incident


def _crowd_before(trig_hits: list[Hit], k: int) -> bool:
    """A strong crowd word (a protest, a riot) comes before token k."""
    return any(
        t.last < k and t.pattern.payload.tag in CROWD_TAGS and t.pattern.payload.strong for t in trig_hits
    )


def _ongoing_protests(toks: list[Tok], trig_hits: list[Hit], cue: int) -> bool:
    """A protest word right before "still running" (ONGOINGW) and the cue, in a sentence that tells
    no killing: the wave goes on today ("احتجاجات متواصلة منذ مطلع العام"). A toll of such a wave
    ("قتل 50 في احتجاجات متواصلة منذ …") stays a total."""
    if any(h.pattern.payload.tag == "KILL" for h in trig_hits):
        return False
    return any(
        h.pattern.payload.tag == "PROTEST"
        and not h.pattern.payload.generic
        and h.last + 1 < cue
        and "ONGOINGW" in toks[h.last + 1].classes
        for h in trig_hits
    )


def _grievance(toks: list[Tok], trig_hits: list[Hit], cue: int) -> bool:
    """A cue inside what a protest is about: a crowd word before it, then a purpose word
    (احتجاجا، مطالبين، للمطالبة …) between that word and the cue."""
    # the purpose word may close the crowd phrase itself ("أغلق محتجون الطريق بالإطارات ... احتجاجا")
    crowd = [h.first for h in trig_hits if h.pattern.payload.tag in ("PROTEST", "RIOT") and h.last < cue]
    return bool(crowd) and any("PURPOSEW" in toks[k].classes for k in range(min(crowd), cue))


def _cause_between(cue_hits: list[Hit], trig_hits: list[Hit], cue: int) -> int | None:
    """The first token of a cause cue ("إثر", "عقب") standing before token `cue` after words of a fight
    or a riot: the words from it on tell what set them off. Not after a killing alone ("قتل 12 طفلا
    إثر اصطدام قطار بحافلة": the accident is how they died)."""
    return next(
        (
            h.first
            for h in cue_hits
            if h.pattern.payload.kind == "cause"
            and h.first < cue
            and any(t.last < h.first and t.pattern.payload.tag in UNREST_TAGS for t in trig_hits)
        ),
        None,
    )


def _clause_start(
    view: DocView, sv: SentView, first_trig: int, cue: int, trig_hits: list[Hit], *, commas: bool = True
) -> int | None:
    """The first token of the clause holding a sentence cue, when that clause is not the incident's:
    the cue stands more than YEAR_WINDOW words after the first trigger, and the last comma or
    relative pronoun before it (one not describing a trigger word: "الهجوم الذي") leaves at least
    CLAUSE_GAP words before the cue. None: the cue frames the whole sentence. Without `commas` only
    a relative pronoun opens a clause (a comma may close a parenthesis: "اغتالت الميليشيا، بدم بارد،
    صالح ... في 4 ديسمبر 2017")."""
    if cue - first_trig <= YEAR_WINDOW:
        return None
    toks = view.toks
    text = view.doc.text
    for k in range(cue - 1, first_trig, -1):
        prev_end = view.orig(toks[k - 1].end, toks[k - 1].end)[0]
        start = view.orig(toks[k].start, toks[k].start)[0]
        comma = commas and any(c in text[prev_end:start] for c in "،,؛;")
        relative = toks[k].norm in RELATIVES
        if "TOTALV" in toks[k].classes:
            # "قتل 14 مدنيا في قصف المناطق التي … ليرتفع عدد القتلى منذ …": the running total opens
            # its own clause, whatever the words before it describe
            return k
        if comma or relative:
            if cue - k < CLAUSE_GAP:
                return None
            if relative and any(
                h.first <= k - j <= h.last and h.first - first_trig <= YEAR_WINDOW
                for h in trig_hits
                for j in (1, 2, 3)
            ):
                # "الاحتجاجات المطالبة بالديمقراطية التي قادها طلاب ... عام 1989": the incident's own;
                # a clause on a later word ("مع الذكرى الخامسة للاحتجاجات، التي شكلت عام 2013") is not
                return None
            return k
    return None


# words that make a demonstrative a discourse link ("إلى ذلك", "وفي غضون ذلك", "بعد ذلك")
CONNECTIVES = frozenset({"الي", "الى", "غضون", "جانب", "بعد", "قبل", "اثر", "عقب", "مع", "رغم", "عن"})


def _quote_between(view: DocView, a: int, b: int) -> bool:
    """A quotation opens between two words of a sentence (what follows is someone's words)."""
    if a >= b:
        return False
    s, _ = view.orig(view.toks[a].end, view.toks[a].end)
    e, _ = view.orig(view.toks[b].start, view.toks[b].start)
    return any(q in view.doc.text[s:e] for q in ("«", "“"))


def _announces_own_act(toks: list[Tok], last: int) -> bool:
    """A verbal noun of action right after the announcing side ("أعلن الجيش القضاء على"); a day
    word and the side's adjective may stand between ("القوات المسلحة المصرية، الأربعاء، القضاء")."""
    k = last + 1
    while k < len(toks) and k <= last + 3 and ("TIMEW" in toks[k].classes or _adjective_like(toks[k].norm)):
        k += 1
    return k < len(toks) and "AGENTN" in toks[k].classes


def _adjective_like(norm: str) -> bool:
    """A definite nisba adjective (المصرية، العراقي): ends in -ي / -ية."""
    return norm.startswith("ال") and norm.endswith(("ي", "يه", "ية"))


def _members_of_armed(toks: list[Tok], j: int, hi: int, actors: list[ActorHit]) -> bool:
    """A count followed by "من عناصر|مقاتلي ... <armed group>" (a word or two of the group's name
    may stand between: "من عناصر تنظيم داعش"), or by its noun and a word of belonging to one ("3
    أشخاص ينتمون لتنظيم القاعدة", "يشتبه بانتمائهم إلى داعش")."""
    belong = _belonging(toks, j, hi)
    if belong is not None:
        return any(a.entry.kind == "armed" and belong < a.first <= belong + 3 for a in actors)
    if j + 2 >= hi or toks[j + 1].norm != "من" or "FORCEW" not in toks[j + 2].classes:
        return False
    return any(a.entry.kind == "armed" and j + 3 <= a.first <= j + 4 for a in actors)


BELONG_REACH = 3  # words after a count its word of belonging may stand ("3 أشخاص يشتبه بانتمائهم")
NOT_WORDS = frozenset({"لا", "لم", "غير", "ولا", "ولم"})  # "لا ينتمي إلى فصيل مسلح": not a member


def _belonging(toks: list[Tok], j: int, hi: int) -> int | None:
    """The word of belonging a few words after a count ("ينتمون"), unless negated."""
    k = next((k for k in range(j + 1, min(hi, j + BELONG_REACH + 1)) if "BELONGW" in toks[k].classes), None)
    return None if k is None or toks[k - 1].norm in NOT_WORDS else k


def _actor_hit(view: DocView, sv: SentView, h: Hit) -> ActorHit:
    toks = view.toks
    head = h.pattern.toks[0]
    if head.kind == "class" and head.cls == "SUBJV":
        # "شنت روسيا غارات": the country after the verb struck; the verb is not part of its name
        first = h.first + 1
        return ActorHit(
            h.pattern.payload, *view.orig(toks[first].start, toks[h.last].end), first, h.last, subject=True
        )
    return ActorHit(
        h.pattern.payload,
        *view.orig(toks[h.first].start, toks[h.last].end),
        h.first,
        h.last,
        target=any("TARGET" in toks[k].classes for k in range(max(sv.lo, h.first - 2), h.first)),
        backer=_backed_by(toks, sv.lo, h.first),
        charged=any("CHARGEW" in toks[k].classes for k in range(max(sv.lo, h.first - 2), h.first)),
    )


def _backed_by(toks: list[Tok], lo: int, first: int) -> bool:
    """ "بدعم من التحالف", "مدعومة بغارات التحالف", "بإسناد التحالف": the backer of the side that
    fights, right after the word of support (or its "من"), or after what the support is ("بإسناد جوي ومدفعي
    من قوات التحالف")."""
    k = first - 1
    steps = 0
    while (
        k > lo and steps < BACKMOD_REACH and (toks[k].norm in ("من", "قبل") or "BACKMOD" in toks[k].classes)
    ):
        k -= 1
        steps += 1
    return k >= lo and "BACKW" in toks[k].classes


BACKMOD_REACH = (
    4  # words between the word of support and its backer: "من", what the support is ("جوي ومدفعي")
)


def _charged_clauses(trigs: list[TrigHit], end: int) -> list[tuple[int, int]]:
    """The words of an attack someone is accused of, inside a clause after the sentence's own incident
    ("قتلت الشرطة خمسة مسلحين من خلية اتهمتها السلطات بتنفيذ التفجير الذي استهدف حافلة في العريش"):
    from its blocked words to the next live ones or the sentence's end. A place among them is where
    the attack they were accused of was, not where the sentence's incident is."""
    live = sorted(t.start for t in trigs if not t.blocked)
    return [
        (t.start, next((s for s in live if s > t.end), end))
        for t in trigs
        if t.blocked == "reaction" and live and live[0] < t.start
    ]


def _verb_first_subjects(toks: list[Tok], actors: list[ActorHit]) -> None:
    """ "استهدف الجيش الإسرائيلي مواقع": in a verb-first clause the armed side right after the verb
    struck; it is not the target, unless an armed side already stands before the verb. The side right
    after a verb of saying ("قالت الشرطة إن") tells the news."""
    for a in actors:
        verb = a.first - 1
        if verb > 0 and "FORCEW" in toks[verb].classes:
            verb -= 1  # "هاجمت ميليشيات الحشد"
        elif verb > 0 and "WEAPONW" in toks[verb].classes and a.entry.kind in ARMED_SIDES:
            verb -= 1  # "استهدفت سبعة صواريخ حوثية": whose missiles struck
            while verb > 0 and toks[verb].num is not None and a.first - verb <= 4:
                verb -= 1
        if (verb >= 0 and "UNDERGOV" in toks[verb].classes) or (
            a.last + 1 < len(toks) and "UNDERGOV" in toks[a.last + 1].classes
        ):
            a.target, a.subject = True, False  # "تعرضت دورية للجيش لهجوم": the patrol was hit
            continue
        if verb < 0:
            continue
        if "CARRIEDV" in toks[verb].classes or (verb > 0 and "CARRIEDV" in toks[verb - 1].classes):
            a.subject, a.target = True, False  # "هجوم بسكين شنه شاب فلسطيني": who carried it out
            continue
        if toks[verb].norm == "باسم" and verb > 0 and "SPOKESW" in toks[verb - 1].classes:
            a.speaker = True  # "قال المتحدث باسم الشرطة": the police tell it
            continue
        if "SAYV" in toks[verb].classes:
            if a.entry.kind in (*ARMED_SIDES, "unidentified") and _announces_own_act(toks, a.last):
                a.subject = True  # "أعلنت القوات المسلحة، الأربعاء، القضاء على": it did it itself
            else:
                a.speaker = True
            continue
        if "VERBFIRST" not in toks[verb].classes or a.entry.kind not in (*ARMED_SIDES, "unidentified"):
            continue
        if not any(b.last < verb and b.entry.kind in (*ARMED_SIDES, "unidentified") for b in actors):
            a.target = False
            a.subject = True


def _named_over_generic(toks: list[Tok], actors: list[ActorHit]) -> list[ActorHit]:
    """ "ميليشيات الحشد", "مسلحون من داعش": gunmen or militias named right after are that group."""

    def named_after(a: ActorHit) -> bool:
        for b in actors:
            gap = b.first - a.last
            # right after gunmen, a police or army word is mostly what they hit ("هاجم مسلحون حاجزا
            # للشرطة"), not whose gunmen they are
            if (b.entry.kind in ARMED_SIDES and gap == 2 and toks[a.last + 1].norm == "من") or (
                b.entry.kind in ("armed", "external") and gap == 1
            ):
                return True
        return False

    return [a for a in actors if not (a.entry.kind == "unidentified" and named_after(a))]


def _connective(norm: str) -> bool:
    return norm in CONNECTIVES or norm.removeprefix("و") in CONNECTIVES


def _unprecedented_before(toks: list[Tok], lo: int, first: int) -> bool:
    """ "احتجاجات لم تشهدها المملكة منذ سنوات": a verb of witnessing, negated, within eight words
    before a "since" cue says the incident is the first of its kind for years."""
    return any(
        "WITNESSV" in toks[i].classes and toks[i - 1].norm in NEGATIONS
        for i in range(max(lo + 1, first - 8), first)
    )


NEGATIONS = frozenset({"لم", "لا", "ولم", "ولا"})


def _superlative_before(toks: list[Tok], lo: int, first: int) -> bool:
    """A superlative or "for the first time" within eight words before a "since" cue."""
    return _class_in(toks, "SUPERL", max(lo, first - 8), first)


def _class_in(toks: list[Tok], cls: str, lo: int, hi: int) -> bool:
    """Whether a word of class `cls` (classes.tsv) stands among tokens lo..hi-1."""
    return any(cls in toks[i].classes for i in range(lo, hi))


_RANSOM_ASKED = frame("RANSOM_ASKED")  # kidnappers asking a ransom (frames.tsv)


def _not_in_dates(hits: list[Hit], toks: list[Tok], view: DocView, sv: SentView) -> list[Hit]:
    """Triggers whose first word the text layer read as part of a date ("فجر الخميس" is dawn on
    Thursday, not "he blew up"): a word of time is no word of violence."""
    spans = [(d.start, d.end) for d in view.dates if sv.start <= d.start < sv.end]
    if not spans:
        return hits
    # (token offsets are the normalised view's, dates' the report's own)
    firsts = {h.first: view.orig(toks[h.first].start, toks[h.first].end)[0] for h in hits}
    return [h for h in hits if not any(a <= firsts[h.first] < b for a, b in spans)]


def sentence_mentions(view: DocView, lex: Lexicons) -> list[Mention]:
    toks = view.toks
    out: list[Mention] = []
    for si, sv in enumerate(view.sents):
        if sv.zone in SKIP_ZONES or sv.hi <= sv.lo:
            continue
        trig_hits = _best_hits(lex.triggers.find(toks, sv.lo, sv.hi), strength=True)
        trig_hits = _not_in_dates(trig_hits, toks, view, sv)
        if not any(not h.pattern.payload.generic for h in trig_hits):
            # generic words alone ("الهجمات") never make a mention: skip the costly part; but the
            # wounded of the incident just told may come in a sentence of their own
            if not trig_hits and out and out[-1].sent == si - 1:
                detail = _wounded_detail(view, lex, si, sv, out[-1])
                if detail is not None:
                    out.append(detail)
            continue
        cue_hits = lex.cues.find(toks, sv.lo, sv.hi)
        blocked_sentence = ""
        before: list[tuple[int, str]] = []
        prev: list[tuple[int, str]] = []
        after: list[tuple[int, str]] = []
        cumulative = False
        unhurt: tuple[int, int] | None = None
        untold = False
        following: list[tuple[int, str, str]] = []
        claimed_by: list[int] = []
        no_claim = False
        period = False
        first_trig = min((h.first for h in trig_hits if not h.pattern.payload.generic), default=sv.lo)
        late: list[int] = []  # token indexes of history markers far after the incident words
        confined: list[tuple[int, str]] = []  # (first token of its clause, kind) of far sentence cues
        bounded: list[tuple[int, str]] = []  # (joining word, kind) of totals that end before a dated clause
        sentence_kinds: list[str] = []  # every sentence-wide cue, in order
        # "تحدثت تقارير عن اشتباكات": reports as the source of the news, not talk about reports
        sources = [(h.first, h.last) for h in cue_hits if h.pattern.payload.kind == "source"]
        for h in cue_hits:
            cue: Cue = h.pattern.payload
            if any(t.first <= h.first and h.last <= t.last for t in trig_hits if t.first < t.last):
                continue  # a cue word inside a trigger phrase ("مهرجانا جماهيريا") is part of the incident
            if cue.kind == "source" or (
                cue.kind == "reaction" and any(a <= h.first <= b + 1 for a, b in sources)
            ):
                continue
            if (
                cue.scope == "sentence"
                and cue.kind in ("aggregate", "court", "market", "scene")
                and _grievance(toks, trig_hits, h.first)
            ):
                # "تظاهروا احتجاجا على تأخر رواتبهم منذ أشهر"، "مطالبين بمحاكمتهم"، "احتجاجا على ارتفاع
                # التضخم"، "احتجاجا على اعتداء جنود على طلاب خلال مباراة": what they protest
                continue
            if cue.kind == "scene" and h.last + 1 < sv.hi and "RALLYW" in toks[h.last + 1].classes:
                continue  # "مهرجان انتخابي": a political rally, not a festival
            if cue.kind == "purpose" and h.last + 1 < sv.hi and "STUDYW" in toks[h.last + 1].classes:
                continue  # "قضى طالب جامعي برصاص قناص": a student, not a demand
            if (
                cue.kind == "aggregate"
                and h.first == h.last
                and h.first > sv.lo
                and toks[h.first - 1].norm in SOURCE_PREPS
            ):
                continue  # "بحسب إحصاءات أولية": where a fresh toll comes from, not a running total
            if cue.kind == "aggregate" and h.last + 1 < sv.hi and "RAIDW" in toks[h.last + 1].classes:
                continue  # "خلال حملة دهم وتفتيش": one raid, not a long campaign's total
            if cue.kind == "aggregate" and (
                _superlative_before(toks, sv.lo, h.first) or _unprecedented_before(toks, sv.lo, h.first)
            ):
                continue  # "أعنف هجوم منذ بدء الحرب", "لم تشهدها المملكة منذ سنوات": a comparison, not a total
            if cue.kind == "aggregate" and _ongoing_protests(toks, trig_hits, h.first):
                continue  # "تشهد المدينة احتجاجات متواصلة منذ مطلع العام": a wave still running, no total
            if cue.kind == "aggregate" and h.first > sv.lo and "STATEP" in toks[h.first - 1].classes:
                continue  # "الغوطة المحاصرة منذ عام 2013": how long a state lasts, not a total
            if cue.kind == "aggregate" and _quote_between(view, first_trig, h.first):
                continue  # "وعن الاحتجاجات التي وقعت أمس، قال: «… منذ العام 2005»": the quote's own words
            crowd_scene = cue.kind == "scene" and any(
                t.pattern.payload.tag in CROWD_TAGS and t.pattern.payload.strong for t in trig_hits
            )
            if cue.scope == "sentence" and cue.kind == "aggregate":
                # "ارتفع عدد الشهداء منذ 30 آذار إلى 149، بينما قتل جندي إسرائيلي الجمعة": the total
                # ends where "بينما" opens a clause with a day of its own
                joint = _dated_joint_after(view, sv, h.last)
                if joint is not None:
                    bounded.append((joint, cue.kind))
                    continue
            if cue.kind == "accident" and cue.scope == "sentence":
                cause = _cause_between(cue_hits, trig_hits, h.first)
                if cause is not None:
                    # "مواجهات مع شبان غاضبين ... إثر مقتل مراهقين في اصطدام دراجتهما بسيارة للشرطة":
                    # the accident is what set the clashes off, told in the clause of their cause
                    confined.append((cause, cue.kind))
                    continue
            if cue.scope == "sentence" and cue.kind in CONFINED_KINDS and not crowd_scene:
                # (a crowd's celebration frames it wherever the sentence names it: "خرج آلاف إلى شوارع
                # باريس، ولا سيما في جادتها الشهيرة، للاحتفال بتأهل المنتخب")
                # far after the incident words, past a comma or a relative pronoun, the cue belongs
                # to a clause of its own ("تجمع آلاف ... في ستراسبورغ، للمطالبة بإطلاق سراح أوجلان
                # المسجون منذ عام 1999"; "مقتل 3 أشخاص في مواجهات جديدة، ما يرفع الحصيلة منذ أبريل")
                cut = _clause_start(view, sv, first_trig, h.first, trig_hits)
                if cut is not None:
                    confined.append((cut, cue.kind))
                    continue
            if cue.scope == "clause" and cue.kind == "anniversary" and _crowd_before(trig_hits, h.first):
                continue  # "تظاهر مئات الطلاب ... مع الذكرى الأولى للاحتجاجات": a crowd marking the day is a protest
            if (
                cue.kind == "court"
                and _crowd_before(trig_hits, h.first)
                and any("DURINGW" in toks[k].classes for k in range(max(sv.lo, h.first - 2), h.first))
            ):
                continue  # "تجمع عشرات الناشطين أمام قصر العدل خلال جلسة محاكمتهم": a crowd at a hearing
            if cue.scope == "clause":
                # "الشهر/العام الماضي": history when it frames the incident words; far after them
                # it dates only its own clause ("... تحت شعارات ... وعدا بها في العام الماضي")
                if h.first - first_trig > YEAR_WINDOW:
                    late.append(h.first)
                else:
                    sentence_kinds.append(cue.kind)
                    blocked_sentence = blocked_sentence or cue.kind
                continue
            if cue.kind == "cause":
                # "اجتاحت أعمال شغب مدنا عدة إثر اغتيال بوتو": after a crowd's incident, the violence
                # that set it off is its cause (an incident of its own, told elsewhere), not its kind
                if _crowd_before(trig_hits, h.first):
                    before.append((h.last, "purpose"))
                continue
            if cue.kind == "cumulative":
                cumulative = True  # "في الأيام التسعة الماضية": its tolls add up several days
                continue
            if cue.kind == "untold":
                untold = True  # "ولم يعرف ما إذا أسفرت الغارة عن إصابات": not known, not none
                continue
            if cue.kind == "unhurt":
                # "دون أن يسفر عن إصابات": nobody hurt, said outright (injured 0, not unknown)
                unhurt = view.orig(toks[h.first].start, toks[h.last].end)
                continue
            if cue.kind == "period":
                period = True  # several days: the event keeps its place but loses day precision
                continue
            if cue.kind == "claim":
                # "تبنى التنظيم الهجوم": kept for the notes, blocks nothing. Not a claim: "لم تعلن أي
                # جهة مسؤوليتها" (then nothing in the sentence is), nor "تبنى هجمات مماثلة" (others)
                if h.first > sv.lo and toks[h.first - 1].norm in NEGATIONS:
                    no_claim = True
                else:
                    claimed_by.append(h.last)
                continue
            if cue.scope == "title":
                continue  # headline words (see headline.py), not read in the body
            if cue.scope == "sentence":
                sentence_kinds.append(cue.kind)
                blocked_sentence = blocked_sentence or cue.kind
            elif cue.scope == "before":
                before.append((h.last, cue.kind))
            elif cue.scope == "after":
                if h.first > sv.lo and toks[h.first - 1].norm in RELATIVES:
                    continue  # "الصماد الذي يعتبر السلطة العليا": a description, not a judgement
                if cue.kind == "reaction" and any(
                    t.first == h.last + 1 and t.pattern.payload.tag in CROWD_TAGS and t.pattern.payload.strong
                    for t in trig_hits
                ):
                    continue  # "وندد المتظاهرون بارتفاع الأسعار": the crowd judging is the protest
                after.append((h.last, cue.kind))
            elif cue.scope in ("next", "rally"):
                following.append((h.first, cue.kind, cue.scope))
            else:
                prev.append((h.last, cue.kind))
        if blocked_sentence == "background" and _recent_date(view, sv):
            # "تجددت المظاهرات أمس ... بعد أن قمعت في نهاية الشهر الماضي": a day of this week
            # in the sentence says it reports something new; the past is only its context (other
            # sentence cues still hold: "منذ مطلع العام" sums)
            blocked_sentence = next((k for k in sentence_kinds if k != "background"), "")
        if not blocked_sentence and _future_date(view, sv) and not _recent_date(view, sv):
            # "دعا أنصاره إلى مظاهرة في البصرة يوم الجمعة المقبل": planned, not yet happened
            blocked_sentence = "future"
        if blocked_sentence == "accident" and any(
            (h.pattern.payload.tag == "FIRE" and not h.pattern.payload.generic)
            or (h.pattern.payload.tag in ("RIOT", "PROTEST") and h.pattern.payload.strong)
            for h in trig_hits
        ):
            # (also: "تحول حادث سير إلى أعمال شغب": the riot an accident set off is no accident)
            # "قتل فلسطيني برصاص الجيش بعدما اصطدمت سيارته بموقف حافلات": gunfire is no accident
            blocked_sentence = ""
        # an old year in a clause of its own far after the incident words ("في مدرسة بالمنطقة
        # الحدودية التي انتزعتها القوات من جارتها عام 2014") dates that clause, not the incident
        old_years: list[int] = []
        # (first token, year's token) of the clauses an old year dates on their own
        dated_clauses: list[tuple[int, int]] = []
        for y in _old_year_tokens(view, sv):
            if _grievance(toks, trig_hits, y):
                continue  # "سار آلاف … مطالبين بإنهاء الحظر المفروض منذ عام 1973": what they march against
            cut = _clause_start(view, sv, first_trig, y, trig_hits, commas=False)
            if cut is None:
                old_years.append(y)
            else:
                dated_clauses.append((cut, y))
        old_dates = _old_dates(view, sv)
        date_toks = [_tok_at(view, sv, ds) for ds, _ in old_dates]
        early = old_years + [
            i for i in date_toks if i - first_trig <= YEAR_WINDOW and _dates_clause(toks, sv, first_trig, i)
        ]
        if early and not blocked_sentence and not _recent_date(view, sv):
            # an old year anywhere, or an old date before or among the incident words, and nothing
            # recent: the whole sentence is history. A date far after them dates only its clause.
            blocked_sentence = "background"
        trig_hits = _crowd_words(trig_hits, toks)
        trigs: list[TrigHit] = []
        aged: set[int] = set()  # triggers an old year or date marks as background, whatever else blocks them
        past_spans: list[tuple[int, int]] = []  # (trigger start, old date end) of the past incidents told
        # kidnappers asking a ransom in dollars ("وطالبوا ذويه بفدية قدرها خمسون ألف دولار") are no
        # market talk
        ransom = blocked_sentence == "market" and bool(_RANSOM_ASKED.search(view.doc.text, sv.start, sv.end))
        # where the sentence's strong protest words end: a purpose after them runs to its clause end
        protest_ends = [
            t.last for t in trig_hits if t.pattern.payload.tag in CROWD_TAGS and t.pattern.payload.strong
        ]
        for h in trig_hits:
            trig: Trigger = h.pattern.payload
            s, e = view.orig(toks[h.first].start, toks[h.last].end)
            # "احتجاجا على", "تنديدا ب": the reason of an act, not a protest of its own; a word in
            # scare quotes ("اشتباكا" تركيا عربيا) is a figure of speech; but a strike named in words
            # quoted from a statement ("في "قصف صاروخي" استهدف مقر الحزب") is the statement's words for
            # what happened (an "alleged" chemical attack or a witness's "دوي انفجارات" stay quoted)
            adverb = (trig.tag == "PROTEST" and h.first == h.last and "ADVERB" in toks[h.first].classes) or (
                not (trig.tag in QUOTED_STRIKE_TAGS and h.first < h.last) and _quoted(view.doc.text, s, e)
            )
            th = TrigHit(
                trig.tag,
                trig.strong and not adverb,
                trig.generic or adverb,
                s,
                e,
                h.first,
                h.last,
                nominal=trig.nominal,
                blast=trig.tag == "IED"
                and any("BLAST" in toks[k].classes for k in range(h.first, h.last + 1)),
            )
            if trig.tag in ("TAKE", "RETAKE") and (
                "AIMN" in toks[h.first].classes
                or (h.first > sv.lo and "AIMP" in toks[h.first - 1].classes)  # "بغرض استعادة المنطقة"
            ):
                # "حملة عسكرية لاستعادة جنوب غرب سوريا": the place to be taken, an aim; it types an incident
                # told otherwise ("سيطرت القوات على البلدة ... في هجوم لاستعادة الريف")
                th.generic = True
            if trig.tag == "KILL" and h.first > sv.lo and "WHOPL" in toks[h.first - 1].classes:
                # "صور الذين قتلوا خلال معارك ضد الجهاديين": those killed, recalled; it types an
                # incident told otherwise ("ارتفع عدد الذين قتلوا في الهجوم")
                th.generic = True
            if blocked_sentence and not (
                blocked_sentence == "market"
                and ((trig.tag in CROWD_TAGS and th.strong) or (trig.tag == "ABDUCT" and ransom))
            ):
                # market talk ("هجوم على الأسهم") leaves marchers protesting prices ("آلاف المتظاهرين"),
                # and kidnappers who ask a ransom in dollars ("وطالبوا ذويه بفدية قدرها خمسون ألف دولار")
                th.blocked = blocked_sentence
            for last, kind in before:
                reach = ANNIVERSARY_WINDOW if kind == "anniversary" else BEFORE_WINDOW
                if (kind in ("purpose", "call") and any(e < last for e in protest_ends)) or kind == "threat":
                    # "اعتصم الطلاب تضامنا مع أهالي غزة الذين يتعرضون لغارات": after a protest
                    # told first, its purpose runs to the end of its clause; so does a threat
                    # ("هدد الاتحاد العام للعمال بتنفيذ إضراب عام")
                    reach = max(reach, _clause_length(view, last, sv.hi))
                # (a threat's own last word may be the weapon it threatens with: "توعد … بقصف")
                if (0 if kind == "threat" else 1) <= h.first - last <= reach:
                    if _new_clause(view, last, h.first):
                        continue  # "احتجاجا على النتائج، وأغلقوا الطرق": the cue's clause has ended
                    if kind in CROWD_IMMUNE and trig.tag in CROWD_TAGS:
                        continue  # "بعد اللقاء ... سار المعتصمون": meetings and plans do not undo a protest
                    if kind == "covered" and trig.tag not in CROWD_TAGS:
                        continue  # "كان يغطي المواجهات": the fighting a journalist covered still happened
                    if (
                        kind == "anniversary"
                        and trig.tag in CROWD_TAGS
                        and h.first - last > ANNIVERSARY_OBJECT
                    ):
                        # "ساروا في الذكرى الرابعة لسقوط بغداد مرددين هتافات": a march on an anniversary is
                        # a march; right after "ذكرى" the crowd word is what is remembered
                        continue
                    th.blocked = kind
            for cut, kind in confined:
                if h.first >= cut:
                    th.blocked = th.blocked or kind
            for joint, kind in bounded:
                if h.first < joint:
                    th.blocked = th.blocked or kind
            for first, kind, scope in following:
                if scope == "rally" and trig.tag not in CROWD_TAGS and first - h.last > 1:
                    continue  # "هجوم استهدف تجمعا انتخابيا": an attack on a rally is an attack
                # a trigger whose words stand apart ends on its object ("تجمع مئات أمام مقر"): a word
                # after it qualifies that object ("مقر اللجنة الانتخابية"), not the event
                spread = h.last - h.first + 1 > len(h.pattern.toks)
                if 0 < first - h.last <= NEXT_WINDOW and not spread:
                    if kind == "metaphor" and trig.tag in WEAPON_TAGS and th.strong:
                        continue  # "فجر انتحاري نفسه وسط تجمع انتخابي": the rally is where, not a figure
                    th.blocked = kind  # "هجوم محتمل": a feared or expected attack
            for last, kind in prev:
                if h.first - last == 1:
                    if kind == "anaphora" and last > sv.lo and _connective(toks[last - 1].norm):
                        continue  # "إلى ذلك، تظاهر ...", "بعد ذلك": a discourse link, not "this attack"
                    if kind == "anaphora":
                        th.anaphoric = True  # "هذا الهجوم": refers back, never a new incident
                    elif kind == "metaphor" and "UNDERGOV" in toks[h.first].classes:
                        continue  # "قوة تابعة للفرقة تعرضت لهجوم": the unit is who was hit
                    else:
                        th.blocked = kind
            # (and the words of violence of a clause an old year dates: "خلافا لديربي سنة 2019 الذي شهد
            # أعمال شغب")
            aging = [
                (ds, de)
                for (ds, de), i in zip(old_dates, date_toks, strict=True)
                if abs(ds - s) < 60
                and _dates_clause(toks, sv, h.last, i)
                and not _recent_date(view, sv, de, e)
            ]
            if (
                any(abs(h.first - y) <= YEAR_WINDOW for y in old_years + late)
                or any(h.first >= cut and abs(h.first - y) <= YEAR_WINDOW for cut, y in dated_clauses)
                or aging
            ):
                th.blocked = th.blocked or "background"
                aged.add(id(th))
                # "منذ الهجوم الذي أوقع 31 قتيلا ببغداد، في 16 يناير": the words from the trigger to the
                # old date after it tell the past incident, and a place among them is its place
                past_spans.extend((s, de) for ds, de in aging if ds > e)
            trigs.append(th)
        past_spans.extend(_charged_clauses(trigs, sv.end))
        _age_tolls_during(view, trigs, aged)
        past_tolls = _tolls_in_which(view, sv, trigs)
        actors = [_actor_hit(view, sv, h) for h in _best_hits(lex.actors.find(toks, sv.lo, sv.hi))]
        # "بإسناد من طيران التحالف العربي": "التحالف العربي" is the same backer as "طيران التحالف"
        for a in actors:
            a.backer = a.backer or any(b.backer and b.first <= a.first <= b.last for b in actors)
        _verb_first_subjects(toks, actors)
        actors = _named_over_generic(toks, actors)
        big: list[tuple[str, int]] = []  # (role, figure) of tolls in the thousands
        cas = _casualties(view, lex, sv, actors, big)
        if cumulative:
            # "اعتداءات متفرقة في الأيام الأخيرة كان آخرها إطلاق النار على نقطة ... مما أدى إلى إصابة
            # جنديين": the toll after "آخرها" is the latest incident's own, not the days' total
            latest = next((k for k in range(sv.lo, sv.hi) if toks[k].norm in LATEST_OF), None)
            cas = [c for c in cas if latest is not None and c.tok > latest]
        # a running total in a clause of its own ("ما يرفع الحصيلة منذ أبريل إلى 137 قتيلا"), or the
        # toll of a clause an old year dates ("البلدة التي لم تنهض بعد من هجوم وقع عام 2014
        # وأودى بحياة العشرات")
        cas = [
            c
            for c in cas
            if not any(k in ("aggregate", "cumulative") and c.tok >= cut for cut, k in confined)
            and not any(c.tok >= cut for cut, _ in dated_clauses)
            and not any(c.tok < joint for joint, _ in bounded)  # the total before "بينما"
        ]
        _what_a_protest_is_about(trigs, cas)
        # (the dead a funeral mourns go with the words of their killing)
        mourned = _whom_a_funeral_mourns(trigs, toks, sv)
        cas = [c for c in cas if not any(0 < c.tok - k <= MOURNED_REACH for k in mourned)]
        # "خصوصا بعد سقوط ثمانية قتلى في المظاهرات السابقة": a toll inside words of violence a cue
        # rules out (told as the past, a slogan, a plan) is not the incident's; nor, when told as
        # the past, the victim named right after them ("بعد انتشار نبأ اغتيال زعيم حزب")
        ruled_out = [t for t in trigs if t.blocked]
        cas = [
            c
            for c in cas
            if not any(
                t.first <= c.tok <= t.last
                or (t.blocked == "background" and c.tok == t.last + 1 and toks[c.tok].num is None)
                for t in ruled_out
            )
            # ("غداة اشتباكات قرب السياج، قتل فيها ثلاثة وجرح العشرات": the whole toll of
            # the clause is the day before's)
            and not any(lo <= c.tok < hi for lo, hi in past_tolls)
        ]
        # "تظاهروا احتجاجا على مقتل شاب": the killing is what the protest is about, not its toll;
        # "زاعما مقتل خمسة من عناصر الميليشيا": a party's claimed toll is not the incident's; nor is
        # what could happen ("يمكن أن يكون قتل العشرات في محطة": a hypothetical's toll);
        # "ذكرى مقتل 6 من عرب إسرائيل": the dead of an anniversary are not today's
        cas = [
            c
            for c in cas
            if not any(
                (k in ("purpose", "boast", "hypothetical") and 0 < c.tok - last <= BEFORE_WINDOW)
                or (k == "anniversary" and 0 < c.tok - last <= ANNIVERSARY_WINDOW)
                for last, k in before
            )
        ]
        if blocked_sentence == "scene" and (
            (_recent_date(view, sv) and any(c.role in ("killed", "injured") and not c.vague for c in cas))
            or any(t.tag in ("INTERVENE", "ARREST") and not t.generic for t in trigs)
            # gunfire or a bomb that killed ("أطلقت قوات الأمن النار على شبان يحتفلون بعيد النوروز ما
            # أدى إلى مقتل ثلاثة", "فجر نفسه بين المحتفلين بفوز المنتخب"): the celebration is only the scene
            or (
                any(c.role == "killed" and not c.vague for c in cas)
                and any(
                    t.tag in ("FIRE", "ATTACK", "SUICIDE") or (t.tag == "IED" and t.strong) for t in trigs
                )
            )
        ):
            # a festival, a film set or a game as the scene ("قتل حارس بتفجير عبوة ليل الخميس قرب
            # ساحة المهرجان الصيفي"): a toll and a day of this week say the violence was real; so does
            # the police dispersing the crowd ("لتفريق آلاف المتظاهرين ... للاحتفال بعيد العمال")
            blocked_sentence = ""
            for th in trigs:
                if th.blocked == "scene":
                    # (the riot of an old derby stays history: "خلافا لديربي سنة 2019 الذي شهد أعمال شغب")
                    th.blocked = "background" if id(th) in aged else ""
        crowd_day = any(t.tag in CROWD_TAGS and not t.generic for t in trigs)
        # (a thousand hurt beside a toll of dead in the tens is one mass-casualty attack: "أوقع الهجوم
        # الكيماوي 70 قتيلا ونحو 1000 مصاب")
        one_attack = all(role == "injured" for role, _ in big) and any(
            c.role == "killed" and not c.vague and c.value <= ONE_ATTACK_DEAD for c in cas
        )
        if any(role == "killed" or not (crowd_day or one_attack) for role, _ in big) and not blocked_sentence:
            # "أسفرت عن مقتل 1500 مدني": a toll in the thousands sums a campaign, not one incident;
            # but a mass protest can leave a thousand hurt in one day ("أكثر من ألف مصاب في تظاهرات الجمعة")
            blocked_sentence = "aggregate"
            for th in trigs:
                th.blocked = th.blocked or "aggregate"
        dates = [d for d in view.dates if sv.start <= d.start < sv.end]
        said = _said_dates(view, sv, dates)
        took = _took_place_on(view, sv, dates, said)
        if after and not any(c.role in ("killed", "injured") and not c.vague for c in cas):
            # a speaker judging, praising or accusing: what follows is talk about violence, unless
            # the sentence itself gives a precise toll, or protesters and a day of this week
            # ("ندد الوزير بقمع المتظاهرين أمس"): then something did happen
            recent = _recent_date(view, sv)
            # the words of the relative clause that tells the condemned incident as done are that
            # incident too ("التفجير الذي استهدف مسجد ... وأسفر عن استشهاد")
            done_at = min((th.first for th in trigs if _told_as_done(toks, th, sv.hi)), default=None)
            for th in trigs:
                for last, kind in after:
                    if recent and th.strong and th.tag in CROWD_TAGS and kind != "hypothetical":
                        continue  # (but "قد يشعل احتجاجات" said on a day of this week is still no protest)
                    if (
                        th.first > last
                        and not _dated_after(view, sv, th, said)
                        and not (done_at is not None and th.first >= done_at)
                    ):
                        th.blocked = th.blocked or kind
        norm_sent = " ".join(t.norm for t in toks[sv.lo : sv.hi])
        marker = (
            any(m in norm_sent for m in NEW_MARKERS)
            or _simultaneous(toks, sv)
            # "وميدانيا، سيطرت القوات ..." (FIELDW): after the talk, the news from the fronts
            or "FIELDW" in toks[sv.lo].classes
            # "وفي وقت لاحق من اليوم نفسه، انفجر لغم …": told first, what came later that day (not
            # "وتوفي رابع في وقت لاحق", the same incident's toll: only as the sentence's opening;
            # nor "وفي وقت لاحق أعلن التنظيم مسؤوليته عن الانفجار", its claim)
            or (norm_sent.startswith(LATER_OPENERS) and not claimed_by)
        )
        opener = toks[sv.lo].norm in LOCALE_OPENERS
        # "كما خرج الآلاف في مدينة ود مدني": an item added to the report, often an incident of its own
        # (not when its violence sits in a relative clause: "من جهة أخرى، طالب نواب بإعمار المناطق
        # التي استعادت الدولة السيطرة عليها")
        also = toks[sv.lo].norm in ADDITIVE_OPENERS or (
            norm_sent.startswith(ASIDE_OPENERS)
            and any(not t.blocked and not _recalled(toks, sv.lo, t.first) for t in trigs)
        )
        # (not men accused of an ordinary crime, "القبض على أربعة متهمين بالاتجار بالمواد المخدرة", unless
        # the sentence speaks of terror too)
        classes_here = {c for i in range(sv.lo, sv.hi) for c in toks[i].classes}
        suspects = "SUSPECT" in classes_here and ("CRIME" not in classes_here or "TERROR" in classes_here)
        # an activist, a journalist or an official detained (not for an ordinary crime), told with an
        # active verb that opens its clause ("اعتقلت السلطات …", not "الذي اعتقل عاما كاملا")
        # ("ألقت السلطات الإيرانية القبض على ...": the verb may stand a few words before "القبض")
        arrested_by_verb = [
            t
            for t in trigs
            if t.tag == "ARREST"
            and any(
                "ARRESTV" in toks[k].classes for k in range(max(sv.lo, t.first - ARRESTV_REACH), t.first + 1)
            )
            and not _recalled(toks, sv.lo, t.first)
        ]
        dissent = (
            bool(arrested_by_verb)
            and (
                "DISSENT" in classes_here
                or any(
                    _class_in(toks, "OFFICIALW", t.last + 1, min(sv.hi, t.last + 1 + OFFICIAL_REACH))
                    for t in arrested_by_verb
                )
            )
            and "CRIME" not in classes_here
        )
        # "وتم القبض على ثلاثة مشتبه بهم": arrested in the passive, by forces the sentence leaves unnamed
        # (a day may stand between them: "جرى أمس الأحد القبض على ثلاثة منهم")
        passive_arrest = any(
            t.tag == "ARREST" and _class_in(toks, "PASSIVEV", max(sv.lo, t.first - PASSIVE_REACH), t.first)
            for t in trigs
        )
        # one wanted man or suspect arrested, named right after the word of arrest ("واعتقلت تونسيا مشتبها
        # به", "القبض على الإرهابي هشام عشماوي"): no count, but the arrest ACLED codes
        suspect_held = any(
            _class_in(toks, "SUSPECT", t.last + 1, min(sv.hi, t.last + 1 + SUSPECT_REACH))
            for t in arrested_by_verb
        )
        claim = None
        generic_after = {h.first for h in trig_hits if h.pattern.payload.generic}
        claimed_by = [c for c in claimed_by if not any(0 < g - c <= 2 for g in generic_after)]
        if claimed_by and not no_claim:
            armed = [a for a in actors if a.entry.kind in ("armed", "external", "state")]
            if armed:
                claim = min(armed, key=lambda a: min(abs(a.first - c) for c in claimed_by))
        back = _past_back(view, si)  # sentences back to the nearest old date, or None
        out.extend(
            _split(
                view,
                sv,
                Mention(
                    si,
                    sv.start,
                    sv.end,
                    trigs,
                    cas,
                    actors,
                    dates,
                    marker,
                    blocked_sentence=blocked_sentence,
                    opener=opener,
                    claim=claim,
                    also=also,
                    extra={
                        "suspects": suspects,
                        "suspect_held": suspect_held,
                        "passive_arrest": passive_arrest,
                        "separate": marker and any(x in norm_sent for x in SEPARATE_MARKERS),
                        "another": marker and any(x in norm_sent for x in ANOTHER_MARKERS),
                        # "ومن جهة أخرى، قتل 5 مدنيين في قصف …": an aside that opens its sentence
                        "aside": also and norm_sent.startswith(ASIDE_OPENERS),
                        "dissent": dissent,
                        "unhurt": None if untold else unhurt,
                        "past_near": back is not None,
                        # (the sentence itself or the one before: `incidents._fight_of_its_own`)
                        "past_close": back is not None and back <= 1,
                        "period": period,
                        "said": said,
                        "cause": _cause_dates(view, sv, dates, trigs),
                        "took": took,
                        "past_spans": past_spans,
                        # "خرج الآلاف في تظاهرات": the protest phrase holds the size of its crowd
                        # ("مئات المعتصمين": the count right before the crowd word too; "تظاهر مئات
                        # التيبتيين": right after the verb)
                        "crowd_size": any(
                            t.tag == "PROTEST"
                            and _class_in(toks, "CROWDN", max(sv.lo, t.first - 1), min(sv.hi, t.last + 2))
                            for t in trigs
                            if not t.blocked
                        ),
                        # "أقدم مئات الشبان … على إغلاق الطريق وإحراق مقر البلدية": a crowd's size before
                        # its rioting words names the rioters
                        "riot_size": any(
                            t.tag == "RIOT"
                            and _class_in(toks, "CROWDN", max(sv.lo, t.first - RIOT_SIZE_REACH), t.first)
                            for t in trigs
                            if not t.blocked
                        ),
                    },
                ),
            )
        )
    return out


CROWD_SPLIT_REACH = 4  # words after a crowd word where the town of its clause may be named


def _split(view: DocView, sv: SentView, m: Mention) -> list[Mention]:
    """A sentence that tells several incidents, one mention each: several places with their own
    tolls, protests in two towns, or two clauses with their own words and figures; the first of
    these readings that cuts the sentence wins."""
    for split in (_split_tolls, _split_crowds, _split_clauses):
        parts = split(view, sv, m)
        if len(parts) > 1:
            return parts
    return [m]


def _split_crowds(view: DocView, sv: SentView, m: Mention) -> list[Mention]:
    """One sentence, protests in two towns ("وفي وهران، جابت مسيرة ضخمة شوارع المدينة ... كما شهدت
    مدينة قسنطينة مسيرة سلمية"): one mention per town, cut before the joining word (فيما، بينما،
    كما). The later clause must name a kind of locality (مدينة، بلدة …) between the joining word and
    its crowd word, or just after it; otherwise ("كما تظاهر المئات أمام مقر المحافظة") it is the
    same protest."""
    toks = view.toks
    crowd = sorted(
        (t for t in m.live if t.strong and not t.generic and t.tag in CROWD_TAGS), key=lambda t: t.first
    )
    cuts: list[int] = []
    for a, b in pairwise(crowd):
        joint = next((k for k in range(b.first - 1, a.last, -1) if "SPLITW" in toks[k].classes), None)
        if joint is None:
            continue
        reach = range(joint + 1, min(sv.hi, b.last + 1 + CROWD_SPLIT_REACH))
        if any("LOCW" in toks[k].classes for k in reach) and (not cuts or joint > cuts[-1]):
            cuts.append(joint)
    return _cut(view, m, cuts, "crowd") if cuts else [m]


def _split_clauses(view: DocView, sv: SentView, m: Mention) -> list[Mention]:
    """One sentence, two incidents with their own words and figures, joined by فيما، بينما، كما
    ("قتل ثلاثة مدنيين بانفجار عبوة في الموصل، فيما أصيب جنديان بهجوم مسلح في كركوك"): one mention
    each. Not when the later figure is "the others" of the same incident ("فيما أصيب خمسة آخرون في
    الهجوم"); and `group` puts the sentence back together unless every clause names a place of its
    own ("قتل 6 أشخاص، فيما جرح 20 بانفجار سيارة مفخخة وسط بنغازي" is one incident)."""
    toks = view.toks
    violent = sorted(
        (t for t in m.live if not t.generic and t.tag in VIOLENCE_TAGS and not t.anaphoric),
        key=lambda t: t.first,
    )
    figures = [c for c in m.casualties if c.role in ("killed", "injured") and not c.vague]
    cuts: list[int] = []
    for a, b in pairwise(violent):
        joint = next((k for k in range(b.first - 1, a.last, -1) if _joins(toks, k)), None)
        strikes = joint is None and (joint := _retaliation(toks, a, b)) is not None
        if joint is None or (cuts and joint <= cuts[-1]):
            continue
        later = [c for c in figures if joint < c.tok < sv.hi]
        # each clause holds a figure or a strong word of its own ("فيما تجددت الاشتباكات العنيفة في
        # منطقة عين زارة"); two strikes are each a word of their own. The strong word need not be the
        # clause's first ("، كما استهدفت غارات أخرى تجمعات ... في مدينة عبس")
        start = cuts[-1] if cuts else -1
        before = any(t.strong for t in violent if start < t.first < joint)
        after = any(t.strong for t in violent if t.first > joint)
        if not strikes and (not (any(c.tok < joint for c in figures) or before) or not (later or after)):
            continue
        if any(_others(toks, c.tok, sv.hi) for c in later) or _others_hurt(toks, joint, sv.hi):
            continue
        cuts.append(joint)
    if not cuts:
        return [m]
    parts = _cut(view, m, cuts, "clause")
    for part in parts:
        part.extra["whole"] = m  # `group` puts it back unless every clause names its own place
    return parts


def _dated_joint_after(view: DocView, sv: SentView, after: int) -> int | None:
    """The first word after token `after` that joins a clause of its own (فيما، بينما، في حين), when
    that clause names a day: where a total told before it ends."""
    toks = view.toks
    for k in range(after + 1, sv.hi):
        if _joins(toks, k):
            start = view.orig(toks[k].start, toks[k].end)[0]
            if any(start <= d.start < sv.end and d.precision == "day" for d in view.dates):
                return k
            return None
    return None


def _retaliation(toks: list[Tok], a: TrigHit, b: TrigHit) -> int | None:
    """Two strikes of their own, the later told as what came before or set off the first ("قصفت
    الطائرات أهدافا في القطاع بعد سقوط صاروخ على منزل في عسقلان"): ACLED codes both. The joining word
    (بعد، إثر، ردا) must stand right before the later strike's words; `group` puts the sentence back
    together unless each clause names a place of its own."""
    if not (b.strong and a.tag in REMOTE_TAGS and b.tag in REMOTE_TAGS):
        return None
    for k in range(b.first - 1, max(a.last, b.first - 3), -1):
        if "AFTERW" in toks[k].classes:
            return k
    return None


def _joins(toks: list[Tok], k: int) -> bool:
    """A word that joins a second incident: فيما، بينما، كما (SPLITW), or "في حين"."""
    if "SPLITW" in toks[k].classes:
        return True
    return toks[k].norm == "في" and k + 1 < len(toks) and toks[k + 1].norm == "حين"


OTHERS = frozenset({"اخرون", "اخرين", "اخريات", "اخران", "الاخرون", "الاخرين"})


HURT_VERBS = frozenset({"اصيب", "اصيبت", "جرح", "جرحت"})
OTHER_ONES = OTHERS | {"اخر", "اخرى"}


def _others_hurt(toks: list[Tok], joint: int, hi: int) -> bool:
    """ "فيما أصيب عدد آخر", "فيما أصيب آخرون": the clause after the joining word tells the uncounted
    wounded of the incident already told, not an incident of its own."""
    return (
        joint + 1 < hi
        and toks[joint + 1].norm in HURT_VERBS
        and any(toks[k].norm in OTHER_ONES for k in range(joint + 2, min(hi, joint + 5)))
    )


def _number_end(toks: list[Tok], ti: int, hi: int) -> int:
    """The last token of the number that starts at `ti` ("ثلاثة عشر", "أكثر من 20" are one number)."""
    k = ti
    nid = toks[ti].num_id
    while k + 1 < hi and nid >= 0 and toks[k + 1].num_id == nid:
        k += 1
    return k


def _an_age(toks: list[Tok], ti: int, hi: int) -> bool:
    """The number at `ti` is someone's age: a year word right after it ("23 عاما")."""
    k = _number_end(toks, ti, hi)
    return k + 1 < hi and "AGE" in toks[k + 1].classes


def _others(toks: list[Tok], tok: int, hi: int) -> bool:
    """ "خمسة آخرون": the others of the incident already told."""
    return any(toks[k].norm in OTHERS for k in range(tok, min(hi, tok + 3)))


def _cut(view: DocView, m: Mention, cuts: list[int], kind: str) -> list[Mention]:
    """The mention cut before each token of `cuts`; the whole mention if a part has no live word.
    `kind` ("tolls", "crowd", "clause") tells `group` why the parts were cut."""
    toks = view.toks
    bounds = [m.start] + [view.orig(toks[k].start, toks[k].end)[0] for k in cuts] + [m.end]
    out: list[Mention] = []
    for lo, hi in pairwise(bounds):
        part = replace(
            m,
            start=lo,
            end=hi,
            triggers=[t for t in m.triggers if lo <= t.start < hi],
            casualties=[c for c in m.casualties if lo <= c.start < hi],
            actors=[a for a in m.actors if lo <= a.start < hi],
            dates=[d for d in m.dates if lo <= d.start < hi] or m.dates,
            extra={**m.extra, "split": kind},
        )
        if not part.live:
            return [m]
        if kind == "tolls" and out and {t.tag for t in part.live} <= {"KILL"}:
            # "… في غارات استهدفت بلدة كفرنبل، بينما قتل ثلاثة آخرون في خان شيخون": the others died in
            # the same kind of strike, by the same hands, as the first part tells
            head = out[0]
            part.triggers = part.triggers + [t for t in head.triggers if t.tag != "KILL"]
            part.actors = part.actors + [a for a in head.actors if a.entry.kind in ARMED_KINDS]
        out.append(part)
    return out


# the kinds of actor that can carry out violence (forces, groups, gunmen no one names)
ARMED_KINDS = frozenset({"armed", "unidentified", "external", "state"})


def _split_tolls(view: DocView, sv: SentView, m: Mention) -> list[Mention]:
    """One sentence, several places with their own tolls ("قتل خمسة مدنيين في غارة على بلدة كفرنبل
    فيما قتل اثنان آخران في قصف على قرية حيش"): one mention per place and toll.

    Each part must hold a precise killed count and a locality word (مدينة، بلدة، قرية …), mostly after
    the count; parts are cut before the joining word (فيما، بينما، كما) or else at the next count.
    A place told first and its toll after "حيث" or a relative ("تركزت على بلدة حمورية، حيث لقي 17
    شخصا حتفهم، وعلى بلدة سقبا التي سقط فيها تسعة قتلى") starts its part at the place."""
    toks = view.toks
    heads = [
        c for c in m.casualties if c.role == "killed" and not c.vague and not c.attacker and c.head is None
    ]
    if len(heads) < 2:
        return [m]
    heads.sort(key=lambda c: c.tok)

    def locw(lo: int, hi: int) -> list[int]:
        return [k for k in range(lo, hi) if "LOCW" in toks[k].classes]

    cuts: list[int] = []  # token index where each later part starts
    joint: int | None = None
    for i, (a, b) in enumerate(pairwise(heads)):
        joint = next((k for k in range(b.tok - 1, a.tok, -1) if "SPLITW" in toks[k].classes), None)
        between = locw(a.tok + 1, b.tok)
        start = cuts[-1] if cuts else sv.lo
        if not between:
            # a part placed before its toll, then "، بينما قتل ستة آخرون في بلدة كفربطنا"
            nxt = heads[i + 2].tok if i + 2 < len(heads) else sv.hi
            if (
                joint is None
                or not _placed_first(toks, locw(start, a.tok), a.tok)
                or not locw(b.tok + 1, nxt)
            ):
                return [m]
            cuts.append(joint)
            continue
        if joint is None and _placed_first(toks, between, b.tok):
            cuts.append(_place_phrase_start(toks, between[-1], a.tok))
            continue
        cuts.append(joint if joint is not None else b.tok)
    # the last part, after its joining word, may name its place bare ("بينما قتل ثلاثة آخرون في خان
    # شيخون"): `incidents` keeps the parts apart only when each names a place of its own
    bare = joint is not None and any(toks[k].norm == "في" for k in range(heads[-1].tok + 1, sv.hi))
    last_placed = _placed_first(toks, locw(cuts[-1], heads[-1].tok), heads[-1].tok)
    if not (bare or last_placed) and not locw(heads[-1].tok + 1, sv.hi):
        return [m]
    return _cut(view, m, cuts, "tolls")


# words after a place that open the clause of its toll ("بلدة حمورية، حيث لقي 17"، "بلدة سقبا التي سقط فيها")
PLACE_THEN_TOLL = RELATIVES | {"حيث"}
PLACE_PREPS = frozenset({"في", "علي", "وفي", "وعلي", "الي", "والي"})
PLACED_FIRST_REACH = 5  # words between the locality word and the count of its toll


def _placed_first(toks: list[Tok], locs: list[int], count: int) -> bool:
    """The locality word right before a count names the count's place: "حيث" or a relative
    pronoun stands between them, a few words before the count."""
    return bool(locs) and any(
        toks[k].norm in PLACE_THEN_TOLL for k in range(max(locs[-1] + 1, count - PLACED_FIRST_REACH), count)
    )


def _place_phrase_start(toks: list[Tok], loc: int, floor: int) -> int:
    """Where the phrase of the locality word `loc` starts: its preposition ("وعلى بلدة سقبا")."""
    return loc - 1 if loc - 1 > floor and toks[loc - 1].norm in PLACE_PREPS else loc


def _nearest_verb(hits: list[Hit], toks: list[Tok]) -> list[Hit]:
    """Casualty hits that do not reach past what their count says. The longest match would otherwise
    win (`_best_hits`); a gapped pattern ("{N} ~3 أصيب", "قتل ~5 {N} <ATTACKER>") must not:

    - reach over another count ("قتل ثلاثة جنود ... وثلاثة عشر إرهابيا": the soldiers are the verb's
      too, "{N} <ATTACKER>" must not swallow them);
    - take a count over a phrase of its own to a later verb ("مقتل أحد جنوده وإصابة آخر بجروح": "أحد
      ~3 بجروح" would make the dead soldier the wounded one and hide "إصابة آخر"); a count inside is a
      part, not a phrase of its own ("21 عسكريا من بينهم 9 إيرانيين قتلوا");
    - take a count to a verb that names its own people right after it ("ثلاثة أشخاص، وأصيب الشاب",
      "... وأصيب خمسة آخرون"; not "قتلوا في هجوم مسلح", an adjective read as a gunman, nor "قتلوا
      وأصيب 48 شخصا", which reaches over another verb);
    - pass its nearest verb for a further one of another role ("ثلاثة مدنيين قتلوا فيما أصيب عدد
      آخر" counts the dead), nor, from a verb, reach over a nearer verb of another role to its count.
    """
    counts = {h.nums[0] for h in hits if h.nums}
    hits = [h for h in hits if not (h.nums and any(h.first <= k < h.nums[0] for k in counts))]
    inner = [(h.first, h.last) for h in hits if not (h.nums and h.first == h.nums[0])]
    counted = {
        h.first
        for h in hits
        # (the count right after the verb, or after its modifiers: "وأصيب نحو 10")
        if (
            h.nums
            and h.nums[0] > h.first
            and all("MOD" in toks[k].classes for k in range(h.first + 1, h.nums[0]))
        )
        or (not h.nums and h.last == h.first + 1 and toks[h.last].classes & {"SG", "DUAL"})
    }
    hits = [
        h
        for h in hits
        if not (
            h.nums
            and h.first == h.nums[0]
            and (any(h.first < a and b < h.last for a, b in inner) or h.last in counted)
        )
    ]
    # a verb must not reach over a nearer verb of another role to the same count ("رجل قتل وأصيب 6
    # مدنيين": the six are the wounded's, "قتل ~3 {N}" would make them dead); a noun of the dead or
    # wounded is no verb ("عدد القتلى والجرحى بلغ 5" is one figure of both)
    nearest: dict[int, Hit] = {}
    for h in hits:
        if (
            h.nums
            and h.first < h.nums[0]
            and h.first > getattr(nearest.get(h.nums[0]), "first", -1)
            and not toks[h.first].classes & {"WOUNDED", "DEAD"}
        ):
            nearest[h.nums[0]] = h
    # nor over a person its own verb already counts to a count joined after it ("قتل ضابط وثلاثة
    # جنود": one, then three); a count right after the person makes that person the killer ("قتل
    # انتحاري 29 شخصا")
    hits = [
        h
        for h in hits
        if not (
            h.nums
            and h.first < h.nums[0]
            and toks[h.nums[0]].norm.startswith("و")
            and any(o is not h and not o.nums and h.first <= o.first and o.last < h.nums[0] for o in hits)
        )
    ]
    hits = [
        h
        for h in hits
        if not (
            h.nums
            and h.first < h.nums[0]
            and h.nums[0] in nearest
            and nearest[h.nums[0]].first > h.first
            and nearest[h.nums[0]].pattern.payload.role != h.pattern.payload.role
        )
    ]
    first: dict[int, int] = {}
    for h in hits:
        if h.nums and h.first == h.nums[0]:
            first[h.first] = min(first.get(h.first, h.last), h.last)
    return [
        h
        for h in hits
        if not (
            h.nums
            and h.first == h.nums[0]
            and h.last > first[h.first]
            and any(
                o.first == h.first
                and o.last == first[h.first]
                and o.pattern.payload.role != h.pattern.payload.role
                for o in hits
            )
        )
    ]


# cue kinds that leave a sentence of wounded as the plain detail of the incident before it
_DETAIL_CUES = frozenset({"unhurt", "untold", "claim", "quote", "statement"})


def _wounded_detail(view: DocView, lex: Lexicons, si: int, sv: SentView, before: Mention) -> Mention | None:
    """A sentence with no word of violence that counts the wounded of the incident told in the
    sentence right before ("قتل شرطي في هجوم مسلح على حاجز …" / "وأوضح المصدر أن زميله أصيب بجروح
    طفيفة"): a mention with no trigger and only those figures. It never opens an incident: the
    grouping lets it join the one before as a details sentence (same place, nothing blocked), and
    the toll of the incident's own sentences comes first (`resolve`)."""
    if before.blocked_sentence or not before.live:
        return None
    if any(h.pattern.payload.kind not in _DETAIL_CUES for h in lex.cues.find(view.toks, sv.lo, sv.hi)):
        return None  # told as the past, a plan, a total, a denial …: not this incident's detail
    wounded = [c for c in _casualties(view, lex, sv, []) if c.role == "injured"]
    if not wounded:
        return None
    return Mention(si, sv.start, sv.end, [], wounded, [], [], extra={"wounded_detail": True})


def _casualties(
    view: DocView,
    lex: Lexicons,
    sv: SentView,
    actors: list[ActorHit],
    big: list[tuple[str, int]] | None = None,
) -> list[CasHit]:
    toks = view.toks
    hits = _best_hits(_nearest_verb(lex.casualties.find(toks, sv.lo, sv.hi), toks))
    out: list[CasHit] = []
    seen: set[int] = set()
    for h in hits:
        c: Casualty = h.pattern.payload
        plural = False
        if h.nums:
            ti = h.nums[0]
            t = toks[ti]
            if ti in seen or t.num is None:
                continue
            if ti - 1 in seen and "DUAL" in toks[ti - 1].classes:
                continue  # "قتل فلسطينيان اثنان": the number restates the dual counted before it
            span = t.num_span or view.orig(t.start, t.end)
            value, vague = t.num, t.num_vague
        else:  # <SG>, <DUAL>, <PLDEAD>: one, two or an uncounted plural named by the noun itself
            # the noun is the pattern's last word, or inside it ("لقي <DUAL> ~4 مصرع*")
            ti = next((k for k in range(h.last, h.first - 1, -1) if toks[k].classes & PERSON_CLASSES), h.last)
            t = toks[ti]
            if ti in seen:
                continue
            plural = "PLDEAD" in t.classes and "SG" not in t.classes
            value = 3 if plural else 2 if "DUAL" in t.classes else 1
            span, vague = view.orig(t.start, t.end), plural
        if value <= 0 or value >= 1000:  # a single event's toll; larger figures are aggregates
            if value >= 1000 and big is not None and c.role in ("killed", "injured"):
                big.append((c.role, value))
            continue
        # a year-looking figure right after a trigger ("قتل عام 2014") is not a count
        if 1900 < value < 2100 and not t.num_vague and len(t.norm) == 4:
            continue
        # nor is an age ("إيناس خماش (23 عاما) وهي حامل، وأصيب زوجها")
        if h.nums and _an_age(toks, ti, sv.hi):
            continue
        after = _number_end(toks, ti, sv.hi) + 1 if h.nums else sv.hi
        if (
            c.role == "injured"
            and after < sv.hi
            and "THING" in toks[after].classes
            and not toks[after].norm.startswith("ب")  # ("أصيب 3 برصاصات قناص": three people)
        ):
            continue  # "أصيب بثلاث رصاصات", "أصابت أكثر من 10 مستشفيات": no count of people
        nxt = toks[h.last + 1] if h.last + 1 < sv.hi else None
        if (
            c.role == "killed"
            and h.nums
            and nxt is not None
            and nxt.norm.startswith("و")
            and "WOUNDED" in nxt.classes
        ):
            continue  # "ثلاثين قتيلا وجريحا": dead and wounded together, not a death toll
        seen.add(ti)
        ch = CasHit(c.role, value, vague, span[0], span[1], ti, uncounted=not h.nums and plural)
        ch.attacker = c.attacker
        # what follows the count says who they are: attackers or victims
        j = _number_end(toks, ti, sv.hi)
        window = range(j + 1 if h.nums else ti, min(sv.hi, j + 4))
        for k in window:
            if "ATTACKER" in toks[k].classes:
                ch.attacker = True
                break
        if not ch.attacker and h.nums and _members_of_armed(toks, j, sv.hi, actors):
            ch.attacker = True  # "عشرين من عناصر تنظيم داعش": the dead are the group's fighters
            ch.members = _belonging(toks, j, sv.hi) is not None
        if not ch.attacker:
            for a in actors:
                if a.first in window or (not h.nums and a.first <= ti <= a.last):
                    # a communal militia's member named by the dead noun itself ("مستوطنا قتل"), or
                    # the noun right after the count ("أصيب ثلاثة مستوطنين بجروح"), is mostly the
                    # victim of the attack told, not a fighter who fell
                    own_noun = (not h.nums and a.first <= ti <= a.last) or (bool(h.nums) and a.first == j + 1)
                    if a.entry.kind in ("armed",) and not (own_noun and a.entry.inter == COMMUNAL):
                        ch.attacker = True
                    else:
                        ch.victim = a
                    break
        out.append(ch)
        # "مقتل 8 جنود و14 جهاديا", "قتل ضابط وثلاثة مجندين": a second count joined to the first
        if c.role in ("killed", "injured") and (h.nums or not plural):
            chained = _chained(view, sv, j, seen, actors, c.role)
            if chained is not None:
                chained.head = ch
                out.append(chained)
    return out


ONE_WORDS = frozenset({"واحد", "واحده", "واحدا", "واحدة"})
# "كان آخرها": the latest of them, one incident of a series
LATEST_OF = frozenset({"اخرها", "واخرها", "اخرهم", "اخرهما"})
COMMUNAL = 4  # ACLED's identity militias (settlers, clans): as often the victims of an attack as its side
ADDITION = frozenset({"بالاضافه", "اضافه", "وبالاضافه"})  # "بالإضافة إلى": a further count of the same role


def _chained(
    view: DocView, sv: SentView, j: int, seen: set[int], actors: list[ActorHit], role: str = "killed"
) -> CasHit | None:
    """A second count joined by "و" after the first one's noun: "مقتل 8 جنود و14 جهاديا",
    "إصابة أربعة عسكريين أميركيين وجندي صومالي" (a singular noun counts one, a dual two), or by
    "بالإضافة إلى" a little further ("مقتل 26 من قوات النظام بالإضافة إلى تسعة مقاتلين")."""
    toks = view.toks
    plus = next(
        (
            k + 2
            for k in range(j + 1, min(sv.hi - 2, j + 7))
            if toks[k].norm in ADDITION and toks[k + 1].norm in ("الي", "لي") and toks[k + 2].num is not None
        ),
        None,
    )
    for k in range(j + 1, min(sv.hi - 1, j + CHAIN_REACH)) if plus is None else (plus,):
        t = toks[k]
        # further than right after the first count's noun ("مقتل 17 من عناصر التنظيم و6 من مقاتلي
        # قسد"), the second count must name people of its own: "من" and a side, or fighters
        far = k >= j + 4
        if k != plus and t.classes & {"WOUNDED", "OTHERROLE", "AMONG"}:
            # "قتلوا وأصيب ثلاثة ضباط وخمسة مجندين": the counts after are the wounded; "بينهم امرأة
            # وأربعة أطفال", "28 قتيلا هم خمسة مدنيين وعشرة مقاتلين": parts of the first count
            return None
        if k == plus:
            ti = k
        elif (
            t.norm == "و"
            and toks[k + 1].num is not None
            and not (far and not _names_people(toks, k + 1, sv.hi, actors))
        ):
            ti = k + 1
        elif (
            t.norm.startswith("و")
            and t.num is not None
            and t.norm not in ONE_WORDS
            and not (far and not _names_people(toks, k, sv.hi, actors))
        ):
            ti = k  # "وثلاثة"; but "شخص واحد" is one person, not "and one"
        elif far:
            continue
        elif t.norm.startswith("و") and len(t.norm) > 2 and t.classes & {"SG", "DUAL"} and t.num is None:
            if k in seen:
                return None
            seen.add(k)
            start, end_ = view.orig(t.start, t.end)
            return CasHit(role, 2 if "DUAL" in t.classes else 1, False, start, end_, k)
        else:
            continue
        n = toks[ti]
        if ti in seen or n.num is None or n.num_vague:
            return None
        last = _number_end(toks, ti, sv.hi)
        other = "WOUNDED" if role == "killed" else "DEAD"
        if last + 1 < sv.hi and other in toks[last + 1].classes:
            return None  # "11 قتيلا و10 جرحى": the second figure is of the other role
        if role == "killed" and last + 1 < sv.hi and "OTHERROLE" in toks[last + 1].classes:
            return None  # "60 شخصا قتلوا و300 أصيبوا": the second figure opens the wounded's clause
        seen.add(ti)
        span = n.num_span or view.orig(n.start, n.end)
        ch = CasHit(role, n.num, False, span[0], span[1], ti)
        for q in range(last + 1, min(sv.hi, last + 4)):
            if "ATTACKER" in toks[q].classes:
                ch.attacker = True
                break
            a = next((a for a in actors if a.first == q), None)
            if a is not None:
                ch.attacker = a.entry.kind == "armed"
                ch.victim = None if ch.attacker else a
                break
        return ch
    return None


CHAIN_REACH = 9  # words after the first count's end where a second count joined by "و" may stand


def _names_people(toks: list[Tok], ti: int, hi: int, actors: list[ActorHit]) -> bool:
    """The count at `ti` is of people: fighters, or "من" and a named side ("و30 من مقاتلي الفصائل")."""
    last = _number_end(toks, ti, hi)
    for q in range(last + 1, min(hi, last + 3)):
        if "ATTACKER" in toks[q].classes or "PERSONS" in toks[q].classes:
            return True
        if any(a.first == q for a in actors):
            return True
        if "PEOPLEOF" not in toks[q].classes:
            return False
    return False


def _said_dates(view: DocView, sv: SentView, dates: list[DateMention]) -> frozenset[int]:
    """Starts of the dates that date a statement ("أعلن الاثنين الحوثيون مقتل ..."), not the incident."""
    toks = view.toks
    out = set()
    for d in dates:
        i = _tok_at(view, sv, d.start)
        # the verb of saying right before, or its subject between them ("ذكر ناشطون سوريون معارضون، الجمعة")
        for j in range(i - 1, max(sv.lo, i - 6) - 1, -1):
            if toks[j].norm in ("ان", "أن", "إن"):
                break
            if "SAYV" in toks[j].classes:
                out.add(d.start)
                break
    return frozenset(out)


CAUSE_DATE_REACH = 4  # words from a reported incident's words to its date ("هجوم كيميائي في دوما قبل أسبوع")


def _cause_dates(
    view: DocView, sv: SentView, dates: list[DateMention], trigs: list[TrigHit]
) -> frozenset[int]:
    """Starts of the dates of what an incident answered ("انفجارات في دمشق ... ردا على أنباء عن هجوم
    كيميائي … قبل أسبوع"): a date right after violence a reaction cue holds back, once the live
    words are all told, dates that violence, not the sentence's incident."""
    live_firsts = [t.first for t in trigs if not t.blocked]
    out = set()
    for t in trigs:
        if t.blocked != "reaction" or not live_firsts or max(live_firsts) > t.first:
            continue
        for d in dates:
            i = _tok_at(view, sv, d.start)
            if t.last < i <= t.last + CAUSE_DATE_REACH:
                out.add(d.start)
    return frozenset(out)


def _took_place_on(
    view: DocView, sv: SentView, dates: list[DateMention], said: frozenset[int]
) -> DateMention | None:
    """The day a sentence says an incident took place on ("وذكر البيان أن الهجوم وقع فجر الخميس"):
    a day-precise date with "جرى", "وقع", "حدث" (TOOKV) at most three words before it."""
    toks = view.toks
    for d in dates:
        if d.precision != "day" or d.start in said:
            continue
        i = _tok_at(view, sv, d.start)
        if any("TOOKV" in toks[j].classes for j in range(max(sv.lo, i - 3), i)):
            return d
    return None


def fresh_day(day: date, anchor: date | None) -> bool:
    """A day that can date an incident of the report: not after it, not STALE_DAYS before it."""
    return anchor is None or (day <= anchor and (anchor - day).days <= STALE_DAYS)


def said_day(m: Mention, d: DateMention) -> bool:
    """Whether `d` is, in `m`, the day of a statement ("أعلن الجيش، الخميس، ...") rather than of the
    incident."""
    said = m.extra.get("said")
    return isinstance(said, frozenset) and d.start in said


def sentence_has_date_near(m: Mention, anchor: date | None) -> DateMention | None:
    """The day-precise date in the sentence closest to its first live trigger (not in the future);
    the day of a statement ("أعلن الاثنين ...") only when the sentence names no other."""
    live = m.live
    if not live:
        return None
    pos = live[0].start
    best: DateMention | None = None
    cause = m.extra.get("cause")  # the days of what the incident answered (`_cause_dates`)
    dated = [d for d in m.dates if not (isinstance(cause, frozenset) and d.start in cause)]
    dates = [d for d in dated if not said_day(m, d)] or dated
    for d in dates:
        if d.precision != "day":
            continue
        if not fresh_day(d.value, anchor):
            continue
        if best is None or abs(d.start - pos) < abs(best.start - pos):
            best = d
    return best
