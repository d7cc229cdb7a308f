"""JSON Lines of ``{url, title, text, published}``: one article per line, ready-made text.

A whole JSON document holding a list of such records is read the same way.

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
    where = f"JSON Lines line {number}"
    if len(line) > max_line_bytes:
        return _bad(source, where, f"{len(line):,} bytes, over the {max_line_bytes:,}-byte cap")
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return _bad(source, where, f"not valid JSON ({exc})")
    return _from_object(obj, source, line.strip(), where)


def document_records(data: bytes, source: str) -> Iterator[RawDocument | Rejection]:
    """A whole JSON document: a list of records, or one record; anything else is refused.

    A JSON file is not prose: read as text it would become one huge "article" of syntax.
    """
    try:
        doc = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        yield Rejection(source, "input", f"[E522] not valid JSON ({exc})")
        return
    if isinstance(doc, dict) and ("text" in doc or "html" in doc):
        yield _from_object(doc, source, data.strip(), "JSON document")
    elif isinstance(doc, list):
        for number, obj in enumerate(doc, start=1):
            raw = json.dumps(obj, sort_keys=True, ensure_ascii=False).encode("utf-8")
            yield _from_object(obj, f"{source}#{number}", raw, f"JSON item {number}")
    else:
        yield Rejection(source, "input", "[E522] a JSON document but not a list of {url, title, text, published} "
                        "records (nor one such record)")


def _from_object(obj: object, source: str, raw: bytes, where: str) -> RawDocument | Rejection:
    if not isinstance(obj, dict):
        return _bad(source, where, f"expected a JSON object, got {type(obj).__name__}")
    text, html = obj.get("text"), obj.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return _bad(source, where, "no 'text' (or 'html') field with content")
    hints = {k: obj[k] if isinstance(obj.get(k), str) and obj[k].strip() else None for k in _FIELDS}
    if isinstance(html, str) and html.strip():
        fallback = text if isinstance(text, str) and text.strip() else None
        return RawDocument(source=source, kind="html", content=html.encode("utf-8"), text=fallback, **hints)
    return RawDocument(source=source, kind="record", content=raw, text=text, **hints)


def _bad(source: str, where: str, why: str) -> Rejection:
    return Rejection(source=source, stage="input", reason=f"[E521] {where}: {why}")
