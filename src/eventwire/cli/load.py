"""``eventwire load SHARDS...``: merge Parquet shards (from ``ingest --engine ray``) into the store."""

from __future__ import annotations

import json

import click

from ..errors import EventwireError
from ..ingest.runner import REJECTED, Outcome
from ._common import db_option, fail, format_option, open_store


@click.command("load")
@db_option
@format_option("table", "json")
@click.argument("shards", nargs=-1, required=True, metavar="SHARDS...")
def load_cmd(db: str | None, fmt: str, shards: tuple[str, ...]) -> None:
    """Merge shard folders (or folders holding them) into the store, one transaction per shard.

    Loading the same shard again replaces its articles, it never duplicates them. Ends with the
    same one-line summary as `eventwire ingest`.
    """
    from ..scale.shards import load_shards

    def report(outcome: Outcome) -> None:
        if fmt == "json":
            click.echo(json.dumps({"status": outcome.status, "source": outcome.source,
                                   "article_id": outcome.article_id, "stage": outcome.stage,
                                   "reason": outcome.reason}, ensure_ascii=False))
        elif outcome.status == REJECTED:
            click.echo(outcome.line(), err=True)

    try:
        with open_store(db) as store:
            summary = load_shards(store, shards, progress=report)
    except EventwireError as exc:
        fail(exc)
        return
    click.echo(json.dumps({"status": "summary", **summary.as_dict()}) if fmt == "json" else summary.line())


def register(group: click.Group) -> None:
    group.add_command(load_cmd)
