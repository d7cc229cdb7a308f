"""CAMEO/GDELT-shaped rows: GDELT 2.0 event-table column names, CAMEO codes where we have them.

Column meanings follow the GDELT 2.0 Event Codebook (gdeltproject.org). eventwire codes events
in PLOVER and maps them to a CAMEO *root* code, so ``EventCode``/``EventBaseCode`` equal the
root; country codes are ISO 3166 (alpha-3 for actors, alpha-2 for places), not GDELT's FIPS
10-4; actor codes are built CAMEO-style from the ISO3 country plus a sector code (``RUSMIL``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from .details import Details, Party, with_details

GDELT_COLUMNS = ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate", "Actor1Code", "Actor1Name",
                 "Actor1CountryCode", "Actor1Type1Code", "Actor2Code", "Actor2Name", "Actor2CountryCode",
                 "Actor2Type1Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                 "NumMentions", "NumSources", "NumArticles", "ActionGeo_Type", "ActionGeo_FullName",
                 "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_Lat", "ActionGeo_Long",
                 "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL")

CAMEO_TYPE = {"military": "MIL", "police": "COP", "government": "GOV", "judiciary": "JUD", "legislature": "LEG",
              "armed group (non-state)": "REB", "armed group": "REB", "rebels": "REB", "civilians": "CVL",
              "protesters": "OPP", "opposition": "OPP", "media": "MED", "igo": "IGO", "business": "BUS",
              "religious": "REL", "labour": "LAB", "criminal": "CRM"}
GEO_TYPE = {"country": 1, "admin1": 5, "district": 4, "exact": 4}


def quad_class(root: str | None) -> int | str:
    """CAMEO root -> GDELT QuadClass: 1 verbal/2 material cooperation, 3 verbal/4 material conflict."""
    if not root or not root[:2].isdigit():
        return ""
    n = int(root[:2])
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4


def _actor(p: Party | None) -> tuple[str, str, str, str]:
    if p is None:
        return "", "", "", ""
    kind = CAMEO_TYPE.get((p.sector or "").lower(), "")
    return (p.country or "") + kind, p.name, p.country or "", kind


def gdelt_row(row: dict[str, Any], details: Details) -> dict[str, Any]:
    actors = [p for p in details.parties if p.role == "actor"]
    targets = [p for p in details.parties if p.role == "recipient"]
    a1 = _actor(actors[0] if actors else None)
    a2 = _actor(targets[0] if targets else None)
    day: date | None = row.get("date")
    published: datetime | None = row.get("published")
    root = row.get("cameo_root") or ""
    return {
        "GlobalEventID": row["id"],
        "Day": day.strftime("%Y%m%d") if day else "",
        "MonthYear": day.strftime("%Y%m") if day else "",
        "Year": day.year if day else "",
        "FractionDate": f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        "Actor1Code": a1[0], "Actor1Name": a1[1], "Actor1CountryCode": a1[2], "Actor1Type1Code": a1[3],
        "Actor2Code": a2[0], "Actor2Name": a2[1], "Actor2CountryCode": a2[2], "Actor2Type1Code": a2[3],
        "IsRootEvent": 1,
        "EventCode": root, "EventBaseCode": root, "EventRootCode": root,
        "QuadClass": quad_class(root),
        "NumMentions": row.get("sources") or 1, "NumSources": row.get("independent_sources") or 1,
        "NumArticles": row.get("sources") or 1,
        "ActionGeo_Type": GEO_TYPE.get(row.get("precision") or "", 0),
        "ActionGeo_FullName": ", ".join(x for x in (row.get("place"), row.get("admin1")) if x),
        "ActionGeo_CountryCode": row.get("country") or "",
        "ActionGeo_ADM1Code": row.get("admin1_id") or "",
        "ActionGeo_Lat": row.get("lat") if row.get("lat") is not None else "",
        "ActionGeo_Long": row.get("lon") if row.get("lon") is not None else "",
        "ActionGeo_FeatureID": row.get("admin1_id") if row.get("precision") == "admin1" else "",
        "DATEADDED": published.strftime("%Y%m%d%H%M%S") if published else "",
        "SOURCEURL": row.get("url") or "",
    }


def gdelt_rows(con: Any, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for row, details in with_details(con, rows):
        yield gdelt_row(row, details)
