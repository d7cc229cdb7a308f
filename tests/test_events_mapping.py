"""The deterministic PLOVER -> ACLED / CAMEO tables, one documented row at a time."""

from __future__ import annotations

import pytest

from eventwire.events import mapping
from eventwire.events.lexicon import load_lexicon


def test_vocabularies_are_complete():
    assert len(mapping.PLOVER_TYPES) == 16
    assert sum(len(v) for v in mapping.ACLED_SUBTYPES.values()) == 25
    assert set(mapping.CAMEO_ROOT) == set(mapping.PLOVER_TYPES)
    assert {mapping.canonical_type(n) for n in ("DEMAND", "disapprove", "INVESTIGATE", "FIGHT")} == {
        "REQUEST", "ACCUSE", "ASSAULT"}


def test_lexicon_only_uses_known_types():
    types = {t.plover_type for rows in load_lexicon().values() for t in rows}
    assert types == set(mapping.PLOVER_TYPES)
    assert load_lexicon()["take"][0].child == "over"


@pytest.mark.parametrize(("ptype", "mode", "actors", "recipients", "lemma", "context", "acled", "cameo"), [
    ("COERCE", "seize", {"armed group"}, {"government"}, "take", set(), "Non-state actor overtakes territory", "19"),
    ("COERCE", "seize", {"military"}, set(), "recapture", set(), "Government regains territory", "19"),
    ("COERCE", "seize", set(), set(), "retake", set(), "Government regains territory", "19"),
    ("COERCE", "arrest", {"police"}, {"civilians"}, "arrest", set(), "Arrests", "17"),
    ("COERCE", "destroy", set(), set(), "loot", set(), "Looting/property destruction", "17"),
    ("COERCE", "disrupt", set(), set(), "defuse", set(), "Disrupted weapons use", "17"),
    ("COERCE", "ban", set(), set(), "ban", set(), "Other", "17"),
    ("ASSAULT", "aerial", set(), set(), "airstrike", set(), "Air/drone strike", "19"),
    ("ASSAULT", "heavy-weapons", set(), set(), "shell", set(), "Shelling/artillery/missile attack", "19"),
    ("ASSAULT", "explosives", set(), set(), "bombing", set(), "Remote explosive/landmine/IED", "18"),
    ("ASSAULT", "suicide-attack", set(), set(), "bomber", set(), "Suicide bomb", "18"),
    ("ASSAULT", "grenade", set(), set(), "grenade", set(), "Grenade", "18"),
    ("ASSAULT", "cbrn", set(), set(), "chlorine", set(), "Chemical weapon", "20"),
    ("ASSAULT", "sexual", set(), set(), "rape", set(), "Sexual violence", "18"),
    ("ASSAULT", "abduct", set(), set(), "kidnap", set(), "Abduction/forced disappearance", "18"),
    ("ASSAULT", "firearms", {"military"}, {"armed group"}, "clash", set(), "Armed clash", "19"),
    ("ASSAULT", None, {"armed group"}, {"civilians"}, "attack", set(), "Attack", "18"),
    ("PROTEST", "demo", {"protesters"}, set(), "protest", set(), "Peaceful protest", "14"),
    ("PROTEST", "demo", set(), set(), "protest", {"intervention"}, "Protest with intervention", "14"),
    ("PROTEST", "demo", set(), set(), "protest", {"intervention", "lethal"}, "Excessive force against protesters",
     "14"),
    ("PROTEST", "riot", set(), set(), "riot", set(), "Violent demonstration", "14"),
    ("PROTEST", "mob", set(), set(), "mob", set(), "Mob violence", "14"),
    ("MOBILIZE", "base", set(), set(), "establish", set(), "Headquarters or base established", "15"),
    ("MOBILIZE", "troops", set(), set(), "deploy", set(), "Change to group/activity", "15"),
    ("RETREAT", "withdraw", {"military"}, set(), "withdraw", set(), "Non-violent transfer of territory", "08"),
    ("AGREE", None, set(), set(), "sign", set(), "Agreement", "03"),
    ("SUPPORT", None, set(), set(), "sign", set(), "Agreement", "05"),  # signing a formal agreement: CAMEO 057
    ("REQUEST", None, {"armed group"}, set(), "call", set(), None, "10"),
    ("ACCUSE", "investigate", set(), set(), "investigate", set(), None, "09"),
    ("THREATEN", None, set(), set(), "threaten", set(), None, "13"),
    ("COERCE", "seize", {"armed group"}, {"military"}, "recapture", set(), "Non-state actor overtakes territory",
     "19"),
    ("ASSAULT", None, {"armed group"}, {"military"}, "attack", set(), "Armed clash", "18"),
    ("ASSAULT", None, {"military"}, set(), "clash", set(), "Armed clash", "18"),
    ("ASSAULT", None, {"armed group"}, set(), "attack", set(), "Attack", "18"),
    ("ASSAULT", "firearms", {"police"}, {"protesters"}, "fire", {"protest", "excessive"},
     "Excessive force against protesters", "19"),
    ("ASSAULT", "firearms", {"protesters"}, {"police"}, "clash", {"protest", "violent"}, "Violent demonstration", "19"),
    ("COERCE", "restrict", {"police"}, {"protesters"}, "disperse", {"protest", "intervention"},
     "Protest with intervention", "17"),
    ("COERCE", "destroy", {"protesters"}, set(), "torch", {"protest", "violent"}, "Violent demonstration", "17"),
    ("PROTEST", "demo", set(), set(), "protest", {"protest", "violent", "intervention"}, "Violent demonstration",
     "14"),
    ("COERCE", "restrict", {"police"}, {"protesters"}, "disperse", {"protest", "intervention", "violent"},
     "Violent demonstration", "17"),
    ("RETREAT", "surrender", {"armed group"}, {"military"}, "surrender", set(), "Agreement", "08"),
    ("COOPERATE", "exchange", set(), set(), "exchange", set(), "Agreement", "06"),
    ("RETREAT", "defect", {"military"}, set(), "defect", set(), "Change to group/activity", "08"),
])
def test_mapping_rows(ptype, mode, actors, recipients, lemma, context, acled, cameo):
    got = mapping.map_event(ptype, mode, actor_sectors=frozenset(actors), recipient_sectors=frozenset(recipients),
                            trigger_lemma=lemma, context=frozenset(context))
    assert (got.acled_subtype, got.cameo_root) == (acled, cameo)
    assert got.acled_type == (mapping.ACLED_TYPE_OF[acled] if acled else None)
    assert got.reason
