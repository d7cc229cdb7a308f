"""Bad inputs through `eventwire ingest`: each gives a rejects row and one clear stderr line, and
the batch goes on to the good input after it. Also the exit codes 0 / 1 / 2."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from eventwire.config import load_settings
from eventwire.ingest import iter_raw
from eventwire.model import Rejection
from ingest_support import (
    FIXTURES,
    SEED,
    LocalServer,
    Route,
    closed_port,
    query,
    run_cli,
    start_server,
    warc_gz,
)

pytestmark = pytest.mark.network

FIFTY_MB = 50 * 1024 * 1024


@pytest.fixture(scope="module")
def server() -> LocalServer:
    srv = start_server()
    srv.routes["/huge.html"] = Route(stream_bytes=FIFTY_MB)
    srv.routes["/page.html"] = Route(body=SEED.read_bytes(), content_type="text/plain")
    srv.routes["/page.html?again"] = srv.routes["/page.html"]
    srv.routes["/story.html"] = Route(body=(FIXTURES / "wire-story.html").read_bytes())
    srv.routes["/brief.html"] = Route(body=(FIXTURES / "wire-brief.html").read_bytes())
    yield srv
    srv.server.shutdown()


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> dict[str, Path]:
    """One file per bad kind, written once for the module."""
    d = tmp_path_factory.mktemp("bad")
    files = {
        "empty": d / "empty.txt",
        "binary": d / "page.bin",
        "invalid_utf8": d / "garbage.txt",
        "huge": d / "huge.html",
        "no_article": d / "no-article.html",
        "bad_feed": d / "broken.xml",
        "truncated_warc": d / "cut.warc.gz",
    }
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 64)
    rnd = random.Random(7)
    files["invalid_utf8"].write_bytes(bytes(rnd.randrange(0x80, 0x100) for _ in range(3000)))
    with files["huge"].open("wb") as fh:
        fh.write(b"<html><body><article>")
        block = (b"<p>" + b"word " * 1000 + b"</p>\n") * 100
        while fh.tell() < FIFTY_MB:
            fh.write(block)
    files["no_article"].write_bytes((FIXTURES / "no-article.html").read_bytes())
    files["bad_feed"].write_bytes(b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Broken</title>'
                                  b"<item><title>Half an item</title><link>http://x")
    whole = warc_gz([("https://wire.example.org/1", (FIXTURES / "wire-story.html").read_bytes()),
                     ("https://wire.example.org/2", (FIXTURES / "wire-brief.html").read_bytes())],
                    with_request=False)
    files["truncated_warc"].write_bytes(whole[: len(whole) * 3 // 4])
    return files


def rejects(db: Path) -> list[tuple[str, str, str]]:
    return query(db, "SELECT source, stage, reason FROM rejects ORDER BY source")


def reject_for(db: Path, path_or_url: str, stage: str) -> str:
    """The reason of the reject row for this input at this stage (exactly one expected)."""
    found = [r for s, st, r in rejects(db) if st == stage and (s == path_or_url or s.startswith(path_or_url + "#"))]
    assert len(found) == 1, f"want one {stage} reject for {path_or_url}: {rejects(db)}"
    return found[0]


@pytest.fixture(scope="module")
def batch(bad_inputs, server, tmp_path_factory):
    """All bad inputs in one run (fetching allowed for 127.0.0.1), the seed last."""
    db = tmp_path_factory.mktemp("db") / "bad.duckdb"
    unreachable = f"http://127.0.0.1:{closed_port()}/story.html"
    inputs = [*map(str, bad_inputs.values()), unreachable, server.url("/huge.html"), str(SEED)]
    start = time.monotonic()
    result = run_cli("ingest", "--db", str(db), "--allow-private", "--per-host-delay", "0", *inputs)
    return db, result, unreachable, time.monotonic() - start


def _stderr_line(result, source: str) -> str:
    [line] = [ln for ln in result.stderr.splitlines() if ln.startswith(f"rejected {source}")]
    return line


def test_batch_goes_on_and_exits_0(batch):
    db, result, _, _ = batch
    assert result.exit_code == 0, result.output
    titles = sorted(t for (t,) in query(db, "SELECT title FROM articles"))
    # the seed, and the page read from the truncated WARC before the cut
    assert titles == ["Protesters block road to Tbilisi airport", "Russians Invade The Russian City Of Belgorod"]
    summary = result.stdout.strip().splitlines()[-1]
    assert summary.startswith("ingested 2, already known 0, skipped 0, rejected 9 (input 6, fetch 2, extract 1)")


def test_empty_file(batch, bad_inputs):
    db, result, _, _ = batch
    reason = reject_for(db, str(bad_inputs["empty"]), "input")
    assert "empty" in reason
    assert _stderr_line(result, str(bad_inputs["empty"])).endswith(reason)


def test_binary_file(batch, bad_inputs):
    db, result, _, _ = batch
    src = str(bad_inputs["binary"])
    assert reject_for(db, src, "input") == "binary content, not text or HTML"
    assert _stderr_line(result, src) == f"rejected {src} [input]: binary content, not text or HTML"
    # the raw bytes of a rejected input are kept
    [(size,)] = query(db, "SELECT size FROM raw_inputs WHERE source = ?", [src])
    assert size == 256 * 64


def test_invalid_utf8(batch, bad_inputs):
    db, _, _, _ = batch
    reason = reject_for(db, str(bad_inputs["invalid_utf8"]), "input")
    assert "not UTF-8" in reason


def test_fifty_megabyte_page_refused_unread(batch, bad_inputs):
    db, _, _, _ = batch
    reason = reject_for(db, str(bad_inputs["huge"]), "input")
    assert "too large" in reason
    assert query(db, "SELECT count(*) FROM raw_inputs WHERE size > 10000000") == [(0,)]
    start = time.monotonic()
    [item] = list(iter_raw([str(bad_inputs["huge"])], load_settings()))
    assert isinstance(item, Rejection)
    assert time.monotonic() - start < 1.0  # refused by its size, not parsed


def test_fifty_megabyte_download_stopped_at_cap(batch, server):
    db, _, _, _ = batch
    reason = reject_for(db, server.url("/huge.html"), "fetch")
    assert "size cap" in reason


def test_html_without_article(batch, bad_inputs):
    db, _, _, _ = batch
    reason = reject_for(db, str(bad_inputs["no_article"]), "extract")
    assert "no article text" in reason


def test_malformed_feed(batch, bad_inputs):
    db, _, _, _ = batch
    reason = reject_for(db, str(bad_inputs["bad_feed"]), "input")
    assert "malformed feed" in reason


def test_truncated_warc_keeps_what_was_read(batch, bad_inputs):
    db, _, _, _ = batch
    src = str(bad_inputs["truncated_warc"])
    reason = reject_for(db, src, "input")
    assert "truncated" in reason
    assert query(db, "SELECT count(*) FROM raw_inputs WHERE source LIKE ? || '#%'", [src]) == [(1,)]


def test_unreachable_url(batch):
    db, result, unreachable, _ = batch
    reason = reject_for(db, unreachable, "fetch")
    assert "cannot reach" in reason
    assert _stderr_line(result, unreachable)


def test_private_address_refused_without_allow_private(db_path, server):
    url = server.url("/page.html")
    seen = len(server.requests)
    result = run_cli("ingest", "--db", str(db_path), url)
    assert result.exit_code == 1
    [(stage, reason)] = query(db_path, "SELECT stage, reason FROM rejects")
    assert stage == "fetch" and "private/loopback" in reason and "--allow-private" in reason
    assert len(server.requests) == seen  # refused before any request was sent
    assert result.stdout.strip() == "ingested 0, already known 0, skipped 0, rejected 1 (fetch 1)"


def test_nothing_ingestable_exits_1(db_path, bad_inputs):
    result = run_cli("ingest", "--db", str(db_path), str(bad_inputs["empty"]), str(bad_inputs["binary"]))
    assert result.exit_code == 1
    assert len(rejects(db_path)) == 2


def test_usage_errors_exit_2(db_path, tmp_path):
    no_inputs = run_cli("ingest", "--db", str(db_path))
    assert no_inputs.exit_code == 2
    assert "Missing argument" in no_inputs.output
    missing = tmp_path / "nope.html"
    result = run_cli("ingest", "--db", str(db_path), str(SEED), str(missing))
    assert result.exit_code == 2
    assert f"no such file or directory: {missing}" in result.stderr
    assert not db_path.exists() or query(db_path, "SELECT count(*) FROM articles") == [(0,)]


def test_url_list_with_a_bad_line(db_path, server, tmp_path):
    listing = tmp_path / "urls.txt"
    pages = ["/page.html", "/story.html", "/brief.html", "/page.html?again"]
    listing.write_text("# watch list\n" + "".join(server.url(p) + "\n" for p in pages[:2]) + "not a url\n"
                       + "".join(server.url(p) + "\n" for p in pages[2:]))
    result = run_cli("ingest", "--db", str(db_path), "--allow-private", "--per-host-delay", "0", str(listing))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "ingested 3, already known 1, skipped 0, rejected 1 (input 1)"
    assert sorted(u for (u,) in query(db_path, "SELECT url FROM articles")) == sorted(map(server.url, pages[:3]))
    [(source, stage, reason)] = rejects(db_path)
    assert (source, stage) == (f"{listing}:4", "input") and "line 4" in reason


def test_a_failed_url_that_later_answers_is_no_longer_a_reject(server, tmp_path):
    db = tmp_path / "retry.duckdb"
    url = server.url("/flaky.html")
    server.routes["/flaky.html"] = Route(503, b"<html><body>busy</body></html>")
    first = run_cli("ingest", "--db", str(db), "--allow-private", url)
    assert first.exit_code == 1 and query(db, "SELECT stage FROM rejects WHERE source = ?", [url]) == [("fetch",)]
    server.routes["/flaky.html"] = Route(body=(FIXTURES / "wire-story.html").read_bytes())
    second = run_cli("ingest", "--db", str(db), "--allow-private", url)
    assert second.exit_code == 0 and "ingested 1" in second.output
    assert query(db, "SELECT count(*) FROM rejects") == [(0,)]
    assert query(db, "SELECT count(*) FROM raw_inputs") == [(1,)]  # the page's bytes, kept


def test_robots_txt_is_obeyed_unless_ignored(tmp_path):
    srv = start_server()
    try:
        srv.routes["/robots.txt"] = Route(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain")
        srv.routes["/private/story.html"] = Route(body=(FIXTURES / "wire-story.html").read_bytes())
        srv.routes["/brief.html"] = Route(body=(FIXTURES / "wire-brief.html").read_bytes())
        db = tmp_path / "robots.duckdb"
        private, public = srv.url("/private/story.html"), srv.url("/brief.html")
        result = run_cli("ingest", "--db", str(db), "--allow-private", "--per-host-delay", "0", private, public)
        assert "ingested 1" in result.output and "rejected 1 (fetch 1)" in result.output, result.output
        assert "robots.txt of 127.0.0.1" in _stderr_line(result, private)
        assert [p for p, _ in srv.requests].count("/robots.txt") == 1  # read once per host and run
        assert "/private/story.html" not in [p for p, _ in srv.requests]  # never requested
        again = run_cli("ingest", "--db", str(db), "--allow-private", "--ignore-robots", private)
        assert "ingested 1" in again.output and query(db, "SELECT count(*) FROM rejects") == [(0,)]
    finally:
        srv.server.shutdown()


def test_robots_txt_server_error_disallows_and_missing_file_allows(tmp_path):
    from eventwire.config import FetchSettings
    from eventwire.errors import FetchError
    from eventwire.ingest.fetch import Fetcher

    srv = start_server()
    try:
        srv.routes["/page.html"] = Route(body=b"<html><body><p>ok</p></body></html>")
        settings = FetchSettings(allow_private=True, per_host_interval_s=0)
        with Fetcher(settings) as fetcher:  # no robots.txt (404): everything may be fetched
            assert fetcher.get(srv.url("/page.html")).content.endswith(b"</html>")
        srv.routes["/robots.txt"] = Route(503, b"down")
        with Fetcher(settings) as fetcher, pytest.raises(FetchError, match=r"\[E567\]"):
            fetcher.get(srv.url("/page.html"))
    finally:
        srv.server.shutdown()
