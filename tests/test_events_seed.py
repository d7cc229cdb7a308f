"""The seed article end to end: the three events the product promises, and none where there are none."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from eventwire.model import EventReport


@pytest.fixture(scope="module")
def coded_seed(seed_text):
    """The seed through the stages event coding needs (language, cited, nlp, events), real model."""
    from eventwire.pipeline import DEFAULT_STAGES, RawDocument, run_raw

    stages = tuple(s for s in DEFAULT_STAGES if s.name in {"language", "cited", "nlp", "events"})
    raw = RawDocument(source="seed", kind="text", content=seed_text.encode(), published="2023-05-23T10:00:00")
    return run_raw(raw, stages).article


def test_process_returns_event_reports(seed_article):
    """The public API: ``eventwire.process`` runs every default stage, events included."""
    assert {(e.plover_type, e.plover_mode) for e in seed_article.events} >= {
        ("COERCE", "seize"), ("REQUEST", None), ("COERCE", "arrest")}


def _one(article, ptype: str, trigger_word: str) -> EventReport:
    found = [e for e in article.events
             if e.plover_type == ptype and trigger_word in article.text[e.trigger.start:e.trigger.end]]
    assert len(found) == 1, [(e.plover_type, article.text[e.trigger.start:e.trigger.end]) for e in article.events]
    return found[0]


def test_takeover_of_border_towns(coded_seed):
    art = coded_seed
    ev = _one(art, "COERCE", "took over")
    assert (ev.plover_mode, ev.acled_type, ev.acled_subtype, ev.cameo_root) == (
        "seize", "Battles", "Non-state actor overtakes territory", "19")
    actor = ev.actors[0]
    assert art.text[actor.start:actor.end] == "Russian Army defectors"
    assert (actor.canonical, actor.sector, actor.aligned) == ("Freedom of Russia Legion", "armed group", "UKR")
    assert [(r.canonical, r.country) for r in ev.recipients] == [("Russia", "RUS")]
    place_texts = {art.text[p.start:p.end] for p in ev.places}
    assert {"border towns", "Russia", "Belgorod"} <= place_texts
    assert ev.status.status == "asserted" and ev.status.qualifiers == ()
    assert art.text[ev.sentence.start:ev.sentence.end].startswith("Just when you thought")


def test_video_message_is_verbal_dated_and_attributed(coded_seed):
    ev = _one(coded_seed, "REQUEST", "called for")
    assert ev.acled_type is None and ev.cameo_root == "10"
    assert ev.actors[0].canonical == "Freedom of Russia Legion"
    assert ev.date.value == date(2023, 5, 22) and ev.date.precision == "day"  # the Monday before Tue 23 May
    assert coded_seed.text[ev.date.start:ev.date.end] == "on Monday"
    assert (ev.status.status, ev.status.source) == ("attributed", "Newsweek")


def test_arrest_is_hedged_and_historical(coded_seed):
    art = coded_seed
    ev = _one(art, "COERCE", "arrest")
    assert (ev.plover_mode, ev.acled_type, ev.acled_subtype) == ("arrest", "Strategic developments", "Arrests")
    assert ev.status.status == "hedged" and "historical" in ev.status.qualifiers
    assert [art.text[r.start:r.end] for r in ev.recipients] == ["her father"]


@pytest.mark.parametrize("sentence_start", ["This was impossible in Putin", "The group is made up of",
                                            "And what of this invasion", "Belgorod is a fairly major"])
def test_no_event_where_none_is_reported(coded_seed, sentence_start):
    art = coded_seed
    hits = [e for e in art.events if art.text[e.sentence.start:e.sentence.end].startswith(sentence_start)]
    assert hits == []
    assert not any(art.text[e.trigger.start:e.trigger.end] == "invasion" for e in art.events)


def test_every_field_says_who_decided_and_why(coded_seed):
    for ev in coded_seed.events:
        for thing in (ev.trigger, ev.date, ev.status, *ev.actors, *ev.recipients, *ev.places, *ev.numbers):
            assert thing.method.startswith("events.") and thing.reason, thing
        assert ev.mapping_reason.startswith("events.map.v1")
        assert 0 < ev.confidence <= 1


def test_store_roundtrip_filters_and_cli(coded_seed, db_path):
    from eventwire.cli import _register, cli
    from eventwire.pipeline import Work
    from eventwire.store import Store
    from eventwire.store.events import EventFilter, event_rows, load_event

    with Store(db_path) as store:
        store.save(Work(coded_seed))
        rows = list(event_rows(store.con))
        assert len(rows) == len(coded_seed.events)
        happened = list(event_rows(store.con, EventFilter(statuses=("asserted", "attributed"))))
        assert {r.plover for r in happened} == {"COERCE:seize", "REQUEST"}
        assert [r.acled for r in event_rows(store.con, EventFilter(acled_type="Arrests"))] == [
            "Strategic developments / Arrests"]
        assert len(list(event_rows(store.con, EventFilter(country="rus", plover_type="COERCE")))) == 1
        takeover = next(e for e in coded_seed.events if e.plover_mode == "seize")
        loaded = load_event(store.con, takeover.id[:8])
        assert (loaded.actors, loaded.recipients, loaded.places, loaded.status, loaded.date) == (
            takeover.actors, takeover.recipients, takeover.places, takeover.status, takeover.date)
    _register()
    runner = CliRunner()
    out = runner.invoke(cli, ["events", "--db", str(db_path), "--actor", "Legion", "--format", "csv"])
    assert out.exit_code == 0, out.output
    assert out.output.count("Freedom of Russia Legion") == 2
    shown = runner.invoke(cli, ["show", "--db", str(db_path), takeover.id])
    assert shown.exit_code == 0 and "Non-state actor overtakes territory" in shown.output
    missing = runner.invoke(cli, ["show", "--db", str(db_path), "ffffffff"])
    assert missing.exit_code == 1 and "[E311] no event matches 'ffffffff'" in missing.output
    recoded = runner.invoke(cli, ["recode", "--db", str(db_path)])
    assert recoded.exit_code == 0 and f"recoded 1 articles: {len(coded_seed.events)} event reports" in recoded.output
