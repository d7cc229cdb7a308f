"""Event clustering: a deterministic function of the *set* of reports, whatever their order.

1. Blocking proposes pairs; the pair test (:func:`compatible`) keeps the compatible ones.
2. Connected components of that graph are *blocks*: nothing outside a block can affect it,
   so an incremental run only recomputes the blocks a new article touches.
3. Inside a block, reports are taken in a canonical order (earliest date interval, most
   specific place first, then publication time and id) and each joins the largest open
   cluster whose every member passes the pair test with it (complete linkage), else starts
   one. Vague reports (no date, place or actor of their own) come last and may only join an
   event of their own article. Complete
   linkage is what keeps a region-level report from chaining two different towns together.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from .blocking import candidate_pairs
from .compat import compatible
from .features import ReportFeatures

METHOD = "cluster.greedy.v1"
_LATE = datetime.max
_FAR = date.max


@dataclass(frozen=True, slots=True)
class Cluster:
    """The reports of one event, the block they came from, and why each one joined."""

    event_id: str
    block: str
    members: tuple[ReportFeatures, ...]
    reasons: tuple[str, ...]  # one per member, same order


def cluster_reports(reports: Iterable[ReportFeatures]) -> list[Cluster]:
    """Group reports into events; the same set gives the same clusters in any order."""
    ordered = sorted({r.report_id: r for r in reports}.values(), key=lambda r: r.report_id)
    adjacency = _graph(ordered)
    clusters: list[Cluster] = []
    for component in _components(len(ordered), adjacency):
        clusters += _cluster_block([ordered[i] for i in component], adjacency, component)
    clusters.sort(key=lambda c: c.event_id)
    return clusters


def _graph(reports: Sequence[ReportFeatures]) -> dict[int, dict[int, str]]:
    adjacency: dict[int, dict[int, str]] = defaultdict(dict)
    for i, j in candidate_pairs(reports):
        verdict = compatible(reports[i], reports[j])
        if verdict:
            adjacency[i][j] = adjacency[j][i] = verdict.reason
    return adjacency


def _components(n: int, adjacency: dict[int, dict[int, str]]) -> list[list[int]]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, neighbours in adjacency.items():
        for j in neighbours:
            ri, rj = find(i), find(j)
            if ri != rj:
                parent[max(ri, rj)] = min(ri, rj)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return [groups[k] for k in sorted(groups)]


def _canonical(r: ReportFeatures) -> tuple[object, ...]:
    return (r.lo or _FAR, -r.place_rank, r.published or _LATE, r.report_id)


def _cluster_block(reports: list[ReportFeatures], adjacency: dict[int, dict[int, str]],
                   index: list[int]) -> list[Cluster]:
    """Complete-linkage greedy assignment inside one block, in canonical order; vague reports last."""
    block = block_id(r.report_id for r in reports)
    pos = dict(zip((r.report_id for r in reports), index, strict=True))
    by_id = {pos[r.report_id]: r for r in reports}
    groups: list[list[int]] = []  # member graph indices
    spans: list[date] = []  # latest day each group may lie on
    active: list[int] = []  # groups that can still take members (sweep over the date order)
    reasons: dict[int, str] = {}
    for r in sorted((r for r in reports if not r.vague), key=_canonical):
        active = [g for g in active if r.lo is None or spans[g] >= r.lo]
        g = _best_group(r, active, groups, by_id, adjacency.get(pos[r.report_id], {}))
        if g is None:
            active.append(len(groups))
            spans.append(r.hi or _FAR)
        else:
            spans[g] = max(spans[g], r.hi or _FAR)
        reasons[pos[r.report_id]] = _place_in(pos[r.report_id], g, groups, r, by_id)
    for r in sorted((r for r in reports if r.vague), key=_canonical):
        own = [g for g, members in enumerate(groups) if any(by_id[m].article_id == r.article_id for m in members)]
        g = _best_group(r, own, groups, by_id, adjacency.get(pos[r.report_id], {}))
        reasons[pos[r.report_id]] = _place_in(pos[r.report_id], g, groups, r, by_id)
    out = []
    for members in groups:
        recs = tuple(by_id[m] for m in members)
        first = min(recs, key=lambda r: (r.published or _LATE, r.report_id))
        out.append(Cluster(event_id(first.report_id), block, recs, tuple(reasons[m] for m in members)))
    return out


def _best_group(r: ReportFeatures, options: list[int], groups: list[list[int]], by_id: dict[int, ReportFeatures],
                near: dict[int, str]) -> int | None:
    """The group r fits in full (most linked members, then largest, then oldest), or None."""
    fits = [g for g in options if _fits(r, [by_id[m] for m in groups[g]])]
    if not fits:
        return None
    return max(fits, key=lambda k: (sum(m in near for m in groups[k]), len(groups[k]), -k))


def _fits(r: ReportFeatures, members: list[ReportFeatures]) -> bool:
    """Complete linkage: compatible with every member; a vague report constrains only its own article."""
    linked = False
    for m in members:
        if (r.vague or m.vague) and r.article_id != m.article_id:
            continue
        if not compatible(r, m):
            return False
        linked = True
    return linked


def _place_in(i: int, g: int | None, groups: list[list[int]], r: ReportFeatures,
              by_id: dict[int, ReportFeatures]) -> str:
    """Put report i in group g (a new group when None) and say why."""
    if g is None:
        groups.append([i])
        return f"{METHOD}: starts an event (no earlier event it fits in full)"
    first = by_id[groups[g][0]]
    groups[g].append(i)
    return (f"{METHOD}: passes the pair test with the {len(groups[g]) - 1} earlier member(s); "
            f"{compatible(r, first).reason}")


def event_id(first_report_id: str) -> str:
    """Events are named after their first-reported report, so ids are stable across runs."""
    return "E" + hashlib.sha1(first_report_id.encode()).hexdigest()[:15]


def block_id(report_ids: Iterable[str]) -> str:
    return "B" + hashlib.sha1(min(report_ids).encode()).hexdigest()[:15]
