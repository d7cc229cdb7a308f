"""Recompute event reports for stored articles when the coder changes; nothing else is touched."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..nlp.base import analyse
from .coder import code_article

if TYPE_CHECKING:
    from ..store import Store


def recode(store: Store, article_ids: Iterable[str] | None = None,
           progress: Callable[[int], None] | None = None) -> tuple[int, int]:
    """Re-run the event coder over stored articles; returns (articles recoded, event reports written)."""
    from ..store.events import write_events

    ids = list(article_ids) if article_ids is not None else [
        r[0] for r in store.con.execute("SELECT id FROM articles WHERE language = 'en' ORDER BY id").fetchall()]
    n_articles = n_events = 0
    for article_id in ids:
        art = store.article(article_id)
        base = analyse(art.text, art.title)
        art = replace(art, entities=base.entities, events=code_article(art, base))
        store.con.execute("BEGIN TRANSACTION")
        try:
            for table in ("event_arguments", "event_reports"):
                store.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [art.id])
            write_events(store.con, art)
            store.con.execute("COMMIT")
        except Exception:
            store.con.execute("ROLLBACK")
            raise
        n_articles += 1
        n_events += len(art.events)
        if progress:
            progress(1)
    return n_articles, n_events
