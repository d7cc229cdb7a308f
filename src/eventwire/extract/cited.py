"""Cited outlets: where an article says its material comes from.

"Source: Newsweek", "KYIV (Reuters) -", "according to a report by X", "via X",
"originally published by X", "as first reported by X" each yield a :class:`CitedOutlet` with the
span of the name, so the article is recorded as a derivative of that outlet's report.

Only outlet cues count. "according to the ministry" names a *source*, not an outlet, so bare
"according to X" / "reported by X" fire only when X is a well-known outlet; the cue words
"report", "published", "Source:" line, wire dateline, and "via" at a line end carry the rest.
"""

from __future__ import annotations

import re

from ..model import CitedOutlet

METHOD = "extract.cited.v2"
_WORD = r"[A-Z][\w&.'’-]*"
_NAME = rf"(?P<name>(?:[Tt]he[ \t]+)?{_WORD}(?:[ \t]+(?:of[ \t]+|and[ \t]+|&[ \t]+|de[ \t]+)?{_WORD}){{0,5}})"
_WIRES = "Reuters|AP|AFP|UPI|Bloomberg|dpa|DPA|Xinhua|TASS|Interfax|ANI|PTI|IANS|EFE|ANSA|Kyodo|Yonhap|Ukrinform"
_AGENCIES = {
    "AP": "Associated Press", "the AP": "Associated Press", "AFP": "Agence France-Presse",
    "UPI": "United Press International", "DPA": "dpa", "Reuters": "Reuters", "Associated Press": "Associated Press",
}
# Outlets whose name alone, after "according to" or "reported by", is an outlet cue.
_KNOWN_OUTLETS = (
    "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Bloomberg", "Newsweek", "Axios",
    "Politico", "CNN", "BBC", "BBC News", "NBC News", "CBS News", "ABC News", "Fox News", "NPR", "Al Jazeera",
    "The New York Times", "New York Times", "The Washington Post", "Washington Post", "The Wall Street Journal",
    "Wall Street Journal", "The Guardian", "Guardian", "The Times", "The Telegraph", "The Independent",
    "Financial Times", "The Economist", "Der Spiegel", "Le Monde", "Kyiv Independent", "The Kyiv Independent",
    "Kyiv Post", "Meduza", "TASS", "RIA Novosti", "Interfax", "Ukrainska Pravda", "Kommersant", "Vedomosti",
    "Novaya Gazeta", "RBC", "The Moscow Times", "Moscow Times", "Xinhua", "Yonhap", "Kyodo", "Haaretz",
    "The Times of Israel", "Times of Israel", "The Hill", "Daily Mail", "The Sun", "Sky News", "Euronews",
    "Deutsche Welle", "DW", "France 24", "Radio Free Europe", "RFE/RL", "Voice of America", "Semafor",
    "The Insider", "Bellingcat", "Mediazona", "Verstka", "Dozhd", "TV Rain", "Newsmax", "Business Insider",
    "Insider", "The Atlantic", "The New Yorker", "Vice News", "HuffPost", "USA Today", "Los Angeles Times",
    "Time", "Forbes", "CNBC", "The Daily Beast", "Daily Beast", "The Intercept",
)
_KNOWN = "|".join(re.escape(n) for n in sorted(_KNOWN_OUTLETS, key=len, reverse=True))
_KNOWN_NAME = rf"(?P<name>(?:the\s+)?(?:{_KNOWN}))(?![\w-])"
_KNOWN_SUBJECT = rf"(?P<name>(?:[Tt]he\s+)?(?:{_KNOWN}))"
# Words that end the name of a source that is not a news outlet ("Source: Defense Ministry").
_NOT_OUTLET = re.compile(
    r"\b(?:ministry|ministries|government|office|department|police|army|forces|council|committee|command|"
    r"spokesman|spokeswoman|spokesperson|official|officials|images|photos?|shutterstock|wikipedia|author|"
    r"authors|data|statistics|survey|said|says|january|february|march|april|may|june|july|august|september|"
    r"october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday)\b",
    re.IGNORECASE,
)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("source line", re.compile(
        r"(?m)^[ \t]*(?:Sources?|Quelle|Fuente|Originally from)[ \t]*[:：][ \t]*"
        r"(?P<names>[^\n]{1,160}?)[ \t]*\.?[ \t]*$")),
    ("wire dateline", re.compile(rf"\((?P<name>{_WIRES})\)\s*[-—–]")),
    ("according to a report", re.compile(
        r"according to (?:a |an )?(?:new |recent |earlier )?(?:report|article|story|investigation|analysis|"
        r"interview)s?\s+(?:by|in|from|with)\s+" + _NAME)),
    ("originally published", re.compile(
        r"(?:originally|first) (?:published|appeared|ran|reported) (?:by|in|on|at)\s+" + _NAME)),
    ("republished", re.compile(r"(?:republished|reprinted|reposted) (?:with permission )?from\s+" + _NAME)),
    ("first reported by", re.compile(r"(?:as |was )?first reported by\s+" + _NAME)),
    ("via", re.compile(r"(?m)(?:^|[(\[]|[-—–]\s)[ \t]*[Vv]ia\s+" + _NAME + r"[ \t]*(?:[)\]](?![ \t]*:)|\.?[ \t]*$)")),
    ("according to outlet", re.compile(r"[Aa]ccording to\s+" + _KNOWN_NAME)),
    ("reported by outlet", re.compile(r"(?:as |was |were )?reported by\s+" + _KNOWN_NAME)),
    ("outlet reported", re.compile(r"(?<![\w-])" + _KNOWN_SUBJECT + r"\s+(?:first\s+)?reported\b")),
    ("contributed", re.compile(rf"(?P<name>(?:[Tt]he )?(?:Associated Press|{_WIRES}))\s+contributed to this report")),
)
_TRAILING = re.compile(r"(?:\s+(?:on|in|at|and|said|says|reported|reports|which|that))+$")
_DOMAIN = re.compile(r"\.(?:com|co\.uk|org|net|ru|ua|news)$", re.IGNORECASE)


def cited_outlets(text: str) -> tuple[CitedOutlet, ...]:
    """All cited outlets in ``text``, in text order, one per mention (span = the name)."""
    found: list[CitedOutlet] = []
    for cue, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            spans = _source_line_names(match) if cue == "source line" else [match.span("name")]
            for start, end in spans:
                outlet = _outlet(text, start, end, cue, match.group(0))
                if outlet is not None:
                    found.append(outlet)
    found.sort(key=lambda c: (c.start, -c.end))
    kept: list[CitedOutlet] = []
    for outlet in found:
        if not any(k.start <= outlet.start < k.end for k in kept):
            kept.append(outlet)
    return tuple(kept)


def _source_line_names(match: re.Match[str]) -> list[tuple[int, int]]:
    """Each name of "Source: Reuters, AP and Newsweek" as its own span."""
    spans = []
    pos, line = match.start("names"), match.group("names")
    for part in re.finditer(r"[^,;/&]+", line):
        piece = part.group(0)
        for sub in re.split(r"\s+and\s+", piece):
            offset = line.find(sub, part.start())
            lead = len(sub) - len(sub.lstrip())
            name = sub.strip()
            if name:
                spans.append((pos + offset + lead, pos + offset + lead + len(name)))
    return spans


def _outlet(text: str, start: int, end: int, cue: str, evidence: str) -> CitedOutlet | None:
    raw = text[start:end]
    trimmed = _TRAILING.sub("", raw).rstrip(".,;:")
    if trimmed.lower().startswith("the "):
        if trimmed.startswith("the "):
            start += 4
            trimmed = trimmed[4:]
    end = start + len(trimmed)
    if not _looks_like_outlet(trimmed, cue):
        return None
    return CitedOutlet(_canonical(trimmed), start, end, cue, METHOD, f"{cue!r} cue: {evidence.strip()[:80]!r}")


def _looks_like_outlet(name: str, cue: str) -> bool:
    words = name.split()
    if not words or len(words) > 6 or not (name[:1].isupper() or name[:1].isdigit()):
        return False
    if _NOT_OUTLET.search(name):
        return False
    return not (cue == "source line" and len(words) > 4)


def _canonical(name: str) -> str:
    stripped = re.sub(r"^[Tt]he\s+", "", name).strip()
    found = _AGENCIES.get(name, _AGENCIES.get(stripped))
    if found:
        return found
    if stripped != name and stripped in _KNOWN_OUTLETS:
        return stripped
    return _DOMAIN.sub("", name) if " " not in name else name
