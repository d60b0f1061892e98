"""Sentences and tokens, on the normalised view, reported in original offsets.

Sentences: split at line breaks and at runs of . ! ؟ ? … ؛ (so ".." and "…" end a sentence too),
taking closing quotes/brackets along, when followed by white space or the end of the zone. A dot
between digits (3.5) is never followed by a space so never splits; a dot after a known
abbreviation (د. ، ق.م.) does not split (list in `data/text/abbreviations.tsv`). Lines in
boilerplate, related-link and dateline zones hold no report text and give no sentence.

Tokens: runs of letters/digits. Proclitics are split off the stem (see `model.Token`): a prefix
ending in the article (ال، وال، بال، فبال، لل، ولل …) is split whenever two letters remain; without
an article only ONE conjunction و/ف is split, when three letters remain and the word is not in
`data/text/clitic_exceptions.tsv` (وزير، فريق …). The prepositions ب ل ك alone are not split:
without a dictionary "بين"/"كانت"/"لبنان" cannot be told apart from ب/ك/ل + word. This is a
best effort; lexicon lookups that must be exact use `PhraseMatcher`, which tries every reading.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.model import Sentence, Token, Zone
from marsad.text.clean import NON_TEXT_KINDS
from marsad.text.data import read_tsv
from marsad.text.lexicon import ARTICLE, PREFIXES
from marsad.text.normalize import NormalizedText, attached_marks, normalize, normalize_key

# Where a sentence may end: a run of line breaks, or a run of . ! ؟ ? … ؛ with closing quotes and
# brackets, followed by white space or the end. Written as `_BOUNDARY_PLAIN` would be, it has no
# first character the regex engine can skip to (an alternation of repeats), so it was tried at every
# position of the article; led by one character class, the engine jumps from one candidate character
# to the next in C. Same matches: the first character decides the branch (a line break has no
# "\n" before it inside the match, a mark has no line break before it), and `x+` = `x` + `x*` keeps
# the greedy choice and the backtracking of the plain form (tests/text/test_segment.py).
_BOUNDARY_PLAIN = re.compile(r"\n+|[.!؟?…؛]+[\"'”»)\]]*(?=\s|$)")
_BOUNDARY = re.compile(r"[\n.!؟?…؛](?:(?<=\n)\n*|(?<!\n)[.!؟?…؛]*[\"'”»)\]]*(?=\s|$))")
_WORD = re.compile(r"[^\W_]+")
_CLITIC_FIRST = frozenset("وفبلكا")
_ARTICLE_PREFIXES = tuple(
    sorted(
        (p for p in PREFIXES | {"لل", "ولل", "فلل"} if p.endswith(ARTICLE) or p.endswith("لل")),
        key=len,
        reverse=True,
    )
)


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(
        normalize_key(r["abbreviation"])
        for r in read_tsv("abbreviations.tsv", ["abbreviation", "meaning", "example"])
    )


@lru_cache(maxsize=1)
def clitic_exceptions() -> frozenset[str]:
    return frozenset(normalize_key(r["word"]) for r in read_tsv("clitic_exceptions.tsv", ["word", "example"]))


def _is_abbreviation(view: str, dot: int, abbrevs: frozenset[str]) -> bool:
    """Is the single '.' at `dot` the end of an abbreviation such as "د." or "ق.م."?"""
    start = max(view.rfind(" ", 0, dot), view.rfind("\n", 0, dot)) + 1
    if dot - start > 6:  # abbreviations are short: most full stops end here
        return False
    word = view[start:dot].strip("(\"'«")
    return " ".join(word.split(".")) in abbrevs


def split_sentences(
    text: str, zones: list[Zone] | None = None, norm: NormalizedText | None = None
) -> list[Sentence]:
    """Sentences of the text zones (all of `text` as body when `zones` is None)."""
    norm = norm or normalize(text)
    view = norm.text
    abbrevs = abbreviations()
    if zones is None:
        zones = [Zone(0, len(text), "body")]
    out: list[Sentence] = []
    for zone in zones:
        if zone.kind in NON_TEXT_KINDS:
            continue
        zs, ze = norm.to_view(zone.start), norm.to_view(zone.end)
        part = view[zs:ze]
        cut = 0
        for m in _BOUNDARY.finditer(part):
            if m.group() == "." and _is_abbreviation(part, m.start(), abbrevs):
                continue
            end = m.start() if m.group().startswith("\n") else m.end()
            _add(out, norm, part, zs, cut, end, zone.kind)
            cut = m.end()
        _add(out, norm, part, zs, cut, len(part), zone.kind)
    return out


def _add(out: list[Sentence], norm: NormalizedText, part: str, base: int, a: int, b: int, kind: str) -> None:
    chunk = part[a:b]
    stripped = chunk.strip()
    if not stripped or not any(ch.isalnum() for ch in stripped):
        return
    a += len(chunk) - len(chunk.lstrip())
    b = a + len(stripped)
    s, e = norm.to_original(base + a, base + b)
    out.append(Sentence(s, e, kind))


def split_clitics(word: str, exceptions: frozenset[str] | None = None) -> tuple[int, int]:
    """(stem offset, bare offset) inside a normalised word: where the stem and the bare word start."""
    if word[0] not in _CLITIC_FIRST:
        return 0, 0
    if "ل" in word[:5]:
        for p in _ARTICLE_PREFIXES:
            if word.startswith(p) and len(word) - len(p) >= 2:
                if p.endswith("لل"):  # ل + article: the stem starts at the article's lam
                    return len(p) - 1, len(p)
                return len(p) - 2, len(p)
    if word[0] in "وف" and len(word) >= 4:
        if word not in (exceptions if exceptions is not None else clitic_exceptions()):
            return 1, 1
    return 0, 0


def tokenize(text: str, norm: NormalizedText | None = None) -> list[Token]:
    norm = norm or normalize(text)
    view = norm.text
    orig = norm.orig_array()
    attached = attached_marks()
    exceptions = clitic_exceptions()
    out: list[Token] = []
    append = out.append
    for m in _WORD.finditer(view):
        word = m.group()
        vs, ve = m.span()
        stem_at, bare_at = split_clitics(word, exceptions)
        start = orig[vs]
        end = orig[ve - 1] + 1
        if orig[ve] > end:  # deleted marks follow: take those attached to the last letter
            limit = orig[ve]
            while end < limit and text[end] in attached:
                end += 1
        stem = word[stem_at:]
        if stem_at != bare_at:  # لل: the article's alef is not written
            stem = ARTICLE + word[bare_at:]
        append(Token(start, end, word, orig[vs + stem_at], stem, word[bare_at:]))
    return out
