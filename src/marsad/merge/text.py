"""Text views used to compare reports (normalised trigger sentences) and to search them.

Folding is the text layer's `normalize_key` (hamza/alef/teh-marbuta/yeh folding, no diacritics or
tatweel): the same function on stored text and on queries, so "إغتال" finds "اغتال".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from marsad.record import EventRecord
from marsad.text.normalize import normalize_key

__all__ = ["match_text", "normalize_key", "search_key", "sentence_around"]

# Sentence ends in Arabic news text: Latin and Arabic full stops and question marks, newlines.
_SENT_END = re.compile(r"[.!?؟\n]")


def sentence_around(text: str, start: int, end: int, max_len: int = 400) -> str:
    """The sentence of `text` that holds [start, end) (bounded, for very long unpunctuated text)."""
    lo = max(0, start - max_len)
    left = [m.end() for m in _SENT_END.finditer(text, lo, start)]
    s = left[-1] if left else lo
    m = _SENT_END.search(text, end, min(len(text), end + max_len))
    e = m.start() if m else min(len(text), end + max_len)
    return text[s:e].strip()


def match_text(record: EventRecord, doc_text: str | None = None) -> str:
    """What two reports of one incident share: the sentences their evidence comes from."""
    sentences: list[str] = []
    seen: set[tuple[int, int]] = set()
    for ev in record.evidence:
        if doc_text is not None and 0 <= ev.start < ev.end <= len(doc_text):
            key = (ev.start // 50, ev.end // 50)
            if key in seen:
                continue
            seen.add(key)
            sentences.append(sentence_around(doc_text, ev.start, ev.end))
        else:
            sentences.append(ev.text)
    return normalize_key(" ".join(_unique(sentences))) if sentences else ""


def _unique(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for it in items:
        if it and it not in out:
            out.append(it)
    return out


def search_key(s: str) -> str:
    """Key for full-text search: normalize_key plus case folding (Latin names in Arabic text)."""
    return normalize_key(s).casefold()
