"""The dateline: the place a report is filed from, written before the first sentence.

"KYIV, Ukraine (Reuters) —", "LONDON, Ont. —", "BANGKOK -", "Washington (CNN)", "WASHINGTON Barack
Obama pardoned ...": a name at the very start (or right after a one-line headline), optionally a
region or country after a comma, optionally the agency or date in brackets, then a dash or the
bracket. One parser serves the resolver (the dateline place is context for the rest) and event
location (the place of last resort). Whether the name is a place is for the gazetteer to say.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD_CAPS = r"[A-Z][A-Z'’.]*(?:-[A-Z][A-Z'’.]*)*"
_WORD_TITLE = r"[A-Z][a-z'’.]+(?:-[A-Z][a-z'’.]+)*"
_CAPS = rf"{_WORD_CAPS}(?:[ \t]+{_WORD_CAPS}){{0,3}}"  # "BANGKOK", "LAUREL COUNTY", "PLYMOUTH CO."
_TITLE = rf"{_WORD_TITLE}(?:[ \t]+{_WORD_TITLE}){{0,2}}"  # "Washington", "San Jose"
_REGION = r",[ \t]*(?P<region>[A-Z][A-Za-z'’.]*(?:-[A-Z][A-Za-z'’.]*)*(?:[ \t]+[A-Z][A-Za-z'’.]+){0,2})"  # ", Ky."
_SOURCE = r"[ \t]*\((?P<source>[^()\n]{1,40})\)"  # "(Reuters)", "(WBKO)", "(November 28, 2016)"
# an em or en dash, a hyphen after a space ("BANGKOK - "), or two hyphens ("KY--"); never the hyphen
# inside a word ("President-elect")
_DASH = r"(?:[ \t]*[—–]|[ \t]+-{1,2}|-{2})(?=\s|[A-Z(])"
# after the source's bracket alone: a new line or the next sentence's capital ("WASHINGTON (RNS) Evangelical")
_AFTER_SOURCE = r"(?<=\))(?=[ \t]*\n|[ \t]+[A-Z])"
# a name, region and source, ended by a dash or the source's bracket; or a name in capitals (and its
# region) written straight before the first word of the sentence ("DETROIT The ...")
_WITH_MARK = re.compile(rf"(?P<place>{_CAPS}|{_TITLE})(?:{_REGION})?(?:{_SOURCE})?(?:{_DASH}|{_AFTER_SOURCE})")
_CAPS_MARK = re.compile(rf"(?P<place>{_CAPS})(?:{_REGION})?(?:{_SOURCE})?(?:{_DASH}|{_AFTER_SOURCE})")
_BARE_CAPS = re.compile(rf"(?P<place>{_CAPS})(?:{_REGION})?[ \t]+(?=[A-Z][a-z])")
_HEADLINE_END = re.compile(r"(?:\n\s*|[.!?][ \t]+)")
_MAX_HEADLINE = 160


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where the dateline's place name (and region, if any) sits in the text."""

    start: int
    end: int
    place: str
    region: str = ""
    region_start: int = -1
    region_end: int = -1
    source: str = ""
    body_start: int = 0  # where the report's first sentence begins


def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text`` (or right after a short first line), if any."""
    starts = [len(text) - len(text.lstrip())]
    head = _HEADLINE_END.search(text, starts[0], starts[0] + _MAX_HEADLINE)
    if head is not None:
        starts.append(head.end())
    for i, at in enumerate(starts):
        if i == 0:
            m = _WITH_MARK.match(text, at) or _BARE_CAPS.match(text, at)
        else:  # after a headline line only a name in capitals with its mark: "... drugs.\n TORRINGTON —"
            m = _CAPS_MARK.match(text, at)
        if m is None:
            continue
        place = m.group("place").rstrip(" \t")
        letters = sum(ch.isalpha() for ch in place)
        if letters < 3:
            continue
        region = m.group("region") or ""
        r_start = m.start("region") if region else -1
        source = (m.groupdict().get("source") or "").strip()
        return Dateline(m.start("place"), m.start("place") + len(place), place, region, r_start,
                        r_start + len(region) if region else -1, source, m.end())
    return None
