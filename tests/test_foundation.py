"""The seed through the whole base pipeline, and the store round trip (real model, real DuckDB)."""

from __future__ import annotations

import dataclasses

import pytest

import eventwire
from eventwire.pipeline import Work, article_id
from eventwire.store import Store


def test_seed_metadata_and_cited_outlet(seed_article):
    art = seed_article
    assert art.title == "Russians Invade The Russian City Of Belgorod"
    assert "Home »" not in art.text
    assert not art.text.startswith("Russians Invade")
    assert art.language == "en"
    [newsweek] = [c for c in art.cited_outlets if c.name == "Newsweek"]
    assert art.span_text(newsweek) == "Newsweek"
    assert newsweek.cue == "source line"


def test_seed_span_layers_are_consistent(seed_article):
    art = seed_article
    assert len(art.paragraphs) == 9
    assert len(art.sentences) >= 14
    for sent in art.sentences:
        assert any(p.start <= sent.start and sent.end <= p.end for p in art.paragraphs)
        assert art.text[sent.start:sent.end].strip() == art.text[sent.start:sent.end]
    for ent in art.entities:
        assert art.text[ent.start:ent.end] == ent.text
        assert ent.method and ent.reason
    assert all(art.text[s:e].strip() for s, e in art.tokens)


def test_seed_entity_rules(seed_article):
    labels = {(e.text, e.label) for e in seed_article.entities}
    assert ("Freedom of Russia Legion", "ORG") in labels
    assert ("Kharkiv", "GPE") in labels
    assert ("Belgorod", "GPE") in labels
    assert ("Masha Moskaleva", "PERSON") in labels
    assert ("Putin", "GPE") not in labels  # "Putin's Russia" harmonised to PERSON
    fixed = [e for e in seed_article.entities if e.method.startswith("nlp.rules")]
    assert fixed and all(e.reason for e in fixed)


def test_article_id_is_stable_and_content_based():
    assert article_id("a  b\nc", None) == article_id("a b c", None)
    assert article_id("a b c", "https://x.org/1") != article_id("a b c", None)


def test_store_round_trip_and_idempotence(seed_article, db_path):
    raw = eventwire.RawDocument(source="seed.txt", kind="text", content=b"seed bytes")
    art = dataclasses.replace(seed_article, raw_sha256="f" * 64)
    with Store(db_path) as store:
        assert store.save(Work(art, raw)) is True
        assert store.save(Work(art, raw)) is False
        assert store.count("articles") == 1
        assert store.count("spans") == len(art.paragraphs) + len(art.sentences) + len(art.entities) + len(
            art.cited_outlets)
        back = store.article(art.id[:8])
        assert back.text == art.text and back.title == art.title
        assert back.entities == art.entities and back.sentences == art.sentences
        assert back.tokens == art.tokens
        assert store.raw_content("f" * 64) == b"seed bytes"
        [row] = list(store.articles(search="Belgorod defectors"))
        assert row.cited_outlets == ("Newsweek",)
        assert list(store.articles(search="no-such-word-anywhere")) == []
    with Store(db_path) as again:  # reopening migrates nothing twice
        assert again.count("articles") == 1


def test_failed_write_leaves_nothing(seed_article, db_path):
    broken = dataclasses.replace(seed_article, tokens=((0, 1), (2, "x")))  # type: ignore[arg-type]
    with Store(db_path) as store:
        with pytest.raises(eventwire.StoreError):
            store.save(Work(broken, None))
        assert store.count("articles") == 0 and store.count("spans") == 0


def test_rejects_are_recorded_once(db_path):
    rej = eventwire.Rejection("bad.bin", "input", "binary content, not text or HTML", "a" * 64)
    with Store(db_path) as store:
        store.reject(rej)
        store.reject(rej)
        assert [r.reason for r in store.rejects()] == ["binary content, not text or HTML"]


def test_public_api_is_explicit():
    assert sorted(eventwire.__all__) == sorted(set(eventwire.__all__))
    for name in eventwire.__all__:
        assert getattr(eventwire, name) is not None


def test_process_html_page():
    html = ("<html><head><title>Troops enter town | Example News</title></head><body><article>"
            "<h1>Troops enter town</h1><p>" + "Soldiers entered the town of Kupiansk on Monday, officials said. " * 8
            + "</p></article></body></html>")
    art = eventwire.process(html, url="https://news.example.org/a")
    assert "Soldiers entered the town" in art.text
    assert art.url == "https://news.example.org/a"
    assert art.sentences


def test_overlong_text_is_rejected_with_reason():
    from eventwire.pipeline import run_raw

    text = "Title line here\n\n" + ("word " * 450_000)
    result = run_raw(eventwire.RawDocument(source="huge.txt", kind="text", content=text.encode()))
    assert isinstance(result, eventwire.Rejection)
    assert result.stage == "extract" and "too long" in result.reason


def test_reingest_reports_the_known_article_id(db_path, tmp_path):
    import json

    from click.testing import CliRunner

    from eventwire.cli import _register, cli

    page = tmp_path / "story.txt"
    page.write_text("Troops enter town\n\n" + "Soldiers entered the town of Kupiansk on Monday, officials said. " * 5)
    _register()
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", "--db", str(db_path), "--format", "json", str(page)])
    again = runner.invoke(cli, ["ingest", "--db", str(db_path), "--format", "json", str(page)])
    assert first.exit_code == 0 and again.exit_code == 0, again.output
    [ingested] = [r for r in map(json.loads, first.output.splitlines()) if r["status"] == "ingested"]
    [known] = [r for r in map(json.loads, again.output.splitlines()) if r["status"] == "already known"]
    assert known["article_id"] == ingested["article_id"] is not None
