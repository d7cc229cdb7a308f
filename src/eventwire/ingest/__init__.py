"""Sources -> raw documents: files, directories, stdin, URLs, feeds, WARC, JSON Lines.

:func:`iter_raw` yields what the inputs contain; :func:`ingest` runs it through the pipeline
into a store and returns an :class:`IngestSummary`. Heavy libraries (httpx, feedparser, warcio)
are imported only when an input needs them.
"""

from __future__ import annotations

from ..model import Skipped
from .runner import IngestSummary, Outcome, ingest
from .sources import iter_raw

__all__ = ["IngestSummary", "Outcome", "Skipped", "ingest", "iter_raw"]
