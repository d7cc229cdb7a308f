"""The export formats: each is a name, a media type, a file suffix and a writer over rows."""

from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from ..errors import StoreError, UsageError
from ..store.api_queries import EVENT_COLUMNS, EventQuery, export_rows

Connection = Any
Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    media_type: str
    suffix: str
    description: str
    write: Callable[[Connection, Iterable[Row], Path], int]


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return list(value)
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return str(value)


def _csv(rows: Iterable[Row], out: TextIO, columns: tuple[str, ...], delimiter: str = ",") -> int:
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(columns)
    n = 0
    for row in rows:
        writer.writerow([_cell(row.get(c)).replace("\t", " ") if delimiter == "\t" else _cell(row.get(c))
                         for c in columns])
        n += 1
    return n


def write_csv(con: Connection, rows: Iterable[Row], path: Path) -> int:
    with path.open("w", encoding="utf-8", newline="") as out:
        return _csv(rows, out, EVENT_COLUMNS)


def write_jsonl(con: Connection, rows: Iterable[Row], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
            n += 1
    return n


def geojson_feature(row: Row) -> dict[str, Any]:
    """One event as a GeoJSON Feature; geometry null when unlocated, precision kept in properties."""
    geometry = ({"type": "Point", "coordinates": [row["lon"], row["lat"]]}
                if row.get("lat") is not None and row.get("lon") is not None else None)
    props = {k: _plain(v) for k, v in row.items() if k not in ("lat", "lon")}
    return {"type": "Feature", "id": row["id"], "geometry": geometry, "properties": props}


def write_geojson(con: Connection, rows: Iterable[Row], path: Path) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as out:
        out.write('{"type": "FeatureCollection", "features": [\n')
        for row in rows:
            out.write((",\n" if n else "") + json.dumps(geojson_feature(row), ensure_ascii=False))
            n += 1
        out.write("\n]}\n")
    return n


_PARQUET_TYPES = {
    "id": "VARCHAR", "kind": "VARCHAR", "article_id": "VARCHAR", "date": "DATE", "date_precision": "VARCHAR",
    "plover_type": "VARCHAR", "plover_mode": "VARCHAR", "acled_type": "VARCHAR", "acled_subtype": "VARCHAR",
    "cameo_root": "VARCHAR", "trigger": "VARCHAR", "status": "VARCHAR", "status_source": "VARCHAR",
    "confidence": "DOUBLE", "actors": "VARCHAR[]", "recipients": "VARCHAR[]", "place": "VARCHAR",
    "admin1": "VARCHAR", "admin1_id": "BIGINT", "country": "VARCHAR", "lat": "DOUBLE", "lon": "DOUBLE",
    "precision": "VARCHAR", "sources": "INTEGER", "independent_sources": "INTEGER", "corroboration": "VARCHAR",
    "title": "VARCHAR", "outlet": "VARCHAR", "published": "TIMESTAMP", "url": "VARCHAR",
}


def write_parquet(con: Connection, rows: Iterable[Row], path: Path) -> int:
    """Parquet through DuckDB's own writer (no pyarrow): rows go via a JSON Lines spool file."""
    import duckdb

    with tempfile.TemporaryDirectory(prefix="eventwire-export-") as tmp:
        spool = Path(tmp) / "rows.jsonl"
        n = write_jsonl(con, rows, spool)
        columns = ", ".join(f"'{c}': '{t}'" for c, t in _PARQUET_TYPES.items())
        mem = duckdb.connect()
        try:
            mem.execute(f"COPY (SELECT {', '.join(EVENT_COLUMNS)} FROM read_json('{_sql_path(spool)}', "
                        f"format = 'newline_delimited', columns = {{{columns}}})) "
                        f"TO '{_sql_path(path)}' (FORMAT parquet, COMPRESSION zstd)")
        except duckdb.Error as exc:
            raise StoreError(f"[E731] could not write Parquet to {path}: {exc}") from exc
        finally:
            mem.close()
    return n


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def _acled(con: Connection, rows: Iterable[Row], path: Path) -> int:
    from .acled import ACLED_COLUMNS, acled_rows

    with path.open("w", encoding="utf-8", newline="") as out:
        return _csv(acled_rows(con, rows), out, ACLED_COLUMNS)


def _gdelt(con: Connection, rows: Iterable[Row], path: Path) -> int:
    from .gdelt import GDELT_COLUMNS, gdelt_rows

    with path.open("w", encoding="utf-8", newline="") as out:
        return _csv(gdelt_rows(con, rows), out, GDELT_COLUMNS, delimiter="\t")


EXPORT_FORMATS: dict[str, ExportFormat] = {f.name: f for f in (
    ExportFormat("csv", "text/csv; charset=utf-8", ".csv", "one row per event, eventwire's columns", write_csv),
    ExportFormat("jsonl", "application/x-ndjson", ".jsonl", "JSON Lines, one event object a line", write_jsonl),
    ExportFormat("geojson", "application/geo+json", ".geojson", "FeatureCollection of events (Point or null)",
                 write_geojson),
    ExportFormat("parquet", "application/vnd.apache.parquet", ".parquet", "Parquet (zstd), typed columns",
                 write_parquet),
    ExportFormat("acled", "text/csv; charset=utf-8", ".acled.csv", "ACLED-shaped CSV (ACLED column names)", _acled),
    ExportFormat("cameo", "text/tab-separated-values; charset=utf-8", ".gdelt.tsv",
                 "CAMEO/GDELT 2.0-shaped TSV (GDELT event column names)", _gdelt),
)}


def export_format(fmt: str) -> ExportFormat:
    """The format called ``fmt``, or E730 naming the ones there are (CLI and API say the same)."""
    spec = EXPORT_FORMATS.get(fmt)
    if spec is None:
        raise UsageError(f"[E730] unknown export format {fmt!r}; one of {', '.join(EXPORT_FORMATS)}")
    return spec


def write_export(con: Connection, query: EventQuery, fmt: str, path: str | Path) -> int:
    """Write every event matching ``query`` to ``path`` in format ``fmt``; returns the row count."""
    spec = export_format(fmt)
    rows: Iterator[Row] = export_rows(con, query)
    return spec.write(con, rows, Path(path))
