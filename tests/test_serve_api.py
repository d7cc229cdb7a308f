"""HTTP API on a real DuckDB file: filters, paging, GeoJSON, evidence, stats, map, errors, docs
served from local assets, and read-only behaviour next to a writer process."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from fastapi.testclient import TestClient

from eventwire.serve import create_app
from serve_support import build_store

RAID = "bda4eebac8d4b8c0"  # the seed's "took over some border towns" report (content-hash id)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("serve") / "serve.duckdb")


@pytest.fixture(scope="module")
def client(store_path):
    with TestClient(create_app(store_path, idle_s=0.2)) as c:
        yield c


def events(client, **params):
    res = client.get("/api/events", params=params)
    assert res.status_code == 200, res.text
    return res.json()


def test_list_has_the_seed_raid_as_a_region_level_event(client):
    body = events(client, limit=100)
    assert body["total"] == len(body["events"]) >= 5
    raid = next(e for e in body["events"] if e["trigger"] == "took over")
    assert raid["place"] == "Belgorod Oblast" and raid["precision"] == "admin1"
    assert raid["admin1_id"] == 578071 and raid["country"] == "RUS"
    assert raid["acled_subtype"] == "Non-state actor overtakes territory"
    assert raid["sources"] == 1 and raid["corroboration"] == "single-source"


@pytest.mark.parametrize(("params", "triggers"), [
    ({"type": "COERCE"}, {"took over", "arrested", "arrest"}),
    ({"type": "COERCE:arrest"}, {"arrested", "arrest"}),
    ({"acled_type": "Battles"}, {"took over"}),
    ({"q": "Tbilisi"}, {"arrested", "blocked"}),  # the title names Tbilisi
    ({"country": "GE"}, {"arrested"}),
    ({"admin1": "Belgorod Oblast"}, {"took over"}),
    ({"admin1": "578071"}, {"took over"}),
    ({"bbox": "35,49,39,52"}, {"took over"}),
    ({"status": "hedged", "precision": "exact"}, {"arrest"}),
    ({"since": "2023-05-01", "until": "2023-05-31", "type": "COERCE"}, {"took over", "arrest", "arrested"}),
    ({"since": "2023-06-01", "type": "COERCE"}, set()),  # "on Tuesday" before a 1 June article is 30 May
    ({"corroboration": "multi-source"}, set()),
    ({"min_sources": 2}, set()),
])
def test_filters(client, params, triggers):
    body = events(client, limit=100, **params)
    assert {e["trigger"] for e in body["events"]} == triggers
    assert body["total"] == len(body["events"])


def test_actor_filter_and_paging_and_sorting(client):
    legion = events(client, actor="Legion")
    assert legion["total"] >= 1
    assert all(any("Legion" in a for a in e["actors"] + e["recipients"]) for e in legion["events"])
    everything = events(client, limit=100, sort="date")
    dates = [e["date"] for e in everything["events"]]
    assert dates == sorted(dates)
    pages = events(client, limit=2, offset=0, sort="date")["events"] + events(client, limit=2, offset=2,
                                                                              sort="date")["events"]
    assert [e["id"] for e in pages] == [e["id"] for e in everything["events"][:4]]


def test_geojson(client):
    body = client.get("/api/events", params={"format": "geojson", "q": "Belgorod"}).json()
    assert body["type"] == "FeatureCollection"
    raid = next(f for f in body["features"] if f["id"] == RAID)
    lon, lat = raid["geometry"]["coordinates"]
    assert 49.5 < lat < 51.5 and 35 < lon < 39
    assert raid["properties"]["precision"] == "admin1"


def test_event_evidence(client):
    body = client.get(f"/api/events/{RAID[:8]}").json()
    assert body["event"]["id"] == RAID
    report = body["reports"][0]
    main = next(p for p in report["evidence"] if p["main"])
    roles = {s["role"]: main["text"][s["start"]:s["end"]] for s in main["spans"]}
    assert roles["trigger"] == "took over"
    assert "defectors" in roles["actor"]
    assert {"location", "place"} & set(roles)
    fields = {d["field"]: d for d in report["decisions"]}
    assert fields["location"]["method"] == "geo.locate.v1" and "admin1" in fields["location"]["value"]
    assert all(d["reason"] for d in report["decisions"] if d["field"] in ("event type", "location", "status"))
    assert {f["kind"] for f in report["headline_flags"]} >= {"place scope"}
    assert len(report["quotes"]) >= 1
    roles_of_sources = {s["role"]: s for s in body["sources"]}
    assert roles_of_sources["independent"]["title"].startswith("Russians Invade")
    assert roles_of_sources["cited"]["outlet"] == "Newsweek"


def test_article_keeps_markup_as_text(client):
    arrest = events(client, q="Tbilisi")["events"][0]
    body = client.get(f"/api/articles/{arrest['article_id']}").json()
    assert "<script>window.__ewPwned = 3</script>" in body["text"]
    assert body["title"].endswith("<script>window.__ewPwned = 1</script>")
    assert {e["plover_type"] for e in body["events"]} == {"COERCE", "PROTEST"}


def test_stats_and_map(client):
    stats = client.get("/api/stats").json()
    assert sum(d["count"] for d in stats["by_day"]) == stats["total"]
    assert {"RUS", "GEO"} <= {c["key"] for c in stats["by_country"]}
    timeline = client.get("/api/stats", params={"timeline": "true", "since": "2023-06-01"}).json()
    assert timeline["total"] == stats["total"]  # the timeline ignores the date brush
    narrowed = client.get("/api/stats", params={"since": "2023-06-01"}).json()
    assert narrowed["total"] < stats["total"]
    layers = client.get("/api/map", params={"zoom": 5}).json()
    region = next(r for r in layers["regions"] if r["admin1_id"] == 578071)
    assert region["name"] == "Belgorod Oblast" and region["id"] == RAID
    assert any(abs(p["lat"] - 41.69) < 0.2 for p in layers["points"])  # Tbilisi, exact
    assert not any(abs(p["lat"] - 50.6) < 0.3 and abs(p["lon"] - 36.6) < 0.5 for p in layers["points"])
    assert {c["country"] for c in layers["countries"]} == {"RUS"}
    only = client.get("/api/map", params={"zoom": 5, "type": "COERCE", "q": "Belgorod"}).json()
    assert [r["admin1_id"] for r in only["regions"]] == [578071] and only["countries"] == []


@pytest.mark.parametrize(("path", "params", "status", "message"), [
    ("/api/events", {"since": "2023-02-30"}, 400, "[E701] invalid parameter since"),
    ("/api/events", {"since": "2023-06-01", "until": "2023-05-01"}, 400, "[E702]"),
    ("/api/events", {"bbox": "1,2"}, 400, "[E703] bbox wants west,south,east,north"),
    ("/api/events", {"status": "rumoured"}, 400, "[E704] unknown status 'rumoured'"),
    ("/api/events", {"precision": "street"}, 400, "[E705]"),
    ("/api/events", {"corroboration": "lots"}, 400, "[E706]"),
    ("/api/events", {"sort": "colour"}, 400, "[E708] unknown sort 'colour'"),
    ("/api/events", {"limit": "5000"}, 400, "[E701] invalid parameter limit"),
    ("/api/events", {"format": "xml"}, 400, "[E701] invalid parameter format"),
    ("/api/export", {"format": "xlsx"}, 400, "[E730] unknown export format 'xlsx'"),
    ("/api/events/ffffffffffff", {}, 404, "[E711] no event matches"),
    ("/api/articles/ffffffffffff", {}, 404, "no article matches"),
    ("/api/nothing", {}, 404, "[E700]"),
])
def test_clear_errors(client, path, params, status, message):
    res = client.get(path, params=params)
    assert res.status_code == status
    assert message in res.json()["error"]


def test_no_write_endpoints_and_safe_headers(client):
    assert client.post("/api/events", json={}).status_code == 405
    assert client.delete(f"/api/events/{RAID}").status_code == 405
    res = client.get("/api/health")
    assert "script-src 'self'" in res.headers["content-security-policy"]
    assert res.headers["x-content-type-options"] == "nosniff"


def test_docs_page_and_ui_are_served_from_local_assets(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/static/swagger/swagger-ui-bundle.js" in docs.text and "http" not in docs.text.replace("http-equiv", "")
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/stats",
            "/api/export"} <= set(spec["paths"])
    home = client.get("/")
    assert home.status_code == 200 and "/static/app.js" in home.text
    assert "//" not in home.text.replace("http://www.w3.org", "")  # no CDN, no external fonts


def test_server_reads_only_and_lets_a_writer_in(store_path, client):
    assert client.get("/api/health").status_code == 200
    time.sleep(0.6)  # idle: the server lets go of the file
    assert not client.app.state.db.is_open
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from eventwire.store import Store; s = Store(sys.argv[1]); "
         "print('locked', flush=True); time.sleep(30)", str(store_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"  # a writer opened it while the server runs
        res = client.get("/api/events")
        assert res.status_code == 503 and res.headers["retry-after"] == "2"
        assert "[E722]" in res.json()["error"]
    finally:
        holder.kill()
        holder.wait()
    assert client.get("/api/events").status_code == 200
