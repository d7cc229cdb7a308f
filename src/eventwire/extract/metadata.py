"""Page metadata (title, date, authors, outlet, canonical URL) with trafilatura as fallback.

Kept separate so it can be improved against the extraction evaluation without touching the
body-text path. The first version simply takes trafilatura's values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class PageMetadata:
    title: str | None
    published: str | None
    authors: tuple[str, ...]
    outlet: str | None
    canonical_url: str | None


def page_metadata(content: bytes | str, url: str | None, fallback: dict[str, Any]) -> PageMetadata:
    """Metadata for one page; ``fallback`` is trafilatura's ``bare_extraction`` dict."""
    authors = tuple(a.strip() for a in (fallback.get("author") or "").split(";") if a.strip())
    return PageMetadata(
        title=fallback.get("title"),
        published=fallback.get("date"),
        authors=authors,
        outlet=fallback.get("sitename") or fallback.get("hostname"),
        canonical_url=fallback.get("url") or url,
    )
