"""Dashboard benchmark (not a test; pytest does not collect it): page weight, and the time a real
headless Chromium takes to load and draw the home page and an event page, against the real app on
loopback over a SQLite store of N synthetic events.

    .venv/bin/python tests/dashboard/bench_dashboard.py [--events 1000 5000] [--runs 3]

Writes the table to benchmarks/results/dashboard.md (between its BENCH markers) and prints it.
"Load" is the page's own clock (performance.now) from navigation start to its `data-loaded` flag:
every /events page fetched (500 per request), boundaries parsed, map, timeline and table drawn.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_browser import ARGS, CHROMIUM

from conftest import make_app
from marsad.acled import DISORDER_TYPE, EVENT_TYPE_OF, interaction_code
from marsad.model import Document
from marsad.record import EventRecord, Evidence
from marsad.store import Store

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "benchmarks" / "results" / "dashboard.md"

# (governorate, town, town in Arabic, lat, lon): spread so that synthetic events do not merge.
PLACES = [
    ("Kirkuk", "Hawija", "الحويجة", 35.32, 43.77),
    ("Ninewa", "Tal Afar", "تلعفر", 36.37, 42.45),
    ("Diyala", "Baqubah", "بعقوبة", 33.75, 44.64),
    ("Al-Anbar", "Ramadi", "الرمادي", 33.42, 43.30),
    ("Salah Al-Din", "Tikrit", "تكريت", 34.61, 43.68),
    ("Baghdad", "Abu Ghraib", "أبو غريب", 33.29, 44.06),
    ("Al-Basrah", "Zubair", "الزبير", 30.39, 47.70),
    ("Babil", "Jurf al-Sakhar", "جرف الصخر", 32.87, 44.17),
]
SUBTYPES = ["Remote explosive/landmine/IED", "Armed clash", "Attack", "Air/drone strike", "Peaceful protest"]


def synthetic_docs(n: int, seed: int = 7) -> list[Document]:
    rng = random.Random(seed)
    start = date(2020, 1, 1)
    docs = []
    for i in range(n):
        admin1, town, town_ar, lat, lon = PLACES[i % len(PLACES)]
        day = start + timedelta(days=rng.randrange(900))
        killed = rng.choice([0, 0, 1, 2, 3, 5, 8, 13])
        text = f"{town_ar} - قُتل {killed} أشخاص في حادث أمني رقم {i} قرب {town_ar}، وفق مصدر محلي."
        d = Document(
            id=f"bench-{i}",
            text=text,
            outlet="Bench Wire",
            published=datetime(day.year, day.month, day.day, 12),
        )
        sub = SUBTYPES[i % len(SUBTYPES)]
        et = EVENT_TYPE_OF[sub]
        s = text.index(f"قُتل {killed}")
        d.events = [
            EventRecord(
                event_id_cnty=f"BENCH{i}",
                event_date=day.isoformat(),
                year=day.year,
                time_precision=1,
                disorder_type=DISORDER_TYPE[et],
                event_type=et,
                sub_event_type=sub,
                actor1=f"Unidentified Armed Group {i} (Iraq)",  # distinct actors: nothing merges
                inter1=3,
                interaction=interaction_code(3, 0),
                iso=368,
                region="Middle East",
                country="Iraq",
                admin1=admin1,
                location=town,
                location_ar=town_ar,
                latitude=lat + rng.uniform(-0.3, 0.3),
                longitude=lon + rng.uniform(-0.3, 0.3),
                source="Bench Wire",
                fatalities=killed,
                doc_ids=[d.id],
                evidence=[
                    Evidence(
                        field="fatalities",
                        doc_id=d.id,
                        start=s,
                        end=s + len(f"قُتل {killed}"),
                        text=f"قُتل {killed}",
                    )
                ],
            )
        ]
        docs.append(d)
    return docs


def page_weight(base: str) -> dict[str, int]:
    paths = [
        "/dashboard",
        "/static/css/dashboard.css",
        "/static/i18n.json",
        "/dashboard/meta.json",
        *(
            f"/static/js/{n}"
            for n in ("common.js", "map.js", "charts.js", "home.js", "highlight.js", "event.js")
        ),
        *(f"/static/boundaries/{n}.geojson" for n in ("countries", "iraq_adm1", "iraq_adm2")),
    ]
    sizes = {}
    with httpx.Client(base_url=base) as c:
        for p in paths:
            sizes[p] = len(c.get(p).content)
    return sizes


def time_pages(base: str, event_id: str, runs: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {"first": [], "home": [], "alerts": [], "event": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        for _ in range(runs):
            for name, url in (
                ("home", f"{base}/dashboard"),
                ("event", f"{base}/dashboard/events/{event_id}"),
            ):
                ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = ctx.new_page()
                page.goto(url)
                # In-page clock: from navigation start to the flag (no driver overhead).
                page.wait_for_selector("body[data-loaded='1']", timeout=120_000)
                out[name].append(float(page.get_attribute("body", "data-loaded-ms") or 0) / 1000)
                if name == "home":
                    out["first"].append(float(page.get_attribute("body", "data-first-ms") or 0) / 1000)
                if name == "home":
                    page.wait_for_selector("body[data-alerts-loaded='1']", timeout=300_000)
                    out["alerts"].append(float(page.get_attribute("body", "data-alerts-ms") or 0) / 1000)
                ctx.close()
        browser.close()
    return out


def serve(store: Store) -> tuple[str, object]:
    import threading

    import uvicorn

    from conftest import _free_port

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(make_app(store), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, nargs="+", default=[1000, 5000])
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    rows = []
    weight: dict[str, int] = {}
    load0 = os.getloadavg()[0]
    for n in args.events:
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(f"sqlite:///{tmp}/bench.db")
            t0 = time.perf_counter()
            store.ingest_documents(synthetic_docs(n), batch_size=500)
            ingest_s = time.perf_counter() - t0
            base, server = serve(store)
            weight = page_weight(base)
            times = time_pages(base, "BENCH0", args.runs)
            server.should_exit = True  # type: ignore[attr-defined]
            store.close()
        rows.append(
            f"| {n:,} | {ingest_s:.1f} | {statistics.median(times['first']):.2f} | {statistics.median(times['home']):.2f} | {max(times['home']):.2f} "
            f"| {statistics.median(times['alerts']):.2f} | {statistics.median(times['event']):.2f} | {max(times['event']):.2f} |"
        )
        print(rows[-1], flush=True)
    total = sum(weight.values())
    bounds = sum(v for k, v in weight.items() if "boundaries" in k)
    lines = [
        f"Measured {datetime.now().date().isoformat()} on {platform.machine()}, {platform.python_version()}, "
        f"Chromium {CHROMIUM} headless, {args.runs} runs each, the app on 127.0.0.1 (uvicorn, one worker), SQLite; "
        f"load average {load0:.1f} at the start, {os.getloadavg()[0]:.1f} at the end ({os.cpu_count()} CPUs).",
        "",
        "| events in store | ingest (s, synthetic, pre-extracted) | home: first 500 drawn, median (s) "
        "| home: all drawn, median (s) | home max (s) | home incl. alerts panel, median (s) | event page median (s) | event max (s) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"Page weight (uncompressed, every asset the two pages load): {total / 1024:.0f} KB, of which "
        f"boundaries {bounds / 1024:.0f} KB. Home page draws at most 5,000 events (10 API pages of 500).",
        "",
        f"Reproduce: `.venv/bin/python tests/dashboard/bench_dashboard.py --events {' '.join(map(str, args.events))} --runs {args.runs}`",
    ]
    table = "\n".join(lines)
    print(table)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    block = "<!-- BENCH -->\n" + table + "\n<!-- /BENCH -->"
    old = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    if "<!-- BENCH -->" in old and "<!-- /BENCH -->" in old:  # keep the notes around the table
        before, rest = old.split("<!-- BENCH -->", 1)
        new = before + block + rest.split("<!-- /BENCH -->", 1)[1]
    else:
        new = "# Dashboard benchmark\n\nOwner: dashboard (H8). Written by tests/dashboard/bench_dashboard.py.\n\n"
        new += block + "\n"
    RESULTS.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
