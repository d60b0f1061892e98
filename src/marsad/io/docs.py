"""Building accepted and rejected `Document`s the same way in every reader."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from marsad.config import Settings
from marsad.errors import ErrorCode, InputError, Reject
from marsad.io.checks import check_text
from marsad.model import Document


def rejected(
    code: ErrorCode | str,
    message: str,
    *,
    doc_id: str | None,
    origin: str,
    reader: str,
    excerpt: str | None = None,
    **fields: Any,
) -> Document:
    """A rejected document: empty text and a `Reject`; its id is the best id known, else the origin."""
    reject = Reject(code=str(code), message=message, doc_id=doc_id, origin=origin, excerpt=excerpt)
    return Document(id=doc_id or origin, text="", reader=reader, origin=origin, reject=reject, **fields)


def from_error(error: InputError, *, doc_id: str | None, origin: str, reader: str, **fields: Any) -> Document:
    return rejected(
        error.code,
        error.message,
        doc_id=doc_id,
        origin=origin,
        reader=reader,
        excerpt=error.context.get("excerpt"),
        **fields,
    )


def accepted(
    doc_id: str, text: str, *, origin: str, reader: str, settings: Settings, **fields: Any
) -> Document:
    """Run the checks every document passes; a failing one comes back rejected with its code."""
    try:
        check_text(text, settings)
    except InputError as error:
        return from_error(error, doc_id=doc_id, origin=origin, reader=reader, **fields)
    return Document(id=doc_id, text=text, origin=origin, reader=reader, **fields)


def parse_published(value: str) -> datetime:
    """ISO 8601 to a timezone-aware datetime; a value without a zone is taken as UTC.

    Raises ValueError for anything else. A bare date (2018-05-09) becomes midnight UTC of that day.
    """
    parsed = datetime.fromisoformat(value.strip())
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed
