"""Quoted regions of a text: “ ” « » „ ‘ ’ and straight double quotes, per paragraph.

A quote still open at the end of a paragraph ends there and is marked ``open``: the
newspaper convention for multi-paragraph quotes (no closing mark, the next paragraph opens
again) is handled by the quote finder, which chains such regions to one speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

_PAIRS = {"“": "”", "«": "»", "„": "“", "‘": "’", '"': '"'}


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """Offsets of a quotation including its marks; ``open`` when it runs to paragraph end."""

    start: int
    end: int
    open: bool = False


def _opens(text: str, i: int) -> bool:
    ch = text[i]
    if ch == "‘":
        return i == 0 or not text[i - 1].isalnum()
    if ch == '"':
        return (i == 0 or text[i - 1] in " \t\n([—–-") and i + 1 < len(text) and not text[i + 1].isspace()
    return True


def _closes(text: str, i: int, close: str) -> bool:
    if text[i] != close:
        return False
    if close == "’":
        return i + 1 >= len(text) or not text[i + 1].isalnum()
    return True


def quote_regions(text: str, start: int = 0, end: int | None = None) -> list[QuoteRegion]:
    """Quoted regions in ``text[start:end]`` (one paragraph), outermost quotes only."""
    end = len(text) if end is None else end
    regions: list[QuoteRegion] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in _PAIRS and _opens(text, i):
            close = _PAIRS[ch]
            j = i + 1
            while j < end and not _closes(text, j, close):
                j += 1
            if j < end:
                regions.append(QuoteRegion(i, j + 1))
                i = j + 1
                continue
            if ch not in "‘":  # an unclosed single quote is usually an apostrophe
                regions.append(QuoteRegion(i, end, open=True))
                break
        i += 1
    return [r for r in regions if r.end - r.start > 2]
