"""``eventwire events``, ``show EVENT_ID`` and ``recode``: event reports and their evidence."""

from __future__ import annotations

from datetime import datetime

import click

from ..cluster.consensus import CORROBORATION
from ..errors import EventwireError, NotFound, UsageError
from ._common import db_option, emit, fail, format_option, jsonable, open_store

# csv and json: the same field names as `eventwire export` and /api/events (see docs/events.md).
EVENT_COLUMNS = ("id", "article_id", "date", "date_precision", "plover_type", "plover_mode", "acled_type",
                 "acled_subtype", "cameo_root", "actors", "recipients", "places", "place", "admin1", "admin1_id",
                 "country", "lat", "lon", "precision", "status", "status_source", "confidence", "trigger",
                 "published", "title", "event", "sources", "corroboration", "first_reported")
# What fits a terminal; csv and json carry every field.
TABLE_COLUMNS = ("id", "date", "plover", "acled", "actors", "recipients", "where", "status", "trigger",
                 "sources", "corroboration")
_DATE = click.DateTime(["%Y-%m-%d"])


def _check_statuses(value: str | None) -> str | None:
    """A misspelt status would silently match nothing: refuse it as the API does (E704), and
    normalise case and spaces ('Asserted, attributed')."""
    from ..store.api_queries import check_statuses

    try:
        return ",".join(check_statuses((value or "").split(","))) or None
    except UsageError as exc:
        raise click.BadParameter(str(exc)) from exc


def _check_type(value: str | None) -> str | None:
    """A misspelt PLOVER type would silently match nothing: refuse it (E710)."""
    from ..events.mapping import PLOVER_TYPES

    if value and value.split(":", 1)[0].strip().upper() not in PLOVER_TYPES:
        raise click.BadParameter(f"[E710] unknown PLOVER type {value!r}; one of {', '.join(PLOVER_TYPES)}")
    return value


@click.command("events")
@db_option
@click.option("--type", "plover_type", callback=lambda _c, _p, v: _check_type(v),
              help="PLOVER type, or TYPE:mode (e.g. ASSAULT, COERCE:arrest).")
@click.option("--acled-type", help="ACLED event type or sub-type (e.g. Battles, Arrests).")
@click.option("--actor", help="Actor or recipient (canonical name or text) contains this.")
@click.option("--country", help="ISO2/ISO3 country where it happened, or of an actor/recipient (e.g. RUS).")
@click.option("--admin1", help="Admin-1 region where it happened: name or GeoNames id (e.g. 'Kharkiv Oblast').")
@click.option("--near", help="LAT,LON,KM: located within KM of the point (e.g. 50.6,36.6,50).")
@click.option("--since", type=_DATE, help="Event date (else publication date) on/after DATE.")
@click.option("--until", type=_DATE, help="Event date (else publication date) on/before DATE.")
@click.option("--status", "statuses", callback=lambda _c, _p, v: _check_statuses(v),
              help="Comma list: asserted,attributed,hedged,denied,hypothetical,historical.")
@click.option("--article", "article_id", help="Only this article (id or unique prefix).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N event reports.")
@click.option("--min-sources", type=int, default=None, help="Only events with at least N independent sources.")
@click.option("--corroboration", type=click.Choice(CORROBORATION),
              help="Only reports of events with this corroboration status.")
@format_option()
def events_cmd(db: str | None, plover_type: str | None, acled_type: str | None, actor: str | None,
               country: str | None, admin1: str | None, near: str | None, since: datetime | None,
               until: datetime | None, statuses: str | None,
               article_id: str | None, limit: int | None, min_sources: int | None, corroboration: str | None,
               fmt: str) -> None:
    """List event reports (one article's account of one event), newest first.

    Each report shows the event it was clustered into: sources (independent/total reports),
    corroboration status and when it was first reported.
    """
    from ..store.clusters import with_event_columns
    from ..store.events import EventFilter, event_rows

    by_event = bool(min_sources or corroboration)
    by_place = bool(country or admin1 or near)
    flt = EventFilter(plover_type, acled_type, actor, None, since, until,
                      tuple(s for s in (statuses or "").split(",") if s.strip()), article_id,
                      None if by_event or by_place else limit)
    try:
        with open_store(db, read_only=True) as store:
            found = event_rows(store.con, flt)
            if by_place:
                found = _where(store, found, flt, country, admin1, near)[: None if by_event else limit]
            rows = with_event_columns(store.con, (_row(r, fmt) for r in found), min_sources, corroboration, limit)
            emit(rows, fmt, TABLE_COLUMNS if fmt == "table" else EVENT_COLUMNS)
    except EventwireError as exc:
        fail(exc)


def _row(report, fmt: str) -> dict:
    row = jsonable(report)
    if fmt == "table":  # compact display labels; csv/json keep the separate fields
        row.update(plover=report.plover, acled=report.acled, where=_where_label(report))
    return row


def _where_label(report) -> str | None:
    """The resolved location and its precision ("Belgorod Oblast (admin1)"), else the place phrases."""
    if report.place:
        return f"{report.place} ({report.precision})"
    return "; ".join(report.places) or None


def _where(store, rows, flt, country: str | None, admin1: str | None, near: str | None) -> list:
    """Keep reports located in the country/admin-1/radius; ``--country`` also matches the
    country of an actor or recipient when the report has no resolved location."""
    from dataclasses import replace

    from ..store.events import event_rows
    from ..store.places import located_event_ids, parse_near

    point = parse_near(near) if near else None
    keep = located_event_ids(store, country=country, admin1=admin1, near=point)
    if country and not (admin1 or point):
        located = located_event_ids(store)
        by_actor = {(r.article_id, r.id) for r in event_rows(store.con, replace(flt, country=country, limit=None))}
        keep |= by_actor - located
    return [r for r in rows if (r.article_id, r.id) in keep]


@click.command("show")
@db_option
@click.argument("event_id")
@format_option("text", "json")
def show_cmd(db: str | None, event_id: str, fmt: str) -> None:
    """Show one event report, or one clustered event (E...) with every report behind it."""
    from ..store.events import load_event
    from .cluster import show_cluster_event

    if event_id.startswith("E"):
        show_cluster_event(db, event_id, fmt)
        return
    try:
        with open_store(db, read_only=True) as store:
            event = load_event(store.con, event_id)
            article = store.article(event.article_id)
    except NotFound as exc:
        if event_id.startswith("e"):  # report ids are lower-case hex; "e..." may be a typed event id
            show_cluster_event(db, "E" + event_id[1:], fmt)
            return
        fail(exc)
    except EventwireError as exc:
        fail(exc)
        return
    if fmt == "json":
        import json

        click.echo(json.dumps(jsonable(event), ensure_ascii=False))
        return
    from ..events.render import render_event

    render_event(event, article)


@click.command("recode")
@db_option
@click.option("--article", "article_ids", multiple=True, help="Only these article ids (repeatable).")
def recode_cmd(db: str | None, article_ids: tuple[str, ...]) -> None:
    """Recompute event reports for stored articles (after the coder or its tables change)."""
    from ..events.recode import recode

    try:
        with open_store(db) as store:
            n_art, n_ev = recode(store, article_ids or None)
    except EventwireError as exc:
        fail(exc)
        return
    click.echo(f"recoded {n_art} articles: {n_ev} event reports")


def register(group: click.Group) -> None:
    group.add_command(events_cmd)
    group.add_command(show_cmd)
    group.add_command(recode_cmd)
