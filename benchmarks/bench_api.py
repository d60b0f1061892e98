"""Load benchmark of the REST API on loopback: `/events` with filters, 20 concurrent clients.

    .venv/bin/python benchmarks/bench_api.py --db sqlite:////tmp/bench.db [--seed-db sqlite:////tmp/ant.db]
    .venv/bin/python benchmarks/bench_api.py --db postgresql://marsad@127.0.0.1:55435/marsad_test

1. Fills the database with `--events` (30,000) events synthesised from real extracted events (the
   events of `--seed-db`, e.g. the ANT middleEast ingest) by varying ids and dates over a year;
   with no seed database it uses the events extracted from the bundled test reports.
2. Starts `marsad serve` as a real subprocess (uvicorn) on a free loopback port.
3. Sends `--requests` requests (bounded; also stops after `--seconds`) from `--clients` concurrent
   httpx clients, each a random filter combination, and prints requests/s and latency percentiles.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import delete, insert

from marsad.store import Store
from marsad.store.schema import change_log, documents, event_sources, events, evidence
from marsad.store.write import actors_key

ROOT = Path(__file__).resolve().parent.parent


def seed_events(seed_db: str | None) -> list[dict[str, Any]]:
    if seed_db:
        with Store(seed_db) as s:
            rows = list(s.iter_events())
        if rows:
            return rows
    sys.path.insert(0, str(ROOT / "tests" / "store"))
    from reportkit import hawija_docs, protest_doc  # type: ignore[import-not-found]

    with Store("sqlite://") as s:
        s.ingest_documents([*hawija_docs(), protest_doc()])
        return list(s.iter_events())


def fill(db: str, seeds: list[dict[str, Any]], n: int) -> None:
    rng = random.Random(7)
    start = date(2018, 1, 1)
    cols = {c.name for c in events.c}
    with Store(db) as store, store.engine.begin() as conn:
        for t in (evidence, event_sources, change_log, events, documents):
            conn.execute(delete(t))
        batch = []
        for i in range(n):
            e = dict(rng.choice(seeds))
            day = start + timedelta(days=rng.randrange(365))
            e.update(
                id=f"BENCH{i:07d}",
                created_seq=i + 1,
                event_date=day.isoformat(),
                year=day.year,
                fatalities=max(0, int(rng.expovariate(0.3))),
                updated_at=datetime.now(UTC),
            )
            e["actors_key"] = actors_key(e)
            batch.append({k: v for k, v in e.items() if k in cols})
            if len(batch) == 5000:
                conn.execute(insert(events), batch)
                batch = []
        if batch:
            conn.execute(insert(events), batch)
    with Store(db) as store:
        store.optimize()


def cpu_seconds(pid: int) -> float:
    """User+system CPU of a process and its children (uvicorn workers), from /proc (Linux)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / ticks
            for task in Path(f"/proc/{p}/task").iterdir():
                kids = (task / "children").read_text().split()
                todo += [int(k) for k in kids]
        except OSError:
            continue
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def queries(seeds: list[dict[str, Any]], rng: random.Random) -> dict[str, Any]:
    e = rng.choice(seeds)
    d0 = date(2018, 1, 1) + timedelta(days=rng.randrange(330))
    options: list[dict[str, Any]] = [
        {"country": e["country"]},
        {
            "country": e["country"],
            "date_from": d0.isoformat(),
            "date_to": (d0 + timedelta(days=30)).isoformat(),
        },
        {"event_type": e["event_type"], "min_fatalities": rng.choice([1, 3, 10])},
        {"admin1": e["admin1"], "event_type": e["event_type"]},
        {"sub_event_type": e["sub_event_type"], "date_from": d0.isoformat()},
        {"actor": (e["actor1"] or "x").split(" (")[0][:12]},
        {"country": e["country"], "min_fatalities": 5, "date_to": d0.isoformat()},
    ]
    params = rng.choice(options)
    params["limit"] = rng.choice([20, 50, 100])
    return {k: v for k, v in params.items() if v not in ("", None)}


async def load(
    base: str, seeds: list[dict[str, Any]], n: int, clients: int, seconds: float
) -> dict[str, Any]:
    lat: list[float] = []
    errors = 0
    sent = 0
    deadline = time.monotonic() + seconds

    async def worker(k: int) -> None:
        nonlocal errors, sent
        rng = random.Random(k)
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            while sent < n and time.monotonic() < deadline:
                sent += 1
                t0 = time.perf_counter()
                r = await client.get("/events", params=queries(seeds, rng))
                lat.append(time.perf_counter() - t0)
                if r.status_code != 200 or not r.json()["ok"]:
                    errors += 1

    t0 = time.perf_counter()
    await asyncio.gather(*(worker(k) for k in range(clients)))
    wall = time.perf_counter() - t0
    lat.sort()

    def pct(p: float) -> float:
        return 1000 * lat[min(len(lat) - 1, int(p * len(lat)))]

    return {
        "requests": len(lat),
        "errors": errors,
        "seconds": round(wall, 2),
        "rps": round(len(lat) / wall, 1),
        "p50_ms": round(pct(0.50), 1),
        "p95_ms": round(pct(0.95), 1),
        "p99_ms": round(pct(0.99), 1),
        "mean_ms": round(1000 * statistics.fmean(lat), 1),
    }


def direct(db: str, seeds: list[dict[str, Any]], n: int = 1000) -> dict[str, float]:
    """The same query mix through Store.query_events in this process: the database's share."""
    from marsad.store import EventFilter

    rng = random.Random(99)
    lat = []
    with Store(db) as store:
        for _ in range(n):
            params = queries(seeds, rng)
            limit = params.pop("limit")
            for k in ("date_from", "date_to"):
                if k in params:
                    params[k] = date.fromisoformat(params[k])
            t0 = time.perf_counter()
            store.query_events(EventFilter(**params), None, limit)
            lat.append(time.perf_counter() - t0)
    lat.sort()
    return {"store_p50_ms": round(1000 * lat[n // 2], 2), "store_p95_ms": round(1000 * lat[int(0.95 * n)], 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--seed-db", default=None)
    ap.add_argument("--events", type=int, default=30_000)
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=90)
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    ap.add_argument("--no-fill", action="store_true", help="reuse the events already in --db")
    args = ap.parse_args()

    seeds = seed_events(args.seed_db)
    if not args.no_fill:
        t0 = time.perf_counter()
        fill(args.db, seeds, args.events)
        print(f"filled {args.events} events in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    port = free_port()
    env = {**os.environ, "MARSAD_CONFIG": os.devnull}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "marsad.cli.main",
            "serve",
            "--db",
            args.db,
            "--port",
            str(port),
            "--workers",
            str(args.workers),
        ],
        stdout=subprocess.DEVNULL,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        asyncio.run(load(base, seeds, 100, args.clients, 30))  # warm-up
        cpu0 = cpu_seconds(server.pid)
        res = asyncio.run(load(base, seeds, args.requests, args.clients, args.seconds))
        # server CPU per request: what the figures would be without other load on the machine
        res["server_cpu_ms_per_req"] = round(
            1000 * (cpu_seconds(server.pid) - cpu0) / max(1, res["requests"]), 2
        )
        res["loadavg_1m"] = round(os.getloadavg()[0], 1)
    finally:
        server.terminate()
        server.wait(timeout=30)
    res.update(direct(args.db, seeds))
    dialect = "postgresql" if args.db.startswith("postgres") else "sqlite"
    print("| db | events | clients | workers | " + " | ".join(res) + " |")
    print(
        f"| {dialect} | {args.events} | {args.clients} | {args.workers} | "
        + " | ".join(str(res[k]) for k in res)
        + " |"
    )


if __name__ == "__main__":
    main()
