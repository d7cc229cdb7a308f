"""Event location (``geo.locate.v1``): which resolved place is where an event report happened.

The events stage attaches place spans to each report: entities in the trigger's clause
(``place``), common-noun phrases such as "border towns", and the subject of a following
sentence that only describes a place (``context_place``). Here those spans meet the resolved
mentions. "Border towns inside Russia" next to "Belgorod is a ... city" becomes the region
around Belgorod at admin-1 precision, never the city's point.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import Article, Place, PlaceMention, Span
from .dateline import parse_dateline
from .gazetteer import Gazetteer

if TYPE_CHECKING:
    from ..model import EventReport

METHOD = "geo.locate.v1"
_SPECIFIC = {"city": 0, "admin2": 1, "admin1": 2, "country": 3, "continent": 4}
_AREA_WORDS = ("border", "frontier", "towns", "villages", "settlements", "area", "areas", "outskirts", "region")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)  # "armed groups from Ukraine"
_LEAVING_TYPES = frozenset({"RETREAT"})  # "withdrew from Kherson": the place left is where it happened


def _mention_at(span: Span, mentions: tuple[PlaceMention, ...]) -> PlaceMention | None:
    return next((m for m in mentions if m.place is not None and m.start < span.end and span.start < m.end), None)


def _region_of(place: Place, gaz: Gazetteer) -> Place | None:
    if place.kind == "admin1":
        return place
    return gaz.get(place.admin1_id) if place.admin1_id else None


def locate_event(article: Article, report: EventReport, gaz: Gazetteer) -> PlaceMention | None:
    """The report's location with precision and reason, or ``None`` when the text gives none."""
    spans = tuple(report.places)
    direct = [m for s in spans if s.label != "context_place" and (m := _mention_at(s, article.places))]
    if report.plover_type not in _LEAVING_TYPES:
        direct = [m for m in direct if not _is_actor_origin(article.text, report, m)]
    context = [m for s in spans if s.label == "context_place" and (m := _mention_at(s, article.places))]
    phrases = [article.text[s.start:s.end] for s in spans if _mention_at(s, article.places) is None]
    area = next((p for p in phrases if any(w in p.lower() for w in _AREA_WORDS)), None)
    best = min(direct, key=lambda m: _SPECIFIC.get(m.place.kind, 5)) if direct else None  # type: ignore[union-attr]
    if area:
        return _area_location(area, best, context, gaz)
    if best is not None:
        near = " near" if best.cue in ("near", "outside", "around", "close to", "outskirts of") else ""
        return replace(best, method=METHOD,
                       reason=f"{best.text!r} is attached to the event{near}; {best.precision} precision")
    if context:
        c = context[0]
        return replace(c, method=METHOD, reason=f"{c.text!r}: the next sentence describes the event's place")
    return _dateline(article)


def _is_actor_origin(text: str, report: EventReport, mention: PlaceMention) -> bool:
    """'a raid by armed groups from Ukraine': inside the actor's phrase, 'from X' says where the
    actor came from, not where the act happened. (A victim 'from Yefremov' is still a good guess.)"""
    if not _FROM_BEFORE.search(text[max(0, mention.start - 20):mention.start]):
        return False
    return any(a.start <= mention.start and mention.end <= a.end for a in report.actors)


def _area_location(area: str, best: PlaceMention | None, context: list[PlaceMention],
                   gaz: Gazetteer) -> PlaceMention | None:
    """'border towns inside Russia' / 'villages near Kharkiv': the region, not a point."""
    anchors = [m for m in context if m.place is not None and m.place.kind in ("city", "admin2", "admin1")]
    if best is not None and best.place is not None and best.place.kind in ("city", "admin2", "admin1"):
        anchors.insert(0, best)
    if best is not None and best.place is not None and best.place.kind == "country":
        anchors = [a for a in anchors if a.place.country == best.place.country]  # type: ignore[union-attr]
    for anchor in anchors:
        region = _region_of(anchor.place, gaz)  # type: ignore[arg-type]
        if region is not None:
            inside = f" inside {best.text}" if best is not None and best is not anchor else ""
            return PlaceMention(anchor.start, anchor.end, anchor.text, anchor.label, region, "admin1",
                                round(0.8 * anchor.confidence, 3), area, METHOD,
                                f"{area!r}{inside} are places around {anchor.text}, not {anchor.text} itself: "
                                f"its region {region.name} at admin-1 precision")
    if best is not None:
        return replace(best, method=METHOD, reason=f"{area!r} in {best.text}; {best.precision} precision")
    return None


def _dateline(article: Article) -> PlaceMention | None:
    """'KYIV, Ukraine (Reuters) -': the place the report is filed from (``geo.dateline``'s parser,
    the same one the resolver reads)."""
    line = parse_dateline(article.text)
    if line is None:
        return None
    first = next((m for m in article.places
                  if m.place is not None and m.start < line.end and line.start < m.end), None)
    if first is None:
        return None
    return replace(first, method=METHOD, reason=f"dateline {first.text!r}; no place attached to the event")


def locate_events(article: Article, gaz: Gazetteer) -> tuple[EventReport, ...]:
    """The article's event reports with ``location`` set (unchanged when none is found)."""
    return tuple(replace(r, location=locate_event(article, r, gaz)) for r in article.events)
