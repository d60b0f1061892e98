"""One exception tree and stable error codes.

Every document that cannot be processed gets a `Reject` with one of these codes; the run goes on.
The codes are part of the public contract (reject files, API errors): never renumber or rename them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    # input / readers
    DECODE = "E_DECODE"  # bytes are not valid UTF-8 (or the declared encoding)
    BINARY = "E_BINARY"  # the input looks like a binary file (NUL bytes, control characters)
    EMPTY = "E_EMPTY"  # no text at all after decoding / extraction
    TOO_LARGE = "E_TOO_LARGE"  # over the configured size limit
    JSON = "E_JSON"  # a JSON line that does not parse, or is not an object
    MISSING_FIELD = "E_MISSING_FIELD"  # a required field (id, text) is missing or of the wrong type
    NOT_ARABIC = "E_NOT_ARABIC"  # too little Arabic script to be an Arabic report
    HTML = "E_HTML"  # an HTML page from which no main text could be extracted
    WARC = "E_WARC"  # a malformed WARC archive or record
    IO = "E_IO"  # the file could not be opened or read
    GZIP = "E_GZIP"  # a corrupt gzip stream
    UNSUPPORTED = "E_UNSUPPORTED"  # a file kind marsad does not read
    DUPLICATE_ID = "E_DUPLICATE_ID"  # the same document id twice in one run
    # processing
    PROCESSING = "E_PROCESSING"  # an unexpected error inside a stage (a bug: reported, not fatal)
    # API / configuration
    BAD_PARAMETER = "E_BAD_PARAMETER"
    NOT_FOUND = "E_NOT_FOUND"
    UNAUTHORIZED = "E_UNAUTHORIZED"
    CONFIG = "E_CONFIG"
    DATABASE = "E_DATABASE"
    METHOD_NOT_ALLOWED = "E_METHOD_NOT_ALLOWED"  # an HTTP method the route does not accept
    INTERNAL = "E_INTERNAL"  # an unexpected server error (details in the server log, never sent)


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""

    def __init__(self, code: ErrorCode, message: str, **context: Any) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.context = context


class InputError(MarsadError):
    """A document (or file) that cannot be read; becomes a Reject."""


class ConfigError(MarsadError):
    def __init__(self, message: str, **context: Any) -> None:
        super().__init__(ErrorCode.CONFIG, message, **context)


@dataclass(frozen=True, slots=True)
class Reject:
    """A document marsad could not process, with the reason. Written to the reject file."""

    code: str
    message: str
    doc_id: str | None = None
    origin: str | None = None  # file path, with ":line" for JSONL, "#record" for WARC
    excerpt: str | None = None  # at most a few hundred characters of what was read, for the analyst

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
