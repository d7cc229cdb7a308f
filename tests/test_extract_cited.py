"""Cited outlets: every outlet cue works with its span; ordinary attribution does not fire."""

from __future__ import annotations

import pytest

from eventwire.extract.cited import cited_outlets

CUES = [
    ("Intro paragraph.\n\nSource: Newsweek\n\nMore text.", "Newsweek", "Newsweek", "source line"),
    ("KYIV (Reuters) — Russian forces shelled the city.", "Reuters", "Reuters", "wire dateline"),
    ("RAFAH, Gaza Strip (AP) — More than 20,000 people fled.", "Associated Press", "AP", "wire dateline"),
    ("The raid was planned, according to a report by The Wall Street Journal.", "Wall Street Journal",
     "The Wall Street Journal", "according to a report"),
    ("Troops withdrew, according to a report in the New York Times on Monday.", "New York Times",
     "New York Times", "according to a report"),
    ("Meghan Markle told Beauty Banter (via Today) that she skips it.", "Today", "Today", "via"),
    ("Shelling continued overnight — via Reuters", "Reuters", "Reuters", "via"),
    ("This article was originally published by The Conversation.", "The Conversation", "The Conversation",
     "originally published"),
    ("This article first appeared on Newsweek.com.", "Newsweek", "Newsweek.com", "originally published"),
    ("The school opens in 2025, as first reported by Axios.", "Axios", "Axios", "originally published"),
    ("Talks stalled, according to Reuters.", "Reuters", "Reuters", "according to outlet"),
    ("Bloomberg reported on Tuesday that talks stalled.", "Bloomberg", "Bloomberg", "outlet reported"),
    ("The Associated Press contributed to this report.", "Associated Press", "The Associated Press", "contributed"),
]


@pytest.mark.parametrize(("text", "name", "span", "cue"), CUES)
def test_outlet_cue_gives_name_and_span(text, name, span, cue):
    found = cited_outlets(text)
    assert [(c.name, text[c.start:c.end], c.cue) for c in found] == [(name, span, cue)]
    assert found[0].method == "extract.cited.v2" and found[0].reason


def test_source_line_with_several_outlets():
    text = "Body.\nSources: Reuters, AP and Newsweek\n"
    assert [(c.name, text[c.start:c.end]) for c in cited_outlets(text)] == [
        ("Reuters", "Reuters"), ("Associated Press", "AP"), ("Newsweek", "Newsweek")]


@pytest.mark.parametrize("text", [
    "The attack was planned, according to the ministry.",
    "According to the Defense Ministry, 20 drones were shot down.",
    "according to Russia's Defense Ministry, the raid was repelled.",
    "He traveled via Moscow to Minsk.",
    "The deal was approved via a vote in Parliament.",
    "via Telegram, the governor said",
    "Photo via Getty Images",
    "Source: Ukrainian Defense Ministry",
    "Source: The ministry said it was true.",
    "Sources said the troops withdrew.",
    "Users grew, according to a report from October.",
    "14. Houston Rockets (via Nets): Trevon Brazile",
    "The strike was reported by officials in Kharkiv.",
])
def test_ordinary_prose_is_not_an_outlet(text):
    assert cited_outlets(text) == ()


def test_name_does_not_run_into_the_next_paragraph():
    text = "It became a university, as first reported by Bloomberg.\n\nThe school will open."
    (found,) = cited_outlets(text)
    assert text[found.start:found.end] == "Bloomberg"


def test_seed_is_a_derivative_of_newsweek(seed_text):
    found = cited_outlets(seed_text)
    assert [c.name for c in found] == ["Newsweek"]
    assert seed_text[found[0].start:found[0].end] == "Newsweek"
