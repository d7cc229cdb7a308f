"""Place mentions attached to an event: GPE/LOC/FAC entities and place phrases ("border towns").

Geocoding is the places stage's job; this module only keeps the spans, labelled ``place``
(in the event's sentence) or ``context_place`` (in an event-less sentence right after it), so
the resolver can pick the event location with its own evidence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Entity, Span

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

METHOD = "events.places.v1"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_NOUNS = frozenset(
    "town village city cities region province district area territory border frontier settlement "
    "neighbourhood neighborhood suburb outskirts capital oblast county municipality enclave".split())


def entity_places(entities: tuple[Entity, ...], start: int, end: int, label: str = "place") -> list[Span]:
    return [Span(e.start, e.end, label, METHOD, f"{e.label} entity in the event's sentence"
                 if label == "place" else f"{e.label} entity in the next sentence, which reports no event")
            for e in entities if e.label in PLACE_LABELS and start <= e.start and e.end <= end]


def phrase_places(sent: SpacySpan, offset: int, label: str = "place") -> list[Span]:
    """Common-noun place phrases ("some border towns" -> "border towns"), no determiners."""
    out: list[Span] = []
    for tok in sent:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in PLACE_NOUNS:
            continue
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in PLACE_NOUNS:
            continue  # "border" in "border towns": the head carries the phrase
        left = [c for c in tok.lefts if c.dep_ in {"compound", "amod"} and c.pos_ in {"NOUN", "ADJ", "PROPN"}]
        first = min([tok, *left], key=lambda t: t.i)
        start = offset + first.idx
        end = offset + tok.idx + len(tok.text)
        out.append(Span(start, end, label, METHOD, f"place noun {tok.lemma_!r}"))
    return out
