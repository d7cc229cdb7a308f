"""``eventwire events --country/--admin1/--near`` filter on where the event happened."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import _register, cli
from eventwire.store import Store

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "belgorod-raid.txt"


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("events") / "seed.duckdb"
    with Store(path) as store:
        store.ingest([str(SEED)])
    _register()
    return path


def _events(db, *args):
    result = CliRunner().invoke(cli, ["events", "--db", str(db), "--format", "json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_admin1_and_radius_find_the_raid(seed_db):
    takeover = [e for e in _events(seed_db, "--admin1", "Belgorod Oblast") if e["trigger"] == "took over"]
    assert len(takeover) == 1
    where = {k: takeover[0][k] for k in ("place", "admin1_id", "country", "precision")}
    assert where == {"place": "Belgorod Oblast", "admin1_id": 578071, "country": "RUS", "precision": "admin1"}
    assert 49 < takeover[0]["lat"] < 52 and 35 < takeover[0]["lon"] < 40  # the region's point, in the JSON
    near = _events(seed_db, "--near", "50.6,36.6,150")
    assert any(e["trigger"] == "took over" for e in near)
    far = _events(seed_db, "--near", "-33.9,151.2,50")  # Sydney
    assert far == []


def test_country_is_where_it_happened(seed_db):
    assert any(e["trigger"] == "took over" for e in _events(seed_db, "--country", "RUS"))
    assert not any(e["trigger"] == "took over" for e in _events(seed_db, "--country", "UKR"))


def test_bad_near_is_a_usage_error(seed_db):
    result = CliRunner().invoke(cli, ["events", "--db", str(seed_db), "--near", "north"])
    assert result.exit_code == 2
    assert "LAT,LON,KM" in result.output


def test_misspelt_type_is_a_usage_error(seed_db):
    result = CliRunner().invoke(cli, ["events", "--db", str(seed_db), "--type", "ASSUALT"])
    assert result.exit_code == 2
    assert "[E710] unknown PLOVER type 'ASSUALT'" in result.output


def test_show_accepts_a_lower_case_event_id(seed_db):
    [row] = [e for e in _events(seed_db) if e["trigger"] == "took over"]
    event_id = row["event"]
    assert event_id.startswith("E")
    result = CliRunner().invoke(cli, ["show", "--db", str(seed_db), event_id.lower()[:9]])
    assert result.exit_code == 0, result.output
    assert "took over" in result.output
