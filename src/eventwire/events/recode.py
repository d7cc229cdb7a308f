"""Recompute event reports for stored articles when the coder changes.

Recoding replaces what depends on the coder and nothing else: each article's event reports and
their arguments, their locations (the ``places`` stage locates reports, so it runs again), and
the cross-article events their reports belong to (re-clustered for the affected blocks).
Articles, spans, quotes and place mentions of other articles stay as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..store import Store

_LAYERS = ("events", "places")  # store.layers writers whose rows depend on the coder


def recode(store: Store, article_ids: Iterable[str] | None = None,
           progress: Callable[[int], None] | None = None) -> tuple[int, int]:
    """Re-run the event coder over stored articles; returns (articles recoded, event reports written)."""
    from ..store.clusters import recluster
    from ..store.ids import unique_article_id

    ids = ([unique_article_id(store.con, a) for a in article_ids] if article_ids is not None else [
        r[0] for r in store.con.execute("SELECT id FROM articles WHERE language = 'en' ORDER BY id").fetchall()])
    n_events = 0
    for article_id in ids:
        n_events += _recode_one(store, article_id)
        if progress:
            progress(1)
    if ids:
        recluster(store, ids)
    return len(ids), n_events


def _recode_one(store: Store, article_id: str) -> int:
    """Code one stored article with the same parse and stages as ingest, then swap its rows."""
    from ..geo.stage import places_stage
    from ..pipeline import Work, analyse_triaged
    from ..store.layers import LAYER_WRITERS
    from . import stage as events_stage

    art = store.article(article_id)
    work = Work(article=art, base=analyse_triaged(art.text, art.title))
    events_stage(work)
    places_stage(work)
    writers = [w for w in LAYER_WRITERS if w.name in _LAYERS]
    store.con.execute("BEGIN TRANSACTION")
    try:
        for writer in writers:
            for table in writer.tables:
                store.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        for writer in writers:
            writer.write(store.con, work)
        store.con.execute("COMMIT")
    except Exception:
        store.con.execute("ROLLBACK")
        raise
    return len(work.article.events)
