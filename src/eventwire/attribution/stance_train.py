"""Train the headline stance model on the *train* half of our FNC-1 file (even Body IDs).

``python -m eventwire.attribution.stance_train [DATA_DIR]`` writes
``src/eventwire/data/headline_stance.json``: two logistic regressions over
:func:`eventwire.attribution.stance.features` (related-vs-unrelated, then a 3-class softmax
for agree/disagree/discuss with class weights). ``eventwire eval headlines`` scores only the
odd Body IDs, which this script never sees. Plain numpy, deterministic.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

from .stance import FEATURES, LABELS, features

OUT = Path(__file__).resolve().parent.parent / "data" / "headline_stance.json"


_CACHE: dict[tuple[str, int], list[float]] = {}


def _features(headline: str, body: str) -> list[float]:
    key = (headline, hash(body))
    if key not in _CACHE:
        _CACHE[key] = features(headline, body)
    return _CACHE[key]


def load_pairs(data: Path, part: str) -> list[tuple[str, str, str, int]]:
    """(headline, body, stance, body id) for ``part`` "train" (even Body ID) or "test" (odd)."""
    csv.field_size_limit(10**8)
    with (data / "fnc1-dev-bodies.csv").open(encoding="utf-8", newline="") as fh:
        bodies = {int(r["Body ID"]): r["articleBody"] for r in csv.DictReader(fh)}
    want = 0 if part == "train" else 1
    with (data / "fnc1-dev-stances.csv").open(encoding="utf-8", newline="") as fh:
        return [(r["Headline"], bodies[int(r["Body ID"])], r["Stance"], int(r["Body ID"])) for r in csv.DictReader(fh)
                if int(r["Body ID"]) % 2 == want]


def _fit(x: Any, y: Any, classes: int, weights: Any, steps: int = 3000, lr: float = 0.5, l2: float = 1e-3) -> Any:
    import numpy as np

    w = np.zeros((classes, x.shape[1]))
    onehot = np.eye(classes)[y]
    sw = weights[y][:, None]
    for _ in range(steps):
        z = x @ w.T
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        grad = ((p - onehot) * sw).T @ x / sw.sum() + l2 * w
        w -= lr * grad
    return w


def train(data: Path) -> dict[str, object]:
    """Pick the class-weight exponent on a held-out quarter of the train half, then refit on all of it."""
    from ..eval.headlines import fnc_score
    from .stance import stance

    pairs = load_pairs(data, "train")
    fit_part = [p for p in pairs if p[3] % 4 != 2]
    held = [p for p in pairs if p[3] % 4 == 2]
    gold = [s for _, _, s, _ in held]

    def held_out_score(exponent: float) -> float:
        model = _train(fit_part, exponent)
        return fnc_score(gold, [stance(h, b, model).label for h, b, _, _ in held])

    best = max((0.0, 0.15, 0.3, 0.5), key=held_out_score)
    model = _train(pairs, best)
    model["class_weight_exponent"] = best
    return model


def _train(pairs: list[tuple[str, str, str, int]], exponent: float) -> dict[str, object]:
    import numpy as np

    x = np.array([_features(h, b) for h, b, _, _ in pairs])
    related = np.array([0 if s == "unrelated" else 1 for _, _, s, _ in pairs])
    w_rel = _fit(x, related, 2, np.array([1.0, 1.0]))
    rel_idx = related == 1
    y = np.array([LABELS.index(s) for _, _, s, _ in pairs if s != "unrelated"])
    counts = np.bincount(y, minlength=3)
    cw = (len(y) / (3 * counts)) ** exponent
    w_st = _fit(x[rel_idx], y, 3, cw)
    return {"features": list(FEATURES), "related": (w_rel[1] - w_rel[0]).round(6).tolist(),
            "related_threshold": 0.5, "stance": w_st.round(6).tolist(), "labels": list(LABELS),
            "trained_on": "FNC-1 half in ../shared/data/headlines, even Body IDs only",
            "pairs": len(pairs)}


def main(argv: list[str]) -> None:
    data = Path(argv[0]) if argv else Path(__file__).resolve().parents[4] / "shared" / "data" / "headlines"
    model = train(data)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} from {model['pairs']} training pairs")


if __name__ == "__main__":
    main(sys.argv[1:])
