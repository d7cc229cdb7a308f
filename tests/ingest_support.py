"""Shared by the ingest tests: a real HTTP server on 127.0.0.1, WARC/feed builders, CLI runner.

The server is a stdlib ``ThreadingHTTPServer`` in a thread; routes are set per test. Nothing
here replaces an eventwire component: the fetcher talks real HTTP to it.
"""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb
from click.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
SEED = ROOT.parent / "shared" / "seeds" / "belgorod-raid.txt"
# the NAEB Tehran Times page the extraction tests also use (one copy, in fixtures/extract)
IRGC_HTML = FIXTURES.parent / "extract" / "html" / "1f79780eaaa44211bc048f0a02b8a1a2.html"
IRGC_TITLE = "Americans gradually packing bags to leave region: IRGC chief"
STORY_HTML = FIXTURES / "wire-story.html"  # short pages: fast through the whole pipeline
STORY_TITLE = "Protesters block road to Tbilisi airport"
BRIEF_HTML = FIXTURES / "wire-brief.html"
BRIEF_TITLE = "Drone strike reported near Belgorod"


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    stream_bytes: int = 0  # > 0: send this many bytes (no Content-Length unless in headers), then close
    delay_s: float = 0.0  # wait before answering (timeouts)


@dataclass
class LocalServer:
    """Routes by path; every request's path and User-Agent are recorded in ``requests``."""

    server: ThreadingHTTPServer
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path


def start_server() -> LocalServer:
    state: LocalServer

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            state.requests.append((self.path, self.headers.get("User-Agent", "")))
            route = state.routes.get(self.path, Route(404, b"<html><body>not found</body></html>"))
            if route.delay_s:
                time.sleep(route.delay_s)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            for name, value in route.headers.items():
                self.send_header(name, value)
            if not route.stream_bytes:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                if route.stream_bytes:
                    chunk = b"<p>" + b"x" * 65530 + b"</p>\n"
                    for _ in range(route.stream_bytes // len(chunk) + 1):
                        self.wfile.write(chunk)
                else:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading at its size cap: expected

        def log_message(self, *args: object) -> None:
            """Quiet: tests assert on ``requests`` instead."""

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state = LocalServer(server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return state


def closed_port() -> int:
    """A 127.0.0.1 port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss(items: list[dict[str, str]], title: str = "Wire World") -> bytes:
    entries = "".join(
        f"<item><title>{i['title']}</title><link>{i['link']}</link>"
        f"<pubDate>{i.get('date', 'Mon, 04 Mar 2024 08:00:00 GMT')}</pubDate>"
        f"<description><![CDATA[{i.get('content', '')}]]></description></item>" for i in items)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>{title}</title>'
            f"<link>https://wire.example.org/</link><description>news</description>{entries}</channel></rss>\n"
            ).encode()


def atom(items: list[dict[str, str]], title: str = "Wire Atom") -> bytes:
    entries = "".join(
        f"<entry><title>{i['title']}</title><link href=\"{i['link']}\"/><id>{i['link']}</id>"
        f"<updated>{i.get('date', '2024-03-04T08:00:00Z')}</updated>"
        f"<content type=\"html\"><![CDATA[{i.get('content', '')}]]></content></entry>" for i in items)
    return (f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{title}</title><id>urn:wire</id><updated>2024-03-04T08:00:00Z</updated>{entries}</feed>\n"
            ).encode()


def warc_gz(pages: list[tuple[str, bytes]], with_request: bool = True) -> bytes:
    """A gzipped WARC: one request record (to be skipped) and one HTML response per page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for n, (url, body) in enumerate(pages):
        if with_request and n == 0:
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "wire.example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                          http_headers=req))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buf.getvalue()


def run_cli(*args: str, stdin: bytes | None = None) -> Result:
    from eventwire.cli import _register, cli

    _register()
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


def query(db: Path, sql: str, params: list[object] | None = None) -> list[tuple[object, ...]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def counts(db: Path) -> dict[str, int]:
    tables = ("articles", "raw_inputs", "spans", "tokens", "rejects", "raw_articles")
    return {t: query(db, f"SELECT count(*) FROM {t}")[0][0] for t in tables}


def lines(text: str) -> Iterator[str]:
    return (ln for ln in text.splitlines() if ln.strip())
