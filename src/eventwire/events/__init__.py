"""Event coding: who did what to whom, when, where, according to whom, and how sure.

``stage(work)`` is the pipeline stage; :func:`code_article` does the work on an analysed
article, and :mod:`eventwire.events.scope` then sets aside reports that are not about politics
or conflict at all (a Pokémon "battle"), naming them in the article's notes. Mapping tables
(PLOVER -> ACLED, CAMEO) are in :mod:`eventwire.events.mapping`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .coder import code_article
from .scope import split_by_scope

if TYPE_CHECKING:
    from ..pipeline import Work

__all__ = ["code_article", "stage"]


def stage(work: Work) -> None:
    """Pipeline stage "events": adds ``Article.events`` (needs the NLP stage's parses)."""
    art = work.article
    if work.base is None:
        work.article = replace(art, notes=(*art.notes, "events skipped: no NLP parse (language not English?)"))
        return
    events, note = split_by_scope(code_article(art, work.base), art)
    work.article = replace(art, events=events, notes=(*art.notes, note) if note else art.notes)
