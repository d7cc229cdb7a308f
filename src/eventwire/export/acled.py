"""ACLED-shaped rows: ACLED's column names and codes where eventwire has the facts.

Column meanings follow ACLED's public codebook (acleddata.com, "ACLED Codebook"); codes used:
``time_precision`` 1 day / 2 week / 3 month or coarser; ``geo_precision`` 1 town / 2 part of a
region (district) / 3 region (admin-1 or coarser); ``inter1``/``inter2`` actor types 1 state
forces, 2 rebel groups, 3 political militias, 5 rioters, 6 protesters, 7 civilians, 8
external/other forces. What we cannot know is left empty (see docs/exports.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from .details import Details, Party, country_names, with_details

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp")

INTER = {"military": 1, "police": 1, "government": 1, "judiciary": 1, "legislature": 1,
         "armed group (non-state)": 2, "armed group": 2, "rebels": 2, "criminal": 3, "rioters": 5,
         "protesters": 6, "civilians": 7, "media": 7, "religious": 7, "labour": 7, "business": 7,
         "opposition": 3, "igo": 8}
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
TIME_PRECISION = {"day": 1, "week": 2, "published": 2, "month": 3, "year": 3}
GEO_PRECISION = {"exact": 1, "district": 2, "admin1": 3, "country": 3}


def _inter(party: Party | None) -> str:
    code = INTER.get((party.sector or "").lower()) if party else None
    return str(code) if code else ""


def acled_row(row: dict[str, Any], details: Details) -> dict[str, Any]:
    """One ACLED-shaped row for one eventwire event."""
    actors = [p for p in details.parties if p.role == "actor"]
    targets = [p for p in details.parties if p.role == "recipient"]
    a1, a2 = (actors[0] if actors else None), (targets[0] if targets else None)
    inter1, inter2 = _inter(a1), _inter(a2)
    day: date | None = row.get("date")
    published: datetime | None = row.get("published")
    sources = [row.get("outlet")] if row.get("outlet") else []
    return {
        "event_id_cnty": f"{row.get('country') or 'XXX'}{row['id'][:10]}",
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": TIME_PRECISION.get(row.get("date_precision") or "", ""),
        "disorder_type": DISORDER.get(row.get("acled_type") or "", ""),
        "event_type": row.get("acled_type") or "",
        "sub_event_type": row.get("acled_subtype") or "",
        "actor1": a1.name if a1 else "",
        "assoc_actor_1": "; ".join(p.name for p in actors[1:]),
        "inter1": inter1,
        "actor2": a2.name if a2 else "",
        "assoc_actor_2": "; ".join(p.name for p in targets[1:]),
        "inter2": inter2,
        "interaction": "".join(sorted(x for x in (inter1, inter2) if x)) or "",
        "civilian_targeting": "Civilian targeting" if (row.get("acled_type") == "Violence against civilians"
                                                        or (a2 and (a2.sector or "") == "civilians")) else "",
        "iso": "",
        "region": "",
        "country": country_names().get(row.get("country") or "", row.get("country") or ""),
        "admin1": row.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": row.get("place") or "",
        "latitude": row.get("lat") if row.get("lat") is not None else "",
        "longitude": row.get("lon") if row.get("lon") is not None else "",
        "geo_precision": GEO_PRECISION.get(row.get("precision") or "", ""),
        "source": "; ".join(sources),
        "source_scale": "",
        "notes": details.sentence,
        "fatalities": details.dead if details.dead is not None else 0,
        "tags": f"eventwire status={row.get('status')}; confidence={row.get('confidence', 0):.2f}",
        "timestamp": int(published.timestamp()) if published else "",
    }


def acled_rows(con: Any, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """ACLED rows for the events ACLED codes: verbal acts with no ACLED type (ACCUSE, REQUEST,
    most SUPPORT/AGREE...) have no place in an ACLED file and are left out (csv/jsonl keep them)."""
    for row, details in with_details(con, (r for r in rows if r.get("acled_type"))):
        yield acled_row(row, details)
