"""Deterministic mappings from a PLOVER type + mode (+ who acted on whom) to ACLED and CAMEO.

ACLED codes only material events of political violence, demonstrations and strategic
developments, so verbal PLOVER types (REQUEST, ACCUSE, ...) map to *no* ACLED type — that is
the point: statements are not events in ACLED's sense. The tables are data, documented in
``docs/events.md`` and checked one row at a time in ``tests/test_events_mapping.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .cues import CLASH_LEMMAS

METHOD = "events.map.v1"

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

# PLOVER 0.5b1 names used in the gold records -> the current 16 types.
PLOVER_ALIASES: dict[str, str] = {
    "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
}

ACLED_SUBTYPES: dict[str, tuple[str, ...]] = {
    "Battles": ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    "Explosions/Remote violence": ("Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
                                   "Grenade"),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Protests": ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": ("Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"),
}
ACLED_TYPE_OF: dict[str, str] = {sub: typ for typ, subs in ACLED_SUBTYPES.items() for sub in subs}

# CAMEO root code by PLOVER type, with mode-specific exceptions (CAMEO2PLOVER-2021.txt, reversed).
CAMEO_ROOT: dict[str, str] = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
    "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
    "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "18",
}
CAMEO_ROOT_BY_MODE: dict[tuple[str, str], str] = {
    ("ACCUSE", "investigate"): "09",
    ("COERCE", "seize"): "19",  # 192 occupy territory
    ("ASSAULT", "firearms"): "19", ("ASSAULT", "heavy-weapons"): "19", ("ASSAULT", "aerial"): "19",
    ("ASSAULT", "massacre"): "20", ("ASSAULT", "cbrn"): "20",
}

# ASSAULT modes that fix the ACLED sub-type whoever the parties are.
ASSAULT_BY_MODE: dict[str, str] = {
    "aerial": "Air/drone strike", "heavy-weapons": "Shelling/artillery/missile attack",
    "explosives": "Remote explosive/landmine/IED", "suicide-attack": "Suicide bomb", "grenade": "Grenade",
    "cbrn": "Chemical weapon", "sexual": "Sexual violence", "abduct": "Abduction/forced disappearance",
}
COERCE_BY_MODE: dict[str, str] = {
    "arrest": "Arrests", "detain": "Arrests", "destroy": "Looting/property destruction",
    "confiscate": "Looting/property destruction", "disrupt": "Disrupted weapons use",
}
PROTEST_BY_MODE: dict[str, str] = {"riot": "Violent demonstration", "riot-spon": "Violent demonstration",
                                   "mob": "Mob violence"}
ARMED_SECTORS = frozenset({"military", "police", "armed group", "government"})
STATE_SECTORS = frozenset({"military", "police", "government"})
NON_STATE_SECTORS = frozenset({"armed group", "protesters", "opposition"})
REGAIN_LEMMAS = frozenset({"recapture", "retake", "regain", "liberate", "recover", "reclaim"})


@dataclass(frozen=True, slots=True)
class Mapped:
    """ACLED type/sub-type (None when ACLED would not code it) and CAMEO root, with the why."""

    acled_type: str | None
    acled_subtype: str | None
    cameo_root: str | None
    reason: str


def canonical_type(name: str) -> str:
    """A PLOVER type name in the current 16-type vocabulary (aliases from PLOVER 0.5b1 mapped)."""
    up = name.strip().upper()
    return PLOVER_ALIASES.get(up, up)


def cameo_root(plover_type: str, mode: str | None) -> str | None:
    return CAMEO_ROOT_BY_MODE.get((plover_type, mode or ""), CAMEO_ROOT.get(plover_type))


def map_event(plover_type: str, mode: str | None, *, actor_sectors: frozenset[str] = frozenset(),
              recipient_sectors: frozenset[str] = frozenset(), trigger_lemma: str = "",
              context: frozenset[str] = frozenset()) -> Mapped:
    """Map one PLOVER coding to ACLED and CAMEO.

    ``context`` carries sentence-level facts the sub-type depends on (see :mod:`.cues`):
    ``"protest"`` (a demonstration is named), ``"violent"`` (protesters threw stones, set fires),
    ``"intervention"`` (police dispersed/arrested protesters), ``"excessive"`` or ``"lethal"``
    (protesters killed, shot or hurt).
    """
    root = cameo_root(plover_type, mode)
    sub, why = _acled_subtype(plover_type, mode, actor_sectors, recipient_sectors, trigger_lemma, context)
    return Mapped(ACLED_TYPE_OF.get(sub) if sub else None, sub, root, why)


def _acled_subtype(ptype: str, mode: str | None, actors: frozenset[str], recipients: frozenset[str],
                   lemma: str, context: frozenset[str]) -> tuple[str | None, str]:
    mode = mode or ""
    at_protest = "protest" in context or "protesters" in actors | recipients
    if "mob" in context and ptype in {"ASSAULT", "COERCE"} and mode not in {"arrest", "detain", "seize"} \
            and not actors & STATE_SECTORS:
        return "Mob violence", "a mob or vigilantes attacked"
    if ptype == "ASSAULT":
        if at_protest and (found := _violence_at_protest(mode, actors, recipients, context)):
            return found
        return _assault(mode, actors, recipients, lemma)
    if ptype == "COERCE":
        return _coerce(mode, actors, recipients, lemma, context, at_protest)
    if ptype == "PROTEST":
        return _protest(mode, context)
    if ptype == "MOBILIZE":
        if mode == "base":
            return "Headquarters or base established", "base or headquarters set up"
        return "Change to group/activity", "force movement short of violence"
    if ptype == "RETREAT" and mode == "surrender":
        return "Agreement", "fighters surrendered (ACLED codes surrenders under agreements)"
    if ptype == "COOPERATE" and mode == "exchange":
        return "Agreement", "exchange of prisoners or bodies"
    if ptype == "RETREAT" and mode == "defect":
        return "Change to group/activity", "fighters changed sides"
    if ptype == "RETREAT" and mode in {"withdraw", "cede"} and actors & STATE_SECTORS:
        return "Non-violent transfer of territory", "state force withdrew or ceded ground without fighting"
    if ptype in {"AGREE", "SUPPORT"} and lemma in {"sign", "agree", "ceasefire", "truce", "agreement", "accord",
                                                   "deal"}:  # signing is SUPPORT (CAMEO 057), agreeing AGREE
        return "Agreement", f"agreement verb {lemma!r}"
    return None, f"{ptype} is a verbal or non-violent type ACLED does not code"


def _protest(mode: str, context: frozenset[str]) -> tuple[str, str]:
    if mode in PROTEST_BY_MODE:
        return PROTEST_BY_MODE[mode], f"PROTEST mode {mode!r}"
    if "violent" in context:
        return "Violent demonstration", "protesters' own violence named in the sentence"
    if context & {"lethal", "excessive"}:
        return "Excessive force against protesters", "protesters killed, shot or hurt in the same sentence"
    if "intervention" in context:
        return "Protest with intervention", "security forces dispersed or arrested protesters"
    return "Peaceful protest", "protest with no violence or intervention reported"


def _violence_at_protest(mode: str, actors: frozenset[str], recipients: frozenset[str],
                         context: frozenset[str]) -> tuple[str, str] | None:
    """Violence around a demonstration: by the protesters (riot) or against them (force)."""
    if "protesters" in actors or ("violent" in context and not (actors & STATE_SECTORS and context & {
            "lethal", "excessive"})):
        if mode == "mob":
            return "Mob violence", "a mob attacked"
        return "Violent demonstration", "protesters used violence"
    if "protesters" in recipients or actors & STATE_SECTORS:
        if context & {"lethal", "excessive"}:
            return "Excessive force against protesters", "security forces killed, shot or hurt protesters"
        return "Protest with intervention", "security forces used force short of lethal against protesters"
    return None


def _coerce(mode: str, actors: frozenset[str], recipients: frozenset[str], lemma: str,
            context: frozenset[str], at_protest: bool) -> tuple[str, str]:
    if mode == "seize":
        if actors & NON_STATE_SECTORS:
            return "Non-state actor overtakes territory", "territory seized by a non-state armed group"
        if actors & STATE_SECTORS:
            return "Government regains territory", "territory seized by a state force"
        if lemma in REGAIN_LEMMAS:
            return "Government regains territory", f"territory taken back ({lemma!r}), actor unknown"
        return "Non-state actor overtakes territory", "territory seized by an actor that is not a state force"
    if at_protest and mode in {"arrest", "detain", "restrict", "ban"} and not recipients - {"protesters", "opposition"}:
        if "violent" in context:
            return "Violent demonstration", f"COERCE {mode!r} at a protest where protesters used violence"
        if context & {"lethal", "excessive"}:
            return "Excessive force against protesters", f"COERCE {mode!r} at a protest, with protesters hurt"
        return "Protest with intervention", f"COERCE {mode!r} against protesters"
    if at_protest and mode == "destroy" and not actors & STATE_SECTORS:
        return "Violent demonstration", "property destroyed at a protest"
    if mode in COERCE_BY_MODE:
        return COERCE_BY_MODE[mode], f"COERCE mode {mode!r}"
    return "Other", f"COERCE mode {mode or 'unspecified'!r} has no specific ACLED sub-type"


def _assault(mode: str, actors: frozenset[str], recipients: frozenset[str], lemma: str) -> tuple[str, str]:
    if mode in ASSAULT_BY_MODE:
        return ASSAULT_BY_MODE[mode], f"ASSAULT mode {mode!r}"
    if mode == "mob" or (mode in {"beat", "primitive"} and actors & {"civilians", "protesters"}):
        return "Mob violence", "a crowd of civilians attacked"
    if recipients and not recipients & ARMED_SECTORS:
        return "Attack", "recipient is unarmed (" + ", ".join(sorted(recipients)) + ")"
    if lemma in CLASH_LEMMAS:
        return "Armed clash", f"{lemma!r} names fighting between armed sides"
    if mode in {"beat", "torture", "execute", "massacre", "primitive", "assassinate"}:
        return "Attack", f"ASSAULT mode {mode!r} targets people, not an armed force"
    if recipients & ARMED_SECTORS:
        return "Armed clash", "the target is an armed force"
    if actors & ARMED_SECTORS and mode == "firearms":
        return "Armed clash", "armed actor using firearms, no unarmed target named"
    return "Attack", "violence with no armed target identified"
