"""Typed records shared by every stage: the article and the span layers over its main text.

Every extracted thing is a span (character offsets into ``Article.text``) that carries the
component that produced it (``method``) and why (``reason``). Records are frozen: stages
return new records with ``dataclasses.replace`` instead of mutating shared state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled character range of an article's main text, with its provenance."""

    start: int
    end: int
    label: str = ""
    method: str = ""
    reason: str = ""

    def text_in(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention (spaCy label set), possibly corrected by rules."""

    start: int
    end: int
    label: str
    text: str
    method: str = "nlp.spacy.v1"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class CitedOutlet:
    """An outlet the article says its material comes from ("Source: Newsweek", "(Reuters) -")."""

    name: str
    start: int
    end: int
    cue: str
    method: str = "extract.cited.v1"
    reason: str = ""


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input as received, before extraction: bytes plus what the source told us."""

    source: str  # file path, URL, "stdin", "crawl.warc.gz#1234"
    kind: str  # "html" | "text" | "record" (JSONL / feed item with its own text)
    content: bytes
    url: str | None = None
    title: str | None = None
    published: str | None = None
    text: str | None = None  # ready-made text (JSON Lines, feed item content)
    outlet: str | None = None
    fetched_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input or stage that failed: what, where, why. Nothing disappears silently."""

    source: str
    stage: str
    reason: str
    raw_sha256: str | None = None
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: metadata, main text and the span layers computed over it."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    language: str = "und"
    language_score: float = 0.0
    source: str = ""
    raw_sha256: str | None = None
    extraction_method: str = ""
    paragraphs: tuple[Span, ...] = ()
    sentences: tuple[Span, ...] = ()
    tokens: tuple[tuple[int, int], ...] = ()
    entities: tuple[Entity, ...] = ()
    cited_outlets: tuple[CitedOutlet, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def is_english(self) -> bool:
        return self.language == "en"

    def span_text(self, span: Span | Entity | CitedOutlet) -> str:
        return self.text[span.start : span.end]


# --- Ingestion (issue 2: inputs, fetching, bad input) ------------------------------------


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input part deliberately not ingested (a WARC request record, an image): counted, not an error."""

    source: str
    reason: str
