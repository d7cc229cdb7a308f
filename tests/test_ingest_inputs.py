"""`eventwire ingest` end to end on every input kind: real files, a real 127.0.0.1 server, a real
DuckDB file, then the store is queried. One CLI run per kind, so a failure names the kind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ingest_support import (
    BRIEF_HTML,
    BRIEF_TITLE,
    FIXTURES,
    IRGC_HTML,
    IRGC_TITLE,
    SEED,
    STORY_HTML,
    STORY_TITLE,
    LocalServer,
    Route,
    atom,
    counts,
    query,
    rss,
    run_cli,
    start_server,
    warc_gz,
)

pytestmark = pytest.mark.network

ITEM_TEXT = ("Ukrainian drones struck an oil depot in the Bryansk region overnight, the regional governor said. "
             "Firefighters put out the blaze by morning and nobody was hurt.")


@pytest.fixture(scope="module")
def server() -> LocalServer:
    srv = start_server()
    srv.routes.update({
        "/story.html": Route(body=STORY_HTML.read_bytes()),
        "/brief.html": Route(body=BRIEF_HTML.read_bytes()),
        "/moved": Route(302, headers={"Location": "/story.html"}),
    })
    yield srv
    srv.server.shutdown()


def ingest(db: Path, *inputs: str, stdin: bytes | None = None, net: bool = False):
    extra = ["--allow-private", "--per-host-delay", "0"] if net else []
    return run_cli("ingest", "--db", str(db), *extra, *inputs, stdin=stdin)


def titles(db: Path) -> list[str]:
    return sorted(r[0] for r in query(db, "SELECT title FROM articles"))


def test_plain_text_file_the_seed(db_path):
    result = ingest(db_path, str(SEED))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == "ingested 1, already known 0, skipped 0, rejected 0"
    [(aid, title, source)] = query(db_path, "SELECT id, title, source FROM articles")
    assert title == "Russians Invade The Russian City Of Belgorod"
    assert source == str(SEED)
    cited = query(db_path, "SELECT text FROM spans WHERE article_id = ? AND layer = 'cited_outlet'", [aid])
    assert ("Newsweek",) in cited
    layers = dict(query(db_path, "SELECT layer, count(*) FROM spans WHERE article_id = ? GROUP BY layer", [aid]))
    assert layers["paragraph"] >= 5 and layers["sentence"] >= 10 and layers["entity"] >= 5


def test_html_file(db_path):
    result = ingest(db_path, str(IRGC_HTML))
    assert result.exit_code == 0, result.output
    [(title, published, kind)] = query(
        db_path, "SELECT a.title, a.published, r.kind FROM articles a JOIN raw_inputs r ON r.sha256 = a.raw_sha256")
    assert title == IRGC_TITLE
    assert published is not None  # its exact value is the extraction eval's business
    assert kind == "html"


def test_kind_comes_from_content_not_the_name(db_path, tmp_path):
    disguised = tmp_path / "page.txt"
    shutil.copy(STORY_HTML, disguised)
    assert ingest(db_path, str(disguised)).exit_code == 0
    assert query(db_path, "SELECT kind FROM raw_inputs") == [("html",)]
    assert titles(db_path) == [STORY_TITLE]


def test_latin1_text_still_decodes(db_path):
    result = ingest(db_path, str(FIXTURES / "latin1.txt"))
    assert result.exit_code == 0, result.output
    [(title, text)] = query(db_path, "SELECT title, text FROM articles")
    assert title == "Flooding closes roads near Lyon"
    assert "préfecture" in text and "cafés" in text


def test_url_is_fetched_politely(db_path, server):
    result = ingest(db_path, server.url("/moved"), net=True)
    assert result.exit_code == 0, result.output
    [(url, title)] = query(db_path, "SELECT url, title FROM articles")
    assert url == server.url("/story.html")  # the address after the redirect
    assert title == STORY_TITLE
    agents = {ua for path, ua in server.requests if path in ("/moved", "/story.html")}
    assert agents and all(ua.startswith("eventwire/") for ua in agents)


def test_file_listing_urls(db_path, server, tmp_path):
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# two pages\n{server.url('/story.html')}\n\n{server.url('/brief.html')}\n")
    result = ingest(db_path, str(listing), net=True)
    assert result.exit_code == 0, result.output
    assert titles(db_path) == sorted([STORY_TITLE, BRIEF_TITLE])
    assert query(db_path, "SELECT DISTINCT kind FROM raw_inputs") == [("html",)]


def _feed_items(server: LocalServer) -> list[dict[str, str]]:
    return [
        {"title": STORY_TITLE, "link": server.url("/story.html"), "content": "<p>Short teaser.</p>"},
        {"title": "Drones hit Bryansk oil depot", "link": server.url("/gone-404.html"),
         "content": f"<p>{ITEM_TEXT}</p>", "date": "Tue, 05 Mar 2024 06:15:00 GMT"},
    ]


def _check_feed_articles(db: Path) -> None:
    rows = dict(query(db, "SELECT title, text FROM articles"))
    assert set(rows) == {STORY_TITLE, "Drones hit Bryansk oil depot"}
    assert "airport" in rows[STORY_TITLE]  # the page was fetched, not the teaser used
    assert rows["Drones hit Bryansk oil depot"] == ITEM_TEXT  # its page 404s: the item's own content
    [(published,)] = query(db, "SELECT published FROM articles WHERE title = 'Drones hit Bryansk oil depot'")
    assert published.isoformat() == "2024-03-05T06:15:00"


def test_rss_feed_file(db_path, server, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss(_feed_items(server)))
    result = ingest(db_path, str(feed), net=True)
    assert result.exit_code == 0, result.output
    assert "ingested 2," in result.stdout
    _check_feed_articles(db_path)


def test_atom_feed_url(db_path, server):
    server.routes["/atom"] = Route(body=atom(_feed_items(server)), content_type="application/atom+xml")
    result = ingest(db_path, server.url("/atom"), net=True)
    assert result.exit_code == 0, result.output
    _check_feed_articles(db_path)


def test_warc_gz_responses_ingested_requests_skipped(db_path, tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(warc_gz([("https://wire.example.org/story", STORY_HTML.read_bytes()),
                               ("https://wire.example.org/brief", BRIEF_HTML.read_bytes())]))
    result = ingest(db_path, str(crawl))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == "ingested 2, already known 0, skipped 1, rejected 0"
    rows = query(db_path, "SELECT url, source FROM articles ORDER BY url")
    assert [r[0] for r in rows] == ["https://wire.example.org/brief", "https://wire.example.org/story"]
    assert all(src.startswith(f"{crawl}#") for _, src in rows)


def test_json_lines_with_a_bad_line(db_path):
    result = ingest(db_path, str(FIXTURES / "articles.jsonl"))
    assert result.exit_code == 0, result.output
    rows = dict(query(db_path, "SELECT title, published FROM articles"))
    assert set(rows) == {"Shelling hits Kharkiv suburbs", "Thousands rally in Tbilisi"}
    assert rows["Shelling hits Kharkiv suburbs"].isoformat() == "2024-03-01T09:30:00"
    [(source, stage, reason)] = query(db_path, "SELECT source, stage, reason FROM rejects")
    assert source.endswith("articles.jsonl:3") and stage == "input" and "line 3" in reason
    assert f"rejected {source} [input]: " in result.stderr


def test_directory_recursive(db_path, tmp_path):
    top = tmp_path / "inbox"
    (top / "a" / "b").mkdir(parents=True)
    shutil.copy(SEED, top / "seed.txt")
    shutil.copy(STORY_HTML, top / "a" / "b" / "page.html")
    (top / ".hidden").write_text("not an article")
    result = ingest(db_path, str(top))
    assert result.exit_code == 0, result.output
    assert titles(db_path) == sorted([STORY_TITLE, "Russians Invade The Russian City Of Belgorod"])
    assert counts(db_path)["rejects"] == 0


def test_stdin(db_path):
    result = ingest(db_path, "-", stdin=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    assert query(db_path, "SELECT source, title FROM articles") == [
        ("stdin", "Russians Invade The Russian City Of Belgorod")]


def test_json_format_summary(db_path):
    import json

    result = run_cli("ingest", "--db", str(db_path), "--format", "json", str(SEED))
    assert result.exit_code == 0, result.output
    last = json.loads(result.stdout.strip().splitlines()[-1])
    assert last["ingested"] == 1 and last["rejected"] == 0


def test_rerun_duplicates_nothing(db_path, server, tmp_path):
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(warc_gz([("https://wire.example.org/1", BRIEF_HTML.read_bytes())]))
    inputs = [str(SEED), str(STORY_HTML), str(crawl), str(FIXTURES / "articles.jsonl"), server.url("/story.html")]
    first = ingest(db_path, *inputs, net=True)
    assert first.exit_code == 0, first.output
    before = counts(db_path)
    second = ingest(db_path, *inputs, net=True)
    assert second.exit_code == 0, second.output
    assert counts(db_path) == before
    assert before["articles"] == 5 and before["rejects"] == 1
    # the fetched page has the same bytes as the HTML file, so it is already known on the first run
    assert first.stdout.strip().splitlines()[-1] == "ingested 5, already known 1, skipped 1, rejected 1 (input 1)"
    assert second.stdout.strip().splitlines()[-1] == "ingested 0, already known 6, skipped 1, rejected 1 (input 1)"
    assert query(db_path, "SELECT attempts FROM rejects") == [(2,)]


def test_python_api_store_ingest(db_path):
    from eventwire import Store

    with Store(db_path) as store:
        summary = store.ingest([str(SEED), str(FIXTURES / "articles.jsonl")])
        assert (summary.ingested, summary.known, summary.rejected) == (3, 0, 1)
        assert summary.line() == "ingested 3, already known 0, skipped 0, rejected 1 (input 1)"
        assert store.ingest([str(SEED)]).known == 1
        assert store.count("articles") == 3


def test_feed_polled_again_fetches_nothing_known(db_path, server, tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_bytes(rss(_feed_items(server)))
    assert ingest(db_path, str(feed), net=True).exit_code == 0
    before, fetched = counts(db_path), len(server.requests)
    again = ingest(db_path, str(feed), net=True)
    assert again.exit_code == 0, again.output
    assert again.stdout.strip().splitlines()[-1] == "ingested 0, already known 2, skipped 0, rejected 0"
    assert counts(db_path) == before
    assert len(server.requests) == fetched  # stored item pages are not fetched again
