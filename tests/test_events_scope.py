"""The scope gate: trigger words outside politics and conflict are not events, and say so."""

from __future__ import annotations

import eventwire


def _process(text: str):
    return eventwire.process(text, published="2023-12-01T09:00:00")


def test_games_sports_and_products_are_set_aside_with_a_note():
    art = _process("Ash finally starts to take competitive battles seriously. "
                   "The app offers protection from malware-infested websites and trackers. "
                   "He returned the opening kickoff 47 yards.")
    assert art.events == ()
    [note] = [n for n in art.notes if n.startswith("events.scope.v1")]
    assert "'battles' (ASSAULT)" in note and "set aside" in note


def test_political_and_violent_events_stay_without_named_places():
    art = _process("Unidentified armed men gunned down a doctor on Sunday. "
                   "Police arrested twelve protesters outside the ministry. "
                   "A roadside bomb killed three villagers.")
    triggers = {art.text[e.trigger.start:e.trigger.end] for e in art.events}
    assert {"gunned down", "arrested"} <= triggers and any("kill" in t for t in triggers), triggers
    assert not [n for n in art.notes if n.startswith("events.scope.v1")]
    assert all("in scope (events.scope.v1)" in e.reason for e in art.events)  # why each one counts


def test_the_sentence_before_gives_the_context():
    art = _process("A militant threw a grenade at a police post in the market. "
                   "Investigators said on Wednesday they had detained him.")
    assert any(art.text[e.trigger.start:e.trigger.end] == "detained" for e in art.events)


def test_a_one_sentence_paragraph_reads_the_paragraph_before():
    art = _process("Russian troops shelled Sumy on Monday, injuring three people.\n\n"
                   "A power line and several houses were damaged in the attack.")
    assert any(art.text[e.trigger.start:e.trigger.end] == "attack" for e in art.events)


def test_a_place_beside_a_verbal_act_is_not_enough_but_a_place_as_its_party_is():
    art = _process("Some eSIMs only offer data connectivity that you can use in the Philippines. "
                   "Russia offered a prisoner exchange to Ukraine on Friday.")
    offers = {art.text[e.trigger.start:e.trigger.end] for e in art.events}
    assert "offered" in offers and "offer" not in offers, offers
    assert any("'offer' (AGREE)" in n for n in art.notes if n.startswith("events.scope.v1"))
