"""The dashboard in a REAL headless Chromium (Debian's `chromium`, driven by Playwright): load the
page, filter, open an event, see the highlighted evidence, switch to Arabic — with every request
checked to stay on 127.0.0.1 and screenshots saved under artifacts/.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from shapely.geometry import Point, shape

from marsad.api.dashboard import BOUNDARIES_DIR
from marsad.store import Store
from marsad.store.query import EventFilter

CHROMIUM = Path(os.environ.get("MARSAD_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]


class Page:
    """A page whose every request is checked: anything not on 127.0.0.1 is recorded and aborted."""

    def __init__(self, context: Any) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        context.route("**/*", self._route)
        self.page = context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))

    def _route(self, route: Any) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in ("data", "blob") or url.hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def open(self, url: str) -> Any:
        self.page.goto(url)
        self.page.wait_for_selector("body[data-loaded='1']", timeout=20_000)
        return self.page

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"dashboard-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        print(f"screenshot: {path}")
        return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture
def tab(browser: Any) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = Page(context)
    yield page
    context.close()
    assert page.outside == [], f"requests left 127.0.0.1: {page.outside}"
    assert page.errors == [], page.errors


def _rows(page: Any) -> list[str]:
    ids: list[str] = page.eval_on_selector_all(
        "#events-table tbody tr[data-event-id]", "rs => rs.map(r => r.dataset.eventId)"
    )
    return ids


def _reload_after(page: Any, action: Any) -> None:
    page.evaluate("() => { delete document.body.dataset.loaded; }")
    action()
    page.wait_for_selector("body[data-loaded='1']", timeout=20_000)


def test_home_map_timeline_table_and_filters(tab: Page, dashboard_url: str, dashboard_store: Store) -> None:
    stored = list(dashboard_store.iter_events())
    page = tab.open(f"{dashboard_url}/dashboard")
    # Everything the store holds is in the table, on the map and in the timeline.
    assert sorted(_rows(page)) == sorted(e["id"] for e in stored)
    dots = page.eval_on_selector_all(".event-dot", "ds => ds.map(d => d.dataset.eventId)")
    assert sorted(dots) == sorted(e["id"] for e in stored if e["latitude"] is not None)
    assert page.locator(".countries path").count() > 50
    assert page.locator(".admin2 path").count() == 101
    # Districts are shaded by the events inside them (the browser's point-in-polygon vs shapely's).
    districts = json.loads((BOUNDARIES_DIR / "iraq_adm2.geojson").read_text(encoding="utf-8"))["features"]
    expected: dict[str, int] = {}
    for e in stored:
        if e["latitude"] is None:
            continue
        for f in districts:
            if shape(f["geometry"]).contains(Point(e["longitude"], e["latitude"])):
                expected[f["properties"]["pcode"]] = expected.get(f["properties"]["pcode"], 0) + 1
    shaded = page.eval_on_selector_all(
        ".admin2 path.shaded", "ps => ps.map(p => [p.dataset.code, +p.dataset.events])"
    )
    assert dict(shaded) == expected and expected
    buckets = page.eval_on_selector_all(
        "#timeline .bucket", "bs => bs.map(b => [+b.dataset.events, +b.dataset.fatalities])"
    )
    assert sum(b[0] for b in buckets) == len(stored)
    assert sum(b[1] for b in buckets) == sum(e["fatalities"] for e in stored)
    assert page.locator("#summary .s-events strong").inner_text() == str(len(stored))
    # The alerts panel lists what GET /alerts serves, each with its chart against the baseline.
    alerts = httpx.get(f"{dashboard_url}/alerts").json()["data"]
    page.wait_for_selector("body[data-alerts-loaded='1']", timeout=20_000)
    assert page.locator("#alerts .alert-item").count() == len(alerts)
    assert page.locator("#alerts .alert-item svg.spark .spark-base").count() == len(alerts)
    if alerts:
        assert page.locator("#alerts .alert-item strong").first.inner_text() == alerts[0]["title"]
    tab.shot("home")

    # Column headers sort the table: fatalities, highest first, then lowest first.
    by_fat = sorted(stored, key=lambda e: e["fatalities"])
    page.click("#events-table th[data-sort='fatalities']")
    fats = page.eval_on_selector_all(
        "#events-table tbody tr td.num:nth-of-type(5)", "ts => ts.map(t => +t.textContent)"
    )
    assert fats == sorted((e["fatalities"] for e in stored), reverse=True)
    page.click("#events-table th[data-sort='fatalities']")
    assert _rows(page)[0] in {e["id"] for e in by_fat if e["fatalities"] == by_fat[0]["fatalities"]}
    page.click("#events-table th[data-sort='date']")  # back to newest first

    # Filter: country, then minimum fatalities; the URL keeps the filters.
    page.fill("input[name=country]", "Iraq")
    _reload_after(page, lambda: page.click("#filters button[type=submit]"))
    iraq = {e["id"] for e in stored if e["country"] == "Iraq"}
    assert set(_rows(page)) == iraq and 2 <= len(iraq) < len(stored)
    assert page.locator(".event-dot").count() == len(iraq)
    page.fill("input[name=min_fatalities]", "5")
    _reload_after(page, lambda: page.click("#filters button[type=submit]"))
    assert set(_rows(page)) == {e["id"] for e in stored if e["country"] == "Iraq" and e["fatalities"] >= 5}
    assert "country=Iraq" in page.url and "min_fatalities=5" in page.url
    # The CSV link downloads the same selection, from the API's export.
    csv_href = page.get_attribute("#dl-csv", "href") or ""
    assert "country=Iraq" in csv_href and "min_fatalities=5" in csv_href
    csv_rows = httpx.get(f"{dashboard_url}{csv_href}").text.strip().splitlines()
    assert len(csv_rows) - 1 == len(_rows(page))

    # Arabic full-text search over the source reports (hamza/alef-insensitive on the server).
    _reload_after(page, lambda: page.click("#filters-reset"))
    assert len(_rows(page)) == len(stored)
    page.fill("input[name=q]", "داعش")
    _reload_after(page, lambda: page.click("#filters button[type=submit]"))
    found = {e["id"] for e in dashboard_store.query_events(EventFilter(q="داعش"), None, 500).events}
    assert {"wakala-2109-0411-1", "wakala-2109-0502-1"} <= found < {e["id"] for e in stored}
    assert set(_rows(page)) == found

    # Event type filter from the ACLED list; a timeline bar narrows the dates.
    _reload_after(page, lambda: page.click("#filters-reset"))
    page.select_option("select[name=event_type]", "Explosions/Remote violence")
    _reload_after(page, lambda: page.click("#filters button[type=submit]"))
    explosions = {e["id"] for e in stored if e["event_type"] == "Explosions/Remote violence"}
    assert set(_rows(page)) == explosions
    bar = page.locator("#timeline .bucket:not([data-events='0'])").first
    start, end = bar.get_attribute("data-start") or "", bar.get_attribute("data-end") or ""
    _reload_after(page, lambda: bar.click())
    assert (
        page.input_value("input[name=date_from]") == start and page.input_value("input[name=date_to]") == end
    )
    in_bar = {e["id"] for e in stored if e["id"] in explosions and start <= e["event_date"] <= end}
    assert in_bar and set(_rows(page)) == in_bar


def test_more_events_than_drawn_uses_server_totals(
    tab: Page, dashboard_url: str, dashboard_store: Store
) -> None:
    """With a cap below the number of matching events, the map and table show the newest ones and
    the totals and timeline come from GET /stats, so they still count every event."""
    stored = sorted(dashboard_store.iter_events(), key=lambda e: (e["event_date"], e["id"]), reverse=True)
    page = tab.open(f"{dashboard_url}/dashboard?max=5")
    assert sorted(_rows(page)) == sorted(e["id"] for e in stored[:5])  # the API's newest-first order
    assert page.locator(".event-dot").count() == sum(1 for e in stored[:5] if e["latitude"] is not None)
    assert page.locator("#summary .s-events strong").inner_text() == str(len(stored))
    assert page.locator("#summary .s-fatalities strong").inner_text() == str(
        sum(e["fatalities"] for e in stored)
    )
    assert "newest 5" in page.locator("#summary").inner_text()
    buckets = page.eval_on_selector_all("#timeline .bucket", "bs => bs.map(b => +b.dataset.events)")
    assert sum(buckets) == len(stored)


def test_map_dot_opens_the_event(tab: Page, dashboard_url: str) -> None:
    page = tab.open(f"{dashboard_url}/dashboard")
    page.locator(".event-dot[data-event-id='somali-2110-0907-1']").click()
    page.wait_for_url("**/dashboard/events/somali-2110-0907-1")
    page.wait_for_selector("body[data-loaded='1']")
    assert "Mogadishu" in page.locator("#ev-title").inner_text()


def test_event_page_highlights_the_evidence(tab: Page, dashboard_url: str, dashboard_store: Store) -> None:
    event = dashboard_store.get_event("wakala-2109-0411-1")
    assert event is not None and len(event["sources"]) == 2  # two outlets, merged by the store
    page = tab.open(f"{dashboard_url}/dashboard")
    page.locator("#events-table tr[data-event-id='wakala-2109-0411-1']").click()
    page.wait_for_url("**/dashboard/events/wakala-2109-0411-1")
    page.wait_for_selector("body[data-loaded='1']")

    for src in event["sources"]:
        doc = dashboard_store.get_document(src["doc_id"])
        assert doc is not None
        box = page.locator(f".source-text[data-doc-id='{src['doc_id']}']")
        assert box.get_attribute("dir") == "rtl" and box.get_attribute("lang") == "ar"
        assert box.text_content() == doc["text"]  # the original text, untouched
        for ev in (e for e in event["evidence"] if e["doc_id"] == src["doc_id"]):
            # The marks carrying this field, read in order, spell exactly the evidence span.
            got = box.evaluate(
                "(el, f) => [...el.querySelectorAll('mark')].filter(m => m.dataset.fields.split(' ').includes(f)).map(m => m.textContent).join('')",
                ev["field"],
            )
            assert got == ev["text"] == doc["text"][ev["start"] : ev["end"]], ev
    fat = page.locator(".source-text mark[data-field='fatalities']")
    assert fat.count() >= 2
    assert "Fatalities" in (fat.first.get_attribute("title") or "")
    assert page.locator(".source-text mark.mismatch").count() == 0

    # Sources with each report's own figures; the merged range; the English note.
    items = page.locator("#ev-sources li")
    assert items.count() == 2
    assert "Fatalities: 4" in items.nth(0).inner_text() and "Fatalities: 5" in items.nth(1).inner_text()
    assert "range 4–5" in page.locator("#ev-facts tr[data-field='fatalities']").inner_text()
    assert page.locator("#ev-notes").inner_text().startswith("On 14 September 2021")

    # Clicking a field in the legend focuses its words.
    page.click(".legend-field[data-field='injured']")
    assert page.locator("mark.focus").first.inner_text() == "إصابة ستة آخرين"
    tab.shot("event")

    page.click("#lang-toggle")
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    assert page.locator("h2[data-i18n='event.sources']").inner_text() == "المصادر"
    assert page.locator("#ev-type").inner_text() == "تفجيرات/عنف عن بُعد"
    tab.shot("event-ar")


def test_arabic_layout_persists_across_pages(tab: Page, dashboard_url: str) -> None:
    page = tab.open(f"{dashboard_url}/dashboard")
    page.click("#lang-toggle")
    page = tab.open(f"{dashboard_url}/dashboard")  # the choice is remembered
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("h2[data-i18n='map.title']").inner_text() == "الخريطة"
    assert page.locator("select[name=event_type] option[value='Battles']").inner_text() == "معارك"
    page.wait_for_selector("body[data-alerts-loaded='1']", timeout=20_000)
    heads = page.locator("#alerts .alert-item strong").all_inner_texts()
    assert heads and all(h.startswith(("ارتفاع", "جديد")) for h in heads)
    tab.shot("home-ar")


def test_a_refused_filter_shows_the_servers_message(tab: Page, dashboard_url: str) -> None:
    page = tab.open(f"{dashboard_url}/dashboard?date_from=2023-05-01&date_to=2021-01-01")
    status = page.locator("#summary .error").inner_text()
    assert status.startswith("Could not load data") and "date_from is after date_to" in status
    tab.errors.clear()  # the browser logs the 400 it was answered


def test_unknown_event_says_so(tab: Page, dashboard_url: str) -> None:
    page = tab.open(f"{dashboard_url}/dashboard/events/no-such-event")
    assert page.locator("#event-status").inner_text() == "No such event."
    tab.errors.clear()  # the 404 the page asked for is logged by the browser as a failed load


def test_highlight_counts_code_points_and_nests_overlaps(tab: Page, dashboard_url: str) -> None:
    """Offsets are Python code-point indices: an emoji before a span must not shift it (JS strings
    count UTF-16 units); overlapping spans split into pieces that each name the innermost field."""
    page = tab.open(f"{dashboard_url}/dashboard")
    text = "🙂 قُتل ثلاثة من عناصر الشرطة في كركوك"
    start = text.index("قُتل ثلاثة")
    spans = [
        {
            "field": "fatalities",
            "start": start,
            "end": start + len("قُتل ثلاثة من عناصر الشرطة"),
            "text": "قُتل ثلاثة من عناصر الشرطة",
        },
        {
            "field": "actor2",
            "start": text.index("عناصر الشرطة"),
            "end": text.index("عناصر الشرطة") + len("عناصر الشرطة"),
            "text": "عناصر الشرطة",
        },
        {"field": "location", "start": text.index("كركوك"), "end": len(text), "text": "كركوك"},
        {"field": "bad", "start": 5, "end": 500, "text": "out of range"},
    ]
    marks = page.evaluate(
        """async ([text, spans]) => {
            const { highlight } = await import('/static/js/highlight.js');
            const div = document.createElement('div');
            div.append(highlight(text, spans));
            return [div.textContent, [...div.querySelectorAll('mark')].map(m => [m.dataset.field, m.dataset.fields, m.textContent])];
        }""",
        [text, spans],
    )
    assert marks[0] == text
    assert marks[1] == [
        ["fatalities", "fatalities", "قُتل ثلاثة من "],
        ["actor2", "actor2 fatalities", "عناصر الشرطة"],
        ["location", "location", "كركوك"],
    ]
