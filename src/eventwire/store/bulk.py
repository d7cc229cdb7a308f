"""Fast bulk inserts for DuckDB from Python rows.

``executemany`` converts value by value and is slow (hundreds of rows per second); passing
each column as one list parameter and ``unnest``-ing them in a single ``INSERT ... SELECT``
is ~50x faster. pandas must be importable: without it DuckDB retries ``import pandas`` for
every value it converts, which is what made inserts slow in the first place.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Connection = Any


def insert_rows(con: Connection, table: str, rows: Sequence[Sequence[Any]], verb: str = "INSERT") -> None:
    """Insert ``rows`` (tuples in the table's column order) with one statement.

    ``verb`` may be ``"INSERT OR REPLACE"`` / ``"INSERT OR IGNORE"``. Columns whose values
    DuckDB cannot put into one list (mixed types) fall back to ``executemany``.
    """
    if not rows:
        return
    width = len(rows[0])
    columns = [list(col) for col in zip(*rows, strict=True)]
    select = ", ".join("unnest(?)" for _ in range(width))
    try:
        con.execute(f"{verb} INTO {table} SELECT {select}", columns)
    except Exception as exc:  # duckdb.ConversionException etc.: fall back, row by row
        if "Conversion" not in type(exc).__name__ and "Type" not in str(exc):
            raise
        con.executemany(f"{verb} INTO {table} VALUES ({', '.join('?' * width)})", rows)
