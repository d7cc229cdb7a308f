"""Dates and numbers: the parts of an event report that need no parse."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from eventwire.events.dates import resolve_date
from eventwire.events.numbers import find_numbers

PUB = datetime(2023, 5, 23, 10, 0)  # a Tuesday


@pytest.mark.parametrize(("text", "value", "precision"), [
    ("The video was released on Monday.", date(2023, 5, 22), "day"),
    ("It happened on Tuesday.", date(2023, 5, 23), "day"),
    ("Troops withdrew yesterday.", date(2023, 5, 22), "day"),
    ("Clashes broke out last week.", date(2023, 5, 15), "week"),
    ("The Legion was set up in February 2022.", date(2022, 2, 1), "month"),
    ("Police arrested him on 12 March.", date(2023, 3, 12), "day"),
    ("Police arrested him on June 3.", date(2022, 6, 3), "day"),
    ("The talks began in 2019.", date(2019, 1, 1), "year"),
    ("Nothing is dated here.", None, "unknown"),
])
def test_dates_relative_to_publication(text, value, precision):
    got = resolve_date(text, 100, PUB)
    assert (got.value, got.precision) == (value, precision)
    assert got.method == "events.date.v1" and got.reason
    if value is not None:
        assert got.start is not None and got.start >= 100


def test_relative_date_without_publication_is_unknown_and_says_why():
    got = resolve_date("The video was released on Monday.", 0, None)
    assert got.value is None and got.precision == "unknown" and "publication" in got.reason


@pytest.mark.parametrize(("text", "expected"), [
    ("At least 12 people were killed and dozens injured.",
     [("dead", 12, 12, "at least"), ("injured", 24, 99, "vague")]),
    ("Police arrested five to seven protesters.", [("arrested", 5, 7, "range")]),
    ("Thousands of protesters rallied in Kyiv in 2022.", [("size", 2000, 9999, "vague")]),
    ("The ministry met in 2022 to discuss 3 proposals.", []),
])
def test_numbers(text, expected):
    got = find_numbers(text, 10)
    assert [(n.kind, n.low, n.high, n.qualifier) for n in got] == expected
    for n in got:
        assert 10 <= n.start < n.end <= 10 + len(text)
