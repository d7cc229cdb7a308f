"""``eventwire gazetteer build``, ``eventwire places ARTICLE_ID``, ``eventwire geocode TEXT|--file``."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import EventwireError, UsageError
from ._common import db_option, emit, fail, format_option, jsonable, open_store

PLACE_COLUMNS = ("text", "label", "name", "kind", "country", "admin1", "geonameid", "lat", "lon", "precision",
                 "confidence", "reason")
GEOCODE_COLUMNS = ("snippet", "text", "name", "geonameid", "country", "admin1", "lat", "lon", "precision", "reason")


@click.group("gazetteer")
def gazetteer_group() -> None:
    """The offline GeoNames gazetteer (CC BY 4.0), built locally from packaged data."""


@gazetteer_group.command("build")
@click.option("--path", type=click.Path(dir_okay=False), default=None,
              help="Where to write it (default: $EVENTWIRE_GAZETTEER, else ~/.cache/eventwire/).")
@click.option("--country", "countries", multiple=True, help="Only these ISO alpha-2 countries (a small slice).")
def build_cmd(path: str | None, countries: tuple[str, ...]) -> None:
    """Build (or rebuild) the gazetteer index; no network needed."""
    from ..geo import build_gazetteer, default_path
    from ..geo.gazetteer import CREDIT, Gazetteer

    try:
        target = build_gazetteer(path or default_path(), countries or None, progress=click.echo)
        gaz = Gazetteer(target)
        stats = ", ".join(f"{k}={v}" for k, v in sorted(gaz.stats().items()))
        gaz.close()
        click.echo(f"{stats}\n{CREDIT}")
    except EventwireError as exc:
        fail(exc)


@click.command("places")
@click.argument("article_id")
@db_option
@format_option()
def places_cmd(article_id: str, db: str | None, fmt: str) -> None:
    """Each place mention of a stored article: resolution, precision and reason."""
    from ..store.places import article_places

    try:
        with open_store(db, read_only=True) as store:
            emit((jsonable(r) for r in article_places(store, article_id)), fmt, PLACE_COLUMNS)
    except EventwireError as exc:
        fail(exc)


def _snippets(text: str | None, file: str | None) -> list[str]:
    if (text is None) == (file is None):
        raise UsageError('[E606] give either TEXT or --file FILE (one snippet a line)')
    if file is not None:
        try:
            lines = Path(file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"[E607] cannot read {file}: {exc}") from exc
        return [line for line in lines if line.strip()]
    return [text or ""]


@click.command("geocode")
@click.argument("text", required=False)
@click.option("--file", "file", type=click.Path(dir_okay=False), help="Snippets, one a line.")
@click.option("--outlet", "outlet", default=None,
              help="The snippets' outlet: URL, domain (edmontonjournal.com) or name; a weak hint.")
@format_option()
def geocode_cmd(text: str | None, file: str | None, outlet: str | None, fmt: str) -> None:
    """Resolve the places in a snippet (or each line of --file); json: one line per snippet.
    A dateline at the start of a snippet ("KYIV, Ukraine (Reuters) -") is read as evidence."""
    from ..geo import geocode

    try:
        snippets = _snippets(text, file)
        if fmt == "json":
            for i, snippet in enumerate(snippets):
                places = [_geo_row(pm) for pm in geocode(snippet, outlet=outlet)]
                emit([{"snippet": i, "text": snippet, "places": places}], "json", ())
            return
        rows = ({"snippet": i, **_geo_row(pm)} for i, s in enumerate(snippets)
                for pm in geocode(s, outlet=outlet))
        emit(rows, fmt, GEOCODE_COLUMNS)
    except EventwireError as exc:
        fail(exc)


def _geo_row(pm: object) -> dict[str, object]:
    d = jsonable(pm)
    place = d.pop("place") or {}
    return {"text": d["text"], "start": d["start"], "end": d["end"], "name": place.get("name"),
            "geonameid": place.get("geonameid"), "kind": place.get("kind"), "country": place.get("country"),
            "admin1": place.get("admin1"), "lat": place.get("lat"), "lon": place.get("lon"),
            "precision": d["precision"], "confidence": d["confidence"], "reason": d["reason"]}


def register(group: click.Group) -> None:
    group.add_command(gazetteer_group)
    group.add_command(places_cmd)
    group.add_command(geocode_cmd)
