"""Statement kind for every sentence: fact by the outlet, attributed claim, hedged, or opinion.

Precedence, first match wins: **attributed** (the sentence carries a quote or attribution:
whose is the resolved speaker) > **opinion** by first/second person, rhetorical question or
exclamation > **hedged** ("likely", "reportedly", "assuming", "appears to") > **opinion** by
evaluative words ("insane", "brazenly") > **fact**, stated by whoever owns the paragraph (the
publisher, or the cited outlet for an excerpt). Quoted text never makes the outlet's
sentence hedged or opinionated: cues are looked for outside quotation marks only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Quote, SourceParagraph, Span, Statement
from . import lexicon
from .quotemarks import quote_regions

METHOD = "attribution.statement.v1"
_WORD = re.compile(r"[A-Za-z’']+")
_HEDGE = re.compile(
    r"\b(?:" + "|".join(re.escape(h) for h in sorted(lexicon.HEDGES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Cue:
    """A word or mark that decided a kind: what kind, where, and a reason."""

    kind: str
    start: int
    end: int
    reason: str


def _unquoted(text: str, start: int, end: int) -> str:
    """The sentence with quoted text blanked out (same length, so offsets hold)."""
    chars = list(text[start:end])
    for r in quote_regions(text, start, end):
        for i in range(r.start - start, r.end - start):
            chars[i] = " "
    return "".join(chars)


def opinion_cue(text: str, start: int, end: int, strong_only: bool = False) -> Cue | None:
    """First/second person, rhetorical question, exclamation; then evaluative words."""
    plain = _unquoted(text, start, end)
    stripped = plain.rstrip()
    words = [(m.group(0), m.start()) for m in _WORD.finditer(plain)]
    for word, pos in words:
        low = word.lower()
        if low in lexicon.FIRST_PERSON and not (low == "us" and word == "US"):
            return Cue("opinion", start + pos, start + pos + len(word), f"first person {word!r}")
        if low in lexicon.SECOND_PERSON:
            return Cue("opinion", start + pos, start + pos + len(word), f"addresses the reader: {word!r}")
    if stripped.endswith("?"):
        return Cue("opinion", start + len(stripped) - 1, start + len(stripped), "rhetorical question")
    if stripped.endswith("!"):
        return Cue("opinion", start + len(stripped) - 1, start + len(stripped), "exclamation")
    if strong_only:
        return None
    for word, pos in words:
        if word.lower() in lexicon.OPINION_WORDS:
            return Cue("opinion", start + pos, start + pos + len(word), f"evaluative word {word!r}")
    return None


def hedge_cue(text: str, start: int, end: int) -> Cue | None:
    plain = _unquoted(text, start, end)
    for m in _HEDGE.finditer(plain):
        word = m.group(0)
        if word.lower() == "may" and word[0] == "M":
            continue  # the month
        return Cue("hedged", start + m.start(), start + m.end(), f"hedge {word.lower()!r}")
    return None


def _quote_in(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    best: Quote | None = None
    best_overlap = 0
    for q in quotes:
        if q.kind == "stance":
            continue  # "X endorsed Y" is the outlet's report of an act, not X's claim
        spans = [*q.content, *( [q.cue] if q.cue else [])]
        overlap = sum(max(0, min(end, s.end) - max(start, s.start)) for s in spans)
        if overlap > best_overlap:
            best, best_overlap = q, overlap
    return best


def _owner(paragraphs: Sequence[SourceParagraph], start: int, publisher: str) -> str:
    for p in paragraphs:
        if p.start <= start < p.end + 1:
            return p.outlet or publisher
    return publisher


def classify_sentences(text: str, sentences: Sequence[Span], quotes: Sequence[Quote],
                       paragraphs: Sequence[SourceParagraph], publisher: str) -> tuple[Statement, ...]:
    """One :class:`Statement` per sentence, in order."""
    out: list[Statement] = []
    for s in sentences:
        out.append(_classify(text, s, quotes, paragraphs, publisher))
    return tuple(out)


def _classify(text: str, s: Span, quotes: Sequence[Quote], paragraphs: Sequence[SourceParagraph],
              publisher: str) -> Statement:
    q = _quote_in(quotes, s.start, s.end)
    if q is not None:
        who = q.speaker_name or "an unnamed source"
        if q.affiliation_name:
            who = f"{who} ({q.affiliation_name})"
        cue = q.cue or q.content[0]
        return Statement(s.start, s.end, "attributed", who, Span(cue.start, cue.end, "cue", METHOD),
                         METHOD, f"carries a {q.kind} quote by {who}")
    for found in (opinion_cue(text, s.start, s.end, strong_only=True), hedge_cue(text, s.start, s.end),
                  opinion_cue(text, s.start, s.end)):
        if found is not None:
            return Statement(s.start, s.end, found.kind, _owner(paragraphs, s.start, publisher),
                             Span(found.start, found.end, "cue", METHOD), METHOD, found.reason)
    owner = _owner(paragraphs, s.start, publisher)
    return Statement(s.start, s.end, "fact", owner, None, METHOD,
                     f"no attribution, hedge or opinion cue: stated by {owner}")
