"""Read-side queries behind the HTTP API, the web UI and exports: one filter, many views.

Everything reads from one *event relation* (:func:`event_relation`) with fixed columns, so the
API, map, timeline and exports never care where events come from. Today each row is an event
report (one article's account) with its location and its near-duplicate group as sources; when
clustering lands, a cluster relation with the same columns replaces it in one place and every
view shows clusters without a redesign.

Filtering and aggregation happen in DuckDB (server side), so a page or a map view of 100,000
events costs one scan, never a transfer of all rows. The server reads a flat snapshot of the
relation instead of re-joining it per query (:mod:`eventwire.store.read_model`); both carry
the same columns, so every function here works on either.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..errors import NotFound, UsageError

Connection = Any  # duckdb.DuckDBPyConnection

__all__ = ["EVENT_COLUMNS", "SORTS", "EventQuery", "EventSummary", "count_events", "event_page",
           "event_relation", "event_stats", "event_summaries", "export_rows", "filter_sql", "map_layers"]

PRECISIONS = ("exact", "district", "admin1", "country", "continent", "none")
STATUSES = ("asserted", "attributed", "hedged", "denied", "hypothetical", "historical")
CORROBORATION = {"single": "single-source", "corroborated": "multi-source", "single-source": "single-source",
                 "multi-source": "multi-source", "attributed-only": "attributed-only", "contested": "contested"}
SORTS = {"date": "day", "confidence": "confidence", "sources": "sources", "published": "published",
         "type": "plover_type"}

# The event relation: one row per event (today: per event report). Columns are the contract.
_REPORTS_SQL = """
SELECT e.id AS id, 'report' AS kind, e.article_id AS article_id,
       coalesce(e.date_value, CAST(a.published AS DATE)) AS day,
       CASE WHEN e.date_value IS NULL THEN 'published' ELSE e.date_precision END AS date_precision,
       e.plover_type AS plover_type, e.plover_mode AS plover_mode,
       e.acled_type AS acled_type, e.acled_subtype AS acled_subtype, e.cameo_root AS cameo_root,
       e.trigger_text AS trigger, e.status AS status, e.status_source AS status_source,
       e.confidence AS confidence, coalesce(e.actor_names, []) AS actor_names,
       coalesce(e.countries, []) AS actor_countries,
       l.name AS place, l.kind AS place_kind, l.admin1 AS admin1, l.admin1_id AS admin1_id,
       l.country AS country2, coalesce(l.country_iso3, e.countries[1]) AS country,
       l.lat AS lat, l.lon AS lon, coalesce(l.precision, 'none') AS precision,
       coalesce(g.n, 1) AS sources, 1 AS independent_sources, 'single-source' AS corroboration,
       a.title AS title, a.outlet AS outlet, a.published AS published,
       coalesce(a.canonical_url, a.url) AS url,
       e.sentence_start AS sentence_start, e.sentence_end AS sentence_end, e.idx AS idx,
       substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
FROM event_reports e
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_locations l ON l.event_id = e.id AND l.article_id = e.article_id
LEFT JOIN near_duplicates d ON d.article_id = e.article_id
LEFT JOIN (SELECT origin_id, count(*) + 1 AS n FROM near_duplicates GROUP BY 1) g
       ON g.origin_id = coalesce(d.origin_id, e.article_id)
"""

EVENT_COLUMNS = ("id", "kind", "article_id", "date", "date_precision", "plover_type", "plover_mode", "acled_type",
                 "acled_subtype", "cameo_root", "trigger", "status", "status_source", "confidence", "actors",
                 "recipients", "place", "admin1", "admin1_id", "country", "lat", "lon", "precision", "sources",
                 "independent_sources", "corroboration", "title", "outlet", "published", "url")


# Clustered events (issue 6, ``events`` + ``event_members``): same columns; type details, trigger and
# evidence come from the cluster's earliest member report.
_CLUSTERS_SQL = """
SELECT v.id AS id, 'event' AS kind, r.article_id AS article_id,
       coalesce(v.date_value, CAST(v.first_published AS DATE)) AS day,
       CASE WHEN v.date_value IS NULL THEN 'published' ELSE v.date_precision END AS date_precision,
       v.plover_type AS plover_type, v.plover_mode AS plover_mode,
       r.acled_type AS acled_type, r.acled_subtype AS acled_subtype, r.cameo_root AS cameo_root,
       r.trigger_text AS trigger, CASE WHEN v.any_asserted THEN 'asserted' ELSE r.status END AS status,
       r.status_source AS status_source, r.confidence AS confidence,
       list_concat(coalesce(v.actors, []), coalesce(v.recipients, [])) AS actor_names,
       coalesce(r.countries, []) AS actor_countries,
       v.place_name AS place, v.place_kind AS place_kind, l.admin1 AS admin1, v.admin1_id AS admin1_id,
       l.country AS country2, coalesce(l.country_iso3, v.country, r.countries[1]) AS country,
       v.lat AS lat, v.lon AS lon, v.precision AS precision,
       v.n_reports AS sources, v.n_origins AS independent_sources, v.corroboration AS corroboration,
       a.title AS title, a.outlet AS outlet, a.published AS published,
       coalesce(a.canonical_url, a.url) AS url,
       r.sentence_start AS sentence_start, r.sentence_end AS sentence_end, r.idx AS idx,
       substr(a.text, r.sentence_start + 1, r.sentence_end - r.sentence_start) AS sentence
FROM events v
JOIN (SELECT event_id, arg_min(report_id, coalesce(published, TIMESTAMP '9999-01-01')) AS rid
      FROM event_members GROUP BY 1) rep ON rep.event_id = v.id
JOIN event_reports r ON r.id = rep.rid
JOIN articles a ON a.id = r.article_id
LEFT JOIN event_locations l ON l.event_id = r.id AND l.article_id = r.article_id
"""


def clusters_active(con: Connection) -> bool:
    """True once the store has clustered events (the clustering migration ran and filled them)."""
    import duckdb

    try:
        return con.execute("SELECT count(*) FROM (SELECT 1 FROM events LIMIT 1)").fetchone()[0] > 0
    except duckdb.CatalogException:  # no events table in this store yet
        return False


def representative_reports(con: Connection, ids: Sequence[str]) -> dict[str, str]:
    """Event id -> the report whose evidence stands for it (itself for reports; earliest member for events)."""
    if not ids or not clusters_active(con):
        return {i: i for i in ids}
    rows = con.execute(
        "SELECT event_id, arg_min(report_id, coalesce(published, TIMESTAMP '9999-01-01')) FROM event_members "
        f"WHERE event_id IN ({', '.join('?' * len(ids))}) GROUP BY 1", list(ids)).fetchall()
    return {**{i: i for i in ids}, **dict(rows)}


# Filter columns: actor names and the searchable text, lower-cased and joined with chr(31) (whitespace
# to str.split, so a search word never spans two fields), so each filter is one ``contains``.
_DERIVED = """
lower(array_to_string(ev.actor_names, chr(31))) AS actor_text,
lower(concat_ws(chr(31), ev.title, ev.trigger, array_to_string(ev.actor_names, chr(31)), ev.place, ev.sentence))
    AS search"""


def live_relation(con: Connection) -> tuple[str, bool]:
    """SQL joining the store's tables into the event relation, and whether it is the clustered one."""
    clustered = clusters_active(con)
    return f"SELECT ev.*, {_DERIVED} FROM ({_CLUSTERS_SQL if clustered else _REPORTS_SQL}) ev", clustered


def event_relation(con: Connection) -> str:
    """SQL of the event relation: the reader's snapshot when it has one, else the live join
    (clustered events when the store has them, else event reports)."""
    from .read_model import SNAPSHOT, has_snapshot

    return f"SELECT * FROM {SNAPSHOT}" if has_snapshot(con) else live_relation(con)[0]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Every filter the CLI and API offer; all optional. Lists mean "any of"."""

    since: date | None = None
    until: date | None = None
    country: str | None = None  # ISO2/ISO3 of the event's place, else of an actor
    admin1: str | None = None  # admin-1 name or GeoNames id
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    plover_types: Sequence[str] = ()  # TYPE or TYPE:mode
    acled_types: Sequence[str] = ()  # ACLED type or sub-type
    actor: str | None = None  # canonical name or text contains
    statuses: Sequence[str] = ()
    corroboration: str | None = None  # single-source | multi-source | attributed-only | contested
    min_sources: int | None = None
    text: str | None = None  # words in the title, trigger or evidence sentence
    precisions: Sequence[str] = ()
    article_id: str | None = None
    sort: str = "-date"
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True, slots=True)
class EventSummary:
    """One event in a list: what, who, where, when, how sure, how many sources."""

    id: str
    kind: str  # "report" (one article's account) or "event" (a cluster of reports)
    article_id: str
    date: date | None
    date_precision: str
    plover_type: str
    plover_mode: str | None
    acled_type: str | None
    acled_subtype: str | None
    cameo_root: str | None
    trigger: str | None
    status: str
    status_source: str | None
    confidence: float
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    place: str | None
    admin1: str | None
    admin1_id: int | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    sources: int
    independent_sources: int
    corroboration: str  # single-source | multi-source | attributed-only | contested
    title: str | None
    outlet: str | None
    published: datetime | None
    url: str | None



def check_statuses(statuses: Iterable[str]) -> tuple[str, ...]:
    """Lower-cased statuses; a misspelt one would silently match nothing, so it is refused (E704)."""
    wanted = tuple(st.strip().lower() for st in statuses if st.strip())
    for st in wanted:
        if st not in STATUSES:
            raise UsageError(f"[E704] unknown status {st!r}; one of {', '.join(STATUSES)}")
    return wanted

def validate(q: EventQuery) -> None:
    """Raise a :class:`UsageError` naming the first impossible value."""
    if q.since and q.until and q.since > q.until:
        raise UsageError(f"[E702] since ({q.since}) is after until ({q.until})")
    if q.bbox is not None:
        w, s, e, n = q.bbox
        if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s <= n <= 90):
            raise UsageError(f"[E703] bbox wants west,south,east,north in degrees, got {q.bbox}")
    check_statuses(q.statuses)
    for p in q.precisions:
        if p.lower() not in PRECISIONS:
            raise UsageError(f"[E705] unknown precision {p!r}; one of {', '.join(PRECISIONS)}")
    if q.corroboration and q.corroboration not in CORROBORATION:
        raise UsageError(f"[E706] corroboration is one of {', '.join(CORROBORATION)}, got {q.corroboration!r}")
    if q.min_sources is not None and q.min_sources < 0:
        raise UsageError("[E707] min_sources must be >= 0")
    if q.sort.lstrip("-") not in SORTS:
        raise UsageError(f"[E708] unknown sort {q.sort!r}; one of {', '.join(SORTS)} (prefix - for descending)")
    if not (0 <= q.limit <= 10_000) or q.offset < 0:
        raise UsageError("[E709] limit must be 0..10000 and offset >= 0")


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    """``"W,S,E,N"`` -> four floats, or a usage error that says what was expected."""
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise UsageError(f"[E703] bbox wants west,south,east,north (e.g. 30,44,40,52), got {value!r}") from exc
    return w, s, e, n


def filter_sql(q: EventQuery, *, skip_dates: bool = False) -> tuple[str, list[Any]]:
    """WHERE clause (over the event relation's columns) and its parameters."""
    where: list[str] = ["TRUE"]
    params: list[Any] = []
    if q.since and not skip_dates:
        where.append("day >= ?")
        params.append(_as_date(q.since))
    if q.until and not skip_dates:
        where.append("day <= ?")
        params.append(_as_date(q.until))
    if q.country:  # ISO codes are stored upper-case: compare the stored value as is (no per-row upper())
        where.append("(country2 = ? OR country = ? OR list_contains(actor_countries, ?))")
        params += [q.country.upper()] * 3
    if q.admin1:
        where.append("(lower(admin1) = lower(?) OR CAST(admin1_id AS VARCHAR) = ?)")
        params += [q.admin1, q.admin1]
    if q.bbox:
        w, s, e, n = q.bbox
        lon_test = "lon BETWEEN ? AND ?" if w <= e else "(lon >= ? OR lon <= ?)"
        where.append(f"lat BETWEEN ? AND ? AND {lon_test}")
        params += [s, n, w, e]
    if q.plover_types:
        tests, args = _type_tests(q.plover_types)
        where.append(f"({' OR '.join(tests)})")
        params += args
    if q.acled_types:
        where.append("(" + " OR ".join("acled_type ILIKE ? OR acled_subtype ILIKE ?" for _ in q.acled_types) + ")")
        params += [t for t in q.acled_types for _ in range(2)]
    if q.actor:
        where.append("contains(actor_text, lower(?))")
        params.append(q.actor)
    if q.statuses:
        where.append(f"status IN ({', '.join('?' * len(q.statuses))})")
        params += [s.lower() for s in q.statuses]
    if q.corroboration:
        where.append("corroboration = ?")
        params.append(CORROBORATION[q.corroboration])
    if q.min_sources:
        where.append("sources >= ?")
        params.append(q.min_sources)
    for word in (q.text or "").split():
        where.append("contains(search, lower(?))")
        params.append(word)
    if q.precisions:
        where.append(f"precision IN ({', '.join('?' * len(q.precisions))})")
        params += [p.lower() for p in q.precisions]
    if q.article_id:
        where.append("article_id LIKE ? || '%'")
        params.append(q.article_id)
    return " AND ".join(where), params


def _type_tests(types: Sequence[str]) -> tuple[list[str], list[Any]]:
    """``TYPE`` or ``TYPE:mode`` filters as plain comparisons (PLOVER types are stored upper-case)."""
    tests: list[str] = []
    args: list[Any] = []
    for t in types:
        kind, colon, mode = t.partition(":")
        if not colon:
            tests.append("plover_type = ?")
            args.append(kind.strip().upper())
        elif mode.strip():
            tests.append("(plover_type = ? AND lower(plover_mode) = ?)")
            args += [kind.strip().upper(), mode.strip().lower()]
        else:  # "TYPE:" = the type without a mode
            tests.append("(plover_type = ? AND coalesce(plover_mode, '') = '')")
            args.append(kind.strip().upper())
    return tests, args


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def _order(sort: str) -> str:
    col = SORTS[sort.lstrip("-")]
    direction = "DESC" if sort.startswith("-") else "ASC"
    return f"{col} {direction} NULLS LAST, article_id, idx"


def count_events(con: Connection, q: EventQuery) -> int:
    where, params = filter_sql(q)
    return con.execute(f"SELECT count(*) FROM ({event_relation(con)}) ev WHERE {where}",
                       params).fetchone()[0]


_SUMMARY_COLS = ("id, kind, article_id, day, date_precision, plover_type, plover_mode, acled_type, acled_subtype, "
                 "cameo_root, trigger, status, status_source, confidence, place, admin1, admin1_id, country, lat, "
                 "lon, precision, sources, independent_sources, corroboration, title, outlet, published, url")
_SUMMARY_FIELDS = _SUMMARY_COLS.split(", ")


SHALLOW_PAGE = 2000  # offset + limit up to which one wide top-N query beats ids-then-rows (measured at 100k)


def event_summaries(con: Connection, q: EventQuery) -> list[EventSummary]:
    """One page of events matching ``q``, sorted; actors/recipients fetched for that page only."""
    return event_page(con, q)[0]


def event_page(con: Connection, q: EventQuery, *, shallow_limit: int = SHALLOW_PAGE
               ) -> tuple[list[EventSummary], int]:
    """A page of events and the total that match (the total from a second, count-only query).

    Pages ending within ``shallow_limit`` rows of the flat snapshot come from one query; deeper
    ones (and the live join) sort ids first, then fetch those rows.
    """
    from .read_model import SNAPSHOT

    validate(q)
    where, params = filter_sql(q)
    relation = event_relation(con)
    window = f"ORDER BY {_order(q.sort)} LIMIT {int(q.limit)} OFFSET {int(q.offset)}"
    if relation.endswith(SNAPSHOT) and q.offset + q.limit <= shallow_limit:
        # A shallow page of the flat table: one top-N query (DuckDB fetches wide columns late).
        page = list(_summaries(con, relation, where, params, window))
    else:
        # Deep pages and the live join: sort and page on ids only (narrow rows), then fetch those rows.
        ids = [r[0] for r in con.execute(f"SELECT id FROM ({relation}) ev WHERE {where} {window}", params).fetchall()]
        marks = ", ".join("?" * len(ids))
        found = {s.id: s for s in _summaries(con, relation, f"id IN ({marks})", ids)} if ids else {}
        page = [found[i] for i in ids]
    total = len(page) + q.offset if 0 < len(page) < q.limit else count_events(con, q)
    return page, total


def _summaries(con: Connection, relation: str, where: str, params: Sequence[Any],
               order: str = "") -> Iterator[EventSummary]:
    """Full rows of the events matching ``where``, fetched in batches; parties from the snapshot
    when it has them, else from the arguments (one query per batch)."""
    from .read_model import SNAPSHOT

    flat = relation.endswith(SNAPSHOT)
    cols = _SUMMARY_COLS + (", actors, recipients" if flat else "")
    cur = _side_cursor(con)  # streams while ``con`` stays free for the caller's (and _parties') queries
    try:
        cur.execute(f"SELECT {cols} FROM ({relation}) ev WHERE {where} {order}", list(params))
        while rows := cur.fetchmany(2000):
            parties = ({r[0]: (tuple(r[-2]), tuple(r[-1])) for r in rows} if flat
                       else _parties(con, [r[0] for r in rows]))
            for r in rows:
                actors, recipients = parties.get(r[0], ((), ()))
                yield EventSummary(*r[:14], actors, recipients, *r[14:len(_SUMMARY_FIELDS)])
    finally:
        cur.close()


def _side_cursor(con: Connection) -> Connection:
    """A second cursor on ``con``'s database, on the same default catalog (the server ATTACHes the store)."""
    catalog = con.execute("SELECT current_database()").fetchone()[0]
    quoted = '"' + catalog.replace('"', '""') + '"'
    cur = con.cursor()
    cur.execute(f"USE {quoted}")
    return cur


def _parties(con: Connection, ids: Sequence[str]) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    if not ids:
        return {}
    if clusters_active(con):
        rows = con.execute(f"SELECT id, actors, recipients FROM events WHERE id IN ({', '.join('?' * len(ids))})",
                           list(ids)).fetchall()
        return {i: (tuple(a or ()), tuple(r or ())) for i, a, r in rows}
    rows = con.execute(
        "SELECT event_id, role, list(coalesce(canonical, text) ORDER BY idx) FROM event_arguments "
        f"WHERE event_id IN ({', '.join('?' * len(ids))}) AND role IN ('actor', 'recipient') GROUP BY 1, 2",
        list(ids)).fetchall()
    found: dict[str, dict[str, tuple[str, ...]]] = {}
    for eid, role, names in rows:
        found.setdefault(eid, {})[role] = tuple(dict.fromkeys(names))
    return {k: (v.get("actor", ()), v.get("recipient", ())) for k, v in found.items()}


_STAT_GROUPS = {"by_type": "plover_type", "by_acled_type": "acled_type", "by_country": "country",
                "by_precision": "precision", "by_status": "status"}


def event_stats(con: Connection, q: EventQuery, *, skip_dates: bool = False, top: int = 30) -> dict[str, Any]:
    """Counts for charts: total, per day stacked by PLOVER type, per type, country, precision, status.

    One filtered pass (materialised once), counted per day and type; per-type counts roll up from
    those, the other facets count the filtered rows: one statement, cheaper than GROUPING SETS.
    """
    validate(q)
    where, params = filter_sql(q, skip_dates=skip_dates)
    facets = "".join(f"UNION ALL SELECT '{name}', NULL, CAST({col} AS VARCHAR), count(*) FROM f GROUP BY ALL\n"
                     for name, col in _STAT_GROUPS.items() if name != "by_type")
    rows = con.execute(f"""
        WITH f AS MATERIALIZED (SELECT day, {', '.join(_STAT_GROUPS.values())} FROM ({event_relation(con)}) ev
                                WHERE {where}),
             d AS MATERIALIZED (SELECT day, CAST(plover_type AS VARCHAR) AS plover_type, count(*) AS n FROM f
                                GROUP BY ALL)
        SELECT 'by_day', CAST(day AS VARCHAR), plover_type, n FROM d WHERE day IS NOT NULL
        UNION ALL SELECT 'by_type', NULL, plover_type, CAST(sum(n) AS BIGINT) FROM d GROUP BY ALL
        {facets}
        UNION ALL SELECT 'first', CAST(min(day) AS VARCHAR), NULL, CAST(coalesce(sum(n), 0) AS BIGINT) FROM d
        UNION ALL SELECT 'last', CAST(max(day) AS VARCHAR), NULL, NULL FROM d
        ORDER BY 1, 2, 3""", params).fetchall()
    # Rows come sorted by group, day, type: the timeline needs no sorting here. Days are ISO text.
    out: dict[str, Any] = {"total": 0, "first": None, "last": None,
                           "by_day": [{"date": day, "type": key, "count": n} for group, day, key, n in rows
                                      if group == "by_day"]}
    groups: dict[str, list[dict[str, Any]]] = {name: [] for name in _STAT_GROUPS}
    for group, day, key, n in rows:
        if group in groups:
            groups[group].append({"key": key, "count": n})
        elif group in ("first", "last"):
            out[group] = day
            if group == "first":
                out["total"] = n
    for name, items in groups.items():
        items.sort(key=lambda d: (-d["count"], str(d["key"])))
        out[name] = items[:top] if name == "by_country" else items
    return out


def _cell_size(zoom: int) -> float:
    """Grid cell (degrees) for server-side point clustering: about 60 screen pixels at ``zoom``."""
    return 360.0 / (2 ** max(0, min(zoom, 18))) / 256 * 60


def map_layers(con: Connection, q: EventQuery, zoom: int = 3) -> dict[str, Any]:
    """What the map draws for a view: point clusters, admin-1 regions and country areas.

    Exact and district events become grid clusters (one marker per cell, or the event itself
    when alone); admin-1 events are grouped per region and country-level events per country, so
    the UI can draw them as areas instead of pretending they are points.
    """
    validate(q)
    where, params = filter_sql(q)
    cell = _cell_size(zoom)
    rows = con.execute(_MAP_SQL.format(relation=event_relation(con), where=where, cell=repr(cell)), params).fetchall()
    out: dict[str, Any] = {"zoom": zoom, "cell_deg": cell, "points": [], "regions": [], "countries": [],
                           "unlocated": 0}
    for layer, _gy, _gx, admin1_id, country, n, lat, lon, mid, kind, precision, admin1, admin1_country in rows:
        one = mid if n == 1 else None
        if layer == 0:
            out["points"].append({"lat": lat, "lon": lon, "count": n, "id": one, "type": kind, "precision": precision})
        elif layer == 1:
            out["regions"].append({"admin1_id": admin1_id, "name": admin1, "country": admin1_country, "count": n,
                                   "lat": lat, "lon": lon, "id": one, "type": kind})
        elif layer == 2:
            out["countries"].append({"country": country, "count": n, "id": one, "type": kind})
        else:
            out["unlocated"] = n
    return out


# The map's layers in one statement over the filtered rows: 0 grid cells of exact/district points,
# 1 admin-1 regions, 2 countries with country-level events, 3 the count not located. Counted per
# (key, type) first, so the most frequent type's ties break alphabetically, and positions average
# as decimals: the answer does not depend on row order (the snapshot and the live join agree).
_MAP_SQL = """
WITH f AS (
    SELECT CASE WHEN precision IN ('exact', 'district') AND lat IS NOT NULL THEN 0
                WHEN precision = 'admin1' AND lat IS NOT NULL THEN 1
                WHEN precision = 'country' THEN CASE WHEN country IS NOT NULL THEN 2 END
                WHEN lat IS NULL THEN 3 END AS layer, *
    FROM ({relation}) ev WHERE {where}),
k AS (
    SELECT layer,
           CASE WHEN layer = 0 THEN floor(lat / {cell}) END AS gy,
           CASE WHEN layer = 0 THEN floor(lon / {cell}) END AS gx,
           CASE WHEN layer = 1 THEN admin1_id END AS a1, CASE WHEN layer = 2 THEN CAST(country AS VARCHAR) END AS c,
           CAST(plover_type AS VARCHAR) AS t, count(*) AS n, min(id) AS mid,
           sum(CAST(lat AS DECIMAL(18, 6))) AS slat, sum(CAST(lon AS DECIMAL(18, 6))) AS slon,
           min(CAST(precision AS VARCHAR)) AS p, min(admin1) AS a1name, min(CAST(country AS VARCHAR)) AS a1c
    FROM f WHERE layer IS NOT NULL GROUP BY layer, gy, gx, a1, c, t)
SELECT layer, gy, gx, a1, c, CAST(sum(n) AS BIGINT) AS total, CAST(sum(slat) / sum(n) AS DOUBLE),
       CAST(sum(slon) / sum(n) AS DOUBLE), min(mid), arg_min(t, {{'n': -n, 't': t}}), min(p), min(a1name), min(a1c)
FROM k GROUP BY layer, gy, gx, a1, c
QUALIFY row_number() OVER (PARTITION BY layer ORDER BY total DESC, gy, gx, a1, c) <= 5000
ORDER BY layer, total DESC, gy, gx, a1, c
"""


def export_rows(con: Connection, q: EventQuery) -> Iterator[dict[str, Any]]:
    """Every event matching ``q`` (no paging) as flat dicts with :data:`EVENT_COLUMNS`.

    One sorted query streamed in batches (paging with OFFSET would re-run the relation per batch).
    """
    validate(q)
    where, params = filter_sql(q)
    for s in _summaries(con, event_relation(con), where, params, f"ORDER BY {_order(q.sort)}"):
        yield {c: getattr(s, c) for c in EVENT_COLUMNS}


def resolve_event_id(con: Connection, event_id: str) -> str:
    """Full id of an event given an id or unique prefix."""
    rows = con.execute(f"SELECT id FROM ({event_relation(con)}) ev WHERE id LIKE ? || '%' LIMIT 2",
                       [event_id]).fetchall()
    if not rows and clusters_active(con):  # a report id: show the event it belongs to
        rows = con.execute("SELECT event_id FROM event_members WHERE report_id LIKE ? || '%' LIMIT 2",
                           [event_id]).fetchall()
    if len(rows) != 1:
        raise NotFound(f"[E711] no event {'matches' if not rows else 'is unique for'} {event_id!r}")
    return rows[0][0]


def summary_of(con: Connection, event_id: str) -> EventSummary:
    """The list row of one event (for the evidence view's header)."""
    full = resolve_event_id(con, event_id)
    found = list(_summaries(con, event_relation(con), "id = ?", [full]))
    if not found:
        raise NotFound(f"[E711] no event {event_id!r}")
    return found[0]


def jsonable_summary(s: EventSummary) -> dict[str, Any]:
    """An :class:`EventSummary` as JSON-ready values (ISO dates, lists)."""
    out: dict[str, Any] = {}
    for c in EVENT_COLUMNS:
        v = getattr(s, c)
        out[c] = v.isoformat() if isinstance(v, date | datetime) else list(v) if isinstance(v, tuple) else v
    return out
