"""HTML reader: the main text by trafilatura; title and publication time from page metadata only.

The date comes only from markup meant to carry it: `<meta>` tags (article:published_time and kin),
`<time itemprop="datePublished">` and JSON-LD `datePublished`. It is never guessed from the page's
text: a footer's "© 2019 - 12/05/2019" or a related article's date would put events on the wrong
day. (htmldate, even with `extensive_search=False`, took exactly such a footer date in our tests,
so trafilatura's metadata is used for the title and site name only.)
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any

from marsad.config import Settings
from marsad.errors import ErrorCode, InputError
from marsad.io.checks import check_size, decode, excerpt
from marsad.io.docs import accepted, from_error, parse_published, rejected
from marsad.model import Document

log = logging.getLogger(__name__)

READER = "html"
# Markup weighs more than text: a page may be this many times the document limit.
HTML_FACTOR = 5
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
# Metadata that carries the publication time, most specific first.
_DATE_XPATHS = (
    "//meta[@property='article:published_time']/@content",
    "//meta[@name='article:published_time']/@content",
    "//meta[@property='og:article:published_time']/@content",
    "//meta[@itemprop='datePublished']/@content",
    "//meta[@name='pubdate']/@content",
    "//meta[@name='publish-date']/@content",
    "//meta[@name='date']/@content",
    "//meta[@name='dc.date']/@content",
    "//meta[@name='DC.date.issued']/@content",
    "//time[@itemprop='datePublished']/@datetime",
)


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first kilobytes (`<meta charset>` or http-equiv)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_html(
    data: bytes,
    doc_id: str,
    origin: str,
    settings: Settings,
    *,
    url: str | None = None,
    charset: str | None = None,
    reader: str = READER,
    meta: dict[str, Any] | None = None,
) -> Document:
    """One HTML page to a Document. `charset` is the HTTP header's, when the page came over HTTP."""
    try:
        check_size(len(data), _html_settings(settings))
        page = decode(data, charset or declared_charset(data))
    except InputError as error:
        return from_error(error, doc_id=doc_id, origin=origin, reader=reader, url=url)
    meta = dict(meta or {})
    # imported here: trafilatura (lxml, htmldate, courlan) costs ~1 s to import, and most runs read JSON Lines
    from trafilatura import extract
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    try:
        tree = load_html(page)
        text = (
            extract(tree, url=url, include_comments=False, include_tables=False, deduplicate=False)
            if tree is not None
            else None
        )
        info = extract_metadata(tree, default_url=url, extensive=False) if tree is not None else None
    except Exception as exc:  # lxml/trafilatura fail in many ways on broken pages
        log.warning("%s: HTML extraction failed: %s", origin, exc)
        text, info = None, None
    if not text or not text.strip():
        return rejected(
            ErrorCode.HTML,
            "no main text could be extracted from the page",
            doc_id=doc_id,
            origin=origin,
            reader=reader,
            excerpt=excerpt(page),
            url=url,
        )
    title = info.title if info is not None and info.title else None
    published, source = _published(tree)
    if source:
        meta["published_source"] = source
    return accepted(
        doc_id,
        text,
        origin=origin,
        reader=reader,
        settings=settings,
        title=title,
        url=url or (info.url if info is not None else None),
        published=published,
        outlet=(info.sitename if info is not None and info.sitename else None),
        meta=meta,
    )


def _html_settings(settings: Settings) -> Settings:
    from dataclasses import replace

    return replace(settings, max_document_bytes=settings.max_document_bytes * HTML_FACTOR)


def _published(tree: Any) -> tuple[datetime | None, str | None]:
    for xpath in _DATE_XPATHS:
        for value in tree.xpath(xpath):
            try:
                return parse_published(str(value)), xpath
            except ValueError:
                continue
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        for value in _JSONLD_DATE.findall(str(script)):
            try:
                return parse_published(value), "json-ld:datePublished"
            except ValueError:
                continue
    return None, None
