"""Context licensing of town names that are also common words (الباب، التل، الحمام، إب).

Such names are cues.tsv stop words (or two-letter names) and on their own need a type word
("مدينة الباب"). Agency news also writes them bare after a locative preposition ("انفجرت سيارة
مفخخة في الباب"), and in a report from Syria that is the town, not "the door". This module decides,
from reviewed data (`data/geo/licence.tsv`), when the context licenses the town reading:

- at match time (hint-independent, so `Matcher` results stay cacheable by text alone): a locative
  frame right before the word (في، من، إلى …, the proclitic ب, or a modifier such as شمال/قرب), and
  the word standing on its own — no adjective or genitive noun joined after it ("في الباب الخلفي",
  "في جامعة القاهرة") — mark the mention `licence` = its tier (frame / anchor);
- at resolution time (`settle`, per report country): only the report country's towns of
  `MIN_POPULATION`+ stay candidates; without a report country the mention is dropped, so
  `country_of` never counts a licensed word (it cannot vouch for the country that licenses it);
  an `anchor`-tier word also needs a direction word after it or another place of the same admin-1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from marsad.geo.data import load_licence
from marsad.geo.keys import Tok, fold, name_key

if TYPE_CHECKING:
    from marsad.geo.gazetteer import Entry
    from marsad.geo.match import Mention

# A licensed common word is only believed for a town of this size (the "towns over 10,000"):
# small namesakes of a common word are far likelier to be the word.
MIN_POPULATION = 10_000
# A place of the same admin-1 this many words before or after an anchor-tier word anchors it: the
# containing governorate or a neighbouring town of the same sentence, not any place of the report.
ANCHOR_WORDS = 6
_BREAK = frozenset("،,.:;؛!?؟()\"'«»\n-–—")
_CONJ = ("و", "ف")


def spelling(word: str) -> str:
    """A word without diacritics and tatweel, hamza and madda kept: آب stays apart from إب."""
    return "".join(c for c in word if not ("\u064b" <= c <= "\u065f" or c in "\u0640\u0670"))


class Licence:
    """The reviewed frames, free words and tiers, and the match-time tests that use them."""

    def __init__(self, mods: Iterable[str], cue_keys: Iterable[str], nisba: Iterable[str]) -> None:
        self.frames: set[str] = set()  # folded words before a name
        self.weak: set[str] = set()  # folded words before a name that need an anchor too (على)
        self.clitics: set[str] = set()  # folded proclitics of a name (ب)
        self.free: set[str] = set()  # keys of words that may follow a name
        self.tiers: dict[str, str] = {}  # key -> frame / anchor / never (default anchor)
        self.spellings: set[str] = set()  # exact spellings of the common word (آب August, not إب)
        self.article: dict[str, bool] = {}  # key -> a listed town is written with the article
        for row in load_licence():
            if row.kind == "frame" and row.value == "clitic":
                self.clitics.add(fold(row.word))
            elif row.kind == "frame":
                (self.weak if row.value == "weak" else self.frames).add(fold(row.word))
            elif row.kind == "free":
                self.free.add(name_key(row.word))
            elif row.kind == "spelling":
                self.spellings.add(spelling(row.word))
            else:
                self.tiers[name_key(row.word)] = row.value
                # how the town is written: "المنزلة" with the article ("منزله" is "his house")
                self.article[name_key(row.word)] = fold(row.word).startswith("ال")
        self.mods = frozenset(mods)  # cues.tsv modifiers (شمال، قرب، ريف …): frames and anchors
        self.cue_keys = frozenset(cue_keys)
        self.nisba = frozenset(nisba)
        # the words `framed` takes for a frame: a frame word, alone or after و/ف (`may_frame`)
        self._frame_words = frozenset(
            w for f in self.frames | self.weak for w in (f, *(c + f for c in _CONJ))
        )

    def tier(self, key: str) -> str:
        return self.tiers.get(key, "anchor")

    def framed(self, text: str, toks: Sequence[Tok], i: int, start: int) -> str | None:
        """The frame right before word i (whose name reading starts at offset `start`): "strong",
        "weak" (على: the word then needs an anchor whatever its tier) or None."""
        prefix = fold(text[toks[i].start : start])
        if prefix and fold(text[start : start + 2]) == "ال":
            # "بالمنزلة", "وبالباب": the proclitic, after the conjunction, before the article
            # ("بحزم" without it is an adverb, "firmly")
            bare = prefix[1:] if prefix[:1] in _CONJ and len(prefix) > 1 else prefix
            if bare in self.clitics:
                return "strong"
        if i == 0 or not _BREAK.isdisjoint(text[toks[i - 1].end : toks[i].start]):
            return None
        prev = toks[i - 1]
        word = prev.folded
        for frames, kind in ((self.frames, "strong"), (self.weak, "weak")):
            if word in frames or (word[:1] in _CONJ and word[1:] in frames):  # "وفي الباب"
                return kind
        return "strong" if not self.mods.isdisjoint(prev.keys) else None

    def may_frame(self, prev: Tok) -> bool:
        """Whether word `prev` can be the frame `framed` finds before the next word (its own
        words and readings only: punctuation between the two is not looked at)."""
        if prev.folded in self._frame_words:
            return True
        return not self.mods.isdisjoint(prev.keys)

    def stands(self, text: str, toks: Sequence[Tok], j: int, article: bool) -> bool:
        """The name ending before word j is not the head of a phrase continued by word j."""
        if j >= len(toks):
            return True
        gap = text[toks[j - 1].end : toks[j].start]
        if not _BREAK.isdisjoint(gap) or gap.strip(" \t_\u00a0\u200f"):
            return True  # punctuation, digits or Latin between; "_" joins a hashtag's words
        nxt = toks[j]
        keys = nxt.keys
        if nxt.bare in self.nisba:
            return False  # "في الساحل السوري": an adjective
        if nxt.bare in self.free:
            return True
        if article and nxt.folded.startswith("ال"):
            return False  # "في الباب الخلفي", "في الساحل الشمالي": its adjective
        if not self.mods.isdisjoint(keys) or nxt.bare in self.cue_keys:
            return True  # "في الباب شمال حلب", "في التل مدينة …"
        if len(nxt.rel) > 1 and nxt.folded[:1] in "وفبل":
            return True  # "بريف درعا", "واعتقلت", "وأم درمان": a new phrase starts
        # After a definite word a definite one is its adjective ("في الباب الخلفي"); after an
        # indefinite one, any noun may be its genitive ("في جامعة القاهرة", "في بركة ماء").
        return article and not nxt.folded.startswith("ال")

    def anchored_after(self, toks: Sequence[Tok], j: int) -> bool:
        """A direction or proximity word right after the name ("في الحمام غرب مطروح")."""
        return j < len(toks) and not self.mods.isdisjoint(toks[j].keys)


def settle(mentions: list[Mention], hint: str | None, entries: Sequence[Entry]) -> list[Mention]:
    """Keep licensed mentions only as towns of the report's country; drop the rest (before resolving)."""
    out = []
    for m in mentions:
        if m.licence is not None:
            if hint is None:
                continue
            cands = tuple(
                c
                for c in m.cands
                if entries[c].cc == hint
                and entries[c].feature == "populated_place"
                and entries[c].population >= MIN_POPULATION
            )
            if not cands:
                continue
            m.cands = cands
        out.append(m)
    return out


def check_anchors(mentions: list[Mention], entries: Sequence[Entry]) -> None:
    """An anchor-tier town needs a direction word after it, or another place of its admin-1 within
    ANCHOR_WORDS words ("في الشهداء بالمنوفية", "في البرج بمحافظة كفر الشيخ")."""
    for m in mentions:
        if m.licence != "anchor" or m.anchored or m.choice is None:
            continue
        e = entries[m.choice]
        if e.admin1 is None or not any(
            o is not m
            and o.licence is None
            and o.choice is not None
            and abs(o.tok_start - m.tok_start) <= ANCHOR_WORDS
            and entries[o.choice].cc == e.cc
            and entries[o.choice].admin1 == e.admin1
            for o in mentions
        ):
            m.choice = None
