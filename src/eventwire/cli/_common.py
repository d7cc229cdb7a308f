"""Options and output helpers shared by every command (``--db``, ``--format``)."""

from __future__ import annotations

import csv
import dataclasses
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any, TypeVar

import click

from ..config import load_settings
from ..errors import EventwireError, UsageError
from ..store import Store

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    return click.option("--db", "db", type=click.Path(dir_okay=False), default=None, envvar="EVENTWIRE_DB",
                        help="DuckDB file (default ./eventwire.duckdb, or $EVENTWIRE_DB).")(func)


def format_option(*choices: str) -> Callable[[F], F]:
    opts = choices or ("table", "json", "csv")
    return click.option("--format", "fmt", type=click.Choice(opts), default=opts[0], show_default=True,
                        help="table for people; json = JSON Lines (one object a line); csv.")


def open_store(db: str | None, read_only: bool = False) -> Store:
    path = load_settings(db).db_path
    if read_only and not path.exists():
        raise UsageError(f"no store at {path}: run `eventwire ingest` first (or pass --db)")
    return Store(path, read_only=read_only)


def jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value


def emit(rows: Iterable[dict[str, Any]], fmt: str, columns: Sequence[str]) -> int:
    """Print rows as a rich table, JSON Lines or CSV; returns how many were printed."""
    n = 0
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(jsonable(row), ensure_ascii=False))
            n += 1
        return n
    if fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_cell(row.get(c)) for c in columns])
            n += 1
        return n
    from rich.table import Table

    table = Table(show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in columns))
        n += 1
    if n:
        _table_console().print(table)
    else:
        click.echo("(nothing found)")
    return n


def _table_console() -> Any:
    """The terminal's own width (a 160-column table wraps into noise in a 120-column terminal);
    160 only when piped with no $COLUMNS, where rich would otherwise squeeze it into 80."""
    import os

    from rich.console import Console

    console = Console()
    if console.is_terminal or os.environ.get("COLUMNS", "").isdigit():
        return console
    return Console(width=160)


def _csv_cell(value: Any) -> str:
    """CSV is for programs: full coordinates and ISO times (the table rounds them for people)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "; ".join(_csv_cell(v) for v in value)
    return _cell(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != datetime.min.time() else value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


def fail(exc: EventwireError) -> None:
    """Turn a library error into a one-line message and the documented exit code."""
    code = 2 if isinstance(exc, UsageError) else 1
    click.echo(f"error: {exc}", err=True)
    raise SystemExit(code)
