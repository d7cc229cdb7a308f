"""The local gazetteer: a read-only SQLite index, built once into the user cache, then reused.

Opening it costs a connection, not a load: names are looked up through the index on demand
and cached per process, so start-up stays well under a second.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import GeoError
from ..model import Place
from .build import GAZETTEER_VERSION, build_gazetteer
from .names import name_key

log = logging.getLogger(__name__)

CREDIT = "Place data: GeoNames (geonames.org), CC BY 4.0"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name can refer to, and how the name reached it."""

    place: Place
    how: str  # name | alt | abbr | demonym | capital (region named after its capital)

    @property
    def kind(self) -> str:
        return self.place.kind


def default_path() -> Path:
    """``$EVENTWIRE_GAZETTEER``, else ``gazetteer-<version>.sqlite`` in ``$EVENTWIRE_CACHE`` or ~/.cache."""
    explicit = os.environ.get("EVENTWIRE_GAZETTEER")
    if explicit:
        return Path(explicit)
    cache = os.environ.get("EVENTWIRE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(Path.home(), ".cache"), "eventwire")
    return Path(cache) / f"gazetteer-{GAZETTEER_VERSION}.sqlite"


class Gazetteer:
    """Name -> candidate places, and id -> place, over one gazetteer file."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise GeoError(f"[E603] no gazetteer at {self.path}; run `eventwire gazetteer build`")
        try:
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self.meta = dict(self._con.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as exc:
            raise GeoError(f"[E604] cannot open gazetteer {self.path}: {exc}") from exc
        self._lock = threading.Lock()
        self._places: dict[int, Place] = {}
        self._lookups: dict[str, tuple[Candidate, ...]] = {}

    def close(self) -> None:
        self._con.close()

    def _query(self, sql: str, args: tuple[object, ...]) -> list[tuple[object, ...]]:
        with self._lock:
            return self._con.execute(sql, args).fetchall()

    def get(self, gid: int) -> Place | None:
        """The place with GeoNames id ``gid`` (admin names filled in)."""
        if gid in self._places:
            return self._places[gid]
        rows = self._query("SELECT * FROM places WHERE gid = ?", (gid,))
        place = self._place(rows[0]) if rows else None
        if place is not None:
            self._places[gid] = place
        return place

    def _place(self, row: tuple[object, ...]) -> Place:
        gid, name, kind, fcode, cc, cc3, _iso, adm1, adm2, lat, lon, pop, coord = row
        a1 = self.get(adm1) if adm1 else None  # type: ignore[arg-type]
        a2 = self.get(adm2) if adm2 else None  # type: ignore[arg-type]
        return Place(int(gid), str(name), str(kind), str(fcode), cc, cc3,  # type: ignore[arg-type]
                     a1.name if a1 else None, a1.geonameid if a1 else None,
                     a2.name if a2 else None, a2.geonameid if a2 else None,
                     lat, lon, int(pop or 0), str(coord))  # type: ignore[arg-type]

    def lookup(self, text: str) -> tuple[Candidate, ...]:
        """Every place ``text`` can name, by exact key (case, accents, dots and dashes ignored)."""
        key = name_key(text)
        if key in self._lookups:
            return self._lookups[key]
        rows = self._query("SELECT gid, how FROM names WHERE key = ?", (key,))
        found = []
        for gid, how in rows:
            place = self.get(int(gid))  # type: ignore[arg-type]
            if place is not None:
                found.append(Candidate(place, str(how)))
        result = tuple(found)
        if len(self._lookups) > 200_000:
            self._lookups.clear()
        self._lookups[key] = result
        return result

    def has_name(self, text: str) -> bool:
        return bool(self.lookup(text))

    def country(self, iso2: str) -> Place | None:
        rows = self._query("SELECT gid FROM places WHERE kind = 'country' AND cc = ?", (iso2.upper(),))
        return self.get(int(rows[0][0])) if rows else None  # type: ignore[arg-type]

    def stats(self) -> dict[str, int]:
        rows = self._query("SELECT kind, count(*) FROM places GROUP BY kind", ())
        out = {str(k): int(n) for k, n in rows}  # type: ignore[call-overload]
        out["names"] = int(self._query("SELECT count(*) FROM names", ())[0][0])  # type: ignore[call-overload]
        return out


def ensure_gazetteer(path: str | os.PathLike[str] | None = None,
                     progress: Callable[[str], None] | None = None) -> Path:
    """The gazetteer file, built first when missing (about 20 s, offline)."""
    target = Path(path) if path else default_path()
    if not target.exists():
        log.info("building gazetteer at %s (first use)", target)
        build_gazetteer(target, progress=progress)
        if path is None and not os.environ.get("EVENTWIRE_GAZETTEER"):
            _remove_old_versions(target)
    return target


def _remove_old_versions(current: Path) -> None:
    """Earlier ``gazetteer-<version>.sqlite`` files in the cache (about 50 MB each) are dead weight
    once a newer eventwire built its own; a process still reading one keeps its open file."""
    for old in current.parent.glob("gazetteer-*.sqlite"):
        if old != current:
            try:
                old.unlink()
                log.info("removed old gazetteer %s", old)
            except OSError as exc:  # someone else's file, or already gone: not our business
                log.debug("could not remove %s: %s", old, exc)


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    return Gazetteer(ensure_gazetteer(path))
