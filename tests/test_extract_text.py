"""Plain text: the first line is the title when it looks like one; breadcrumbs are not body."""

from __future__ import annotations

from eventwire.extract.text import is_breadcrumb, looks_like_title, parse_plain_text


def test_seed_title_and_breadcrumb(seed_text):
    parsed = parse_plain_text(seed_text)
    assert parsed.title == "Russians Invade The Russian City Of Belgorod"
    assert parsed.dropped[0].startswith("Home » ")
    assert not parsed.text.startswith(("Home", "Russians Invade"))
    assert parsed.text.startswith("Just when you thought")


def test_sentence_first_line_is_not_a_title():
    parsed = parse_plain_text("Troops crossed the border on Monday.\n\nOfficials confirmed it later.")
    assert parsed.title is None
    assert parsed.text.startswith("Troops crossed")


def test_breadcrumb_shapes():
    assert is_breadcrumb("Home » World » Europe")
    assert is_breadcrumb("News > Politics > Story")
    assert not is_breadcrumb("Prices rose > 5% in May")
    assert looks_like_title("Russians Invade The Russian City Of Belgorod")
    assert not looks_like_title("This is a sentence.")
