"""An event's fields from its reports: votes and most-specific choices, disagreements kept.

Type by vote; place: the most specific place (complete linkage guarantees the others contain
it); date: the most precise, then most reported; numbers: the range across reports, with
"dead: 5–7 across 4 reports" kept when reports differ; actors that no two reports share are
reported as disputed. Then independent origins and the corroboration status.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from ..model import Event, EventDate, EventMember, EventNumber
from .core import Cluster
from .features import ReportFeatures

METHOD = "cluster.consensus.v1"
_DATE_RANK = {"day": 4, "week": 3, "month": 2, "year": 1, "unknown": 0}
_LATE = datetime.max

SINGLE, MULTI, ATTRIBUTED, CONTESTED = "single-source", "multi-source", "attributed-only", "contested"
CORROBORATION = (SINGLE, MULTI, ATTRIBUTED, CONTESTED)


def build_event(cluster: Cluster) -> Event:
    """The consensus record of one cluster, with its members in first-reported order."""
    reps = cluster.members
    ptype, pmode, type_note = _type_vote(reps)
    date_, date_note = _date(reps)
    numbers, number_notes = _numbers(reps)
    actors, actor_note = _parties(reps, "actors")
    recipients, _ = _parties(reps, "recipients")
    order = sorted(range(len(reps)), key=lambda i: (reps[i].published or _LATE, reps[i].report_id))
    members = tuple(_member(reps[i], cluster.reasons[i]) for i in order)
    first = reps[order[0]]
    origins = origin_names(reps)
    origin_keys = {r.origin for r in reps}
    status, why = corroboration(reps)
    notes = tuple(n for n in (type_note, date_note, *number_notes, actor_note) if n)
    place = max((r for r in reps), key=lambda r: (r.place_rank, r.place is not None, r.report_id)).place
    articles = {r.article_id for r in reps}
    outlets = {r.outlet or f"article:{r.article_id}" for r in reps}
    return Event(
        id=cluster.event_id, family=reps[0].family, plover_type=ptype, plover_mode=pmode, date=date_,
        place=place if place is not None and place.place is not None else None,
        actors=actors, recipients=recipients, numbers=numbers, disagreements=notes,
        reports=len(articles), mentions=len(reps), outlets=len(outlets), origins=origins,
        first_published=first.published, first_outlet=first.outlet, first_article_id=first.article_id,
        any_asserted=any(r.asserts for r in reps), corroboration=status, members=members, method=METHOD,
        reason=(f"{len(reps)} report(s) from {len(articles)} article(s), {len(origin_keys)} independent "
                f"origin(s); {why}"))


def corroboration(reps: tuple[ReportFeatures, ...]) -> tuple[str, str]:
    """contested (a denial) > attributed-only (nobody asserts it) > multi-source > single-source."""
    origins = {r.origin for r in reps}
    if any(r.status == "denied" for r in reps):
        return CONTESTED, "a report denies it"
    asserting = {r.origin for r in reps if r.asserts}
    if not asserting:
        return ATTRIBUTED, "no report asserts it: only attributed, hedged or hypothetical accounts"
    if len(origins) >= 2 and len(asserting) >= 1:
        return MULTI, f"{len(origins)} independent origins, {len(asserting)} asserting it"
    return SINGLE, "one independent origin"


def origin_names(reps: tuple[ReportFeatures, ...]) -> tuple[str, ...]:
    """One display name per independent origin ("The Kyiv Independent" and "Kyiv Independent" are one)."""
    names: dict[str, Counter[str]] = {}
    for r in reps:
        names.setdefault(r.origin, Counter())[r.origin_name] += 1
    chosen = (min(c.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0] for c in names.values())
    return tuple(sorted(chosen, key=str.lower))


def _member(r: ReportFeatures, why: str) -> EventMember:
    return EventMember(r.report_id, r.article_id, r.outlet, r.published, r.status, r.origin_name, r.asserts,
                       r.origin_reason, METHOD, why)


def _type_vote(reps: tuple[ReportFeatures, ...]) -> tuple[str, str | None, str]:
    votes = Counter((r.plover_type, r.plover_mode or "") for r in reps)
    (ptype, pmode), _ = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    note = ""
    if len(votes) > 1:
        note = "type: " + ", ".join(f"{t}{':' + m if m else ''} ×{n}" for (t, m), n in
                                    sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])))
    return ptype, pmode or None, note


def _date(reps: tuple[ReportFeatures, ...]) -> tuple[EventDate, str]:
    dated = [r for r in reps if r.date_value is not None]
    if not dated:
        return EventDate(None, "unknown", method=METHOD, reason="no report gives a date"), ""
    best = max(_DATE_RANK.get(r.date_precision, 0) for r in dated)
    top = [r for r in dated if _DATE_RANK.get(r.date_precision, 0) == best]
    votes = Counter(r.date_value for r in top)
    value, n = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    precision = top[0].date_precision
    note = ""
    if len(votes) > 1:
        note = "date: " + ", ".join(f"{d} ×{k}" for d, k in sorted(votes.items()))
    return EventDate(value, precision, method=METHOD,
                     reason=f"most precise date ({precision}) given by {n} of {len(reps)} report(s)"), note


def _numbers(reps: tuple[ReportFeatures, ...]) -> tuple[tuple[EventNumber, ...], list[str]]:
    by_kind: dict[str, list[tuple[ReportFeatures, EventNumber]]] = {}
    for r in reps:
        largest: dict[str, EventNumber] = {}
        for num in r.numbers:  # one figure per report and kind: the largest (the total, not a part)
            if num.kind not in largest or num.high > largest[num.kind].high:
                largest[num.kind] = num
        for kind, num in largest.items():
            by_kind.setdefault(kind, []).append((r, num))
    out, notes = [], []
    for kind in sorted(by_kind):
        figures = by_kind[kind]
        low = min(n.low for _, n in figures)
        high = max(n.high for _, n in figures)
        distinct = {(n.low, n.high) for _, n in figures}
        qualifier = "range" if len(distinct) > 1 else figures[0][1].qualifier
        out.append(EventNumber(kind, low, high, qualifier, -1, -1, METHOD,
                               f"range of {len(figures)} report(s)' figures"))
        if len(distinct) > 1:
            notes.append(f"{kind}: {low}–{high} across {len(figures)} reports")
    return tuple(out), notes


def _parties(reps: tuple[ReportFeatures, ...], field: str) -> tuple[tuple[str, ...], str]:
    """Names in order of support; "actor disputed" when two reports name actors sharing no name or country."""
    named = [(getattr(r, field), r.countries) for r in reps if getattr(r, field)]
    votes = Counter(a for names, _ in named for a in names)
    ranked = tuple(a for a, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])))
    disputed = any(not (x & y) and not (cx & cy) for i, (x, cx) in enumerate(named) for y, cy in named[i + 1:])
    note = ""
    if disputed:
        note = "actor disputed: " + " vs ".join(f"{a} ({n})" for a, n in
                                                sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])))
    return ranked, note
