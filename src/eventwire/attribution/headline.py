"""Headline checks: does the headline say what the body says?

Overstatement checks compare the headline with the body's *lede* (sentences in the first third
of the body whose event words sit next to a headline word), because that is what a headline
summarises:

* **place scope**: the headline names a city ("The Russian City Of Belgorod") while the
  lede places the event in smaller or outlying areas ("some border towns inside Russia");
* **wording**: the headline's event word is more severe than any in the lede ("invade" vs
  "took over", "raid");
* **actor**: the headline blames a whole people ("Russians") where the lede names a group
  ("a group of Russian Army defectors");
* **number**: a headline count larger than every count of the same thing in the body.

**Unrelated** and **contradicted** come from :mod:`eventwire.attribution.stance` (lexical
overlap and refutation cues, with a small trained model when it is shipped).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import HeadlineFlag, Span

METHOD = "attribution.headline.v1"

# Severity of event wording (higher = more severe); a headline word must exceed the lede's.
SEVERITY: dict[str, int] = {
    "invade": 5, "invades": 5, "invaded": 5, "invading": 5, "invasion": 5, "war": 5, "annex": 5,
    "annexes": 5, "annexed": 5, "conquer": 5, "conquers": 5, "conquered": 5, "massacre": 5,
    "massacres": 5, "slaughter": 5, "genocide": 5, "occupy": 4, "occupies": 4, "occupied": 4,
    "seize": 4, "seizes": 4, "seized": 4, "capture": 4, "captures": 4, "captured": 4, "storm": 4,
    "storms": 4, "stormed": 4, "bomb": 4, "bombs": 4, "bombed": 4, "destroy": 4, "destroyed": 4,
    "take over": 3, "takes over": 3, "took over": 3, "taken over": 3, "attack": 3, "attacks": 3,
    "attacked": 3, "assault": 3, "shelled": 3, "clash": 2, "clashes": 2, "clashed": 2, "raid": 2,
    "raids": 2, "raided": 2, "incursion": 2, "skirmish": 2, "foray": 2, "cross": 1, "crossed": 1,
    "enter": 1, "entered": 1, "protest": 1, "protests": 1,
}
_EVENT_WORD = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(SEVERITY, key=len, reverse=True))
                         + r")\b", re.IGNORECASE)
_CITY = re.compile(r"\b(?:[Tt]he\s+)?(?:[A-Z][\w’'-]*\s+)?(?:[Cc]ity|[Tt]own)\s+[Oo]f\s+[A-Z][\w-]+"
                   r"|\b[A-Z][\w-]+\s+(?:[Cc]ity)\b")
_SUBSCOPE = re.compile(
    r"\b(?:(?:some|several|a few|a number of|two|three|four|five|nearby|small|outlying)\s+)?"
    r"(?:(?:border|frontier|rural|outlying|neighbou?ring|remote)\s+)?"
    r"(?:towns|villages|settlements|hamlets|border areas?|outskirts|suburbs|countryside|border regions?)"
    r"(?:\s+(?:inside|in|of|near|around|along)\s+[A-Z][\w-]+)?")
_DEMONYM_PLURAL = re.compile(r"^\s*(?:The\s+)?([A-Z][a-z]+(?:ans|ians|ese|is|ks|ns|ts))\b")
_GROUP = re.compile(
    r"\b(?:an?\s+|the\s+)?(?:small\s+)?(?:group|band|handful|number|unit|squad|gang)\s+of\s+"
    r"(?:[\w’'-]+\s+){0,4}?(?:defectors|volunteers|fighters|militants|soldiers|members|men|activists|"
    r"protesters|rebels|troops|gunmen|extremists|youths)\b")
_NUMBER = re.compile(r"\b(\d[\d,]*)\s+([a-z]+)", re.IGNORECASE)
_LEDE_SENTENCES = 3


_TOKEN = re.compile(r"[\w’'-]+")
_WINDOW = 6


def _prefixes(text: str) -> set[str]:
    return {w.lower()[:5] for w in _TOKEN.findall(text) if len(w) > 3 and w.lower() not in SEVERITY}


def _on_topic(text: str, m: re.Match[str], topic: set[str]) -> bool:
    """An event word about the headline's story: a headline word within a few words of it."""
    before = _TOKEN.findall(text[max(0, m.start() - 80):m.start()])[-_WINDOW:]
    after = _TOKEN.findall(text[m.end():m.end() + 80])[:_WINDOW]
    return any(w.lower()[:5] in topic for w in (*before, *after))


def _events(text: str, s: Span, topic: set[str]) -> list[re.Match[str]]:
    return [m for m in _EVENT_WORD.finditer(text, s.start, s.end) if _on_topic(text, m, topic)]


def _lede(text: str, sentences: Sequence[Span], topic: set[str],
          skip: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """The first body sentences using an event word about the headline's story."""
    body = [s for s in sentences if not any(a <= s.start < b for a, b in skip)]
    if body:  # the lede is the opening: the first sentence plus the first third of the text
        cut = max(body[0].end, body[0].start + (len(text) - body[0].start) // 3)
        body = [s for s in body if s.start < cut]
    with_events = [s for s in body if _events(text, s, topic)]
    return (with_events or body)[:_LEDE_SENTENCES]


def check_headline(title: str | None, text: str, sentences: Sequence[Span],
                   skip: Sequence[tuple[int, int]] = ()) -> tuple[HeadlineFlag, ...]:
    """Overstatement flags for ``title`` against the body (``skip``: source lines etc.)."""
    if not title or not sentences:
        return ()
    topic = _prefixes(title)
    lede = _lede(text, sentences, topic, skip)
    flags = [f for f in (_place_scope(title, text, lede), _wording(title, text, lede, topic),
                         _actor(title, text, lede)) if f is not None]
    flags += _numbers(title, text)
    return tuple(flags)


def _place_scope(title: str, text: str, lede: Sequence[Span]) -> HeadlineFlag | None:
    m = _CITY.search(title)
    if m is None:
        return None
    narrower = [n for s in lede for n in _SUBSCOPE.finditer(text, s.start, s.end)]
    if not narrower:
        return None
    head = Span(m.start(), m.end(), "headline place", METHOD)
    body = tuple(Span(n.start(), n.end(), "body place", METHOD) for n in narrower)
    return HeadlineFlag("place scope", head, body, METHOD,
                        f"headline claims {m.group(0)!r}; the body's lede places it in "
                        + ", ".join(repr(n.group(0)) for n in narrower))


def _wording(title: str, text: str, lede: Sequence[Span], topic: set[str]) -> HeadlineFlag | None:
    heads = list(_EVENT_WORD.finditer(title))
    if not heads:
        return None
    top = max(heads, key=lambda m: SEVERITY[m.group(0).lower()])
    level = SEVERITY[top.group(0).lower()]
    body = [m for s in lede for m in _events(text, s, topic)]
    if not body or max(SEVERITY[m.group(0).lower()] for m in body) >= level:
        return None
    return HeadlineFlag(
        "wording", Span(top.start(), top.end(), "headline event word", METHOD),
        tuple(Span(m.start(), m.end(), "body event word", METHOD) for m in body), METHOD,
        f"headline says {top.group(0)!r} (severity {level}); the lede only says "
        + ", ".join(f"{m.group(0)!r} ({SEVERITY[m.group(0).lower()]})" for m in body))


def _actor(title: str, text: str, lede: Sequence[Span]) -> HeadlineFlag | None:
    m = _DEMONYM_PLURAL.search(title)
    if m is None:
        return None
    groups = [g for s in lede for g in _GROUP.finditer(text, s.start, s.end)]
    if not groups:
        return None
    return HeadlineFlag(
        "actor", Span(m.start(1), m.end(1), "headline actor", METHOD),
        tuple(Span(g.start(), g.end(), "body actor", METHOD) for g in groups), METHOD,
        f"headline generalises to {m.group(1)!r}; the lede names {groups[0].group(0)!r}")


def _numbers(title: str, text: str) -> list[HeadlineFlag]:
    flags: list[HeadlineFlag] = []
    for m in _NUMBER.finditer(title):
        value, noun = _int(m.group(1)), m.group(2).lower().rstrip("s")
        if value is None or 1900 <= value <= 2100:
            continue
        same = [b for b in _NUMBER.finditer(text) if b.group(2).lower().rstrip("s") == noun]
        values = [v for v in (_int(b.group(1)) for b in same) if v is not None]
        if values and value > max(values):
            flags.append(HeadlineFlag(
                "number", Span(m.start(), m.end(), "headline number", METHOD),
                tuple(Span(b.start(), b.end(), "body number", METHOD) for b in same), METHOD,
                f"headline says {value} {noun}(s); the body at most {max(values)}"))
    return flags


def _int(raw: str) -> int | None:
    try:
        return int(raw.replace(",", ""))
    except ValueError:
        return None
