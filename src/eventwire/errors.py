"""One exception tree for the whole package.

Third-party errors are translated at the boundary (``raise ... from exc``) so callers catch
``EventwireError`` and always get a message a person understands, plus the stage it came from.
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
