"""One exception tree for the whole package.

Third-party errors are translated at the boundary (``raise ... from exc``) so callers catch
``EventwireError`` and always get a message a person understands, plus the stage it came from.

Messages start with a number, ``[Exxx]``; each area owns a range, so a number names one error:

- E1xx  language pipeline (``nlp``, the triage layer in ``scale``)
- E2xx  store: open, migrate, write, load shards, cluster
- E3xx  store look-ups: article (E301, ``store/ids.py``), event report (E311), clustered event (E312)
- E4xx  ``eventwire eval`` suites
- E50x–E51x  event coding (``events``)
- E52x–E59x  ingest: JSON Lines, URL lists, feeds, WARC, fetching, local files, stage bugs (docs/ingest.md)
- E6xx  places and the gazetteer (``geo``)
- E7xx  HTTP API, its query filters, exports, ``serve``
- E8xx  scale-out ingest (``--engine ray``, shard folders)
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base class of every error eventwire raises on purpose."""

    stage = "eventwire"


class UsageError(EventwireError):
    """The caller asked for something impossible (bad option, unknown suite)."""

    stage = "usage"


class InputError(EventwireError):
    """An input could not be read or recognised (empty, binary, malformed)."""

    stage = "input"


class FetchError(InputError):
    """A URL or feed could not be fetched (unreachable, refused, too large)."""

    stage = "fetch"


class ExtractionError(EventwireError):
    """No usable article could be extracted from an input."""

    stage = "extract"


class NLPError(EventwireError):
    """The language pipeline failed on an article or could not be loaded."""

    stage = "nlp"


class StoreError(EventwireError):
    """The DuckDB store could not be opened, migrated or written."""

    stage = "store"


class NotFound(EventwireError):
    """A requested record (article, event) is not in the store."""

    stage = "query"


class GeoError(EventwireError):
    """The gazetteer could not be built or opened, or a place could not be resolved."""

    stage = "places"
