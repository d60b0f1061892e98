"""`create_app(settings=None, store=None)`: the REST API, the offline /docs page, and the routers of
the dashboard (marsad.api.dashboard) and alerts (marsad.alerts.api) when those modules exist."""

from __future__ import annotations

import importlib
import importlib.util
import logging

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from marsad import __version__
from marsad.api import docs, envelope
from marsad.api.envelope import ok
from marsad.api.routes import router
from marsad.config import Settings
from marsad.store import Store

log = logging.getLogger(__name__)

# Optional routers written alongside this module; included when present.
OPTIONAL_ROUTERS = ("marsad.api.dashboard", "marsad.alerts.api")

DESCRIPTION = (
    "Arabic news reports turned into ACLED-coded, geocoded, deduplicated conflict events, with the "
    "evidence spans behind every field. Every answer is {ok, data, meta} or {ok: false, error: {code, message}}."
)


def _has_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    settings = settings or Settings.load()
    store = store or Store(settings.db_url)
    app = FastAPI(
        title="marsad",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # Swagger UI needs a CDN: replaced by the offline page below
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    envelope.install(app)
    app.include_router(router)
    for name in OPTIONAL_ROUTERS:
        if _has_module(name):
            app.include_router(importlib.import_module(name).router)
        else:
            log.info("%s not available: its routes are not served", name)

    @app.get("/docs", include_in_schema=False)
    def offline_docs() -> HTMLResponse:
        return HTMLResponse(docs.render(app.openapi()))

    @app.get("/health", summary="Liveness and database counts.", tags=["meta"])
    def health() -> Response:
        return ok({"version": __version__, "database": store.dialect, "counts": store.counts()})

    if not any(getattr(r, "path", None) == "/" for r in app.routes):

        @app.get("/", include_in_schema=False)
        def root() -> RedirectResponse:
            return RedirectResponse("/dashboard" if _has_module("marsad.api.dashboard") else "/docs")

    return app
