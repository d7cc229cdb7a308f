"""Per-event details the shaped exports need beyond the list row: actor sectors and countries,
fatalities and the evidence sentence, fetched a batch of events at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import islice
from typing import Any

Connection = Any
Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Party:
    name: str
    role: str  # actor | recipient
    sector: str | None
    country: str | None  # ISO3


@dataclass(slots=True)
class Details:
    parties: list[Party] = field(default_factory=list)
    dead: int | None = None
    sentence: str = ""


def with_details(con: Connection, rows: Iterable[Row], batch: int = 1000) -> Iterator[tuple[Row, Details]]:
    """Each row with its :class:`Details` (one query per ``batch`` rows)."""
    it = iter(rows)
    while chunk := list(islice(it, batch)):
        from ..store.api_queries import representative_reports

        rep = representative_reports(con, [r["id"] for r in chunk])  # cluster -> its earliest report
        ids = list(dict.fromkeys(rep.values()))
        found: dict[str, Details] = {i: Details() for i in ids}
        marks = ", ".join("?" * len(ids))
        for eid, role, name, sector, country, kind, low in con.execute(
                "SELECT event_id, role, coalesce(canonical, text), sector, country, label, low FROM event_arguments "
                f"WHERE event_id IN ({marks}) AND role IN ('actor', 'recipient', 'number') "
                "ORDER BY event_id, role, idx",
                ids).fetchall():
            d = found[eid]
            if role == "number":
                if kind == "dead" and low is not None:
                    d.dead = max(d.dead or 0, int(low))
            else:
                d.parties.append(Party(name, role, sector, country))
        for eid, sentence in con.execute(
                "SELECT e.id, substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) FROM "
                f"event_reports e JOIN articles a ON a.id = e.article_id WHERE e.id IN ({marks})", ids).fetchall():
            found[eid].sentence = " ".join((sentence or "").split())
        for r in chunk:
            yield r, found[rep[r["id"]]]


@cache
def country_names() -> dict[str, str]:
    """ISO3 -> English short name, from the events package's country table."""
    text = resources.files("eventwire").joinpath("data/events/countries.tsv").read_text(encoding="utf-8")
    names = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("iso3\t"):
            continue
        iso3, _, rest = line.partition("\t")
        first = rest.split("|")[0].strip()
        names[iso3.strip()] = " ".join(w.capitalize() if w not in ("of", "and", "the") else w for w in first.split())
    return names
