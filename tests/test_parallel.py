"""Triage, batched NLP and the multi-process ingest, on the real model and real pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest_support import run_cli, warc_gz
from parallel_support import store_content

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


@pytest.fixture(scope="module")
def seed_layers(seed_text):
    from eventwire.nlp.base import analyse
    from eventwire.scale.layer import analyse_triaged

    return analyse(seed_text), analyse_triaged(seed_text)


def test_forms_cover_regular_and_irregular_inflections():
    from eventwire.scale.forms import forms

    assert {"seized", "seizing", "seizes"} <= forms("seize")
    assert {"fought", "shot", "told", "said"} <= forms("fight") | forms("shoot") | forms("tell") | forms("say")
    assert {"shelled", "banned", "protesters", "militias"} <= forms("shell") | forms("ban") | forms("protester") | \
        forms("militia")
    assert "rose" not in forms("raid")


def test_sentence_verdicts_say_why():
    from eventwire.scale.triage import sentence_verdict

    kept = sentence_verdict("troops shelled the village overnight .".split(), quoted=False)
    assert kept.keep and kept.trigger and "shelled" in kept.reason
    cue = sentence_verdict("the minister said nothing more .".split(), quoted=False)
    assert cue.keep and cue.speech and "said" in cue.reason
    dropped = sentence_verdict("the weather was mild in the north .".split(), quoted=False)
    assert not dropped.keep and "NER only" in dropped.reason
    framed = sentence_verdict("he took a long walk .".split(), quoted=False)  # "take" needs over/control
    assert not framed.keep


def test_triaged_layer_keeps_every_entity_and_token_of_the_full_layer(seed_layers):
    full, triaged = seed_layers
    assert triaged.entities == full.entities
    assert triaged.tokens == full.tokens
    assert [p.doc.text for p in triaged.parsed] == [p.doc.text for p in full.parsed]
    left_out = [s for s in triaged.sentences if s.method == "scale.triage.v1"]
    assert left_out and len(left_out) < len(triaged.sentences)
    assert all(s.reason for s in triaged.sentences)
    for pp in triaged.parsed:  # left-out sentences carry no tags, so no stage reads a trigger into them
        for sent in pp.doc.sents:
            start = pp.offset + sent.start_char
            if any(s.start == start for s in left_out):
                assert all(t.pos_ == "" for t in sent)


def test_seed_events_and_quotes_are_the_same_with_and_without_triage(seed_text, seed_layers):
    from eventwire.attribution.quotes import find_quotes
    from eventwire.events import code_article
    from eventwire.model import Article

    out = []
    for base in seed_layers:
        art = Article(id="seed", text=seed_text, language="en", paragraphs=base.paragraphs,
                      sentences=base.sentences, tokens=base.tokens, entities=base.entities)
        events = [(e.plover_type, e.trigger, [a.text for a in e.actors]) for e in code_article(art, base)]
        quotes = [(q.content, q.speaker, q.resolved) for q in find_quotes(seed_text, base.parsed, base.entities)]
        out.append((events, quotes))
    assert out[0] == out[1]
    assert len(out[0][0]) >= 3 and len(out[0][1]) >= 4


def test_batch_of_articles_equals_one_by_one():
    from eventwire.model import RawDocument
    from eventwire.pipeline import run_raw
    from eventwire.scale.batch import run_batch

    raws = [RawDocument(str(p), "html", p.read_bytes()) for p in
            (FIXTURES / "wire-story.html", FIXTURES / "no-article.html", FIXTURES / "wire-brief.html")]
    batched = run_batch(raws)
    single = [run_raw(r) for r in raws]
    assert [type(r).__name__ for r in batched] == [type(r).__name__ for r in single] == ["Work", "Rejection", "Work"]
    for b, s in zip(batched, single, strict=True):
        if hasattr(b, "article"):
            assert b.article == s.article
        else:
            assert (b.stage, b.reason) == (s.stage, s.reason)


def test_two_workers_store_the_same_as_one(tmp_path):
    pages = [(f"https://wire.example.org/{p.stem}", p.read_bytes())
             for p in (FIXTURES / "wire-story.html", FIXTURES / "wire-brief.html", FIXTURES / "no-article.html")]
    warc = tmp_path / "wire.warc.gz"
    warc.write_bytes(warc_gz(pages))
    dbs = {}
    for n in (1, 2):
        dbs[n] = tmp_path / f"w{n}.duckdb"
        result = run_cli("ingest", "--db", str(dbs[n]), "--workers", str(n), str(warc))
        assert "ingested 2, already known 0, skipped 1, rejected 1" in result.output, result.output
    assert store_content(dbs[1]) == store_content(dbs[2])
    serial = tmp_path / "serial.duckdb"
    from eventwire.store import Store

    with Store(serial) as store:  # the library's one-process path: the same events, clustered at the end
        store.ingest([str(warc)])
    clustered = {t: store_content(serial)[t] for t in ("events", "event_members")}
    assert clustered["event_members"], "the wire story's reports are folded into events"
    assert clustered == {t: store_content(dbs[2])[t] for t in clustered}
    again = run_cli("ingest", "--db", str(dbs[2]), "--workers", "2", str(warc))
    assert "ingested 0, already known 2" in again.output


def test_triage_off_parses_every_sentence_in_batches_too(seed_text, monkeypatch):
    """``EVENTWIRE_TRIAGE=0`` is honoured by the batch path ``ingest`` uses, not only one by one."""
    from eventwire.scale.layer import analyse_many

    monkeypatch.setenv("EVENTWIRE_TRIAGE", "0")
    (full,) = analyse_many([(seed_text, None)])
    assert not [s for s in full.sentences if s.method == "scale.triage.v1"]
    monkeypatch.setenv("EVENTWIRE_TRIAGE", "1")
    (triaged,) = analyse_many([(seed_text, None)])
    assert [s for s in triaged.sentences if s.method == "scale.triage.v1"]
    assert triaged.entities == full.entities
