"""Helpers for the parallel/Ray tests: a store's content, minus the times things happened."""

from __future__ import annotations

from pathlib import Path

import duckdb

TIME_COLUMNS = frozenset({"ingested_at", "first_seen", "last_seen"})


def store_content(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows, sorted, without wall-clock columns (the same run twice differs there)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for (table,) in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall():
            cols = [c for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]).fetchall() if c not in TIME_COLUMNS]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()
