"""The pair test: could two event reports describe the same real event?

A deterministic, symmetric function of the two reports alone, so the clusters built on it
do not depend on the order reports arrive in. Every refusal says why.
"""

from __future__ import annotations

from dataclasses import dataclass

from .features import VERBAL_FAMILIES, ReportFeatures

METHOD = "cluster.pair.v1"


@dataclass(frozen=True, slots=True)
class Verdict:
    ok: bool
    reason: str

    def __bool__(self) -> bool:
        return self.ok


def compatible(a: ReportFeatures, b: ReportFeatures) -> Verdict:
    """Same family, overlapping dates, same-or-nested place, and no conflicting actors."""
    if a.family != b.family:
        return Verdict(False, f"type families differ ({a.family} vs {b.family})")
    if a.lo is None or b.lo is None or a.hi is None or b.hi is None:
        return Verdict(False, "a report cannot be placed in time")
    if a.hi < b.lo or b.hi < a.lo:
        return Verdict(False, f"dates do not overlap ({_iv(a)} vs {_iv(b)})")
    if a.article_id != b.article_id and (a.vague or b.vague):
        return Verdict(False, "a report has no date, place or actor of its own: it only joins its article's events")
    place = _places(a, b)
    if not place:
        return place
    actors = _actors(a, b, _same_subnational_place(a, b))
    if not actors:
        return actors
    return Verdict(True, f"same family {a.family}; dates overlap; {place.reason}; {actors.reason}")


def _iv(r: ReportFeatures) -> str:
    return str(r.lo) if r.lo == r.hi else f"{r.lo}..{r.hi}"


def _places(a: ReportFeatures, b: ReportFeatures) -> Verdict:
    """Nested chains agree (a city inside a region); two different places at any level do not.

    Statements and meetings are often placed by their topic ("an end to the regime in
    Russia"), so for those only two differing towns/districts keep reports apart.
    """
    if not a.place_chain or not b.place_chain:
        return Verdict(True, "a report has no place")
    short, long = sorted((a.place_chain, b.place_chain), key=len)
    if long[: len(short)] == short:
        return Verdict(True, "same place" if short == long else "nested places")
    if a.family in VERBAL_FAMILIES and min(a.place_rank, b.place_rank) < 3:
        return Verdict(True, "statement placed by topic at country/region level")
    return Verdict(False, f"places differ ({'/'.join(a.place_chain)} vs {'/'.join(b.place_chain)})")


def _same_subnational_place(a: ReportFeatures, b: ReportFeatures) -> bool:
    """Both located, nested, and the vaguer one is at least admin-1: strong evidence of one event."""
    if min(a.place_rank, b.place_rank) < 2:
        return False
    short, long = sorted((a.place_chain, b.place_chain), key=len)
    return long[: len(short)] == short


def _actors(a: ReportFeatures, b: ReportFeatures, strong_place: bool) -> Verdict:
    """Resolved parties must overlap (by name or country) when both reports name any.

    Where both reports put the event in the same town or region on the same days, differing
    actors do not split it: that is an "actor disputed" disagreement, kept on the event.
    """
    if not a.parties or not b.parties:
        return Verdict(True, "a report names no resolved actor")
    shared = a.parties & b.parties
    if shared:
        return Verdict(True, f"shared actor {sorted(shared)[0]}")
    if a.countries & b.countries:
        return Verdict(True, f"parties from the same country {sorted(a.countries & b.countries)[0]}")
    if strong_place:
        return Verdict(True, "actors differ but place and date agree (actor disputed)")
    return Verdict(False, f"no shared actor ({', '.join(sorted(a.parties))} vs {', '.join(sorted(b.parties))})")
