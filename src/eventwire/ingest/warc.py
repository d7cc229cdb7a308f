"""WARC / WARC.gz archives, streamed: HTML responses become documents, other records are counted.

warcio is lenient: a record cut short, or a file that ends in the middle of a record header,
simply ends the iteration. We check both ourselves (bytes left in a record, bytes left after the
last complete record), so a truncated archive keeps what was read and yields one Rejection for
the rest instead of silently losing it.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import datetime
from typing import Any, BinaryIO

from ..model import RawDocument, Rejection, Skipped
from .detect import sniff_kind

_PAGE_RECORDS = ("response", "resource")


class _CountingReader:
    """Counts the bytes warcio reads, to tell where the last complete record ended."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.consumed = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.consumed += len(data)
        return data

    def tell(self) -> int:
        return self.consumed


class _Truncated(Exception):
    """A record whose bytes end before its declared length."""


def records(stream: BinaryIO, source: str, max_page_bytes: int) -> Iterator[RawDocument | Skipped | Rejection]:
    """Documents, skips and rejections of the archive in ``stream``, in file order."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    counter = _CountingReader(stream)
    it = ArchiveIterator(counter)
    complete_end, kept = 0, 0
    try:
        for record in it:
            start = it.offset  # the previous record's end: read_to_end() has not run yet
            try:
                item = _record_item(record, f"{source}#{start}", max_page_bytes)
            except _Truncated as exc:
                yield _truncated(source, start, kept, str(exc))
                return
            end = it.get_record_offset() + it.get_record_length()  # reads a skipped record to its end
            if getattr(record.raw_stream, "limit", 0):
                yield _truncated(source, start, kept, f"{record.rec_type} record cut short")
                return
            complete_end = end
            kept += isinstance(item, RawDocument)
            yield item
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
        yield _truncated(source, complete_end, kept, f"unreadable record: {exc}")
        return
    if counter.consumed > complete_end and not _only_blank(stream, complete_end, counter.consumed):
        yield _truncated(source, complete_end, kept,
                         f"{counter.consumed - complete_end:,} bytes after the last complete record")


def _record_item(record: Any, where: str, cap: int) -> RawDocument | Skipped | Rejection:
    kind = record.rec_type
    if kind is None:
        raise _Truncated("record header cut or corrupt")
    if kind not in _PAGE_RECORDS:
        return Skipped(where, f"WARC {kind} record")
    uri = record.rec_headers.get_header("WARC-Target-URI")
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status and not status.startswith("2"):
        return Skipped(where, f"HTTP {status} response")
    ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else None) or \
        record.rec_headers.get_header("Content-Type") or ""
    if ctype and "html" not in ctype.lower() and "xml" not in ctype.lower():
        return Skipped(where, f"{ctype.split(';')[0].strip()} response, not HTML")
    payload = record.content_stream().read(cap + 1)
    if len(payload) > cap:
        return Rejection(where, "input", f"[E553] page too large: over the {cap / 1_000_000:.1f} MB cap")
    if getattr(record.raw_stream, "limit", 0):
        raise _Truncated(f"{kind} record cut {record.raw_stream.limit:,} bytes before its declared length")
    if sniff_kind(payload) != "html":
        return Skipped(where, f"{kind} record without HTML")
    return RawDocument(source=where, kind="html", content=payload, url=uri,
                       fetched_at=_warc_date(record.rec_headers.get_header("WARC-Date")))


def _truncated(source: str, offset: int, kept: int, detail: str) -> Rejection:
    return Rejection(f"{source}#{offset}", "input",
                     f"[E551] truncated or corrupt WARC from byte {offset:,} ({detail}); "
                     f"{kept} page(s) before it kept")


def _only_blank(stream: BinaryIO, start: int, end: int) -> bool:
    """Trailing newlines after the last record are harmless; anything else is a cut record."""
    try:
        stream.seek(start)
        tail = stream.read(min(end - start, 65536))
    except (OSError, ValueError):
        return False
    return not tail.strip() if len(tail) == end - start else False


def _warc_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
