"""``eventwire quotes``: who said what, across stored articles."""

from __future__ import annotations

import click

from ..errors import EventwireError
from ._common import db_option, emit, fail, format_option, jsonable, open_store

QUOTE_COLUMNS = ("article_id", "kind", "speaker", "speaker_name", "affiliation", "cue", "content")


@click.command("quotes")
@db_option
@click.option("--speaker", help="Speaker as written, resolved, or its organisation contains this.")
@click.option("--article", "article_id", help="Only this article (id or unique prefix).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most N quotes.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(["direct", "mixed", "indirect", "stance"]),
              help="Only these kinds (repeatable); default direct, mixed and indirect. 'stance' lists "
                   "attributions such as 'X endorsed Y' or 'X plans to ...'.")
@format_option()
def quotes_cmd(db: str | None, speaker: str | None, article_id: str | None, limit: int | None,
               kinds: tuple[str, ...], fmt: str) -> None:
    """List quotes and attributions: content, cue, speaker and who the speaker resolves to."""
    from ..store.attribution import QUOTE_KINDS, quotes

    try:
        with open_store(db, read_only=True) as store:
            rows = (jsonable(r) for r in quotes(store, speaker=speaker, article=article_id, limit=limit,
                                                 kinds=kinds or QUOTE_KINDS))
            emit(rows, fmt, QUOTE_COLUMNS)
    except EventwireError as exc:
        fail(exc)


def register(group: click.Group) -> None:
    group.add_command(quotes_cmd)
