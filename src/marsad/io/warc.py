"""WARC reader (warcio): each response (or resource) record holding HTML goes to the HTML reader.

Records that are not pages (requests, warcinfo, metadata, images, scripts) are not documents and are
passed over; they are counted in the log. A malformed archive ends that file with one E_WARC reject.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import IO

from marsad.config import Settings
from marsad.errors import ErrorCode
from marsad.io.docs import rejected
from marsad.io.html import HTML_FACTOR, read_html
from marsad.io.sources import GZIP_ERRORS
from marsad.model import Document

log = logging.getLogger(__name__)

READER = "warc"
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _content_type(record: object) -> tuple[str, str | None]:
    http = getattr(record, "http_headers", None)
    header = http.get_header("Content-Type") if http is not None else None
    if header is None:
        header = record.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    mime, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"' ")
    return mime.strip().lower(), charset


def _record_id(record: object) -> str | None:
    value = record.rec_headers.get_header("WARC-Record-ID")  # type: ignore[attr-defined]
    return value.strip("<>") if value else None


class _Counting:
    """Counts the bytes warcio takes from the stream (to notice a truncated last record)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.count += len(data)
        return data


def read_warc(stream: IO[bytes], name: str, settings: Settings) -> Iterator[Document]:
    """Documents from a WARC (plain or per-record gzip); origins are "name#RECORD" (1-based)."""
    from warcio.archiveiterator import ArchiveIterator  # imported when a WARC is actually read
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    skipped = 0
    counted = _Counting(stream)
    records = ArchiveIterator(counted, arc2warc=True)
    failed = False
    while True:
        origin = f"{name}#{number + 1}"
        try:
            record = next(records)
        except StopIteration:
            # warcio ends silently at a truncated last record: bytes read past the end of the last
            # whole record mean one was lost, and that is reported
            if records.offset < counted.count:
                yield rejected(
                    ErrorCode.WARC,
                    f"truncated or damaged record at byte {records.offset}: "
                    f"{counted.count - records.offset} bytes could not be read as a record",
                    doc_id=None,
                    origin=origin,
                    reader=READER,
                )
                failed = True
            break
        except GZIP_ERRORS as exc:
            yield rejected(
                ErrorCode.GZIP, f"corrupt gzip member: {exc}", doc_id=None, origin=origin, reader=READER
            )
            failed = True
            break
        except ArchiveLoadFailed as exc:
            yield rejected(
                ErrorCode.WARC, f"malformed WARC record: {exc}", doc_id=None, origin=origin, reader=READER
            )
            failed = True
            break
        except Exception as exc:  # warcio fails with AttributeError, ValueError ... on damaged records
            yield rejected(
                ErrorCode.WARC, f"unreadable WARC record: {exc!r}", doc_id=None, origin=origin, reader=READER
            )
            failed = True
            break
        number += 1
        mime, charset = _content_type(record)
        if record.rec_type not in ("response", "resource") or mime not in _HTML_TYPES:
            skipped += 1
            continue
        if record.http_headers is not None and record.http_headers.get_statuscode() not in ("200", None):
            skipped += 1  # redirects and errors carry no article
            continue
        url = record.rec_headers.get_header("WARC-Target-URI")
        doc_id = _record_id(record) or url or origin
        try:
            payload = record.content_stream().read(settings.max_document_bytes * HTML_FACTOR + 1)
        except (*GZIP_ERRORS, OSError, ValueError) as exc:
            yield rejected(
                ErrorCode.WARC,
                f"record payload unreadable: {exc}",
                doc_id=doc_id,
                origin=origin,
                reader=READER,
                url=url,
            )
            continue
        yield read_html(
            payload,
            doc_id,
            origin,
            settings,
            url=url,
            charset=charset,
            reader=READER,
            meta={"warc_date": record.rec_headers.get_header("WARC-Date")},
        )
    if number == 0 and not failed:
        # warcio stops silently on what it cannot parse; a "WARC" with no record is not a WARC
        yield rejected(
            ErrorCode.WARC, "no WARC record could be read", doc_id=None, origin=name, reader=READER
        )
    if skipped:
        log.info("%s: %d WARC records were not HTML pages and were passed over", name, skipped)
