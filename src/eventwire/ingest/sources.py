"""Every input kind -> a stream of raw documents, rejections and counted skips.

:func:`iter_raw` is the one entry point: it decides each input's kind from its content
(:func:`~eventwire.ingest.detect.sniff_kind`), streams large containers (WARC, JSON Lines, URL
lists) instead of loading them, and turns every failure into a :class:`Rejection` so the
caller's batch goes on.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from ..config import Settings
from ..errors import FetchError, InputError
from ..model import RawDocument, Rejection, Skipped
from . import feeds, jsonl, warc
from .detect import sniff_kind
from .fetch import Fetched, Fetcher, is_url
from .files import read_capped, read_file, read_head, walk
from .urls import url_lines

log = logging.getLogger(__name__)

Item = RawDocument | Rejection | Skipped
KnownUrl = Callable[[str], bool]


@dataclass(frozen=True, slots=True)
class AlreadyStored(Skipped):
    """A feed item whose address is already stored as an article: not fetched again (politeness)."""
_PAGE_KINDS = ("html", "text", "binary")


def iter_raw(inputs: Sequence[str], settings: Settings, stdin: BinaryIO | None = None,
             transport: Any = None, known_url: KnownUrl | None = None) -> Iterator[Item]:
    """Raw documents of every input in order (``-`` reads ``stdin``); failures come as Rejections.

    ``transport`` is handed to httpx (tests and embedders can route fetching elsewhere);
    ``known_url`` says which feed items are already stored, so that polling a feed again
    fetches only its new items (they come back as :class:`AlreadyStored`).
    """
    reader = _Reader(settings, stdin, transport, known_url)
    try:
        for spec in inputs:
            yield from reader.input(spec)
    finally:
        reader.close()


class _Reader:
    """Holds what one run shares: settings, stdin, and one polite HTTP client (made on first use)."""

    def __init__(self, settings: Settings, stdin: BinaryIO | None, transport: Any,
                 known_url: KnownUrl | None = None) -> None:
        self.settings = settings
        self.known_url = known_url
        self.stdin_stream = stdin
        self.transport = transport
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings.fetch, self.transport)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    # -- inputs ---------------------------------------------------------------------------
    def input(self, spec: str) -> Iterator[Item]:
        if spec == "-":
            yield from self.stdin()
        elif is_url(spec):
            yield from self.url(spec, expand=True)
        else:
            path = Path(spec)
            if path.is_dir():
                for child in walk(path):
                    yield from self.file(child)
            elif path.exists():
                yield from self.file(path)
            else:
                yield Rejection(spec, "input", f"[E573] no such file or directory: {spec}")

    def stdin(self) -> Iterator[Item]:
        if self.stdin_stream is None:
            yield Rejection("stdin", "input", "[E575] '-' given but no standard input is available")
            return
        try:
            data = read_capped(self.stdin_stream, self.settings.max_input_bytes, "standard input")
        except InputError as exc:
            yield Rejection("stdin", "input", str(exc))
            return
        yield from self.content(data, "stdin", sniff_kind(data), expand=True)

    def file(self, path: Path) -> Iterator[Item]:
        source = str(path)
        try:
            if not path.is_file():  # a pipe or device (/dev/stdin, <(...)): it can be read only once
                with path.open("rb") as fh:
                    data = read_capped(fh, self.settings.max_input_bytes, source)
                yield from self.content(data, source, sniff_kind(data, path.name), expand=True)
                return
            kind = sniff_kind(read_head(path), path.name)
            if kind in ("warc", "jsonl", "urls"):
                with path.open("rb") as fh:
                    yield from self.stream(fh, source, kind)
                return
            cap, what = ((self.settings.max_input_bytes, kind) if kind in ("feed", "json")
                         else (self.settings.max_page_bytes, "page"))
            data = read_file(path, cap, what)
        except InputError as exc:
            yield Rejection(source, "input", str(exc))
            return
        except OSError as exc:
            yield Rejection(source, "input", f"[E571] cannot read {source}: {exc.strerror or exc}")
            return
        yield from self.content(data, source, kind, expand=True)

    def stream(self, fh: BinaryIO, source: str, kind: str) -> Iterator[Item]:
        """Containers read as a stream: nothing but the current record is held in memory."""
        if kind == "warc":
            yield from warc.records(fh, source, self.settings.max_page_bytes)
        elif kind == "jsonl":
            yield from jsonl.records(fh, source, self.settings.max_page_bytes)
        else:
            yield from self.url_list(fh, source)

    def content(self, data: bytes, source: str, kind: str, *, expand: bool,
                fetched: Fetched | None = None) -> Iterator[Item]:
        """Bytes already in memory (stdin, a fetched page, a small file), by kind."""
        # a fetched URL list is not followed: a list naming itself would never end
        containers = ("warc", "jsonl") if fetched else ("warc", "jsonl", "urls")
        if kind == "empty":
            what = "empty response" if fetched else "empty input"
            yield Rejection(source, "input", f"[E574] {what}: {len(data)} bytes, no text")
        elif expand and kind in containers:
            yield from self.stream(io.BytesIO(data), source, kind)
        elif kind == "json":
            yield from jsonl.document_records(data, source)
        elif kind == "feed" and expand:
            yield from self.feed(data, source, base_url=fetched.url if fetched else None)
        else:
            page = kind if kind in _PAGE_KINDS else "text"
            yield RawDocument(source=source, kind=page, content=data,
                              url=fetched.url if fetched else None,
                              fetched_at=fetched.fetched_at if fetched else None)

    # -- network --------------------------------------------------------------------------
    def url_list(self, lines: Iterable[bytes], source: str) -> Iterator[Item]:
        for entry in url_lines(lines, source):
            if isinstance(entry, Rejection):
                yield entry
            else:
                yield from self.url(entry, expand=True)

    def url(self, url: str, *, expand: bool) -> Iterator[Item]:
        """A fetched URL: a page, or (when ``expand``) a feed or archive to open further."""
        try:
            page = self.fetcher.get(url)
        except FetchError as exc:
            yield Rejection(url, exc.stage, str(exc))
            return
        yield from self.content(page.content, url, _fetched_kind(page), expand=expand, fetched=page)

    def feed(self, data: bytes, source: str, base_url: str | None = None) -> Iterator[Item]:
        parsed = feeds.parse_feed(data, source, base_url=base_url)
        if parsed.problem is not None:
            yield parsed.problem
        for item in parsed.items:
            if item.link and self.known_url is not None and self.known_url(item.link):
                yield AlreadyStored(item.link, "feed item already stored; page not fetched again")
            else:
                yield self.feed_item(item, source)

    def feed_item(self, item: feeds.FeedItem, feed_source: str) -> RawDocument | Rejection:
        """The item's page with the feed's hints, or the item's own content when that fails."""
        if item.link and is_url(item.link):
            try:
                page = self.fetcher.get(item.link)
            except FetchError as exc:
                log.info("feed item %s: page not fetched (%s); using the item's own content", item.link, exc)
            else:
                kind = _fetched_kind(page)
                if kind in ("html", "text"):
                    return RawDocument(source=item.link, kind=kind, content=page.content, url=page.url,
                                       title=item.title, published=item.published, text=item.text or None,
                                       outlet=item.outlet, fetched_at=page.fetched_at)
                log.info("feed item %s: page is %s; using the item's own content", item.link, kind)
        return feeds.item_record(item, feed_source)


def _fetched_kind(page: Fetched) -> str:
    """Kind from the bytes; a server's text/html label settles pages that sniff as plain text."""
    kind = sniff_kind(page.content, page.url)
    if kind == "text" and "html" in page.content_type.lower():
        return "html"
    return kind
