"""The offline web dashboard: HTML pages and every asset they need, served from the package.

The pages are thin HTML shells; the browser code (static/js/*.js) reads the same JSON API an analyst
would (`/events`, `/events/{id}`, `/documents/{id}`, `/alerts`), so the dashboard shows exactly what
the API serves. Nothing is fetched from outside the app: no CDN, no tiles, no web fonts — the map is
drawn in SVG from boundaries bundled under marsad/data/boundaries (see scripts/build_boundaries.py).

`router` is included by `marsad.api.app.create_app`. Routes:
  GET /dashboard                     map, timeline, filters, table, alerts
  GET /dashboard/events/{event_id}   one event: Arabic source text with evidence highlighted, sources
  GET /dashboard/meta.json           ACLED event/sub-event types, boundary layers, attribution
  GET /static/{path}                 CSS, JS, the i18n dictionary
  GET /static/boundaries/{name}.geojson  bundled boundaries
"""

from __future__ import annotations

import json
import mimetypes
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

import marsad
from marsad.acled import SUB_EVENT_TYPES

HERE = Path(__file__).resolve().parent
STATIC_DIR = HERE / "static"
TEMPLATES_DIR = HERE / "templates"
BOUNDARIES_DIR = Path(marsad.__file__).resolve().parent / "data" / "boundaries"

# Drawn bottom to top. Iraq's districts are the finest polygons bundled (OCHA COD-AB).
BOUNDARY_LAYERS: tuple[str, ...] = ("countries", "iraq_adm1", "iraq_adm2")
ATTRIBUTION = {
    "en": "Boundaries: Natural Earth (public domain); Iraq: OCHA COD-AB, Central Statistics "
    "Organization (Iraq) / OCHA, CC BY-IGO.",
    "ar": "الحدود: Natural Earth (ملكية عامة)؛ العراق: OCHA COD-AB، الجهاز المركزي للإحصاء (العراق) / "
    "أوتشا، CC BY-IGO.",
}

# Assets change only with a new release; a short max-age keeps reloads fast without stale pages
# during development (no fingerprinting build step).
_CACHE = {"Cache-Control": "public, max-age=300"}

router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=select_autoescape(["html"]))


def _api_base(request: Request) -> str:
    """Where the JSON API lives relative to the site root ('' = same root as the dashboard)."""
    return str(getattr(request.app.state, "api_base", "") or "").rstrip("/")


def _page(request: Request, template: str, **context: Any) -> HTMLResponse:
    html = (
        _env()
        .get_template(template)
        .render(
            api_base=_api_base(request),
            version=getattr(marsad, "__version__", ""),
            attribution=ATTRIBUTION,
            **context,
        )
    )
    # The pages load nothing from outside the app; say so to the browser too.
    csp = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'"
    return HTMLResponse(html, headers={"Content-Security-Policy": csp})


@router.get("/dashboard", response_class=HTMLResponse)
def dashboard_home(request: Request) -> HTMLResponse:
    return _page(request, "index.html", page="home")


@router.get("/dashboard/events/{event_id}", response_class=HTMLResponse)
def dashboard_event(request: Request, event_id: str) -> HTMLResponse:
    return _page(request, "event.html", page="event", event_id=event_id)


@router.get("/dashboard/meta.json")
def dashboard_meta(request: Request) -> JSONResponse:
    return JSONResponse(
        {
            "ok": True,
            "data": {
                "event_types": {k: list(v) for k, v in SUB_EVENT_TYPES.items()},
                "boundaries": [
                    f"/static/boundaries/{n}.geojson"
                    for n in BOUNDARY_LAYERS
                    if (BOUNDARIES_DIR / f"{n}.geojson").is_file()
                ],
                "attribution": ATTRIBUTION,
                "api_base": _api_base(request),
            },
            "meta": {},
        }
    )


def _not_found(what: str) -> JSONResponse:
    return JSONResponse(
        {"ok": False, "error": {"code": "E_NOT_FOUND", "message": f"no such asset: {what}"}}, status_code=404
    )


def _safe_file(base: Path, rel: str) -> Path | None:
    """`base/rel` if it is a file inside `base` (no '..' escapes, no symlinks out), else None."""
    try:
        path = (base / rel).resolve()
    except (OSError, ValueError):
        return None
    if not path.is_relative_to(base.resolve()) or not path.is_file():
        return None
    return path


@router.get("/static/boundaries/{name}.geojson")
def boundary(name: str) -> Any:
    if name not in BOUNDARY_LAYERS or not (path := _safe_file(BOUNDARIES_DIR, f"{name}.geojson")):
        return _not_found(f"boundaries/{name}.geojson")
    return FileResponse(path, media_type="application/geo+json", headers=_CACHE)


@router.get("/static/{path:path}")
def static_file(path: str) -> Any:
    found = _safe_file(STATIC_DIR, path)
    if found is None:
        return _not_found(path)
    media = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
    if found.suffix in (".js", ".css", ".json", ".svg"):
        media += "; charset=utf-8"
    return FileResponse(found, media_type=media, headers=_CACHE)


def load_labels() -> dict[str, dict[str, str]]:
    """The dashboard's label dictionary (static/i18n.json): {"en": {key: text}, "ar": {key: text}}."""
    data: dict[str, dict[str, str]] = json.loads((STATIC_DIR / "i18n.json").read_text(encoding="utf-8"))
    return data


def validate_labels(labels: dict[str, dict[str, str]] | None = None) -> list[str]:
    """Problems in the label dictionary: a key missing in one language, an empty label, or an ACLED
    event/sub-event type without a label (the UI shows every type in both languages)."""
    labels = labels if labels is not None else load_labels()
    problems: list[str] = []
    langs = ("en", "ar")
    for lang in langs:
        if lang not in labels:
            problems.append(f"language {lang!r} missing")
    if problems:
        return problems
    for a, b in ((langs[0], langs[1]), (langs[1], langs[0])):
        problems += [f"{k!r} in {a} but not in {b}" for k in sorted(set(labels[a]) - set(labels[b]))]
    for lang in langs:
        problems += [f"{k!r} empty in {lang}" for k, v in labels[lang].items() if not str(v).strip()]
    for et, subs in SUB_EVENT_TYPES.items():
        for name in (et, *subs):
            if f"type:{name}" not in labels["en"]:
                problems.append(f"no label for ACLED type {name!r}")
    return problems
