"""What kind of report the headline announces: an incident, or talk about one.

A question headline ("ما هو مطار المزة؟", "ماذا فعلت الحرب بسوريا؟") announces a feature or an
explainer; a headline whose verb is a statement, a warning, a call or a condemnation and that names
no incident ("فرنسا: هناك رد إذا ...", "بريطانيا تعرب عن قلقها ...") announces diplomacy. In such
reports violence is mostly background or the subject of the talk, so an incident found in the body
must at least report casualties to be kept (see `extract_events`). The words are data
(`cues.tsv`, scope `title`; the question frame in `frames.tsv`).
"""

from __future__ import annotations

from functools import cache

from marsad.extract.frames import frame
from marsad.extract.lexicon import Cue, Lexicons, Trigger
from marsad.extract.textview import build_view
from marsad.geo.data import load_countries
from marsad.model import Document
from marsad.text.normalize import normalize_key

_QUESTION = frame("QUESTION")
_SPEAKER_HEADLINE = frame("SPEAKER_HEADLINE")


@cache
def _country_names() -> frozenset[str]:
    return frozenset(normalize_key(f) for row in load_countries().values() for f in row.names_ar)


def _speaker_headline(title: str) -> bool:
    """A speaker and a colon open the headline ("ماكرون: ..."); not a country's name, the dateline some
    outlets open every headline with ("فرنسا: الآلاف يتظاهرون")."""
    m = _SPEAKER_HEADLINE.search(title)
    return m is not None and normalize_key(m.group().rstrip().rstrip(":").strip()) not in _country_names()


def talk_headline(title: str | None, lex: Lexicons) -> str:
    """ "almanac", "court", "feature", "fiction", "retold", "statement" or "" (an incident headline, or
    none). A headline denying reports of an incident ("ينفي تقارير استهداف المطار") is a statement.

    An almanac headline ("حدث في 5 أكتوبر..", "في مثل هذا اليوم") lists history: nothing in it is news.
    A court headline ("محاكمة ثمانية عراقيين ...", "محكمة مصرية تستطلع رأي المفتي") reports a trial: the
    crimes it retells are old, whatever their toll. So are those of a retrospective headline
    ("تسع سنوات على مجزرة الكيماوي", cue kind `background`), treated the same way."""
    if not title or not title.strip():
        return ""
    if _QUESTION.search(title):
        return "feature"
    view = build_view(Document(id="title", text=title), lex)
    toks = view.toks
    title_cues: list[Cue] = [
        h.pattern.payload for h in lex.cues.find(toks) if h.pattern.payload.scope == "title"
    ]
    if any(c.kind == "anniversary" for c in title_cues):
        return "almanac"
    if any(c.kind in ("court", "background") for c in title_cues):
        # a trial, or a retrospective ("تسع سنوات على مجزرة ...", "في الذكرى الخامسة لـ..."):
        # the crimes it retells are old; only what the body dates this week is news
        return "court"
    if any(c.kind == "denial" for c in title_cues):
        # "ينفي تقارير استهداف مطار دبي": the incident the headline names is what is denied
        return "statement"
    for h in lex.triggers.find(toks):
        trig: Trigger = h.pattern.payload
        if not trig.generic:
            # the headline names an incident ("تركيا تدين الهجوم على دوما"); a speaker's headline that
            # names one ("ماكرون: فرنسا لديها الدليل على الهجوم") may retell an old one
            return "retold" if _speaker_headline(title) else ""
    if any(c.kind == "metaphor" for c in title_cues):
        return "fiction"  # "دراما رمضان", "فيلم جديد عن ...": a plot is told, nothing happened
    return "statement" if title_cues else ""
