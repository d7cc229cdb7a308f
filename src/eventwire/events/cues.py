"""Sentence cues the ACLED sub-type depends on: the weapon used, and what happened at a protest.

A trigger word alone rarely fixes the sub-type: "attack" is a grenade attack, an IED or a
shooting depending on the instrument named around it, and a protest is peaceful, met with
intervention, met with lethal force, or violent depending on who did what to whom. These
regular expressions read those cues off the event's clause first and then its sentence; the
coder records which cue decided (method ``events.cues.v1``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

METHOD = "events.cues.v1"

# Instrument (or, first, a sexual assault) -> ASSAULT mode, most specific first
# (a suicide car bomb is a suicide bomb, not an IED).
_WEAPONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((mode, re.compile(rx, re.I)) for mode, rx in (
    ("sexual", r"\b(rap(?:e|ed|es|ing)|gang-rap\w*|sexual(?:ly)? (?:assault\w*|abus\w*|violence|attack\w*)|"
               r"molest\w*)\b"),
    ("cbrn", r"\b(chemical (?:weapon|attack|agent|munition)s?|chlorine|sarin|mustard gas|nerve (?:agent|gas)|"
             r"(?:toxic|poison(?:ous)?) (?:gas|substance|chemical)s?|poison gas|tabun|vx)\b"),
    ("suicide-attack", r"\b(suicide (?:bomb\w*|attack\w*|vest|belt|car|truck|blast|mission)|svbied|"
                       r"blew (?:himself|herself|themselves) up|blow (?:himself|herself|themselves) up|"
                       r"blown (?:himself|herself|themselves) up|detonated (?:himself|herself|themselves)|"
                       r"self-detonat\w*|suicide)\b"),
    ("grenade", r"\b((?:hand |rocket[- ]propelled )?grenades?|rpgs?)\b"),
    ("aerial", r"\b(air ?strikes?|air[- ]raids?|aerial (?:attack|bombardment|bombing|strike)s?|warplanes?|"
               r"fighter jets?|jets|drone (?:strike|attack)s?|drones?|(?:helicopter )?gunships?|"
               r"air force|bombers?|barrel bombs?|airstrike\w*|uav)\b"),
    ("heavy-weapons", r"\b(shell(?:s|ing|ed)?|artillery|mortars?|rockets?|missiles?|howitzers?|katyusha|"
                      r"grad|cannon fire|tank fire|projectiles?|bombard\w*)\b"),
    ("explosives", r"\b(ieds?|improvised explosive|roadside bomb\w*|car bomb\w*|landmines?|land mines?|mines?|"
                   r"explosive devices?|explosives?|bomb(?:s|ing|ings|ed)?|blast|explosion|booby[- ]trap\w*|"
                   r"sticky bomb|vbied|detonat\w*|exploded)\b"),
))

# Lemmas that name fighting between armed sides (ACLED "Armed clash"), not one-sided violence.
CLASH_LEMMAS = frozenset("clash fight fighting battle firefight gunfight skirmish exchange ambush "
                         "engage confront offensive counteroffensive counterattack".split())

PROTEST_WORDS = re.compile(r"\b(protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march(?:es|ed|ers)?|"
                           r"sit-ins?|crowds?|rioters?|riots?)\b", re.I)
_VIOLENT = re.compile(r"\b(thr[eo]w(?:ing|s)? (?:stones|rocks|bottles|molotov|petrol|firebombs?|objects|"
                      r"projectiles|bricks|fireworks)|stone[- ]pelting|pelted|molotov|petrol bombs?|firebombs?|"
                      r"set (?:fire|ablaze|alight)|torched|set on fire|ablaze|vandali[sz]\w*|smash\w*|loot\w*|"
                      r"ransack\w*|rioters?|rioting|riots?|violent|violence|clash\w*|confront\w*|fought|"
                      r"torch\w*|burn(?:ed|t|ing) (?:tyres|tires|cars|vehicles|buildings|police)|"
                      r"attack(?:ed)? (?:the )?(?:police|security)|stormed|breach\w*|unrest)\b", re.I)
_INTERVENE = re.compile(r"\b(tear[- ]?gas|water[- ]?cannons?|rubber bullets|pepper[- ]?spray\w*|"
                        r"stun grenades|smoke grenades|batons?|baton[- ]charg\w*|dispers\w*|broke up|"
                        r"break up|broken up|detain(?:s|ed|ing)?|arrest(?:ed|ing)|suppress\w*|"
                        r"crack(?:ed)? down|crackdown|"
                        r"cordon\w*|kettl\w*|forcibly|dragg\w*)\b", re.I)
_EXCESSIVE = re.compile(r"\b(live (?:ammunition|bullets|fire|rounds)|shot dead|opened fire|killed|killing|"
                        r"died|fatal\w*|excessive force|violently (?:suppress|disperse|crack|attack|break)\w*|"
                        r"injured|wounded|beat(?:en|ing)?|deadly|brutal\w*|gunfire)\b", re.I)
_MOB = re.compile(r"\b(mobs?|vigilantes?|lynch\w*|angry (?:residents|villagers|crowd))\b", re.I)
_HAZARD = re.compile(r"\b(earthquake|quake|flood\w*|storm|cyclone|hurricane|typhoon|tornado|landslides?|"
                     r"mudslides?|drought|tsunami|volcan\w*|wildfires?|avalanche|heat ?wave|lightning|"
                     r"disasters?|(?:torrential|heavy|monsoon) rains?|"
                     r"covid\w*|coronavirus|pandemic|epidemic|outbreak|virus|disease|cholera|"
                     r"(?:road|traffic|car|bus|train|plane|air|mining|industrial) (?:accident|crash)\w*|"
                     r"accident\w*|crash\w*|collapse\w*|derail\w*|stampede|fire broke out|blaze|"
                     r"(?:gas|chemical) leak|leak|capsiz\w*|boiler|short circuit|cylinder)\b", re.I)


_INDUSTRIAL = re.compile(r"\b(plant|factory|warehouse|boiler|furnace|cylinders?|(?:gas|oil) (?:container|tank|leak|"
                         r"pipe\w*|explosion)|cooking gas|fireworks|firecrackers?|refinery|pipeline|tanker|"
                         r"coal ?mine|storage|industrial|kitchen|reactor|accident\w*|short circuit|crash\w*|"
                         r"chemicals? (?:plant|factory|depot)|depot)\b", re.I)
_HOSTILE = re.compile(r"\b(bomb(?:s|er|ers|ing|ings)?|ieds?|explosive devices?|militants?|attack\w*|terror\w*|"
                      r"suicide|insurgents?|rebels?|grenades?|landmines?|planted|claimed responsibility|gunmen|"
                      r"jihadist\w*)\b", re.I)


@dataclass(frozen=True, slots=True)
class Cue:
    """One matched cue: what it says, and where it is (offsets into the searched text)."""

    value: str
    start: int
    end: int
    word: str


def weapon(text: str) -> Cue | None:
    """The most specific instrument named in ``text`` (None if none)."""
    for mode, rx in _WEAPONS:
        m = rx.search(text)
        if m:
            return Cue(mode, m.start(), m.end(), m[0])
    return None


def protest_context(text: str) -> frozenset[str]:
    """Which crowd facts ``text`` states: 'protest', 'violent', 'intervention', 'excessive', 'mob'."""
    out = set()
    if PROTEST_WORDS.search(text):
        out.add("protest")
    if _VIOLENT.search(text):
        out.add("violent")
    if _INTERVENE.search(text):
        out.add("intervention")
    if _EXCESSIVE.search(text):
        out.add("excessive")
    if _MOB.search(text):
        out.add("mob")
    return frozenset(out)


def hazard(text: str) -> Cue | None:
    """A natural hazard or accident word (the cause of deaths that are no attack)."""
    m = _HAZARD.search(text)
    return Cue("hazard", m.start(), m.end(), m[0]) if m else None


def industrial(text: str) -> Cue | None:
    """An industrial or accidental setting for an explosion (a plant, a gas cylinder), with no
    hostile word (bomb, militants, attack) beside it."""
    if _HOSTILE.search(text):
        return None
    m = _INDUSTRIAL.search(text)
    return Cue("industrial", m.start(), m.end(), m[0]) if m else None
