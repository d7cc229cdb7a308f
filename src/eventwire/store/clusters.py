"""Clustered events in the store: build report features from the tables, recluster, query.

``events`` holds one row per event (consensus fields, kept disagreements, origins,
corroboration); ``event_members`` one row per event report with its origin and why it
joined (DDL: store/schema.py migration 40). :func:`recluster` recomputes only the blocks
that changed articles touch, or everything when no article is given; either way the result
equals a full run on the same set of reports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ..cluster.consensus import build_event
from ..cluster.core import cluster_reports
from ..cluster.features import ReportFeatures, date_interval, family_of, place_chain
from ..cluster.origins import ArticleSource, outlet_key, report_origin
from ..errors import NotFound, StoreError
from ..model import Event, EventDate, EventMember, EventNumber, Place, PlaceMention
from .bulk import insert_rows

if TYPE_CHECKING:
    from . import Store

Connection = Any
CLUSTER_TABLES = ("events", "event_members")
FALLBACK_METHOD = "cluster.place_fallback.v1"
_CHUNK = 500

__all__ = ["ClusterSummary", "EventListRow", "ReportCluster", "cluster_events", "load_cluster_event",
           "recluster", "report_clusters", "stored_features"]


# -- reading reports as features ----------------------------------------------------------
_REPORT_SQL = """
SELECT e.id, e.article_id, e.plover_type, e.plover_mode, e.acled_type, e.acled_subtype, e.cameo_root,
       e.sentence_start, e.date_value, e.date_precision, e.status, e.status_qualifiers, e.status_source,
       a.published,
       l.start_char, l.end_char, l.text, l.geonameid, l.name, l.kind, l.country, l.country_iso3, l.admin1,
       l.admin1_id, l.lat, l.lon, l.precision, l.confidence, l.method, l.reason,
       (SELECT any_value(p.admin2_id) FROM place_mentions p WHERE p.article_id = e.article_id
          AND p.start_char = l.start_char AND p.end_char = l.end_char) AS admin2_id
FROM event_reports e JOIN articles a ON a.id = e.article_id
LEFT JOIN event_locations l ON l.event_id = e.id AND l.article_id = e.article_id
"""


def _chunks(items: Sequence[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), _CHUNK):
        yield list(items[i:i + _CHUNK])


def _marks(n: int) -> str:
    return ",".join("?" * n)


def stored_features(con: Connection, where: str = "1=1", params: Sequence[Any] = ()) -> list[ReportFeatures]:
    """Features of the stored reports matching ``where`` (SQL over ``e`` reports, ``a`` articles)."""
    rows = con.execute(f"{_REPORT_SQL} WHERE {where}", list(params)).fetchall()
    if not rows:
        return []
    ids = sorted({r[0] for r in rows})
    args = _arguments(con, ids)
    sources = _sources(con, sorted({r[1] for r in rows}))
    fallback = _sentence_places(con, sorted(r[0] for r in rows if r[17] is None))
    return [_features(r, args.get(r[0], ([], [], [], [])), sources[r[1]], fallback.get(r[0])) for r in rows]


def _sentence_places(con: Connection, ids: list[str]) -> dict[str, PlaceMention]:
    """For reports the places stage left unlocated: the one sub-national place their sentence names.

    The event coder often reads "shelled Kharkiv" as a recipient rather than a place, so the
    report has no location although the places layer resolved "Kharkiv" in the same sentence.
    Used only when the sentence's resolved places lie on one chain (no two different towns).
    """
    found: dict[str, list[PlaceMention]] = {}
    for chunk in _chunks(ids):
        rows = con.execute(
            f"""SELECT e.id, p.start_char, p.end_char, p.text, p.geonameid, p.name, p.kind, p.country, p.country_iso3,
                       p.admin1, p.admin1_id, p.admin2_id, p.lat, p.lon, p.precision, p.confidence
                FROM event_reports e JOIN place_mentions p ON p.article_id = e.article_id
                 AND p.start_char >= e.sentence_start AND p.end_char <= e.sentence_end
                WHERE e.id IN ({_marks(len(chunk))}) AND p.geonameid IS NOT NULL
                  AND p.precision IN ('exact', 'district', 'admin1')
                ORDER BY e.id, p.start_char""", chunk).fetchall()
        for rid, s, e, text, gid, name, kind, cc, iso3, a1, a1_id, a2_id, lat, lon, prec, conf in rows:
            place = Place(gid, name, kind, "", cc, iso3, a1, a1_id, None, a2_id, lat, lon)
            found.setdefault(rid, []).append(PlaceMention(
                s, e, text, "", place, prec, conf or 0.0, "", FALLBACK_METHOD,
                f"report had no location; {text!r} is the only place resolved in its sentence"))
    out = {}
    for rid, mentions in found.items():
        chains = sorted(((place_chain(m), m) for m in mentions), key=lambda cm: -len(cm[0]))
        top = chains[0][0]
        if top and all(top[: len(c)] == c for c, _ in chains):
            out[rid] = chains[0][1]
    return out


def _features_for(con: Connection, report_ids: Iterable[str]) -> list[ReportFeatures]:
    out: list[ReportFeatures] = []
    for chunk in _chunks(sorted(set(report_ids))):
        out += stored_features(con, f"e.id IN ({_marks(len(chunk))})", chunk)
    return out


def _arguments(con: Connection, ids: list[str]) -> dict[str, tuple[list[str], list[str], list[str], list[EventNumber]]]:
    out: dict[str, tuple[list[str], list[str], list[str], list[EventNumber]]] = {}
    for chunk in _chunks(ids):
        rows = con.execute(
            f"""SELECT event_id, role, canonical, country, label, low, high, qualifier, start_char, end_char,
                       method, reason FROM event_arguments
                WHERE event_id IN ({_marks(len(chunk))}) AND role IN ('actor', 'recipient', 'number')
                ORDER BY event_id, role, idx""", chunk).fetchall()
        for eid, role, canonical, country, label, low, high, qual, s, e, meth, why in rows:
            actors, recipients, countries, numbers = out.setdefault(eid, ([], [], [], []))
            if role == "number":
                numbers.append(EventNumber(label, low, high, qual, s, e, meth, why))
                continue
            if canonical:
                (actors if role == "actor" else recipients).append(canonical)
            if country:
                countries.append(country)
    return out


def _sources(con: Connection, article_ids: list[str]) -> dict[str, ArticleSource]:
    """Each article's outlet, cited outlets and cited paragraphs, and its near-duplicate origin."""
    plain = _plain_sources(con, article_ids)
    dup: dict[str, str] = {}
    for chunk in _chunks(article_ids):
        dup.update(con.execute(f"SELECT article_id, origin_id FROM near_duplicates WHERE article_id IN "
                               f"({_marks(len(chunk))})", chunk).fetchall())
    origins = _plain_sources(con, sorted(set(dup.values()) - set(plain)))
    origins.update(plain)
    out = {}
    for aid, src in plain.items():
        origin = origins.get(dup.get(aid, aid))
        out[aid] = ArticleSource(src.article_id, src.outlet, src.url, src.cited, src.cited_paragraphs, src.all_cited,
                                 origin if origin is not None and origin.article_id != aid else None)
    return out


def _plain_sources(con: Connection, article_ids: list[str]) -> dict[str, ArticleSource]:
    out: dict[str, ArticleSource] = {}
    for chunk in _chunks(article_ids):
        marks = _marks(len(chunk))
        cited: dict[str, list[str]] = {}
        for aid, name in con.execute(f"SELECT article_id, text FROM spans WHERE layer = 'cited_outlet' AND "
                                     f"article_id IN ({marks}) ORDER BY article_id, idx", chunk).fetchall():
            cited.setdefault(aid, []).append(name)
        paras: dict[str, list[tuple[int, int, str]]] = {}
        owners: dict[str, set[str]] = {}
        for aid, s, e, origin, outlet in con.execute(
                f"SELECT article_id, start_char, end_char, origin, outlet FROM source_paragraphs "
                f"WHERE article_id IN ({marks}) ORDER BY article_id, idx", chunk).fetchall():
            owners.setdefault(aid, set()).add(f"{origin}:{outlet}")
            if origin == "cited":
                paras.setdefault(aid, []).append((s, e, outlet))
        whole = {aid: o.pop()[6:] for aid, o in owners.items() if len(o) == 1 and next(iter(o)).startswith("cited:")}
        for aid, outlet, url in con.execute(
                f"SELECT id, outlet, coalesce(canonical_url, url) FROM articles WHERE id IN ({marks})",
                chunk).fetchall():
            out[aid] = ArticleSource(aid, outlet, url, tuple(cited.get(aid, ())), tuple(paras.get(aid, ())),
                                     whole.get(aid))
    return out


def _features(row: tuple[Any, ...], args: tuple[list[str], list[str], list[str], list[EventNumber]],
              src: ArticleSource, fallback: PlaceMention | None = None) -> ReportFeatures:
    (rid, aid, ptype, pmode, acled, acled_sub, cameo, sent_start, dvalue, dprec, status, quals, status_source,
     published, *loc) = row
    actors, recipients, countries, numbers = args
    place = _place(loc) or fallback
    historical = status == "historical" or "historical" in (quals or ())
    lo, hi, why = date_interval(dvalue, dprec, published, historical)
    origin = report_origin(src, sent_start, status_source)
    asserts = status == "asserted" or (status == "attributed" and outlet_key(status_source) == origin.key)
    return ReportFeatures(
        report_id=rid, article_id=aid, plover_type=ptype, plover_mode=pmode, family=family_of(ptype, pmode),
        date_value=dvalue, date_precision=dprec, lo=lo, hi=hi, published=published, outlet=src.display,
        origin=origin.key, origin_name=origin.name, origin_reason=origin.reason, place=place,
        place_chain=place_chain(place, loc[-1] if place is not fallback else None), actors=frozenset(actors),
        recipients=frozenset(recipients),
        countries=frozenset(countries), numbers=tuple(numbers), status=status, asserts=asserts,
        acled_type=acled, acled_subtype=acled_sub, cameo_root=cameo, why_undatable=why)


def _place(loc: list[Any]) -> PlaceMention | None:
    (s, e, text, gid, name, kind, country, iso3, admin1, admin1_id, lat, lon, precision, conf, meth, why,
     admin2_id) = loc
    if gid is None:
        return None
    a1_id = None if kind == "admin1" else admin1_id
    place = Place(gid, name, kind, "", country, iso3, admin1, a1_id, None, admin2_id, lat, lon)
    return PlaceMention(s, e, text, "", place, precision, conf or 0.0, "", meth or "", why or "")


# -- (re)clustering -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ClusterSummary:
    """What one clustering run did."""

    reports: int  # reports (re)clustered
    events: int  # events written
    multi_source: int
    full: bool

    def line(self) -> str:
        scope = "all" if self.full else "affected"
        return (f"clustered {self.reports} {scope} event reports into {self.events} events "
                f"({self.multi_source} multi-source)")


def recluster(store: Store, article_ids: Iterable[str] | None = None) -> ClusterSummary:
    """Recompute events: all of them (``article_ids=None``) or the blocks these articles touch."""
    import duckdb

    con = store.con
    try:
        ids = None if article_ids is None else sorted(set(article_ids))
        if ids is None or _most_of_store(con, ids):
            return _full(con)
        return _incremental(con, ids)
    except duckdb.Error as exc:
        _rollback(con)
        raise StoreError(f"[E241] clustering failed: {exc}") from exc


def _most_of_store(con: Connection, article_ids: list[str]) -> bool:
    """A batch that touches most articles (a first ingest) is cheaper to cluster from scratch,
    and the result is the same (clustering is order-independent; see tests/test_cluster_seed.py)."""
    total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    return len(article_ids) * 2 >= total > 0


def _rollback(con: Connection) -> None:
    import duckdb

    try:
        con.execute("ROLLBACK")
    except duckdb.Error:  # no transaction was open: nothing to undo
        return


def _full(con: Connection) -> ClusterSummary:
    feats = stored_features(con)
    clusters = cluster_reports(feats)
    events = [build_event(c) for c in clusters]
    con.execute("BEGIN TRANSACTION")
    con.execute("DELETE FROM event_members")
    con.execute("DELETE FROM events")
    _write(con, events, {c.event_id: c.block for c in clusters})
    con.execute("COMMIT")
    return ClusterSummary(len(feats), len(events), sum(e.corroboration == "multi-source" for e in events), True)


def _incremental(con: Connection, article_ids: list[str]) -> ClusterSummary:
    ids = _with_near_copies(con, article_ids)
    changed = _changed_reports(con, ids)
    stale_blocks = _stale_blocks(con, ids)
    neighbours = _neighbours(con, changed)
    blocks = stale_blocks | _blocks_of(con, [r.report_id for r in neighbours])
    members = _block_members(con, blocks)
    pool = {r.report_id: r for r in _features_for(con, members)}
    pool.update({r.report_id: r for r in (*neighbours, *changed)})
    feats = list(pool.values())
    clusters = cluster_reports(feats)
    events = [build_event(c) for c in clusters]
    block_of = {c.event_id: c.block for c in clusters}
    con.execute("BEGIN TRANSACTION")
    for chunk in _chunks(sorted(blocks)):
        con.execute(f"DELETE FROM events WHERE block IN ({_marks(len(chunk))})", chunk)
        con.execute(f"DELETE FROM event_members WHERE block IN ({_marks(len(chunk))})", chunk)
    for chunk in _chunks(sorted(pool)):
        con.execute(f"DELETE FROM event_members WHERE report_id IN ({_marks(len(chunk))})", chunk)
    _write(con, events, block_of)
    con.execute("COMMIT")
    return ClusterSummary(len(feats), len(events), sum(e.corroboration == "multi-source" for e in events), False)


def _with_near_copies(con: Connection, article_ids: list[str]) -> list[str]:
    """The articles plus their near-copy groups (a new earlier copy changes the others' origin)."""
    ids = set(article_ids)
    for chunk in _chunks(article_ids):
        marks = _marks(len(chunk))
        rows = con.execute(
            f"""SELECT article_id, origin_id FROM near_duplicates WHERE origin_id IN (
                    SELECT origin_id FROM near_duplicates WHERE article_id IN ({marks})) OR origin_id IN ({marks})""",
            chunk + chunk).fetchall()
        ids |= {x for r in rows for x in r}
    return sorted(ids)


def _changed_reports(con: Connection, article_ids: list[str]) -> list[ReportFeatures]:
    """Reports of the given articles, plus any report not clustered yet."""
    out = stored_features(con, "e.id NOT IN (SELECT report_id FROM event_members)")
    for chunk in _chunks(article_ids):
        out += stored_features(con, f"e.article_id IN ({_marks(len(chunk))})", chunk)
    return list({r.report_id: r for r in out}.values())


def _stale_blocks(con: Connection, article_ids: list[str]) -> set[str]:
    """Blocks that held these articles' reports, or reports that no longer exist."""
    rows = con.execute("SELECT DISTINCT block FROM event_members WHERE report_id NOT IN "
                       "(SELECT id FROM event_reports)").fetchall()
    blocks = {r[0] for r in rows}
    for chunk in _chunks(article_ids):
        blocks |= {r[0] for r in con.execute(
            f"SELECT DISTINCT block FROM event_members WHERE article_id IN ({_marks(len(chunk))})", chunk).fetchall()}
    return blocks


def _neighbours(con: Connection, changed: list[ReportFeatures]) -> list[ReportFeatures]:
    """Stored reports compatible with a changed report (same blocks, pair test passes)."""
    from ..cluster.blocking import block_keys
    from ..cluster.compat import compatible

    dated = [r for r in changed if r.lo is not None and r.hi is not None]
    if not dated:
        return []
    lo = min(r.lo for r in dated if r.lo) - timedelta(days=366)
    hi = max(r.hi for r in dated if r.hi)
    candidates = _features_for(con, _overlapping(con, dated, lo, hi))
    filed: dict[tuple[str, int, str], list[ReportFeatures]] = {}
    for r in dated:
        own, look = block_keys(r)
        for k in {*own, *look}:
            filed.setdefault(k, []).append(r)
    changed_ids = {r.report_id for r in changed}
    out = []
    for c in candidates:
        if c.report_id in changed_ids:
            continue
        own, look = block_keys(c)
        near = {r.report_id: r for k in {*own, *look} for r in filed.get(k, ())}
        if any(compatible(c, r) for r in near.values()):
            out.append(c)
    return out


def _overlapping(con: Connection, changed: list[ReportFeatures], lo: date, hi: date) -> list[str]:
    """Ids of stored reports of a changed report's family whose date interval overlaps one of its
    intervals (a light scan; full features are then built for these only)."""
    import bisect

    spans: dict[str, list[tuple[date, date]]] = {}
    for r in changed:
        if r.lo is not None and r.hi is not None:
            spans.setdefault(r.family, []).append((r.lo, r.hi))
    merged: dict[str, tuple[list[date], list[date]]] = {}
    for fam, items in spans.items():
        starts: list[date] = []
        ends: list[date] = []
        for a, b in sorted(items):
            if ends and a <= ends[-1]:
                ends[-1] = max(ends[-1], b)
            else:
                starts.append(a)
                ends.append(b)
        merged[fam] = (starts, ends)
    rows = con.execute(
        """SELECT e.id, e.plover_type, e.plover_mode, e.date_value, e.date_precision, a.published, e.status,
                  e.status_qualifiers FROM event_reports e JOIN articles a ON a.id = e.article_id
           WHERE (e.date_value BETWEEN ? AND ?)
              OR (e.date_value IS NULL AND CAST(a.published AS DATE) BETWEEN ? AND ?)""",
        [lo, hi, lo, hi + timedelta(days=7)]).fetchall()
    out = []
    for rid, ptype, pmode, value, precision, published, status, quals in rows:
        fam = merged.get(family_of(ptype, pmode))
        if fam is None:
            continue
        historical = status == "historical" or "historical" in (quals or ())
        r_lo, r_hi, _ = date_interval(value, precision, published, historical)
        if r_lo is None or r_hi is None:
            continue
        k = bisect.bisect_right(fam[0], r_hi) - 1  # last merged span starting on/before r_hi
        if k >= 0 and fam[1][k] >= r_lo:
            out.append(rid)
    return out


def _blocks_of(con: Connection, report_ids: list[str]) -> set[str]:
    blocks: set[str] = set()
    for chunk in _chunks(sorted(report_ids)):
        blocks |= {r[0] for r in con.execute(
            f"SELECT DISTINCT block FROM event_members WHERE report_id IN ({_marks(len(chunk))})", chunk).fetchall()}
    return blocks


def _block_members(con: Connection, blocks: set[str]) -> list[str]:
    out: list[str] = []
    for chunk in _chunks(sorted(blocks)):
        out += [r[0] for r in con.execute(
            f"SELECT report_id FROM event_members WHERE block IN ({_marks(len(chunk))})", chunk).fetchall()]
    return out


def _write(con: Connection, events: list[Event], block_of: dict[str, str]) -> None:
    rows, members = [], []
    for ev in events:
        p = ev.place.place if ev.place is not None else None
        rows.append((
            ev.id, block_of[ev.id], ev.family, ev.plover_type, ev.plover_mode, ev.date.value, ev.date.precision,
            ev.date.reason, ev.place.text if ev.place else None, p.geonameid if p else None, p.name if p else None,
            p.kind if p else None, p.country_iso3 if p else None,
            (p.geonameid if p.kind == "admin1" else p.admin1_id) if p else None, p.lat if p else None,
            p.lon if p else None, ev.place.precision if ev.place else "none", list(ev.actors), list(ev.recipients),
            [n.kind for n in ev.numbers], [n.low for n in ev.numbers], [n.high for n in ev.numbers],
            list(ev.disagreements), ev.reports, ev.mentions, ev.outlets, len(ev.origins), list(ev.origins),
            ev.first_published, ev.first_outlet, ev.first_article_id, ev.any_asserted, ev.corroboration,
            ev.method, ev.reason))
        members += [(ev.id, m.report_id, m.article_id, block_of[ev.id], m.outlet, m.published, m.status, m.origin,
                     m.asserts, m.origin_reason, m.method, m.reason) for m in ev.members]
    insert_rows(con, "events", rows)
    insert_rows(con, "event_members", members)


# -- queries ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EventListRow:
    """One line of an event listing: consensus, sources (independent/total), status, first reported."""

    id: str
    date: date | None
    plover: str
    place: str | None
    actors: tuple[str, ...]
    sources: str  # "2/3": independent origins / reporting articles
    origins: tuple[str, ...]
    corroboration: str
    first_reported: datetime | None
    first_outlet: str | None
    disagreements: tuple[str, ...]


def cluster_events(con: Connection, min_sources: int | None = None, corroboration: str | None = None,
                   limit: int | None = None) -> list[EventListRow]:
    """Clustered events, newest first, filtered by independent origins and corroboration status."""
    where, params = ["1=1"], []
    if min_sources:
        where.append("n_origins >= ?")
        params.append(int(min_sources))
    if corroboration:
        where.append("corroboration = ?")
        params.append(corroboration)
    sql = (f"SELECT id, date_value, plover_type || coalesce(':' || plover_mode, ''), coalesce(place_name, place_text), "
           f"actors, n_origins || '/' || n_reports, origins, corroboration, first_published, first_outlet, "
           f"disagreements FROM events WHERE {' AND '.join(where)} "
           f"ORDER BY coalesce(date_value, CAST(first_published AS DATE)) DESC NULLS LAST, id"
           + (f" LIMIT {int(limit)}" if limit else ""))
    return [EventListRow(r[0], r[1], r[2], r[3], tuple(r[4]), r[5], tuple(r[6]), r[7], r[8], r[9], tuple(r[10]))
            for r in con.execute(sql, params).fetchall()]


@dataclass(frozen=True, slots=True)
class ReportCluster:
    """The event one report belongs to, as ``eventwire events`` shows it beside the report."""

    report_id: str
    event_id: str
    sources: str
    n_origins: int
    corroboration: str
    first_reported: datetime | None
    first_outlet: str | None


def report_clusters(con: Connection, report_ids: Sequence[str]) -> dict[str, ReportCluster]:
    """For each report id, its event's id, sources, status and first report (missing: not clustered)."""
    out: dict[str, ReportCluster] = {}
    for chunk in _chunks(sorted(set(report_ids))):
        rows = con.execute(
            f"""SELECT m.report_id, e.id, e.n_origins || '/' || e.n_reports, e.n_origins, e.corroboration,
                       e.first_published, e.first_outlet
                FROM event_members m JOIN events e ON e.id = m.event_id
                WHERE m.report_id IN ({_marks(len(chunk))})""", chunk).fetchall()
        out.update({r[0]: ReportCluster(*r) for r in rows})
    return out


def load_cluster_event(con: Connection, event_id: str) -> Event:
    """One clustered event with every member report; accepts a unique id prefix."""
    rows = con.execute("SELECT * FROM events WHERE id LIKE ? || '%' LIMIT 2", [event_id]).fetchall()
    if len(rows) != 1:
        raise NotFound(f"[E312] no clustered event {'matches' if not rows else 'is unique for'} {event_id!r}")
    rec = dict(zip([d[0] for d in con.description], rows[0], strict=True))
    members = tuple(EventMember(*r) for r in con.execute(
        """SELECT report_id, article_id, outlet, published, status, origin, asserts, origin_reason, method, reason
           FROM event_members WHERE event_id = ? ORDER BY published NULLS LAST, report_id""", [rec["id"]]).fetchall())
    place = None
    if rec["geonameid"] is not None:
        p = Place(rec["geonameid"], rec["place_name"], rec["place_kind"], "", None, rec["country"], None,
                  rec["admin1_id"], None, None, rec["lat"], rec["lon"])
        place = PlaceMention(-1, -1, rec["place_text"] or "", "", p, rec["precision"], method="cluster.consensus.v1",
                             reason="most specific place of the reports")
    numbers = tuple(EventNumber(k, lo, hi, "range" if lo != hi else "exact", -1, -1, "cluster.consensus.v1", "")
                    for k, lo, hi in zip(rec["number_kinds"], rec["number_lows"], rec["number_highs"], strict=True))
    return Event(
        id=rec["id"], family=rec["family"], plover_type=rec["plover_type"], plover_mode=rec["plover_mode"],
        date=EventDate(rec["date_value"], rec["date_precision"], method="cluster.consensus.v1",
                       reason=rec["date_reason"] or ""),
        place=place, actors=tuple(rec["actors"]), recipients=tuple(rec["recipients"]), numbers=numbers,
        disagreements=tuple(rec["disagreements"]), reports=rec["n_reports"], mentions=rec["n_mentions"],
        outlets=rec["n_outlets"], origins=tuple(rec["origins"]), first_published=rec["first_published"],
        first_outlet=rec["first_outlet"], first_article_id=rec["first_article_id"],
        any_asserted=rec["any_asserted"], corroboration=rec["corroboration"], members=members,
        method=rec["method"], reason=rec["reason"])


def with_event_columns(con: Connection, rows: Iterable[dict[str, Any]], min_sources: int | None = None,
                       corroboration: str | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Event-report rows (dicts with ``id``) plus their event's columns, filtered by event fields."""
    rows = list(rows)
    found = report_clusters(con, [r["id"] for r in rows])
    n = 0
    for row in rows:
        rc = found.get(row["id"])
        if (min_sources and (rc is None or rc.n_origins < min_sources)) or (
                corroboration and (rc is None or rc.corroboration != corroboration)):
            continue
        if limit and n >= limit:
            return
        n += 1
        yield {**row, "event": rc.event_id if rc else None, "sources": rc.sources if rc else None,
               "corroboration": rc.corroboration if rc else None,
               "first_reported": (f"{rc.first_reported:%Y-%m-%d %H:%M} {rc.first_outlet or ''}".strip()
                                  if rc and rc.first_reported else None)}


@dataclass(frozen=True, slots=True)
class MemberEvidence:
    """One report of a clustered event as ``eventwire show E...`` lists it."""

    member: EventMember
    plover: str
    title: str | None
    sentence: str
    trigger: str | None


def member_evidence(con: Connection, event: Event) -> list[MemberEvidence]:
    """Each member report's type, article title, evidence sentence and trigger, in event order."""
    ids = [m.report_id for m in event.members]
    rows = {r[0]: r[1:] for r in con.execute(
        f"""SELECT e.id, e.plover_type || coalesce(':' || e.plover_mode, ''), a.title,
                   substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), e.trigger_text
            FROM event_reports e JOIN articles a ON a.id = e.article_id WHERE e.id IN ({_marks(len(ids))})""",
        ids).fetchall()} if ids else {}
    return [MemberEvidence(m, *rows.get(m.report_id, ("?", None, "(report no longer stored)", None)))
            for m in event.members]
