"""Many raw documents through the stages at once, so spaCy sees big batches across articles.

The stages before ``nlp`` run per article; then the triaged base layer of every English article
in the batch is computed in one go (:func:`~eventwire.scale.layer.analyse_many`) and handed to
the ``nlp`` stage, which uses a base already present; the stages after it run per article.
Results are the same as :func:`~eventwire.pipeline.run_raw` one by one: a failure in one
article becomes its Rejection and never touches the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from ..errors import EventwireError, ExtractionError
from ..model import RawDocument, Rejection
from ..pipeline import DEFAULT_STAGES, Stage, Work, new_article, raw_sha256, run_stages

Result = Work | Rejection


def run_batch(raws: Sequence[RawDocument], stages: tuple[Stage, ...] = DEFAULT_STAGES) -> list[Result]:
    """Every raw document's Work (or Rejection), in input order."""
    names = [s.name for s in stages]
    cut = names.index("nlp") if "nlp" in names else len(stages)
    before, after = stages[:cut], stages[cut:]
    results: list[Result] = [_guard(raw, lambda r=raw: _start(r, before)) for raw in raws]
    _analyse(results)
    return [res if isinstance(res, Rejection) else _guard(raws[i], lambda w=res: run_stages(w, after))
            for i, res in enumerate(results)]


def _start(raw: RawDocument, stages: tuple[Stage, ...]) -> Work:
    from ..extract.core import extract

    try:
        found = extract(raw)
    except ExtractionError as exc:
        exc.stage = "extract"
        raise
    return run_stages(Work(new_article(found, raw), raw), stages)


def _analyse(results: list[Result]) -> None:
    """Pre-compute the base layer of every English article (one spaCy batch)."""
    from ..scale.layer import analyse_many

    todo = [r for r in results if isinstance(r, Work) and r.article.is_english and r.base is None]
    if not todo:
        return
    try:
        bases = analyse_many([(w.article.text, w.article.title) for w in todo])
    except EventwireError:
        return  # the nlp stage then runs per article and names the one that fails
    for work, base in zip(todo, bases, strict=True):
        work.base = base


def _guard(raw: RawDocument, step: object) -> Result:
    """Run ``step``; an eventwire error or a bug becomes this document's Rejection."""
    try:
        return step()  # type: ignore[operator]
    except EventwireError as exc:
        return Rejection(raw.source, exc.stage, str(exc), raw_sha256(raw.content), _now())
    except Exception as exc:  # a bug in one stage must not end the batch
        from ..ingest.runner import _internal_error

        return _internal_error(raw, exc)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
