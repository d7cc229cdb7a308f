"""Blocking: which report pairs are worth testing at all (keeps clustering sub-quadratic).

A report is filed under keys (type family, ISO week, place token) for every week its date
interval touches. Place tokens: a located report is filed under its country and admin-1
(or the country alone when that is all it has) and also *looks up* the country-level key,
so a region or country report meets the city reports inside it; an unlocated report is
filed under "-" and its actors' countries. Every report is also filed under its article
(so a vague report meets its article's events); statements also under their actors and
their actors' countries, because where a statement was made is often unknown or only its topic. Only reports sharing
a key are compared: the work is the sum of block sizes squared, not the square of the total.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from .features import VERBAL_FAMILIES, ReportFeatures

METHOD = "cluster.block.v1"
Key = tuple[str, int, str]


def _tokens(r: ReportFeatures) -> tuple[set[str], set[str]]:
    """(filed under, looked up in) place/actor tokens of one report."""
    if r.place_chain:
        country = r.place_chain[0]
        own = {f"{country}/{r.admin1}" if r.admin1 else f"{country}/*"}
        look = own | {f"{country}/*"}
    else:
        own = {"-"} | {f"c:{c}/*" for c in r.countries}
        look = set(own)
    extra = {f"article:{r.article_id}"}  # a report always meets the other reports of its article
    if r.family in VERBAL_FAMILIES:
        extra |= {f"actor:{a}" for a in r.parties} | {f"actor-country:{c}" for c in r.countries}
    return own | extra, look | extra


def block_keys(r: ReportFeatures) -> tuple[list[Key], list[Key]]:
    """Keys a report is filed under and keys it looks up (empty when it cannot be placed in time)."""
    if r.lo is None or r.hi is None:
        return [], []
    weeks = range(r.lo.toordinal() // 7, r.hi.toordinal() // 7 + 1)
    own, look = _tokens(r)
    return ([(r.family, w, t) for w in weeks for t in sorted(own)],
            [(r.family, w, t) for w in weeks for t in sorted(look)])


def candidate_pairs(reports: Sequence[ReportFeatures]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) of reports that share a block, each pair once."""
    filed: dict[Key, list[int]] = defaultdict(list)
    looked: dict[Key, list[int]] = defaultdict(list)
    for i, r in enumerate(reports):
        own, look = block_keys(r)
        for k in own:
            filed[k].append(i)
        for k in look:
            looked[k].append(i)
    seen: set[tuple[int, int]] = set()
    for key, members in filed.items():
        for i in members:
            for j in looked.get(key, ()):
                if i == j:
                    continue
                pair = (i, j) if i < j else (j, i)
                if pair not in seen:
                    seen.add(pair)
                    yield pair
