"""`read_inputs`: every input (files, directories, "-" for stdin, gzip or not) as one lazy stream.

Each input is dispatched to a reader by extension, then by sniffing its first bytes. A document
that cannot be read comes out as a `Document` with empty text and a `Reject` (code, message, id,
origin, excerpt), in its place in the stream: a bad input never stops the run and nothing is lost.
"""

from __future__ import annotations

import json
import logging
import sys
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO

from marsad.config import Settings
from marsad.errors import ErrorCode
from marsad.io.checks import excerpt
from marsad.io.docs import rejected
from marsad.io.html import HTML_FACTOR, read_html
from marsad.io.jsonl import from_object, read_jsonl
from marsad.io.sources import (
    GZIP_ERRORS,
    GZIP_MAGIC,
    UNSUPPORTED_EXTENSIONS,
    gunzip,
    gunzip_head,
    is_gzip_name,
    iter_files,
    kind_from_name,
    peek_head,
    replay,
    sniff,
)
from marsad.io.text import doc_id_for, read_text
from marsad.io.warc import read_warc
from marsad.model import Document

log = logging.getLogger(__name__)

STDIN = "-"
STDIN_NAME = "<stdin>"


def read_inputs(
    inputs: Sequence[str | Path],
    settings: Settings | None = None,
    *,
    exclude: Iterable[str | Path] = (),
) -> Iterator[Document]:
    """Yield one Document per input document, lazily, in input order (directories sorted).

    Inputs: JSON Lines (.jsonl/.ndjson/.json), plain text (.txt), HTML (.html/.htm), WARC (.warc),
    any of them gzip-compressed (.gz or the gzip magic), directories of these (recursive), and "-"
    for stdin (JSON Lines or plain text, sniffed). Hidden files and folders inside a directory
    (".git", ".DS_Store") are passed over. A second document with an id already seen in this run
    is rejected with E_DUPLICATE_ID. A single path may be given bare instead of in a list.
    `exclude` names files this run writes (a reject file, an output file): they are never read,
    even inside an input directory — a reject file read while it grows would never end.
    """
    settings = settings or Settings.load()
    if isinstance(inputs, str | Path):  # one path given bare: not a sequence of one-letter paths
        inputs = [inputs]
    skip = frozenset(Path(p).resolve() for p in exclude)
    seen: set[str] = set()
    for item in inputs:
        for doc in _read_input(item, settings, skip):
            if doc.ok:
                if doc.id in seen:
                    yield rejected(
                        ErrorCode.DUPLICATE_ID,
                        f"the id {doc.id!r} was already read in this run",
                        doc_id=doc.id,
                        origin=doc.origin or doc.id,
                        reader=doc.reader,
                        excerpt=excerpt(doc.text),
                        title=doc.title,
                        url=doc.url,
                        outlet=doc.outlet,
                        published=doc.published,
                    )
                    continue
                seen.add(doc.id)
            yield doc


def _read_input(
    item: str | Path, settings: Settings, skip: frozenset[Path] = frozenset()
) -> Iterator[Document]:
    if isinstance(item, str) and item == STDIN:
        yield from _guarded(
            _read_stream(sys.stdin.buffer, STDIN_NAME, None, settings, stdin=True), STDIN_NAME
        )
        return
    path = Path(item)
    if path.is_dir():
        for file in iter_files(path):
            if not skip or file.resolve() not in skip:
                yield from _read_file(file, settings)
    elif skip and path.resolve() in skip:
        log.warning("%s is an output of this run: not read as input", path)
    elif path.exists():
        yield from _read_file(path, settings)
    else:
        yield rejected(
            ErrorCode.IO, "no such file or directory", doc_id=None, origin=str(path), reader="file"
        )


def _read_file(path: Path, settings: Settings) -> Iterator[Document]:
    name = str(path)
    lower = path.name.lower()
    suffix = Path(lower[:-3] if is_gzip_name(lower) else lower).suffix
    if suffix in UNSUPPORTED_EXTENSIONS:
        yield rejected(
            ErrorCode.UNSUPPORTED,
            f"marsad does not read {suffix} files",
            doc_id=None,
            origin=name,
            reader="file",
        )
        return
    try:
        raw = path.open("rb")
    except OSError as exc:
        yield rejected(
            ErrorCode.IO, f"cannot open: {exc.strerror or exc}", doc_id=None, origin=name, reader="file"
        )
        return
    with raw:
        yield from _guarded(
            _read_stream(raw, name, kind_from_name(path.name), settings, doc_id=doc_id_for(path.name)), name
        )


def _guarded(docs: Iterator[Document], name: str) -> Iterator[Document]:
    """A reader bug or a library crash on one file is reported as a reject; the run goes on."""
    try:
        yield from docs
    except Exception as exc:
        log.exception("%s: reader failed", name)
        yield rejected(
            ErrorCode.PROCESSING, f"the reader failed: {exc!r}", doc_id=None, origin=name, reader="file"
        )


def _read_stream(
    raw: IO[bytes],
    name: str,
    kind: str | None,
    settings: Settings,
    *,
    doc_id: str | None = None,
    stdin: bool = False,
) -> Iterator[Document]:
    """Dispatch one byte stream (a file or stdin) to its reader."""
    try:
        head, stream = peek_head(raw)
    except OSError as exc:
        yield rejected(ErrorCode.IO, f"read failed: {exc}", doc_id=None, origin=name, reader="file")
        return
    if not head:
        yield rejected(
            ErrorCode.EMPTY, "the input is empty (0 bytes)", doc_id=doc_id, origin=name, reader=kind or "file"
        )
        return
    compressed = head.startswith(GZIP_MAGIC)
    if compressed:
        try:
            inner_head = gunzip_head(head)
        except zlib.error as exc:
            yield rejected(
                ErrorCode.GZIP, f"corrupt gzip stream: {exc}", doc_id=None, origin=name, reader="file"
            )
            return
    else:
        inner_head = head
    if kind is None:
        kind = sniff(inner_head)
    if kind.startswith("unsupported:"):
        yield rejected(
            ErrorCode.UNSUPPORTED,
            f"marsad does not read this kind of file ({kind[12:]})",
            doc_id=None,
            origin=name,
            reader="file",
        )
        return
    if kind == "warc":  # warcio reads per-record gzip members itself
        yield from read_warc(stream, name, settings)
        return
    if compressed:
        stream = gunzip(stream)
    if kind == "jsonl":
        if name.lower().removesuffix(".gz").endswith(".json"):
            yield from _read_json_file(stream, name, settings)
        else:
            yield from read_jsonl(stream, name, settings)
        return
    reader = "stdin" if stdin and kind == "txt" else kind
    doc_id = doc_id or "stdin"
    limit = settings.max_document_bytes * (HTML_FACTOR if kind == "html" else 1)
    try:
        data = stream.read(limit + 1)
    except GZIP_ERRORS as exc:
        yield rejected(
            ErrorCode.GZIP, f"corrupt gzip stream: {exc}", doc_id=doc_id, origin=name, reader=reader
        )
        return
    except OSError as exc:
        yield rejected(ErrorCode.IO, f"read failed: {exc}", doc_id=doc_id, origin=name, reader=reader)
        return
    if len(data) > limit:
        yield rejected(
            ErrorCode.TOO_LARGE,
            f"over the limit of {limit} bytes (max_document_bytes)",
            doc_id=doc_id,
            origin=name,
            reader=reader,
            excerpt=excerpt(data),
        )
    elif kind == "html":
        yield read_html(data, doc_id, name, settings)
    else:
        yield read_text(data, doc_id, name, settings, reader=reader)


def _read_json_file(stream: IO[bytes], name: str, settings: Settings) -> Iterator[Document]:
    """A `.json` file: one object or an array of objects; anything else is read as JSON Lines."""
    limit = settings.max_document_bytes * 6
    try:
        data = stream.read(limit + 1)
    except GZIP_ERRORS as exc:
        yield rejected(
            ErrorCode.GZIP, f"corrupt gzip stream: {exc}", doc_id=None, origin=name, reader="jsonl"
        )
        return
    try:
        obj = json.loads(data) if len(data) <= limit else None
    except (json.JSONDecodeError, UnicodeDecodeError):
        obj = None
    if isinstance(obj, dict):
        yield from_object(obj, name, settings, reader="jsonl")
    elif isinstance(obj, list):
        for index, item in enumerate(obj, start=1):
            origin = f"{name}#{index}"
            if isinstance(item, dict):
                yield from_object(item, origin, settings, reader="jsonl")
            else:
                yield rejected(
                    ErrorCode.JSON,
                    "an array item is not an object",
                    doc_id=None,
                    origin=origin,
                    reader="jsonl",
                )
    else:
        yield from read_jsonl(replay(data, stream), name, settings)
