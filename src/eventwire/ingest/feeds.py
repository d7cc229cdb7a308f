"""RSS and Atom feeds: each item's link, title and date, and its own content as a fallback.

Feeds are parsed from bytes (never handing feedparser a URL, so it cannot fetch by itself).
The caller fetches every item's page; when that fails the item's own content/summary becomes
the article (:func:`item_record`), so a feed with dead links still yields its news.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from ..model import RawDocument, Rejection

_BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "tr")
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One feed entry: where its page is and what the feed itself says about it."""

    number: int
    link: str | None
    title: str | None
    published: str | None
    content_html: str  # the item's own content (Atom content, else summary/description)
    outlet: str | None  # the feed's title

    @property
    def text(self) -> str:
        return snippet_text(self.content_html)


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    items: tuple[FeedItem, ...]
    problem: Rejection | None  # set when the feed is malformed (even if some items were read)


def parse_feed(content: bytes, source: str, base_url: str | None = None) -> ParsedFeed:
    """Items of an RSS/Atom document; a malformed feed yields a Rejection plus what could be read.

    ``base_url`` (the feed's own address, when it was fetched) resolves relative item links.
    """
    import feedparser

    headers = {"content-location": base_url} if base_url else None
    parsed = feedparser.parse(content, response_headers=headers)
    outlet = _clean(parsed.feed.get("title"))
    items = tuple(item for n, entry in enumerate(parsed.entries, start=1)
                  if (item := _item(n, entry, outlet)).link or item.content_html.strip())
    problem = None
    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    if parsed.bozo and not isinstance(parsed.get("bozo_exception"), benign):
        exc = parsed.get("bozo_exception")
        where = f" at line {exc.getLineNumber()}" if hasattr(exc, "getLineNumber") else ""
        problem = Rejection(source=source, stage="input",
                            reason=f"[E541] malformed feed{where}: {exc}; {len(items)} usable item(s) read")
    elif not parsed.get("version") and not items:
        problem = Rejection(source=source, stage="input", reason="[E542] not an RSS or Atom feed")
    return ParsedFeed(items, problem)


def _item(number: int, entry: dict, outlet: str | None) -> FeedItem:
    contents = entry.get("content") or []
    body = next((c.get("value", "") for c in contents if c.get("value")), "") or entry.get("summary", "")
    return FeedItem(
        number=number,
        link=_clean(entry.get("link")),
        title=_clean(snippet_text(entry.get("title", ""))),
        published=_clean(entry.get("published") or entry.get("updated")),
        content_html=body or "",
        outlet=outlet,
    )


def item_record(item: FeedItem, feed_source: str) -> RawDocument | Rejection:
    """The item's own content as an article, used when its page cannot be fetched."""
    source = item.link or f"{feed_source}#item{item.number}"
    text = item.text
    if not text:
        return Rejection(source=source, stage="input",
                         reason=f"[E543] feed item {item.number}: page unavailable and the item has no content")
    blob = json.dumps({"link": item.link, "title": item.title, "published": item.published,
                       "content": item.content_html}, sort_keys=True, ensure_ascii=False)
    return RawDocument(source=source, kind="record", content=blob.encode("utf-8"), url=item.link,
                       title=item.title, published=item.published, text=text, outlet=item.outlet)


def snippet_text(markup: str) -> str:
    """Plain text of an HTML snippet, block elements as blank-line separated paragraphs."""
    if "<" not in markup:
        return _normalise(html.unescape(markup))
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return _normalise(html.unescape(re.sub(r"<[^>]*>", " ", markup)))
    for junk in root.xpath(".//script|.//style"):
        junk.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    return _normalise(root.text_content())


def _normalise(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    paras, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            paras.append(" ".join(current))
            current = []
    if current:
        paras.append(" ".join(current))
    return "\n\n".join(paras)


def _clean(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
