"""Is a headline unrelated to its body, or contradicted by it? (FNC-1 style stance.)

Features are plain lexical signals: how many headline words the body (and its opening)
repeats, shared bigrams, and refuting / hedging / confirming / negating / reporting words in
body sentences that share headline words (one weight per word of a fixed stance lexicon, never
topic words), in the three sentences closest to the headline, and whether their negation
disagrees with the headline's. With a shipped model (``data/headline_stance.json``, trained by
:mod:`eventwire.attribution.stance_train` on one split of the FNC-1 half) the features are
scored by two logistic regressions (related?, then agree/disagree/discuss); without it, by
fixed thresholds.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

METHOD_MODEL = "attribution.stance.logreg.v1"
METHOD_RULES = "attribution.stance.rules.v1"
LABELS = ("agree", "disagree", "discuss")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_SENT = re.compile(r"(?<=[.!?])\s+")
STOP = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being it its this that
these those he she they we you i his her their our your my me him them us not no so than then there here
has have had do does did will would can could should may might must about after before over into out up
down just also more most very new says said say report reports reported says according
""".split())
REFUTE = frozenset("""fake fraud hoax false deny denies denied denying not despite nope doubt doubts bogus debunk
debunks debunked refute refutes refuted retract retracted untrue misleading rumor rumour rumors myth
fabricated fabrication baseless unfounded satire satirical parody prank pranks dismissed dismisses
rejected rejects contrary incorrect wrong erroneous phony photoshopped doctored
""".split())
# Negation and its denial phrasing ("there is no evidence", "never happened").
NEGATION = frozenset("not no never none nothing n't nor neither without isn't wasn't didn't doesn't".split())
# Reporting words: bodies that *discuss* a claim attribute it ("said", "according to").
REPORTING = frozenset("""said says say told according reported reports claims claimed claim alleged
allegedly reportedly purportedly stated statement source sources""".split())
HEDGE = frozenset("""reportedly allegedly apparently claim claims claimed purportedly rumored rumoured unconfirmed
unverified may might could possibly appears seems suggest suggests believed according sources""".split())
CONFIRM = frozenset("confirmed confirms confirm officially announced revealed shows showed proves proved".split())


STANCE_WORDS = REFUTE | HEDGE | CONFIRM | NEGATION | REPORTING


def words(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text.lower())]


def _stem(w: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def content(ws: list[str]) -> list[str]:
    return [w for w in ws if w not in STOP and len(w) > 2]


FEATURES = ("bias", "overlap", "overlap_lede", "jaccard", "bigrams", "refute_near", "hedge_near",
            "confirm_near", "refute_body", "hedge_body", "refute_head", "hedge_head", "question_head",
            "log_body", "near_sents", "max_sent_overlap", "first_sent_overlap", "neg_near", "neg_head",
            "refute_lede", "report_body", "report_near", "question_body", "refute_near_any", "neg_lede",
            "best_refute", "best_neg", "best_hedge", "polarity_flip", "best_report",
            *(f"near:{w}" for w in sorted(STANCE_WORDS)))


def features(headline: str, body: str) -> list[float]:
    """The feature vector (order :data:`FEATURES`)."""
    hw = content(words(headline))
    hs = set(hw)
    bw = words(body)
    bs = set(content(bw))
    lede = set(content(words(body[:600])))
    overlap = len(hs & bs) / max(len(hs), 1)
    overlap_lede = len(hs & lede) / max(len(hs), 1)
    jaccard = len(hs & bs) / max(len(hs | bs), 1)
    hb = set(pairwise(hw))
    bc = content(bw)
    bb = set(pairwise(bc))
    bigrams = len(hb & bb) / max(len(hb), 1)
    sents = [set(content(words(s))) for s in _SENT.split(body)[:60]]
    per_sent = [len(hs & s) / max(len(hs), 1) for s in sents] or [0.0]
    near = [s for s in _SENT.split(body) if len(hs & set(content(words(s)))) >= 2]
    near_words = [w for s in near for w in _WORD.findall(s.lower())]
    raw_body = _WORD.findall(body.lower())
    raw_head = _WORD.findall(headline.lower())
    n = max(len(near_words), 1)
    lede_raw = _WORD.findall(body[:400].lower())
    near_counts = Counter(w for w in near_words if w in STANCE_WORDS)
    return [
        1.0, overlap, overlap_lede, jaccard, bigrams,
        10 * sum(w in REFUTE for w in near_words) / n, 10 * sum(w in HEDGE for w in near_words) / n,
        10 * sum(w in CONFIRM for w in near_words) / n,
        100 * sum(w in REFUTE for w in raw_body) / max(len(raw_body), 1),
        100 * sum(w in HEDGE for w in raw_body) / max(len(raw_body), 1),
        float(any(w in REFUTE for w in raw_head)), float(any(w in HEDGE for w in raw_head)),
        float(headline.strip().endswith("?")), math.log1p(len(raw_body)) / 8, min(len(near), 10) / 10,
        max(per_sent), per_sent[0],
        10 * sum(w in NEGATION for w in near_words) / n, float(any(w in NEGATION for w in raw_head)),
        float(any(w in REFUTE for w in lede_raw)), 100 * sum(w in REPORTING for w in raw_body) / max(len(raw_body), 1),
        10 * sum(w in REPORTING for w in near_words) / n, min(body.count("?"), 5) / 5,
        sum(any(w in REFUTE for w in _WORD.findall(s.lower())) for s in near) / max(len(near), 1),
        float(any(w in NEGATION for w in lede_raw)),
        *_best_sentence_cues(headline, body, hs, raw_head),
        *(min(near_counts.get(w, 0), 3) / 3 for w in sorted(STANCE_WORDS)),
    ]


def _best_sentence_cues(headline: str, body: str, hs: set[str], raw_head: list[str]) -> list[float]:
    """Refutation, negation, hedging and reporting in the three body sentences closest to the
    headline, and whether their negation disagrees with the headline's ("X is dead" vs "X is not")."""
    scored = sorted(((len(hs & set(content(words(s)))), s) for s in _SENT.split(body)[:80]), key=lambda x: -x[0])
    best = [w for _, s in scored[:3] for w in _WORD.findall(s.lower())]
    neg_best = any(w in NEGATION for w in best)
    return [float(any(w in REFUTE for w in best)), float(neg_best), float(any(w in HEDGE for w in best)),
            float(neg_best != any(w in NEGATION for w in raw_head)), float(any(w in REPORTING for w in best))]


@dataclass(frozen=True, slots=True)
class Stance:
    label: str  # "unrelated" | "agree" | "disagree" | "discuss"
    score: float
    method: str
    reason: str


@lru_cache(maxsize=1)
def load_model() -> dict[str, object] | None:
    """The shipped weights, or ``None`` when the package has none."""
    path = Path(__file__).resolve().parent.parent / "data" / "headline_stance.json"
    try:
        raw = path.read_text("utf-8")
    except OSError:
        return None
    return json.loads(raw)


def _dot(w: list[float], x: list[float]) -> float:
    return sum(a * b for a, b in zip(w, x, strict=True))


def _softmax(z: list[float]) -> list[float]:
    m = max(z)
    e = [math.exp(v - m) for v in z]
    return [v / sum(e) for v in e]


def stance(headline: str, body: str, model: dict[str, object] | None = None) -> Stance:
    """The headline's stance towards the body."""
    x = features(headline, body)
    model = model if model is not None else load_model()
    if model:
        p_related = 1 / (1 + math.exp(-_dot(model["related"], x)))  # type: ignore[arg-type]
        if p_related < model.get("related_threshold", 0.5):  # type: ignore[operator]
            return Stance("unrelated", 1 - p_related, METHOD_MODEL, f"P(related)={p_related:.2f}")
        probs = _softmax([_dot(w, x) for w in model["stance"]])  # type: ignore[union-attr]
        k = max(range(3), key=probs.__getitem__)
        return Stance(LABELS[k], probs[k], METHOD_MODEL, f"P({LABELS[k]})={probs[k]:.2f}; P(related)={p_related:.2f}")
    overlap = x[FEATURES.index("overlap")]
    if overlap < 0.2:
        return Stance("unrelated", 1 - overlap, METHOD_RULES, f"only {overlap:.0%} of headline words in the body")
    if x[FEATURES.index("refute_near")] > 0.3:
        return Stance("disagree", 0.5, METHOD_RULES, "refuting words next to the headline's words")
    if x[FEATURES.index("hedge_near")] > 0.3:
        return Stance("discuss", 0.5, METHOD_RULES, "hedging words next to the headline's words")
    return Stance("agree", 0.5, METHOD_RULES, f"{overlap:.0%} of headline words in the body")
