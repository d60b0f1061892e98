"""Plain-text reader: one file is one report; the id is the file name without its extensions."""

from __future__ import annotations

from marsad.config import Settings
from marsad.errors import InputError
from marsad.io.checks import decode
from marsad.io.docs import accepted, from_error
from marsad.model import Document


def doc_id_for(name: str) -> str:
    """`reports/kirkuk-01.txt.gz` -> `kirkuk-01`."""
    base = name.rsplit("/", 1)[-1]
    if base.lower().endswith(".gz"):
        base = base[:-3]
    stem, dot, _ext = base.rpartition(".")
    return stem if dot and stem else base


def read_text(data: bytes, doc_id: str, origin: str, settings: Settings, *, reader: str = "txt") -> Document:
    try:
        text = decode(data)
    except InputError as error:
        return from_error(error, doc_id=doc_id, origin=origin, reader=reader)
    return accepted(doc_id, text, origin=origin, reader=reader, settings=settings)
