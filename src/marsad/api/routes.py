"""The JSON API routes. Reads need no token; writes (POST /documents) need the configured token."""

from __future__ import annotations

import hmac
import json
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request
from fastapi.responses import Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from marsad.api import exports
from marsad.api.envelope import EnvelopeResponse, ok
from marsad.api.params import Filters
from marsad.config import Settings
from marsad.errors import ErrorCode, MarsadError
from marsad.store import MAX_LIMIT, Store

router = APIRouter()

MAX_POST_BYTES = 20_000_000
MAX_POST_DOCS = 1000
_ID = Path(max_length=255, description="Identifier.")


def _store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _not_found(what: str) -> MarsadError:
    return MarsadError(ErrorCode.NOT_FOUND, what)


@router.get("/events", summary="Events, filtered, newest first, with cursor pagination.", tags=["events"])
async def list_events(
    request: Request,
    filters: Filters,
    cursor: Annotated[
        str | None, Query(max_length=2000, description="`meta.next_cursor` of the previous page.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1..{MAX_LIMIT}.")] = 100,
) -> Response:
    store = _store(request)
    if store.dialect == "sqlite" and not filters.q:
        # An indexed SQLite query is a millisecond or two of CPU in this process, under the GIL
        # either way: running it inline saves the thread hand-off, which costs about as much.
        page = store.query_events(filters, cursor, limit)
    else:  # PostgreSQL works in its own process (overlap it); a text search may scan documents
        page = await run_in_threadpool(store.query_events, filters, cursor, limit)
    return ok(
        page.events, count=len(page.events), limit=limit, next_cursor=page.next_cursor, filters=page.filters
    )


@router.get("/events/{event_id}", summary="One event with its sources and evidence spans.", tags=["events"])
def get_event(request: Request, event_id: Annotated[str, _ID]) -> Response:
    store = _store(request)
    event = store.get_event(event_id)
    if event is not None:
        return ok(event)
    survivor = store.merged_into(event_id)
    if survivor is not None and (event := store.get_event(survivor)) is not None:
        return ok(event, merged_from=event_id)
    raise _not_found(f"no event {event_id!r}")


@router.get(
    "/documents/{doc_id}",
    summary="One stored document: the original text and its events.",
    tags=["documents"],
)
def get_document(request: Request, doc_id: Annotated[str, _ID]) -> Response:
    doc = _store(request).get_document(doc_id)
    if doc is None:
        raise _not_found(f"no document {doc_id!r}")
    return ok(doc)


def _authorize(request: Request, authorization: str | None) -> None:
    token = _settings(request).api_token
    if not token:
        raise MarsadError(ErrorCode.UNAUTHORIZED, "writes are disabled: no api_token is configured")
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise MarsadError(ErrorCode.UNAUTHORIZED, "missing or wrong bearer token")


@router.delete(
    "/documents/{doc_id}",
    summary="Withdraw a document: its events are updated, or deleted when no report is left; needs the token.",
    tags=["documents"],
)
def delete_document(
    request: Request,
    doc_id: Annotated[str, _ID],
    authorization: Annotated[str | None, Header(description="Bearer <api_token>")] = None,
) -> Response:
    _authorize(request, authorization)
    result = _store(request).delete_document(doc_id)
    if result is None:
        raise _not_found(f"no document {doc_id!r}")
    return ok(result)


@router.post(
    "/documents",
    summary="Ingest documents (JSON object, list, or {'documents': [...]}); needs the bearer token.",
    tags=["documents"],
)
async def post_documents(
    request: Request, authorization: Annotated[str | None, Header(description="Bearer <api_token>")] = None
) -> Response:
    _authorize(request, authorization)
    body = await request.body()
    if len(body) > MAX_POST_BYTES:
        raise MarsadError(ErrorCode.TOO_LARGE, f"request body over {MAX_POST_BYTES} bytes")
    try:
        payload = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MarsadError(ErrorCode.JSON, f"body is not JSON: {exc}") from exc
    items: Any = payload.get("documents") if isinstance(payload, dict) and "documents" in payload else payload
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list) or not items:
        raise MarsadError(ErrorCode.BAD_PARAMETER, "expected a document object or a non-empty list of them")
    if len(items) > MAX_POST_DOCS:
        raise MarsadError(ErrorCode.TOO_LARGE, f"at most {MAX_POST_DOCS} documents per request")
    report, rejects = await run_in_threadpool(_ingest, _store(request), _settings(request), items)
    return EnvelopeResponse({"ok": True, "data": report, "meta": {"rejects": rejects}}, status_code=201)


def _ingest(
    store: Store, settings: Settings, items: list[Any]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from marsad.errors import Reject
    from marsad.io.jsonl import from_object
    from marsad.model import Document
    from marsad.store.ingest import ingest_documents, pipeline_extractor

    docs: list[Document] = []
    for i, obj in enumerate(items):
        if isinstance(obj, dict):
            docs.append(from_object(obj, f"POST /documents[{i}]", settings, reader="api"))
        else:
            bad = Document(id=f"POST-{i}", text="", reader="api")
            bad.reject = Reject(ErrorCode.JSON, "item is not a JSON object", None, f"POST /documents[{i}]")
            docs.append(bad)
    rejects: list[dict[str, Any]] = []
    report = ingest_documents(
        store,
        docs,
        extractor=pipeline_extractor(),
        on_reject=lambda d: rejects.append(d.reject.to_dict()),  # type: ignore[union-attr]
    )
    return report.to_dict(), rejects


@router.get(
    "/stats", summary="Counts and fatalities by day, ISO week, month, admin unit and type.", tags=["events"]
)
def stats(request: Request, filters: Filters) -> Response:
    return ok(_store(request).stats(filters), filters=filters.to_dict())


def _since(value: str | None) -> int | datetime | None:
    if value is None or value == "":
        return None
    if value.isdigit():
        if len(value) > 18:
            raise MarsadError(ErrorCode.BAD_PARAMETER, "since: sequence number too large")
        return int(value)
    try:
        at = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise MarsadError(
            ErrorCode.BAD_PARAMETER, "since: a change sequence number or an ISO 8601 time"
        ) from exc
    if at.tzinfo is None:
        raise MarsadError(ErrorCode.BAD_PARAMETER, "since: give the time zone (e.g. 2021-03-14T00:00:00Z)")
    return at


@router.get(
    "/changes",
    summary="The change feed: created/updated/merged/deleted events after `since` (seq or ISO time).",
    tags=["events"],
)
def changes(
    request: Request,
    since: Annotated[
        str | None, Query(max_length=40, description="Last seq seen, or an ISO 8601 time.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
) -> Response:
    rows = _store(request).changes(_since(since), limit)
    last = rows[-1]["seq"] if rows else (since if since and since.isdigit() else None)
    return ok(rows, count=len(rows), last_seq=last)


def _attachment(name: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{name}"'}


@router.get("/export.csv", summary="Events as ACLED CSV (31 columns in ACLED's order).", tags=["exports"])
def export_csv(request: Request, filters: Filters) -> Response:
    records = _store(request).iter_records(filters)
    return StreamingResponse(
        exports.csv_chunks(records),
        media_type="text/csv; charset=utf-8",
        headers=_attachment("marsad-events.csv"),
    )


@router.get(
    "/export.geojson", summary="Events as GeoJSON points (all fields as properties).", tags=["exports"]
)
def export_geojson(request: Request, filters: Filters) -> Response:
    records = _store(request).iter_records(filters)
    return StreamingResponse(
        exports.geojson_chunks(records),
        media_type="application/geo+json",
        headers=_attachment("marsad-events.geojson"),
    )


@router.get("/export.parquet", summary="Events as Parquet (ACLED columns plus extensions).", tags=["exports"])
def export_parquet(request: Request, filters: Filters) -> Response:
    data = exports.parquet_bytes(_store(request).iter_records(filters))
    return Response(
        data, media_type="application/vnd.apache.parquet", headers=_attachment("marsad-events.parquet")
    )
