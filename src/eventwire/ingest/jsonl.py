"""JSON Lines of ``{url, title, text, published}``: one article per line, ready-made text.

A line that is not a JSON object with some text becomes a Rejection naming its line number;
the other lines are still ingested. An ``html`` field, when present, is extracted like a page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from ..model import RawDocument, Rejection

_FIELDS = ("url", "title", "published", "outlet")


def records(lines: Iterable[bytes], source: str, max_line_bytes: int) -> Iterator[RawDocument | Rejection]:
    """One RawDocument per usable line of ``lines`` (bytes, as read from a file)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        yield record(line, f"{source}:{number}", number, max_line_bytes)


def record(line: bytes, source: str, number: int, max_line_bytes: int) -> RawDocument | Rejection:
    if len(line) > max_line_bytes:
        return _bad(source, number, f"{len(line):,} bytes, over the {max_line_bytes:,}-byte cap")
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return _bad(source, number, f"not valid JSON ({exc})")
    if not isinstance(obj, dict):
        return _bad(source, number, f"expected a JSON object, got {type(obj).__name__}")
    text, html = obj.get("text"), obj.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return _bad(source, number, "no 'text' (or 'html') field with content")
    hints = {k: obj[k] if isinstance(obj.get(k), str) and obj[k].strip() else None for k in _FIELDS}
    if isinstance(html, str) and html.strip():
        fallback = text if isinstance(text, str) and text.strip() else None
        return RawDocument(source=source, kind="html", content=html.encode("utf-8"), text=fallback, **hints)
    return RawDocument(source=source, kind="record", content=line.strip(), text=text, **hints)


def _bad(source: str, number: int, why: str) -> Rejection:
    return Rejection(source=source, stage="input", reason=f"[E521] JSON Lines line {number}: {why}")
