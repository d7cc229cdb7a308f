"""Event reports in the store: write one article's reports, list them with filters, load one.

Functions take a DuckDB connection (``store.con``) so the ``Store`` class stays small; the
``events`` layer writer in :mod:`eventwire.store.layers` calls :func:`write_events`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..errors import NotFound
from ..model import ActorRef, Article, EventDate, EventNumber, EventReport, EventStatus, Span
from .bulk import insert_rows

Connection = Any  # duckdb.DuckDBPyConnection

__all__ = ["EventFilter", "EventRow", "article_events", "event_rows", "load_event", "write_events"]


def write_events(con: Connection, article: Article) -> None:
    """Insert the article's event reports and their arguments (the caller owns the transaction)."""
    reports, args = [], []
    for idx, ev in enumerate(article.events):
        parties = ev.actors + ev.recipients
        reports.append((
            ev.id, article.id, idx, ev.plover_type, ev.plover_mode, ev.acled_type, ev.acled_subtype, ev.cameo_root,
            ev.trigger.start, ev.trigger.end, article.text[ev.trigger.start:ev.trigger.end],
            ev.sentence.start, ev.sentence.end,
            ev.date.value, ev.date.precision, ev.date.start, ev.date.end, ev.date.method, ev.date.reason,
            ev.status.status, list(ev.status.qualifiers), ev.status.source, ev.status.cue_start, ev.status.cue_end,
            ev.status.method, ev.status.reason, ev.confidence, ev.method, ev.reason, ev.trigger.method,
            ev.trigger.reason, ev.mapping_reason,
            list(dict.fromkeys(p.canonical or p.text for p in parties)),
            list(dict.fromkeys(p.country for p in parties if p.country)),
        ))
        for role, refs in (("actor", ev.actors), ("recipient", ev.recipients)):
            args += [(ev.id, article.id, role, i, r.start, r.end, r.text, None, r.canonical, r.sector, r.country,
                      r.aligned, None, None, None, r.method, r.reason) for i, r in enumerate(refs)]
        args += [(ev.id, article.id, "place", i, p.start, p.end, article.text[p.start:p.end], p.label, None, None,
                  None, None, None, None, None, p.method, p.reason) for i, p in enumerate(ev.places)]
        args += [(ev.id, article.id, "number", i, n.start, n.end, article.text[n.start:n.end], n.kind, None, None,
                  None, None, n.low, n.high, n.qualifier, n.method, n.reason) for i, n in enumerate(ev.numbers)]
    if reports:
        insert_rows(con, "event_reports", reports)
    if args:
        insert_rows(con, "event_arguments", args)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``eventwire events`` can filter on; every field optional."""

    plover_type: str | None = None
    acled_type: str | None = None
    actor: str | None = None
    country: str | None = None
    since: date | datetime | None = None
    until: date | datetime | None = None
    statuses: Sequence[str] = ()
    article_id: str | None = None
    limit: int | None = None


@dataclass(frozen=True, slots=True)
class EventRow:
    """One line of ``eventwire events``; field names as in ``export`` and ``/api/events``."""

    @property
    def plover(self) -> str:
        """``TYPE:mode`` as shown in tables."""
        return f"{self.plover_type}:{self.plover_mode}" if self.plover_mode else self.plover_type

    @property
    def acled(self) -> str | None:
        """``type / sub-type`` as shown in tables."""
        return f"{self.acled_type} / {self.acled_subtype}" if self.acled_type else None

    id: str
    article_id: str
    plover_type: str
    plover_mode: str | None
    acled_type: str | None
    acled_subtype: str | None
    cameo_root: str | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    places: tuple[str, ...]
    date: date | None
    date_precision: str
    status: str
    status_source: str | None
    confidence: float
    trigger: str
    published: datetime | None
    title: str | None
    place: str | None = None  # where it happened (the places stage's event location), as in the API
    admin1: str | None = None
    admin1_id: int | None = None
    country: str | None = None  # ISO3 of the location, else of the first actor/recipient (API's rule)
    lat: float | None = None
    lon: float | None = None
    precision: str = "none"  # exact / district / admin1 / country / continent / none


def event_rows(con: Connection, flt: EventFilter = EventFilter()) -> Iterator[EventRow]:
    """Event reports matching ``flt``, newest event date first."""
    where, params = ["1=1"], []
    if flt.plover_type:
        where.append("(upper(e.plover_type) = upper(?) OR upper(e.plover_type || ':' || coalesce(e.plover_mode, '')) "
                     "= upper(?))")
        params += [flt.plover_type, flt.plover_type]
    if flt.acled_type:
        where.append("(e.acled_type ILIKE ? OR e.acled_subtype ILIKE ?)")
        params += [flt.acled_type, flt.acled_type]
    if flt.actor:
        where.append("EXISTS (SELECT 1 FROM event_arguments a WHERE a.event_id = e.id AND a.role IN "
                     "('actor', 'recipient') AND (a.canonical ILIKE ? OR a.text ILIKE ?))")
        params += [f"%{flt.actor}%", f"%{flt.actor}%"]
    if flt.country:
        where.append("list_contains(e.countries, upper(?))")
        params.append(flt.country)
    day = "coalesce(e.date_value, CAST(a.published AS DATE))"
    if flt.since:
        where.append(f"{day} >= ?")
        params.append(_as_date(flt.since))
    if flt.until:
        where.append(f"{day} <= ?")
        params.append(_as_date(flt.until))
    if flt.statuses:
        where.append(f"e.status IN ({', '.join('?' * len(flt.statuses))})")
        params += [s.strip().lower() for s in flt.statuses]
    if flt.article_id:
        where.append("e.article_id LIKE ? || '%'")
        params.append(flt.article_id)
    sql = f"""
        SELECT e.id, e.article_id, e.plover_type, e.plover_mode, e.acled_type, e.acled_subtype, e.cameo_root,
               coalesce((SELECT list(coalesce(x.canonical, x.text) ORDER BY x.idx) FROM event_arguments x
                         WHERE x.event_id = e.id AND x.role = 'actor'), []),
               coalesce((SELECT list(coalesce(x.canonical, x.text) ORDER BY x.idx) FROM event_arguments x
                         WHERE x.event_id = e.id AND x.role = 'recipient'), []),
               coalesce((SELECT list(x.text ORDER BY x.idx) FROM event_arguments x
                         WHERE x.event_id = e.id AND x.role = 'place'), []),
               e.date_value, e.date_precision, e.status, e.status_source, e.confidence, e.trigger_text,
               a.published, a.title,
               l.name, l.admin1, l.admin1_id, coalesce(l.country_iso3, e.countries[1]), l.lat, l.lon,
               coalesce(l.precision, 'none')
        FROM event_reports e JOIN articles a ON a.id = e.article_id
        LEFT JOIN event_locations l ON l.event_id = e.id AND l.article_id = e.article_id
        WHERE {' AND '.join(where)}
        ORDER BY {day} DESC NULLS LAST, e.article_id, e.idx
        {'LIMIT ' + str(int(flt.limit)) if flt.limit else ''}"""
    for r in con.execute(sql, params).fetchall():
        yield EventRow(*r[:7], tuple(r[7]), tuple(r[8]), tuple(r[9]), *r[10:])


def _as_date(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def load_event(con: Connection, event_id: str) -> EventReport:
    """One event report with all its evidence; accepts a unique id prefix."""
    rows = con.execute("SELECT * FROM event_reports WHERE id LIKE ? || '%' LIMIT 2", [event_id]).fetchall()
    if len(rows) != 1:
        raise NotFound(f"[E311] no event {'matches' if not rows else 'is unique for'} {event_id!r}")
    cols = [d[0] for d in con.description]
    return _event(con, dict(zip(cols, rows[0], strict=True)))


def article_events(con: Connection, article_id: str) -> tuple[EventReport, ...]:
    """All event reports of one stored article, in text order."""
    rows = con.execute("SELECT * FROM event_reports WHERE article_id = ? ORDER BY idx", [article_id]).fetchall()
    cols = [d[0] for d in con.description]
    return tuple(_event(con, dict(zip(cols, r, strict=True))) for r in rows)


def _event(con: Connection, rec: dict[str, Any]) -> EventReport:
    args = con.execute("SELECT role, start_char, end_char, text, label, canonical, sector, country, aligned, low, "
                       "high, qualifier, method, reason FROM event_arguments WHERE event_id = ? ORDER BY role, idx",
                       [rec["id"]]).fetchall()
    parties = {"actor": [], "recipient": []}
    places, numbers = [], []
    for role, s, e, text, label, can, sec, cty, ali, low, high, qual, meth, why in args:
        if role in parties:
            parties[role].append(ActorRef(s, e, text, role, can, sec, cty, ali, meth, why))
        elif role == "place":
            places.append(Span(s, e, label, meth, why))
        else:
            numbers.append(EventNumber(label, low, high, qual, s, e, meth, why))
    return EventReport(
        id=rec["id"], article_id=rec["article_id"], plover_type=rec["plover_type"], plover_mode=rec["plover_mode"],
        acled_type=rec["acled_type"], acled_subtype=rec["acled_subtype"], cameo_root=rec["cameo_root"],
        trigger=Span(rec["trigger_start"], rec["trigger_end"], rec["plover_type"], rec["trigger_method"],
                     rec["trigger_reason"]),
        sentence=Span(rec["sentence_start"], rec["sentence_end"], "sentence", rec["method"], "sentence of the trigger"),
        actors=tuple(parties["actor"]), recipients=tuple(parties["recipient"]), places=tuple(places),
        date=EventDate(rec["date_value"], rec["date_precision"], rec["date_start"], rec["date_end"],
                       rec["date_method"], rec["date_reason"]),
        numbers=tuple(numbers),
        status=EventStatus(rec["status"], tuple(rec["status_qualifiers"] or ()), rec["status_source"],
                           rec["status_cue_start"], rec["status_cue_end"], rec["status_method"], rec["status_reason"]),
        confidence=rec["confidence"], method=rec["method"], reason=rec["reason"],
        mapping_reason=rec["mapping_reason"])
