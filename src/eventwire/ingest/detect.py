"""Input kind from content, not only the file name.

Only the first bytes are looked at (a file's head is enough), so a 10 GB WARC is recognised
without being read. Order matters: containers (WARC, feeds) before pages, pages before lists.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
from collections.abc import Callable

from ..extract.decode import looks_binary

KINDS = ("warc", "feed", "html", "jsonl", "json", "urls", "text", "binary", "empty")
HEAD_BYTES = 65536

_HTML = re.compile(rb"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|title)[\s>]", re.IGNORECASE)
_FEED_ROOT = re.compile(rb"<(?:[a-z]+:)?(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_PROLOG = re.compile(rb"^(?:\s|<\?xml[^>]*\?>|<!--.*?-->|<\?xml-stylesheet[^>]*\?>|<!DOCTYPE[^>]*>)*", re.DOTALL)
_URL_LINE = re.compile(rb"^\s*https?://\S+\s*$")
_COMMENT = re.compile(rb"^\s*#")
_JSON_START = re.compile(rb'^\s*(?:\{\s*"|\[\s*\{)')  # an object, or a list of objects ("[1] ..." is prose)


def sniff_kind(content: bytes, name: str = "") -> str:
    """One of :data:`KINDS`; ``name`` only breaks ties the content leaves open."""
    head = content[:HEAD_BYTES].removeprefix(codecs.BOM_UTF8)
    if not head.strip():
        return "empty"
    if head[:2] == b"\x1f\x8b":
        return "warc" if _gunzip_head(head).startswith(b"WARC/") else "binary"
    if head.lstrip()[:5] == b"WARC/":
        return "warc"
    if looks_binary(head):
        return "binary"
    if _is_feed(head):
        return "feed"
    if _HTML.search(head):
        return "html"
    lines = [ln for ln in head.splitlines() if ln.strip()][:50]
    if _mostly(lines, lambda ln: ln.lstrip().startswith(b"{")):
        return "jsonl"  # a few broken lines are rejected one by one later, not read as prose
    if _mostly([ln for ln in lines if not _COMMENT.match(ln)], _URL_LINE.match):
        return "urls"
    if _JSON_START.match(head):
        return "json"  # one (pretty-printed) JSON document, not lines of records
    if name.lower().endswith((".htm", ".html", ".xhtml")) and b"<" in head:
        return "html"
    return "text"


def _mostly(lines: list[bytes], test: Callable[[bytes], object], share: float = 0.5) -> bool:
    """The first line and at least ``share`` of the lines pass ``test``."""
    return bool(lines) and bool(test(lines[0])) and sum(1 for ln in lines if test(ln)) >= share * len(lines)


def _is_feed(head: bytes) -> bool:
    """The document's root element (after prolog, comments, doctype) is rss, feed or rdf:RDF."""
    rest = head[_PROLOG.match(head).end():]  # type: ignore[union-attr]
    return bool(_FEED_ROOT.match(rest))


def _gunzip_head(head: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(head)) as fh:
            return fh.read(16)
    except (OSError, EOFError):
        return b""
