"""The trigger lexicon: which words (in which syntactic frame) report which PLOVER event.

The table lives in ``data/events/triggers.tsv`` so analysts can edit it without touching code;
it is read once, lazily. Object classes below let one verb mean different events ("release
prisoners" is RETREAT; "release a video" is no event at all).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import EventwireError

METHOD = "events.trigger.v1"

OBJECT_CLASSES: dict[str, frozenset[str]] = {
    "territory": frozenset(
        "town village city territory area region district province border base airport checkpoint "
        "position hill neighbourhood neighborhood settlement control outpost stronghold capital "
        "municipality oblast county enclave port island airfield ground".split()),
    "person": frozenset(
        "prisoner hostage detainee captive journalist activist soldier citizen national diplomat pow body "
        "worker people civilian student man woman child".split()),
    "property": frozenset("house home property building land asset vehicle car shop office church mosque "
                          "school hospital farm crop market store".split()),
    "weapons": frozenset("weapon arm missile drone bomb mine landmine explosive ammunition ammo rocket device "
                         "ied shell artillery munition cache firearm gun rifle pistol revolver bullet cartridge "
                         "round grenade launcher mortar rpg kalashnikov ak-47 stockpile arsenal projectile "
                         "detonator missile dynamite tnt stash".split()),
    "leader": frozenset("leader chief commander governor mayor minister president lawmaker politician judge "
                        "official head deputy senator mp".split()),
    "envoy": frozenset("diplomat ambassador envoy attache consul embassy".split()),
    "sanctions": frozenset("sanction embargo tariff penalty".split()),
    "demands": frozenset("demand call condition request proposal plan".split()),
    "self": frozenset("himself herself themselves itself".split()),
    "talks": frozenset("talk negotiation meeting relation tie contact dialogue mediation effort visit trip "
                       "summit".split()),
    "aid": frozenset("aid assistance food supply loan grant medicine help relief money fund support "
                     "weapon arm equipment program programme".split()),
    "troops": frozenset("troop soldier force tank warship unit battalion army personnel".split()),
    "agreement": frozenset("agreement deal treaty accord ceasefire truce memorandum pact protocol".split()),
    "curfew": frozenset("curfew emergency law".split()),
    "restriction": frozenset("restriction sanction ban blockade limit control measure".split()),
    "statement": frozenset("statement decision policy remark comment plan move law".split()),
    "base": frozenset("base headquarters camp outpost office post observation".split()),
    "aerial": frozenset("air drone aerial warplane jet aircraft helicopter plane airstrike".split()),
    "labour": frozenset("worker union employee teacher doctor nurse driver miner staff labour labor".split()),
    "suicide": frozenset("suicide".split()),
    "chemical": frozenset("toxic poison chemical chlorine nerve mustard sarin".split()),
}


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon row: the frame a word must appear in, and the event it then reports."""

    lemma: str
    child: str | None
    pos: str  # "V" | "N" | "*"
    obj: str | None
    plover_type: str
    mode: str | None
    weight: float

    def describe(self) -> str:
        frame = self.lemma + (f" +{self.child}" if self.child else "") + (f" [{self.obj}]" if self.obj else "")
        return f"{frame} -> {self.plover_type}{':' + self.mode if self.mode else ''}"


@lru_cache(maxsize=1)
def load_lexicon() -> dict[str, tuple[Trigger, ...]]:
    """Triggers by lemma, in file order (most specific first)."""
    text = resources.files("eventwire").joinpath("data", "events", "triggers.tsv").read_text(encoding="utf-8")
    table: dict[str, list[Trigger]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        cols = line.split("\t")
        if len(cols) != 7:
            raise EventwireError(f"[E501] triggers.tsv line {number}: expected 7 columns, got {len(cols)}")
        lemma, child, pos, obj, ptype, mode, weight = cols
        if obj != "-" and obj not in OBJECT_CLASSES:
            raise EventwireError(f"[E502] triggers.tsv line {number}: unknown object class {obj!r}")
        table.setdefault(lemma, []).append(Trigger(
            lemma, None if child == "-" else child, pos, None if obj == "-" else obj, ptype,
            None if mode == "-" else mode, float(weight)))
    return {k: tuple(v) for k, v in table.items()}
