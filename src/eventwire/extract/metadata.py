"""Page metadata (title, date, authors, outlet, canonical URL) from the page's own signals.

trafilatura's body text is strong but its metadata is weak on our dev pages (title exact 0.65,
date 0.82): it prefers ``og:title`` (often a shortened social headline with " | Site" attached)
and the first date its heuristics meet. Readers, and our gold data, go by what the page shows:
the visible ``<h1>`` headline and the date printed near it. So each field is chosen from
structured candidates (JSON-LD, meta tags, ``<h1>``, ``<time>``) with trafilatura as the last
fallback, and every choice records its ``method`` and ``reason``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from . import dates, structured
from .structured import Decision, Signals, clean_text

METHOD = "extract.metadata.v1"
_SEPARATORS_KEPT = re.compile(r"(\s+(?:\||-{1,2}|–|—|·|::?|»|•)\s+)")
_MEDIA_TAG = re.compile(r"\s*(?:\[(?:watch|video|photos?|listen|audio|gallery|pics)\]|"
                        r"\((?:watch|video|photos?|listen|audio|gallery|pics)\))\s*$", re.IGNORECASE)
_WORD = re.compile(r"\w+")
_AUTHOR_PREFIX = re.compile(r"^(?:by|written by|words by|von|par|por)\s*[:\-]?\s+", re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*")
_TRAILING_LABEL = re.compile(r"\s+(?:published|updated|posted)\b.*$", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"https?://|www\.|@|\d{3}|\.(?:com|net|org)\b|^updated\b|\b(?:staff|editor|editors|desk|team|news|wire|"
                         r"contributor|correspondent|reporter)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PageMetadata:
    title: str | None
    published: str | None
    authors: tuple[str, ...]
    outlet: str | None
    canonical_url: str | None
    decisions: tuple[Decision, ...] = ()


def page_metadata(content: bytes | str, url: str | None, fallback: dict[str, Any]) -> PageMetadata:
    """Metadata for one page; ``fallback`` is trafilatura's ``bare_extraction`` dict."""
    tree = structured.parse_tree(content)
    if tree is None:
        return _from_fallback(url, fallback)
    sig = structured.collect(tree)
    outlet = choose_outlet(sig, url, fallback)
    title = choose_title(sig, outlet, fallback.get("title"))
    published = dates.choose_date(sig, tree, fallback.get("date"), title.value if title else None)
    authors = choose_authors(sig, fallback.get("author"), _site_words(sig, outlet))
    canonical = sig.canonical or sig.first_meta("og:url") or fallback.get("url") or url
    decisions = tuple(d for d in (title, published, authors, outlet) if d is not None)
    return PageMetadata(
        title=title.value if title else None,
        published=published.value if published else None,
        authors=tuple(a for a in authors.value.split("; ") if a) if authors else (),
        outlet=outlet.value if outlet else None,
        canonical_url=canonical,
        decisions=decisions,
    )


def _from_fallback(url: str | None, fallback: dict[str, Any]) -> PageMetadata:
    authors = tuple(a.strip() for a in (fallback.get("author") or "").split(";") if a.strip())
    return PageMetadata(fallback.get("title"), fallback.get("date"), authors,
                        fallback.get("sitename") or fallback.get("hostname"), fallback.get("url") or url)


# --- outlet -------------------------------------------------------------------------------

def choose_outlet(sig: Signals, url: str | None, fallback: dict[str, Any]) -> Decision | None:
    """Site name: og:site_name, then the JSON-LD publisher, then trafilatura, then the host."""
    value = sig.first_meta("og:site_name", "application-name", "al:ios:app_name")
    if value:
        return Decision("outlet", value, METHOD, "og:site_name / application-name meta")
    for node in sig.ld_articles:
        publisher = node.get("publisher")
        if isinstance(publisher, list) and publisher:
            publisher = publisher[0]
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str) and publisher["name"].strip():
            return Decision("outlet", clean_text(publisher["name"]), METHOD, "JSON-LD publisher.name")
    if fallback.get("sitename"):
        return Decision("outlet", str(fallback["sitename"]), "extract.trafilatura.v1", "trafilatura sitename")
    host = _host(sig.canonical or sig.first_meta("og:url") or url or fallback.get("hostname"))
    return Decision("outlet", host, METHOD, "host name of the page address") if host else None


def _host(address: str | None) -> str | None:
    if not address:
        return None
    host = urlsplit(address if "//" in address else "//" + address).hostname or ""
    return host.removeprefix("www.") or None


# --- title --------------------------------------------------------------------------------

def choose_title(sig: Signals, outlet: Decision | None, fallback: str | None) -> Decision | None:
    """The visible headline: the ``<h1>`` that agrees with the page's declared titles.

    Declared titles (JSON-LD headline, og:title, twitter:title, ``<title>``) often carry the
    site name or a shortened social headline; the ``<h1>`` is what readers see. A lone
    plausible ``<h1>`` wins even when the declared titles differ (editors rewrite social titles).
    """
    site_words = _site_words(sig, outlet)
    declared = _declared_titles(sig, fallback)
    cleaned = [(src, strip_site_name(t, site_words)) for src, t in declared]
    heading = _best_heading(sig.h1s, [t for _, t in cleaned], site_words)
    if heading is not None:
        text, reason = heading
        return Decision("title", _tidy(_drop_label_prefix(text, [t for _, t in cleaned])), METHOD, reason)
    for src, text in cleaned:
        if text:
            return Decision("title", _tidy(text), METHOD, f"{src}, site name stripped")
    return None


def _declared_titles(sig: Signals, fallback: str | None) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for node in sig.ld_articles:
        for key in ("headline", "name"):
            if isinstance(node.get(key), str) and node[key].strip():
                found.append((f"JSON-LD {key}", clean_text(node[key])))
                break
    for name in ("og:title", "twitter:title", "parsely-title", "sailthru.title", "dc.title"):
        value = sig.first_meta(name)
        if value:
            found.append((name, value))
    if sig.title_tag:
        found.append(("<title>", sig.title_tag))
    if fallback:
        found.append(("trafilatura title", clean_text(fallback)))
    return found


def _site_words(sig: Signals, outlet: Decision | None) -> set[str]:
    names = [outlet.value if outlet else "", sig.first_meta("og:site_name") or "",
             _host(sig.canonical or sig.first_meta("og:url")) or ""]
    words: set[str] = set()
    for name in names:
        for part in re.split(r"[.\s]+", name.casefold()):
            if part and part not in {"com", "co", "org", "net", "uk", "www", "the", "news", "in", "au"}:
                words.add(part)
    return words


def strip_site_name(title: str, site_words: set[str]) -> str:
    """Drop a leading or trailing segment that names the site ("X | The Hill", "BBC - X")."""
    pieces = _SEPARATORS_KEPT.split(title)
    segments, seps = pieces[0::2], pieces[1::2]
    first, last = 0, len(segments)
    while last - first > 1 and _is_site_segment(segments[last - 1], site_words):
        last -= 1
    while last - first > 1 and _is_site_segment(segments[first], site_words):
        first += 1
    out = segments[first]
    for i in range(first + 1, last):
        out += seps[i - 1] + segments[i]
    return out.strip()


def _is_site_segment(segment: str, site_words: set[str]) -> bool:
    words = {w.casefold() for w in _WORD.findall(segment)}
    squashed = re.sub(r"\W", "", segment.casefold())
    if not words or len(words) > 6:
        return False
    if any(w in site_words for w in words) or any(squashed and squashed in w for w in site_words):
        return True
    return squashed in {"opinion", "news", "analysis", "video", "watch", "home"}


def _best_heading(h1s: tuple[str, ...], declared: list[str], site_words: set[str]) -> tuple[str, str] | None:
    plausible = [h for h in h1s if _plausible_headline(h, site_words)]
    if not plausible:
        return None
    scored = [(max((_similarity(h, d) for d in declared), default=0.0), -i, h) for i, h in enumerate(plausible)]
    best_score, _, best = max(scored)
    if best_score >= 0.5:
        return best, f"<h1> agrees with the declared title (token overlap {best_score:.2f})"
    if len(plausible) == 1 and len(h1s) <= 2:
        return best, "the page's only headline-like <h1> (declared titles differ)"
    return None


def _plausible_headline(text: str, site_words: set[str]) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 40 or len(text) > 300:
        return False
    return not _is_site_segment(text, site_words) or len(words) > 6


def _similarity(a: str, b: str) -> float:
    wa, wb = set(_WORD.findall(_fold_quotes(a).casefold())), set(_WORD.findall(_fold_quotes(b).casefold()))
    if not wa or not wb:
        return 0.0
    overlap = len(wa & wb)
    return 2 * overlap / (len(wa) + len(wb))


def _fold_quotes(text: str) -> str:
    return text.translate(str.maketrans("‘’“”", "''\"\""))


def _drop_label_prefix(heading: str, declared: list[str]) -> str:
    """'Opinion What I'll be praying…' → 'What I'll be praying…' when a declared title says so."""
    folded = _fold_quotes(heading).casefold()
    for title in declared:
        t = _fold_quotes(title).casefold()
        if t and folded != t and folded.endswith(t) and _is_label(folded[: -len(t)]):
            return heading[len(heading) - len(title):]
    return heading


def _is_label(prefix: str) -> bool:
    """A section label before the headline: one or two words, or up to four ending in '|'."""
    words = _WORD.findall(prefix)
    return len(words) <= 2 or (len(words) <= 4 and prefix.rstrip().endswith(("|", "»", "•")))


def _tidy(title: str) -> str:
    return _MEDIA_TAG.sub("", title).strip()


# --- authors ------------------------------------------------------------------------------

def choose_authors(sig: Signals, fallback: str | None, site_words: frozenset[str] | set[str] = frozenset()
                   ) -> Decision | None:
    """Author names from JSON-LD, then author meta tags, then trafilatura; the outlet is no author."""
    for node in sig.ld_articles:
        names = [n for n in _names(node.get("author")) if not _is_site_segment(n, set(site_words))]
        if names:
            return Decision("authors", "; ".join(names), METHOD, "JSON-LD author")
    for key in ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"):
        names = [n for value in sig.meta.get(key, ()) for n in split_names(value)
                 if not _is_site_segment(n, set(site_words))]
        if names:
            return Decision("authors", "; ".join(_unique(names)), METHOD, f"meta {key}")
    if fallback:
        names = [n for part in fallback.split(";") for n in split_names(part)
                 if not _is_site_segment(n, set(site_words))]
        if names:
            return Decision("authors", "; ".join(_unique(names)), "extract.trafilatura.v1", "trafilatura author")
    return None


def _names(value: object) -> list[str]:
    if isinstance(value, list):
        return _unique([n for item in value for n in _names(item)])
    if isinstance(value, dict):
        if str(value.get("@type", "Person")) not in ("Person", "['Person']"):
            return []
        return split_names(str(value.get("name") or ""))
    if isinstance(value, str):
        return split_names(value)
    return []


def split_names(value: str) -> list[str]:
    """'By Jane Doe and John Roe' -> ['Jane Doe', 'John Roe']; URLs and desks are dropped."""
    text = _AUTHOR_PREFIX.sub("", clean_text(value))
    names = []
    for part in _AUTHOR_SPLIT.split(text):
        part = _TRAILING_LABEL.sub("", _AUTHOR_PREFIX.sub("", part.strip(" .·|")))
        if part.isupper() and len(part) <= 4:  # credentials after a name: "MS, RDN, LD"
            continue
        if part and not _NOT_A_NAME.search(part) and 1 <= len(part.split()) <= 5 and part[0].isalpha():
            names.append(part)
    return names


def _unique(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for name in names:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out
