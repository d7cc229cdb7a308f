"""What clustering needs to know about one event report, in comparable form.

An event report becomes a :class:`ReportFeatures`: its PLOVER type *family* (reports of one
event are often coded with neighbouring types: "shelled" vs "destroyed"), a date *interval*
that widens with imprecision, its place as a chain of nested gazetteer ids, its resolved
actors, and the independent origin its material comes from. Everything here is a pure
function of the stored report, so clustering is a function of the set of reports.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..model import EventNumber, PlaceMention

METHOD = "cluster.features.v1"

# PLOVER type (or TYPE:mode) -> family. Reports in different families are never one event.
_FAMILY_BY_MODE = {"COERCE:seize": "violence", "COERCE:destroy": "violence"}
_FAMILY_BY_TYPE = {
    "ASSAULT": "violence", "COERCE": "coercion", "SANCTION": "coercion", "PROTEST": "protest",
    "MOBILIZE": "mobilize", "ACCUSE": "statement", "REQUEST": "statement", "THREATEN": "statement",
    "REJECT": "statement", "SUPPORT": "statement", "CONCEDE": "statement", "AGREE": "cooperation",
    "CONSULT": "cooperation", "COOPERATE": "cooperation", "AID": "aid", "RETREAT": "retreat",
}
VERBAL_FAMILIES = frozenset({"statement", "cooperation"})

# How long before publication an undated report's event may have happened.
UNDATED_LOOKBACK_DAYS = 3
_PRECISION_RANK = {"none": 0, "continent": 0, "country": 1, "admin1": 2, "district": 3, "exact": 4}


def family_of(plover_type: str, plover_mode: str | None) -> str:
    """The type family: COERCE:seize is fighting; COERCE:arrest is coercion; unknown types stand alone."""
    key = f"{plover_type}:{plover_mode}" if plover_mode else plover_type
    return _FAMILY_BY_MODE.get(key) or _FAMILY_BY_TYPE.get(plover_type, plover_type.lower())


@dataclass(frozen=True, slots=True)
class ReportFeatures:
    """One event report as clustering sees it (built from the store or from an Article)."""

    report_id: str
    article_id: str
    plover_type: str
    plover_mode: str | None
    family: str
    date_value: date | None
    date_precision: str
    lo: date | None  # the interval the event may lie in (None: cannot be placed in time)
    hi: date | None
    published: datetime | None
    outlet: str | None  # display name of the publishing outlet (or domain)
    origin: str  # independent origin key (normalised outlet name, or "article:<id>")
    origin_name: str
    origin_reason: str
    place: PlaceMention | None
    place_chain: tuple[str, ...]  # nested ids, most general first: ("c:RUS", "a1:578071", "p:578072")
    actors: frozenset[str]  # canonical actor names (unresolved pronouns are left out)
    recipients: frozenset[str]
    countries: frozenset[str]  # ISO3 of actors and recipients
    numbers: tuple[EventNumber, ...]
    status: str
    asserts: bool
    acled_type: str | None = None
    acled_subtype: str | None = None
    cameo_root: str | None = None
    why_undatable: str = ""

    @property
    def place_rank(self) -> int:
        """0 unlocated ... 4 exact: how specific the place is."""
        return _PRECISION_RANK.get(self.place.precision, 0) if self.place_chain else 0

    @property
    def vague(self) -> bool:
        """No date expression, no sub-national place, no resolved actor: nothing to match on."""
        return self.date_value is None and self.place_rank < 2 and not self.parties

    @property
    def parties(self) -> frozenset[str]:
        return self.actors | self.recipients

    @property
    def country(self) -> str | None:
        return self.place_chain[0][2:] if self.place_chain else None

    @property
    def admin1(self) -> str | None:
        return next((t for t in self.place_chain if t.startswith("a1:")), None)


def date_interval(value: date | None, precision: str, published: datetime | None,
                  historical: bool) -> tuple[date | None, date | None, str]:
    """The days the event may fall on, from its date and precision (else the publication date).

    An undated report is placed in the few days before publication, unless it is flagged
    historical: then it cannot be placed and will not be merged.
    """
    if value is not None:
        if precision == "day":
            return value, value, ""
        if precision == "week":
            return value, value + timedelta(days=6), ""
        if precision == "month":
            return value.replace(day=1), value.replace(day=calendar.monthrange(value.year, value.month)[1]), ""
        if precision == "year":
            return date(value.year, 1, 1), date(value.year, 12, 31), ""
    if historical:
        return None, None, "historical and undated: cannot be placed in time"
    if published is None:
        return None, None, "no event date and no publication date"
    pub = published.date()
    return pub - timedelta(days=UNDATED_LOOKBACK_DAYS), pub, ""


def place_chain(place: PlaceMention | None, admin2_id: int | None = None) -> tuple[str, ...]:
    """The place and what it lies in, as id tokens from country down (empty: unlocated)."""
    p = place.place if place is not None else None
    if p is None or not p.country or p.kind == "continent":
        return ()
    chain = [f"c:{p.country_iso3 or p.country}"]  # ISO3, like actor countries
    if p.kind == "country":
        return tuple(chain)
    a1 = p.geonameid if p.kind == "admin1" else p.admin1_id
    if a1:
        chain.append(f"a1:{a1}")
    if p.kind == "admin1":
        return tuple(chain)
    a2 = p.geonameid if p.kind == "admin2" else (admin2_id if admin2_id is not None else p.admin2_id)
    if a2:
        chain.append(f"a2:{a2}")
    if p.kind != "admin2":
        chain.append(f"p:{p.geonameid}")
    return tuple(chain)
