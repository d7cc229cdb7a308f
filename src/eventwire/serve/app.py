"""The HTTP API and web UI: read-only, local assets only, every list filtered server side.

Endpoints parse parameters into one :class:`~eventwire.store.api_queries.EventQuery`, call one
library function and render JSON. Errors are JSON ``{"error": "[E7xx] ...", "status": N}`` with
a 4xx status that says whose fault it is (400 bad parameter, 404 unknown id, 503 store busy).
Every response forbids inline scripts (CSP ``script-src 'self'``), a second fence behind the
UI's escaping of untrusted article text.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.staticfiles import StaticFiles

from ..errors import EventwireError, NotFound, UsageError
from ..store.api_queries import (
    EventQuery,
    event_page,
    event_stats,
    jsonable_summary,
    map_layers,
    parse_bbox,
    validate,
)
from .db import ReadOnlyDB, StoreBusy

STATIC = Path(__file__).with_name("static")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")

def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split(",") if v.strip())


def event_query(
    since: Annotated[date | None, Query(description="Event date (else publication date) on/after (YYYY-MM-DD).")]
    = None,
    until: Annotated[date | None, Query(description="Event date on/before (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, Query(description="ISO2/ISO3 of the event's place (else of an actor).")] = None,
    admin1: Annotated[str | None, Query(description="Admin-1 region: name or GeoNames id.")] = None,
    bbox: Annotated[str | None, Query(description="west,south,east,north in degrees.")] = None,
    type: Annotated[str | None, Query(description="PLOVER type(s), comma list; TYPE or TYPE:mode.")] = None,
    acled_type: Annotated[str | None, Query(description="ACLED event type(s) or sub-type(s), comma list.")]
    = None,
    actor: Annotated[str | None, Query(description="Actor or recipient name contains.")] = None,
    status: Annotated[str | None, Query(description="Comma list: asserted, attributed, hedged, denied, "
                                                    "hypothetical, historical.")] = None,
    corroboration: Annotated[str | None, Query(description="single-source | multi-source (>= 2 independent "
                                                           "origins) | attributed-only | contested.")]
    = None,
    min_sources: Annotated[int | None, Query(ge=0, description="At least N sources (articles).")] = None,
    q: Annotated[str | None, Query(description="Words in the title, trigger, actors, place or evidence.")] = None,
    precision: Annotated[str | None, Query(description="Comma list: exact, district, admin1, country, none.")]
    = None,
    article: Annotated[str | None, Query(description="Only this article (id or prefix).")] = None,
    sort: Annotated[str, Query(description="date | published | confidence | sources | type; - for descending.")]
    = "-date",
    limit: Annotated[int, Query(ge=0, le=1000)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> EventQuery:
    query = EventQuery(since=since, until=until, country=country or None, admin1=admin1 or None,
                       bbox=parse_bbox(bbox) if bbox else None, plover_types=_split(type),
                       acled_types=_split(acled_type), actor=actor or None, statuses=_split(status),
                       corroboration=corroboration or None, min_sources=min_sources, text=q or None,
                       precisions=_split(precision), article_id=article or None, sort=sort, limit=limit,
                       offset=offset)
    validate(query)
    return query


Q = Annotated[EventQuery, Depends(event_query)]


def _json(body: Any) -> Response:
    """A JSON response from plain values, skipping FastAPI's recursive ``jsonable_encoder``
    (75 ms on a 7,300-entry timeline at 100k events). orjson encodes it in 0.5 ms, the standard
    library in 6-9 ms; the latter serves when orjson is not installed."""
    try:
        import orjson
    except ImportError:
        return JSONResponse(body)
    return Response(orjson.dumps(body), media_type="application/json")


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)


def create_app(db_path: str | Path, *, idle_s: float = 1.0, snapshot: bool = True) -> FastAPI:
    """The FastAPI application over the store at ``db_path`` (opened read-only, on demand).

    ``snapshot=False`` answers every query from the live join instead of the flat snapshot
    (slower; for comparisons, see benchmarks/serve.py --baseline).
    """
    db = ReadOnlyDB(db_path, idle_s=idle_s, snapshot=snapshot)
    app = FastAPI(title="eventwire", version="0.1.0", docs_url=None, redoc_url=None,
                  description="Evidence-backed political and conflict events, read-only. "
                              "Every list is filtered, sorted and paged on the server.")
    app.state.db = db

    @app.exception_handler(UsageError)
    def _usage(_: Request, exc: UsageError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(NotFound)
    def _missing(_: Request, exc: NotFound) -> JSONResponse:
        return _error(404, str(exc))

    @app.exception_handler(StoreBusy)
    def _busy(_: Request, exc: StoreBusy) -> JSONResponse:
        return _error(503, str(exc), {"Retry-After": "2"})

    @app.exception_handler(EventwireError)
    def _other(_: Request, exc: EventwireError) -> JSONResponse:
        return _error(500, str(exc))

    @app.exception_handler(RequestValidationError)
    def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(x) for x in err.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{where}: {err.get('msg')} (got {err.get('input')!r})")
        return _error(400, "[E701] invalid parameter " + "; ".join(parts))

    @app.exception_handler(StarletteHTTPException)
    def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, f"[E700] {exc.detail}")

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.get("/api/events", summary="List events (filtered, sorted, paged) as JSON or GeoJSON")
    def list_events(query: Q, format: Annotated[str, Query(pattern="^(json|geojson)$")] = "json") -> Any:
        with db.cursor() as con:
            page, total = event_page(con, query)
            rows = [jsonable_summary(s) for s in page]
        if format == "geojson":
            from ..export.formats import geojson_feature

            return _json({"type": "FeatureCollection", "total": total, "limit": query.limit, "offset": query.offset,
                          "features": [geojson_feature(r) for r in rows]})
        return _json({"total": total, "limit": query.limit, "offset": query.offset, "events": rows})

    @app.get("/api/events/{event_id}", summary="One event with its reports, evidence, quotes and sources")
    def get_event(event_id: str) -> Any:
        from .evidence import event_detail

        with db.cursor() as con:
            return event_detail(con, event_id)

    @app.get("/api/articles/{article_id}", summary="One article: metadata, text and its layers")
    def get_article(article_id: str) -> Any:
        from .evidence import article_detail

        with db.cursor() as con:
            return article_detail(con, article_id)

    @app.get("/api/stats", summary="Counts for charts: per day and type, per type, country, precision, status")
    def stats(query: Q, timeline: Annotated[bool, Query(description="Ignore since/until (the timeline shows the "
                                                                      "whole range and brushes it).")] = False) -> Any:
        with db.cursor() as con:
            return _json(event_stats(con, query, skip_dates=timeline))

    @app.get("/api/map", summary="Map layers: point clusters, admin-1 regions and country areas for a zoom")
    def map_view(query: Q, zoom: Annotated[int, Query(ge=0, le=18)] = 3) -> Any:
        with db.cursor() as con:
            return _json(map_layers(con, query, zoom))

    @app.get("/api/export", summary="Download the filtered events as csv, jsonl, geojson, parquet, acled or cameo")
    def export(query: Q, format: Annotated[str, Query(description="csv | jsonl | geojson | parquet | acled | "
                                                                  "cameo")] = "csv") -> Any:
        from ..export import export_format, write_export

        spec = export_format(format)
        tmp = tempfile.NamedTemporaryFile(prefix="eventwire-", suffix=spec.suffix, delete=False)
        tmp.close()
        path = Path(tmp.name)
        try:
            with db.cursor() as con:
                write_export(con, query, format, path)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return FileResponse(path, media_type=spec.media_type, filename=f"eventwire-events{spec.suffix}",
                            background=BackgroundTask(path.unlink, missing_ok=True))

    @app.get("/api/health", summary="Is the store readable?")
    def health() -> Any:
        with db.cursor() as con:
            n = con.execute("SELECT count(*) FROM event_reports").fetchone()[0]
        return {"ok": True, "event_reports": n, "store": db.path.name, "snapshot": db.snapshot_info}

    _mount_ui(app)
    return app


def _mount_ui(app: FastAPI) -> None:
    """The built web UI and the offline API docs page (both from ``serve/static``)."""
    index = STATIC / "index.html"

    @app.get("/", include_in_schema=False)
    def home() -> Response:
        if not index.exists():
            return HTMLResponse("<h1>eventwire</h1><p>The web UI is not built: run <code>make web</code> "
                                "(npm ci and npm run build in web/). The API is at <a href='/api/events'>"
                                "/api/events</a>.</p>", status_code=503)
        return FileResponse(index, media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        page = STATIC / "docs.html"
        if not page.exists():
            raise NotFound("[E724] the API docs page is not built: run `make web`")
        return FileResponse(page, media_type="text/html")

    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")
