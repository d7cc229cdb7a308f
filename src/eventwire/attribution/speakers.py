"""Speaker resolution: link "he", "the ministry" or "an unnamed soldier" back to who it is.

Mentions (noun chunks and entities) are collected once per article. A pronoun links to the
nearest compatible earlier mention (subjects first, quotes and possessives skipped); a
definite description ("the ministry") to the nearest named organisation with that head word;
a nameless person description ("an unnamed soldier") gets an *affiliation*: the nearest
earlier named organisation acting as agent or subject (the Freedom of Russia Legion).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Entity
from . import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ..nlp.base import ParsedParagraph
    from .quotemarks import QuoteRegion

_DEFINITE = {"the", "this", "that", "these", "those"}
_AGENT_DEPS = {"nsubj", "nsubjpass", "appos", "ROOT", "agent"}
_MAX_PARAGRAPHS_BACK = 4


@dataclass(frozen=True, slots=True)
class Mention:
    """A noun phrase or entity that a speaker may refer back to."""

    start: int
    end: int
    text: str
    head: str  # lower-cased head word
    kind: str  # "person" | "group" | "he" | "they" | "it" | "other"
    named: bool
    definite: bool
    dep: str
    label: str  # entity label of the head ("" when none)
    paragraph: int
    sentence_start: int
    in_quote: bool


@dataclass(frozen=True, slots=True)
class Resolution:
    """Who a speaker mention is: the resolved mention, its organisation, and why."""

    resolved: Mention | None
    affiliation: Mention | None
    reason: str


class SpeakerResolver:
    """Resolve speaker mentions of one article (built once, queried per quote)."""

    def __init__(self, text: str, parsed: Sequence[ParsedParagraph], entities: Sequence[Entity],
                 regions: Sequence[QuoteRegion], excluded_orgs: Sequence[str] = ()) -> None:
        self.text = text
        self.regions = regions
        self.excluded = {e.lower() for e in excluded_orgs}
        self.mentions = _collect(text, parsed, entities, regions)
        self._cache: dict[tuple[int, int], Resolution] = {}

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention best matching a speaker span (same head inside the span)."""
        inside = [m for m in self.mentions if m.start >= start and m.end <= end]
        if not inside:
            return None
        return min(inside, key=lambda m: (m.start - start, -(m.end - m.start)))

    def resolve(self, start: int, end: int) -> Resolution:
        key = (start, end)
        if key not in self._cache:
            self._cache[key] = self._resolve(start, end)
        return self._cache[key]

    def _resolve(self, start: int, end: int) -> Resolution:
        m = self.mention_at(start, end)
        if m is None:
            return Resolution(None, None, "no mention under the speaker span")
        if m.kind in ("he", "they", "it"):
            target = self._antecedent(m)
            if target is None:
                return Resolution(m, None, f"pronoun {m.text!r}: no compatible earlier mention")
            inner = self.resolve(target.start, target.end)
            resolved = inner.resolved or target
            return Resolution(resolved, inner.affiliation,
                              f"pronoun {m.text!r} -> {target.text!r}" + _then(inner.reason))
        if m.named:
            return Resolution(m, self._own_affiliation(m), "named speaker")
        if m.definite and m.kind == "group":
            target = self._named_group_before(m)
            if target is not None:
                return Resolution(target, None, f"description {m.text!r} -> named {target.text!r}")
        if m.kind == "person":
            aff = self._own_affiliation(m) or self._agent_org_before(m)
            why = f"description {m.text!r}" + (f" affiliated with {aff.text!r}" if aff else "")
            return Resolution(m, aff, why)
        return Resolution(m, None, f"speaker {m.text!r} kept as written")

    # -- candidates -----------------------------------------------------------------------
    def _before(self, m: Mention) -> list[Mention]:
        """Earlier mentions, nearest sentence first and subjects first within a sentence."""
        earlier = [c for c in self.mentions if c.end <= m.start and not c.in_quote and c.dep != "poss"
                   and m.paragraph - c.paragraph <= _MAX_PARAGRAPHS_BACK]
        return sorted(earlier, key=lambda c: (-c.sentence_start, c.dep not in ("nsubj", "nsubjpass"), -c.start))

    def _antecedent(self, m: Mention) -> Mention | None:
        want = {"he": ("person", "he"), "they": ("group", "they", "person"), "it": ("group", "it")}[m.kind]
        for c in self._before(m):
            if c.kind not in want or c.text.lower() in self.excluded:
                continue
            if m.kind == "he" and c.kind == "person" and c.head.endswith("s") and not c.named:
                continue  # "officials" is not "he"
            return c
        return None

    def _named_group_before(self, m: Mention) -> Mention | None:
        named = [c for c in self._before(m) if c.named and c.kind == "group" and c.text.lower() not in self.excluded]
        same_head = [c for c in named if m.head in c.text.lower()]
        return (same_head or named or [None])[0]

    def _agent_org_before(self, m: Mention) -> Mention | None:
        for c in self._before(m):
            if c.named and c.label == "ORG" and c.dep in _AGENT_DEPS and c.text.lower() not in self.excluded:
                return c
        return None

    def _own_affiliation(self, m: Mention) -> Mention | None:
        """An organisation inside the speaker phrase itself ("a soldier of the Legion")."""
        for c in self.mentions:
            if c is not m and c.start >= m.start and c.end <= m.end + 60 and c.named and c.label == "ORG" \
                    and c.dep in ("pobj", "appos") and c.start < m.end + 60 \
                    and self.text[m.end:c.start].strip(" ,").lower() in ("", "of", "for", "from", "of the", "for the"):
                return c
        return None


def _then(reason: str) -> str:
    return f"; {reason}" if reason and reason != "named speaker" else ""


def _collect(text: str, parsed: Sequence[ParsedParagraph], entities: Sequence[Entity],
             regions: Sequence[QuoteRegion]) -> list[Mention]:
    ent_label = {(e.start, e.end): e.label for e in entities}
    mentions: list[Mention] = []
    for pi, pp in enumerate(parsed):
        doc, off = pp.doc, pp.offset
        seen: set[tuple[int, int]] = set()
        sent_starts = [sent.start_char for sent in doc.sents]  # once: Token.sent can re-walk doc.sents
        end_of_doc = off + len(doc.text)  # Doc.text re-joins every token: compute it once
        spans = list(doc.noun_chunks)
        for e in entities:
            if off <= e.start and e.end <= end_of_doc:
                sp = doc.char_span(e.start - off, e.end - off, alignment_mode="expand")
                if sp is not None:
                    spans.append(sp)
        for sp in spans:
            s, e = off + sp.start_char, off + sp.end_char
            if (s, e) in seen:
                continue
            seen.add((s, e))
            root = off + sp.root.idx
            label = next((lab for (a, b), lab in ent_label.items() if a <= root < b), None)
            sent_start = sent_starts[max(bisect_right(sent_starts, sp.root.idx) - 1, 0)]
            mentions.append(_mention(text, sp, s, e, label, pi, off + sent_start, regions))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


def _mention(text: str, sp: SpacySpan, s: int, e: int, label: str | None, pi: int, sent_start: int,
             regions: Sequence[QuoteRegion]) -> Mention:
    root: Token = sp.root
    lower = root.text.lower()
    first = sp[0].text.lower()
    named = label is not None and (label == "PERSON" or any(t.pos_ == "PROPN" for t in sp))
    if root.pos_ == "PRON":
        kind = "he" if lower in lexicon.PRONOUNS_PERSON else "they" if lower in lexicon.PRONOUNS_PLURAL \
            else "it" if lower == "it" else "other"
    elif label == "PERSON":
        kind = "person"
    elif label in ("ORG", "NORP", "GPE") and named:
        kind = "group"
    elif root.lemma_.lower() in lexicon.PERSON_NOUNS or lower in lexicon.PERSON_NOUNS:
        kind = "person"
    elif root.lemma_.lower() in lexicon.GROUP_NOUNS:
        kind = "group"
    else:
        kind = "other"
    in_quote = any(r.start < s and e <= r.end for r in regions)
    dep = "agent" if root.dep_ == "pobj" and (root.head.dep_ == "agent" or root.head.lower_ == "by") else root.dep_
    return Mention(s, e, text[s:e], lower, kind, named, first in _DEFINITE or first.endswith("'s"),
                   dep, label or "", pi, sent_start, in_quote)
