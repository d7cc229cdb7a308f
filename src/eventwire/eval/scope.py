"""Scope suite: how precise is the politics-and-conflict gate (``events.scope.v1``)?

Data: JSON Lines of hand-labelled event reports (default ``tests/fixtures/scope/naeb-reports.jsonl``
in this repository: 200 reports the coder produced on the NAEB pages before the gate, labelled
by reading; see the README beside it). Each row has ``sentence``, ``context`` (the sentence
before it), ``trigger`` and ``political`` (true/false).

What runs: for each row the real pipeline up to attribution on ``context + " " + sentence``
(language, cited outlets, spaCy NLP, attribution), then the real coder (``events.code_article``);
the report whose trigger is the row's trigger inside the row's sentence is judged by
``events.scope.scope_verdict``. A row whose trigger the coder no longer finds there is counted
as ``skipped``, not scored.

Metrics, with "in scope" as the positive class and ``political`` as the truth:
``scope_precision`` (kept reports that are political), ``scope_recall`` (political reports that
are kept), ``scope_f1``, ``kept_share`` (share of scored reports kept), ``n`` (scored rows).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError

# Not under ../shared/data: the labelled set ships with the repository's test fixtures.
DEFAULT_DATA = str(Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "scope" / "naeb-reports.jsonl")
SHOWN = 10


@dataclass(frozen=True, slots=True)
class Judged:
    row: dict
    in_scope: bool
    reason: str
    plover_type: str  # as the coder finds it now


def evaluate(data: Path, echo: Callable[[str], None]) -> dict[str, float]:
    rows = list(_rows(data))
    if not rows:
        raise UsageError(f"[E471] {data}: no labelled rows (JSON Lines with sentence, trigger, political)")
    judged: list[Judged] = []
    skipped: list[dict] = []
    for row in rows:
        verdict = judge(row)
        if verdict is None:
            skipped.append(row)
        else:
            judged.append(Judged(row, *verdict))
    tp = sum(j.in_scope and j.row["political"] for j in judged)
    fp = sum(j.in_scope and not j.row["political"] for j in judged)
    fn = sum(not j.in_scope and j.row["political"] for j in judged)
    tn = len(judged) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    echo(f"{len(rows)} labelled reports: {len(judged)} scored, {len(skipped)} skipped "
         f"(the coder no longer finds their trigger in their sentence)")
    echo(f"confusion (gate vs label): kept+political={tp} kept+not={fp} set-aside+political={fn} "
         f"set-aside+not={tn}")
    echo(f"in scope: precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}; "
         f"kept {tp + fp} of {len(judged)}")
    for stratum in sorted({j.row["article_stratum"] for j in judged if j.row.get("article_stratum")}):
        part = [j for j in judged if j.row.get("article_stratum") == stratum]
        kept = [j for j in part if j.in_scope]
        echo(f"  articles judged {stratum}: {len(part)} reports, {sum(j.row['political'] for j in part)} "
             f"political, {len(kept)} kept, of which {sum(j.row['political'] for j in kept)} political")
    for title, wrong in (("kept but not political (false positives)",
                          [j for j in judged if j.in_scope and not j.row["political"]]),
                         ("set aside but political (false negatives)",
                          [j for j in judged if not j.in_scope and j.row["political"]])):
        echo(f"{title}: {len(wrong)}{f', first {SHOWN}' if len(wrong) > SHOWN else ''}")
        for j in wrong[:SHOWN]:
            echo(f"  [{j.row.get('article', '?')[:8]}] {j.row['trigger']!r} ({j.plover_type}): "
                 f"{_short(j.row['sentence'])}")
            echo(f"      gate: {j.reason} | label: {j.row.get('why', '')}")
    for row in skipped[:SHOWN]:
        echo(f"  skipped [{row.get('article', '?')[:8]}] {row['trigger']!r}: {_short(row['sentence'])}")
    return {"scope_precision": precision, "scope_recall": recall, "scope_f1": f1,
            "kept_share": (tp + fp) / len(judged) if judged else 0.0, "n": len(judged), "skipped": len(skipped)}


def judge(row: dict) -> tuple[bool, str, str] | None:
    """The gate's verdict on the row's report, re-coded from its text: (in scope, reason, PLOVER
    type); None when the coder no longer finds the row's trigger in the row's sentence."""
    from ..events import code_article
    from ..events.scope import scope_verdict
    from ..model import RawDocument
    from ..pipeline import DEFAULT_STAGES, run_raw

    context, sentence = (row.get("context") or "").strip(), row["sentence"].strip()
    text = f"{context} {sentence}" if context else sentence
    stages = tuple(s for s in DEFAULT_STAGES if s.name not in {"events", "places"})
    work = run_raw(RawDocument(source="eval-scope", kind="text", content=text.encode("utf-8")), stages)
    base = getattr(work, "base", None)
    if base is None:  # a Rejection, or no parse (language not English)
        return None
    article = work.article  # type: ignore[union-attr]
    at = article.text.rfind(sentence)
    start, end = (at, at + len(sentence)) if at >= 0 else (len(article.text) - len(sentence), len(article.text))
    for report in code_article(article, base):
        t = report.trigger
        if start <= t.start and t.end <= end and article.text[t.start:t.end] == row["trigger"]:
            verdict = scope_verdict(report, article)
            return verdict.in_scope, verdict.reason, report.plover_type
    return None


def _rows(data: Path) -> Iterator[dict]:
    files = sorted(data.rglob("*.jsonl")) if data.is_dir() else [data]
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"[E472] {f}:{n}: not JSON ({exc})") from exc
            if not isinstance(row.get("political"), bool) or not row.get("sentence") or not row.get("trigger"):
                raise UsageError(f"[E472] {f}:{n}: needs sentence, trigger and a true/false political label")
            yield row


def _short(text: str, width: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
