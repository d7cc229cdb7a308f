"""Places: gazetteer lookups, the Russia/Ukraine traps, the seed's places and event location,
the store round trip and the CLI, on the real gazetteer (built once into the user cache)."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.geo import geocode, load_gazetteer
from eventwire.geo.build import haversine_km
from eventwire.geo.names import name_key, strip_admin_words

TRAPS = Path(__file__).parent / "fixtures" / "geo" / "russia-ukraine-traps.tsv"
BELGOROD_OBLAST, BELGOROD_CITY, KHARKIV, TULA_OBLAST, YEFREMOV = 578071, 578072, 706483, 480508, 468390


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_name_keys_meet_across_case_accents_and_dots():
    assert name_key("U.S.") == name_key("US") == "us"
    assert name_key("Kharkív") == name_key("KHARKIV")
    assert strip_admin_words("Belgorodskaya oblast'") == "Belgorodskaya"
    assert strip_admin_words("State of Texas") == "Texas"


def test_gazetteer_loads_fast_and_knows_alternate_spellings(gaz):
    started = time.perf_counter()
    fresh = type(gaz)(gaz.path)
    assert time.perf_counter() - started < 1.0
    fresh.close()
    for spelling in ("Kharkiv", "Kharkov", "Харків", "Харьков"):
        assert KHARKIV in {c.place.geonameid for c in gaz.lookup(spelling)}, spelling
    assert 703448 in {c.place.geonameid for c in gaz.lookup("Kiev")}
    assert 713174 in {c.place.geonameid for c in gaz.lookup("Artemivsk")}
    russian = [c for c in gaz.lookup("Russian") if c.how == "demonym"]
    assert [c.place.country for c in russian] == ["RU"]


def test_region_and_capital_are_different_entries(gaz):
    region, city = gaz.get(BELGOROD_OBLAST), gaz.get(BELGOROD_CITY)
    assert region.kind == "admin1" and region.name == "Belgorod Oblast"
    assert city.kind == "city" and city.admin1_id == BELGOROD_OBLAST
    assert haversine_km(city.lat, city.lon, 50.6, 36.59) < 20


def _traps() -> list[tuple[str, str, int, str]]:
    rows = []
    for line in TRAPS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            sentence, mention, gid, precision = line.split("\t")
            rows.append((sentence, mention, int(gid), precision))
    return rows


@pytest.mark.parametrize(("sentence", "mention", "gid", "precision"), _traps())
def test_russia_ukraine_traps(sentence, mention, gid, precision, gaz):
    found = {pm.text: pm for pm in geocode(sentence, gaz)}
    assert mention in found, f"{mention!r} not found in {sentence!r}: {sorted(found)}"
    pm = found[mention]
    assert pm.place is not None and pm.place.geonameid == gid, pm.reason
    assert pm.precision == precision, pm.reason
    assert pm.reason and pm.method.startswith("geo.")


def test_one_unresolvable_name_never_loses_the_others(gaz):
    places = geocode("Residents of Zzyzxqovo and Kharkiv were evacuated.", gaz)
    resolved = [pm for pm in places if pm.place is not None]
    assert [pm.place.geonameid for pm in resolved] == [KHARKIV]


def test_seed_places_and_raid_location(seed_article):
    art = seed_article
    by_text: dict[str, list] = {}
    for pm in art.places:
        by_text.setdefault(pm.text, []).append(pm)
    assert all(pm.place.country == "UA" and pm.place.geonameid == KHARKIV for pm in by_text["Kharkiv"])
    yef = by_text["Yefremov"][0]
    assert yef.place.geonameid == YEFREMOV and yef.place.admin1_id == TULA_OBLAST
    assert by_text["Belgorod"][0].place.geonameid == BELGOROD_CITY  # "Belgorod is a fairly major Russian city"
    raid = [e for e in art.events if e.location is not None and "border towns" in
            " ".join(art.text[s.start:s.end] for s in e.places)]
    assert raid, [(e.plover_type, e.places) for e in art.events]
    loc = raid[0].location
    assert loc.place.geonameid == BELGOROD_OBLAST and loc.precision == "admin1", loc.reason


def test_store_round_trip_and_event_filters(seed_article, db_path):
    from eventwire.pipeline import Work
    from eventwire.store import Store
    from eventwire.store.places import article_places, located_event_ids, parse_near

    with Store(db_path) as store:
        store.save(Work(seed_article))
        rows = article_places(store, seed_article.id[:8])
        assert {r.text for r in rows} >= {"Kharkiv", "Yefremov", "Belgorod"}
        assert all(r.reason for r in rows)
        in_region = located_event_ids(store, country="RUS", admin1="Belgorod Oblast")
        assert in_region and all(a == seed_article.id for a, _ in in_region)
        assert located_event_ids(store, near=parse_near("50.6,36.6,200"))
        assert not located_event_ids(store, near=parse_near("40.7,-74.0,100"))


def test_cli_geocode_json_and_errors(tmp_path):
    from eventwire.cli import _register, cli

    _register()
    snippets = tmp_path / "snippets.txt"
    snippets.write_text("Shelling hit Kharkov.\n\nOfficials in Belgorod Oblast said so.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["geocode", "--file", str(snippets), "--format", "json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["snippet"] for line in lines] == [0, 1]
    assert lines[0]["places"][0]["geonameid"] == KHARKIV
    assert lines[1]["places"][0]["precision"] == "admin1"
    bad = CliRunner().invoke(cli, ["geocode"])
    assert bad.exit_code == 2 and "[E606]" in bad.output


def test_eval_reader_refinds_off_by_one_gold_spans(tmp_path):
    from eventwire.eval.geo import load_docs

    xml = tmp_path / "tiny.xml"
    xml.write_text("<articles><article><text>Troops left Kharkiv today.</text><locations><location>"
                   "<name>Kharkiv</name><start>13</start><end>20</end><lat>49.98</lat><lon>36.25</lon>"
                   "</location></locations></article></articles>", encoding="utf-8")
    (doc,) = load_docs(xml)
    assert doc.text[doc.places[0].start:doc.places[0].end] == "Kharkiv"


def _places(text, gaz):
    return {pm.text: pm for pm in geocode(text, gaz) if pm.place is not None}


def test_named_regions_landmarks_and_abbreviations(gaz):
    found = _places("The White House said aid to Darfur and the Middle East will grow; the UK and the EU agreed.", gaz)
    assert found["White House"].place.geonameid == 4140963, found["White House"].reason  # Washington, D.C.
    darfur = found["Darfur"]
    assert darfur.place.kind == "region" and darfur.place.country == "SD" and darfur.precision == "admin1"
    assert darfur.place.geonameid < 0  # eventwire's own table, never passed off as a GeoNames id
    assert found["Middle East"].precision == "continent"
    assert found["UK"].place.kind == "country" and found["UK"].place.country == "GB", found["UK"].reason
    assert found["EU"].place.kind == "region", found["EU"].reason


def test_state_or_country_decided_by_what_is_written_beside_it(gaz):
    us = _places("Samples were sent to the CDC in Atlanta, Georgia, on Monday.", gaz)["Georgia"]
    assert us.place.country == "US" and us.place.kind == "admin1", us.reason
    ge = _places("Protesters gathered in Tbilisi, Georgia, on Monday.", gaz)["Georgia"]
    assert ge.place.country == "GE" and ge.place.kind == "country", ge.reason
    listed = _places("Cases were reported in Texas, Utah, Virginia and Wyoming.", gaz)["Wyoming"]
    assert listed.place.kind == "admin1", listed.reason


def test_repeated_name_keeps_one_place_and_parts_resolve_to_the_whole(gaz):
    places = [pm for pm in geocode("A Paris, Missouri, man was arrested. Paris police said he was 25.", gaz)
              if pm.text == "Paris"]
    assert len(places) == 2 and {pm.place.admin1 for pm in places} == {"Missouri"}, [pm.reason for pm in places]
    north = _places("Police in North London arrested two men.", gaz)["North London"]
    assert north.place.name == "London" and north.place.country == "GB"
    assert north.method == "geo.partof.v1" and north.precision == "district", north.reason


def test_country_points_are_geonames_own(gaz):
    canada = next(c.place for c in gaz.lookup("Canada") if c.kind == "country")
    assert canada.kind == "country" and canada.coord_source == "geonames"
    assert (round(canada.lat, 5), round(canada.lon, 5)) == (60.10867, -113.64258)


def test_admin1_point_is_the_centre_of_its_territory_not_of_its_towns(gaz):
    import sqlite3

    ontario = next(c.place for c in gaz.lookup("Ontario") if c.kind == "admin1")
    assert ontario.coord_source == "cities-voronoi"
    con = sqlite3.connect(f"file:{gaz.path}?mode=ro", uri=True)
    lat0, lat1 = con.execute("SELECT min(lat), max(lat) FROM places WHERE kind = 'city' AND admin1 = ?",
                             (ontario.geonameid,)).fetchone()
    con.close()
    assert ontario.lat > (lat0 + lat1) / 2 + 1  # the empty north counts, not only the towns by the lakes


def test_unit_points_split_an_outline_between_its_units():
    from eventwire.geo.areas import country_unit_points, outline_rings

    square = outline_rings({"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]})
    points = country_unit_points(square, [(1, 1.0, 1.0), (1, 2.0, 2.0), (2, 1.0, 9.0)])
    assert points[1][1] < 5 < points[2][1]  # west unit west, east unit east
    assert all(0 < lat < 10 and 0 < lon < 10 for lat, lon in points.values())


def test_region_named_with_its_own_towns_beats_its_capital_and_old_town_names(gaz):
    quebec = _places("He spent a night in a Montreal jail. Montreal police said Quebec would not drop the "
                     "charges laid in Montreal.", gaz)["Quebec"]
    assert quebec.place.kind == "admin1" and quebec.precision == "admin1", quebec.reason
    delaware = _places("The fund, a Delaware limited partnership, owns apartments in Indianapolis, Indiana, and "
                       "Richmond, Virginia.", gaz)["Delaware"]
    assert delaware.place.kind == "admin1" and delaware.place.name == "Delaware", delaware.reason


def test_building_not_in_gazetteer_is_placed_in_its_town(gaz):
    from eventwire.geo.mentions import make_mention
    from eventwire.geo.resolve import resolve

    text = "Two patients were flown from Thomas Memorial Hospital in South Charleston, West Virginia, on Friday."
    spans = [("Thomas Memorial Hospital", "LOC"), ("South Charleston", "GPE"), ("West Virginia", "GPE")]
    mentions = [make_mention(text, text.index(name), text.index(name) + len(name), label) for name, label in spans]
    hospital = resolve(text, mentions, gaz)[0]
    assert hospital.place is not None and hospital.place.name == "South Charleston", hospital.reason
    assert hospital.method == "geo.fallback.v1" and hospital.precision == "district", hospital.reason


def test_saints_squares_and_states_named_alone(gaz):
    from eventwire.geo.mentions import make_mention
    from eventwire.geo.resolve import resolve

    text = "Crowds filled St. Peter's Square in Rome as the pope spoke."
    spans = [("St. Peter's Square", "LOC"), ("Rome", "GPE")]
    mentions = [make_mention(text, text.index(name), text.index(name) + len(name), label) for name, label in spans]
    square = resolve(text, mentions, gaz)[0]
    assert square.place is not None and square.place.name == "Rome", square.reason  # not St Peters, Australia
    wyoming = _places("Ranchers left Ohio for Montana and Wyoming.", gaz)["Wyoming"]
    assert wyoming.place.kind == "admin1", wyoming.reason  # not Wyoming, Ohio


def test_two_ambiguous_names_settle_on_the_place_where_both_are(gaz):
    # synchronous rounds used to swap them each round (Edmonton, Alberta beside Enfield, London)
    found = geocode("Pupils from a school in Edmonton won the cooking contest. Eight schools from across "
                    "Enfield took part, and the Edmonton team will cook for the mayor.", gaz)
    assert {(pm.text, pm.place.country) for pm in found if pm.place} == {("Edmonton", "GB"), ("Enfield", "GB")}, \
        [pm.reason for pm in found]


def test_district_cue_also_fits_an_admin1_called_district_in_the_press(gaz):
    karak = _places("Clashes erupted in the Karak district south of Amman, police in Jordan said.", gaz)["Karak"]
    assert karak.place.country == "JO" and karak.place.kind == "admin1", karak.reason  # not Karak District, Pakistan
