"""Publication date: the declared date that the page also shows its readers.

Pages declare several dates (JSON-LD ``datePublished``/``dateModified``, ``article:*_time``
meta, ``<time datetime>``), and what readers see is sometimes the first publication and
sometimes the update. We take the first date printed in the page's visible text that equals a
declared date; with no such agreement, the declared publication date, then trafilatura's
(htmldate) guess. Days are read as written, in the page's own time zone, never shifted to UTC.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from .structured import Decision, Signals

METHOD = "extract.date.v1"
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "parsely-pub-date", "sailthru.date",
                   "pubdate", "publishdate", "publish-date", "datepublished", "date", "dc.date.issued",
                   "dcterms.created", "dc.date", "article.published", "cxenseparse:recs:publishtime")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_VISIBLE = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('mon', 'mon2')},?\s+(?P<y2>\d{{4}})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    r"|(?P<um>\d{1,2})/(?P<ud>\d{1,2})/(?P<uy>\d{4}))\b",
    re.IGNORECASE,
)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_VISIBLE_TEXT = ("//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)"
                 " and not(ancestor::template)]")
_MAX_VISIBLE_CHARS = 200_000


def day_of(value: object) -> str | None:
    """``YYYY-MM-DD`` of a date string as written (ISO prefix, else a lenient parse)."""
    if not isinstance(value, str) or not value.strip():
        return None
    match = _ISO_DAY.match(value)
    if match:
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    import warnings

    from dateutil import parser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown zone names ("PST") do not change the day
            parsed = parser.parse(value.strip(), fuzzy=False)
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat() if 1990 <= parsed.year <= 2100 else None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat() if 1990 <= year <= 2100 else None
    except ValueError:
        return None


def declared_dates(sig: Signals, fallback: str | None) -> list[tuple[str, str, str]]:
    """(day, raw value, source) in order of trust as a publication date."""
    found: list[tuple[str, str, str]] = []

    def add(value: object, source: str) -> None:
        day = day_of(value)
        if day:
            found.append((day, str(value).strip(), source))

    for node in sig.ld_articles:
        add(node.get("datePublished"), "JSON-LD datePublished")
    for name in _PUBLISHED_META:
        for value in sig.meta.get(name, ()):
            add(value, f"meta {name}")
    for mark in sig.times:
        add(mark.value, f"<time> {mark.itemprop or 'datetime'}")
    for node in sig.ld_articles:
        add(node.get("dateModified"), "JSON-LD dateModified")
    for name in _MODIFIED_META:
        for value in sig.meta.get(name, ()):
            add(value, f"meta {name}")
    if fallback:
        add(fallback, "trafilatura (htmldate)")
    return found


def visible_dates(tree: Any) -> Iterator[str]:
    """Dates printed in the page's text, in reading order, as ``YYYY-MM-DD``."""
    text = " ".join(tree.xpath(_VISIBLE_TEXT))[:_MAX_VISIBLE_CHARS]
    for match in _VISIBLE.finditer(text):
        day = _visible_day(match)
        if day:
            yield day


def _visible_day(m: re.Match[str]) -> str | None:
    if m.group("y1"):
        return _valid(int(m.group("y1")), _MONTHS[m.group("mon")[:3].lower()], int(m.group("d1")))
    if m.group("y2"):
        return _valid(int(m.group("y2")), _MONTHS[m.group("mon2")[:3].lower()], int(m.group("d2")))
    if m.group("iy"):
        return _valid(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    return _valid(int(m.group("uy")), int(m.group("um")), int(m.group("ud")))


def choose_date(sig: Signals, tree: Any, fallback: str | None) -> Decision | None:
    """The publication date (raw value as declared) with the reason it was chosen."""
    declared = declared_dates(sig, fallback)
    if not declared:
        return None
    by_day: dict[str, tuple[str, str]] = {}
    for day, raw, source in declared:
        by_day.setdefault(day, (raw, source))
    for day in visible_dates(tree):
        if day in by_day:
            raw, source = by_day[day]
            return Decision("published", raw, METHOD, f"{source}, also shown on the page")
    day, raw, source = declared[0]
    return Decision("published", raw, METHOD, f"{source} (no declared date shown on the page)")
