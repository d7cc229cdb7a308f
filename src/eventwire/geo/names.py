"""Name keys and cue words: how a surface form in text meets a gazetteer name.

One normaliser serves both sides (the index build and the lookup), so "Kharkiv", "KHARKIV",
"Kharkív" and "U.S." / "US" meet on the same key without fuzzy matching.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = re.compile(r"[’'`ʼʹ‘\.]")
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/,]+")

# Words that, written next to a name, say which level of place is meant.
ADMIN1_CUES = frozenset({
    "oblast", "oblast'", "region", "province", "state", "governorate", "prefecture", "krai",
    "kray", "republic", "territory", "voivodeship", "canton", "department", "emirate", "county",
})
DISTRICT_CUES = frozenset({"district", "raion", "rayon", "municipality", "county", "borough", "okrug"})
CITY_CUES = frozenset({"city", "town", "village", "capital", "port", "settlement", "suburb", "hamlet"})
PROXIMITY_CUES = frozenset({"near", "outside", "border", "borders", "around", "close", "nearby", "frontier"})

# Suffix/prefix words stripped from official admin names to get the name people write.
_ADMIN_WORDS = re.compile(
    r"^(?:republic of|state of|province of|region of|oblast of|city of|municipality of|"
    r"departamento de|provincia de|province de|région|region|gouvernorat de|wilayat|muhafazat)\s+"
    r"|\s+(?:oblast'?|oblast’|kray|krai|okrug|avtonomnyy okrug|autonomous okrug|respublika|republic|"
    r"province|region|governorate|state|county|district|raion|rayon|department|prefecture|"
    r"municipality|voivodeship|canton|parish|emirate|territory|metropolitan city|urban district|"
    r"city|municipal district|regency|division)$",
    re.IGNORECASE,
)
# Slavic adjectival forms of a region name ("Belgorodskaya", "Kharkivska", "Tul'skaya").
_ADJECTIVAL = re.compile(r"(?:s'?k(?:aya|a|iy|iy|y|ij|ii|oye|oe)|ская|ська|ский|ськ)$", re.IGNORECASE)


def name_key(text: str) -> str:
    """Lookup key: case-folded, accents and dots/apostrophes removed, separators as one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = _APOSTROPHES.sub("", bare)
    key = _SEPARATORS.sub(" ", bare).strip().casefold()
    if key.startswith("the "):
        key = key[4:]
    return key


def strip_admin_words(name: str) -> str:
    """``"Belgorodskaya oblast'"`` -> ``"Belgorodskaya"``; ``"State of Texas"`` -> ``"Texas"``."""
    prev = None
    out = name.strip()
    while prev != out:
        prev = out
        out = _ADMIN_WORDS.sub("", out).strip()
    return out or name


def adjectival_stem(name: str) -> str | None:
    """Stem of a Slavic adjectival region name, keyed (``"Belgorodskaya"`` -> ``"belgorod"``)."""
    key = name_key(name)
    if not _ADJECTIVAL.search(key):
        return None
    stem = _ADJECTIVAL.sub("", key)
    return stem if len(stem) >= 3 else None


def stem_matches_city(stem: str, city_key: str) -> bool:
    """True when a city's key is the base of an adjectival stem ("tul" ~ "tula", "kharkiv")."""
    if city_key == stem:
        return True
    if len(city_key) >= 4 and city_key[-1] in "aoeiyь" and city_key[:-1] == stem:
        return True
    return False


def is_latin_or_cyrillic(text: str) -> bool:
    """Keep the alternate names an English news reader can meet (Latin or Cyrillic script)."""
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            if not (name.startswith("LATIN") or name.startswith("CYRILLIC")):
                return False
    return True
