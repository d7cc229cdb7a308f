"""What the article's outlet says about where its places are (``geo.outlet.v1``).

Two weak hints, read from the article's URL/domain and outlet name, never from a table of outlets:

* a place name inside the domain or the outlet name (edmontonjournal.com -> Edmonton,
  huntingtonnews.net -> Huntington, "The Moscow Times" -> Moscow): gazetteer names of five letters
  or more (populated places and admin units), longest first; the resolver treats the name as one
  more, lightly weighted mention of the article: a soft prior for that place and its
  admin-1/country, never an answer;
* the domain's country code (.ca, .co.uk, .com.au, .com.tw, .ua): a weak country prior for names
  the article leaves undecided.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlparse

from .gazetteer import Candidate, Gazetteer
from .names import name_key

METHOD = "geo.outlet.v1"
# country-code domains sold to everyone (.tv, .io, .fm, ...) say nothing about where an outlet is
_GENERIC_CC = frozenset({"ac", "ag", "ai", "am", "as", "bz", "cc", "cd", "co", "dj", "fm", "gg", "im", "io", "la",
                         "ly", "me", "ms", "nu", "sh", "so", "st", "tk", "to", "tv", "vc", "ws"})
_CC_ALIAS = {"uk": "GB", "su": "RU"}
_SECOND_LEVEL = frozenset({"co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "gob", "gv", "nic",
                           "news", "info", "in"})
_HOST_WORDS = frozenset({"www", "m", "mobile", "amp", "en", "news", "edition", "www2", "eu", "us", "uk"})
_MIN_LETTERS = 5
_MIN_POP = 5000  # a place that names an outlet is a town that has one
_BIG_CITY = 100_000  # a four-letter prefix ("kyivindependent") or an exonym ("kiev") only for a big city
_PLACE_KINDS = frozenset({"city", "admin1", "admin2"})


@dataclass(frozen=True, slots=True)
class OutletHint:
    """The outlet's domain or name, its domain country, and a place named in it (if any)."""

    source: str  # the domain or name the hint was read from
    country: str | None = None  # ISO alpha-2 from the country-code domain
    name: str = ""  # the place name found inside the domain/outlet name
    candidates: tuple[Candidate, ...] = ()

    def reason(self) -> str:
        bits = []
        if self.name:
            bits.append(f"outlet {self.source} is named after '{self.name}'")
        if self.country:
            bits.append(f"outlet domain country {self.country}")
        return "; ".join(bits)


def _host(value: str) -> str:
    value = value.strip()
    if "://" not in value:
        value = "http://" + value
    return (urlparse(value).hostname or "").lower()


def _split_host(host: str) -> tuple[list[str], str | None]:
    """``www.chinapost.com.tw`` -> (["chinapost"], "tw"); ``edmontonjournal.com`` -> (["edmontonjournal"], None)."""
    labels = [x for x in host.split(".") if x]
    if len(labels) < 2:
        return labels, None
    tld = labels.pop()
    cc = tld if len(tld) == 2 else None
    if cc and len(labels) >= 2 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return [x for x in labels if x not in _HOST_WORDS], cc


_KNOWN_CC: dict[str, bool] = {}


def domain_country(host: str, gaz: Gazetteer) -> str | None:
    """The country a country-code domain stands for, if it is a country's and not sold to everyone."""
    _, cc = _split_host(host)
    if cc is None or cc in _GENERIC_CC:
        return None
    iso = _CC_ALIAS.get(cc, cc.upper())
    if iso not in _KNOWN_CC:
        _KNOWN_CC[iso] = gaz.country(iso) is not None
    return iso if _KNOWN_CC[iso] else None


def _place_cands(gaz: Gazetteer, key: str, country: str | None, min_pop: int = _MIN_POP
                 ) -> tuple[Candidate, ...]:
    """Populated places and admin units the name is the own name of (or, for a big city, an
    alternate name): "market" is not Marquette, "plaza" no Spanish municipality's alias."""
    found = []
    for c in gaz.lookup(key):
        p = c.place
        if p.kind not in _PLACE_KINDS or p.population < min_pop:
            continue
        if c.how != "name" and not (c.how == "alt" and p.kind == "city" and p.population >= _BIG_CITY):
            continue
        if country is not None and p.country != country:
            continue  # chinapost.com.tw is not China, Maine
        found.append(c)
    return tuple(found)


def _in_label(label: str, gaz: Gazetteer, country: str | None) -> tuple[str, tuple[Candidate, ...]] | None:
    """The longest gazetteer name inside one domain label (one space may be missing: "lemars")."""
    letters = re.sub(r"[^a-z]", "", label)
    n = len(letters)
    for size in range(n, _MIN_LETTERS - 1, -1):
        for at in range(0, n - size + 1):
            word = letters[at:at + size]
            for variant in (word, *(word[:k] + " " + word[k:] for k in range(2, size - 1))):
                if variant.startswith("the "):
                    continue  # "theguardian" is no "Gua"
                cands = _place_cands(gaz, variant, country)
                if cands:
                    return variant, cands
    if n > 4:  # "kyivindependent": a four-letter big city at the start of the label
        cands = _place_cands(gaz, letters[:4], country, _BIG_CITY)
        if cands:
            return letters[:4], cands
    return None


def _in_name(name: str, gaz: Gazetteer, country: str | None) -> tuple[str, tuple[Candidate, ...]] | None:
    """The longest run of words of an outlet name that is a place ("The Kyiv Independent" -> Kyiv)."""
    words = re.findall(r"[A-Za-zÀ-ÿ'’.-]+", name)
    for size in range(min(len(words), 4), 0, -1):
        for at in range(0, len(words) - size + 1):
            phrase = " ".join(words[at:at + size])
            if phrase.lower().startswith("the "):
                continue
            letters = sum(ch.isalpha() for ch in phrase)
            if letters < _MIN_LETTERS - 1 or not phrase[:1].isupper():
                continue
            cands = _place_cands(gaz, phrase, country, _MIN_POP if letters >= _MIN_LETTERS else _BIG_CITY)
            if cands:
                return name_key(phrase), cands
    return None


def outlet_hint(gaz: Gazetteer, url: str | None = None, outlet: str | None = None) -> OutletHint | None:
    """The hint from an article's URL (or bare domain) and outlet name; ``None`` when they say nothing."""
    domain_like = outlet if outlet and "." in outlet and " " not in outlet.strip() else None
    host = _host(url or domain_like or "") if (url or domain_like) else ""
    country = domain_country(host, gaz) if host else None
    found = None
    if outlet and not domain_like:
        found = _in_name(outlet, gaz, country)
    if found is None and host:
        labels, _ = _split_host(host)
        for label in labels:
            for part in label.split("-"):
                if len(part) >= _MIN_LETTERS:
                    found = _in_label(part, gaz, country)
                    if found:
                        break
            if found:
                break
    source = host or (outlet or "")
    if found is None and country is None:
        return None
    name, cands = found if found else ("", ())
    return OutletHint(source, country, name, cands)
