"""Name keys for gazetteer matching, computed the same way at build time and at run time.

The gazetteer stores, for every Arabic name, a *key*: the name folded (no diacritics or tatweel;
hamza/alef, teh marbuta/heh, alef maksura/yeh and Persian/Kurdish letter variants merged; hamza on
the line dropped so كربلاء = كربلا) with the article ال removed from every word. The geocoder
computes the same key for the words of a report, after trying to peel off the proclitics
و ف ب ل ك and the article (وبالحويجة → حويجه). Keeping this function inside the geo package (and
not borrowing the text layer's normaliser) pins the shipped keys to the code that reads them.

Tokens keep offsets into the ORIGINAL text, so every match is reported in original offsets.
"""

from __future__ import annotations

import re
from itertools import accumulate, repeat
from typing import Any, NamedTuple

# Diacritics (harakat, shadda, sukun, superscript alef, Quranic marks) and tatweel: deleted.
_DELETE: dict[str, str | None] = {chr(c): None for c in range(0x064B, 0x0660)}
_DELETE.update({chr(c): None for c in (0x0670, 0x0640, 0x0621, 0x200C, 0x200D, 0x200E, 0x200F)})
_FOLD_MAP: dict[str, str | None] = {
    **_DELETE,
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ة": "ه",
    "ى": "ي",
    "ؤ": "و",
    "ئ": "ي",
    # Persian / Kurdish / Urdu letters seen in GeoNames alternate names and in transliterations.
    "ک": "ك",
    "گ": "ك",
    "ی": "ي",
    "ې": "ي",
    "ێ": "ي",
    "ە": "ه",
    "ہ": "ه",
    "ھ": "ه",
    "ۆ": "و",
    "ڤ": "ف",
    "پ": "ب",
    "چ": "ج",
    "ژ": "ز",
    "ڕ": "ر",
    "ڵ": "ل",
    "ٹ": "ت",
}
_FOLD = str.maketrans(_FOLD_MAP)

# A word: a run of Arabic letters (with marks and tatweel inside). Digits, Latin, '#', '_' split.
WORD_RE = re.compile(r"[\u0621-\u064A\u064B-\u065F\u0670-\u06D3\u06D5\u0640\u200c\u200d]+")

ARTICLE = "ال"


def fold(word: str) -> str:
    """Fold one word (or a phrase) to the comparison alphabet."""
    return word.translate(_FOLD)


def strip_article(folded: str) -> str:
    """Remove a leading ال when at least two letters remain (ال + بصره → بصره)."""
    if folded.startswith(ARTICLE) and len(folded) >= 4:
        return folded[2:]
    return folded


def name_key(name: str) -> str:
    """Key of a gazetteer name: folded words without the article, joined by one space."""
    words = [strip_article(fold(w)) for w in WORD_RE.findall(name)]
    return " ".join(w for w in words if w)


def joined_key(name: str) -> str | None:
    """Key of a multi-word name written as one word (hashtags: #حفر_الباطن, حفرالباطن)."""
    words = [fold(w) for w in WORD_RE.findall(name)]
    words = [w for w in words if w]
    if len(words) < 2:
        return None
    return strip_article("".join(words))


class Tok(NamedTuple):
    """A word of the text: original offsets, folded form and its key readings.

    `rel` are (key, offset) pairs with offsets relative to the word's start: the bare word first
    (offset 0), then readings with proclitics peeled off (the offset moves past them), and `keys`
    their keys alone. Both are the tuples the word cache holds, shared by every occurrence of the
    word, so a token costs one allocation; `readings` gives the pairs with offsets into the text. `bare` is the
    article-stripped folded word without peeling. A named tuple rather than a frozen dataclass: a
    report has hundreds of words and a tuple is built at C speed (`tokenize` is on the geocoder's
    hot path).
    """

    start: int
    end: int
    folded: str
    bare: str
    rel: tuple[tuple[str, int], ...]
    keys: tuple[str, ...]  # the keys of `rel` alone (also shared): set tests on them run in C

    @property
    def readings(self) -> tuple[tuple[str, int], ...]:
        """(key, start) pairs, start an offset into the text (`rel` moved by the word's start)."""
        s = self.start
        return tuple([(k, s + o) for k, o in self.rel])


_CONJ = ("", "و", "ف")
# ك ("like") is left out: before a place name it is rare, and peeling it turns words into
# towns (كبيرا → بيرا, Beira).
_PREP = ("", "ب", "ل")
_PROCLITIC_START = frozenset("وفبل")


def _orig_offset(word: str, folded_prefix_len: int) -> int:
    """Index in the original `word` after `folded_prefix_len` folded characters."""
    if folded_prefix_len == 0:
        return 0
    kept = 0
    for i, ch in enumerate(word):
        if fold(ch):
            kept += 1
            if kept == folded_prefix_len:
                return i + 1
    return len(word)


def readings(word: str, folded: str) -> tuple[tuple[str, int], ...]:
    """All key readings of a word: as is, then with و/ف + ب/ل + ال/ل peeled off."""
    out: list[tuple[str, int]] = [(strip_article(folded), 0)]
    if folded[:1] not in _PROCLITIC_START:
        return (out[0],)
    seen = {out[0][0]}
    for conj in _CONJ:
        for prep in _PREP:
            prefix = conj + prep
            if not prefix or not folded.startswith(prefix):
                continue
            rest = folded[len(prefix) :]
            if prefix == "ف" and not rest.startswith(("ال", "ب", "ل")):
                continue  # a bare ف is mostly part of the word (فارين "fleeing" is not ف + ارين)
            cands = [rest]
            if prep == "ل" and rest.startswith("ل"):  # لل = ل + (ا)ل: للحويجه → حويجه
                cands.append(rest[1:])
            for cand in cands:
                # Peeling a preposition that leaves a two-letter stem is too risky (بغداد must
                # stay بغداد), unless the article was there too: بالتل، بالصف are ب + ال + a
                # two-letter name. The conjunction alone may leave one: وإب، وأم درمان.
                stem = strip_article(cand)
                if stem in seen or len(stem) < 2 or (len(stem) < 3 and stem == cand and prep):
                    continue
                seen.add(stem)
                cut = len(folded) - len(cand)
                out.append((stem, _orig_offset(word, cut)))
    return tuple(out)


# word -> (folded, bare, readings with offsets relative to the word, their keys), or None for a word
# that folds to nothing. News vocabulary is Zipfian: most words of a report were seen before.
_WORDS: dict[str, tuple[str, str, tuple[tuple[str, int], ...], tuple[str, ...]] | None] = {}
_WORDS_MAX = 200_000  # emptied when full (the cache only saves time; results are the same)


def _word_info(word: str) -> tuple[str, str, tuple[tuple[str, int], ...], tuple[str, ...]] | None:
    folded = fold(word)
    info = None
    if folded:
        rel = readings(word, folded)
        info = (folded, strip_article(folded), rel, tuple([k for k, _ in rel]))
    if len(_WORDS) >= _WORDS_MAX:
        _WORDS.clear()
    _WORDS[word] = info
    return info


_new_tok = tuple.__new__
_MISSING: Any = object()
_FEW = 8  # words; see `tokenize`
# gaps and words alternately (`re.split` with the word pattern as its one group): the words and
# their offsets come from C-level passes instead of one match object per word
_SPLIT = re.compile(f"({WORD_RE.pattern})")


def tokenize(text: str) -> list[Tok]:
    """Arabic words of `text` with their readings, in order, with original offsets.

    Whole-list passes in C: `re.split` cuts gaps and words alternately, the running sum of the
    parts' lengths gives the words' spans, one `map` of the word cache gives each word's folded
    form, bare form and readings (`rel`, offsets relative to the word: the cached tuple itself),
    and `map` over `zip` builds the tokens — one tuple per word and no Python step per word but
    for words not seen before. A word that folds to nothing (only marks or tatweel) is no token."""
    parts = _SPLIT.split(text)
    if len(parts) == 1:
        return []
    bounds = list(accumulate(map(len, parts)))  # part k spans bounds[k - 1] .. bounds[k]
    words = parts[1::2]
    n = len(words)
    starts = bounds[0 : 2 * n : 2]
    ends = bounds[1 : 2 * n + 1 : 2]
    if n <= _FEW:  # a name or a short text: the whole-list passes cost more than a loop
        toks: list[Tok] = []
        for j, word in enumerate(words):
            info = _WORDS.get(word, _MISSING)
            if info is _MISSING:
                info = _word_info(word)
            if info is not None:
                toks.append(_new_tok(Tok, (starts[j], ends[j], *info)))
        return toks
    infos = list(map(_WORDS.get, words))
    if None in infos:  # words not cached yet, or cached as folding to nothing
        for j, info in enumerate(infos):
            if info is None:  # look again: an earlier occurrence of the word may have filled it
                got = _WORDS.get(words[j], _MISSING)
                infos[j] = _word_info(words[j]) if got is _MISSING else got
        if None in infos:
            keep = [j for j, info in enumerate(infos) if info is not None]
            if not keep:
                return []
            infos = [infos[j] for j in keep]
            starts = [starts[j] for j in keep]
            ends = [ends[j] for j in keep]
    folded, bare, rel, keys = zip(*infos, strict=True)
    return list(map(_new_tok, repeat(Tok), zip(starts, ends, folded, bare, rel, keys, strict=True)))
