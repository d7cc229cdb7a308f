"""Rules on top of spaCy's NER for the errors that matter to event coding.

Each rule is small, named in ``method`` and explains itself in ``reason``:

* ``truecase``: title-case lines ("Russians Invade The Russian City Of Belgorod") are
  lower-cased word by word where the article body writes the word in lower case, so the model
  sees normal capitalisation (same length, so offsets are unchanged).
* ``org_head``: capitalised names ending in an organisation head word that the model missed
  ("Freedom of Russia Legion").
* ``role_person``: a name right after a person role noun ("the student Masha Moskaleva").
* ``place_context``: a PERSON/ORG single name in a place slot ("close to Kharkiv in Ukraine",
  "Belgorod is a ... city").
* ``harmonise_labels``: one surface form gets one label per article, by majority
  ("Putin" PERSON x3 beats "Putin's Russia" -> "Putin" GPE).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ORG_HEADS = {
    "legion", "army", "ministry", "brigade", "battalion", "regiment", "party", "council",
    "committee", "forces", "front", "movement", "group", "union", "agency", "service",
    "guard", "corps", "militia", "police", "parliament", "assembly", "court", "office",
    "organization", "organisation", "alliance", "coalition", "brotherhood", "navy",
    "command", "division", "company", "bank", "institute", "commission", "federation",
}
_ROLE_NOUNS = {
    "student", "father", "mother", "soldier", "president", "minister", "spokesman",
    "spokeswoman", "spokesperson", "journalist", "reporter", "activist", "leader", "general",
    "commander", "governor", "mayor", "senator", "lawyer", "official", "blogger", "artist",
    "son", "daughter", "wife", "husband", "colonel", "captain", "sergeant", "prime",
    "chancellor", "secretary", "ambassador", "director", "chief", "judge", "prosecutor",
}
_PLACE_NOUNS = {"city", "town", "village", "region", "oblast", "province", "district", "capital"}
_PLACE_PREPS = {"in", "near", "to", "from", "outside", "towards", "toward", "into"}
_MODEL_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT",
                 "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY",
                 "QUANTITY", "ORDINAL", "CARDINAL"}


def case_vocabulary(text: str) -> set[str]:
    """Words the article writes in lower case at least once (evidence for truecasing)."""
    return {w for w in _WORD.findall(text) if w.islower()}


def _is_title_case(line: str) -> bool:
    words = _WORD.findall(line)
    if len(words) < 4:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised / len(words) >= 0.8


def truecase(line: str, lower_words: set[str]) -> str:
    """Lower-case words of a title-case line that the body writes in lower case."""
    if not _is_title_case(line):
        return line

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        low = word.lower()
        keep = match.start() == 0 or low not in lower_words or len(low) != len(word)
        return word if keep else low

    return _WORD.sub(fix, line)


def _entity(text: str, start: int, end: int, label: str, method: str, reason: str) -> Entity:
    return Entity(start, end, label, text[start:end], method, reason)


def paragraph_entities(doc: Doc, text: str, offset: int) -> list[Entity]:
    """spaCy's entities for one paragraph, with the rules above applied, in text order."""
    found: list[Entity] = []
    covered: set[int] = set()
    for ent in doc.ents:
        label = ent.label_
        method, reason = "nlp.spacy.v1", "spaCy en_core_web_sm NER"
        start_tok = ent.start
        if ent[0].lower_ == "the" and len(ent) > 1:
            start_tok += 1
        prev = doc[ent.start - 1] if ent.start > 0 else None
        nxt = doc[ent.end] if ent.end < len(doc) else None
        if label in {"ORG", "GPE"} and prev is not None and prev.lower_ in _ROLE_NOUNS and len(ent) > 1:
            label, method = "PERSON", "nlp.rules.role_person.v1"
            reason = f"name after the role noun {prev.text!r}"
        elif label in {"PERSON", "ORG", "NORP"} and _after_place_noun(doc, ent.start):
            label, method = "GPE", "nlp.rules.place_context.v1"
            reason = f"name after '{doc[ent.start - 2].text} of'"
        elif label in {"PERSON", "ORG"} and len(ent) == 1 and _in_place_slot(doc, ent.start, ent.end, prev, nxt):
            label, method = "GPE", "nlp.rules.place_context.v1"
            reason = "single name in a place slot (preposition + 'in <place>' or 'is a ... city')"
        start = offset + doc[start_tok].idx
        end = offset + ent.end_char
        if label not in _MODEL_LABELS or start >= end:
            continue
        found.append(_entity(text, start, end, label, method, reason))
        covered.update(range(ent.start, ent.end))
    found.extend(_org_heads(doc, text, offset, covered))
    return sorted(found, key=lambda e: e.start)


def _after_place_noun(doc: Doc, start: int) -> bool:
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in _PLACE_NOUNS


def _in_place_slot(doc: Doc, start: int, end: int, prev: object, nxt: object) -> bool:
    prev_word = getattr(prev, "lower_", "")
    after = [t.lower_ for t in doc[end : end + 6]]
    if prev_word in _PLACE_PREPS and after[:1] == ["in"] and end + 1 < len(doc):
        return doc[end + 1].ent_type_ in {"GPE", "LOC"}
    if after[:1] == ["is"] and any(w in _PLACE_NOUNS for w in after):
        return True
    return False


def _org_heads(doc: Doc, text: str, offset: int, covered: set[int]) -> Iterable[Entity]:
    """Capitalised name sequences ("Freedom of Russia Legion") ending in an org head word."""
    i = 0
    while i < len(doc):
        tok = doc[i]
        if (tok.is_title and tok.pos_ == "PROPN") or (tok.is_title and tok.i in covered):
            j = i
            while j + 1 < len(doc) and (
                doc[j + 1].is_title or (doc[j + 1].lower_ == "of" and j + 2 < len(doc) and doc[j + 2].is_title)
            ):
                j += 1
            last = doc[j]
            if j > i and last.lower_ in _ORG_HEADS and not all(k in covered for k in range(i, j + 1)):
                if doc[i].lower_ == "the":
                    i += 1
                start, end = offset + doc[i].idx, offset + last.idx + len(last.text)
                yield _entity(text, start, end, "ORG", "nlp.rules.org_head.v1",
                              f"capitalised name ending in the organisation word {last.text!r}")
                covered.update(range(i, j + 1))
            i = j + 1
        else:
            i += 1


def harmonise_labels(entities: list[Entity], text: str) -> list[Entity]:
    """Give each surface form its majority label in this article, and drop overlaps."""
    entities = _drop_overlaps(entities)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in entities:
        if ent.label in {"PERSON", "ORG", "GPE", "LOC", "NORP"}:
            votes[ent.text].update([ent.label])
    out: list[Entity] = []
    for ent in entities:
        counts = votes.get(ent.text)
        if counts and len(counts) > 1:
            (best, n), = counts.most_common(1)
            if best != ent.label and n > counts[ent.label]:
                ent = _entity(text, ent.start, ent.end, best, "nlp.rules.harmonise.v1",
                              f"{ent.text!r} is {best} {n}x in this article, {ent.label} {counts[ent.label]}x")
        out.append(ent)
    return out


def _drop_overlaps(entities: list[Entity]) -> list[Entity]:
    """Keep the longest entity where rule output overlaps model output."""
    kept: list[Entity] = []
    for ent in sorted(entities, key=lambda e: (e.start, -(e.end - e.start))):
        if kept and ent.start < kept[-1].end:
            continue
        kept.append(ent)
    return kept
