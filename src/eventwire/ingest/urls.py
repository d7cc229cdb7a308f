"""Files listing URLs, one a line (``#`` comments and blank lines allowed)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Rejection
from .fetch import is_url


def url_lines(lines: Iterable[bytes], source: str) -> Iterator[str | Rejection]:
    """Each URL in order; a line that is not a URL becomes a Rejection naming its number."""
    for number, raw in enumerate(lines, start=1):
        line = raw.decode("utf-8", errors="replace").strip()
        if not line or line.startswith("#"):
            continue
        if is_url(line) and len(line.split()) == 1:
            yield line
        else:
            yield Rejection(source=f"{source}:{number}", stage="input",
                            reason=f"[E531] URL list line {number} is not an http(s) URL: {line[:80]!r}")
