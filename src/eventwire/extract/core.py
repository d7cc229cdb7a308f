"""Pick the extractor for a raw document and return one :class:`Extracted` record."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Settings
from ..errors import ExtractionError
from ..model import RawDocument
from . import html, text
from .decode import decode_bytes


@dataclass(frozen=True, slots=True)
class Extracted:
    """Main text plus metadata, before NLP; ``method`` says which extractor decided."""

    text: str
    title: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    method: str = ""


def extract(raw: RawDocument) -> Extracted:
    """Main text and metadata of ``raw``; raises :class:`ExtractionError` with a reason."""
    if raw.kind == "html":
        found = html.extract_html(raw.content, url=raw.url)
        result = Extracted(**found.as_fields(), method=found.method)
        if not result.text.strip() and raw.text:
            result = _from_text(raw.text, raw, "extract.record_text.v1")
    elif raw.kind == "record" and raw.text:
        result = _from_text(raw.text, raw, "extract.record_text.v1")
    else:
        result = _from_text(decode_bytes(raw.content), raw, "extract.text.v1")
    result = _fill_from_hints(result, raw)
    if len(result.text.split()) < 5:
        raise ExtractionError(f"no article text found ({len(result.text.split())} words)")
    limit = Settings().max_text_chars
    if len(result.text) > limit:
        raise ExtractionError(f"main text too long for one article ({len(result.text):,} characters, limit {limit:,})")
    return result


def _from_text(body: str, raw: RawDocument, method: str) -> Extracted:
    parsed = text.parse_plain_text(body, hint_title=raw.title)
    return Extracted(text=parsed.text, title=parsed.title, method=method)


def _fill_from_hints(result: Extracted, raw: RawDocument) -> Extracted:
    """Metadata the source gave (feed item, JSON Lines record) fills what extraction missed."""
    from dataclasses import replace

    return replace(
        result,
        title=result.title or raw.title,
        published=result.published or raw.published,
        outlet=result.outlet or raw.outlet,
        url=result.url or raw.url,
    )
