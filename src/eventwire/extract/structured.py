"""Structured signals a page carries about itself: JSON-LD, meta tags, headings, <time>.

One lxml parse collects everything :mod:`eventwire.extract.metadata` chooses from, so the
choosing rules stay small and testable, and the page is parsed once more at most.
"""

from __future__ import annotations

import html as htmllib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_ARTICLE_TYPES = re.compile(r"(?:News|Report|Blog|Opinion|Analysis|Review|Scholarly|Tech|Satirical)?Article$|"
                            r"^(?:BlogPosting|LiveBlogPosting|Report|WebPage|ItemPage)$")
_SPACE = re.compile(r"\s+")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TIME_XPATH = "//time[@datetime] | //*[@itemprop='datePublished' or @itemprop='dateModified'][@datetime or @content]"


@dataclass(frozen=True, slots=True)
class Decision:
    """Why one metadata field has its value (``method`` + ``reason``, as every decision)."""

    field: str
    value: str
    method: str
    reason: str


@dataclass(frozen=True, slots=True)
class TimeMark:
    """A machine-readable date on the page and where it sits."""

    value: str
    text: str
    itemprop: str


@dataclass(frozen=True, slots=True)
class Signals:
    """Everything the page says about itself, in document order, cleaned of markup."""

    ld_articles: tuple[dict[str, Any], ...]
    meta: dict[str, tuple[str, ...]]
    title_tag: str | None
    h1s: tuple[str, ...]
    times: tuple[TimeMark, ...]
    canonical: str | None

    def first_meta(self, *names: str) -> str | None:
        """The first non-empty value among meta ``names`` (lower-case keys), in the order given."""
        for name in names:
            for value in self.meta.get(name, ()):
                if value:
                    return value
        return None


def clean_text(value: object) -> str:
    """Entities unescaped (twice: some sites double-escape), whitespace collapsed."""
    text = htmllib.unescape(htmllib.unescape(str(value)))
    return _SPACE.sub(" ", text).strip()


def parse_tree(content: bytes | str) -> Any | None:
    """An lxml HTML tree, or ``None`` when the markup cannot be parsed at all.

    Bytes are decoded first (UTF-8, else detected): lxml alone reads undeclared UTF-8 as
    Latin-1 and turns "’" into "â\x80\x99" in titles.
    """
    import lxml.etree
    import lxml.html

    from ..errors import InputError
    from .decode import decode_bytes

    if isinstance(content, bytes):
        try:
            content = decode_bytes(content)
        except InputError:
            return None
    content = _XML_DECLARATION.sub("", content, count=1)
    try:
        return lxml.html.fromstring(content)
    except (lxml.etree.ParserError, ValueError, TypeError):
        return None


def collect(tree: Any) -> Signals:
    """All signals of one parsed page."""
    return Signals(
        ld_articles=tuple(_ld_articles(tree)),
        meta=_meta(tree),
        title_tag=_title_tag(tree),
        h1s=tuple(t for t in (clean_text(_heading_text(h)) for h in tree.iter("h1")) if t),
        times=tuple(_times(tree)),
        canonical=_canonical(tree),
    )


def _heading_text(element: Any) -> str:
    """Visible heading text; block children and <br> become spaces, scripts are skipped."""
    parts: list[str] = []
    for node in element.iter():
        if node.tag in ("script", "style", "noscript", "template") or not isinstance(node.tag, str):
            continue
        if node.text and not _inside_skipped(node, element):
            parts.append(node.text)
        if node is not element and node.tail and not _inside_skipped(node.getparent(), element):
            parts.append(node.tail)
    return " ".join(p.strip() for p in parts if p.strip())


def _inside_skipped(node: Any, root: Any) -> bool:
    while node is not None and node is not root:
        if node.tag in ("script", "style", "noscript", "template"):
            return True
        node = node.getparent()
    return False


def _meta(tree: Any) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for el in tree.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        content = el.get("content")
        if key and content is not None:
            found.setdefault(key.strip().lower(), []).append(clean_text(content))
    return {k: tuple(v) for k, v in found.items()}


def _title_tag(tree: Any) -> str | None:
    for el in tree.iter("title"):
        text = clean_text(el.text_content())
        if text:
            return text
    return None


def _canonical(tree: Any) -> str | None:
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            return el.get("href").strip()
    return None


def _times(tree: Any) -> Iterator[TimeMark]:
    for el in tree.xpath(_TIME_XPATH):
        value = (el.get("datetime") or el.get("content") or "").strip()
        if value:
            yield TimeMark(value, clean_text(el.text_content())[:120], (el.get("itemprop") or "").lower())


def _ld_articles(tree: Any) -> Iterator[dict[str, Any]]:
    """JSON-LD nodes that describe the page's article (flattening lists and ``@graph``)."""
    for script in tree.xpath("//script[@type]"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        for node in _flatten(data):
            if any(_ARTICLE_TYPES.search(t) for t in _types(node)):
                yield node


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), list | dict):
                yield from _flatten(data[key])


def _types(node: dict[str, Any]) -> list[str]:
    value = node.get("@type", [])
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]
