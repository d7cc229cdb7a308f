"""``eventwire events``, ``show EVENT_ID`` and ``recode``: event reports and their evidence."""

from __future__ import annotations

from datetime import datetime

import click

from ..cluster.consensus import CORROBORATION
from ..errors import EventwireError
from ._common import db_option, emit, fail, format_option, jsonable, open_store

EVENT_COLUMNS = ("id", "date", "plover", "acled", "actors", "recipients", "places", "status", "source",
                 "confidence", "trigger", "event", "sources", "corroboration", "first_reported")
_DATE = click.DateTime(["%Y-%m-%d"])


@click.command("events")
@db_option
@click.option("--type", "plover_type", help="PLOVER type, or TYPE:mode (e.g. ASSAULT, COERCE:arrest).")
@click.option("--acled-type", help="ACLED event type or sub-type (e.g. Battles, Arrests).")
@click.option("--actor", help="Actor or recipient (canonical name or text) contains this.")
@click.option("--country", help="ISO3 country of an actor or recipient (e.g. RUS).")
@click.option("--since", type=_DATE, help="Event date (else publication date) on/after DATE.")
@click.option("--until", type=_DATE, help="Event date (else publication date) on/before DATE.")
@click.option("--status", "statuses", help="Comma list: asserted,attributed,hedged,denied,hypothetical,historical.")
@click.option("--article", "article_id", help="Only this article (id or unique prefix).")
@click.option("--limit", type=int, default=None, help="At most N event reports.")
@click.option("--min-sources", type=int, default=None, help="Only events with at least N independent sources.")
@click.option("--corroboration", type=click.Choice(CORROBORATION),
              help="Only reports of events with this corroboration status.")
@format_option()
def events_cmd(db: str | None, plover_type: str | None, acled_type: str | None, actor: str | None,
               country: str | None, since: datetime | None, until: datetime | None, statuses: str | None,
               article_id: str | None, limit: int | None, min_sources: int | None, corroboration: str | None,
               fmt: str) -> None:
    """List event reports (one article's account of one event), newest first.

    Each report shows the event it was clustered into: sources (independent/total reports),
    corroboration status and when it was first reported.
    """
    from ..store.clusters import with_event_columns
    from ..store.events import EventFilter, event_rows

    by_event = bool(min_sources or corroboration)
    flt = EventFilter(plover_type, acled_type, actor, country, since, until,
                      tuple(s for s in (statuses or "").split(",") if s.strip()), article_id,
                      None if by_event else limit)
    try:
        with open_store(db, read_only=True) as store:
            rows = with_event_columns(store.con, (jsonable(r) for r in event_rows(store.con, flt)),
                                      min_sources, corroboration, limit)
            emit(rows, fmt, EVENT_COLUMNS)
    except EventwireError as exc:
        fail(exc)


@click.command("show")
@db_option
@click.argument("event_id")
@format_option("text", "json")
def show_cmd(db: str | None, event_id: str, fmt: str) -> None:
    """Show one event report, or one clustered event (E...) with every report behind it."""
    from ..store.events import load_event

    if event_id.startswith("E"):
        from .cluster import show_cluster_event

        show_cluster_event(db, event_id, fmt)
        return
    try:
        with open_store(db, read_only=True) as store:
            event = load_event(store.con, event_id)
            article = store.article(event.article_id)
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
