"""Sentences and tokens with clitics."""

from __future__ import annotations

import pytest

from marsad.model import Zone
from marsad.text.data import read_tsv
from marsad.text.normalize import normalize_key
from marsad.text.segment import split_clitics, split_sentences, tokenize


def _sents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_punctuation_quotes_and_dots() -> None:
    text = (
        'قال المتحدث "الوضع تحت السيطرة".. وأضاف أن القوات تقدمت 3.5 كيلومترات؟ نعم! '
        "وأكد ذلك؛ ثم غادر… وانتهى الاجتماع.\nسطر جديد بلا نقطة"
    )
    assert _sents(text) == [
        'قال المتحدث "الوضع تحت السيطرة"..',
        "وأضاف أن القوات تقدمت 3.5 كيلومترات؟",
        "نعم!",
        "وأكد ذلك؛",
        "ثم غادر…",
        "وانتهى الاجتماع.",
        "سطر جديد بلا نقطة",
    ]


@pytest.mark.parametrize(
    "row", read_tsv("abbreviations.tsv", ["abbreviation", "meaning", "example"]), ids=str
)
def test_abbreviation_examples_stay_one_sentence(row) -> None:
    assert len(split_sentences(row["example"])) == 1, row["example"]


def test_boilerplate_zones_give_no_sentence() -> None:
    text = "اضغط هنا للاشتراك\nقتل جندي في الهجوم."
    zones = [Zone(0, 17, "boilerplate", "subscribe"), Zone(18, len(text), "body")]
    assert [text[s.start : s.end] for s in split_sentences(text, zones)] == ["قتل جندي في الهجوم."]


def test_tokens_split_clitics() -> None:
    text = "وبالحويجة وللحويجة والشرطة وقال وزير الدفاع بلبنان"
    toks = tokenize(text)
    assert [(text[t.start : t.end], text[t.stem_start : t.end], t.stem, t.bare) for t in toks] == [
        ("وبالحويجة", "الحويجة", "الحويجه", "حويجه"),
        ("وللحويجة", "لحويجة", "الحويجه", "حويجه"),
        ("والشرطة", "الشرطة", "الشرطه", "شرطه"),
        ("وقال", "قال", "قال", "قال"),
        ("وزير", "وزير", "وزير", "وزير"),
        ("الدفاع", "الدفاع", "الدفاع", "دفاع"),
        ("بلبنان", "بلبنان", "بلبنان", "بلبنان"),
    ]


@pytest.mark.parametrize("row", read_tsv("clitic_exceptions.tsv", ["word", "example"]), ids=str)
def test_clitic_exception_examples(row) -> None:
    word = normalize_key(row["word"])
    toks = [t for t in tokenize(row["example"]) if t.norm == word]
    assert toks and toks[0].stem == word
    assert split_clitics(word) == (0, 0)
