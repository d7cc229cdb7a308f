"""Places in the store: resolved place mentions and event locations, and the queries over them.

``place_mentions`` keeps one row per mention (resolved or not, with precision and reason);
``event_locations`` one row per located event report, so ``eventwire events`` can filter by
country, admin-1 or distance without re-reading articles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..model import PlaceMention
from .bulk import insert_rows
from .ids import unique_article_id

if TYPE_CHECKING:
    from ..pipeline import Work
    from . import Store

Connection = Any
PLACE_TABLES = ("place_mentions", "event_locations")  # DDL: store/schema.py migration 20



def _place_cols(pm: PlaceMention) -> tuple[object, ...]:
    p = pm.place
    if p is None:
        return (None,) * 12
    return (p.geonameid, p.name, p.kind, p.feature_code, p.country, p.country_iso3, p.admin1, p.admin1_id,
            p.admin2, p.admin2_id, p.lat, p.lon)


def write_places(con: Connection, work: Work) -> None:
    """Rows for the article's place mentions and its events' locations (old rows already deleted)."""
    art = work.article
    rows = [(art.id, i, pm.start, pm.end, pm.text, pm.label, *_place_cols(pm), pm.precision, pm.confidence,
             pm.cue, pm.method, pm.reason) for i, pm in enumerate(art.places)]
    if rows:
        insert_rows(con, "place_mentions", rows)
    locs = []
    for report in getattr(art, "events", ()):
        loc = getattr(report, "location", None)
        if loc is None or loc.place is None:
            continue
        p = loc.place
        locs.append((art.id, report.id, loc.start, loc.end, loc.text, p.geonameid, p.name, p.kind, p.country,
                     p.country_iso3, p.admin1 if p.kind != "admin1" else p.name,
                     p.admin1_id if p.kind != "admin1" else p.geonameid, p.lat, p.lon, loc.precision,
                     loc.confidence, loc.method, loc.reason))
    if locs:
        insert_rows(con, "event_locations", locs, verb="INSERT OR REPLACE")


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One line of ``eventwire places ARTICLE_ID``."""

    start: int
    end: int
    text: str
    label: str
    geonameid: int | None
    name: str | None
    kind: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: str
    confidence: float
    method: str
    reason: str


def article_places(store: Store, article_id: str) -> list[PlaceRow]:
    """Every place mention of one stored article (id or unique prefix), in text order."""
    aid = unique_article_id(store.con, article_id)
    rows = store.con.execute(
        """SELECT start_char, end_char, text, label, geonameid, name, kind, country, admin1, lat, lon,
                  precision, confidence, method, reason
           FROM place_mentions WHERE article_id = ? ORDER BY idx""", [aid]).fetchall()
    return [PlaceRow(*r) for r in rows]


def parse_near(value: str) -> tuple[float, float, float]:
    """``"LAT,LON,KM"`` -> numbers, with a usage error naming the problem."""
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise UsageError(f"[E605] --near wants LAT,LON,KM (e.g. 50.6,36.6,50), got {value!r}") from exc
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise UsageError(f"[E605] --near out of range: {value!r}")
    return lat, lon, km


def located_event_ids(store: Store, country: str | None = None, admin1: str | None = None,
                      near: tuple[float, float, float] | None = None) -> set[tuple[str, str]]:
    """(article_id, event_id) of event reports located in a country (ISO2/ISO3), an admin-1
    (name or GeoNames id) and/or within KM of a point; for ``eventwire events`` filters."""
    where, params = ["TRUE"], []
    if country:
        where.append("(upper(country) = upper(?) OR upper(country_iso3) = upper(?))")
        params += [country, country]
    if admin1:
        where.append("(lower(admin1) = lower(?) OR CAST(admin1_id AS VARCHAR) = ? OR lower(name) = lower(?))")
        params += [admin1, admin1, admin1]
    if near:
        lat, lon, km = near
        dlat = km / 111.0
        dlon = km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
        where.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
        params += [lat - dlat, lat + dlat, lon - dlon, lon + dlon]
    rows = store.con.execute(
        f"SELECT article_id, event_id, lat, lon FROM event_locations WHERE {' AND '.join(where)}", params).fetchall()
    if near:
        from ..geo.build import haversine_km

        rows = [r for r in rows if r[2] is not None and haversine_km(near[0], near[1], r[2], r[3]) <= near[2]]
    return {(r[0], r[1]) for r in rows}
