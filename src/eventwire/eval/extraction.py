"""Extraction suite: our HTML extraction beside trafilatura's plain output, same pages, same run.

Data format (the NAEB article-extraction dataset's): ``articles.json`` maps a page key (the HTML
file's stem) to ``{title, date, authors, articleBody | text}``; pages are ``html/<key>.html``
(or ``<key>.html`` beside the JSON). Entries without a page are skipped.

Metrics, per page then averaged:

* ``body_f1``: token F1 over bags of lower-case ``\\w+`` tokens (gold body vs main text).
* ``title_exact``: equal after whitespace collapsing; case- and quote-sensitive (``'`` is not
  ``’``), because the title is shown to users as extracted.
* ``date_acc``: same ``YYYY-MM-DD`` (the day as the page writes it; no time-zone shift).
* ``authors_f1``: F1 of the sets of normalised names (case-folded, punctuation dropped); a page
  with no gold authors scores 1 when nothing is predicted and 0 otherwise.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError

DEFAULT_DATA = "extraction/naeb"
_TOKEN = re.compile(r"\w+")
_WORST = 15


@dataclass(frozen=True, slots=True)
class Gold:
    key: str
    path: Path
    title: str
    date: str
    authors: tuple[str, ...]
    body: str


@dataclass(frozen=True, slots=True)
class Guess:
    title: str | None
    date: str | None
    authors: tuple[str, ...]
    body: str
    why: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class PageScore:
    body_f1: float
    title_exact: float
    date_acc: float
    authors_f1: float


def load_gold(data: Path) -> list[Gold]:
    """Gold pages of a folder in the NAEB format (only those whose HTML file exists)."""
    index = data / "articles.json"
    if not index.is_file():
        raise UsageError(f"[E410] {data} has no articles.json (see eventwire/eval/extraction.py for the format)")
    try:
        entries = json.loads(index.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise UsageError(f"[E411] {index} is not valid JSON: {exc}") from exc
    pages = []
    for key, entry in sorted(entries.items()):
        path = next((p for p in (data / "html" / f"{key}.html", data / f"{key}.html") if p.is_file()), None)
        if path is None:
            continue
        pages.append(Gold(key, path, str(entry.get("title") or ""), str(entry.get("date") or "")[:10],
                          _split_gold_authors(entry.get("authors")),
                          str(entry.get("articleBody") or entry.get("text") or "")))
    if not pages:
        raise UsageError(f"[E412] no page of {index} has its HTML file under {data}")
    return pages


def _split_gold_authors(value: object) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(p.strip() for p in re.split(r"[,;]", str(value or "")) if p.strip())


def ours(page: Gold) -> Guess:
    """Our extraction of one page (the same code path ingest uses for HTML)."""
    from ..errors import ExtractionError
    from ..extract.dates import day_of
    from ..extract.html import extract_html

    try:
        found = extract_html(page.path.read_bytes())
    except ExtractionError as exc:
        return Guess(None, None, (), "", {"error": str(exc)})
    why = {d.field: f"{d.reason} [{d.method}]" for d in found.decisions}
    return Guess(found.title, day_of(found.published), found.authors, found.text, why)


def trafilatura_plain(page: Gold) -> Guess:
    """trafilatura's own ``bare_extraction(..., with_metadata=True)``, untouched: the baseline."""
    import trafilatura

    from ..extract.dates import day_of

    doc = trafilatura.bare_extraction(page.path.read_bytes(), with_metadata=True)
    found = doc.as_dict() if doc is not None else {}
    authors = tuple(a.strip() for a in (found.get("author") or "").split(";") if a.strip())
    return Guess(found.get("title"), day_of(found.get("date")), authors, found.get("text") or "")


def token_f1(guess: str, gold: str) -> float:
    a, b = Counter(_TOKEN.findall(guess.lower())), Counter(_TOKEN.findall(gold.lower()))
    if not a and not b:
        return 1.0
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def same_title(guess: str | None, gold: str) -> bool:
    return " ".join((guess or "").split()) == " ".join(gold.split())


def _norm_name(name: str) -> str:
    return " ".join(_TOKEN.findall(name.casefold()))


def authors_f1(guess: tuple[str, ...], gold: tuple[str, ...]) -> float:
    a, b = {_norm_name(n) for n in guess} - {""}, {_norm_name(n) for n in gold} - {""}
    if not a and not b:
        return 1.0
    overlap = len(a & b)
    if not overlap:
        return 0.0
    precision, recall = overlap / len(a), overlap / len(b)
    return 2 * precision * recall / (precision + recall)


def score(guess: Guess, gold: Gold) -> PageScore:
    return PageScore(
        body_f1=token_f1(guess.body, gold.body),
        title_exact=float(same_title(guess.title, gold.title)),
        date_acc=float(bool(gold.date) and guess.date == gold.date),
        authors_f1=authors_f1(guess.authors, gold.authors),
    )


def _mean(scores: list[PageScore], name: str) -> float:
    return sum(getattr(s, name) for s in scores) / len(scores) if scores else 0.0


def _run(pages: list[Gold], extractor: Callable[[Gold], Guess]) -> Iterator[tuple[Gold, Guess, PageScore]]:
    for page in pages:
        guess = extractor(page)
        yield page, guess, score(guess, page)


def evaluate(data: Path, echo: Callable[[str], None]) -> dict[str, float]:
    """Score our extraction and trafilatura's on every page of ``data``; print the report."""
    pages = load_gold(data)
    echo(f"extraction: {len(pages)} pages from {data}")
    started = time.perf_counter()
    mine = list(_run(pages, ours))
    ours_s = time.perf_counter() - started
    started = time.perf_counter()
    base = list(_run(pages, trafilatura_plain))
    base_s = time.perf_counter() - started
    fields = ("body_f1", "title_exact", "date_acc", "authors_f1")
    ours_scores, base_scores = [s for _, _, s in mine], [s for _, _, s in base]
    echo("")
    echo(f"{'field':<13}{'eventwire':>11}{'trafilatura':>13}{'delta':>9}")
    for name in fields:
        a, b = _mean(ours_scores, name), _mean(base_scores, name)
        echo(f"{name:<13}{a:>11.3f}{b:>13.3f}{a - b:>+9.3f}")
    echo(f"{'seconds':<13}{ours_s:>11.1f}{base_s:>13.1f}")
    _report_worst(mine, echo)
    numbers: dict[str, Any] = {"pages": len(pages)}
    numbers.update({name: _mean(ours_scores, name) for name in fields})
    numbers.update({f"trafilatura_{name}": _mean(base_scores, name) for name in fields})
    return numbers


def _report_worst(results: list[tuple[Gold, Guess, PageScore]], echo: Callable[[str], None]) -> None:
    """The pages to look at next: wrong titles and dates with what we chose and why."""
    wrong_titles = [(g, p) for g, p, s in results if not s.title_exact]
    wrong_dates = [(g, p) for g, p, s in results if not s.date_acc]
    echo("")
    echo(f"wrong titles: {len(wrong_titles)} (first {min(_WORST, len(wrong_titles))})")
    for gold, guess in wrong_titles[:_WORST]:
        echo(f"  {gold.key}: gold {gold.title!r}")
        echo(f"  {'':{len(gold.key)}}  got  {guess.title!r} <- {guess.why.get('title', 'no decision')}")
    echo(f"wrong dates: {len(wrong_dates)} (first {min(_WORST, len(wrong_dates))})")
    for gold, guess in wrong_dates[:_WORST]:
        echo(f"  {gold.key}: gold {gold.date} got {guess.date} <- {guess.why.get('published', 'no decision')}")
    worst_body = sorted(results, key=lambda r: r[2].body_f1)[:5]
    echo("lowest body F1: " + ", ".join(f"{g.key} {s.body_f1:.2f}" for g, _, s in worst_body))
    echo("")
