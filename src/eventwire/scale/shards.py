"""Parquet shards: a batch of results written far from the store, merged into it later.

A shard is a folder with one Parquet file per store table (articles, spans, tokens, event
reports, quotes, places, rejects, raw inputs, ...) plus ``manifest.json`` (what happened to each
input part). Workers build a shard by saving into a throw-away DuckDB file with the very same
:class:`~eventwire.store.Store` code and layer writers the local path uses, then exporting it,
so rows are the same by construction.

:func:`load_shards` merges shards into a store in one transaction per shard. Rows that depend
on *other* stored articles (near-duplicate links) are not taken from the shard: those writers
run again inside the store, against everything stored.
"""

from __future__ import annotations

import json
import tempfile
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import StoreError, UsageError
from ..ingest.runner import INGESTED, KNOWN, REJECTED, SKIPPED, IngestSummary, Outcome, Progress, cluster_batch
from ..model import RawDocument, Rejection, Skipped
from ..pipeline import Work

MANIFEST = "manifest.json"
CORE_TABLES = ("raw_inputs", "raw_articles", "articles", "rejects")
RELINKED_WRITERS = frozenset({"neardup"})  # their rows depend on the whole store: re-run at load


def layer_tables() -> tuple[str, ...]:
    """Per-article tables of every registered layer writer, except the re-linked ones."""
    from ..store.layers import LAYER_WRITERS

    return tuple(dict.fromkeys(t for w in LAYER_WRITERS if w.name not in RELINKED_WRITERS for t in w.tables))


@dataclass(frozen=True, slots=True)
class ShardOutcome:
    source: str
    status: str
    article_id: str | None = None
    stage: str | None = None
    reason: str | None = None


def write_shard(items: Sequence[tuple[Any, Any]], out_dir: str | Path) -> Path:
    """Save ``(input item, result)`` pairs into a new shard folder under ``out_dir``; its path.

    ``item`` is a RawDocument (``result`` its Work or Rejection), a Skipped or a Rejection
    (``result`` None).
    """
    from ..store import Store

    shard = Path(out_dir) / f"shard-{uuid.uuid4().hex[:12]}"
    outcomes: list[ShardOutcome] = []
    with tempfile.TemporaryDirectory(prefix="eventwire-shard-") as tmp:
        with Store(Path(tmp) / "shard.duckdb") as store:
            for item, result in items:
                outcomes.append(_save(store, item, result))
            shard.mkdir(parents=True)
            for table in (*CORE_TABLES, *layer_tables()):
                store.con.execute(f"COPY (SELECT * FROM {table}) TO '{shard / table}.parquet' (FORMAT parquet)")
    (shard / MANIFEST).write_text(json.dumps({"outcomes": [asdict(o) for o in outcomes]}), encoding="utf-8")
    return shard


def _save(store: Any, item: Any, result: Any) -> ShardOutcome:
    if isinstance(item, Skipped):
        return ShardOutcome(item.source, SKIPPED, reason=item.reason)
    if isinstance(item, Rejection):
        store.reject(item)
        return ShardOutcome(item.source, REJECTED, stage=item.stage, reason=item.reason)
    raw: RawDocument = item
    if isinstance(result, Rejection):
        store.reject(result, raw)
        return ShardOutcome(raw.source, REJECTED, stage=result.stage, reason=result.reason)
    work = Work(result.article, raw)
    try:
        store.save(work)
    except StoreError as exc:
        store.reject(Rejection(raw.source, exc.stage, str(exc), work.article.raw_sha256), raw)
        return ShardOutcome(raw.source, REJECTED, stage=exc.stage, reason=str(exc))
    return ShardOutcome(raw.source, INGESTED, article_id=work.article.id)


def find_shards(paths: Iterable[str | Path]) -> list[Path]:
    """Shard folders named directly, or found (recursively) under the folders given."""
    found: list[Path] = []
    for p in map(Path, paths):
        if (p / MANIFEST).is_file():
            found.append(p)
        elif p.is_dir():
            found += sorted(m.parent for m in p.rglob(MANIFEST))
        else:
            raise UsageError(f"[E804] not a shard folder (no {MANIFEST}): {p}")
    return found


def load_shards(store: Any, paths: Iterable[str | Path], progress: Progress | None = None) -> IngestSummary:
    """Merge shards into ``store`` (one transaction per shard); counts like an ingest run."""
    counts: dict[str, int] = {}
    stages: dict[str, int] = {}
    ids: list[str] = []
    for shard in find_shards(paths):
        for outcome in _load_one(store, shard):
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
            if outcome.status == REJECTED:
                stages[outcome.stage or "input"] = stages.get(outcome.stage or "input", 0) + 1
            elif outcome.article_id:
                ids.append(outcome.article_id)
            if progress is not None:
                progress(outcome)
    if ids:
        cluster_batch(store, ids)
    return IngestSummary(counts.get(INGESTED, 0), counts.get(KNOWN, 0), counts.get(SKIPPED, 0),
                         tuple(sorted(stages.items(), key=lambda kv: (-kv[1], kv[0]))), tuple(ids))


def _load_one(store: Any, shard: Path) -> list[Outcome]:
    con = store.con
    manifest = json.loads((shard / MANIFEST).read_text(encoding="utf-8"))

    def parquet(table: str) -> str:
        return f"read_parquet('{shard / table}.parquet')"

    new_ids = [r[0] for r in con.execute(f"SELECT id FROM {parquet('articles')}").fetchall()]
    known = {r[0] for r in con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [new_ids]).fetchall()}
    con.execute("BEGIN TRANSACTION")
    try:
        _merge(con, parquet, new_ids)
        _relink(store, new_ids)
        con.execute("COMMIT")
    except Exception as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"[E205] could not load shard {shard}: {exc}") from exc
    out = []
    for o in manifest["outcomes"]:
        status = KNOWN if o["status"] == INGESTED and o["article_id"] in known else o["status"]
        out.append(Outcome(o["source"], status, o.get("article_id"), o.get("stage"), o.get("reason")))
    return out


def _merge(con: Any, parquet: Any, ids: list[str]) -> None:
    from ..store.layers import LAYER_WRITERS

    for table in dict.fromkeys(t for w in LAYER_WRITERS for t in w.tables):
        con.execute(f"DELETE FROM {table} WHERE list_contains(?, article_id)", [ids])
    con.execute("DELETE FROM articles WHERE list_contains(?, id)", [ids])
    con.execute(f"INSERT OR IGNORE INTO raw_inputs BY NAME SELECT * FROM {parquet('raw_inputs')}")
    con.execute(f"INSERT OR IGNORE INTO raw_articles BY NAME SELECT * FROM {parquet('raw_articles')}")
    con.execute(f"INSERT INTO articles BY NAME SELECT * FROM {parquet('articles')}")
    for table in layer_tables():
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {parquet(table)}")
    con.execute(f"""INSERT INTO rejects BY NAME SELECT * FROM {parquet('rejects')}
                    ON CONFLICT (source, stage, reason) DO UPDATE
                    SET last_seen = excluded.last_seen, attempts = rejects.attempts + excluded.attempts""")
    con.execute(f"DELETE FROM rejects WHERE raw_sha256 IN (SELECT raw_sha256 FROM {parquet('articles')})")


def _relink(store: Any, ids: list[str]) -> None:
    """Writers whose rows depend on other stored articles run again, inside the store."""
    from ..store.layers import LAYER_WRITERS

    writers = [w for w in LAYER_WRITERS if w.name in RELINKED_WRITERS]
    for article_id in ids:
        work = Work(store.article(article_id))
        for writer in writers:
            writer.write(store.con, work)
