"""Whose words each paragraph is: the publisher's own, or a cited outlet's material.

A ``Source: Newsweek`` line marks the paragraphs after it as Newsweek's excerpt (or, when
nothing follows, the ones before it), up to trailing paragraphs that read as the
publisher's own commentary (first person, addressing the reader, rhetorical questions). A
wire dateline ("(Reuters) -") or "originally published by" makes the whole text the cited
outlet's. The publisher's own paragraphs are "commentary" when they carry opinion cues,
"reporting" otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import CitedOutlet, SourceParagraph, Span
from .statements import opinion_cue

METHOD = "attribution.sources.v1"
_WHOLE_TEXT_CUES = {"wire dateline", "originally published", "republished"}


def source_paragraphs(text: str, paragraphs: Sequence[Span], sentences: Sequence[Span],
                      cited: Sequence[CitedOutlet], publisher: str) -> tuple[SourceParagraph, ...]:
    """One record per paragraph, in order."""
    roles: list[tuple[str, str, str, str]] = [("own", publisher, "", "")] * len(paragraphs)
    for c in cited:
        if c.cue in _WHOLE_TEXT_CUES:
            roles = [("cited", c.name, "excerpt", f"{c.cue} names {c.name}: the whole text is its copy")
                     for _ in paragraphs]
            break
    for c in cited:
        if c.cue != "source line":
            continue
        i = next((k for k, p in enumerate(paragraphs) if p.start <= c.start < p.end), None)
        if i is None:
            continue
        roles[i] = ("own", publisher, "source line", f"'Source: {c.name}' line")
        block = _excerpt_block(text, paragraphs, sentences, i)
        for k in block:
            roles[k] = ("cited", c.name, "excerpt", f"follows/precedes the 'Source: {c.name}' line")
    out: list[SourceParagraph] = []
    for p, (origin, outlet, role, reason) in zip(paragraphs, roles, strict=True):
        if origin == "own" and not role:
            cue = _paragraph_opinion(text, p, sentences)
            role = "commentary" if cue else "reporting"
            reason = f"publisher's own words; {cue}" if cue else "publisher's own words, no opinion cue"
        out.append(SourceParagraph(p.start, p.end, origin, outlet, role, METHOD, reason))
    return tuple(out)


def _paragraph_opinion(text: str, p: Span, sentences: Sequence[Span]) -> str:
    for s in sentences:
        if p.start <= s.start < p.end:
            cue = opinion_cue(text, s.start, s.end)
            if cue is not None:
                return f"{cue.reason} at {s.start}"
    return ""


def _is_commentary(text: str, p: Span, sentences: Sequence[Span]) -> bool:
    """Every sentence is strongly first/second person or a rhetorical question."""
    sents = [s for s in sentences if p.start <= s.start < p.end] or [p]
    return all(opinion_cue(text, s.start, s.end, strong_only=True) for s in sents)


def _excerpt_block(text: str, paragraphs: Sequence[Span], sentences: Sequence[Span], i: int) -> list[int]:
    after = list(range(i + 1, len(paragraphs)))
    if after:
        while after and _is_commentary(text, paragraphs[after[-1]], sentences):
            after.pop()
        return after
    before = list(range(i))
    while before and _is_commentary(text, paragraphs[before[0]], sentences):
        before.pop(0)
    return before
