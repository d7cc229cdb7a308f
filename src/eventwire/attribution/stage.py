"""The "attribution" pipeline stage: quotes, source paragraphs, statement kinds, headline flags."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import HeadlineFlag, Span
from .headline import check_headline
from .quotes import find_quotes
from .sources import source_paragraphs
from .stance import stance
from .statements import classify_sentences

if TYPE_CHECKING:
    from ..pipeline import Work


def attribution_stage(work: Work) -> None:
    """Fill ``quotes``, ``source_paragraphs``, ``statements`` and ``headline_flags``."""
    art = work.article
    if work.base is None:
        return  # no parse (not English): nothing to attribute
    publisher = art.outlet or "the publisher"
    quotes = find_quotes(art.text, work.base.parsed, art.entities, [c.name for c in art.cited_outlets])
    paragraphs = source_paragraphs(art.text, art.paragraphs, art.sentences, art.cited_outlets, publisher)
    statements = classify_sentences(art.text, art.sentences, quotes, paragraphs, publisher)
    skip = [(p.start, p.end) for p in paragraphs if p.role == "source line"]
    flags = check_headline(art.title, art.text, art.sentences, skip) + stance_flags(art.title, art.text)
    work.article = replace(art, quotes=quotes, source_paragraphs=paragraphs, statements=statements,
                           headline_flags=flags)


def stance_flags(title: str | None, text: str) -> tuple[HeadlineFlag, ...]:
    """An "unrelated" or "contradicted" flag when the stance model says so."""
    if not title or not text.strip():
        return ()
    found = stance(title, text)
    kind = {"unrelated": "unrelated", "disagree": "contradicted"}.get(found.label)
    if kind is None:
        return ()
    return (HeadlineFlag(kind, Span(0, len(title), "headline", found.method), (), found.method, found.reason),)
