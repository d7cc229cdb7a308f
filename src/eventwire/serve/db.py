"""A read-only view of the store for the server, held only while requests need it.

DuckDB locks a database file per process: one process may open it read-write, or any number
may open it read-only, never both at once (checked with duckdb 1.5.5: a reader gets "Could not
set lock on file ... Conflicting lock is held" while ``eventwire ingest`` writes, and the ingest
gets the same error while a reader holds the file). So the server opens the file read-only on
demand, shares that one connection between concurrent requests (a cursor each), and closes it
after ``idle_s`` without requests, which lets an ingest take the file between page views. While
an ingest holds the lock, requests fail fast with :class:`StoreBusy` (HTTP 503, Retry-After) and
the UI retries; the server never writes, so it cannot corrupt the store.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import NotFound, StoreError

REQUIRED_TABLES = ("articles", "event_reports", "event_arguments", "event_locations")


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

    def __init__(self, path: str | Path, idle_s: float = 1.0, wait_s: float = 1.5) -> None:
        self.path = Path(path)
        self.idle_s = idle_s
        self.wait_s = wait_s
        self._con: Any = None
        self._active = 0
        self._last = 0.0
        self._lock = threading.Lock()
        self._reaper: threading.Thread | None = None
        self._closed = False

    def _open(self) -> Any:
        import duckdb

        if not self.path.exists():
            raise NotFound(f"[E720] no store at {self.path}: run `eventwire ingest --db {self.path}` first")
        deadline = time.monotonic() + self.wait_s
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=True)
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
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if missing:
            con.close()
            raise StoreError(f"[E723] store {self.path} lacks tables {', '.join(missing)}: open it once with "
                             "`eventwire ingest` (it migrates) and restart the server")
        return con

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
            yield cur
        finally:
            cur.close()
            with self._lock:
                self._active -= 1
                self._last = time.monotonic()

    def _start_reaper(self) -> None:
        if self._reaper is None or not self._reaper.is_alive():
            self._reaper = threading.Thread(target=self._reap, name="eventwire-db-idle", daemon=True)
            self._reaper.start()

    def _reap(self) -> None:
        while not self._closed:
            time.sleep(min(0.25, self.idle_s))
            with self._lock:
                if self._con is not None and self._active == 0 and time.monotonic() - self._last >= self.idle_s:
                    self._con.close()
                    self._con = None
                    return

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._con is not None:
                self._con.close()
                self._con = None

    @property
    def is_open(self) -> bool:
        return self._con is not None
