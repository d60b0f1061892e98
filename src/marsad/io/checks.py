"""Byte and text checks shared by every reader: decoding, binary sniffing, size, emptiness, script.

Each check raises `InputError` with a stable code; the reader turns it into a rejected `Document`
so the stream of documents stays one stream and nothing is dropped silently.
"""

from __future__ import annotations

import codecs
import re

from marsad.config import Settings
from marsad.errors import ErrorCode, InputError

EXCERPT_CHARS = 300

# Byte-order marks, longest first (UTF-32-LE starts with the UTF-16-LE mark).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Arabic-script letters: Arabic, Arabic Supplement, Arabic Extended-A, presentation forms A and B.
_ARABIC_CLASS = (
    "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc"
)
# Counted as RUNS (one match per word, summed by length): per-character matching (findall of single
# letters) was 70% of the reader's time on the corpus; runs are ~5x cheaper.
_ARABIC_RUN = re.compile(f"[{_ARABIC_CLASS}]+")
# Letters of any other script: word characters that are neither digits, underscore nor Arabic.
_OTHER_LETTER_RUN = re.compile(rf"[^\W\d_{_ARABIC_CLASS}]+")
# C0 controls other than tab, line feed, form feed and carriage return, plus DEL.
_CONTROL = re.compile(b"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# The same characters in a decoded text: UTF-8 writes each of them as the one byte of that value
# and every other character with bytes of 0x80 and up (an unencodable one as "?"), so the text
# holds one exactly when its UTF-8 bytes do; searching the text spares encoding it first.
_CONTROL_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
# How much of a text the script check looks at: enough to judge, cheap on long documents.
_SCRIPT_SAMPLE = 2_000
_BINARY_SAMPLE = 8_192
_BINARY_CONTROL_SHARE = 0.1


def excerpt(data: bytes | str, limit: int = EXCERPT_CHARS) -> str:
    """A short, printable piece of what was read, for the analyst reading the reject file."""
    if isinstance(data, bytes):
        data = data[: limit * 4].decode("utf-8", errors="replace")
    return data[:limit]


def strip_bom(data: bytes) -> tuple[bytes, str | None]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :], encoding
    return data, None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control characters in the first few kilobytes."""
    head = data[:_BINARY_SAMPLE]
    if not head:
        return False
    if b"\x00" in head:
        return True
    return len(_CONTROL.findall(head)) / len(head) > _BINARY_CONTROL_SHARE


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: a BOM wins, then a declared charset (HTML, HTTP), then strict UTF-8.

    A binary file is refused before decoding (E_BINARY) so that it is not reported as bad UTF-8.
    """
    body, bom_encoding = strip_bom(data)
    if bom_encoding is not None:
        try:
            return body.decode(bom_encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                ErrorCode.DECODE,
                f"bytes after the {bom_encoding} byte-order mark do not decode at byte {exc.start}",
                excerpt=excerpt(body),
            ) from exc
    if looks_binary(data):
        raise InputError(ErrorCode.BINARY, "looks like a binary file (NUL bytes or control characters)")
    encoding = "utf-8"
    if declared:
        try:
            encoding = codecs.lookup(declared).name
        except LookupError:
            encoding = "utf-8"  # an unknown declared charset: fall back to the default
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            ErrorCode.DECODE,
            f"invalid {encoding} at byte {exc.start}: {data[exc.start : exc.start + 4]!r}",
            excerpt=excerpt(data),
        ) from exc


def script_sample(text: str) -> str:
    """Up to ~2,000 characters from the start, middle and end: enough to judge the script of a
    report, and a fixed cost however long the document is."""
    if len(text) <= _SCRIPT_SAMPLE:
        return text
    third = _SCRIPT_SAMPLE // 3
    middle = len(text) // 2
    return text[:third] + text[middle - third // 2 : middle + third // 2] + text[-third:]


def arabic_ratio(text: str) -> float:
    """Share of letters that are Arabic script; 0.0 for a text without letters."""
    sample = script_sample(text)
    if sample.isascii():
        return 0.0
    arabic = sum(map(len, _ARABIC_RUN.findall(sample)))
    other = sum(map(len, _OTHER_LETTER_RUN.findall(sample)))
    return arabic / (arabic + other) if arabic + other else 0.0


# Frequent Arabic letters (all inside _ARABIC_CLASS), counted by `str.count` at C speed.
_COMMON_ARABIC = "اليمونرت"  # ≈ half the letters of Arabic news: enough for the bound


def surely_arabic(text: str, min_ratio: float) -> bool:
    """True when `arabic_ratio(text) >= min_ratio` is certain from a few `str.count` scans.

    The frequent letters give a lower bound A on the Arabic letters of the sample; every other
    character except spaces and line breaks is at most a letter of another script (U). Then
    arabic / (arabic + other) >= A / (A + U), and float division is monotone, so when that bound
    reaches `min_ratio` the exact ratio does too. False means "not sure": compute the ratio."""
    sample = script_sample(text)
    low = sum(map(sample.count, _COMMON_ARABIC))
    if not low:
        return False
    rest = len(sample) - sample.count(" ") - sample.count("\n")
    return low / rest >= min_ratio


def check_size(size: int, settings: Settings) -> None:
    if size > settings.max_document_bytes:
        raise InputError(
            ErrorCode.TOO_LARGE,
            f"{size} bytes is over the limit of {settings.max_document_bytes} (max_document_bytes)",
        )


def check_text(text: str, settings: Settings) -> None:
    """The checks every decoded document passes, whatever its reader."""
    if not text.strip():
        raise InputError(ErrorCode.EMPTY, "the document has no text")
    check_size(len(text.encode("utf-8")), settings)
    if _CONTROL_TEXT.search(text, 0, _BINARY_SAMPLE) and looks_binary(
        text[:_BINARY_SAMPLE].encode("utf-8", errors="replace")
    ):
        raise InputError(ErrorCode.BINARY, "the text is mostly control characters", excerpt=excerpt(text))
    if surely_arabic(text, settings.min_arabic_ratio):
        return  # the exact share is above the minimum: no need for the regex scans below
    ratio = arabic_ratio(text)
    if ratio < settings.min_arabic_ratio:
        raise InputError(
            ErrorCode.NOT_ARABIC,
            f"only {ratio:.0%} of the letters are Arabic script (min_arabic_ratio {settings.min_arabic_ratio:.0%})",
            excerpt=excerpt(text),
        )
