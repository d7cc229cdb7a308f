"""``eventwire cluster``: recompute every event (many reports of one real event) from the stored reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from ..errors import EventwireError
from ._common import db_option, fail, open_store

if TYPE_CHECKING:
    from ..model import Event
    from ..store.clusters import MemberEvidence


@click.command("cluster")
@db_option
def cluster_cmd(db: str | None) -> None:
    """Re-cluster all event reports into events (ingest already does this for each batch)."""
    from ..store.clusters import recluster

    try:
        with open_store(db) as store:
            summary = recluster(store)
    except EventwireError as exc:
        fail(exc)
        return
    click.echo(summary.line())


def register(group: click.Group) -> None:
    group.add_command(cluster_cmd)


def show_cluster_event(db: str | None, event_id: str, fmt: str) -> None:
    """``eventwire show E...``: the event's consensus, then every report with outlet, time, status, evidence."""
    from ..store.clusters import load_cluster_event, member_evidence

    try:
        with open_store(db, read_only=True) as store:
            event = load_cluster_event(store.con, event_id)
            evidence = member_evidence(store.con, event)
    except EventwireError as exc:
        fail(exc)
        return
    if fmt == "json":
        import json

        from ._common import jsonable

        click.echo(json.dumps({**jsonable(event), "evidence": jsonable(evidence)}, ensure_ascii=False))
        return
    for line in render_cluster_event(event, evidence):
        click.echo(line)


def render_cluster_event(event: Event, evidence: list[MemberEvidence]) -> list[str]:
    """Plain-text lines: consensus, disagreements, sources, then one block per report."""
    place = event.place.place.name if event.place and event.place.place else "(no place)"
    when = f"{event.date.value} ({event.date.precision})" if event.date.value else "(no date)"
    lines = [
        f"event {event.id}: {event.plover_type}{':' + event.plover_mode if event.plover_mode else ''} "
        f"[{event.family}]",
        f"  when: {when}   where: {place}"
        + (f" ({event.place.precision})" if event.place else ""),
        f"  actors: {', '.join(event.actors) or '-'}   recipients: {', '.join(event.recipients) or '-'}",
        f"  sources: {len(event.origins)} independent / {event.reports} reports ({event.mentions} mentions, "
        f"{event.outlets} outlets): {', '.join(event.origins)}",
        f"  status: {event.corroboration}; any report asserts it: {'yes' if event.any_asserted else 'no'}",
        f"  first reported: {event.first_published or '?'} by {event.first_outlet or '?'}",
    ]
    lines += [f"  numbers: {n.kind} {n.low}" + (f"–{n.high}" if n.high != n.low else "") for n in event.numbers]
    lines += [f"  disagreement: {d}" for d in event.disagreements]
    lines.append(f"  why: {event.reason}")
    for ev in evidence:
        m = ev.member
        lines += [
            f"- report {m.report_id} ({ev.plover}) in article {m.article_id}",
            f"    outlet: {m.outlet or '?'}   published: {m.published or '?'}   status: {m.status}"
            f"   origin: {m.origin}{'' if m.asserts else ' (does not assert it)'}",
            f"    evidence: {ev.sentence.strip()}",
            f"    origin because: {m.origin_reason}",
            f"    joined because: {m.reason}",
        ]
    return lines
