"""The server's flat event snapshot (store/read_model.py): it answers exactly what the live join
answers, for reports and for clustered events, and it follows the store when an ingest or a
recluster commits while the server runs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient

from eventwire.model import RawDocument, Rejection
from eventwire.pipeline import run_raw
from eventwire.serve import create_app
from eventwire.serve.db import ReadOnlyDB, StoreBusy
from eventwire.store import Store
from eventwire.store.api_queries import EventQuery, event_page, event_stats, export_rows, map_layers
from eventwire.store.clusters import recluster
from eventwire.store.read_model import has_snapshot, store_stamp
from serve_support import build_store

LATER = Path(__file__).parent / "fixtures" / "serve" / "later-report.txt"

QUERIES = [
    EventQuery(limit=100),
    EventQuery(limit=100, sort="date"),
    EventQuery(limit=3, offset=2, sort="-confidence"),
    EventQuery(plover_types=("COERCE",), limit=100),
    EventQuery(plover_types=("coerce:ARREST",), limit=100),
    EventQuery(acled_types=("Battles",), limit=100),
    EventQuery(text="Tbilisi", limit=100),
    EventQuery(text="took BELGOROD", limit=100),
    EventQuery(actor="legion", limit=100),
    EventQuery(country="ge", limit=100),
    EventQuery(country="RUS", statuses=("asserted", "attributed"), limit=100),
    EventQuery(admin1="Belgorod Oblast", limit=100),
    EventQuery(bbox=(35, 49, 39, 52), limit=100),
    EventQuery(precisions=("exact", "admin1"), sort="type", limit=100),
    EventQuery(corroboration="single", min_sources=1, sort="-sources", limit=100),
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("snapshot") / "serve.duckdb")


def copy_store(src: Path, dst_dir: Path) -> Path:
    dst = dst_dir / src.name
    for f in (src, Path(f"{src}.wal")):
        if f.exists():
            shutil.copy(f, dst_dir / f.name)
    return dst


def answers(db: ReadOnlyDB) -> list[object]:
    """Every list, deep page, stats and map answer for QUERIES, through one reader."""
    out: list[object] = []
    with db.cursor() as con:
        assert has_snapshot(con) is db.snapshot
        for q in QUERIES:
            out.append(event_page(con, q))
            out.append(event_page(con, q, shallow_limit=0))  # the ids-then-rows path of deep pages
            out.append(event_stats(con, q))
            out.append(map_layers(con, q, zoom=5))
        out.append(list(export_rows(con, EventQuery(sort="-date"))))
    return out


def same_as_live(path: Path) -> list[object]:
    flat, live = ReadOnlyDB(path), ReadOnlyDB(path, snapshot=False)
    try:
        got, want = answers(flat), answers(live)
    finally:
        flat.close()
        live.close()
    labels = [f"{q} {kind}" for q in QUERIES for kind in ("page", "deep page", "stats", "map")] + ["export"]
    for g, w, what in zip(got, want, labels, strict=True):
        assert g == w, what
    return got


def test_snapshot_answers_what_the_live_join_answers(store_path):
    got = same_as_live(store_path)
    page, total = got[0]
    assert total == len(page) >= 5 and {s.kind for s in page} == {"report"}
    assert any(s.trigger == "took over" and s.actors for s in page)  # parties come pre-joined


def test_snapshot_of_clustered_events_answers_what_the_live_join_answers(store_path, tmp_path):
    path = copy_store(store_path, tmp_path)
    with Store(path) as store:
        recluster(store)
    got = same_as_live(path)
    page, _ = got[0]
    assert {s.kind for s in page} == {"event"}


def test_stamp_changes_with_every_commit(store_path, tmp_path):
    path = copy_store(store_path, tmp_path)

    def stamp() -> tuple[object, ...]:
        con = duckdb.connect(":memory:")
        con.execute(f"ATTACH '{path}' AS s (READ_ONLY)")
        try:
            return store_stamp(con, path, "s")
        finally:
            con.close()

    before = stamp()
    assert stamp() == before  # reading changes nothing
    with Store(path) as store:  # a commit that changes no count and no ingest time
        store.con.execute("UPDATE event_reports SET confidence = confidence / 2")
    assert stamp() != before


def wait_detached(client: TestClient) -> None:
    deadline = time.monotonic() + 5
    while client.app.state.db.is_open:
        assert time.monotonic() < deadline, "the server kept the store open"
        time.sleep(0.05)


def test_server_follows_ingest_and_recluster(store_path, tmp_path):
    path = copy_store(store_path, tmp_path)
    with TestClient(create_app(path, idle_s=0.2)) as client:
        before = client.get("/api/events", params={"limit": 100}).json()
        assert client.get("/api/events", params={"q": "Minsk"}).json()["total"] == 0
        health = client.get("/api/health").json()["snapshot"]
        assert health["method"] == "serve.snapshot.v1" and health["rows"] == before["total"]
        wait_detached(client)
        with Store(path) as store:  # an ingest commits while the server runs (between requests)
            work = run_raw(RawDocument(source=LATER.name, kind="text", content=LATER.read_bytes(),
                                       published="2023-06-03T12:00:00"))
            assert not isinstance(work, Rejection), work
            store.save(work)
        after = client.get("/api/events", params={"limit": 100}).json()
        minsk = client.get("/api/events", params={"q": "Minsk"}).json()
        assert after["total"] > before["total"] and minsk["total"] >= 1
        assert client.get("/api/health").json()["snapshot"]["reason"] == "store changed since the last snapshot"
        stats = client.get("/api/stats").json()
        assert stats["total"] == after["total"] and stats["last"] >= "2023-06-03"
        wait_detached(client)
        with Store(path) as store:  # clustering lands: the same endpoints now list events
            recluster(store)
        clustered = client.get("/api/events", params={"limit": 100}).json()
        assert {e["kind"] for e in clustered["events"]} == {"event"}
        assert client.get("/api/events", params={"q": "Minsk"}).json()["total"] >= 1


def test_warm_builds_the_snapshot_and_tolerates_a_busy_store(store_path, tmp_path):
    db = ReadOnlyDB(store_path, idle_s=0.2)
    try:
        db.warm()  # what `eventwire serve` does at start, in a thread
        assert db.snapshot_info["reason"] == "first read of the store" and db.snapshot_info["rows"] >= 5
    finally:
        db.close()
    path = copy_store(store_path, tmp_path)
    busy = ReadOnlyDB(path, wait_s=0.2)
    holder = subprocess.Popen(  # an ingest in another process holds the file
        [sys.executable, "-c", "import sys, time; from eventwire.store import Store; s = Store(sys.argv[1]); "
         "print('locked', flush=True); time.sleep(30)", str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        busy.warm()  # gives up quietly; the first request reports it
        assert busy.snapshot_info == {} and not busy.is_open
        with pytest.raises(StoreBusy, match=r"\[E722\]"), busy.cursor():
            pass
    finally:
        holder.kill()
        holder.wait()
        busy.close()
