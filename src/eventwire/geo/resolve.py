"""Toponym resolution (``geo.rank.v4``): each mention -> one gazetteer entry, with precision and why.

The score of a candidate adds up the evidence people use: the cue next to the name (region or
city), the other places of the article (same country, same admin-1, places close by, "X, Y"
containment both ways, the kind of the other members of a list), how the name reached the
entry (own name, alternate, abbreviation, demonym, a region named after its capital) and
population as a prior. All mentions are resolved together in a few rounds, each round reading
the previous round's picks as context. Names the gazetteer lacks fall back to the district or
region named beside them, with that precision; one unresolvable name never stops the others.

The article's dateline ("KYIV, Ukraine (Reuters) -") and outlet (a place named in its domain or
name, the domain's country code) take part as evidence: the dateline place counts twice as
context and is read as a town; the outlet's place is one more, lightly weighted mention of the
article that the text never has to agree with.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from ..model import Place, PlaceMention
from .dateline import parse_dateline
from .gazetteer import Candidate, Gazetteer
from .mentions import RawMention
from .names import name_key
from .outlet import OutletHint

METHOD = "geo.rank.v4"
FALLBACK_METHOD = "geo.fallback.v1"
PART_METHOD = "geo.partof.v1"
PRECISION = {"city": "exact", "admin2": "district", "admin1": "admin1", "country": "country",
             "continent": "continent"}
_KIND_PRIOR = {"country": 5.0, "continent": 4.5, "region": 5.0, "admin1": 0.5, "admin2": -1.0, "city": 0.0}
_HOW_PRIOR = {"name": 0.0, "alt": -0.4, "abbr": -0.2, "demonym": 0.0, "landmark": 0.5, "capital": -1.5}
_FCODE_PRIOR = {"PPLC": 1.5, "PPLA": 0.5}
_ADMIN_POP_SHARE = 1 / 3  # an admin unit's summed city population overstates how often it is meant
_BROAD = ("country", "continent", "region")
DATELINE_WEIGHT = 2.0  # the place the report is filed from counts as two mentions of context
OUTLET_WEIGHT = 0.5  # the outlet's home town counts as half a mention
DATELINE_TOWN = 1.0  # a dateline names a town ("WASHINGTON" is the capital, not the state)
OUTLET_HOME = 1.0  # a mention of the outlet's own town name is that town (by how likely each one is)
DOMAIN_COUNTRY = 0.5  # the outlet's country-code domain: a weak prior for names left undecided
_LIST_GAP = re.compile(r"^(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+|,\s+or\s+|\s*/\s*)$")
_IN_GAP = re.compile(r"^(?:,\s*|\s+in\s+|,\s+in\s+|\s*\(\s*)$")
_FACILITY = re.compile(r"\b(?:hospital|clinic|church|cathedral|chapel|mosque|temple|synagogue|museum|university|"
                       r"college|school|academy|stadium|arena|prison|jail|hotel|mall|market|palace|"
                       r"court ?house|city hall|memorial|monastery|convent|square|street|avenue|road|"
                       r"bridge)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,4}$")
# "North London", "Greater Mumbai": a part of a place; "Salinas Valley", "Da Nang International
# Airport", "Lake Erie": a feature named after a place, which lies at or near it.
_PART_BEFORE = re.compile(r"^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower|"
                          r"greater|inner|outer|downtown|metro|metropolitan|north-?east|north-?west|"
                          r"south-?east|south-?west|mid|old|new)\s+(?=\S)", re.IGNORECASE)
_FEATURE_BEFORE = re.compile(r"^(?:lake|mount|mt\.?|gulf of|bay of|port of|university of|city of)\s+(?=\S)",
                             re.IGNORECASE)
_FEATURE_AFTER = re.compile(r"\s+(?:valley|island|islands|bay|delta|canal|river|lake|(?:international\s+)?airport|"
                            r"university|hospital|museum|(?:art\s+)?gallery|stadium|square|park|harbou?r|port|"
                            r"peninsula|mountains?|desert|basin|area|plateau|plains|region|county|district)$",
                            re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Context:
    """What the rest of the article says about where this mention is."""

    countries: Counter[str]
    admin1: Counter[int]
    hint_country: str | None = None  # outlet / dateline country
    near: dict[tuple[int, int], float] = field(default_factory=dict)  # 1-degree cell -> support from others
    list_kind: str = ""  # the kind the other members of an "A, B and C" list resolve to
    inner: Place | None = None  # the place written just before it ("Atlanta, Georgia")
    dateline: bool = False  # the mention is the dateline's place
    home: dict[int, float] = field(default_factory=dict)  # outlet's home town candidates -> likelihood
    outlet: str = ""  # the outlet's domain or name, for reasons


@dataclass(frozen=True, slots=True)
class Scored:
    cand: Candidate
    score: float
    why: tuple[str, ...]


def precision_of(place: Place) -> str:
    """The level a place stands for; a named region inside one country (Darfur) counts as admin-1
    precision, one spanning countries (Middle East, Sahel, a sea) as continent precision."""
    if place.kind == "region":
        return "admin1" if place.country else "continent"
    return PRECISION.get(place.kind, "exact")


def _pop_prior(place: Place) -> float:
    if place.kind in _BROAD:
        return 0.2 * math.log10(max(place.population, 1))  # only breaks ties between countries
    pop = place.population
    if place.kind in ("admin1", "admin2"):
        pop = int(pop * _ADMIN_POP_SHARE)
    return math.log10(max(pop, 1))


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat), math.floor(lon)


def _prior(cand: Candidate, m: RawMention, owner: frozenset[str] | None, named_admin: frozenset[int] = frozenset(),
           dateline: bool = False, city_inside: frozenset[int] = frozenset()) -> tuple[float, list[str]]:
    """What the name alone says: kind, how it reached the entry, population, capital. A dateline
    writes its town in capitals: "KYIV", "ROME" are no abbreviations."""
    p = cand.place
    why: list[str] = []
    kind_prior = _KIND_PRIOR.get(p.kind, 0.0)
    acronym = bool(_ACRONYM.match(m.text)) and not dateline
    if p.kind in _BROAD and cand.how == "alt" and not acronym:
        kind_prior -= 2.0
    s = kind_prior + _HOW_PRIOR.get(cand.how, 0.0) + _pop_prior(p) + _FCODE_PRIOR.get(p.feature_code, 0.0)
    if acronym and p.kind == "city" and not p.name.isupper():
        s -= 4.0  # "UK", "DRC" are abbreviations before they are a village called "Uk"
    if owner is not None and p.kind not in _BROAD:
        # "Mexico" is the country's own name before it is Mexico City or the State of Mexico; a
        # state abroad that carries the name itself ("Georgia", USA) is left to the context
        s -= 1.0 if cand.how == "name" and p.country not in owner else 3.0
    if named_admin and p.kind == "city" and p.admin1_id not in named_admin:
        # the state that carries the name comes before a town elsewhere called so: "Delaware" is not
        # West Point, Virginia (once "Delaware"), "Wyoming" not Wyoming, Ohio; a town inside it
        # (New York City) and a national capital (Washington) are left to the context
        if cand.how == "alt":
            s -= 1.5
        elif p.feature_code != "PPLC":
            s -= 1.0
    if p.kind == "admin1" and cand.how in ("alt", "capital") and p.geonameid in city_inside:
        # a bare "Kherson" is the city before the oblast that also goes by its name; a region cue
        # ("Kherson region", +6) or the article's context still makes it the region
        s -= 2.0
    if p.kind == "admin2" and m.cue_kind != "district" and name_key(p.name) != name_key(m.text):
        s -= 3.0  # a bare "Delaware" is the state or the town before it is Delaware County
    if cand.how == "capital":
        why.append("region named after its capital")
    if cand.how == "demonym":
        why.append(f"demonym of {p.name}")
    if cand.how == "landmark":
        why.append(f"landmark in {p.name}")
    return s, why


def _cue_score(p: Place, m: RawMention) -> tuple[float, str]:
    if m.cue_kind == "admin1":
        return {"admin1": 6.0, "admin2": 2.0, "region": 2.0}.get(p.kind, -3.0), f"admin-1 cue {m.cue!r}"
    if m.cue_kind == "district":
        return {"admin2": 6.0, "admin1": 3.0}.get(p.kind, -3.0), f"district cue {m.cue!r}"
    if m.cue_kind == "city":
        return (4.0 if p.kind == "city" else -4.0), f"city cue {m.cue!r}"
    return 0.0, ""


def _context_score(p: Place, m: RawMention, ctx: Context) -> tuple[float, list[str]]:
    """What the other places of the article say about this candidate."""
    s = 0.0
    why: list[str] = []
    same_country = ctx.countries.get(p.country or "", 0)
    if p.kind not in _BROAD and same_country > 0:
        s += 1.5 * min(1.0, same_country / 2)
        why.append(f"article names other places in {p.country}")
    elif p.kind == "country" and same_country > 0:
        s += 0.5 + 0.5 * min(1.0, same_country / 3)
        why.append("article names places inside it")
    if p.admin1_id and ctx.admin1.get(p.admin1_id, 0) > 0:
        s += min(2.5, float(ctx.admin1[p.admin1_id]))
        why.append(f"shares region {p.admin1} with other mentions")
    if p.kind == "admin1" and ctx.admin1.get(p.geonameid, 0) > 0:
        s += min(2.5, 1.0 + 0.5 * ctx.admin1[p.geonameid])  # as much as its own cities get from them
        why.append("article names places inside it")
    if p.kind in ("city", "admin2") and p.lat is not None and p.lon is not None and ctx.near:
        support = ctx.near.get(_cell(p.lat, p.lon), 0.0)
        if support > 0:
            s += min(2.0, support)
            why.append("close to other places of the article")
    if ctx.list_kind and (p.kind == ctx.list_kind or {p.kind, ctx.list_kind} <= {"admin1", "admin2"}):
        s += 2.0
        why.append(f"listed beside other {ctx.list_kind} names")
    if ctx.hint_country and p.country == ctx.hint_country:
        s += DOMAIN_COUNTRY
        why.append(f"outlet domain country {ctx.hint_country}")
    if ctx.dateline and p.kind == "city":
        s += DATELINE_TOWN
        why.append("dateline: the town the report is filed from")
    share = ctx.home.get(p.geonameid, 0.0)
    if share > 0.05:
        s += OUTLET_HOME * share
        why.append(f"the outlet {ctx.outlet} is named after it")
    if ctx.inner is not None and p.kind in ("country", "admin1", "admin2") and _inside(ctx.inner, p):
        s += 3.0
        why.append(f"contains {ctx.inner.name}, written just before it")
    return s, why


def score_candidate(cand: Candidate, m: RawMention, ctx: Context, container: Place | None,
                    owner: frozenset[str] | None = None, named_admin: frozenset[int] = frozenset(),
                    city_inside: frozenset[int] = frozenset()) -> Scored:
    """``owner``: the countries (or continents) that carry the name itself, if any;
    ``named_admin``: an admin-1 unit carries the name itself; ``city_inside``: admin-1 units that
    hold a city of this name (the oblast named after its capital)."""
    p = cand.place
    s, why = _prior(cand, m, owner, named_admin, ctx.dateline, city_inside)
    cue, cue_why = _cue_score(p, m)
    if cue_why:
        s += cue
        why.append(cue_why)
    if not (owner and p.kind not in _BROAD and cand.how != "name"):
        # the article's other places never make "Mexico" mean Mexico City
        extra, extra_why = _context_score(p, m, ctx)
        s += extra
        why.extend(extra_why)
    if container is not None and p.kind not in _BROAD and _inside(p, container):
        s += 3.0 if container.kind == "country" else 5.0  # "Paris, Missouri" settles it
        why.append(f"written as '{m.text}, {container.name}'")
    return Scored(cand, s, tuple(why))


def _inside(p: Place, container: Place) -> bool:
    if p.geonameid == container.geonameid:
        return False
    if container.kind == "country":
        return p.country == container.country and p.kind not in _BROAD
    if container.kind == "admin1":
        return p.admin1_id == container.geonameid
    if container.kind == "admin2":
        return p.admin2_id == container.geonameid
    return False


@dataclass(frozen=True, slots=True)
class _Readers:
    """Who reads whom as context: never oneself or a repeat of one's own name, except that a
    mention reads the outlet's home town of the same name (the outlet does not read it back);
    and how much each one counts (the dateline twice, the outlet half)."""

    keys: Sequence[str]
    weight: Sequence[float]
    virtual: frozenset[int] = frozenset()
    outlet: int = -1
    cache: dict[tuple[int, str], tuple[object, Any]] = field(default_factory=dict)

    def memo(self, group: Sequence[Scored], what: str, compute: Callable[[], Any]) -> Any:
        """What a mention's ranking adds to the others' context, computed once per ranking (a
        mention's list is replaced, never changed, when it is scored again)."""
        hit = self.cache.get((id(group), what))
        if hit is not None and hit[0] is group:
            return hit[1]
        value = compute()
        self.cache[(id(group), what)] = (group, value)
        return value

    def reads(self, reader: int, other: int) -> bool:
        if reader == other:
            return False
        if self.keys[reader] != self.keys[other]:
            return True
        return other == self.outlet and reader not in self.virtual


def _context(picks: Sequence[Scored | None], skip: int, rd: _Readers) -> tuple[Counter[str], Counter[int]]:
    countries: Counter[str] = Counter()
    admin1: Counter[int] = Counter()
    for i, pick in enumerate(picks):
        if pick is None or not rd.reads(skip, i):
            continue
        p = pick.cand.place
        w = rd.weight[i]
        if p.country:
            countries[p.country] += w
        if p.kind == "admin1":
            admin1[p.geonameid] += w
        elif p.admin1_id:
            admin1[p.admin1_id] += w
    return countries, admin1


def _shares(group: Sequence[Scored], n: int) -> list[float]:
    top = group[0].score
    weights = [math.exp(max(-50.0, sc.score - top)) for sc in group[:n]]
    total = sum(weights)
    return [w / total for w in weights]


def _soft_context(ranked: Sequence[Sequence[Scored]], skip: int, rd: _Readers
                  ) -> tuple[Counter[str], Counter[int]]:
    """Like _context, but each other mention counts for its candidates by how likely each is."""
    countries: Counter[str] = Counter()
    admin1: Counter[int] = Counter()
    for i, group in enumerate(ranked):
        if not group or not rd.reads(skip, i):
            continue
        for country, unit, share in rd.memo(group, "ctx", lambda g=group, w=rd.weight[i]: _context_parts(g, w)):
            if country:
                countries[country] += share
            if unit:
                admin1[unit] += share
    return countries, admin1


def _context_parts(group: Sequence[Scored], weight: float) -> list[tuple[str | None, int | None, float]]:
    """What one mention's top candidates add to the others' context (country, admin-1, share)."""
    out: list[tuple[str | None, int | None, float]] = []
    for sc, share in zip(group[:5], _shares(group, 5), strict=False):
        p = sc.cand.place
        unit = p.geonameid if p.kind == "admin1" else p.admin1_id
        out.append((p.country, unit, share * weight))
    return out


def _soft_near(ranked: Sequence[Sequence[Scored]], skip: int, rd: _Readers) -> dict[tuple[int, int], float]:
    """Cells (and their 8 neighbours) where the other names' local candidates lie, each name's
    support spread over its candidates by how likely each is (at most its weight per name)."""
    best: dict[tuple[str, bool], dict[tuple[int, int], float]] = {}
    for i, group in enumerate(ranked):
        name = (rd.keys[i], i == rd.outlet)
        if not group or not rd.reads(skip, i) or name in best:
            continue
        best[name] = rd.memo(group, "near", lambda g=group, w=rd.weight[i]: _near_cells(g, w))
    support: dict[tuple[int, int], float] = {}
    for cells in best.values():
        for cell, w in cells.items():
            support[cell] = support.get(cell, 0.0) + w
    return support


def _near_cells(group: Sequence[Scored], weight: float) -> dict[tuple[int, int], float]:
    """The cells (and neighbours) one mention's local candidates cover, by how likely each is."""
    cells: dict[tuple[int, int], float] = {}
    for sc, share in zip(group[:8], _shares(group, 8), strict=False):
        w = share * weight
        p = sc.cand.place
        if p.kind not in ("city", "admin2") or p.lat is None or p.lon is None:
            continue
        la, lo = _cell(p.lat, p.lon)
        for dla in (-1, 0, 1):
            for dlo in (-1, 0, 1):
                cell = (la + dla, lo + dlo)
                cells[cell] = max(cells.get(cell, 0.0), w)
    return cells


def _cells_by_key(cands: Sequence[Sequence[Candidate]], keys: Sequence[str]) -> dict[str, dict[tuple[int, int], float]]:
    """For each distinct name: the cells (and their 8 neighbours) its local candidates lie in.

    A name with few candidates is strong evidence of where the article is; a name with many
    (Springfield) is weak, so each name's support is spread over its candidates."""
    out: dict[str, dict[tuple[int, int], float]] = {}
    for key, group in zip(keys, cands, strict=True):
        if key in out:
            continue
        local = [c.place for c in group if c.kind in ("city", "admin2") and c.place.lat is not None]
        weight = 1.0 if len(local) <= 2 else (0.6 if len(local) <= 5 else 0.3)
        cells: dict[tuple[int, int], float] = {}
        for p in local:
            la, lo = _cell(p.lat, p.lon)  # type: ignore[arg-type]
            for dla in (-1, 0, 1):
                for dlo in (-1, 0, 1):
                    cells[(la + dla, lo + dlo)] = weight
        out[key] = cells
    return out


def _near_support(cells: dict[str, dict[tuple[int, int], float]], own: str) -> dict[tuple[int, int], float]:
    support: dict[tuple[int, int], float] = {}
    for key, group in cells.items():
        if key == own:
            continue
        for cell, w in group.items():
            support[cell] = support.get(cell, 0.0) + w
    return support


def _anchor(cands: Sequence[Candidate]) -> Scored | None:
    """A first guess used only as context: unambiguous names, countries, demonyms."""
    if not cands:
        return None
    countries = {c.place.country for c in cands}
    top = max(cands, key=lambda c: (_KIND_PRIOR.get(c.kind, 0) + _pop_prior(c.place)))
    if len(countries) == 1 or top.kind == "country":
        return Scored(top, 0.0, ())
    return None


def _lists(text: str, mentions: Sequence[RawMention]) -> list[list[int]]:
    """Runs of mentions written as a list ("Texas, Utah, Virginia and Wyoming"), three or more long."""
    runs: list[list[int]] = []
    run = [0] if mentions else []
    for i in range(1, len(mentions)):
        if _LIST_GAP.match(text[mentions[i - 1].end:mentions[i].start]):
            run.append(i)
        else:
            runs.append(run)
            run = [i]
    if run:
        runs.append(run)
    return [r for r in runs if len(r) >= 3]


def _list_kinds(runs: Sequence[Sequence[int]], picks: Sequence[Scored | None]) -> dict[int, str]:
    """Each list member -> the kind most of the other members resolved to (when they agree)."""
    out: dict[int, str] = {}
    for run in runs:
        for i in run:
            kinds = Counter(picks[j].cand.place.kind for j in run if j != i and picks[j] is not None)  # type: ignore[union-attr]
            if kinds:
                kind, n = kinds.most_common(1)[0]
                if n >= 2 and n >= 0.6 * sum(kinds.values()):
                    out[i] = kind
    return out


def resolve(text: str, mentions: Sequence[RawMention], gaz: Gazetteer, hint_country: str | None = None,
            rounds: int = 3, outlet: OutletHint | None = None, dateline: bool = True) -> list[PlaceMention]:
    """Resolve every mention of one article together (their context is each other).

    ``outlet``: what the article's domain/outlet name says (``geo.outlet.outlet_hint``); its
    country code stands in for ``hint_country`` when that is not given. ``dateline``: read the
    dateline at the start of ``text`` as the place the report is filed from."""
    real = len(mentions)
    mentions = list(mentions)
    cands = [gaz.lookup(m.text) for m in mentions]
    parts: dict[int, str] = {}
    for i, m in enumerate(mentions):
        if not cands[i]:
            found = _part_of(m.text, gaz)
            if found:
                parts[i], cands[i] = found
    weight = [1.0] * real
    on_dateline: set[int] = set()
    dateline_region: dict[int, Place] = {}
    line = parse_dateline(text) if dateline else None
    if line is not None:
        on_dateline = {i for i, m in enumerate(mentions) if m.start < line.end and line.start < m.end}
        if not on_dateline:
            found = tuple(c for c in gaz.lookup(line.place) if c.how != "demonym")
            if found:  # the dateline place is context even where nobody marked it as a mention
                mentions.append(RawMention(line.start, line.end, line.place, "DATELINE"))
                cands.append(found)
                weight.append(1.0)
                on_dateline = {len(mentions) - 1}
        for i in on_dateline:
            weight[i] = DATELINE_WEIGHT
        region = _dateline_region(line.region, gaz) if line.region else None
        if region is not None and not any(m.start < line.region_end and line.region_start < m.end
                                          for m in mentions[:real]):
            dateline_region = {i: region for i in on_dateline}  # "LONDON, Ont." where "Ont." is no mention
    outlet_at = -1
    if outlet is not None:
        hint_country = hint_country or outlet.country
        if outlet.candidates:
            mentions.append(RawMention(-1, -1, outlet.name, "OUTLET"))
            cands.append(outlet.candidates)
            weight.append(OUTLET_WEIGHT)
            outlet_at = len(mentions) - 1
    keys = [name_key(m.text) if m.label == "OUTLET" else m.text.casefold() for m in mentions]
    rd = _Readers(keys, weight, frozenset(range(real, len(mentions))), outlet_at)
    cells = _cells_by_key(cands[:real], keys[:real])
    near = {key: _near_support(cells, key) for key in cells}
    runs = _lists(text, mentions[:real])
    owners = [frozenset(str(c.place.country) for c in group
                        if c.kind in _BROAD and c.how in ("name", "demonym", "abbr")) or None
              for group in cands]
    city_inside = [frozenset(c.place.admin1_id for c in group if c.kind == "city" and c.how in ("name", "alt")
                             and c.place.admin1_id and c.place.population >= 50_000) for group in cands]
    named_admin = [frozenset(c.place.geonameid for c in group if c.kind == "admin1" and c.how == "name")
                   for group in cands]
    picks: list[Scored | None] = [_anchor(c) for c in cands]
    ranked: list[list[Scored]] = [[] for _ in mentions]
    source = outlet.source if outlet is not None else ""
    for _ in range(rounds):
        containers, inners = _containers(text, mentions[:real], picks[:real])
        containers = {**dateline_region, **containers}
        list_kind = _list_kinds(runs, picks)
        home = ({sc.cand.place.geonameid: share for sc, share in zip(ranked[outlet_at], _shares(ranked[outlet_at], 8),
                                                                      strict=False)}
                if outlet_at >= 0 and ranked[outlet_at] else {})
        new: list[Scored | None] = []
        for i, m in enumerate(mentions):
            countries, admin1 = _soft_context(ranked, i, rd) if any(ranked) else _context(picks, i, rd)
            close = _soft_near(ranked, i, rd) if any(ranked) else near.get(keys[i], {})
            ctx = Context(countries, admin1, hint_country, close, list_kind.get(i, ""), inners.get(i),
                          i in on_dateline, home if i < real and keys[i] == keys[outlet_at] else {}, source)
            ranked[i] = sorted((score_candidate(c, m, ctx, containers.get(i), owners[i], named_admin[i],
                                                       city_inside[i])
                                for c in cands[i]), key=lambda sc: -sc.score)
            new.append(ranked[i][0] if ranked[i] else None)
        picks = _one_sense(mentions[:real], keys[:real], ranked[:real], new[:real]) + new[real:]
    out = [_mention(m, ranked[i], parts.get(i)) for i, m in enumerate(mentions[:real])]
    if outlet_at >= 0 and ranked[outlet_at]:
        home_place = ranked[outlet_at][0].cand.place
        note = (f"; context includes the outlet {source}, named after {home_place.name} "
                f"({', '.join(x for x in (home_place.admin1, home_place.country) if x)})")
        out = [replace(pm, reason=pm.reason + note)
               if pm.place is not None and pm.place.country == home_place.country and "named after it" not in pm.reason
               else pm for pm in out]
    return _fallbacks(text, out)


def _dateline_region(region: str, gaz: Gazetteer) -> Place | None:
    """The state, province or country written after the dateline's town ("Ky.", "Ont.", "Ukraine")."""
    found = [c for c in gaz.lookup(region) if c.kind in ("country", "admin1", "admin2") and c.how != "demonym"]
    if not found:
        return None
    best = max(found, key=lambda c: _KIND_PRIOR.get(c.kind, 0.0) + _HOW_PRIOR.get(c.how, 0.0) + _pop_prior(c.place))
    return best.place


def _one_sense(mentions: Sequence[RawMention], keys: Sequence[str], ranked: list[list[Scored]],
               picks: list[Scored | None]) -> list[Scored | None]:
    """One name, one place per article: repeats of a name (with the same cue) take the place that
    the strongest evidence for any of them favours ("Paris, Missouri ... Paris")."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, m in enumerate(mentions):
        if ranked[i]:
            groups.setdefault((keys[i], m.cue_kind), []).append(i)
    out = list(picks)
    for members in groups.values():
        if len(members) < 2:
            continue
        best_score: dict[int, float] = {}
        for i in members:
            for sc in ranked[i]:
                gid = sc.cand.place.geonameid
                best_score[gid] = max(best_score.get(gid, sc.score), sc.score)
        best = max(best_score, key=lambda gid: best_score[gid])
        for i in members:
            ranked[i].sort(key=lambda sc: (sc.cand.place.geonameid != best, -sc.score))
            out[i] = ranked[i][0]
    return out


def _part_of(surface: str, gaz: Gazetteer) -> tuple[str, tuple[Candidate, ...]] | None:
    """A name the gazetteer lacks that is a part of, or a feature named after, a known place."""
    tries = []
    for pattern in (_PART_BEFORE, _FEATURE_BEFORE):
        rest = pattern.sub("", surface, count=1)
        if rest != surface:
            tries.append(rest)
    rest = _FEATURE_AFTER.sub("", surface)
    if rest != surface:
        tries.append(rest)
    if "-" in surface.split()[0] and " " in surface:
        tries.append(surface.split("-", 1)[0])
    for name in tries:
        if len(name) < 3 or not name[:1].isupper() or name.endswith(("'s", "’s")):
            continue  # "St. Michael's Hospital", "St. Peter's Square" are named after a saint, not a place
        found = tuple(c for c in gaz.lookup(name) if c.how != "demonym")
        if found:
            return name, found
    return None


def _containers(text: str, mentions: Sequence[RawMention], picks: Sequence[Scored | None]
                ) -> tuple[dict[int, Place], dict[int, Place]]:
    """'Pandi, Bulacan' / 'Kharkiv in Ukraine': the second name contains the first.

    Returns both directions: first -> the container picked for the second, and second -> the
    place picked for the first (so "Atlanta, Georgia" makes Georgia the state that holds Atlanta)."""
    outer: dict[int, Place] = {}
    inner: dict[int, Place] = {}
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        if not _IN_GAP.match(text[a.end:b.start]):
            continue
        pick_b, pick_a = picks[i + 1], picks[i]
        if pick_b is not None and pick_b.cand.place.kind in ("country", "admin1", "admin2"):
            outer[i] = pick_b.cand.place
        if pick_a is not None and pick_a.cand.place.kind in ("city", "admin2"):
            inner[i + 1] = pick_a.cand.place
    return outer, inner


def _mention(m: RawMention, ranked: Sequence[Scored], part: str | None = None) -> PlaceMention:
    if not ranked:
        return PlaceMention(m.start, m.end, m.text, m.label, None, "none", 0.0, m.cue, METHOD,
                            f"'{m.text}' is not in the gazetteer")
    top = ranked[0]
    total = sum(math.exp(min(50.0, r.score - top.score)) for r in ranked)
    conf = round(1.0 / total, 3)
    p = top.cand.place
    where = ", ".join(x for x in (p.admin1, p.country) if x)
    why = "; ".join(top.why) or "most likely by population and kind"
    alt = f"; runner-up {ranked[1].cand.place.name} ({ranked[1].cand.place.kind}, {ranked[1].cand.place.country})" \
        if len(ranked) > 1 else "; only candidate"
    reason = f"{p.name} ({p.kind}{', ' + where if where else ''}): {why}{alt}"
    if part is not None:
        # a part of a city or a feature beside it is the area around the city, not its point
        level = "district" if p.kind == "city" else precision_of(p)
        return PlaceMention(m.start, m.end, m.text, m.label, p, level, round(0.6 * conf, 3), m.cue, PART_METHOD,
                            f"'{m.text}' is not in the gazetteer; it names a part of, or a feature at, "
                            f"'{part}', at {level} precision -> {reason}")
    return PlaceMention(m.start, m.end, m.text, m.label, p, precision_of(p), conf, m.cue, METHOD, reason)


def _fallbacks(text: str, resolved: list[PlaceMention]) -> list[PlaceMention]:
    """Place names not in the gazetteer take the district/region named beside them (never a wrong
    point); one named like a building ("Thomas Memorial Hospital", "Xavier University") takes the
    town named beside it, or the town the article names most, at district precision. Place names:
    spaCy's GPE/LOC, gazetteer matches, and gold spans in the evaluation."""
    out = list(resolved)
    for i, pm in enumerate(resolved):
        if pm.place is not None:
            continue
        if pm.label not in ("GPE", "LOC", "GAZ", "GOLD"):
            continue  # spaCy's FAC spans stay unresolved: most are buildings, not places to map
        if _FACILITY.search(pm.text):
            host = _facility_host(text, resolved, pm)
            if host is not None:
                level = "district" if host.place.kind == "city" else precision_of(host.place)  # type: ignore[union-attr]
                out[i] = PlaceMention(pm.start, pm.end, pm.text, pm.label, host.place, level,
                                      round(0.5 * host.confidence, 3), pm.cue, FALLBACK_METHOD,
                                      f"'{pm.text}' is a building or site not in the gazetteer; placed in "
                                      f"{host.place.name} ({host.place.kind}), the place named "  # type: ignore[union-attr]
                                      f"{'beside it' if _same_sentence(text, host, pm) else 'most in the article'}, "
                                      f"at {level} precision")
            continue
        host = _nearby_admin(text, resolved, pm)
        if host is None:
            continue
        level = precision_of(host.place)  # type: ignore[arg-type]
        out[i] = PlaceMention(pm.start, pm.end, pm.text, pm.label, host.place, level, round(0.5 * host.confidence, 3),
                              pm.cue, FALLBACK_METHOD,
                              f"'{pm.text}' is not in the gazetteer; fell back to {host.place.name} "  # type: ignore[union-attr]
                              f"({level}) named nearby, at that precision")
    return out


def _facility_host(text: str, resolved: Sequence[PlaceMention], pm: PlaceMention) -> PlaceMention | None:
    """The nearest town or district named in the same sentence, else the town the article names most."""
    local = [r for r in resolved if r.place is not None and r.method == METHOD
             and r.place.kind in ("city", "admin2")]
    same = [r for r in local if _same_sentence(text, r, pm)]
    if same:
        return min(same, key=lambda r: abs(r.start - pm.start))
    counts = Counter(r.place.geonameid for r in local)  # type: ignore[union-attr]
    if not counts:
        return None
    (gid, n), *rest = counts.most_common(2)
    if rest and rest[0][1] == n:
        return None  # two towns named as often: no way to tell which one holds it
    return next(r for r in local if r.place.geonameid == gid)  # type: ignore[union-attr]


def _nearby_admin(text: str, resolved: Sequence[PlaceMention], pm: PlaceMention) -> PlaceMention | None:
    """The closest admin-2/admin-1 mention in the same sentence, else the article's main admin-1."""
    admins = [r for r in resolved if r.place is not None and r.place.kind in ("admin2", "admin1")]
    same = [r for r in admins if _same_sentence(text, r, pm)]
    if same:
        return min(same, key=lambda r: (r.place.kind != "admin2", abs(r.start - pm.start)))  # type: ignore[union-attr]
    countries = Counter(r.place.country for r in resolved if r.place is not None and r.place.country)
    if not countries:
        return None
    main = countries.most_common(1)[0][0]  # an article mostly about one country: its main region
    counts = Counter(r.place.geonameid for r in admins if r.place.country == main)  # type: ignore[union-attr]
    if counts:
        gid = counts.most_common(1)[0][0]
        return next(r for r in admins if r.place.geonameid == gid)  # type: ignore[union-attr]
    return None


def _same_sentence(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    lo, hi = sorted((a.start, b.start))
    between = text[lo:hi]
    return not any(mark in between for mark in (". ", "\n", "! ", "? "))
