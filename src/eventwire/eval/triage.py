"""Triage suite: how many event-bearing sentences the parser triage keeps (target >= 0.98).

On the shared ``events`` folder: every PLOVER gold record is one event sentence and every CASE
2021 task 2 snippet reports an event, so a record counts as kept when triage sends at least one
of its sentences to the parser. A third number checks the whole chain: the sentences where
the event coder finds an event with the *full* parse, and how many of those triage keeps
(``coder_kept``), plus the share of those event reports the triaged pipeline reproduces exactly
(``events_same``: type, trigger, actors, recipients). ``parsed`` is the share of words parsed.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from ..errors import UsageError

DEFAULT_DATA = "events"


def evaluate(data: Path, echo: Callable[[str], None]) -> dict[str, float]:
    plover, case = _locate(data)
    if not plover and not case:
        raise UsageError(f"[E461] {data}: neither PLOVER gold records (JSON) nor a CASE task 2 .tsv found")
    numbers: dict[str, float] = {}
    texts: list[str] = []
    for name, records in (("plover", plover), ("case", case)):
        if records:
            kept, total, parsed = _kept(records)
            echo(f"{name}: {total} gold event records, {kept} kept by triage ({kept / total:.3f}); "
                 f"{parsed:.3f} of their words parsed")
            numbers[f"{name}_kept"] = kept / total
            texts += records
    numbers["kept"] = sum(numbers[k] * n for k, n in (("plover_kept", len(plover)), ("case_kept", len(case)))
                          if k in numbers) / len(texts)
    numbers["lost"] = 1 - numbers["kept"]
    numbers.update(_coder_check(texts, echo))
    return numbers


def _locate(data: Path) -> tuple[list[str], list[str]]:
    files = sorted(p for p in data.rglob("*") if p.is_file()) if data.is_dir() else [data]
    plover: list[str] = []
    case: list[str] = []
    for f in files:
        head = f.read_text(encoding="utf-8", errors="replace")[:4000] if f.suffix in {".txt", ".json", ".tsv"} else ""
        if not plover and head.lstrip().startswith("[") and '"eventText"' in head:
            plover = [r["text"] for r in json.loads(f.read_text(encoding="utf-8"))
                      if r.get("event") != "DOCUMENT" and r.get("text")]
        elif not case and head and "EventSnippet" in head.splitlines()[0]:
            with f.open(encoding="utf-8", newline="") as fh:
                case = [r["EventSnippet"] for r in csv.DictReader(fh, delimiter="\t") if r.get("EventSnippet")]
    return plover, case


def _kept(texts: Sequence[str]) -> tuple[int, int, float]:
    from ..scale.layer import triage_verdicts

    verdicts = triage_verdicts(texts)
    kept = sum(any(v.keep for _, v in sents) for sents in verdicts)
    words = [(len(t[s.start:s.end].split()), v.keep) for t, sents in zip(texts, verdicts, strict=True)
             for s, v in sents]
    total_words = sum(n for n, _ in words) or 1
    return kept, len(texts), sum(n for n, k in words if k) / total_words


def _coder_check(texts: Sequence[str], echo: Callable[[str], None]) -> dict[str, float]:
    """Event sentences found with the full parse: kept by triage, and their reports reproduced."""
    from ..events import code_article
    from ..model import Article
    from ..nlp.base import analyse
    from ..scale.layer import analyse_many

    triaged = analyse_many([(t, None) for t in texts])
    sentences = hits = same = reports = 0
    for text, tri in zip(texts, triaged, strict=True):
        full = analyse(text)
        want = {_key(r) for r in code_article(_article(Article, text, full), full)}
        got = {_key(r) for r in code_article(_article(Article, text, tri), tri)}
        kept = [(s.start, s.end) for s in tri.sentences if s.method != "scale.triage.v1"]
        for start in {k[1] for k in want}:
            sentences += 1
            hits += any(a <= start < b for a, b in kept)
        reports += len(want)
        same += len(want & got)
    echo(f"coder: {sentences} sentences with events under the full parse, {hits} kept by triage; "
         f"{same} of {reports} event reports reproduced exactly under triage")
    return {"coder_kept": hits / sentences if sentences else 1.0, "events_same": same / reports if reports else 1.0}


def _article(cls: type, text: str, base: object) -> object:
    return cls(id="eval", text=text, language="en", paragraphs=base.paragraphs, sentences=base.sentences,  # type: ignore[attr-defined]
               tokens=base.tokens, entities=base.entities)  # type: ignore[attr-defined]


def _key(report: object) -> tuple[object, ...]:
    r = report
    return (r.plover_type, r.trigger.start, tuple(a.text for a in r.actors),  # type: ignore[attr-defined]
            tuple(a.text for a in r.recipients))  # type: ignore[attr-defined]
