"""A small app speaking the JSON API contract over a real `Store`, used only while
`marsad.api.app.create_app` is not there yet (see conftest.make_app). Same envelope, same routes.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import FastAPI
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from marsad.api.dashboard import router as dashboard_router
from marsad.store import Store
from marsad.store.query import EventFilter


def _ok(data: Any, **meta: Any) -> JSONResponse:
    return JSONResponse(jsonable_encoder({"ok": True, "data": data, "meta": meta}))


def _err(code: str, message: str, status: int) -> JSONResponse:
    return JSONResponse({"ok": False, "error": {"code": code, "message": message}}, status_code=status)


def contract_app(store: Store) -> FastAPI:
    app = FastAPI()
    app.state.store = store
    app.include_router(dashboard_router)
    try:
        from marsad.alerts.api import router as alerts_router

        app.include_router(alerts_router)
    except ImportError:  # alerts not there yet: the panel says so
        pass

    @app.get("/events")
    def list_events(
        date_from: str | None = None,
        date_to: str | None = None,
        country: str | None = None,
        admin1: str | None = None,
        event_type: str | None = None,
        sub_event_type: str | None = None,
        actor: str | None = None,
        min_fatalities: int | None = None,
        q: str | None = None,
        cursor: str | None = None,
        limit: int = 100,
    ) -> JSONResponse:
        f = EventFilter(
            date_from=date.fromisoformat(date_from) if date_from else None,
            date_to=date.fromisoformat(date_to) if date_to else None,
            country=country,
            admin1=admin1,
            event_type=event_type,
            sub_event_type=sub_event_type,
            actor=actor,
            min_fatalities=min_fatalities,
            q=q,
        )
        page = store.query_events(f, cursor, limit)
        return _ok(page.events, next_cursor=page.next_cursor, limit=page.limit, count=len(page.events))

    @app.get("/events/{event_id}")
    def one_event(event_id: str) -> JSONResponse:
        ev = store.get_event(event_id)
        return _ok(ev) if ev else _err("E_NOT_FOUND", f"no event {event_id!r}", 404)

    @app.get("/documents/{doc_id}")
    def one_document(doc_id: str) -> JSONResponse:
        d = store.get_document(doc_id)
        return _ok(d) if d else _err("E_NOT_FOUND", f"no document {doc_id!r}", 404)

    return app
