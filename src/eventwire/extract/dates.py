"""Publication date: the declared date that the page also shows its readers.

Pages declare several dates (JSON-LD ``datePublished``/``dateModified``, ``article:*_time``
meta, ``<time datetime>``), and what readers see is sometimes the first publication and
sometimes the update. We take the first date printed in the page's visible text that equals a
declared date; with no such agreement, the declared publication date, then trafilatura's
(htmldate) guess. Days are read as written, in the page's own time zone, never shifted to UTC.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .structured import Decision, Signals

METHOD = "extract.date.v1"
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "parsely-pub-date", "sailthru.date",
                   "pubdate", "publishdate", "publish-date", "datepublished", "dc.date.issued",
                   "dcterms.created", "dc.date", "article.published", "cxenseparse:recs:publishtime")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
_GENERIC_META = ("date",)  # often the time the page was rendered, so trusted last
_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_MONTH = (r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_VISIBLE = re.compile(
    rf"\b(?:{_MONTH}\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH.replace('mon', 'mon2')},?\s+(?P<y2>\d{{4}})"
    r"|(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})"
    r"|(?P<um>\d{1,2})/(?P<ud>\d{1,2})/(?P<uy>\d{4}))\b",
    re.IGNORECASE,
)
_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_VISIBLE_TEXT = ("//body//text()[not(ancestor::script) and not(ancestor::style) and not(ancestor::noscript)"
                 " and not(ancestor::template)]")
_MAX_VISIBLE_CHARS = 200_000
_LABEL = re.compile(r"\b(updated|modified|published|posted|first published)\b[^.]{0,25}$", re.IGNORECASE)
_UPDATE_WORDS = ("updated", "modified")
_WEAK_SOURCES = ("meta date", "trafilatura")
_ABOVE_HEADLINE = 150  # characters before the headline still read (kicker, dateline)


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
    for name in _GENERIC_META:
        for value in sig.meta.get(name, ()):
            add(value, f"meta {name}")
    if fallback:
        add(fallback, "trafilatura (htmldate)")
    return found


def visible_dates(tree: Any, headline: str | None = None) -> list[tuple[str, str]]:
    """(``YYYY-MM-DD``, label) of dates printed in the page's text, in reading order.

    The label is "updated" or "published" when the words just before the date say so.
    Reading starts just above the headline when it can be found (a dateline may sit over it):
    dates further up belong to the site's header (today's date) or to teasers of other stories.
    """
    text = " ".join(" ".join(tree.xpath(_VISIBLE_TEXT)).split())
    start = text.find(" ".join(headline.split())[:40]) if headline else -1
    text = text[max(start - _ABOVE_HEADLINE, 0):][:_MAX_VISIBLE_CHARS]
    found = []
    for match in _VISIBLE.finditer(text):
        day = _visible_day(match)
        if day:
            cue = _LABEL.search(text[max(match.start() - 40, 0):match.start()])
            label = "" if cue is None else ("updated" if cue.group(1).lower() in _UPDATE_WORDS else "published")
            found.append((day, label))
    return found


def _visible_day(m: re.Match[str]) -> str | None:
    if m.group("y1"):
        return _valid(int(m.group("y1")), _MONTHS[m.group("mon")[:3].lower()], int(m.group("d1")))
    if m.group("y2"):
        return _valid(int(m.group("y2")), _MONTHS[m.group("mon2")[:3].lower()], int(m.group("d2")))
    if m.group("iy"):
        return _valid(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
    return _valid(int(m.group("uy")), int(m.group("um")), int(m.group("ud")))


def choose_date(sig: Signals, tree: Any, fallback: str | None, headline: str | None = None) -> Decision | None:
    """The publication date (raw value as declared) with the reason it was chosen.

    First a shown date that a trusted declaration (JSON-LD, article meta, ``<time>``) agrees
    with, then one any declaration agrees with, then the first trusted declaration.
    """
    declared = declared_dates(sig, fallback)
    if not declared:
        return None
    shown = visible_dates(tree, headline)
    trusted = [d for d in declared if not d[2].startswith(_WEAK_SOURCES)]
    for pool in (trusted, declared):
        by_day: dict[str, tuple[str, str]] = {}
        for day, raw, source in pool:
            by_day.setdefault(day, (raw, source))
        day = _first_shown(shown, by_day)
        if day:
            raw, source = by_day[day]
            return Decision("published", raw, METHOD, f"{source}, also shown on the page")
    day, raw, source = (trusted or declared)[0]
    return Decision("published", raw, METHOD, f"{source} (no declared date shown on the page)")


def _first_shown(shown: list[tuple[str, str]], declared: dict[str, tuple[str, str]]) -> str | None:
    """The first shown day that is declared; an "Updated" one yields to a "Published" one next to it."""
    for i, (day, label) in enumerate(shown):
        if day not in declared:
            continue
        if label == "updated":
            for later, later_label in shown[i + 1: i + 4]:
                if later_label == "published" and later in declared:
                    return later
        return day
    return None
