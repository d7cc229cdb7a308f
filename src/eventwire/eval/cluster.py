"""``eventwire eval cluster``: event clustering on a hand-built gold set of real-style reports.

The gold folder holds ``gold.jsonl`` (articles as JSON Lines: syndicated copies, a repost with
"Source: X", independent reports of one event, and similar but distinct events: same day in
different towns, same town on different days) and ``gold.json`` (items: article URL + a word
of the trigger -> gold event; expected independent origins per event). Every article goes
through the whole pipeline into a temporary store, clustered incrementally after each one.
Scores: pairwise precision/recall/F1 over gold items, B-cubed precision/recall/F1, and how
many gold events get exactly their expected number of independent origins.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

from ..errors import UsageError
from ..model import RawDocument

# The gold is ours (no public gold exists): it lives with the tests; an absolute path wins over ../shared/data.
DEFAULT_DATA = str(Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "cluster")


def evaluate(data: Path, echo: Callable[[str], None]) -> dict[str, float]:
    folder = data if data.is_dir() else data.parent
    if not (folder / "gold.json").is_file():
        raise UsageError(f"[E430] {folder} has no gold.json (see eventwire/eval/cluster.py for the format)")
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    records = [json.loads(line) for line in (folder / gold["articles"]).read_text(encoding="utf-8").splitlines()
               if line.strip()]
    predicted, origins = _run(records, gold["items"], echo)
    truth = [item["event"] for item in gold["items"]]
    scores = pairwise(truth, predicted) | bcubed(truth, predicted)
    right = _origin_counts(truth, predicted, origins, gold.get("origins", {}), echo)
    scores["origins_exact"] = right
    echo(f"{len(records)} articles, {len(truth)} gold reports in {len(set(truth))} events; "
         f"predicted {len(set(predicted))} clusters")
    return scores


def _run(records: list[dict[str, str]], items: list[dict[str, str]],
         echo: Callable[[str], None]) -> tuple[list[str], dict[str, int]]:
    from ..pipeline import run_raw
    from ..store import Store
    from ..store.clusters import recluster

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "gold.duckdb") as store:
        for rec in records:
            raw = RawDocument(rec["url"], "record", rec["text"].encode(), url=rec.get("url"), title=rec.get("title"),
                              published=rec.get("published"), text=rec["text"], outlet=rec.get("outlet"))
            work = run_raw(raw)
            if not hasattr(work, "article"):
                raise UsageError(f"[E404] gold article {rec['url']} was rejected: {work.reason}")
            store.save(work)
            recluster(store, [work.article.id])
        rows = store.con.execute(
            """SELECT a.url, lower(r.trigger_text), m.event_id, e.n_origins FROM event_reports r
               JOIN articles a ON a.id = r.article_id JOIN event_members m ON m.report_id = r.id
               JOIN events e ON e.id = m.event_id ORDER BY a.url, r.idx""").fetchall()
    predicted, origins = [], {}
    for k, item in enumerate(items):
        hit = next((r for r in rows if r[0].endswith(item["url"]) and item["trigger"] in r[1]), None)
        if hit is None:
            echo(f"missing: no report with trigger {item['trigger']!r} in {item['url']} (counts as its own event)")
            predicted.append(f"missing-{k}")
            continue
        predicted.append(hit[2])
        origins[hit[2]] = hit[3]
    return predicted, origins


def pairwise(truth: list[str], predicted: list[str]) -> dict[str, float]:
    """Precision/recall/F1 over all pairs of items: same event in gold vs same cluster predicted."""
    tp = fp = fn = 0
    for i, j in combinations(range(len(truth)), 2):
        same_gold, same_pred = truth[i] == truth[j], predicted[i] == predicted[j]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"pair_precision": p, "pair_recall": r, "pair_f1": 2 * p * r / (p + r) if p + r else 0.0}


def bcubed(truth: list[str], predicted: list[str]) -> dict[str, float]:
    """B-cubed: per item, the share of its predicted cluster that is its gold event, and vice versa."""
    n = len(truth)
    joint = Counter(zip(truth, predicted, strict=True))
    gold_size, pred_size = Counter(truth), Counter(predicted)
    p = sum(joint[(t, c)] / pred_size[c] for t, c in zip(truth, predicted, strict=True)) / n
    r = sum(joint[(t, c)] / gold_size[t] for t, c in zip(truth, predicted, strict=True)) / n
    return {"bcubed_precision": p, "bcubed_recall": r, "bcubed_f1": 2 * p * r / (p + r) if p + r else 0.0}


def _origin_counts(truth: list[str], predicted: list[str], found: dict[str, int],
                   expected: dict[str, list[str]], echo: Callable[[str], None]) -> float:
    """Share of gold events whose main predicted cluster counts exactly the expected origins."""
    if not expected:
        return 0.0
    right = 0
    for event, names in sorted(expected.items()):
        clusters = Counter(c for t, c in zip(truth, predicted, strict=True) if t == event)
        main = clusters.most_common(1)[0][0] if clusters else None
        got = found.get(main or "", 0)
        right += got == len(names)
        if got != len(names):
            echo(f"origins: {event} expected {len(names)} ({', '.join(names)}), got {got}")
    return right / len(expected)
