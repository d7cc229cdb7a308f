"""The ``places`` pipeline stage: resolve every place mention, then locate the event reports."""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import GeoError
from .api import resolve_article
from .gazetteer import load_gazetteer
from .locate import locate_events

if TYPE_CHECKING:
    from ..pipeline import Work

log = logging.getLogger(__name__)


def places_stage(work: Work) -> None:
    """Fill ``Article.places`` and each event report's ``location``.

    A missing gazetteer is built on first use; if that fails the article keeps everything else
    and says why in its notes (a geocoding problem never loses an article).
    """
    art = work.article
    if not art.entities and not art.tokens:
        return
    try:
        gaz = load_gazetteer()
        art = replace(art, places=resolve_article(art, gaz))
        if getattr(art, "events", ()):
            art = replace(art, events=locate_events(art, gaz))
    except GeoError as exc:
        log.warning("places skipped for %s: %s", art.id, exc)
        art = replace(art, notes=(*art.notes, f"places skipped: {exc}"))
    work.article = art
