"""Benchmark: event clustering on synthetic reports, 10k to 100k, time and memory growth.

Run: ``.venv/bin/python benchmarks/cluster.py [--sizes 10000,30000,100000] [--store 20000]``.

Synthetic reports imitate a year of conflict news: true events spread over 40 countries x 12
admin-1 regions x 25 towns, 8 type families and 365 days; each event has 1-6 reports (most
at town precision, some at region/country level or unlocated, some undated with only a
publication date), actors drawn from a few per country. Each size is clustered in a fresh
child process (so peak RSS is its own) with :func:`eventwire.cluster.cluster_reports`
(blocking + pair tests + components + complete-linkage greedy); ``--store N`` also times a
full ``recluster`` and one incremental batch over a DuckDB store holding N synthetic reports.
Growth exponent: log(t_large / t_small) / log(n_large / n_small) (1.0 = linear, 2.0 = quadratic).
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import random
import resource
import time
from datetime import date, datetime, timedelta

FAMILIES = [("ASSAULT", None), ("COERCE", "arrest"), ("PROTEST", "demo"), ("REQUEST", None), ("CONSULT", None),
            ("AID", None), ("MOBILIZE", "troops"), ("RETREAT", "withdraw")]


def synthetic(n: int, seed: int = 1):
    """About n report features for n/3 true events; returns (features, true event label per report)."""
    from eventwire.cluster.features import ReportFeatures, date_interval, family_of, place_chain
    from eventwire.model import Place, PlaceMention

    rng = random.Random(seed)
    out, truth = [], []
    start = date(2025, 1, 1)
    k = 0
    while len(out) < n:
        c = rng.randrange(40)
        a1 = 1_000_000 + c * 100 + rng.randrange(12)
        town = 5_000_000 + a1 * 30 + rng.randrange(25)
        ptype, mode = rng.choice(FAMILIES)
        day = start + timedelta(days=rng.randrange(365))
        actor = f"ACTOR-{c}-{rng.randrange(4)}"
        for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 6])):
            level = rng.random()
            if level < 0.7:
                place = Place(town, f"T{town}", "city", "PPL", f"C{c}", f"C{c:02d}", None, a1, None, None, 0.0, 0.0)
                prec = "exact"
            elif level < 0.85:
                place, prec = Place(a1, f"A{a1}", "admin1", "ADM1", f"C{c}", f"C{c:02d}", None, None, None, None,
                                    0.0, 0.0), "admin1"
            elif level < 0.93:
                place, prec = Place(c, f"C{c}", "country", "PCLI", f"C{c}", f"C{c:02d}", None, None, None, None,
                                    0.0, 0.0), "country"
            else:
                place, prec = None, "none"
            pm = PlaceMention(0, 1, "x", "GPE", place, prec) if place else None
            published = datetime.combine(day, datetime.min.time()) + timedelta(hours=rng.randrange(6, 48))
            dated = rng.random() < 0.85
            lo, hi, _ = date_interval(day if dated else None, "day", published, False)
            rid = f"r{len(out):07d}"
            out.append(ReportFeatures(
                rid, f"a{len(out):07d}", ptype, mode, family_of(ptype, mode), day if dated else None,
                "day" if dated else "unknown", lo, hi, published, f"outlet{rng.randrange(300)}",
                f"o{rng.randrange(300)}", "o", "synthetic", pm, place_chain(pm),
                frozenset({actor}) if rng.random() < 0.8 else frozenset(), frozenset(), frozenset({f"C{c:02d}"}),
                (), "asserted", True))
            truth.append(k)
        k += 1
    return out[:n], truth[:n]


def _run(n: int, queue) -> None:
    from eventwire.cluster import cluster_reports

    feats, truth = synthetic(n)
    t0 = time.perf_counter()
    clusters = cluster_reports(feats)
    seconds = time.perf_counter() - t0
    from eventwire.eval.cluster import bcubed

    label = {r.report_id: c.event_id for c in clusters for r in c.members}
    scores = bcubed([str(t) for t in truth], [label[f.report_id] for f in feats])
    queue.put({"n": n, "seconds": seconds, "events": len(clusters), "true_events": len(set(truth)),
               "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "bcubed_f1": scores["bcubed_f1"]})


def _run_store(n: int, queue) -> None:
    import tempfile
    from pathlib import Path

    from eventwire.store import Store
    from eventwire.store.clusters import recluster

    feats, _ = synthetic(n, seed=2)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.duckdb") as store:
        _fill(store, feats)
        t0 = time.perf_counter()
        full = recluster(store)
        t_full = time.perf_counter() - t0
        batch = sorted({f.article_id for f in feats[-100:]})
        t0 = time.perf_counter()
        inc = recluster(store, batch)
        t_inc = time.perf_counter() - t0
    queue.put({"store_reports": n, "full_recluster_s": t_full, "events": full.events,
               "incremental_100_articles_s": t_inc, "incremental_reports_touched": inc.reports,
               "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


def _fill(store, feats) -> None:
    """Write synthetic reports straight into the tables clustering reads."""
    con = store.con
    con.execute("BEGIN TRANSACTION")
    con.executemany("INSERT INTO articles (id, published, outlet, text, ingested_at) VALUES (?, ?, ?, '', now())",
                    [(f.article_id, f.published, f.outlet) for f in feats])
    con.executemany(
        "INSERT INTO event_reports (id, article_id, idx, plover_type, plover_mode, trigger_start, trigger_end, "
        "sentence_start, sentence_end, date_value, date_precision, status, confidence) "
        "VALUES (?, ?, 0, ?, ?, 0, 1, 0, 1, ?, ?, 'asserted', 0.9)",
        [(f.report_id, f.article_id, f.plover_type, f.plover_mode, f.date_value, f.date_precision) for f in feats])
    con.executemany("INSERT INTO event_arguments (event_id, article_id, role, idx, start_char, end_char, canonical, "
                    "country) VALUES (?, ?, 'actor', 0, 0, 1, ?, ?)",
                    [(f.report_id, f.article_id, next(iter(f.actors)), next(iter(f.countries)))
                     for f in feats if f.actors])
    rows = []
    for f in feats:
        p = f.place.place if f.place else None
        if p is not None:
            rows.append((f.article_id, f.report_id, p.geonameid, p.name, p.kind, p.country, p.country_iso3,
                         p.admin1_id if p.kind != "admin1" else p.geonameid, f.place.precision))
    con.executemany("INSERT INTO event_locations (article_id, event_id, geonameid, name, kind, country, country_iso3, "
                    "admin1_id, precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    con.execute("COMMIT")


def _child(target, n: int) -> dict:
    queue = mp.Queue()
    proc = mp.Process(target=target, args=(n, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--store", type=int, default=20000, help="also time recluster over a store of N reports")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    results = [_child(_run, n) for n in sizes]
    for r in results:
        print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()}))
    if len(results) > 1:
        a, b = results[0], results[-1]
        exp = math.log(b["seconds"] / a["seconds"]) / math.log(b["n"] / a["n"])
        print(f"growth exponent time {a['n']}->{b['n']}: {exp:.2f} (1 = linear, 2 = quadratic); "
              f"memory {a['peak_rss_mib']:.0f} -> {b['peak_rss_mib']:.0f} MiB")
    if args.store:
        r = _child(_run_store, args.store)
        print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()}))


if __name__ == "__main__":
    main()
