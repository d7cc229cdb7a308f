"""``eventwire eval headlines``: FNC-1 stance (unrelated/agree/disagree/discuss) on our half.

Scores only the **odd Body IDs** (the shipped model is trained on the even ones by
:mod:`eventwire.attribution.stance_train`). Reports the FNC-1 weighted score relative to the
maximum (0.25 for a correct unrelated/related call, +0.75 for the right stance of a related
pair), per-class F1, and the confusion table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from ..errors import UsageError

DEFAULT_DATA = "headlines"
CLASSES = ("agree", "disagree", "discuss", "unrelated")


def fnc_score(gold: list[str], pred: list[str]) -> float:
    """FNC-1 weighted score relative to the best possible on ``gold``."""
    score = best = 0.0
    for g, p in zip(gold, pred, strict=True):
        best += 0.25 if g == "unrelated" else 1.0
        if g == p:
            score += 0.25
            if g != "unrelated":
                score += 0.5
        if g != "unrelated" and p != "unrelated":
            score += 0.25
    return score / best if best else 0.0


def evaluate(data: Path, echo: Callable[[str], None]) -> dict[str, float]:
    from ..attribution.stance import load_model, stance
    from ..attribution.stance_train import load_pairs

    missing = [n for n in ("fnc1-dev-bodies.csv", "fnc1-dev-stances.csv") if not (data / n).is_file()]
    if missing:
        raise UsageError(f"[E420] {data} has no {' or '.join(missing)} (FNC-1 bodies and stances CSV files)")
    model = load_model()
    pairs = load_pairs(data, "test")
    gold = [s for _, _, s, _ in pairs]
    pred = [stance(h, b, model).label for h, b, _, _ in pairs]
    echo(f"FNC-1 half: scored split = odd Body IDs ({len(pairs)} pairs); model "
         f"{'trained on even Body IDs' if model else 'absent: fixed rules'}")
    confusion = Counter(zip(gold, pred, strict=True))
    echo("gold \\ pred  " + "  ".join(f"{c:>9s}" for c in CLASSES))
    for g in CLASSES:
        echo(f"{g:>11s}  " + "  ".join(f"{confusion[(g, p)]:9d}" for p in CLASSES))
    result: dict[str, float] = {"fnc_relative": round(fnc_score(gold, pred), 4)}
    f1s = []
    for c in CLASSES:
        tp = confusion[(c, c)]
        npred = sum(v for (_, p), v in confusion.items() if p == c)
        ngold = sum(v for (g, _), v in confusion.items() if g == c)
        prec, rec = tp / npred if npred else 0.0, tp / ngold if ngold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        f1s.append(f1)
        result[f"f1_{c}"] = round(f1, 4)
    result["macro_f1"] = round(sum(f1s) / len(f1s), 4)
    result["split"] = "odd-body-ids"  # type: ignore[assignment]
    echo("anchors: FNC-1 baseline 0.752, winner ~0.82 (on the full test set)")
    return result
