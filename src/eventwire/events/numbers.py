"""Casualty and size counts: dead, injured, arrested, crowd size, with their evidence spans.

A count is a number expression ("12", "at least 12", "dozens", "five to seven", "thousands
of") tied to a category word nearby ("killed", "wounded", "arrested", "protesters"). Vague
words become ranges: "dozens" is 24..99, "hundreds" 200..999.
"""

from __future__ import annotations

import re

from ..model import EventNumber

METHOD = "events.numbers.v1"

_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
          "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
          "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12}
_VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999), "thousands": (2000, 9999),
          "tens of thousands": (20000, 99999), "hundreds of thousands": (200000, 999999),
          "several": (3, 9), "a few": (2, 5), "a handful of": (3, 6)}
_QUAL = {"at least": "at least", "more than": "at least", "over": "at least", "nearly": "about",
         "almost": "about", "about": "about", "around": "about", "some": "about", "roughly": "about",
         "approximately": "about", "an estimated": "about", "up to": "at most", "as many as": "at most",
         "fewer than": "at most", "less than": "at most"}
_NUM = r"(?:\d[\d,]*(?:\.\d+)?(?:\s*(?:million|thousand))?|" + "|".join(
    sorted((re.escape(w) for w in _WORDS), key=len, reverse=True)) + ")"
_VAG = "|".join(sorted((re.escape(w) for w in _VAGUE), key=len, reverse=True))
_QUALS = "|".join(sorted((re.escape(w) for w in _QUAL), key=len, reverse=True))
_EXPR = re.compile(
    rf"\b(?:(?P<qual>{_QUALS})\s+)?(?:(?P<vague>{_VAG})|(?P<low>{_NUM})(?:\s*(?:-|–|to|or)\s*(?P<high>{_NUM}))?)"
    r"(?:\s+of)?\b", re.I)
_CATEGORIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dead", re.compile(r"\b(kill\w*|dead|died|deaths?|death toll|lives|bodies|fatalit\w+|massacred|"
                        r"executed|murdered|shot dead)\b", re.I)),
    ("injured", re.compile(r"\b(injur\w*|wound\w*|hurt|hospitali[sz]ed|casualt\w+)\b", re.I)),
    ("arrested", re.compile(r"\b(arrest\w*|detain\w*|detention|jailed|held|rounded up|taken into custody)\b", re.I)),
    ("size", re.compile(r"\b(protesters|protestors|demonstrators|marchers|people (?:rallied|gathered|marched|"
                        r"protested|took to)|rallied|gathered|strikers|workers (?:walked|went on strike))\b", re.I)),
)


def _value(text: str) -> int | None:
    low = text.lower().replace(",", "").strip()
    mult = 1
    for word, m in (("million", 1_000_000), ("thousand", 1000)):
        if low.endswith(word):
            low, mult = low[: -len(word)].strip(), m
    if low in _WORDS:
        return _WORDS[low] * mult
    try:
        return int(float(low) * mult)
    except ValueError:
        return None


def find_numbers(text: str, offset: int) -> tuple[EventNumber, ...]:
    """Counts in one sentence (``text`` starts at char ``offset`` of the article)."""
    out: list[EventNumber] = []
    in_dates = _date_spans(text)
    for m in _EXPR.finditer(text):
        if not (m["vague"] or m["low"]):
            continue
        if any(s <= m.start("low") < e for s, e in in_dates if m["low"]):
            continue  # "on June 3", "October 7 that killed": a day of the month, not a count
        if m["low"] and re.fullmatch(r"(19|20)\d\d", m["low"].strip()):
            continue  # a year
        window = text[m.end(): m.end() + 60]
        before = text[max(0, m.start() - 40): m.start()]
        kind = _category(window, before)
        if kind is None:
            continue
        low, high, qual = _bounds(m)
        if low is None:
            continue
        out.append(EventNumber(kind, low, high, qual, offset + m.start(), offset + m.end() + _tail(window, kind),
                               METHOD, f"{m[0].strip()!r} next to a {kind} word"))
    return tuple(out)


def _date_spans(text: str) -> list[tuple[int, int]]:
    """Where dates ("June 3", "3 June", "2023-06-03", "3 p.m.") sit in the sentence."""
    from .dates import _DAY_MONTH, _ISO, _MONTH_DAY

    spans = [(m.start(), m.end()) for rx in (_DAY_MONTH, _MONTH_DAY, _ISO) for m in rx.finditer(text)]
    spans += [(m.start(), m.end()) for m in _CLOCK.finditer(text)]
    return spans


_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|GMT|UTC)", re.I)


def _category(window: str, before: str) -> str | None:
    for kind, pattern in _CATEGORIES[:3]:  # "arrested 12", "killing 12" (verb right before)
        if re.search(pattern.pattern + r"\s*$", before, re.I):
            return kind
    head = re.split(r"[;.]|\band\b", window, maxsplit=1)[0]
    for kind, pattern in _CATEGORIES:
        if pattern.search(head):
            return kind
    for kind, pattern in _CATEGORIES[:3]:  # "the death toll rose to 40"
        if pattern.search(before[-25:]):
            return kind
    return None


def _bounds(m: re.Match[str]) -> tuple[int | None, int, str]:
    if m["vague"]:
        lo, hi = _VAGUE[m["vague"].lower()]
        return lo, hi, "vague"
    low = _value(m["low"])
    if low is None:
        return None, 0, ""
    high = _value(m["high"]) if m["high"] else None
    if high is not None and high >= low:
        return low, high, "range"
    qual = _QUAL.get((m["qual"] or "").lower(), "exact")
    return low, low, qual


def _tail(window: str, kind: str) -> int:
    """Extend the span over the category word itself ("12 people were killed")."""
    pattern = dict(_CATEGORIES)[kind]
    hit = pattern.search(window[:40])
    return hit.end() if hit else 0
