"""Attribution on the seed, end to end: quotes, speakers, statement kinds, cited material,
headline flags; stored and listed by ``eventwire quotes``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from eventwire.model import RawDocument


def _sentence(art, startswith):
    return next(s for s in art.statements if art.text[s.start:s.end].startswith(startswith))


def test_seed_four_direct_quotes_by_the_unnamed_soldier(seed_article):
    art = seed_article
    soldier = [q for q in art.quotes if q.speaker_name == "an unnamed soldier" and q.kind != "stance"]
    assert len(soldier) == 4
    assert all(q.kind == "direct" for q in soldier)
    assert all(q.affiliation_name == "Freedom of Russia Legion" for q in soldier)
    firsts = [art.text[q.content[0].start:q.content[0].end] for q in soldier]
    assert firsts[0] == "“We are Russians like you,”"
    assert firsts[1].startswith("“We want our children")
    assert firsts[2].startswith("“rotten from corruption")
    assert firsts[3].startswith("“a person’s life is worth less")
    # the split quote keeps its fragments as parts, and pronoun speakers link back
    assert [art.text[c.start:c.end] for c in soldier[3].content[1:]] == ["“separated”", "“for calling for peace.”"]
    assert {art.text[q.speaker.start:q.speaker.end] for q in soldier} == {"He", "he"}
    assert art.text[soldier[0].resolved.start:soldier[0].resolved.end] == "an unnamed soldier"
    assert "pronoun 'He' -> 'an unnamed soldier'" in soldier[0].reason


def test_seed_blogger_paragraphs_are_commentary_and_middle_is_newsweek(seed_article):
    art = seed_article
    paras = art.source_paragraphs
    assert len(paras) == len(art.paragraphs)
    assert (paras[0].origin, paras[0].role) == ("own", "commentary")
    assert (paras[-1].origin, paras[-1].role) == ("own", "commentary")
    assert paras[1].role == "source line"
    middle = paras[2:-1]
    assert middle and all(p.origin == "cited" and p.outlet == "Newsweek" for p in middle)
    assert art.text[middle[-1].start:].startswith("This is likely a reference")


def test_seed_statement_kinds(seed_article):
    art = seed_article
    assert len(art.statements) == len(art.sentences)
    masha = _sentence(art, "This is likely a reference")
    assert masha.kind == "hedged" and art.text[masha.cue.start:masha.cue.end] == "likely"
    assert masha.source == "Newsweek"
    first = _sentence(art, "Just when you thought")
    assert first.kind == "opinion"
    last = _sentence(art, "And what of this invasion")
    assert last.kind == "opinion" and "rhetorical question" in last.reason
    video = _sentence(art, "The video message was released")
    assert (video.kind, video.source) == ("fact", "Newsweek")
    want = _sentence(art, "“We want our children")
    assert want.kind == "attributed" and want.source.startswith("an unnamed soldier")


def test_seed_headline_flags_place_scope_and_wording(seed_article):
    art = seed_article
    flags = {f.kind: f for f in art.headline_flags}
    place, wording = flags["place scope"], flags["wording"]
    assert art.title[place.headline.start:place.headline.end] == "The Russian City Of Belgorod"
    assert [art.text[b.start:b.end] for b in place.body] == ["some border towns inside Russia"]
    assert art.title[wording.headline.start:wording.headline.end] == "Invade"
    assert "took over" in [art.text[b.start:b.end] for b in wording.body]
    assert "unrelated" not in flags and "contradicted" not in flags


def test_attribution_is_stored_and_listed(seed_text, db_path):
    from eventwire.cli import _register, cli
    from eventwire.pipeline import run_raw
    from eventwire.store import Store
    from eventwire.store.attribution import article_attribution

    work = run_raw(RawDocument("seed.txt", "text", seed_text.encode()))
    with Store(db_path) as store:
        store.save(work)
        store.save(work)  # re-saving replaces, never duplicates
        view = article_attribution(store, work.article.id[:8])
        def brief(quotes):
            return [(q.kind, [(c.start, c.end) for c in q.content], q.speaker_name, q.affiliation_name) for q in quotes]

        assert brief(view.quotes) == brief(work.article.quotes)
        assert [(s.start, s.end, s.kind, s.source) for s in view.statements] == \
            [(s.start, s.end, s.kind, s.source) for s in work.article.statements]
        assert view.source_paragraphs == work.article.source_paragraphs
        assert {f.kind for f in view.headline_flags} >= {"place scope", "wording"}
    _register()
    result = CliRunner().invoke(cli, ["quotes", "--db", str(db_path), "--speaker", "Legion", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 4 and all(r["speaker_name"] == "an unnamed soldier" for r in rows)
    shown = CliRunner().invoke(cli, ["article", "--db", str(db_path), rows[0]["article_id"]])
    assert shown.exit_code == 0, shown.output
    assert "headline flag [place scope]" in shown.output and "quote [direct] an unnamed soldier" in shown.output


@pytest.mark.parametrize(("text", "speaker", "content", "kind"), [
    ("The plan will fail, the minister said on Tuesday.", "the minister", "The plan will fail", "indirect"),
    ("According to police, three people were arrested.", "police", "three people were arrested", "indirect"),
    ("Officials told reporters that the bridge had been closed.", "Officials",
     "that the bridge had been closed", "indirect"),
    ("“We will not leave,” said Maria Ivanova, a local teacher.", "Maria Ivanova, a local teacher",
     "“We will not leave,”", "direct"),
    ("Trump's assertion that the election was rigged drew criticism.", "Trump's",
     "that the election was rigged", "indirect"),
])
def test_quote_styles(text, speaker, content, kind):
    import eventwire

    art = eventwire.process(text)
    assert art.quotes, art
    q = art.quotes[0]
    assert q.kind == kind
    assert art.text[q.content[0].start:q.content[0].end] == content
    assert art.text[q.speaker.start:q.speaker.end] == speaker


def test_stance_attribution_is_no_claim():
    import eventwire

    art = eventwire.process("Senator Mary Jones endorsed the governor on Tuesday.")
    stance = [q for q in art.quotes if q.kind == "stance"]
    assert stance and art.text[stance[0].speaker.start:stance[0].speaker.end] == "Senator Mary Jones"
    assert art.text[stance[0].content[0].start:stance[0].content[0].end] == "the governor"
    assert art.statements[0].kind == "fact"


def test_colon_announces_the_next_paragraph_and_signatures_name_the_speaker():
    import eventwire

    art = eventwire.process("The minister told parliament:\n\n“The border will stay closed until spring.”\n\n"
                            "“We are worried about the future of our children and our towns.”\n\n- Anna Petrova")
    first = next(q for q in art.quotes if art.text[q.content[0].start:].startswith("“The border"))
    assert art.text[first.speaker.start:first.speaker.end] == "The minister"
    last = next(q for q in art.quotes if art.text[q.content[0].start:].startswith("“We are worried"))
    assert last.speaker_name == "Anna Petrova" and "signed" in last.reason
