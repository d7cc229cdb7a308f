"""The fetcher against a real HTTP server on 127.0.0.1: User-Agent, redirects, size cap, timeouts,
politeness, and the refusal of private addresses (checked offline: IP literals need no DNS)."""

from __future__ import annotations

import time

import pytest

from eventwire.config import USER_AGENT, FetchSettings
from eventwire.errors import FetchError
from eventwire.ingest.fetch import Fetcher, check_address
from ingest_support import STORY_HTML, LocalServer, Route, start_server

pytestmark = pytest.mark.network

FIFTY_MB = 50 * 1024 * 1024


@pytest.fixture(scope="module")
def server() -> LocalServer:
    srv = start_server()
    srv.routes.update({
        "/story.html": Route(body=STORY_HTML.read_bytes()),
        "/hop1": Route(301, headers={"Location": "/hop2"}),
        "/hop2": Route(307, headers={"Location": "/story.html"}),
        "/loop": Route(302, headers={"Location": "/loop"}),
        "/stream": Route(stream_bytes=FIFTY_MB),
        "/declared": Route(stream_bytes=FIFTY_MB, headers={"Content-Length": str(FIFTY_MB)}),
        "/slow": Route(body=b"<p>late</p>", delay_s=1.5),
        "/gone": Route(410, b"gone"),
    })
    yield srv
    srv.server.shutdown()


def fetcher(**overrides: object) -> Fetcher:
    settings = dict(allow_private=True, per_host_interval_s=0.0) | overrides
    return Fetcher(FetchSettings(**settings))


def test_user_agent_and_redirects(server):
    with fetcher() as f:
        page = f.get(server.url("/hop1"))
    assert page.url == server.url("/story.html")
    assert page.content == STORY_HTML.read_bytes()
    assert page.content_type.startswith("text/html")
    hops = [(p, ua) for p, ua in server.requests if p in ("/hop1", "/hop2", "/story.html")]
    assert [p for p, _ in hops][-3:] == ["/hop1", "/hop2", "/story.html"]
    assert all(ua == USER_AGENT for _, ua in hops)


def test_redirects_are_limited(server):
    with fetcher(max_redirects=3) as f, pytest.raises(FetchError, match=r"\[E564\] more than 3 redirects"):
        f.get(server.url("/loop"))


def test_http_error_status(server):
    with fetcher() as f, pytest.raises(FetchError, match=r"HTTP 410"):
        f.get(server.url("/gone"))


@pytest.mark.parametrize("path", ["/stream", "/declared"])
def test_size_cap_stops_a_fifty_megabyte_body(server, path):
    start = time.monotonic()
    with fetcher(max_bytes=1_000_000) as f, pytest.raises(FetchError, match=r"\[E565\].*1\.0 MB size cap"):
        f.get(server.url(path))
    assert time.monotonic() - start < 5


def test_timeout(server):
    with fetcher(timeout_s=0.3) as f, pytest.raises(FetchError, match=r"\[E562\] timed out after 0.3 s"):
        f.get(server.url("/slow"))


def test_per_host_politeness(server):
    with fetcher(per_host_interval_s=0.5) as f:
        start = time.monotonic()
        f.get(server.url("/story.html"))
        f.get(server.url("/story.html"))
        assert time.monotonic() - start >= 0.5


def test_private_addresses_refused_before_any_request(server):
    seen = len(server.requests)
    with fetcher(allow_private=False) as f, pytest.raises(FetchError, match=r"\[E560\].*--allow-private"):
        f.get(server.url("/story.html"))
    assert len(server.requests) == seen


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8080/x", "http://10.1.2.3/", "http://192.168.0.1/",
    "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://0.0.0.0/", "http://[fe80::1]/",
    "http://[::ffff:127.0.0.1]/",
])
def test_check_address_refuses_non_public(url):
    with pytest.raises(FetchError, match=r"\[E560\]"):
        check_address(url, allow_private=False)
    check_address(url, allow_private=True)  # the user's explicit choice


def test_check_address_accepts_public_and_refuses_other_schemes():
    check_address("http://93.184.215.14/news", allow_private=False)
    with pytest.raises(FetchError, match=r"\[E566\]"):
        check_address("ftp://93.184.215.14/news", allow_private=False)
