"""``eventwire eval quotes``: attribution spans against PolNeAR (brat standoff), dev split.

PolNeAR marks each attribution's source, cue and content spans. We run the NLP base layer
and :func:`~eventwire.attribution.quotes.find_quotes` on each article's text and report:

* token-level precision/recall/F1 for content, cue and source (a token counts for a role when
  any span of that role covers it; tokens are ``\\w+`` runs and single punctuation marks);
* attribution-level match: a gold attribution is found when a predicted quote overlaps at least
  half of its content tokens and (when gold has a source) shares a source token;
* direct-quote content F1: content tokens inside quotation marks only.

The default split is ``dev`` (PolNeAR's own guidance: develop on train, report on dev, keep
test unseen). Articles annotated by several annotators use the first annotation file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from ..errors import UsageError

DEFAULT_DATA = "quotes/polnear"
SPLIT = "dev"
_TOKEN = re.compile(r"\w+|[^\w\s]")
ROLES = ("content", "cue", "source")


def _split_dir(data: Path) -> Path:
    return data if (data / "text").is_dir() else data / SPLIT


def read_ann(path: Path) -> list[dict[str, list[tuple[int, int]]]]:
    """Attributions of one brat file: role -> list of (start, end) fragments."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    rels: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, _, ranges = parts[1].partition(" ")
            frags = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
            spans[parts[0]] = (label.lower(), frags)  # type: ignore[assignment]
        elif line.startswith("E") and len(parts) >= 2:
            rels.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    out = []
    for rel in rels:
        att: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
        for role, tid in rel.items():
            role = role.lower().rstrip("0123456789")
            if role in att and tid in spans:
                att[role] += spans[tid][1]
        out.append(att)
    return out


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _TOKEN.finditer(text)]


def _covered(tokens: list[tuple[int, int]], spans: Iterable[tuple[int, int]]) -> set[int]:
    spans = sorted(spans)
    out: set[int] = set()
    for i, (s, e) in enumerate(tokens):
        if any(a < e and s < b for a, b in spans):
            out.add(i)
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def _predicted(text: str) -> list[dict[str, list[tuple[int, int]]]]:
    from ..attribution.quotes import find_quotes
    from ..nlp.base import analyse

    base = analyse(text)
    out = []
    for q in find_quotes(text, base.parsed, base.entities):
        out.append({"content": [(c.start, c.end) for c in q.content],
                    "cue": [(q.cue.start, q.cue.end)] if q.cue else [],
                    "source": [(q.speaker.start, q.speaker.end)] if q.speaker else []})
    return out


def evaluate(data: Path, echo: Callable[[str], None]) -> dict[str, float]:
    from ..attribution.quotemarks import quote_regions
    from ..nlp.base import paragraph_spans

    split = _split_dir(data)
    counts = {r: [0, 0, 0] for r in (*ROLES, "direct")}  # tp, pred, gold
    att_found = att_gold = att_pred_ok = att_pred = 0
    texts = sorted((split / "text").glob("*.txt"))
    if not any((split / "attributions").glob("*.ann")):
        raise UsageError(f"[E450] no PolNeAR-shaped data in {data}: want text/*.txt and attributions/*.ann "
                         f"(in the folder or its {SPLIT}/ split)")
    for path in texts:
        anns = sorted((split / "attributions").glob(path.stem + "_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        gold = read_ann(anns[0])
        pred = _predicted(text)
        toks = _tokens(text)
        quoted = _covered(toks, [(r.start, r.end) for p in paragraph_spans(text)
                                 for r in quote_regions(text, p.start, p.end)])
        for role in ROLES:
            g = _covered(toks, (s for a in gold for s in a[role]))
            p = _covered(toks, (s for a in pred for s in a[role]))
            _add(counts[role], g, p)
            if role == "content":
                _add(counts["direct"], g & quoted, p & quoted)
        gsets = [{r: _covered(toks, a[r]) for r in ROLES} for a in gold]
        psets = [{r: _covered(toks, a[r]) for r in ROLES} for a in pred]
        att_gold += len(gsets)
        att_pred += len(psets)
        att_found += sum(any(_matches(g, p) for p in psets) for g in gsets)
        att_pred_ok += sum(any(_matches(g, p) for g in gsets) for p in psets)
    echo(f"PolNeAR split {split.name}: {len(texts)} articles, {att_gold} gold attributions, {att_pred} predicted")
    result: dict[str, float] = {}
    for role in (*ROLES, "direct"):
        p, r, f = _prf(*counts[role])
        name = "direct_content" if role == "direct" else role
        echo(f"  {name:15s} token P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
        result[f"{name}_f1"] = round(f, 4)
    ap, ar = att_pred_ok / max(att_pred, 1), att_found / max(att_gold, 1)
    af = 2 * ap * ar / (ap + ar) if ap + ar else 0.0
    echo(f"  attribution     P {ap:.3f}  R {ar:.3f}  F1 {af:.3f}  (content overlaps >= half, source shares a token)")
    result["attribution_f1"] = round(af, 4)
    result["split"] = split.name  # type: ignore[assignment]
    return result


def _add(c: list[int], gold: set[int], pred: set[int]) -> None:
    c[0] += len(gold & pred)
    c[1] += len(pred)
    c[2] += len(gold)


def _matches(g: dict[str, set[int]], p: dict[str, set[int]]) -> bool:
    if not g["content"] or len(g["content"] & p["content"]) * 2 < len(g["content"]):
        return False
    return not g["source"] or bool(g["source"] & p["source"])
