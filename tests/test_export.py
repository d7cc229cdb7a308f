"""Every export format, from the library, the CLI and the API, on a real store."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.cli import _register, cli
from eventwire.export import EXPORT_FORMATS, write_export
from eventwire.export.acled import ACLED_COLUMNS
from eventwire.export.gdelt import GDELT_COLUMNS
from eventwire.store.api_queries import EVENT_COLUMNS, EventQuery
from serve_support import build_store

RAID = "bda4eebac8d4b8c0"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("export") / "export.duckdb")


@pytest.fixture(scope="module")
def con(store_path):
    c = duckdb.connect(str(store_path), read_only=True)
    yield c
    c.close()


@pytest.fixture(scope="module")
def total(con):
    return con.execute("SELECT count(*) FROM event_reports").fetchone()[0]


def test_csv_and_jsonl(con, total, tmp_path):
    n = write_export(con, EventQuery(), "csv", tmp_path / "e.csv")
    rows = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert n == len(rows) == total and tuple(rows[0]) == EVENT_COLUMNS
    raid = next(r for r in rows if r["id"] == RAID)
    assert raid["precision"] == "admin1" and raid["admin1"] == "Belgorod Oblast" and raid["date"]
    write_export(con, EventQuery(), "jsonl", tmp_path / "e.jsonl")
    objs = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(objs) == total and isinstance(objs[0]["actors"], list)


def test_geojson(con, total, tmp_path):
    write_export(con, EventQuery(), "geojson", tmp_path / "e.geojson")
    fc = json.loads((tmp_path / "e.geojson").read_text(encoding="utf-8"))
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == total
    raid = next(f for f in fc["features"] if f["id"] == RAID)
    assert raid["geometry"]["type"] == "Point" and raid["properties"]["precision"] == "admin1"
    assert any(f["geometry"] is None for f in fc["features"])  # unlocated events are kept, not invented


def test_parquet_is_typed(con, total, tmp_path):
    write_export(con, EventQuery(), "parquet", tmp_path / "e.parquet")
    back = duckdb.connect()
    rows = back.execute(f"SELECT id, date, actors, lat, confidence FROM '{tmp_path / 'e.parquet'}'").fetchall()
    types = {r[0]: r[1] for r in back.execute(f"DESCRIBE SELECT * FROM '{tmp_path / 'e.parquet'}'").fetchall()}
    assert len(rows) == total
    assert types["date"] == "DATE" and types["actors"] == "VARCHAR[]" and types["lat"] == "DOUBLE"


def test_acled_shape(con, tmp_path):
    write_export(con, EventQuery(), "acled", tmp_path / "e.csv")
    rows = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert tuple(rows[0]) == ACLED_COLUMNS
    raid = next(r for r in rows if r["event_id_cnty"] == f"RUS{RAID[:10]}")
    assert raid["event_type"] == "Battles" and raid["sub_event_type"] == "Non-state actor overtakes territory"
    assert raid["disorder_type"] == "Political violence" and raid["geo_precision"] == "3"
    assert raid["country"] == "Russia" and raid["admin1"] == "Belgorod Oblast"
    assert "took over" in raid["notes"] and raid["time_precision"] in ("1", "2")
    assert "Legion" in raid["actor1"] and raid["inter1"] == "2"
    assert rows and all(r["event_type"] for r in rows)  # verbal acts (no ACLED type) are not ACLED rows


def test_gdelt_shape(con, tmp_path):
    write_export(con, EventQuery(), "cameo", tmp_path / "e.tsv")
    lines = (tmp_path / "e.tsv").read_text(encoding="utf-8").splitlines()
    assert tuple(lines[0].split("\t")) == GDELT_COLUMNS
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines[1:]]
    raid = next(r for r in rows if r["GlobalEventID"] == RAID)
    assert raid["EventRootCode"] == "19" and raid["QuadClass"] == "4" and raid["ActionGeo_Type"] == "5"
    assert raid["ActionGeo_CountryCode"] == "RUS" and len(raid["Day"]) == 8


def test_filters_apply_to_exports(con, tmp_path):
    n = write_export(con, EventQuery(text="Tbilisi"), "jsonl", tmp_path / "t.jsonl")
    ids = {json.loads(line)["article_id"] for line in (tmp_path / "t.jsonl").read_text().splitlines()}
    assert n == 2 and len(ids) == 1


def test_cli_export(store_path, tmp_path, total):
    _register()
    runner = CliRunner()
    for fmt in EXPORT_FORMATS:
        out = tmp_path / f"x.{fmt}"
        result = runner.invoke(cli, ["export", "--db", str(store_path), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 100
    result = runner.invoke(cli, ["export", "--db", str(store_path), "--format", "csv", "--type", "COERCE"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and {r["plover_type"] for r in rows} == {"COERCE"}
    result = runner.invoke(cli, ["export", "--db", str(store_path), "--format", "parquet"])
    assert result.exit_code == 2 and "[E732] parquet is binary" in result.output


def test_api_export(store_path, total):
    from fastapi.testclient import TestClient

    from eventwire.serve import create_app

    with TestClient(create_app(store_path)) as client:
        res = client.get("/api/export", params={"format": "acled", "type": "COERCE"})
        assert res.status_code == 200 and res.headers["content-type"].startswith("text/csv")
        assert "attachment" in res.headers["content-disposition"]
        rows = list(csv.DictReader(io.StringIO(res.text)))
        assert len(rows) == 3
        res = client.get("/api/export", params={"format": "parquet"})
        assert res.content[:4] == b"PAR1"
