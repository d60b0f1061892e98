"""Opening inputs: files, gzip streams (by extension or by magic), stdin; choosing a reader.

The reader is picked by the file extension first (after stripping `.gz`), then by sniffing the
first bytes when the extension says nothing.
"""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

GZIP_MAGIC = b"\x1f\x8b"
SNIFF_BYTES = 4096

EXTENSIONS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".warc": "warc",
    ".arc": "warc",
}

# Extensions of kinds marsad does not read: refused with E_UNSUPPORTED without being opened.
UNSUPPORTED_EXTENSIONS = frozenset(
    ".pdf .doc .docx .odt .rtf .xls .xlsx .ppt .pptx .csv .tsv .parquet .png .jpg .jpeg .gif .webp "
    ".svg .mp3 .mp4 .zip .tar .tgz .bz2 .xz .7z .zst .exe .so .db .sqlite".split()
)

# Magic numbers of file kinds marsad does not read (named in the E_UNSUPPORTED message).
_FOREIGN_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP / Office document"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ", "xz"),
    (b"7z\xbc\xaf", "7-Zip"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"SQLite format 3", "SQLite database"),
)

# Errors a damaged gzip stream raises while it is read.
GZIP_ERRORS = (gzip.BadGzipFile, EOFError, zlib.error)


def kind_from_name(name: str) -> str | None:
    """Reader name from the file name, or None when the extension does not say."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return EXTENSIONS.get(Path(lower).suffix)


def is_gzip_name(name: str) -> bool:
    return name.lower().endswith(".gz")


def foreign_kind(head: bytes) -> str | None:
    for magic, kind in _FOREIGN_MAGIC:
        if head.startswith(magic):
            return kind
    return None


def sniff(head: bytes) -> str:
    """Reader name from the first bytes of a (decompressed) stream.

    Returns "jsonl", "html", "warc", "txt", or "unsupported:<kind>".
    """
    if head.startswith(b"WARC/"):
        return "warc"
    foreign = foreign_kind(head)
    if foreign:
        return f"unsupported:{foreign}"
    body = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if body.startswith(b"{"):
        return "jsonl"
    lower = body[:1024].lower()
    if lower.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lower:
        return "html"
    return "txt"


class _Prefixed(io.RawIOBase):
    """A stream that replays bytes already read (for sniffing) before the rest of the source."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def peek_head(stream: IO[bytes], size: int = SNIFF_BYTES) -> tuple[bytes, IO[bytes]]:
    """The first `size` bytes of a stream and a stream that still yields every byte (works on pipes)."""
    chunks: list[bytes] = []
    got = 0
    while got < size:
        chunk = stream.read(size - got)
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    head = b"".join(chunks)
    return head, replay(head, stream)


def replay(head: bytes, rest: IO[bytes]) -> IO[bytes]:
    """A stream yielding `head` and then whatever `rest` still holds."""
    return io.BufferedReader(_Prefixed(head, rest), buffer_size=1 << 16)


def gunzip_head(head: bytes) -> bytes:
    """Decompress the start of a gzip stream without consuming it (raises zlib.error when corrupt)."""
    return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, SNIFF_BYTES)


def gunzip(stream: IO[bytes]) -> IO[bytes]:
    return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]


def iter_files(directory: Path) -> Iterator[Path]:
    """Every file under a directory, recursively, in a stable (sorted) order; hidden ones skipped.

    Hidden files and folders (".git", ".DS_Store") are tool state, not reports.
    """
    for path in sorted(directory.rglob("*")):
        relative = path.relative_to(directory)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file():
            yield path
