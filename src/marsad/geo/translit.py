"""Consonant skeletons that let an Arabic spelling meet a Latin one (بلدوين ~ Beledweyne).

GeoNames gives many towns of Somalia, Sudan, the Maghreb and the Sahel no Arabic name, while
Arabic news writes them by ear. Both spellings are reduced to a skeleton of consonant classes:
vowels, the weak letters و/ي/ا and ع/ء (which Latin spellings mostly drop) go; letters Latin
cannot tell apart share a class (ت/ط → t, س/ص → s, د/ض/ذ/ظ → d, ق/ك → k, ح/ه → h); doubled
consonants collapse; the article goes. A skeleton is only trusted with guards the geocoder applies
(the report's country, a type word, or four consonants or more).
"""

from __future__ import annotations

import re
import unicodedata

# Arabic letters (after marsad.geo.keys.fold) -> consonant class; absent letters are dropped.
_AR = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "X", "د": "d", "ذ": "d", "ر": "r",
    "ز": "z", "س": "s", "ش": "S", "ص": "s", "ض": "d", "ط": "t", "ظ": "d", "غ": "k", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
}  # fmt: skip

# Latin digraphs first, then single letters; vowels, w, y and apostrophes are dropped.
# Upper-case letters are classes already decided by a digraph. g/q/k/غ/ق/ك share one class:
# Somali and Maghrebi spellings write ق as g (Mogadishu = مقديشو).
_LATIN_DI = [("kh", "X"), ("sh", "S"), ("ch", "S"), ("th", "T"), ("dh", "D"), ("gh", "K"), ("dj", "J"),
             ("ph", "F"), ("ou", "")]  # fmt: skip
_LATIN = {
    "b": "b", "p": "b", "t": "t", "d": "d", "j": "j", "g": "k", "h": "h", "r": "r", "z": "z", "s": "s",
    "f": "f", "v": "f", "q": "k", "k": "k", "l": "l", "m": "m", "n": "n",
    "X": "X", "S": "S", "T": "t", "D": "d", "K": "k", "J": "j", "F": "f",
}  # fmt: skip
_ARTICLES = {"al", "el", "ad", "adh", "ag", "ar", "as", "ash", "at", "ath", "az", "an", "ed", "er", "es", "et",
             "ez", "en", "ech", "ul", "il"}  # fmt: skip
_SPLIT = re.compile(r"[^a-z]+")


def _collapse(s: str) -> str:
    out: list[str] = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def arabic_skeleton(folded_words: list[str]) -> str:
    """Skeleton of folded, article-stripped Arabic words (final ه of teh marbuta dropped)."""
    parts = []
    for w in folded_words:
        if w.endswith("ه"):
            w = w[:-1]
        parts.append(_collapse("".join(_AR.get(ch, "") for ch in w)))
    return " ".join(p for p in parts if p)


def latin_skeleton(name: str, cc: str = "") -> str:
    """Skeleton of a Latin place name ("Beledweyne" -> "bldn", "Al Khums" -> "Xms").

    Somali orthography writes ع as c and ح as x ("Ceelbuur" = عيل بور); elsewhere c is French
    (s before e/i/y, else k) and x is ks.
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    words = [w for w in _SPLIT.split(s) if w]
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    parts = []
    for w in words:
        if w in _ARTICLES:
            continue
        if w.endswith("h") and len(w) > 2 and w[-2] in "aeiou":  # -ah / -eh: teh marbuta
            w = w[:-1]
        for a, b in _LATIN_DI:
            w = w.replace(a, b)
        if cc == "SO":
            w = w.replace("c", "").replace("x", "h")
        else:
            w = re.sub(r"c(?=[eiy])", "s", w).replace("c", "k").replace("x", "ks")
        parts.append(_collapse("".join(_LATIN.get(ch, "") for ch in w)))
    return " ".join(p for p in parts if p)


# A plain romanisation for names the gazetteer does not hold (a village a report names): one Latin
# spelling a letter, the article as "Al-". Arabic writes no short vowels, so it is a readable key,
# not ACLED's spelling; the record keeps the name as written beside it (`name_ar`).
_ROMAN = {
    "ا": "a", "أ": "a", "إ": "i", "آ": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh",
    "د": "d", "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "'", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a",
    "و": "u", "ي": "i", "ى": "a", "ء": "'", "ؤ": "'", "ئ": "'",
}  # fmt: skip


def romanize(name: str) -> str:
    """A Latin spelling of an Arabic place name ("بني معاذ" -> "Bni M'adh", "المهاذر" -> "Al-Mhadhr")."""
    words = []
    for word in name.split():
        head = ""
        if word.startswith("ال") and len(word) > 3:
            head, word = "Al-", word[2:]
        # و and ي are consonants at a word's start and before a long vowel, long vowels elsewhere
        latin = "".join(
            ("w" if ch == "و" else "y")
            if ch in "وي" and (k == 0 or word[k + 1 : k + 2] in ("ا", "و", "ي"))
            else _ROMAN.get(ch, "")
            for k, ch in enumerate(word)
        )
        if not head:
            latin = latin.lstrip("'") or latin  # an opening ع or hamza: "Ayn", not "'Ayn"
        words.append(head + latin[:1].upper() + latin[1:])
    return " ".join(w for w in words if w)
