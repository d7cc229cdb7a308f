"""Input kind from content, not only the file name."""

from __future__ import annotations

import gzip
import re

from ..extract.decode import looks_binary

_HTML = re.compile(rb"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article)[\s>]", re.IGNORECASE)
_FEED = re.compile(rb"<rss[\s>]|<feed[\s>][^>]*|<rdf:RDF", re.IGNORECASE)
_URL_LINE = re.compile(rb"^\s*https?://\S+\s*$")


def sniff_kind(content: bytes, name: str = "") -> str:
    """One of ``warc``, ``feed``, ``html``, ``jsonl``, ``urls``, ``text``, ``binary``, ``empty``."""
    if not content.strip():
        return "empty"
    if content[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=__import__("io").BytesIO(content[:65536])) as fh:
                head = fh.read(16)
        except (OSError, EOFError):
            head = b""
        return "warc" if head.startswith(b"WARC/") else "binary"
    if content.lstrip()[:5] == b"WARC/":
        return "warc"
    if looks_binary(content):
        return "binary"
    head = content[:4096].lstrip()
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        if _FEED.search(content[:8192]):
            return "feed"
    if _HTML.search(content[:65536]):
        return "html"
    lines = [ln for ln in content[:65536].splitlines() if ln.strip()][:20]
    if lines and all(ln.lstrip().startswith(b"{") for ln in lines):
        return "jsonl"
    if lines and all(_URL_LINE.match(ln) for ln in lines):
        return "urls"
    return "text"
