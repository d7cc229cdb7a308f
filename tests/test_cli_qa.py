"""Rough edges an analyst hit using the CLI on the seed: bad options are usage errors (exit 2)
with a one-line message, never a traceback or a silent empty answer."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import _register, cli
from eventwire.store import Store

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "belgorod-raid.txt"


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("qa") / "seed.duckdb"
    with Store(path) as store:
        store.ingest([str(SEED)])
    _register()
    return path


def _run(*args):
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("command", ["articles", "events", "quotes"])
@pytest.mark.parametrize("limit", ["-1", "0"])
def test_limit_below_one_is_a_usage_error(seed_db, command, limit):
    result = _run(command, "--db", str(seed_db), "--limit", limit)
    assert result.exit_code == 2, result.output
    assert "--limit" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_limit_one_gives_one_row(seed_db):
    for command in ("articles", "events", "quotes"):
        result = _run(command, "--db", str(seed_db), "--limit", "1", "--format", "json")
        assert result.exit_code == 0, result.output
        assert len(result.output.splitlines()) == 1, command


def test_unknown_status_is_a_usage_error(seed_db):
    result = _run("events", "--db", str(seed_db), "--status", "asserted,confirmed")
    assert result.exit_code == 2
    assert "[E704] unknown status 'confirmed'" in result.output


def test_status_list_tolerates_case_and_spaces(seed_db):
    result = _run("events", "--db", str(seed_db), "--status", "Asserted, attributed", "--format", "json")
    assert result.exit_code == 0, result.output
    statuses = {json.loads(line)["status"] for line in result.output.splitlines()}
    assert statuses == {"asserted", "attributed"}


@pytest.mark.parametrize("command", ["articles", "events", "quotes", "rejects"])
def test_tables_fit_a_120_column_terminal(seed_db, command):
    result = CliRunner(env={"COLUMNS": "120"}).invoke(cli, [command, "--db", str(seed_db)])
    assert result.exit_code == 0, result.output
    widths = [len(line) for line in result.output.splitlines()]
    assert widths and max(widths) <= 120, max(widths)


def test_places_table_fits_a_120_column_terminal(seed_db):
    art = json.loads(_run("articles", "--db", str(seed_db), "--format", "json").output.splitlines()[0])
    result = CliRunner(env={"COLUMNS": "120"}).invoke(cli, ["places", art["id"][:6], "--db", str(seed_db)])
    assert result.exit_code == 0, result.output
    assert "Belgorod" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 120


@pytest.mark.parametrize(("suite", "code"), [("headlines", "E420"), ("cluster", "E430"), ("geo", "E440"),
                                             ("quotes", "E450")])
def test_eval_on_a_folder_without_gold_is_a_usage_error(tmp_path, suite, code):
    """Was a FileNotFoundError traceback (headlines, cluster) or all-zero scores with exit 0 (geo, quotes)."""
    (tmp_path / "notes.txt").write_text("not gold data\n", encoding="utf-8")
    _register()
    result = _run("eval", suite, "--data", str(tmp_path))
    assert result.exit_code == 2, result.output
    assert f"error: [{code}]" in result.output
    assert "Traceback" not in result.output


def test_eval_geo_on_a_file_that_is_not_xml(tmp_path):
    bad = tmp_path / "gold.xml"
    bad.write_text("not xml", encoding="utf-8")
    _register()
    result = _run("eval", "geo", "--data", str(bad))
    assert result.exit_code == 2, result.output
    assert "[E441]" in result.output


def test_csv_keeps_full_coordinates_like_json():
    """csv rounded lat/lon to 3 decimals (~100 m) and times to the minute; json did not."""
    _register()
    as_json = json.loads(_run("geocode", "Rally in Paris", "--format", "json").output)["places"][0]
    rows = list(csv.DictReader(io.StringIO(_run("geocode", "Rally in Paris", "--format", "csv").output)))
    assert (float(rows[0]["lat"]), float(rows[0]["lon"])) == (as_json["lat"], as_json["lon"])
    assert len(rows[0]["lat"].split(".")[1]) > 3
