"""Event dates: absolute date, precision (day/week/month/year/unknown) and how it was resolved.

Relative expressions are anchored on the article's publication time: "on Monday" is the most
recent Monday on or before publication, "yesterday" the day before, "last week" the week
before. Without publication time a relative date stays unknown (and the reason says why).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..model import EventDate

METHOD = "events.date.v1"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MONTH_RE = "|".join(MONTHS) + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b", re.I)
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I)
_MONTH_YEAR = re.compile(rf"\b({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.I)
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_YEAR = re.compile(r"\b(?:in|since|during)\s+((?:19|20)\d{2})\b", re.I)
_WEEKDAY = re.compile(r"\b(?:(last|this|on|next)\s+)?(" + "|".join(WEEKDAYS) + r")\b", re.I)
_RELATIVE = re.compile(r"\b(yesterday|today|tonight|this morning|this afternoon|this evening|earlier today|"
                       r"last night|last week|this week|last month|this month|last year|earlier this week|"
                       r"(\d+|two|three|four|five|six|seven) days ago)\b", re.I)
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _month(name: str) -> int:
    low = name.lower()[:3]
    return next(i for i, m in enumerate(MONTHS, 1) if m.startswith(low))


def resolve_date(text: str, offset: int, published: datetime | None, anchor: int | None = None) -> EventDate:
    """The date expression in ``text`` nearest to ``anchor`` (a char offset into ``text``)."""
    found: list[tuple[int, int, EventDate]] = []
    pub = published.date() if published else None
    for m in _ISO.finditer(text):
        found.append(_explicit(m, offset, date(int(m[1]), int(m[2]), int(m[3])), "day", "ISO date"))
    for m in _DAY_MONTH.finditer(text):
        found.append(_day_month(m, offset, int(m[1]), m[2], m[3], pub))
    for m in _MONTH_DAY.finditer(text):
        found.append(_day_month(m, offset, int(m[2]), m[1], m[3], pub))
    for m in _MONTH_YEAR.finditer(text):
        if not any(s <= m.start() + offset < e for s, e, _ in found):
            found.append(_explicit(m, offset, date(int(m[2]), _month(m[1]), 1), "month", "month and year"))
    for m in _YEAR.finditer(text):
        if not any(s <= m.start(1) + offset < e for s, e, _ in found):
            found.append(_explicit(m, offset, date(int(m[1]), 1, 1), "year", "year only"))
    for m in _WEEKDAY.finditer(text):
        found.append(_weekday(m, offset, pub))
    for m in _RELATIVE.finditer(text):
        found.append(_relative(m, offset, pub))
    found = [f for f in found if f is not None]
    if not found:
        why = "no date expression in the sentence"
        return EventDate(None, "unknown", None, None, METHOD, why)
    where = anchor if anchor is not None else 0
    found.sort(key=lambda f: abs(f[0] - offset - where))
    return found[0][2]


def _explicit(m: re.Match[str], offset: int, value: date, precision: str, what: str) -> tuple[int, int, EventDate]:
    s, e = offset + m.start(), offset + m.end()
    return s, e, EventDate(value, precision, s, e, METHOD, f"explicit {what} {m[0]!r}")


def _day_month(m: re.Match[str], offset: int, day: int, month: str, year: str | None,
               pub: date | None) -> tuple[int, int, EventDate]:
    s, e = offset + m.start(), offset + m.end()
    if year:
        y, why = int(year), f"explicit date {m[0]!r}"
    elif pub:
        y = pub.year if (_month(month), day) <= (pub.month, pub.day) else pub.year - 1
        why = f"{m[0]!r} without year: latest such date on or before publication {pub}"
    else:
        return s, e, EventDate(None, "unknown", s, e, METHOD, f"{m[0]!r} has no year and no publication date")
    try:
        return s, e, EventDate(date(y, _month(month), day), "day", s, e, METHOD, why)
    except ValueError:
        return s, e, EventDate(None, "unknown", s, e, METHOD, f"{m[0]!r} is not a valid date")


def _weekday(m: re.Match[str], offset: int, pub: date | None) -> tuple[int, int, EventDate]:
    s, e = offset + m.start(), offset + m.end()
    if pub is None:
        return s, e, EventDate(None, "unknown", s, e, METHOD, f"{m[0]!r} is relative and publication date is unknown")
    target = WEEKDAYS.index(m[2].lower())
    back = (pub.weekday() - target) % 7
    if (m[1] or "").lower() == "next":
        value = pub + timedelta(days=(target - pub.weekday()) % 7 or 7)
        return s, e, EventDate(value, "day", s, e, METHOD, f"{m[0]!r}: the {m[2]} after publication {pub}")
    if (m[1] or "").lower() == "last" and back == 0:
        back = 7
    value = pub - timedelta(days=back)
    return s, e, EventDate(value, "day", s, e, METHOD, f"{m[0]!r}: the {m[2]} on or before publication {pub}")


def _relative(m: re.Match[str], offset: int, pub: date | None) -> tuple[int, int, EventDate]:
    s, e = offset + m.start(), offset + m.end()
    word = m[1].lower()
    if pub is None:
        return s, e, EventDate(None, "unknown", s, e, METHOD, f"{m[0]!r} is relative and publication date is unknown")
    if word in {"today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"}:
        value, precision = pub, "day"
    elif word in {"yesterday", "last night"}:
        value, precision = pub - timedelta(days=1), "day"
    elif word.endswith("days ago"):
        n = m[2].lower()
        value, precision = pub - timedelta(days=int(n) if n.isdigit() else _SMALL[n]), "day"
    elif word in {"last week"}:
        value, precision = pub - timedelta(days=7 + pub.weekday()), "week"
    elif word in {"this week", "earlier this week"}:
        value, precision = pub - timedelta(days=pub.weekday()), "week"
    elif word == "last month":
        first = pub.replace(day=1) - timedelta(days=1)
        value, precision = first.replace(day=1), "month"
    elif word == "this month":
        value, precision = pub.replace(day=1), "month"
    else:  # last year
        value, precision = date(pub.year - 1, 1, 1), "year"
    return s, e, EventDate(value, precision, s, e, METHOD, f"{m[0]!r} relative to publication {pub}")
