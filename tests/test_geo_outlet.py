"""Outlet and dateline evidence (issue 4): a place named in the outlet's domain or name, the
domain's country code, and the dateline, on real sentences through the real pipeline and the
real gazetteer."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.geo import geocode, load_gazetteer
from eventwire.geo.dateline import parse_dateline
from eventwire.geo.outlet import domain_country, outlet_hint

LONDON_UK, LONDON_ON, HUNTINGTON_WV, HUNTINGTON_NY = 2643743, 6058560, 4809537, 5121636


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _found(text: str, gaz, outlet: str | None = None) -> dict[str, object]:
    return {pm.text: pm for pm in geocode(text, gaz, outlet=outlet) if pm.place is not None}


@pytest.mark.parametrize(("text", "place", "region", "source"), [
    ("KYIV, Ukraine (Reuters) — Russian drones struck the capital overnight.", "KYIV", "Ukraine", "Reuters"),
    ("LONDON, Ont. — Police arrested two men on Friday.", "LONDON", "Ont.", ""),
    ("BANGKOK - Thai police said on Monday that the suspect fled.", "BANGKOK", "", ""),
    ("Washington (CNN)\nThe Senate voted on Tuesday.", "Washington", "", "CNN"),
    ("DETROIT The Transportation Department issued new rules.", "DETROIT", "", ""),
    ("Bingham to offer plan to combat drugs.\nTORRINGTON — Mayor Ryan Bingham said.", "TORRINGTON", "", ""),
])
def test_dateline_parser_reads_the_filing_place(text, place, region, source):
    line = parse_dateline(text)
    assert line is not None and line.place == place and line.region == region and line.source == source
    assert text[line.start:line.end] == place


@pytest.mark.parametrize("text", [
    "Republican President-elect Donald Trump has described an impending recount as a scam.",
    "GREEN fingered youngsters from a school have been hard at work.",
    "The United Nations (UN) has confirmed six aid workers were killed.",
    "Former New York Gov. Mario Cuomo -- who rose from poverty -- died on Thursday.",
])
def test_no_dateline_in_ordinary_first_sentences(text):
    assert parse_dateline(text) is None


def test_dateline_with_its_region_decides_the_town_and_the_repeats(gaz):
    found = _found("LONDON, Ont. — Police said a man was arrested in London on Friday after a crash.", gaz)
    assert found["LONDON"].place.geonameid == LONDON_ON
    assert "dateline" in found["LONDON"].reason
    assert found["London"].place.geonameid == LONDON_ON


def test_dateline_is_the_town_the_report_is_filed_from(gaz):
    found = _found("LONDON (Reuters) - An explosion in a supermarket injured four people, police said.", gaz)
    assert found["LONDON"].place.geonameid == LONDON_UK and "dateline" in found["LONDON"].reason


def test_place_in_domain_is_a_soft_prior_for_that_town(gaz):
    hint = outlet_hint(gaz, url="https://www.huntingtonnews.net/144515")
    assert hint is not None and hint.name == "huntington"
    assert {HUNTINGTON_WV, HUNTINGTON_NY} <= {c.place.geonameid for c in hint.candidates}
    found = _found("Officials in Huntington said the bridge will close for repairs.", gaz, outlet="huntingtonnews.net")
    assert "outlet huntingtonnews.net is named after it" in found["Huntington"].reason
    # a local London paper: its Edmonton is the one in Enfield, not Alberta's capital
    text = "A fire engine collided with a car in Edmonton in the early hours of this morning."
    assert _found(text, gaz)["Edmonton"].place.country == "CA"
    assert _found(text, gaz, outlet="www.enfield-today.co.uk")["Edmonton"].place.country == "GB"


def test_outlet_names_and_domains_without_a_place_give_no_place(gaz):
    assert outlet_hint(gaz, url="https://www.edmontonjournal.com/news").name == "edmonton"
    assert outlet_hint(gaz, outlet="The Moscow Times").name == "moscow"
    assert outlet_hint(gaz, url="https://kyivindependent.com/x").name == "kyiv"  # a big city, four letters
    for plain in ("https://www.theguardian.com/world", "https://www.reuters.com/a", "https://www.nationalpost.com/"):
        assert outlet_hint(gaz, url=plain) is None, plain
    # a place name that is not in the domain's country is no hint: chinapost.com.tw is not China, Maine
    assert outlet_hint(gaz, url="https://www.chinapost.com.tw/x").name == ""


def test_country_code_domains(gaz):
    assert domain_country("www.cbc.ca", gaz) == "CA"
    assert domain_country("www.bbc.co.uk", gaz) == "GB"
    assert domain_country("www.smh.com.au", gaz) == "AU"
    assert domain_country("www.chinapost.com.tw", gaz) == "TW"
    assert domain_country("www.pravda.com.ua", gaz) == "UA"
    assert domain_country("bnonews.com", gaz) is None
    assert domain_country("example.tv", gaz) is None  # sold to everyone


def test_national_outlet_is_not_pulled_home_for_world_news(gaz):
    text = "Thousands marched through London on Saturday, and police in England said the rally was peaceful."
    found = _found(text, gaz, outlet="https://www.cbc.ca/news/world/x")
    assert found["London"].place.geonameid == LONDON_UK


def test_outlet_country_settles_an_otherwise_undecided_name(gaz):
    found = _found("Police in London said the man was arrested on Falcon Street.", gaz,
                   outlet="https://www.lfpress.ca/news/local")
    assert found["London"].place.geonameid == LONDON_UK  # a weak prior: one name alone stays the big city
    found = _found("Police in London and Sarnia said the man was arrested.", gaz, outlet="https://www.cbc.ca/x")
    assert found["London"].place.geonameid == LONDON_ON


def test_resolve_article_passes_the_url_through():
    art = eventwire.process("A fire engine collided with a car in Edmonton in the early hours of this morning.",
                            url="https://www.enfield-today.co.uk/news/fire", published="2016-11-28T08:00:00")
    edmonton = [pm for pm in art.places if pm.text == "Edmonton"]
    assert edmonton and edmonton[0].place.country == "GB"
    assert "outlet www.enfield-today.co.uk, named after Enfield" in edmonton[0].reason


@pytest.mark.parametrize(("text", "name", "country"), [
    ("KYIV, Ukraine (Reuters) — Protesters rallied on Sunday, demanding the release of prisoners.", "KYIV", "UA"),
    ("ROME (AP) — The pope spoke to pilgrims on Sunday.", "ROME", "IT"),
    ("GAZA - Strikes hit a school on Tuesday, officials said.", "GAZA", "PS"),
])
def test_dateline_in_capitals_is_a_town_not_an_abbreviation(gaz, text, name, country):
    found = _found(text, gaz)
    assert name in found, found  # found even where the model misses a name in capitals
    assert found[name].place.kind == "city" and found[name].place.country == country
    assert "dateline" in found[name].reason


def test_event_location_falls_back_to_the_dateline_town():
    art = eventwire.process("KYIV (Reuters) — Protesters rallied on Sunday, demanding the release of prisoners.",
                            published="2023-05-24T08:00:00")
    [report] = [e for e in art.events if art.text[e.trigger.start:e.trigger.end] == "rallied"]
    assert report.location is not None and report.location.place.name == "Kyiv"
    assert "dateline" in report.location.reason
