"""eventwire: news in, evidence-backed political and conflict event data out, offline.

The library is the product; the CLI and HTTP API are thin layers over it::

    import eventwire
    article = eventwire.process(open("story.html").read(), url="https://example.org/story")
    with eventwire.Store("eventwire.duckdb") as store:
        ...
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    EventwireError,
    ExtractionError,
    FetchError,
    InputError,
    NLPError,
    NotFound,
    StoreError,
    UsageError,
)
from .model import Article, CitedOutlet, Entity, RawDocument, Rejection, Span

if TYPE_CHECKING:
    from .pipeline import process
    from .store import Store

__all__ = [
    "Article",
    "CitedOutlet",
    "Entity",
    "EventwireError",
    "ExtractionError",
    "FetchError",
    "InputError",
    "NLPError",
    "NotFound",
    "RawDocument",
    "Rejection",
    "Span",
    "Store",
    "StoreError",
    "UsageError",
    "process",
]


def __getattr__(name: str) -> Any:
    """Import heavy parts (spaCy, DuckDB) only when first used: no import-time side effects."""
    if name == "process":
        from .pipeline import process

        return process
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")
