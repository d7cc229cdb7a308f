"""The ingest run: inputs -> raw documents -> pipeline -> store, with a count of every outcome.

Idempotent: an input whose exact bytes already became an article is counted as already known
and not processed again; a rejected input is retried (and its reject row updated, not
duplicated). One bad document never stops the batch.
"""

from __future__ import annotations

import logging
import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from ..config import Settings
from ..errors import StoreError
from ..model import RawDocument, Rejection, Skipped
from .sources import AlreadyStored, iter_raw

log = logging.getLogger(__name__)

INGESTED, KNOWN, SKIPPED, REJECTED = "ingested", "already known", "skipped", "rejected"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input part, as reported to a progress callback."""

    source: str
    status: str  # INGESTED | KNOWN | SKIPPED | REJECTED
    article_id: str | None = None
    stage: str | None = None
    reason: str | None = None

    def line(self) -> str:
        """One human line: ``rejected page.bin [input]: binary content, not text or HTML``."""
        if self.status == REJECTED:
            return f"rejected {self.source} [{self.stage}]: {self.reason}"
        if self.status == SKIPPED:
            return f"skipped {self.source}: {self.reason}"
        return f"{self.status} {self.source}" + (f" -> {self.article_id}" if self.article_id else "")


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """Counts of one run; :meth:`line` is the one-line summary every run ends with."""

    ingested: int = 0
    known: int = 0
    skipped: int = 0
    rejected_by_stage: tuple[tuple[str, int], ...] = ()
    article_ids: tuple[str, ...] = field(default=(), repr=False)

    @property
    def rejected(self) -> int:
        return sum(n for _, n in self.rejected_by_stage)

    @property
    def ok(self) -> bool:
        """Something was ingested or already known (the CLI's exit code 0)."""
        return self.ingested + self.known > 0

    def line(self) -> str:
        stages = ", ".join(f"{stage} {n}" for stage, n in self.rejected_by_stage)
        return (f"ingested {self.ingested}, already known {self.known}, skipped {self.skipped}, "
                f"rejected {self.rejected}" + (f" ({stages})" if stages else ""))

    def as_dict(self) -> dict[str, Any]:
        return {"ingested": self.ingested, "already_known": self.known, "skipped": self.skipped,
                "rejected": self.rejected, "rejected_by_stage": dict(self.rejected_by_stage)}


Progress = Callable[[Outcome], None]


def ingest(store: Any, inputs: Sequence[str], settings: Settings, progress: Progress | None = None,
           stdin: BinaryIO | None = None, transport: Any = None) -> IngestSummary:
    """Ingest every input into ``store`` (a :class:`~eventwire.store.Store`); never raises per input.

    An article that cannot be written becomes a reject; only a store that cannot even record
    rejects stops the run (:class:`StoreError`).
    """
    counts: Counter[str] = Counter()
    stages: Counter[str] = Counter()
    ids: list[str] = []
    for item in iter_raw(inputs, settings, stdin=stdin, transport=transport, known_url=_url_lookup(store)):
        outcome = _handle(store, item)
        counts[outcome.status] += 1
        if outcome.status == REJECTED:
            stages[outcome.stage or "input"] += 1
        elif outcome.article_id:
            ids.append(outcome.article_id)
        if progress is not None:
            progress(outcome)
    if ids:
        cluster_batch(store, ids)
    return IngestSummary(counts[INGESTED], counts[KNOWN], counts[SKIPPED],
                         tuple(sorted(stages.items(), key=lambda kv: (-kv[1], kv[0]))), tuple(ids))


def _url_lookup(store: Any) -> Callable[[str], bool] | None:
    """Whether an article with this address is stored (None for stores that cannot say)."""
    con = getattr(store, "con", None)
    if con is None:
        return None

    def known(url: str) -> bool:
        sql = "SELECT 1 FROM articles WHERE url = ? OR canonical_url = ? LIMIT 1"
        return con.execute(sql, [url, url]).fetchone() is not None

    return known


def cluster_batch(store: Any, article_ids: Sequence[str]) -> None:
    """Fold a batch's articles into events (only the blocks they touch); a failure is a reject.

    Every way of ingesting (serial, ``--workers``, Ray shards) ends with this, so events are
    current when the command returns."""
    from ..store.clusters import recluster

    try:
        recluster(store, list(article_ids))
    except StoreError as exc:
        store.reject(Rejection("<clustering>", "cluster", str(exc)))


def _handle(store: Any, item: RawDocument | Rejection | Skipped) -> Outcome:
    if isinstance(item, AlreadyStored):
        return Outcome(item.source, KNOWN, reason=item.reason)
    if isinstance(item, Skipped):
        return Outcome(item.source, SKIPPED, reason=item.reason)
    if isinstance(item, Rejection):
        store.reject(item)
        return Outcome(item.source, REJECTED, stage=item.stage, reason=item.reason)
    return _process(store, item)


def _process(store: Any, raw: RawDocument) -> Outcome:
    from ..pipeline import raw_sha256, run_raw

    known = store.article_for_raw(raw_sha256(raw.content))
    if known is not None:
        return Outcome(raw.source, KNOWN, article_id=known)
    try:
        result = run_raw(raw)
    except Exception as exc:  # a bug in one stage must not end the batch: record it, go on
        result = _internal_error(raw, exc)
    if isinstance(result, Rejection):
        store.reject(result, raw)
        return Outcome(raw.source, REJECTED, stage=result.stage, reason=result.reason)
    try:
        new = store.save(result)
    except StoreError as exc:  # one article's layers failed to write: record it, go on
        rejection = Rejection(raw.source, exc.stage, str(exc), result.article.raw_sha256)
        store.reject(rejection, raw)
        return Outcome(raw.source, REJECTED, stage=exc.stage, reason=str(exc))
    return Outcome(raw.source, INGESTED if new else KNOWN, article_id=result.article.id)


def _internal_error(raw: RawDocument, exc: Exception) -> Rejection:
    """A non-eventwire exception from a stage, as a reject naming the package part it came from."""
    from ..pipeline import raw_sha256

    log.debug("internal error on %s", raw.source, exc_info=exc)  # the reject line says where; `ingest -v` shows it
    frames = traceback.extract_tb(exc.__traceback__)
    module = next((f.filename for f in reversed(frames) if "/eventwire/" in f.filename), "")
    part = module.rsplit("/eventwire/", 1)[-1].removesuffix(".py").replace("/", ".") if module else "pipeline"
    stage = part.split(".")[0] if "." in part else part
    return Rejection(raw.source, stage, f"[E599] internal error in eventwire.{part}: {type(exc).__name__}: {exc}",
                     raw_sha256(raw.content))
