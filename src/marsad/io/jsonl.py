"""JSON Lines reader (the input contract in ../shared/schema/README.md): one object per line.

`id` and `text` are required strings; `published` (ISO 8601), `title`, `url`, `outlet` are optional;
any other field is kept in `Document.meta`. Lines are read one at a time with a bounded length, so a
gzip file of any size streams in constant memory and one giant line cannot exhaust it.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import IO, Any

from marsad.config import Settings
from marsad.errors import ErrorCode
from marsad.io.checks import excerpt
from marsad.io.docs import accepted, parse_published, rejected
from marsad.io.sources import GZIP_ERRORS
from marsad.model import Document

log = logging.getLogger(__name__)

READER = "jsonl"
OPTIONAL_TEXT_FIELDS = ("title", "url", "outlet")
# JSON may escape every Arabic letter as \uXXXX (6 bytes for 2 in UTF-8): a line may be this many
# times the document limit before it is refused unread; the decoded text is then checked exactly.
LINE_FACTOR = 6
_ID_PATTERN = re.compile(rb'"id"\s*:\s*"([^"\\]{1,200})"')


def _guess_id(raw: bytes) -> str | None:
    """The id of a line that cannot be parsed, when it can still be seen (for the reject file)."""
    match = _ID_PATTERN.search(raw[:4096])
    return match.group(1).decode("utf-8", errors="replace") if match else None


def read_jsonl(stream: IO[bytes], name: str, settings: Settings) -> Iterator[Document]:
    """Documents from a JSON Lines stream; `name` labels origins as "name:LINE" (1-based)."""
    line_limit = settings.max_document_bytes * LINE_FACTOR + 65_536
    lineno = 0
    while True:
        origin = f"{name}:{lineno + 1}"
        try:
            line = stream.readline(line_limit + 1)
        except GZIP_ERRORS as exc:
            yield rejected(
                ErrorCode.GZIP, f"corrupt gzip stream: {exc}", doc_id=None, origin=origin, reader=READER
            )
            return
        except OSError as exc:
            yield rejected(ErrorCode.IO, f"read failed: {exc}", doc_id=None, origin=origin, reader=READER)
            return
        if not line:
            return
        lineno += 1
        if len(line) > line_limit and not line.endswith(b"\n"):
            yield _too_long(stream, line, origin, line_limit)
            continue
        if not line.strip():
            continue  # a blank line is not a document
        yield parse_line(line, origin, settings, first=lineno == 1)


def _too_long(stream: IO[bytes], head: bytes, origin: str, line_limit: int) -> Document:
    size = len(head)
    try:
        while True:  # skip the rest of the line without holding it
            chunk = stream.readline(1 << 20)
            size += len(chunk)
            if not chunk or chunk.endswith(b"\n"):
                break
    except (*GZIP_ERRORS, OSError) as exc:
        log.warning("%s: stream failed while skipping an over-long line: %s", origin, exc)
    return rejected(
        ErrorCode.TOO_LARGE,
        f"a JSON line of {size} bytes is over the limit of {line_limit} bytes",
        doc_id=_guess_id(head),
        origin=origin,
        reader=READER,
        excerpt=excerpt(head),
    )


def parse_line(raw: bytes, origin: str, settings: Settings, *, first: bool = False) -> Document:
    """One JSON line to a Document (accepted or rejected with a code)."""
    if first and raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return rejected(
            ErrorCode.DECODE,
            f"invalid UTF-8 at byte {exc.start} of the line",
            doc_id=_guess_id(raw),
            origin=origin,
            reader=READER,
            excerpt=excerpt(raw),
        )
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return rejected(
            ErrorCode.JSON,
            f"malformed JSON: {exc.msg} at column {exc.colno}",
            doc_id=_guess_id(raw),
            origin=origin,
            reader=READER,
            excerpt=excerpt(line),
        )
    if not isinstance(obj, dict):
        return rejected(
            ErrorCode.JSON,
            f"a JSON line must be an object, not {type(obj).__name__}",
            doc_id=None,
            origin=origin,
            reader=READER,
            excerpt=excerpt(line),
        )
    return from_object(obj, origin, settings, reader=READER)


def from_object(obj: dict[str, Any], origin: str, settings: Settings, *, reader: str) -> Document:
    """A parsed input object to a Document: required fields checked, optional ones typed."""
    doc_id = obj.get("id")
    text = obj.get("text")
    if not isinstance(doc_id, str) or not doc_id.strip():
        return rejected(
            ErrorCode.MISSING_FIELD,
            "`id` is missing or not a non-empty string"
            + (f" (got {type(doc_id).__name__})" if doc_id is not None else ""),
            doc_id=None,
            origin=origin,
            reader=reader,
            excerpt=excerpt(text) if isinstance(text, str) else None,
        )
    if not isinstance(text, str):
        return rejected(
            ErrorCode.MISSING_FIELD,
            "`text` is missing or not a string"
            + (f" (got {type(text).__name__})" if text is not None else ""),
            doc_id=doc_id,
            origin=origin,
            reader=reader,
        )
    meta: dict[str, Any] = {
        k: v for k, v in obj.items() if k not in ("id", "text", "published", *OPTIONAL_TEXT_FIELDS)
    }
    warnings: list[str] = []
    fields: dict[str, Any] = {}
    for name in OPTIONAL_TEXT_FIELDS:
        value = obj.get(name)
        if value is None or isinstance(value, str):
            fields[name] = value or None
        else:
            warnings.append(f"`{name}` is not a string: ignored")
            meta[name] = value
    published = obj.get("published")
    if isinstance(published, str) and published.strip():
        try:
            fields["published"] = parse_published(published)
        except ValueError:
            # A bad optional field does not lose the document: it is kept without a time.
            warnings.append(f"`published` is not ISO 8601: {published!r}")
            meta["published_raw"] = published
    elif published is not None and published != "":
        warnings.append("`published` is not a string: ignored")
        meta["published_raw"] = published
    if warnings:
        meta["warnings"] = warnings
        log.warning("%s (%s): %s", origin, doc_id, "; ".join(warnings))
    return accepted(doc_id, text, origin=origin, reader=reader, settings=settings, meta=meta, **fields)
