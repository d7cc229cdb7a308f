"""Plain text -> title + body paragraphs, dropping breadcrumbs and a repeated title."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BREADCRUMB = re.compile(r"^\s*(home|start|news|startseite)\s*(»|>|/|›|\|)\s*", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s(»|›|>)\s")
_BLANK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class PlainText:
    title: str | None
    text: str
    dropped: tuple[str, ...]


def is_breadcrumb(line: str) -> bool:
    """``Home » World » Story`` style navigation lines are not body text."""
    if _BREADCRUMB.match(line):
        return True
    parts = _SEPARATORS.split(line)
    return len(parts) >= 5 and all(len(p) < 60 for p in parts)


def looks_like_title(line: str) -> bool:
    """Short, one line, not ending like a sentence (a headline ends without a full stop)."""
    words = line.split()
    return 1 < len(words) <= 25 and len(line) <= 200 and not line.rstrip().endswith((".", ",", ";", ":"))


def paragraphs_of(body: str) -> list[str]:
    """Blank-line blocks (hard-wrapped lines joined) or, with no blank lines, one per line."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _BLANK.split(body) if _BLANK.search(body) else body.split("\n")
    out = []
    for block in blocks:
        joined = " ".join(part.strip() for part in block.split("\n") if part.strip())
        if joined:
            out.append(joined)
    return out


def parse_plain_text(body: str, hint_title: str | None = None) -> PlainText:
    """Title from the first line when it looks like one; breadcrumbs and title repeats dropped."""
    paras = paragraphs_of(body)
    dropped: list[str] = []
    crumb_title = None
    while paras and is_breadcrumb(paras[0]):
        crumb = paras.pop(0)
        dropped.append(crumb)
        crumb_title = _SEPARATORS.split(_BREADCRUMB.sub("", crumb))[-1].strip() or None
    title = hint_title
    if len(paras) > 1 and looks_like_title(paras[0]):
        if hint_title is None or _same(paras[0], hint_title):
            title = paras.pop(0)
    title = title or crumb_title
    if title and paras and _same(paras[0], title):
        dropped.append(paras.pop(0))
    return PlainText(title=title, text="\n\n".join(paras), dropped=tuple(dropped))


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
