"""``eventwire ingest --engine ray``: the same stages on Ray Data, many files, many machines.

Input files (WARC, JSON Lines, HTML, text; folders are walked) are read by Ray tasks, one file
each, streaming their records; documents go in batches to a pool of Ray actors that load the
models once each and run :func:`~eventwire.scale.batch.run_batch`; every batch becomes one
Parquet shard (:mod:`~eventwire.scale.shards`). The driver then merges the shards into the
store, or leaves them for ``eventwire load``. Ray is an optional extra: ``pip install eventwire[ray]``.

Point it at a cluster with ``address`` (or ``RAY_ADDRESS``); the shard folder must then be
storage every node can write (see docs/scale.md).
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import UsageError
from ..ingest.fetch import is_url
from ..ingest.runner import IngestSummary, Progress

log = logging.getLogger(__name__)

BATCH_SIZE = 16


def ingest_ray(store: Any, inputs: Sequence[str], settings: Settings, *, shards: str | Path | None = None,
               workers: int | None = None, progress: Progress | None = None,
               address: str | None = None) -> IngestSummary:
    """Run the stages on Ray, write shards under ``shards``, then load them into ``store``."""
    from .shards import load_shards

    out = Path(shards) if shards else Path(f"{store.path}.shards")
    written = run_ray(inputs, out, settings, workers=workers, address=address)
    return load_shards(store, written, progress)


def run_ray(inputs: Sequence[str], out_dir: str | Path, settings: Settings, *, workers: int | None = None,
            address: str | None = None, batch_size: int = BATCH_SIZE) -> list[Path]:
    """The shard folders written for ``inputs`` (local files and folders)."""
    ray = _import_ray()
    files = input_files(inputs)
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    started = not ray.is_initialized()
    if started:
        ray.init(address=address, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        ds = ray.data.from_items([{"path": str(f)} for f in files], override_num_blocks=max(1, len(files)))
        # reading is I/O-bound: it must not wait for a CPU that the analysing actors hold
        ds = ds.flat_map(read_items, fn_kwargs={"settings": settings}, num_cpus=0)
        pool = ray.data.ActorPoolStrategy(min_size=1, max_size=workers) if workers else \
            ray.data.ActorPoolStrategy(min_size=1)
        ds = ds.map_batches(ShardMaker, fn_constructor_kwargs={"out_dir": str(out)}, batch_size=batch_size,
                            batch_format="pyarrow", compute=pool)
        return sorted(Path(row["shard"]) for row in ds.take_all())
    finally:
        if started:
            ray.shutdown()


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise UsageError("[E801] --engine ray needs Ray: pip install 'eventwire[ray]'") from exc
    return ray


def input_files(inputs: Sequence[str]) -> list[Path]:
    """Local files to read (folders walked); URLs and stdin belong to the local engine."""
    from ..ingest.files import walk

    files: list[Path] = []
    for spec in inputs:
        if spec == "-" or is_url(spec):
            raise UsageError(f"[E802] --engine ray reads local or mounted files, not {spec!r}; "
                             "fetch with the local engine or list WARC paths")
        path = Path(spec)
        if path.is_dir():
            files += [Path(p) for p in walk(path)]
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"[E803] no such file or directory: {spec}")
    return files


def read_items(row: dict[str, Any], settings: Settings) -> Iterator[dict[str, bytes]]:
    """Ray task: one input file -> its raw documents, skips and rejects (streamed, pickled)."""
    from ..ingest.sources import iter_raw

    for item in iter_raw([row["path"]], settings):
        yield {"item": pickle.dumps(item)}


class ShardMaker:
    """Ray actor: models loaded once; each batch of items -> analysed -> one Parquet shard."""

    def __init__(self, out_dir: str) -> None:
        from ..nlp.base import load_model
        from .triage import load_triage_lexicon

        self.out_dir = out_dir
        load_model()
        load_triage_lexicon()

    def __call__(self, batch: Any) -> dict[str, list[str]]:
        from ..model import RawDocument
        from .batch import run_batch
        from .shards import write_shard

        items = [pickle.loads(b) for b in batch.column("item").to_pylist()]
        docs = [i for i in items if isinstance(i, RawDocument)]
        results = iter(run_batch(docs))
        pairs = [(i, next(results) if isinstance(i, RawDocument) else None) for i in items]
        return {"shard": [str(write_shard(pairs, self.out_dir))]}
