"""Library entry points: resolve an article's places, or geocode a snippet of text."""

from __future__ import annotations

from ..model import Article, PlaceMention
from .gazetteer import Gazetteer, load_gazetteer
from .mentions import find_mentions
from .outlet import OutletHint, outlet_hint
from .resolve import resolve


def article_outlet(article: Article, gaz: Gazetteer) -> OutletHint | None:
    """What the article's URL and outlet name say about where it is from (``geo.outlet.v1``)."""
    return outlet_hint(gaz, url=article.canonical_url or article.url, outlet=article.outlet)


def resolve_article(article: Article, gaz: Gazetteer | None = None) -> tuple[PlaceMention, ...]:
    """Every place mention of an analysed article (entities + tokens filled) with its resolution;
    the dateline and the outlet (URL, outlet name) are evidence too."""
    gaz = gaz or load_gazetteer()
    mentions = find_mentions(article.text, article.entities, article.tokens, gaz)
    return tuple(resolve(article.text, mentions, gaz, outlet=article_outlet(article, gaz)))


def geocode(text: str, gaz: Gazetteer | None = None, outlet: str | None = None) -> tuple[PlaceMention, ...]:
    """Resolve the places in a snippet of text (runs the NLP base layer on it); ``outlet``: the
    snippet's URL, domain or outlet name, if known."""
    from ..nlp.base import analyse

    gaz = gaz or load_gazetteer()
    base = analyse(text)
    mentions = find_mentions(text, base.entities, base.tokens, gaz)
    hint = None
    if outlet:
        hint = outlet_hint(gaz, url=outlet) if "." in outlet and " " not in outlet.strip() \
            else outlet_hint(gaz, outlet=outlet)
    return tuple(resolve(text, mentions, gaz, outlet=hint))
