"""A read-only view of the store for the server, held only while requests need it.

DuckDB locks a database file per process: one process may open it read-write, or any number
may open it read-only, never both at once (checked with duckdb 1.5.5: a reader gets "Could not
set lock on file ... Conflicting lock is held" while ``eventwire ingest`` writes, and the ingest
gets the same error while a reader holds the file). So the server opens the file read-only on
demand, shares that one connection between concurrent requests (a cursor each), and closes it
after ``idle_s`` without requests, which lets an ingest take the file between page views. While
an ingest holds the lock, requests fail fast with :class:`StoreBusy` (HTTP 503, Retry-After) and
the UI retries; the server never writes, so it cannot corrupt the store.

The connection is an in-memory DuckDB database that ATTACHes the store read-only (and DETACHes
it when idle, which releases the file lock). The in-memory side keeps a flat snapshot of the
event relation (:mod:`eventwire.store.read_model`) across those idle closes; each attach
compares the store's stamp with the snapshot's and rebuilds it when a writer committed since.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import NotFound, StoreError

log = logging.getLogger(__name__)
REQUIRED_TABLES = ("articles", "event_reports", "event_arguments", "event_locations", "near_duplicates")
CATALOG = "store"  # the attached store's name; cursors USE it, so the store's readers run unchanged


class StoreBusy(StoreError):
    """Another process (an ingest) holds the store's write lock; try again shortly."""


class StoreView:
    """What the store's own read functions need (a ``con``), so they work unchanged here."""

    def __init__(self, con: Any) -> None:
        self.con = con

    def article(self, article_id: str) -> Any:
        from ..store import Store

        return Store.article(self, article_id)  # type: ignore[arg-type]  # only uses self.con


class ReadOnlyDB:
    """One lazily opened read-only DuckDB connection, cursors per request, closed when idle."""

    def __init__(self, path: str | Path, idle_s: float = 1.0, wait_s: float = 1.5, snapshot: bool = True) -> None:
        self.path = Path(path)
        self.idle_s = idle_s
        self.wait_s = wait_s
        self.snapshot = snapshot  # False: every query re-joins the store (for comparisons and debugging)
        self._mem: Any = None  # the in-memory database: holds the snapshot for the process's lifetime
        self._con: Any = None  # the same connection while the store is attached, else None
        self._stamp: tuple[Any, ...] | None = None
        self.snapshot_info: dict[str, Any] = {}
        self._active = 0
        self._last = 0.0
        self._lock = threading.Lock()
        self._reaper: threading.Thread | None = None
        self._closed = False

    def _open(self) -> Any:
        import duckdb

        if not self.path.exists():
            raise NotFound(f"[E720] no store at {self.path}: run `eventwire ingest --db {self.path}` first")
        if self._mem is None:
            self._mem = duckdb.connect(":memory:")
        con = self._mem
        target = str(self.path).replace("'", "''")
        deadline = time.monotonic() + self.wait_s
        while True:
            try:
                con.execute(f"ATTACH '{target}' AS {CATALOG} (READ_ONLY)")
                break
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower():
                    raise StoreError(f"[E721] cannot open store {self.path}: {exc}") from exc
                if time.monotonic() >= deadline:
                    raise StoreBusy(f"[E722] the store {self.path.name} is being written by another process "
                                    "(an ingest?); retry in a few seconds") from exc
                time.sleep(0.1)
            except duckdb.Error as exc:
                raise StoreError(f"[E721] cannot open store {self.path}: {exc}") from exc
        try:
            con.execute(f"USE {CATALOG}")
            tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = ?",
                                                [CATALOG]).fetchall()}
            missing = [t for t in REQUIRED_TABLES if t not in tables]
            if missing:
                raise StoreError(f"[E723] store {self.path} lacks tables {', '.join(missing)}: open it once with "
                                 "`eventwire ingest` (it migrates) and restart the server")
            if self.snapshot:
                self._refresh_snapshot(con)
        except BaseException:
            self._detach(con)
            raise
        return con

    def _refresh_snapshot(self, con: Any) -> None:
        """Rebuild the flat snapshot when a writer committed since it was built (see read_model)."""
        import duckdb

        from ..store.api_queries import live_relation
        from ..store.read_model import METHOD, build_snapshot, store_stamp

        stamp = store_stamp(con, self.path, CATALOG)
        if stamp == self._stamp:
            return
        started = time.perf_counter()
        try:
            rows = build_snapshot(con, *live_relation(con))
        except duckdb.Error as exc:
            raise StoreError(f"[E725] cannot build the event snapshot of {self.path}: {exc}") from exc
        self._stamp = stamp
        self.snapshot_info = {"method": METHOD, "rows": rows, "build_ms": round((time.perf_counter() - started) * 1000),
                              "reason": "store changed since the last snapshot" if self.snapshot_info
                              else "first read of the store"}

    def _detach(self, con: Any) -> None:
        con.execute("USE memory")
        con.execute(f"DETACH {CATALOG}")

    @contextmanager
    def cursor(self) -> Iterator[Any]:
        """A cursor on the shared read-only connection, opened on first use."""
        with self._lock:
            if self._con is None:
                self._con = self._open()
                self._start_reaper()
            self._active += 1
            cur = self._con.cursor()
        try:
            cur.execute(f"USE {CATALOG}")
        except BaseException:
            cur.close()
            self._release()
            raise
        try:
            yield cur
        finally:
            cur.close()
            self._release()

    def _release(self) -> None:
        with self._lock:
            self._active -= 1
            self._last = time.monotonic()

    def warm(self) -> None:
        """Open the store and build the snapshot now (at server start), so the first page view
        does not pay for it; a busy or missing store is left for the first request to report."""
        try:
            with self.cursor():
                pass
        except (StoreError, NotFound) as exc:
            log.info("snapshot not built at start: %s", exc)

    def _start_reaper(self) -> None:
        if self._reaper is None or not self._reaper.is_alive():
            self._reaper = threading.Thread(target=self._reap, name="eventwire-db-idle", daemon=True)
            self._reaper.start()

    def _reap(self) -> None:
        while not self._closed:
            time.sleep(min(0.25, self.idle_s))
            with self._lock:
                if self._con is not None and self._active == 0 and time.monotonic() - self._last >= self.idle_s:
                    self._detach(self._con)
                    self._con = None
                    return

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._mem is not None:
                self._mem.close()  # detaches the store too
            self._mem = self._con = None

    @property
    def is_open(self) -> bool:
        return self._con is not None
