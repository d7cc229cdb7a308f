"""Sentence triage: which sentences can matter to a later stage, decided before the parser runs.

The dependency parser is the expensive part of the spaCy pipeline and only two stages read it:
the event coder (trigger words in their syntactic frame) and the quote finder (reporting cues,
quotation marks). A sentence with no trigger form whose frame words are present, no reporting
cue and no quotation cannot yield an event report or a quote, so it keeps NER (places and
speakers still see its entities) but skips the parser.

Every decision carries ``method`` and a short ``reason``; the recall of gold event sentences is
measured by ``eventwire eval triage``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .forms import form_table, forms

METHOD = "scale.triage.v1"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_QUOTE_CHARS = frozenset("“”«»„\"")


@dataclass(frozen=True, slots=True)
class Verdict:
    """Parse this sentence or not, and why."""

    keep: bool
    reason: str
    trigger: bool = False  # kept for an event trigger (the next sentence may then matter too)
    speech: bool = False  # kept for a quotation or a reporting cue (earlier people may then matter)


@dataclass(frozen=True, slots=True)
class TriageLexicon:
    """Surface forms of every word a parse-reading stage looks for."""

    free: frozenset[str]  # forms of trigger lemmas with at least one frameless lexicon row
    framed: dict[str, tuple[tuple[frozenset[str], frozenset[str]], ...]]  # form -> (child forms, object forms)
    cues: frozenset[str]  # forms of reporting-cue lemmas (attribution)
    message_nouns: frozenset[str]
    person_nouns: frozenset[str]  # "an unnamed soldier": antecedents the speaker resolver needs parsed


@lru_cache(maxsize=1)
def load_triage_lexicon() -> TriageLexicon:
    """Built once from the events trigger lexicon and the attribution cue list (no copy kept)."""
    from ..attribution.lexicon import CUE_VERBS, PERSON_NOUNS
    from ..events.coder import MESSAGE_NOUNS
    from ..events.lexicon import OBJECT_CLASSES, load_lexicon

    free: set[str] = set()
    framed: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
    class_forms = {name: frozenset(f for w in words for f in forms(w)) for name, words in OBJECT_CLASSES.items()}
    for lemma, entries in load_lexicon().items():
        word_forms = forms(lemma)
        if any(e.child is None and e.obj is None for e in entries):
            free |= word_forms
            continue
        for entry in entries:
            need = (forms(entry.child) if entry.child else frozenset(),
                    class_forms[entry.obj] if entry.obj else frozenset())
            for form in word_forms:
                framed.setdefault(form, []).append(need)
    cues = set(form_table(CUE_VERBS)) | {"according"}
    nouns = frozenset(f for w in MESSAGE_NOUNS for f in forms(w))
    people = frozenset(f for w in PERSON_NOUNS for f in forms(w))
    return TriageLexicon(frozenset(free), {k: tuple(v) for k, v in framed.items()}, frozenset(cues), nouns,
                         people)


def sentence_verdict(words: Sequence[str], quoted: bool, lexicon: TriageLexicon | None = None) -> Verdict:
    """The triage decision for one sentence, given its lower-case words."""
    lex = lexicon or load_triage_lexicon()
    present = set(words)
    for w in words:
        if w in lex.free:
            return Verdict(True, f"trigger form {w!r}", trigger=True)
        for child, obj in lex.framed.get(w, ()):
            if (not child or child & present) and (not obj or obj & present):
                return Verdict(True, f"trigger form {w!r} with its frame words", trigger=True)
    if quoted:
        return Verdict(True, "quotation", speech=True)
    cue = next((w for w in words if w in lex.cues), None)
    if cue is not None:
        return Verdict(True, f"reporting cue {cue!r}", speech=True)
    return Verdict(False, "no trigger, reporting cue or quotation: NER only, not parsed")


def follow_up(words: Sequence[str], entity_labels: Sequence[str], lexicon: TriageLexicon | None = None) -> Verdict:
    """The sentence after an event sentence: the coder reads its subject for a place or a date."""
    lex = lexicon or load_triage_lexicon()
    if any(label in PLACE_LABELS for label in entity_labels):
        return Verdict(True, "follows an event sentence and names a place")
    if any(w in lex.message_nouns for w in words):
        return Verdict(True, "follows an event sentence and names a statement")
    return Verdict(False, "no trigger, reporting cue or quotation: NER only, not parsed")


def antecedent(words: Sequence[str], lexicon: TriageLexicon | None = None) -> Verdict | None:
    """A sentence before a quote that names a person by description: the quote's "he" may be them."""
    lex = lexicon or load_triage_lexicon()
    noun = next((w for w in words if w in lex.person_nouns), None)
    if noun is None:
        return None
    return Verdict(True, f"names a person ({noun!r}) a quote just after may refer back to")


def has_quote_mark(text: str) -> bool:
    return any(ch in _QUOTE_CHARS for ch in text)
