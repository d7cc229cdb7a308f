"""Metadata extraction on real NAEB pages (Apache-2.0 fixtures) and on small built pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.extract import dates, metadata, structured
from eventwire.extract.html import extract_html

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
GOLD = json.loads((FIXTURES / "articles.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def extracted():
    return {key: extract_html((FIXTURES / "html" / f"{key}.html").read_bytes()) for key in GOLD}


@pytest.mark.parametrize("key", sorted(GOLD))
def test_real_page_title_and_date_match_gold(extracted, key):
    found = extracted[key]
    assert found.title == GOLD[key]["title"]
    assert dates.day_of(found.published) == GOLD[key]["date"]


def test_real_page_decisions_say_why(extracted):
    sky = extracted["760a689778ff0602e463df9e77b4ed39"]
    why = {d.field: d for d in sky.decisions}
    assert why["published"].method == "extract.date.v1"
    assert "shown on the page" in why["published"].reason
    assert why["title"].reason.startswith("<h1>")
    assert sky.authors == ("Alexandra Rogers",)
    assert sky.outlet == "Sky News"


def test_site_name_suffix_stripped_when_no_h1():
    page = """<html><head><title>Drone strike hits depot | The Hill</title>
    <meta property="og:site_name" content="The Hill"></head><body><p>x</p></body></html>"""
    meta = metadata.page_metadata(page, None, {})
    assert meta.title == "Drone strike hits depot"


def test_strip_site_name_keeps_headline_colons_and_dashes():
    words = {"bbc"}
    assert metadata.strip_site_name("Ukraine war: what we know - BBC News", words) == "Ukraine war: what we know"
    assert metadata.strip_site_name("PolitiFact - Lie of the Year", {"politifact"}) == "Lie of the Year"
    assert metadata.strip_site_name("Kharkiv - a city under fire", words) == "Kharkiv - a city under fire"


def test_json_ld_graph_headline_author_and_date():
    page = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Example"},
     {"@type": "NewsArticle", "headline": "Raid on Belgorod region repelled",
      "datePublished": "2023-05-22T23:10:00+03:00", "author": [{"@type": "Person", "name": "Jane Doe"},
      {"@type": "Person", "name": "By John Roe"}]}]}</script>
    <meta property="og:title" content="Raid repelled, officials say"></head>
    <body><p>No headline element here.</p></body></html>"""
    meta = metadata.page_metadata(page, None, {})
    assert meta.title == "Raid on Belgorod region repelled"
    assert meta.published == "2023-05-22T23:10:00+03:00"  # the page's own day, not shifted to UTC
    assert meta.authors == ("Jane Doe", "John Roe")


def test_h1_beats_social_title_and_published_beats_updated():
    page = """<html><head><meta property="og:title" content="Short social title | Site">
    <meta property="article:published_time" content="2023-12-18T16:12:00-05:00">
    <meta property="article:modified_time" content="2023-12-23T11:33:00Z"></head><body>
    <h1>The long headline readers see on the page</h1>
    <p>Last Updated: Dec. 23, 2023 at 6:33 a.m. ET</p><p>First Published: Dec. 18, 2023 at 4:12 p.m. ET</p>
    </body></html>"""
    meta = metadata.page_metadata(page, None, {})
    assert meta.title == "The long headline readers see on the page"
    assert dates.day_of(meta.published) == "2023-12-18"


def test_shown_update_date_wins_over_hidden_publication_date():
    page = """<html><head><script type="application/ld+json">{"@type": "NewsArticle",
    "datePublished": "2023-12-22T16:22:00Z", "dateModified": "2023-12-23T05:39:00Z"}</script></head>
    <body><h1>Sunak under fire over visa threshold</h1><p>Saturday 23 December 2023 05:39, UK</p></body></html>"""
    assert dates.day_of(metadata.page_metadata(page, None, {}).published) == "2023-12-23"


def test_undeclared_utf8_is_not_read_as_latin1():
    page = "<html><head></head><body><h1>Ukraine’s answer to Russia’s drones</h1></body></html>".encode()
    assert metadata.page_metadata(page, None, {}).title == "Ukraine’s answer to Russia’s drones"


def test_unparseable_markup_falls_back_to_trafilatura_values():
    meta = metadata.page_metadata(b"", None, {"title": "T", "date": "2023-01-02", "author": "A; B"})
    assert (meta.title, meta.published, meta.authors) == ("T", "2023-01-02", ("A", "B"))


def test_day_of_reads_the_written_day():
    assert dates.day_of("2023-12-22T22:22:07-0500") == "2023-12-22"
    assert dates.day_of("Sat, 17 Feb 2024 16:02:01 GMT") == "2024-02-17"
    assert dates.day_of("2023-10-16T21:56:19.537007Z EST") == "2023-10-16"
    assert dates.day_of("not a date") is None
    assert dates.day_of("2023-02-30") is None


def test_split_names_drops_urls_and_desks():
    assert metadata.split_names("By Javier Espinoza and Patricia Nilsson") == ["Javier Espinoza", "Patricia Nilsson"]
    assert metadata.split_names("https://www.facebook.com/someone") == []


def test_structured_collect_reads_time_marks():
    tree = structured.parse_tree('<html><body><time datetime="2023-12-19">Dec 19</time></body></html>')
    sig = structured.collect(tree)
    assert sig.times[0].value == "2023-12-19" and sig.times[0].text == "Dec 19"


def test_outlet_and_credentials_are_not_authors():
    page = """<html><head><meta property="og:site_name" content="Bleacher Report">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Mock draft",
    "author": [{"@type": "Person", "name": "Jonathan Wasserman"}, {"@type": "Person", "name": "Bleacher Report"}]}
    </script><meta name="author" content="x"></head><body><h1>Mock draft</h1></body></html>"""
    assert metadata.page_metadata(page, None, {}).authors == ("Jonathan Wasserman",)
    assert metadata.split_names("Lauren Manaker MS, RDN, LD") == ["Lauren Manaker MS"]
    assert metadata.split_names("Greg Potts Published Dec 21") == ["Greg Potts"]
