"""Event coding: who did what to whom, when, where, according to whom, and how sure.

``stage(work)`` is the pipeline stage; :func:`code_article` does the work on an analysed
article. Mapping tables (PLOVER -> ACLED, CAMEO) are in :mod:`eventwire.events.mapping`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .coder import code_article

if TYPE_CHECKING:
    from ..pipeline import Work

__all__ = ["code_article", "stage"]


def stage(work: Work) -> None:
    """Pipeline stage "events": adds ``Article.events`` (needs the NLP stage's parses)."""
    art = work.article
    if work.base is None:
        work.article = replace(art, notes=(*art.notes, "events skipped: no NLP parse (language not English?)"))
        return
    work.article = replace(art, events=code_article(art, work.base))
