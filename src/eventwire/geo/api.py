"""Library entry points: resolve an article's places, or geocode a snippet of text."""

from __future__ import annotations

from urllib.parse import urlparse

from ..model import Article, PlaceMention
from .gazetteer import Gazetteer, load_gazetteer
from .mentions import find_mentions
from .resolve import resolve

_TLD_COUNTRY = {"uk": "GB", "ru": "RU", "ua": "UA", "de": "DE", "fr": "FR", "ca": "CA", "au": "AU", "in": "IN",
                "nz": "NZ", "ie": "IE", "za": "ZA", "ng": "NG", "ke": "KE", "ph": "PH", "pk": "PK", "tr": "TR",
                "il": "IL", "sg": "SG", "my": "MY", "jp": "JP", "cn": "CN", "br": "BR", "mx": "MX", "es": "ES",
                "it": "IT", "pl": "PL", "by": "BY", "kz": "KZ", "ge": "GE"}


def outlet_country(article: Article) -> str | None:
    """A weak prior from the outlet's country-code domain (bbc.co.uk -> GB), if any."""
    host = urlparse(article.canonical_url or article.url or "").hostname or ""
    return _TLD_COUNTRY.get(host.rsplit(".", 1)[-1]) if "." in host else None


def resolve_article(article: Article, gaz: Gazetteer | None = None) -> tuple[PlaceMention, ...]:
    """Every place mention of an analysed article (entities + tokens filled) with its resolution."""
    gaz = gaz or load_gazetteer()
    mentions = find_mentions(article.text, article.entities, article.tokens, gaz)
    return tuple(resolve(article.text, mentions, gaz, hint_country=outlet_country(article)))


def geocode(text: str, gaz: Gazetteer | None = None) -> tuple[PlaceMention, ...]:
    """Resolve the places in a snippet of text (runs the NLP base layer on it)."""
    from ..nlp.base import analyse

    gaz = gaz or load_gazetteer()
    base = analyse(text)
    mentions = find_mentions(text, base.entities, base.tokens, gaz)
    return tuple(resolve(text, mentions, gaz))
