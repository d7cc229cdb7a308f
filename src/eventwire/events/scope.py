"""Scope (``events.scope.v1``): is a coded report about politics or conflict at all?

Trigger words are everywhere in general news: a Pokémon "battle", a VPN that "offers" a
feature, a kick-off "returned" 23 yards. GDELT codes them as events; ACLED's coders never
would. A report stays an event when the text ties it to public life by at least one of:

* a party resolved to a political or security actor: a named actor from the dictionary, a
  country, or a sector among :data:`POLITICAL_SECTORS` (civilians, companies and media alone
  are not enough: "people", "the company");
* a country, city or nationality (spaCy GPE/NORP) inside an actor or recipient ("Russia",
  "Ukrainian troops"); for violence, coercion and protest anywhere in the report's own sentence —
  a city named beside a VPN that "offers" a feature does not make it politics;
* a word for such an actor in the report's sentence or the one before (also across a paragraph
  break: wire paragraphs are one sentence long) — "police", "the government", "troops", but not
  the sector words with an everyday sense ("security", "general", "defense") — or for a public
  body or political matter ("CIA", "senator", "ceasefire", "sanctions", "election", "ballot");
* for violence, coercion and protest, a casualty or arrest figure ("killing 12", "arrested
  40"), a weapon that only armed actors use (air strikes, shelling, explosives...), or a word
  of that world besides the trigger ("ammunition", "wounded", "placards") in those sentences.

Everything else is set aside: not stored as an event, counted with its trigger and type in the
article's notes, so the decision is visible (``eventwire article ID``). The eval's PLOVER and
CASE records keep their main event through this gate (see docs/events.md, "Scope"), and
``eventwire eval scope`` measures it on 200 hand-labelled NAEB reports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Article, EventReport
from .actors import SECTOR_WORDS

METHOD = "events.scope.v1"
POLITICAL_SECTORS = frozenset({
    "military", "police", "government", "legislature", "judiciary", "armed group", "protesters",
    "opposition", "criminal",
})
PLACE_LABELS = frozenset({"GPE", "NORP"})
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST"})
FORCE_NUMBERS = frozenset({"dead", "injured", "arrested"})
ARMED_MODES = frozenset({"aerial", "heavy-weapons", "explosives", "suicide-attack", "grenade", "cbrn", "massacre"})
FORCE_WORDS = frozenset(
    "weapon weapons ammunition ammo gun guns gunfire firearm firearms rifle rifles pistol bomb bombs bombing "
    "explosive explosives explosion blast grenade grenades missile missiles rocket rockets shelling airstrike "
    "airstrikes drone drones mortar landmine ied killed killing dead died wounded injured injuring casualties "
    "abducted abduction kidnapped kidnapping raped rape looted looting arson torched hostage hostages "
    "arrested detained custody prison jail victim victims assault massacre curfew clashes clashed "
    "protest protests protesters protested demonstration demonstrations demonstrators rally rallies rallied "
    "march marched marchers riot riots rioters placards slogans chanting chanted strike strikers "
    "teargas chants disappearances molested assaulted attack attacks attacked armed gunmen militant "
    "militants robbery robbers smuggling trafficking".split())
TOPIC_WORDS = frozenset(
    "war wars ceasefire truce hostilities invasion occupation sanctions election elections "
    "referendum coup treaty insurgency humanitarian genocide annexation nuclear knesset duma rada "
    "bundestag majlis senator senators congressman congresswoman ballot ballots federal regulators "
    "cia fbi nato eu un interpol pentagon kremlin".split())
# sector words with an everyday sense that says nothing about politics ("security software", "in
# general", "a marine ecologist", "the team's defense", "a UFC fighter", "the attacker scored")
_EVERYDAY = frozenset("security general pilot leader unit division force tank defence defense volunteer "
                      "deputy assembly marine sailor trooper personnel state fighter attacker".split())
_WORD = re.compile(r"[A-Za-z]+")  # "protest-march" -> protest, march


@dataclass(frozen=True, slots=True)
class Verdict:
    in_scope: bool
    reason: str


def scope_verdict(report: EventReport, article: Article) -> Verdict:
    """Why the report is (or is not) about politics or conflict."""
    for party in (*report.actors, *report.recipients):
        if party.canonical or party.country:
            return Verdict(True, f"party {party.text!r} resolves to {party.canonical or party.country}")
        if party.sector in POLITICAL_SECTORS:
            return Verdict(True, f"party {party.text!r} is {party.sector}")
    spans = [(p.start, p.end) for p in (*report.actors, *report.recipients)] \
        if report.plover_type not in FORCE_TYPES else [(report.sentence.start, report.sentence.end)]
    place = next((e for e in article.entities if e.label in PLACE_LABELS
                  and any(a <= e.start and e.end <= b for a, b in spans)), None)
    if place is not None:
        where = "the sentence" if report.plover_type in FORCE_TYPES else "a party"
        return Verdict(True, f"{where} names {place.text!r} ({place.label})")
    words = _words_besides_trigger(report, article)
    actor_word = next((w for w in words if _political_sector(w)), None)
    if actor_word is not None:
        return Verdict(True, f"the sentence names {_political_sector(actor_word)} ({actor_word!r})")
    topic = next((w for w in words if w in TOPIC_WORDS), None)
    if topic is not None:
        return Verdict(True, f"the sentence is about {topic!r}")
    if report.plover_type in FORCE_TYPES:
        figure = next((n for n in report.numbers if n.kind in FORCE_NUMBERS), None)
        if figure is not None:
            return Verdict(True, f"{figure.kind} figure {article.text[figure.start:figure.end]!r}")
        if report.plover_mode in ARMED_MODES:
            return Verdict(True, f"weapon of armed actors ({report.plover_mode})")
        force = next((w for w in words if w in FORCE_WORDS), None)
        if force is not None:
            return Verdict(True, f"{force!r} in the sentence")
    return Verdict(False, "no political or security actor, country, place or casualty figure")


def _context(report: EventReport, article: Article) -> tuple[int, int]:
    """The report's sentence and the one before it, across a paragraph break too: news writes a
    paragraph a sentence ("Russian troops shelled Sumy on Monday." / "Houses were damaged in the
    attack.")."""
    start, end = report.sentence.start, report.sentence.end
    before = [s for s in article.sentences if s.end <= start]
    return (before[-1].start if before else start), end


def _words_besides_trigger(report: EventReport, article: Article) -> list[str]:
    start, end = _context(report, article)
    trig = report.trigger
    text = article.text[start:trig.start] + " " + article.text[trig.end:end]
    return [w.lower() for w in _WORD.findall(text)]


def _political_sector(word: str) -> str | None:
    """The political sector a word names ("troops" -> military); None for others ("people") and
    for words with an everyday sense ("security", "general")."""
    if word in _EVERYDAY or word.rstrip("s") in _EVERYDAY:
        return None
    for form in (word, word.rstrip("s"), word[:-2] if word.endswith("es") else word,
                 word[:-3] + "man" if word.endswith("men") else word):
        sector = SECTOR_WORDS.get(form)
        if sector is not None:
            return sector if sector in POLITICAL_SECTORS else None
    return None


def split_by_scope(reports: Sequence[EventReport], article: Article) -> tuple[tuple[EventReport, ...], str | None]:
    """The reports in scope (their reason saying why), and a note naming those set aside (None
    when there are none)."""
    kept: list[EventReport] = []
    aside: list[str] = []
    for report in reports:
        verdict = scope_verdict(report, article)
        if verdict.in_scope:  # the reason says why it counts as politics or conflict
            kept.append(replace(report, reason=f"{report.reason}; in scope ({METHOD}): {verdict.reason}"))
        else:
            aside.append(f"{article.text[report.trigger.start:report.trigger.end]!r} ({report.plover_type})")
    if not aside:
        return tuple(kept), None
    shown = ", ".join(aside[:12]) + (f" and {len(aside) - 12} more" if len(aside) > 12 else "")
    return tuple(kept), (f"{METHOD}: set aside {len(aside)} candidate event(s) outside politics and conflict "
                         f"(no political or security actor, country, place or casualty figure): {shown}")
