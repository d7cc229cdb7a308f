"""``eventwire serve`` (HTTP API + web UI, read-only) and ``eventwire export --format``."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from ..errors import EventwireError, UsageError
from ._common import db_option, fail, open_store

_DATE = click.DateTime(["%Y-%m-%d"])
FORMATS = ("csv", "jsonl", "geojson", "parquet", "acled", "cameo")


@click.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (keep local unless you "
              "mean to share it: there is no authentication).")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port.")
def serve_cmd(db: str | None, host: str, port: int) -> None:
    """Serve the HTTP API (/api, docs at /docs) and the web map UI, read-only on the store."""
    from ..config import load_settings
    from ..serve import serve

    path = load_settings(db).db_path
    if not path.exists():
        fail(UsageError(f"no store at {path}: run `eventwire ingest` first (or pass --db)"))
    click.echo(f"eventwire: serving {path} on http://{host}:{port}/ (API docs: /docs); Ctrl+C stops")
    serve(path, host=host, port=port)


@click.command("export")
@db_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="csv | jsonl | geojson | parquet | acled (ACLED-shaped CSV) | cameo (GDELT-shaped TSV).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="File to write (default: stdout; parquet needs a file).")
@click.option("--since", type=_DATE, help="Event date (else publication date) on/after DATE.")
@click.option("--until", type=_DATE, help="Event date on/before DATE.")
@click.option("--country", help="ISO2/ISO3 of the event's place (else of an actor).")
@click.option("--admin1", help="Admin-1 region: name or GeoNames id.")
@click.option("--bbox", help="west,south,east,north in degrees.")
@click.option("--type", "types", help="PLOVER type(s), comma list (TYPE or TYPE:mode).")
@click.option("--acled-type", "acled_types", help="ACLED type(s) or sub-type(s), comma list.")
@click.option("--actor", help="Actor or recipient name contains.")
@click.option("--status", "statuses", help="Comma list of statuses.")
@click.option("--corroboration", type=click.Choice(["single-source", "multi-source", "attributed-only", "contested",
                                                   "single", "corroborated"]),
              help="Independent-source level (single = single-source, corroborated = multi-source).")
@click.option("--min-sources", type=int, help="At least N sources.")
@click.option("--search", "text", help="Words in the title, trigger, actors, place or evidence sentence.")
def export_cmd(db: str | None, fmt: str, output: str | None, since: datetime | None, until: datetime | None,
               country: str | None, admin1: str | None, bbox: str | None, types: str | None,
               acled_types: str | None, actor: str | None, statuses: str | None, corroboration: str | None,
               min_sources: int | None, text: str | None) -> None:
    """Export the (filtered) events; every format is documented column by column in docs/exports.md."""
    from ..export import write_export
    from ..store.api_queries import EventQuery, parse_bbox

    def split(v: str | None) -> tuple[str, ...]:
        return tuple(x.strip() for x in (v or "").split(",") if x.strip())

    try:
        query = EventQuery(since=since.date() if since else None, until=until.date() if until else None,
                           country=country, admin1=admin1, bbox=parse_bbox(bbox) if bbox else None,
                           plover_types=split(types), acled_types=split(acled_types), actor=actor,
                           statuses=split(statuses), corroboration=corroboration, min_sources=min_sources,
                           text=text, sort="date")
        with open_store(db, read_only=True) as store:
            if output:
                n = write_export(store.con, query, fmt, Path(output))
                click.echo(f"exported {n} events to {output} ({fmt})", err=True)
                return
            if fmt == "parquet":
                raise UsageError("[E732] parquet is binary: give -o FILE")
            _to_stdout(store.con, query, fmt)
    except EventwireError as exc:
        fail(exc)


def _to_stdout(con: object, query: object, fmt: str) -> None:
    import tempfile

    from ..export import write_export

    with tempfile.TemporaryDirectory(prefix="eventwire-") as tmp:
        path = Path(tmp) / "out"
        write_export(con, query, fmt, path)  # type: ignore[arg-type]
        with path.open("r", encoding="utf-8") as fh:
            for chunk in iter(lambda: fh.read(1 << 16), ""):
                click.echo(chunk, nl=False)


def register(group: click.Group) -> None:
    group.add_command(serve_cmd)
    group.add_command(export_cmd)
