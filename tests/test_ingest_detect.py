"""Input kind is read from the bytes, not the file name (no model, no store: fast)."""

from __future__ import annotations

import gzip

import pytest

from eventwire.ingest.detect import sniff_kind

RSS = b'<?xml version="1.0"?>\n<!-- generated -->\n<rss version="2.0"><channel><title>x</title></channel></rss>'
ATOM = b'\xef\xbb\xbf<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>'
RDF = b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>'
WARC = b"WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n"


@pytest.mark.parametrize(("content", "kind"), [
    (b"", "empty"),
    (b" \n\t\n", "empty"),
    (WARC, "warc"),
    (gzip.compress(WARC), "warc"),
    (gzip.compress(b"just some text"), "binary"),
    (RSS, "feed"),
    (ATOM, "feed"),
    (RDF, "feed"),
    (b"<!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
    (b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>x</p></body></html>', "html"),
    (b'{"url": "https://a.example/1", "text": "x"}\n{"url": "https://a.example/2", "text": "y"}\n', "jsonl"),
    (b"# my list\nhttps://a.example/1\n\nhttp://b.example/2?x=1\n", "urls"),
    (b"Headline here\n\nFirst paragraph of the story, with a link https://a.example/1 inside.\n", "text"),
    ("Caf\u00e9 ferm\u00e9 \u00e0 Lyon\n\nLe pr\u00e9fet a parl\u00e9.".encode("latin-1"), "text"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
])
def test_sniff_kind(content, kind):
    assert sniff_kind(content) == kind


def test_name_only_breaks_ties():
    feed_named_txt = RSS
    assert sniff_kind(feed_named_txt, "latest.txt") == "feed"
    assert sniff_kind(b"Plain words only.", "story.html") == "text"
