"""``eventwire ingest --workers N``: read, analyse on N processes, write from one process.

The shape is reader -> workers -> writer with bounded queues, so memory stays flat however large
the input (a WARC is streamed record by record; at most ``2 x workers`` batches are in flight):

* the **reader** (this process) streams raw documents from every input and skips those whose
  exact bytes are already stored;
* **workers** (spawned processes, models loaded once each) run :func:`~eventwire.scale.batch.run_batch`
  on batches of documents and send back finished articles (no spaCy objects, no raw bytes);
* the **writer** (this process again: DuckDB has one writer per file) saves each article in
  its own transaction, in input order.

With one worker everything runs in this process (no copies between processes).
"""

from __future__ import annotations

import logging
import os
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from ..config import Settings
from ..errors import StoreError
from ..ingest.runner import (
    INGESTED,
    KNOWN,
    REJECTED,
    SKIPPED,
    IngestSummary,
    Outcome,
    Progress,
    _url_lookup,
    cluster_batch,
)
from ..ingest.sources import AlreadyStored, iter_raw
from ..model import RawDocument, Rejection, Skipped
from ..pipeline import Work, raw_sha256

log = logging.getLogger(__name__)

BATCH_SIZE = 8  # articles per task: big enough for spaCy batching, small enough to keep order cheap
MAX_QUEUED = 10_000  # skips/rejects waiting behind a batch (a WARC of mostly non-HTML records)


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass
class _Batch:
    raws: list[RawDocument] = field(default_factory=list)
    future: Future[list[Any]] | None = None
    results: list[Any] | None = None


def ingest_parallel(store: Any, inputs: list[str] | tuple[str, ...], settings: Settings, *,
                    workers: int | None = None, progress: Progress | None = None,
                    stdin: BinaryIO | None = None, transport: Any = None,
                    batch_size: int = BATCH_SIZE) -> IngestSummary:
    """Like :func:`eventwire.ingest.ingest`, on ``workers`` processes (default: all cores)."""
    n = workers or default_workers()
    items = iter_raw(list(inputs), settings, stdin=stdin, transport=transport, known_url=_url_lookup(store))
    writer = _Writer(store, progress)
    if n <= 1:
        _run_inline(items, writer, batch_size)
    else:
        _run_pool(items, writer, n, batch_size)
    if writer.ids:
        cluster_batch(store, writer.ids)
    return writer.summary()


def _run_inline(items: Iterator[Any], writer: _Writer, batch_size: int) -> None:
    from .batch import run_batch

    batch: list[RawDocument] = []
    for item in items:
        kind = writer.classify(item)
        if kind == "item":
            writer.item(item)
        elif kind == "doc":
            batch.append(item)
            if len(batch) >= batch_size:
                writer.write_batch(batch, run_batch(batch))
                batch = []
    if batch:
        writer.write_batch(batch, run_batch(batch))


def _run_pool(items: Iterator[Any], writer: _Writer, n: int, batch_size: int) -> None:
    import multiprocessing

    queue: deque[_Batch | Any] = deque()  # batches and reader items, in input order
    in_flight = 0
    current = _Batch()
    ctx = multiprocessing.get_context("spawn")  # no fork of a process holding a DuckDB connection
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init_worker) as pool:
        try:
            for item in items:
                kind = writer.classify(item)
                if kind != "doc":
                    if kind == "item":
                        queue.append(item)
                    continue
                if not current.raws:
                    queue.append(current)
                current.raws.append(item)
                if len(current.raws) >= batch_size:
                    current.future = pool.submit(_analyse_batch, current.raws)
                    in_flight += 1
                    current = _Batch()
                while in_flight >= 2 * n or len(queue) > MAX_QUEUED:  # bounded: the reader waits for the writer
                    if queue and queue[0] is current:  # only the open batch is left ahead: send it off
                        current.future = pool.submit(_analyse_batch, current.raws)
                        in_flight += 1
                        current = _Batch()
                    in_flight -= _drain(queue, writer, block=True)
                in_flight -= _drain(queue, writer, block=False)
            if current.raws:
                current.future = pool.submit(_analyse_batch, current.raws)
            while queue:
                _drain(queue, writer, block=True)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _drain(queue: deque[Any], writer: _Writer, *, block: bool) -> int:
    """Write what is ready at the head of the queue; the number of batches written."""
    written = 0
    while queue:
        head = queue[0]
        if isinstance(head, _Batch):
            if head.future is None or (not block and not head.future.done()):
                break
            writer.write_batch(head.raws, _results(head))
            written += 1
            block = False
        else:
            writer.item(head)
        queue.popleft()
    return written


def _results(batch: _Batch) -> list[Any]:
    """A batch's results; a worker that died makes each of its documents a reject, not a crash."""
    from ..ingest.runner import _internal_error

    try:
        return batch.future.result()  # type: ignore[union-attr]
    except Exception as exc:  # BrokenProcessPool, an unpicklable result: record it, go on
        log.debug("worker failed on a batch", exc_info=exc)
        return [_internal_error(raw, exc) for raw in batch.raws]


def _init_worker() -> None:
    """Load the models once per worker process."""
    from ..nlp.base import load_model
    from .triage import load_triage_lexicon

    load_model()
    load_triage_lexicon()


def _analyse_batch(raws: list[RawDocument]) -> list[Any]:
    """Worker side: results without spaCy parses or raw bytes (the writer still has those)."""
    from .batch import run_batch

    return [r if isinstance(r, Rejection) else Work(r.article) for r in run_batch(raws)]


class _Writer:
    """The one process that touches the store; counts every outcome like the serial runner."""

    def __init__(self, store: Any, progress: Progress | None) -> None:
        self.store = store
        self.progress = progress
        self.counts: Counter[str] = Counter()
        self.stages: Counter[str] = Counter()
        self.ids: list[str] = []

    def classify(self, item: Any) -> str:
        """"doc" to analyse, "item" (skip, reject) to report in order, "done" (already stored, reported)."""
        if not isinstance(item, RawDocument):
            return "item"
        known = self.store.article_for_raw(raw_sha256(item.content))
        if known is not None:
            self._report(Outcome(item.source, KNOWN, article_id=known))
            return "done"
        return "doc"

    def item(self, item: Any) -> None:
        if isinstance(item, AlreadyStored):
            self._report(Outcome(item.source, KNOWN, reason=item.reason))
        elif isinstance(item, Skipped):
            self._report(Outcome(item.source, SKIPPED, reason=item.reason))
        elif isinstance(item, Rejection):
            self.store.reject(item)
            self._report(Outcome(item.source, REJECTED, stage=item.stage, reason=item.reason))

    def write_batch(self, raws: list[RawDocument], results: list[Any]) -> None:
        for raw, result in zip(raws, results, strict=True):
            self._report(self._write(raw, result))

    def _write(self, raw: RawDocument, result: Any) -> Outcome:
        if isinstance(result, Rejection):
            self.store.reject(result, raw)
            return Outcome(raw.source, REJECTED, stage=result.stage, reason=result.reason)
        known = self.store.article_for_raw(result.article.raw_sha256 or "")
        if known is not None:  # the same bytes came twice in one batch (e.g. one page under two URLs)
            return Outcome(raw.source, KNOWN, article_id=known)
        work = Work(result.article, raw)
        try:
            new = self.store.save(work)
        except StoreError as exc:
            rejection = Rejection(raw.source, exc.stage, str(exc), work.article.raw_sha256)
            self.store.reject(rejection, raw)
            return Outcome(raw.source, REJECTED, stage=exc.stage, reason=str(exc))
        return Outcome(raw.source, INGESTED if new else KNOWN, article_id=work.article.id)

    def _report(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        if outcome.status == REJECTED:
            self.stages[outcome.stage or "input"] += 1
        elif outcome.article_id:
            self.ids.append(outcome.article_id)
        if self.progress is not None:
            self.progress(outcome)

    def summary(self) -> IngestSummary:
        return IngestSummary(self.counts[INGESTED], self.counts[KNOWN], self.counts[SKIPPED],
                             tuple(sorted(self.stages.items(), key=lambda kv: (-kv[1], kv[0]))), tuple(self.ids))
