"""Surface forms of lemmas, so triage can match trigger and cue words before any tagger runs.

The event coder and the quote finder match spaCy *lemmas*; triage runs before the tagger and
lemmatizer, on raw tokens. We therefore expand every lemma into the word forms English can give
it (regular inflection rules plus a table of irregular verbs). Over-generating is harmless (a
few more sentences get parsed); missing a form loses recall, which ``eventwire eval triage``
measures on gold event sentences.
"""

from __future__ import annotations

from collections.abc import Iterable

_VOWELS = set("aeiou")

# Irregular verbs whose past forms news reports use (lemma: past, participle...).
_IRREGULAR: dict[str, tuple[str, ...]] = {
    "arise": ("arose", "arisen"), "be": ("was", "were", "been", "is", "are", "am"), "beat": ("beaten",),
    "become": ("became",), "begin": ("began", "begun"), "bind": ("bound",), "bite": ("bit", "bitten"),
    "bleed": ("bled",), "blow": ("blew", "blown"), "break": ("broke", "broken"), "bring": ("brought",),
    "build": ("built",), "burn": ("burnt",), "buy": ("bought",), "catch": ("caught",),
    "choose": ("chose", "chosen"), "come": ("came",), "deal": ("dealt",), "draw": ("drew", "drawn"),
    "drive": ("drove", "driven"), "fall": ("fell", "fallen"), "feed": ("fed",), "feel": ("felt",),
    "fight": ("fought",), "find": ("found",), "flee": ("fled",), "fly": ("flew", "flown"),
    "forbid": ("forbade", "forbidden"), "forgive": ("forgave", "forgiven"), "freeze": ("froze", "frozen"),
    "get": ("got", "gotten"), "give": ("gave", "given"), "go": ("went", "gone"), "grow": ("grew", "grown"),
    "hang": ("hung",), "have": ("had", "has"), "hear": ("heard",), "hide": ("hid", "hidden"),
    "hold": ("held",), "keep": ("kept",), "know": ("knew", "known"), "lay": ("laid",), "lead": ("led",),
    "leave": ("left",), "lend": ("lent",), "lie": ("lay", "lain", "lying"), "light": ("lit",),
    "lose": ("lost",), "make": ("made",), "mean": ("meant",), "meet": ("met",), "mislead": ("misled",),
    "overtake": ("overtook", "overtaken"), "overthrow": ("overthrew", "overthrown"),
    "oversee": ("oversaw", "overseen"), "override": ("overrode", "overridden"), "pay": ("paid",),
    "rebuild": ("rebuilt",), "retake": ("retook", "retaken"), "ride": ("rode", "ridden"),
    "rise": ("rose", "risen"), "run": ("ran",), "say": ("said", "says"), "see": ("saw", "seen"),
    "seek": ("sought",), "sell": ("sold",), "send": ("sent",), "shake": ("shook", "shaken"),
    "shoot": ("shot",), "sink": ("sank", "sunk"), "sit": ("sat",), "slay": ("slew", "slain"),
    "speak": ("spoke", "spoken"), "spend": ("spent",), "stand": ("stood",), "steal": ("stole", "stolen"),
    "stick": ("stuck",), "strike": ("struck", "stricken"), "swear": ("swore", "sworn"),
    "sweep": ("swept",), "take": ("took", "taken"), "teach": ("taught",), "tear": ("tore", "torn"),
    "tell": ("told",), "think": ("thought",), "throw": ("threw", "thrown"),
    "undertake": ("undertook", "undertaken"), "uphold": ("upheld",), "wake": ("woke", "woken"),
    "wear": ("wore", "worn"), "win": ("won",), "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld",), "write": ("wrote", "written"), "shut": ("shuts",), "bear": ("bore", "borne"),
    "understand": ("understood",), "show": ("shown",), "prove": ("proven",), "do": ("did", "done", "does"),
}

# Nouns with irregular plurals that trigger lexicons and person nouns use.
_IRREGULAR_PLURAL: dict[str, tuple[str, ...]] = {
    "man": ("men",), "woman": ("women",), "child": ("children",), "person": ("people",),
    "policeman": ("policemen",), "gunman": ("gunmen",), "spokesman": ("spokesmen",),
    "crisis": ("crises",), "life": ("lives",), "thief": ("thieves",),
}


def _doubles_final(word: str) -> bool:
    """CVC endings double the consonant before -ed/-ing (ban -> banned, shell -> shelled)."""
    return (len(word) >= 3 and word[-1] not in _VOWELS | {"w", "x", "y"} and word[-2] in _VOWELS
            and word[-3] not in _VOWELS)


def forms(lemma: str) -> frozenset[str]:
    """Every lower-case word form we expect ``lemma`` to appear as in news text (a superset)."""
    w = lemma.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w + "er", w + "ers"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing", w[:-1] + "ion", w[:-1] + "ions"}
    if w.endswith("ie"):
        out.add(w[:-2] + "ying")
    if _doubles_final(w) or w.endswith("l"):
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    if w.endswith("c"):
        out |= {w + "ked", w + "king"}
    out.update(_IRREGULAR.get(w, ()))
    out.update(_IRREGULAR_PLURAL.get(w, ()))
    # phrasal lemmas ("shell out") and hyphenated ones: the head word is what the tokenizer sees
    return frozenset(out)


def form_table(lemmas: Iterable[str]) -> dict[str, frozenset[str]]:
    """Surface form -> the lemmas it may stand for (a form can belong to several lemmas)."""
    table: dict[str, set[str]] = {}
    for lemma in lemmas:
        for form in forms(lemma):
            table.setdefault(form, set()).add(lemma)
    return {k: frozenset(v) for k, v in table.items()}
