"""Actor resolution: an actor phrase -> canonical actor, sector and ISO3 country.

Three sources of evidence, tried in order, each named in the reason:
1. the shipped dictionary (``data/events/actors.tsv``): names and aliases ("the Kremlin");
2. descriptions from the same dictionary ("Russian Army defectors"), used only when the actor
   they describe is named elsewhere in the article, so a description links, never invents;
3. composition: a country word plus a sector word ("Ukrainian troops" -> UKR military).
Anything else is kept as text with no canonical actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

METHOD = "events.actors.v1"

SECTOR_WORDS: dict[str, str] = {}
for _sector, _words in {
    "military": "troop soldier army military force marine navy airforce battalion brigade commander general "
                "serviceman paratrooper tank unit regiment division sailor pilot defence defense checkpoint "
                "barracks outpost convoy patrol garrison personnel peacekeeper servicemen airbase",
    "police": "police policeman policewoman officer cop gendarme guard policemen constable trooper security",
    "government": "government ministry minister president premier official authority administration cabinet "
                  "regime governor mayor diplomat embassy ambassador state spokesman spokeswoman leader "
                  "king chancellor envoy delegation ruler administrator",
    "legislature": "parliament lawmaker senate congress legislator mp deputy assembly",
    "judiciary": "court judge prosecutor tribunal",
    "armed group": "rebel militant insurgent fighter militia guerrilla jihadist gunman separatist defector "
                   "paramilitary volunteer terrorist militiaman gunmen extremist attacker combatant "
                   "mercenary",
    "protesters": "protester protestor demonstrator marcher rioter",
    "civilians": "civilian resident villager people student child woman man family farmer refugee citizen "
                 "father mother person passenger pilgrim inhabitant worshipper shopper commuter motorist "
                 "pedestrian girl boy teenager vehicle bus car home house market village school hospital "
                 "mosque church shop displaced population youth national immigrant migrant",
    "media": "journalist reporter newspaper media broadcaster editor blogger",
    "business": "businessman company firm investor bank",
    "labour": "worker union employee teacher miner",
    "religious": "cleric priest imam bishop monk church",
    "opposition": "opposition dissident activist",
    "criminal": "kidnapper abductor smuggler trafficker gang gangster robber thief criminal bandit cartel "
                "hostage-taker poacher",
}.items():
    for _w in _words.split():
        SECTOR_WORDS[_w] = _sector


@dataclass(frozen=True, slots=True)
class DictEntry:
    kind: str  # "name" | "words"
    pattern: str
    canonical: str
    sector: str
    country: str | None
    aligned: str | None


@dataclass(frozen=True, slots=True)
class Resolution:
    canonical: str | None
    sector: str | None
    country: str | None
    aligned: str | None
    reason: str


def _read(name: str) -> list[list[str]]:
    text = resources.files("eventwire").joinpath("data", "events", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return rows[1:]  # drop header


@lru_cache(maxsize=1)
def dictionary() -> tuple[DictEntry, ...]:
    """The actor dictionary, longest names first so "freedom of russia legion" beats "russia"."""
    entries = [DictEntry(k, p, c, s, None if co == "-" else co, None if al == "-" else al)
               for k, p, c, s, co, al in _read("actors.tsv")]
    return tuple(sorted(entries, key=lambda e: -len(e.pattern)))


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Country names, demonyms and capitals (lower case) -> ISO3."""
    table: dict[str, str] = {}
    for iso3, names in _read("countries.tsv"):
        for name in names.split("|"):
            table.setdefault(name, iso3)
    return table


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO3 -> display name (the first name listed)."""
    return {iso3: names.split("|")[0].title() for iso3, names in _read("countries.tsv")}


def _find(phrase: str, needle: str) -> bool:
    return re.search(r"(?<![\w-])" + re.escape(needle) + r"(?![\w-])", phrase) is not None


def country_in(text: str) -> tuple[str, str] | None:
    """(ISO3, matched word) for the first country word in ``text``; short codes must be upper case."""
    low = text.lower().replace("’", "'")
    for name, iso3 in _countries_longest_first():
        if len(name) <= 3 and name not in {"car"}:
            if re.search(r"(?<![\w.])" + re.escape(name.upper()) + r"(?![\w])", text.replace("’", "'")):
                return iso3, name
            continue
        if name == "car":
            continue
        if _find(low, name):
            return iso3, name
    return None


@lru_cache(maxsize=1)
def _countries_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(countries().items(), key=lambda kv: -len(kv[0])))


def named_in(article_text: str) -> frozenset[str]:
    """Canonical actors whose name or alias appears in the article (licenses description links)."""
    low = article_text.lower()
    return frozenset(e.canonical for e in dictionary() if e.kind == "name" and _find(low, e.pattern))


def resolve(phrase: str, lemmas: tuple[str, ...], *, named: frozenset[str] = frozenset()) -> Resolution:
    """Resolve one actor phrase (its text and token lemmas) to a canonical actor."""
    low = phrase.lower().replace("’", "'")
    for entry in dictionary():
        if entry.kind == "name" and _find(low, entry.pattern):
            return Resolution(entry.canonical, entry.sector, entry.country, entry.aligned,
                              f"dictionary name {entry.pattern!r}")
    lemma_set = {w.lower() for w in lemmas}
    for entry in dictionary():
        words = entry.pattern.split("+")
        if entry.kind == "words" and entry.canonical in named and all(w in lemma_set for w in words):
            return Resolution(entry.canonical, entry.sector, entry.country, entry.aligned,
                              f"description words {'+'.join(words)} match {entry.canonical}, "
                              "which the article names")
    sector = next((SECTOR_WORDS[w.lower()] for w in reversed(lemmas) if w.lower() in SECTOR_WORDS), None)
    found = country_in(phrase)
    if found and sector:
        iso3, word = found
        return Resolution(f"{iso3} {sector}", sector, iso3, None, f"country word {word!r} + sector word")
    if found:
        iso3, word = found
        if low.strip(" .").removesuffix("'s").removeprefix("the ") == word:  # the phrase is just the country
            return Resolution(country_names().get(iso3, iso3), "government", iso3, None,
                              f"country name {word!r} as a state actor")
        return Resolution(None, None, iso3, None, f"country word {word!r}, no sector word")
    if sector:
        return Resolution(None, sector, None, None, "sector word only; actor unnamed")
    return Resolution(None, None, None, None, "not in the actor dictionary; kept as text")
