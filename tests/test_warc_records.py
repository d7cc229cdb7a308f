"""WARC reading on archives built here with warcio: every way a crawl file gets cut (no model, fast).

warcio itself ends quietly on a cut archive; these pin that eventwire says so instead.
"""

from __future__ import annotations

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest import warc
from eventwire.model import RawDocument, Rejection, Skipped

PAGE = (b"<!doctype html><html><head><title>Drones hit depot</title></head><body><article>"
        b"<p>Drones struck an oil depot near the border overnight, the governor said.</p>"
        b"</article></body></html>")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


def _archive(gzip_it: bool) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip_it)
    url = "https://daily.example.org/depot"
    req = StatusAndHeaders("GET /depot HTTP/1.1", [("Host", "daily.example.org")], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
    for target, body, ctype in ((url, PAGE, "text/html; charset=utf-8"),
                                ("https://daily.example.org/map.png", PNG, "image/png")):
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(target, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return buf.getvalue()


def _read(data: bytes) -> list[RawDocument | Skipped | Rejection]:
    return list(warc.records(io.BytesIO(data), "crawl.warc", 1_000_000))


@pytest.mark.parametrize("gzip_it", [True, False])
def test_whole_archive_html_kept_others_counted(gzip_it):
    items = _read(_archive(gzip_it))
    assert [type(i).__name__ for i in items] == ["Skipped", "RawDocument", "Skipped"]
    request, page, image = items
    assert request.reason == "WARC request record"
    assert image.reason == "image/png response, not HTML"
    assert page.content == PAGE and page.kind == "html"
    assert page.url == "https://daily.example.org/depot"
    assert page.source.startswith("crawl.warc#") and page.source != "crawl.warc#0"
    assert page.fetched_at is not None


def test_trailing_newlines_are_not_corruption():
    assert not any(isinstance(i, Rejection) for i in _read(_archive(False) + b"\r\n\r\n"))


@pytest.mark.parametrize("gzip_it", [True, False])
def test_cut_inside_the_page_record(gzip_it):
    whole = _archive(gzip_it)
    plain = gzip.decompress(whole) if gzip_it else whole
    cut_at = plain.index(b"oil depot") if not gzip_it else len(whole) * 2 // 3
    items = _read(whole[:cut_at])
    assert not any(isinstance(i, RawDocument) for i in items)  # half a page is not an article
    [rejection] = [i for i in items if isinstance(i, Rejection)]
    assert rejection.stage == "input"
    assert rejection.reason.startswith("[E551] truncated or corrupt WARC from byte ")
    assert isinstance(items[-1], Rejection)  # nothing after the cut


def test_cut_after_the_page_keeps_it():
    whole = _archive(True)
    items = _read(whole[: len(whole) - 40])  # the image record loses its end
    assert [type(i).__name__ for i in items] == ["Skipped", "RawDocument", "Rejection"]
    assert "1 page(s) before it kept" in items[-1].reason


def test_garbage_after_a_good_archive_and_not_a_warc_at_all():
    items = _read(_archive(True) + b"not a record at all" * 5)
    assert isinstance(items[1], RawDocument) and isinstance(items[-1], Rejection)
    [only] = _read(b"WARC/1.0\r\nthis is not a header\r\n\r\n")
    assert isinstance(only, Rejection) and "[E551]" in only.reason


def test_oversized_page_record_is_rejected_not_read():
    items = list(warc.records(io.BytesIO(_archive(True)), "crawl.warc", 50))
    [too_big] = [i for i in items if isinstance(i, Rejection)]
    assert too_big.reason.startswith("[E553] page too large")
    assert isinstance(items[-1], Skipped)  # the records after it are still read
