"""Serving speed at 100,000 events: p50/p95 of /api/events (typical filters), /api/stats and
/api/map over a real uvicorn server, and the UI's page-load time in headless Debian chromium.

The server answers from its flat event snapshot (store/read_model.py); the first request after
start (or after a write) builds it, and is timed on its own. ``--baseline`` also serves the
same file without the snapshot (every query re-joins the store) and interleaves the two, so
both columns come from the same minutes of a possibly busy machine.

Synthetic events are written straight into the store's tables (same schema as ingest writes):
random types, dates over two years, places spread over 300 points, 60 admin-1 regions and 20
countries, actors from a small list. Usage:

    python benchmarks/serve.py [--events 100000] [--db /tmp/bench-serve.duckdb] [--baseline]
                               [--screenshot docs/ui.png]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

TYPES = ["ASSAULT", "COERCE", "PROTEST", "REQUEST", "ACCUSE", "THREATEN", "AID", "AGREE", "CONSULT", "MOBILIZE"]
ACLED = {"ASSAULT": ("Battles", "Armed clash"), "COERCE": ("Strategic developments", "Arrests"),
         "PROTEST": ("Protests", "Peaceful protest")}


def synthesize(path: Path, n: int) -> None:
    """Fill a fresh store with ``n`` synthetic event reports (one article per 4 events)."""
    from eventwire.store import Store

    for f in (path, Path(f"{path}.wal")):
        f.unlink(missing_ok=True)
    Store(path).close()  # migrate
    import duckdb

    con = duckdb.connect(str(path))
    n_art = max(1, n // 4)
    types = "[" + ", ".join(f"'{t}'" for t in TYPES) + "]"
    con.execute(f"""
        INSERT INTO articles SELECT 'a' || lpad(i::VARCHAR, 9, '0'), NULL, 'bench', 'https://example.org/' || i,
            NULL, 'Outlet ' || (i % 40), 'Synthetic report number ' || i || ' about clashes and protests',
            TIMESTAMP '2024-01-01' + INTERVAL (i % 730) DAY + INTERVAL (i % 24) HOUR, [], 'en', 0.99,
            'Soldiers attacked the town of Place' || (i % 300) || ' on Monday, officials said. Protesters '
            || 'gathered in the capital. ' || repeat('Filler sentence about the region. ', 20),
            'bench', [], now()
        FROM range({n_art}) t(i)""")
    con.execute(f"""
        INSERT INTO event_reports SELECT 'e' || lpad(i::VARCHAR, 11, '0'), 'a' || lpad((i // 4)::VARCHAR, 9, '0'),
            i % 4, {types}[1 + (hash(i) % {len(TYPES)})::BIGINT], NULL, NULL, NULL, '18', 0, 8, 'attacked', 0, 60,
            DATE '2024-01-01' + ((i // 4) % 730)::INT, 'day', NULL, NULL, 'bench', 'bench',
            (['asserted', 'attributed', 'hedged', 'historical'])[1 + (i % 4)], [], 'officials', NULL, NULL,
            'bench', 'bench', (hash(i) % 100) / 100.0, 'bench', 'bench', 'bench', 'bench', 'bench',
            ['Actor ' || (i % 50), 'Group ' || (i % 17)], [(['RUS', 'UKR', 'SYR', 'GEO'])[1 + (i % 4)]]
        FROM range({n}) t(i)""")
    con.execute("""UPDATE event_reports SET acled_type = CASE plover_type WHEN 'ASSAULT' THEN 'Battles'
        WHEN 'COERCE' THEN 'Strategic developments' WHEN 'PROTEST' THEN 'Protests' END""")
    con.execute("""
        INSERT INTO event_arguments SELECT id, article_id, 'actor', 0, 0, 8, actor_names[1], NULL, actor_names[1],
            'military', countries[1], NULL, NULL, NULL, NULL, 'bench', 'bench' FROM event_reports""")
    con.execute("""
        INSERT INTO event_locations SELECT article_id, id, 0, 5, 'Place', 1000 + (h % 300), 'Place' || (h % 300),
            CASE WHEN h % 10 < 7 THEN 'city' WHEN h % 10 < 9 THEN 'admin1' ELSE 'country' END,
            (['RU', 'UA', 'SY', 'GE'])[1 + (h % 4)], (['RUS', 'UKR', 'SYR', 'GEO'])[1 + (h % 4)],
            'Region ' || (h % 60), 5000 + (h % 60), 30 + (h % 300) / 12.0, 20 + (h % 300) / 8.0,
            CASE WHEN h % 10 < 7 THEN 'exact' WHEN h % 10 < 9 THEN 'admin1' ELSE 'country' END, 0.9, 'bench', 'bench'
        FROM (SELECT *, (hash(id) % 100000)::BIGINT AS h FROM event_reports) WHERE h % 20 <> 0""")
    con.execute("CHECKPOINT")
    con.close()


def timings(clients: dict, path: str, params: dict, runs: int) -> dict[str, list[float]]:
    """Milliseconds per request for each server, the servers taking turns request by request."""
    out: dict[str, list[float]] = {name: [] for name in clients}
    for _ in range(runs):
        for name, client in clients.items():
            t = time.perf_counter()
            res = client.get(path, params=params)
            out[name].append((time.perf_counter() - t) * 1000)
            assert res.status_code == 200, res.text
    return out


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100)[int(p) - 1] if len(values) > 1 else values[0]


def page_load(url: str, screenshot: Path | None) -> float:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium",
                              args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = b.new_page(viewport={"width": 1400, "height": 860})
        loads = []
        for _ in range(3):
            t = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("body[data-ready=true]", timeout=60_000)
            loads.append(time.perf_counter() - t)
        if screenshot:
            page.screenshot(path=str(screenshot))
        b.close()
    return statistics.median(loads)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/bench-serve.duckdb"))
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--reuse", action="store_true", help="keep an existing --db")
    ap.add_argument("--screenshot", type=Path, default=None, help="save a UI screenshot (of --db) here")
    ap.add_argument("--ui-url-query", default="", help="query string for the page-load/screenshot URL")
    ap.add_argument("--baseline", action="store_true", help="also time a server without the snapshot (live join)")
    args = ap.parse_args()
    import contextlib

    import httpx

    from serve_support import LiveServer

    if not (args.reuse and args.db.exists()):
        t = time.perf_counter()
        synthesize(args.db, args.events)
        print(f"synthesized {args.events} events in {time.perf_counter() - t:.1f}s -> {args.db}")
    cases = [
        ("/api/events", {}),
        ("/api/events", {"type": "ASSAULT", "since": "2024-06-01", "until": "2024-12-31"}),
        ("/api/events", {"country": "UKR", "status": "asserted,attributed"}),
        ("/api/events", {"actor": "Actor 7", "sort": "-confidence"}),
        ("/api/events", {"q": "clashes", "bbox": "30,20,45,50"}),
        ("/api/events", {"format": "geojson", "type": "PROTEST", "limit": 200}),
        ("/api/stats", {"timeline": "true"}),
        ("/api/stats", {"type": "ASSAULT", "country": "RUS"}),
        ("/api/map", {"zoom": 4}),
        ("/api/map", {"zoom": 7, "type": "COERCE", "since": "2024-03-01"}),
    ]
    kinds = {"snapshot": True, **({"live join": False} if args.baseline else {})}
    with contextlib.ExitStack() as stack:
        servers = {k: stack.enter_context(LiveServer(args.db, idle_s=5.0, snapshot=v)) for k, v in kinds.items()}
        clients = {k: stack.enter_context(httpx.Client(base_url=s.url, timeout=120)) for k, s in servers.items()}
        t = time.perf_counter()
        health = clients["snapshot"].get("/api/health").json()
        print(f"first request {time.perf_counter() - t:.2f}s (snapshot of {health['snapshot']['rows']} events "
              f"built in {health['snapshot']['build_ms']} ms)")
        for client in clients.values():
            client.get("/api/health")
        print(f"{'endpoint':<12} {'filters':<58}" + "".join(f"{k + ' p50':>18}{k + ' p95':>18}" for k in kinds))
        worst = dict.fromkeys(kinds, 0.0)
        for path, params in cases:
            t = timings(clients, path, params, args.runs)
            label = "&".join(f"{k}={v}" for k, v in params.items()) or "(none)"
            print(f"{path:<12} {label:<58}" + "".join(f"{pct(t[k], 50):18.1f}{pct(t[k], 95):18.1f}" for k in kinds))
            worst = {k: max(worst[k], pct(t[k], 95)) for k in kinds}
        load = page_load(f"{servers['snapshot'].url}/{args.ui_url_query}", args.screenshot)
    n = args.events
    base = f" baseline_worst_p95_ms={worst['live join']:.1f}" if args.baseline else ""
    print(f"summary events={n} worst_p95_ms={worst['snapshot']:.1f}{base} ui_load_s={load:.2f} target_p95_ms=150")


if __name__ == "__main__":
    main()
