"""A flat, sorted copy of the event relation for serving: one table scan per list, map or chart.

The event relation (:func:`eventwire.store.api_queries.event_relation`) joins reports,
articles, locations and near-duplicate groups (or clusters and their representative report)
on every query: 100-400 ms at 100,000 events. The same rows materialised once into a plain
table, with the actors, recipients and a lower-cased search text pre-joined, answer a page,
a count, the stats or a map layer in 1-30 ms.

Why a server-side snapshot and not a table the writers maintain: rows depend on other articles
(near-copy groups) and on clustering, and the store is written by several paths (``Store.save``,
shard loads, ``recluster``, benchmarks filling tables directly). A snapshot keyed on a
:func:`store_stamp` that any commit changes is correct by construction, costs no writer
anything, and keeps the server read-only. It lives in the reader's in-memory database, so it
survives the server letting go of the file between requests; a changed stamp rebuilds it
(0.7-2.5 s per 100,000 events on a busy 2-core machine; ~64 MiB of memory).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

Connection = Any  # duckdb.DuckDBPyConnection

__all__ = ["SNAPSHOT", "build_snapshot", "has_snapshot", "store_stamp"]

SNAPSHOT = "memory.main.event_flat"  # lives in the reader's in-memory database, never in the store
METHOD = "serve.snapshot.v1"  # named in /api/health so a reader can tell which path answered

# Per-event lists the list view shows, pre-joined so a page never re-queries arguments: actors and
# recipients in argument order, each name once. One unordered list of structs per event, sorted
# per row (an ORDER BY inside list() costs 5x more at 100k events).
_REPORT_PARTIES = """
LEFT JOIN (
    SELECT event_id,
           list_filter(a, lambda x, i: list_position(a, x) = i) AS actors,
           list_filter(r, lambda x, i: list_position(r, x) = i) AS recipients
    FROM (SELECT event_id,
                 list_transform(list_filter(args, lambda x: x.role = 'actor'), lambda x: x.name) AS a,
                 list_transform(list_filter(args, lambda x: x.role = 'recipient'), lambda x: x.name) AS r
          FROM (SELECT event_id, list_sort(list({'role': role, 'idx': idx, 'name': coalesce(canonical, text)}))
                       AS args
                FROM event_arguments WHERE role IN ('actor', 'recipient') GROUP BY 1))) p ON p.event_id = ev.id
"""
_CLUSTER_PARTIES = "LEFT JOIN events p ON p.id = ev.id\n"

def build_snapshot(con: Connection, relation_sql: str, clustered: bool) -> int:
    """(Re)build :data:`SNAPSHOT` from the live event relation (run on ``con``'s current database).

    Returns the row count.

    Rows are stored newest first so date filters skip whole row groups (DuckDB zone maps).
    """
    parties = _CLUSTER_PARTIES if clustered else _REPORT_PARTIES
    raw = f"{SNAPSHOT}_raw"
    con.execute(f"DROP TABLE IF EXISTS {SNAPSHOT}")
    for col in ENUM_COLUMNS:
        con.execute(f"DROP TYPE IF EXISTS {_enum(col)}")
    con.execute(f"""
        CREATE OR REPLACE TABLE {raw} AS
        SELECT ev.* EXCLUDE (sentence), coalesce(p.actors, []) AS actors, coalesce(p.recipients, []) AS recipients
        FROM ({relation_sql}) ev {parties}
        ORDER BY ev.day DESC NULLS LAST, ev.article_id, ev.idx""")
    for col in ENUM_COLUMNS:
        # ordinal order = text order, so ORDER BY sorts as it does on text
        con.execute(f"CREATE TYPE {_enum(col)} AS ENUM "
                    f"(SELECT DISTINCT {col} FROM {raw} WHERE {col} IS NOT NULL ORDER BY {col})")
    casts = ", ".join(f"CAST({col} AS {_enum(col)}) AS {col}" for col in ENUM_COLUMNS)
    con.execute(f"CREATE TABLE {SNAPSHOT} AS SELECT * REPLACE ({casts}) FROM {raw}")  # keeps the row order
    con.execute(f"DROP TABLE {raw}")
    return con.execute(f"SELECT count(*) FROM {SNAPSHOT}").fetchone()[0]


# Low-cardinality columns stored as ENUMs: grouping (stats, map) and filtering on them costs about
# half of what VARCHAR does (in-memory tables are not dictionary-compressed). Values read back as str.
ENUM_COLUMNS = ("kind", "date_precision", "plover_type", "plover_mode", "acled_type", "acled_subtype", "status",
                "place_kind", "country2", "country", "precision", "corroboration")


def _enum(col: str) -> str:
    return f"memory.main.event_flat_{col}"


def has_snapshot(con: Connection) -> bool:
    """True on a connection whose in-memory database holds a snapshot (the server's reader)."""
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE database_name = 'memory' "
                       "AND schema_name = 'main' AND table_name = 'event_flat'").fetchone()[0] > 0


# Tables whose rows the event relation reads; their sizes join the file identity in the stamp.
_COUNTED = ("articles", "event_reports", "event_arguments", "event_locations", "near_duplicates", "events",
            "event_members")


def store_stamp(con: Connection, path: Path, catalog: str) -> tuple[Any, ...]:
    """What changes whenever a writer commits to the store at ``path`` (attached as ``catalog``).

    The file's and its WAL's identity, size and modification time (every commit writes one of
    them), plus row counts and the newest ingest time (a second guard on file systems with
    coarse timestamps). Only meaningful while the caller holds the file open: no writer can
    commit meanwhile.
    """
    files = []
    for f in (path, Path(f"{path}.wal")):
        try:
            st = os.stat(f)
        except FileNotFoundError:
            files.append(None)
            continue
        files.append((st.st_ino, st.st_size, st.st_mtime_ns))
    present = {r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = ?", [catalog]).fetchall()}
    counts = [f"(SELECT count(*) FROM {catalog}.{t})" if t in present else "NULL" for t in _COUNTED]
    row = con.execute(f"SELECT {', '.join(counts)}, (SELECT max(ingested_at) FROM {catalog}.articles)").fetchone()
    return (*files, *row)
