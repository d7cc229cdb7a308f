"""Place mentions in an article: spaCy's GPE/LOC/FAC (and demonyms), plus gazetteer names it missed.

Each mention keeps the cue words around it ("Belgorod *Oblast*", "the *city of* Belgorod",
"*near* Kharkiv"), because the cue decides between a region and its capital.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Entity
from .dateline import parse_dateline
from .gazetteer import Gazetteer
from .names import ADMIN1_CUES, CITY_CUES, DISTRICT_CUES, PROXIMITY_CUES

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_BLOCKING_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "DATE", "TIME",
                              "MONEY", "QUANTITY", "PERCENT", "CARDINAL", "ORDINAL", "LANGUAGE"})
_CUE_AFTER = re.compile(r"^(?:[\s-]+)(oblast'?|region|province|governorate|prefecture|krai|kray|state|"
                        r"district|raion|rayon|county|municipality|okrug|city|town|village|governor|gov)\b",
                        re.IGNORECASE)
_CUE_INSIDE = re.compile(r"[\s-]+(oblast'?|region|province|governorate|prefecture|krai|kray|district|raion|rayon|"
                         r"county|municipality|okrug)$", re.IGNORECASE)
_CUE_BEFORE = re.compile(r"\b(city|town|village|capital|settlement|region|province|oblast|district|county|governor)"
                         r"\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_NEAR_BEFORE = re.compile(r"\b(near|outside|around|close to|nearby|border with|bordering|outskirts of)\s+(?:the\s+)?$",
                          re.IGNORECASE)
_CITY_AFTER = re.compile(r"^\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(city|town|village)\b", re.IGNORECASE)
_LEADING_THE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_CAPITALISED = re.compile(r"^[A-ZА-ЯЁІЇЄ][\w'’.-]*$")
_TRAILING_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(frozen=True, slots=True)
class RawMention:
    """A name in the text before resolution: where, what, and the cue class next to it."""

    start: int
    end: int
    text: str
    label: str
    cue: str = ""  # the cue word(s) as written
    cue_kind: str = ""  # "admin1" | "district" | "city" | ""
    near: bool = False


def cue_class(word: str) -> str:
    w = word.lower().rstrip("'")
    if w in ("governor", "gov"):
        return "admin1"  # "New York Gov.", "the governor of Kursk": a state or region has governors
    if w in ("county", "municipality", "district", "raion", "rayon", "okrug"):
        return "district"
    if w in ADMIN1_CUES or w == "oblast":
        return "admin1"
    if w in DISTRICT_CUES:
        return "district"
    if w in CITY_CUES:
        return "city"
    return ""


def make_mention(text: str, start: int, end: int, label: str) -> RawMention | None:
    """Trim articles/possessives/cue words off a span and read the cues around it."""
    surface = text[start:end]
    lead = _LEADING_THE.match(surface)
    if lead:
        start += lead.end()
    poss = _TRAILING_POSSESSIVE.search(text[start:end])
    if poss and end - start > 3:
        end -= len(poss.group(0))
    cue, kind = "", ""
    if label == "NORP":
        return RawMention(start, end, text[start:end], label) if end > start else None
    inside = _CUE_INSIDE.search(text[start:end])
    if inside and inside.start() > 0:
        cue, kind = inside.group(1), cue_class(inside.group(1))
        end = start + inside.start()
    if not kind:
        after = _CUE_AFTER.match(text[end:end + 40])
        if after:
            cue, kind = after.group(1), cue_class(after.group(1))
    before = text[max(0, start - 40):start]
    if not kind:
        m = _CUE_BEFORE.search(before)
        if m:
            cue, kind = f"{m.group(1)} of", cue_class(m.group(1))
    if not kind:
        m = _CITY_AFTER.match(text[end:end + 60])
        if m:
            cue, kind = m.group(0).strip(), "city"
    near = bool(_NEAR_BEFORE.search(before))
    if near and not cue:
        cue = _NEAR_BEFORE.search(before).group(1)  # type: ignore[union-attr]
    if end <= start:
        return None
    return RawMention(start, end, text[start:end], label, cue, kind, near)


def entity_mentions(text: str, entities: Iterable[Entity], gaz: Gazetteer) -> list[RawMention]:
    """Mentions from NER: GPE/LOC/FAC always; NORP when it is a demonym the gazetteer knows;
    a PERSON/ORG/NORP/PRODUCT that is a well-known place name standing in a place slot ("near
    Kiev", "the Belgorod region", "hit Kursk") is taken as a place too (the small model mislabels
    these)."""
    out: list[RawMention] = []
    for ent in entities:
        if ent.label in PLACE_LABELS:
            m = make_mention(text, ent.start, ent.end, ent.label)
        elif ent.label == "NORP" and any(c.how == "demonym" for c in gaz.lookup(_strip_poss(ent.text))):
            m = make_mention(text, ent.start, ent.end, ent.label)
        elif ent.label in ("PERSON", "ORG", "NORP", "PRODUCT"):  # "hit Kursk" (PRODUCT: the submarine)
            m = _mislabelled_place(text, ent, gaz)
        else:
            continue
        if m is not None:
            out.append(m)
    return out


_PLACE_PREP_BEFORE = re.compile(r"(?:\b(?:in|near|at|from|to|into|outside|around|toward|towards|across|hit|struck|"
                                r"shelled|captured|recaptured|liberated|entered|left|fled|reached|seized|attacked|bombed|evacuated|"
                                r"visited|via|over|through|and|or)|,)\s+(?:the\s+)?$", re.IGNORECASE)


def _mislabelled_place(text: str, ent: Entity, gaz: Gazetteer) -> RawMention | None:
    """A PERSON/ORG/NORP span that is really a place: "Belgorod Oblast" (ORG), "near Kiev" (PERSON),
    "villages Glotovo and Gora-Podol" (ORG)."""
    m = make_mention(text, ent.start, ent.end, "GAZ")
    if m is None:
        return None
    if m.cue_kind in ("admin1", "district") and any(c.kind in ("admin1", "admin2") for c in gaz.lookup(m.text)):
        return m
    if any(c.how == "landmark" for c in gaz.lookup(m.text)):
        return m  # "the White House said": the seat of government, tagged ORG
    if _in_place_slot(text, m.start, m.end) and _strong_name(gaz, m.text, slot=True):
        return m
    if " " not in m.text and _PLACE_LIST_BEFORE.search(text[max(0, m.start - 60):m.start]):
        return m
    return None


_PLACE_LIST_BEFORE = re.compile(r"\b(villages?|towns?|cities|settlements?|hamlets?)\b[^.;:()]{0,45}$",
                                re.IGNORECASE)


def _in_place_slot(text: str, start: int, end: int) -> bool:
    return bool(_PLACE_PREP_BEFORE.search(text[max(0, start - 25):start]) or _CUE_AFTER.match(text[end:end + 30]))


def _strip_poss(s: str) -> str:
    return _TRAILING_POSSESSIVE.sub("", s)


def gazetteer_mentions(text: str, tokens: Sequence[tuple[int, int]], taken: Sequence[tuple[int, int]],
                       gaz: Gazetteer, max_len: int = 3) -> list[RawMention]:
    """Capitalised names the model missed that the gazetteer knows well (countries, regions, big cities)."""
    covered = _Spans(taken)
    out: list[RawMention] = []
    i = 0
    n = len(tokens)
    while i < n:
        best = None
        for size in range(max_len, 0, -1):
            if i + size > n:
                continue
            s, e = tokens[i][0], tokens[i + size - 1][1]
            words = [text[a:b] for a, b in tokens[i:i + size]]
            if not all(_CAPITALISED.match(w) for w in words if w.lower() not in ("of", "de", "el", "al")):
                continue
            if covered.overlaps(s, e):
                continue
            if _is_sentence_start(text, s) and size == 1:
                continue
            if _strong_name(gaz, text[s:e], slot=_in_place_slot(text, s, e)):
                best = (s, e, size)
                break
        if best:
            m = make_mention(text, best[0], best[1], "GAZ")
            if m is not None:
                out.append(m)
            i += best[2]
        else:
            i += 1
    return out


def _strong_name(gaz: Gazetteer, surface: str, slot: bool = False) -> bool:
    """A name worth taking without NER: countries, regions, big cities (smaller ones in a place slot)."""
    if len(surface) < 3 and not surface.isupper():
        return False
    min_pop = 10_000 if slot else 100_000
    for cand in gaz.lookup(surface):
        kind, how = cand.place.kind, cand.how
        if kind in ("country", "continent", "region") and how in ("name", "alt", "abbr", "demonym"):
            return True
        if how == "landmark":
            return True
        if kind == "admin1" and (how == "name" or (slot and how in ("alt", "capital"))):
            return True
        if kind == "city" and how in ("name", "alt") and cand.place.population >= min_pop:
            return True
    return False


def _overlaps(s: int, e: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < e and s < b for a, b in spans)


class _Spans:
    """Taken character spans, asked "does [s, e) overlap any?" in O(log n): among the spans that
    start before ``e``, the furthest end must reach past ``s`` (a prefix maximum of the ends)."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        furthest = -1
        for _, b in ordered:
            furthest = max(furthest, b)
            self.reach.append(furthest)

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect.bisect_left(self.starts, e)
        return k > 0 and self.reach[k - 1] > s


def _is_sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].strip()
    return pos == 0 or before == "" or before[-1:] in ".!?\"“"


def find_mentions(text: str, entities: Sequence[Entity], tokens: Sequence[tuple[int, int]],
                  gaz: Gazetteer) -> list[RawMention]:
    """All place mentions of an article, in text order, without overlaps."""
    found = entity_mentions(text, entities, gaz)
    taken = [(e.start, e.end) for e in entities if e.label in _BLOCKING_LABELS or e.label in PLACE_LABELS
             or e.label == "NORP"] + [(m.start, m.end) for m in found]
    found += gazetteer_mentions(text, tokens, taken, gaz)
    found += dateline_mentions(text, [(m.start, m.end) for m in found], gaz)
    return sorted(found, key=lambda m: (m.start, -m.end))


def dateline_mentions(text: str, taken: Sequence[tuple[int, int]], gaz: Gazetteer) -> list[RawMention]:
    """The dateline's place and region ("KYIV, Ukraine (Reuters) —") when no other mention covers
    them: the model often misses a name in capitals, or tags the whole dateline as an ORG."""
    line = parse_dateline(text)
    if line is None:
        return []
    out = []
    for start, end in ((line.start, line.end), (line.region_start, line.region_end)):
        if start < 0 or _overlaps(start, end, taken) or not _dateline_name(gaz, text[start:end]):
            continue
        m = make_mention(text, start, end, "GAZ")
        if m is not None:
            out.append(m)
    return out


def _dateline_name(gaz: Gazetteer, surface: str) -> bool:
    """A town of 1,000+, an admin unit, a country or a named region: a dateline names no hamlet."""
    for cand in gaz.lookup(surface):
        if cand.how == "demonym":
            continue
        if cand.kind != "city" or cand.place.population >= 1000:
            return True
    return False


__all__ = ["PROXIMITY_CUES", "RawMention", "dateline_mentions", "entity_mentions", "find_mentions",
           "gazetteer_mentions", "make_mention"]
