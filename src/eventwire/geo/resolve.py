"""Toponym resolution (``geo.rank.v1``): each mention -> one gazetteer entry, with precision and why.

The score of a candidate adds up the evidence people use: the cue next to the name (region or
city), the other places of the article (same country, same admin-1, "X, Y" containment),
how the name reached the entry (own name, alternate, demonym, a region named after its
capital) and population as a prior. Names the gazetteer lacks fall back to the district or
region named beside them, with that precision; one unresolvable name never stops the others.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Place, PlaceMention
from .gazetteer import Candidate, Gazetteer
from .mentions import RawMention

METHOD = "geo.rank.v1"
FALLBACK_METHOD = "geo.fallback.v1"
PRECISION = {"city": "exact", "admin2": "district", "admin1": "admin1", "country": "country",
             "continent": "continent"}
_KIND_PRIOR = {"country": 5.0, "continent": 4.5, "admin1": 0.5, "admin2": -1.0, "city": 0.0}
_HOW_PRIOR = {"name": 0.0, "alt": -0.4, "abbr": -0.2, "demonym": 0.0, "capital": -1.5}
_FCODE_PRIOR = {"PPLC": 1.5, "PPLA": 0.5}
_ADMIN_POP_SHARE = 1 / 3  # an admin unit's summed city population overstates how often it is meant


@dataclass(frozen=True, slots=True)
class Context:
    """What the rest of the article says about where we are."""

    countries: Counter[str]
    admin1: Counter[int]
    hint_country: str | None = None  # outlet / dateline country


@dataclass(frozen=True, slots=True)
class Scored:
    cand: Candidate
    score: float
    why: tuple[str, ...]


def _pop_prior(place: Place) -> float:
    if place.kind in ("country", "continent"):
        return 0.2 * math.log10(max(place.population, 1))  # only breaks ties between countries
    pop = place.population
    if place.kind in ("admin1", "admin2"):
        pop = int(pop * _ADMIN_POP_SHARE)
    return math.log10(max(pop, 1))


def score_candidate(cand: Candidate, m: RawMention, ctx: Context, container: Place | None,
                    country_owner: bool = False) -> Scored:
    p = cand.place
    why: list[str] = []
    kind_prior = _KIND_PRIOR.get(p.kind, 0.0)
    if p.kind in ("country", "continent") and cand.how == "alt":
        kind_prior -= 2.0
    s = kind_prior + _HOW_PRIOR.get(cand.how, 0.0) + _pop_prior(p) + _FCODE_PRIOR.get(p.feature_code, 0.0)
    if country_owner and p.kind not in ("country", "continent"):
        s -= 3.0  # "Mexico" is the country's own name before it is an alias of Mexico City
    if cand.how == "capital":
        why.append("region named after its capital")
    if cand.how == "demonym":
        why.append(f"demonym of {p.name}")
    if m.cue_kind == "admin1":
        s += {"admin1": 6.0, "admin2": 2.0}.get(p.kind, -3.0)
        why.append(f"admin-1 cue {m.cue!r}")
    elif m.cue_kind == "district":
        s += {"admin2": 6.0, "admin1": 1.0}.get(p.kind, -3.0)
        why.append(f"district cue {m.cue!r}")
    elif m.cue_kind == "city":
        s += 4.0 if p.kind == "city" else -4.0
        why.append(f"city cue {m.cue!r}")
    if p.kind not in ("country", "continent") and p.country and ctx.countries.get(p.country, 0) > 0:
        s += 1.5 * min(1.0, ctx.countries[p.country] / 2)
        why.append(f"article names other places in {p.country}")
    elif p.kind == "country" and p.country and ctx.countries.get(p.country, 0) > 0:
        s += 0.5
    if p.admin1_id and ctx.admin1.get(p.admin1_id, 0) > 0:
        s += 1.0 * min(1.0, ctx.admin1[p.admin1_id])
        why.append(f"shares region {p.admin1} with other mentions")
    if ctx.hint_country and p.country == ctx.hint_country:
        s += 0.5
        why.append("outlet/dateline country")
    if container is not None and p.kind not in ("country", "continent") and _inside(p, container):
        s += 3.0
        why.append(f"written as '{m.text}, {container.name}'")
    return Scored(cand, s, tuple(why))


def _inside(p: Place, container: Place) -> bool:
    if container.kind == "country":
        return p.country == container.country and p.kind != "country"
    if container.kind == "admin1":
        return p.admin1_id == container.geonameid
    if container.kind == "admin2":
        return p.admin2_id == container.geonameid
    return False


def _context(picks: Sequence[Scored | None], skip: int, keys: Sequence[str]) -> tuple[Counter[str], Counter[int]]:
    countries: Counter[str] = Counter()
    admin1: Counter[int] = Counter()
    own = keys[skip]
    for i, pick in enumerate(picks):
        if pick is None or i == skip or keys[i] == own:
            continue
        p = pick.cand.place
        if p.country:
            countries[p.country] += 1
        if p.kind == "admin1":
            admin1[p.geonameid] += 1
        elif p.admin1_id:
            admin1[p.admin1_id] += 1
    return countries, admin1


def _anchor(cands: Sequence[Candidate]) -> Scored | None:
    """A first guess used only as context: unambiguous names, countries, demonyms."""
    if not cands:
        return None
    countries = {c.place.country for c in cands}
    top = max(cands, key=lambda c: (_KIND_PRIOR.get(c.kind, 0) + _pop_prior(c.place)))
    if len(countries) == 1 or top.kind == "country":
        return Scored(top, 0.0, ())
    return None


def resolve(text: str, mentions: Sequence[RawMention], gaz: Gazetteer, hint_country: str | None = None,
            rounds: int = 2) -> list[PlaceMention]:
    """Resolve every mention of one article together (their context is each other)."""
    cands = [gaz.lookup(m.text) for m in mentions]
    keys = [m.text.casefold() for m in mentions]
    picks: list[Scored | None] = [_anchor(c) for c in cands]
    ranked: list[list[Scored]] = [[] for _ in mentions]
    for _ in range(rounds):
        containers = _containers(text, mentions, picks)
        new: list[Scored | None] = []
        for i, m in enumerate(mentions):
            countries, admin1 = _context(picks, i, keys)
            ctx = Context(countries, admin1, hint_country)
            owner = any(c.kind in ("country", "continent") and c.how in ("name", "demonym", "abbr") for c in cands[i])
            ranked[i] = sorted((score_candidate(c, m, ctx, containers.get(i), owner) for c in cands[i]),
                               key=lambda sc: -sc.score)
            new.append(ranked[i][0] if ranked[i] else None)
        picks = new
    out = [_mention(m, ranked[i]) for i, m in enumerate(mentions)]
    return _fallbacks(text, out)


def _containers(text: str, mentions: Sequence[RawMention], picks: Sequence[Scored | None]) -> dict[int, Place]:
    """'Pandi, Bulacan' / 'Kharkiv in Ukraine': the second name contains the first."""
    out: dict[int, Place] = {}
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        gap = text[a.end:b.start]
        if gap.strip() in (",", "in", ", in") or gap in (", ", " in "):
            pick = picks[i + 1]
            if pick is not None and pick.cand.place.kind in ("country", "admin1", "admin2"):
                out[i] = pick.cand.place
    return out


def _mention(m: RawMention, ranked: Sequence[Scored]) -> PlaceMention:
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
    return PlaceMention(m.start, m.end, m.text, m.label, p, PRECISION.get(p.kind, "exact"), conf, m.cue,
                        METHOD, reason)


def _fallbacks(text: str, resolved: list[PlaceMention]) -> list[PlaceMention]:
    """Names not in the gazetteer take the district/region named beside them (never a wrong point)."""
    out = list(resolved)
    for i, pm in enumerate(resolved):
        if pm.place is not None or pm.label not in ("GPE", "LOC", "GAZ"):
            continue
        host = _nearby_admin(text, resolved, pm)
        if host is None:
            continue
        level = PRECISION[host.place.kind]  # type: ignore[union-attr]
        out[i] = PlaceMention(pm.start, pm.end, pm.text, pm.label, host.place, level, round(0.5 * host.confidence, 3),
                              pm.cue, FALLBACK_METHOD,
                              f"'{pm.text}' is not in the gazetteer; fell back to {host.place.name} "  # type: ignore[union-attr]
                              f"({level}) named nearby, at that precision")
    return out


def _nearby_admin(text: str, resolved: Sequence[PlaceMention], pm: PlaceMention) -> PlaceMention | None:
    """The closest admin-2/admin-1 mention in the same sentence, else the article's main admin-1."""
    admins = [r for r in resolved if r.place is not None and r.place.kind in ("admin2", "admin1")]
    same = [r for r in admins if _same_sentence(text, r, pm)]
    if same:
        return min(same, key=lambda r: (r.place.kind != "admin2", abs(r.start - pm.start)))  # type: ignore[union-attr]
    counts = Counter(r.place.geonameid for r in admins)  # type: ignore[union-attr]
    if counts:
        gid = counts.most_common(1)[0][0]
        return next(r for r in admins if r.place.geonameid == gid)  # type: ignore[union-attr]
    return None


def _same_sentence(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    lo, hi = sorted((a.start, b.start))
    between = text[lo:hi]
    return not any(mark in between for mark in (". ", "\n", "! ", "? "))
