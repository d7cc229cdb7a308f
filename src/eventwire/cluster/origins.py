"""Independent origins: whose material an event report really is.

Counting articles overstates corroboration: a repost, a syndicated copy and a blog excerpt
of one wire story are one source. A report's *origin* is, in order:

1. the cited outlet, when the report's sentence lies in a paragraph the attribution layer
   marked as another outlet's material ("Source: Newsweek", "(Reuters) -");
2. the cited outlet the report is attributed to, when its status names one of the article's
   cited outlets;
3. the article's own outlet when the attribution layer separated its own paragraphs from
   cited ones and the sentence is in its own (a blogger's commentary around an excerpt);
4. the origin of the article's near-duplicate group (the earliest published near-copy), so
   syndicated copies count for the outlet they copy;
5. the article's single cited outlet when all its paragraphs are that outlet's material,
   else its own outlet, else its web domain, else the article itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

METHOD = "cluster.origin.v1"
_SUFFIX = re.compile(r"\.(?:com|co\.uk|org|net|news|ru|ua|info)$")


def outlet_key(name: str | None) -> str:
    """Comparable outlet name: "The Newsweek", "newsweek.com", "www.Newsweek.com" -> "newsweek"."""
    if not name:
        return ""
    s = name.strip().lower()
    s = s.removeprefix("www.")
    s = _SUFFIX.sub("", s)
    s = s.removeprefix("the ")
    return re.sub(r"[^a-z0-9]+", "", s)


def domain(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    return host.removeprefix("www.") if host else None


@dataclass(frozen=True, slots=True)
class ArticleSource:
    """What the store knows about where an article's material comes from."""

    article_id: str
    outlet: str | None
    url: str | None
    cited: tuple[str, ...] = ()  # cited outlet names
    cited_paragraphs: tuple[tuple[int, int, str], ...] = ()  # (start, end, outlet) of cited material
    all_cited: str | None = None  # the outlet whose material every paragraph is, if one
    dup_origin: ArticleSource | None = None  # the near-duplicate group's origin, when not itself

    @property
    def display(self) -> str | None:
        """The outlet name people know the article by (outlet, else domain)."""
        return self.outlet or domain(self.url)


@dataclass(frozen=True, slots=True)
class Origin:
    key: str
    name: str
    reason: str


def report_origin(src: ArticleSource, sentence_start: int, status_source: str | None) -> Origin:
    """The independent origin of one report, with the rule that decided it."""
    for start, end, outlet in src.cited_paragraphs:
        if start <= sentence_start < end and outlet_key(outlet):
            return Origin(outlet_key(outlet), outlet, f"sentence lies in material cited from {outlet!r}")
    cited = {outlet_key(c): c for c in src.cited if outlet_key(c)}
    if status_source and outlet_key(status_source) in cited:
        name = cited[outlet_key(status_source)]
        return Origin(outlet_key(name), name, f"report attributed to the cited outlet {name!r}")
    if src.cited_paragraphs:
        own = article_origin(src)
        return Origin(own.key, own.name, f"sentence is the article's own words, not the cited material; {own.reason}")
    if src.dup_origin is not None:
        inner = article_origin(src.dup_origin)
        return Origin(inner.key, inner.name,
                      f"near-copy of article {src.dup_origin.article_id}; that article's origin: {inner.reason}")
    return article_origin(src)


def article_origin(src: ArticleSource) -> Origin:
    """An article's own origin: the outlet all its text is cited from, its outlet, domain, or itself."""
    if src.all_cited and outlet_key(src.all_cited):
        return Origin(outlet_key(src.all_cited), src.all_cited, f"the whole article is {src.all_cited}'s material")
    if src.display and outlet_key(src.display):
        how = "the article's outlet" if src.outlet else "the article's web domain"
        return Origin(outlet_key(src.display), src.display, how)
    return Origin(f"article:{src.article_id}", src.article_id, "no outlet or address known: the article itself")
