"""Writers that persist an analysed article's layers, one per concern.

Saving an article first deletes its rows from every table listed here, then calls each
writer, all in one transaction: re-ingesting replaces, it never duplicates. A new capability
registers a :class:`LayerWriter` in :data:`LAYER_WRITERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .bulk import insert_rows

if TYPE_CHECKING:
    from ..pipeline import Work

Connection = Any  # duckdb.DuckDBPyConnection (kept lazy: no import-time side effects)


@dataclass(frozen=True, slots=True)
class LayerWriter:
    name: str
    tables: tuple[str, ...]  # tables keyed by article_id that this writer fills
    write: Callable[[Connection, Work], None]


def _write_spans(con: Connection, work: Work) -> None:
    art = work.article
    rows: list[tuple[object, ...]] = []
    for layer, items in (("paragraph", art.paragraphs), ("sentence", art.sentences)):
        rows += [(art.id, layer, i, s.start, s.end, s.label, None, s.method, s.reason) for i, s in enumerate(items)]
    rows += [(art.id, "entity", i, e.start, e.end, e.label, e.text, e.method, e.reason)
             for i, e in enumerate(art.entities)]
    rows += [(art.id, "cited_outlet", i, c.start, c.end, c.cue, c.name, c.method, c.reason)
             for i, c in enumerate(art.cited_outlets)]
    if rows:
        insert_rows(con, "spans", rows)
    if art.tokens:
        con.execute("INSERT INTO tokens VALUES (?, ?, ?)",
                    [art.id, [s for s, _ in art.tokens], [e for _, e in art.tokens]])


def _write_attribution(con: Connection, work: Work) -> None:
    from .attribution import write_attribution

    write_attribution(con, work)


def _write_neardup(con: Connection, work: Work) -> None:
    from .attribution import write_neardup

    write_neardup(con, work)


def _write_events(con: Connection, work: Work) -> None:
    from .events import write_events

    write_events(con, work.article)


def _write_places(con: Connection, work: Work) -> None:
    from .places import write_places

    write_places(con, work)


LAYER_WRITERS: list[LayerWriter] = [
    LayerWriter("spans", ("spans", "tokens"), _write_spans),
    LayerWriter("events", ("event_reports", "event_arguments"), _write_events),
    LayerWriter("attribution", ("quotes", "statements", "source_paragraphs", "headline_flags"), _write_attribution),
    LayerWriter("neardup", ("article_minhash", "article_lsh", "near_duplicates"), _write_neardup),
    LayerWriter("places", ("place_mentions", "event_locations"), _write_places),
]
