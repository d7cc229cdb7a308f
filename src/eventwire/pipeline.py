"""The pipeline: an ordered list of named stages that turn one raw input into an Article.

Each stage reads and writes a :class:`Work` item (the article so far plus the spaCy parses
later stages reuse). A stage that fails raises an :class:`~eventwire.errors.EventwireError`;
:func:`run_raw` turns that into a :class:`~eventwire.model.Rejection` naming the stage, so one
bad document never stops a batch.

To add a capability (events, places, quotes), write ``def stage(work: Work) -> None`` in its
own module and append ``Stage("name", fn)`` to :data:`DEFAULT_STAGES`.
"""

from __future__ import annotations

import hashlib
import logging
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from .errors import EventwireError, ExtractionError
from .extract import cited, language
from .extract.core import Extracted, extract
from .model import Article, RawDocument, Rejection
from .nlp.base import BaseLayer

log = logging.getLogger(__name__)


@dataclass
class Work:
    """One article on its way through the stages (mutable on purpose, records inside are not)."""

    article: Article
    raw: RawDocument | None = None
    base: BaseLayer | None = None


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    run: Callable[[Work], None]


def _language_stage(work: Work) -> None:
    lang = language.identify(work.article.text)
    notes = work.article.notes + ((lang.reason,) if lang.code == "und" else ())
    work.article = replace(work.article, language=lang.code, language_score=lang.score, notes=notes)


def _cited_stage(work: Work) -> None:
    work.article = replace(work.article, cited_outlets=cited.cited_outlets(work.article.text))


def _nlp_stage(work: Work) -> None:
    art = work.article
    if not art.is_english:
        work.article = replace(art, notes=(*art.notes, f"NLP skipped: language {art.language!r} is not English"))
        return
    base = work.base or analyse_triaged(art.text, art.title)  # a batch runner may have analysed it already
    work.base = base
    work.article = replace(
        art, paragraphs=base.paragraphs, sentences=base.sentences, tokens=base.tokens, entities=base.entities
    )


def analyse_triaged(text: str, title: str | None) -> BaseLayer:
    """The base layer ingest uses (also for ``recode``, so recoding sees the same parses)."""
    from .scale.layer import pipeline_layer  # NER everywhere, the parser only where a stage reads it

    return pipeline_layer(text, title)


def _attribution_stage(work: Work) -> None:
    from .attribution.stage import attribution_stage

    attribution_stage(work)


def _events_stage(work: Work) -> None:
    from .events import stage

    stage(work)


def _places_stage(work: Work) -> None:
    from .geo.stage import places_stage

    places_stage(work)


DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("language", _language_stage),
    Stage("cited", _cited_stage),
    Stage("nlp", _nlp_stage),
    Stage("attribution", _attribution_stage),
    Stage("events", _events_stage),
    Stage("places", _places_stage),
)


def article_id(text: str, url: str | None) -> str:
    """Stable id: same main text at the same address -> same id, whatever the wrapper."""
    norm = " ".join(text.split())
    return hashlib.sha256(f"{url or ''}\n{norm}".encode()).hexdigest()[:16]


def parse_published(value: str | datetime | None) -> datetime | None:
    """Publication time as the outlet's own wall-clock time (naive), or ``None`` if unreadable.

    The time zone is dropped, not converted: "on Monday" in a story published on Monday evening
    in New York means that Monday, and converting to UTC would move it to Tuesday.
    """
    if value is None or isinstance(value, datetime):
        return _local_wall_time(value) if value else None
    from dateutil import parser

    try:
        with warnings.catch_warnings():  # "PST"-style zones: the wall time is what we keep anyway
            warnings.simplefilter("ignore", parser.UnknownTimezoneWarning)
            return _local_wall_time(parser.parse(value.strip()))
    except (ValueError, OverflowError, TypeError):
        return None


def _local_wall_time(value: datetime) -> datetime:
    return value.replace(tzinfo=None)


def new_article(found: Extracted, raw: RawDocument) -> Article:
    """The bare Article (metadata + text) that the stages then fill."""
    text = found.text
    address = found.canonical_url or found.url
    return Article(
        id=article_id(text, address),
        text=text,
        title=found.title,
        url=found.url,
        canonical_url=found.canonical_url,
        outlet=found.outlet,
        published=parse_published(found.published),
        authors=found.authors,
        source=raw.source,
        raw_sha256=raw_sha256(raw.content),
        extraction_method=found.method,
    )


def raw_sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def run_stages(work: Work, stages: tuple[Stage, ...] = DEFAULT_STAGES) -> Work:
    """Run ``stages`` in order; an error propagates with the failing stage's name set."""
    for stage in stages:
        try:
            stage.run(work)
        except EventwireError as exc:
            exc.stage = stage.name
            raise
    return work


def run_raw(raw: RawDocument, stages: tuple[Stage, ...] = DEFAULT_STAGES) -> Work | Rejection:
    """Extract and analyse one raw input; failures come back as a Rejection, never raised."""
    try:
        found = extract(raw)
    except EventwireError as exc:
        return _rejection(raw, "extract" if isinstance(exc, ExtractionError) else exc.stage, str(exc))
    try:
        return run_stages(Work(new_article(found, raw), raw), stages)
    except EventwireError as exc:
        return _rejection(raw, exc.stage, str(exc))


def _rejection(raw: RawDocument, stage: str, reason: str) -> Rejection:
    return Rejection(raw.source, stage, reason, raw_sha256(raw.content), datetime.now(UTC).replace(tzinfo=None))


def process(text_or_html: str | bytes, url: str | None = None, published: str | datetime | None = None) -> Article:
    """Run the whole pipeline on one document, no store needed; raises on failure."""
    content = text_or_html.encode("utf-8") if isinstance(text_or_html, str) else text_or_html
    from .ingest.detect import sniff_kind

    kind = sniff_kind(content)
    raw = RawDocument(source=url or "<process>", kind=kind, content=content, url=url,
                      published=published.isoformat() if isinstance(published, datetime) else published)
    result = run_raw(raw)
    if isinstance(result, Rejection):
        err = ExtractionError(f"[{result.stage}] {result.reason}")
        err.stage = result.stage
        raise err
    return result.article
