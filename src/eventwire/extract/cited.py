"""Cited outlets: where an article says its material comes from.

"Source: Newsweek", "KYIV (Reuters) -", "according to a report by X", "via X",
"originally published by X" each yield a :class:`CitedOutlet` with the span of the name, so
the article is recorded as a derivative of that outlet's report.
"""

from __future__ import annotations

import re

from ..model import CitedOutlet

_NAME = r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&.'’-]*){0,5})"
_AGENCIES = {
    "AP": "Associated Press", "the AP": "Associated Press", "AFP": "Agence France-Presse",
    "UPI": "United Press International", "DPA": "dpa", "Reuters": "Reuters",
}
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("source line", re.compile(
        r"(?m)^\s*(?:Sources?|Quelle|Fuente|Originally from)\s*[:：]\s*" + _NAME + r"\s*\.?\s*$")),
    ("wire dateline", re.compile(
        r"\((?P<name>Reuters|AP|AFP|UPI|Bloomberg|dpa|Xinhua|TASS|Interfax|ANI|PTI|IANS)\)\s*[-—–]")),
    ("according to a report", re.compile(
        r"according to (?:a |an )?(?:new |recent )?(?:report|article|story|investigation|analysis)s?"
        r"\s+(?:by|in|from)\s+" + _NAME)),
    ("originally published", re.compile(
        r"(?:originally|first) (?:published|appeared|ran) (?:by|in|on|at)\s+" + _NAME)),
    ("republished", re.compile(r"(?:republished|reprinted|reposted) (?:with permission )?from\s+" + _NAME)),
    ("via", re.compile(r"(?m)(?:^|[(\[]|\s[-—–]\s)\s*[Vv]ia\s+" + _NAME + r"\s*(?:[)\]]|$)")),
)
_TRAILING = re.compile(r"(?:\s+(?:on|in|at|and|said|says|reported|reports))+$")


def cited_outlets(text: str) -> tuple[CitedOutlet, ...]:
    """All cited outlets in ``text``, in text order, one per mention."""
    found: list[CitedOutlet] = []
    for cue, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span("name")
            raw = text[start:end]
            trimmed = _TRAILING.sub("", raw).rstrip(".,;:")
            end = start + len(trimmed)
            name = _canonical(trimmed)
            if not name:
                continue
            found.append(CitedOutlet(name, start, end, cue, "extract.cited.v1",
                                     f"{cue!r} pattern: {match.group(0).strip()[:80]!r}"))
    found.sort(key=lambda c: c.start)
    return tuple(c for i, c in enumerate(found) if not any(p.start == c.start for p in found[:i]))


def _canonical(name: str) -> str:
    stripped = re.sub(r"^[Tt]he\s+", "", name).strip()
    return _AGENCIES.get(name, _AGENCIES.get(stripped, stripped))
