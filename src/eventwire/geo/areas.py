"""Points for admin-1 units, estimated from the country's outline and the places inside each unit.

No packaged source gives admin-1 coordinates. The middle of a unit's cities' bounding box leans
toward where people live (southern Ontario, Quebec's St. Lawrence valley), far from the middle of
the territory that gazetteers such as GeoNames point at. Here the country's outline (countryinfo's
polygons) is laid on a grid of roughly square cells; every cell inside it goes to the admin-1
unit of the nearest populated place (a grid Voronoi partition, grown outward from the cells that
hold a place), and a unit's point is the area-weighted centre of its cells.

Measured on the 69 admin-1 units whose GeoNames point we know (TR-News' GeoNames gold plus a few
seen in public files), against the cities' bounding-box middle: median error 46 -> 29 km, within
161 km 60 -> 66. Also tried: the middle of the cells' extent (62 within 161 km), the midpoint of
the two (65), and keeping cells within the unit's places' bounding box (65). GeoNames' own points
follow no single rule (Queensland sits at its extent's middle, Alberta west of both), so no
estimate reaches all of them.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence

import numpy as np

CELLS = 40_000  # grid cells per country (the grid step follows the country's size)
MIN_STEP_DEG = 0.02

Ring = Sequence[Sequence[float]]  # [[lon, lat], ...] as in GeoJSON


def outline_rings(geojson: object) -> list[np.ndarray]:
    """Every ring (outer and holes) of a GeoJSON Feature/FeatureCollection/(Multi)Polygon."""
    rings: list[np.ndarray] = []

    def walk(obj: object) -> None:
        if not isinstance(obj, dict):
            return
        kind = obj.get("type")
        if kind == "FeatureCollection":
            for feature in obj.get("features") or ():
                walk(feature)
        elif kind == "Feature":
            walk(obj.get("geometry"))
        elif kind in ("Polygon", "MultiPolygon"):
            polygons = obj.get("coordinates") or ()
            for polygon in (polygons if kind == "MultiPolygon" else [polygons]):
                for ring in polygon:
                    arr = np.asarray(ring, dtype=float)
                    if arr.ndim == 2 and arr.shape[0] >= 4 and arr.shape[1] >= 2:
                        rings.append(arr[:, :2])

    walk(geojson)
    return rings


def _inside(rings: list[np.ndarray], lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    """Even-odd rule on a regular grid: for each row, where the rings' edges cross its latitude."""
    x1 = np.concatenate([r[:-1, 0] for r in rings])
    y1 = np.concatenate([r[:-1, 1] for r in rings])
    x2 = np.concatenate([r[1:, 0] for r in rings])
    y2 = np.concatenate([r[1:, 1] for r in rings])
    mask = np.zeros((lats.size, lons.size), dtype=bool)
    for i, lat in enumerate(lats):
        crossing = (y1 > lat) != (y2 > lat)
        if not crossing.any():
            continue
        a, b, c, d = x1[crossing], y1[crossing], x2[crossing], y2[crossing]
        xs = np.sort(a + (lat - b) * (c - a) / (d - b))
        mask[i] = np.searchsorted(xs, lons) % 2 == 1
    return mask


def _grow(labels: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Spread labels into empty allowed cells, one cell a round, until nothing changes."""
    labels = labels.copy()
    while True:
        empty = allowed & (labels == 0)
        if not empty.any():
            return labels
        grown = labels.copy()
        padded = np.pad(labels, 1)
        for neighbour in (padded[:-2, 1:-1], padded[2:, 1:-1], padded[1:-1, :-2], padded[1:-1, 2:]):
            take = empty & (grown == 0) & (neighbour > 0)
            grown[take] = neighbour[take]
        if np.array_equal(grown, labels):
            return labels
        labels = grown


def country_unit_points(rings: list[np.ndarray], places: Iterable[tuple[int, float, float]]
                        ) -> dict[int, tuple[float, float]]:
    """Unit id -> (lat, lon) for one country, from its outline and its places (unit id, lat, lon)."""
    members = [(unit, lat, lon) for unit, lat, lon in places if lat is not None and lon is not None]
    if not rings or not members:
        return {}
    all_lons = np.concatenate([r[:, 0] for r in rings])
    wrap = float(all_lons.max() - all_lons.min()) > 180  # the outline crosses the antimeridian
    if wrap:
        rings = [np.column_stack([np.where(r[:, 0] < 0, r[:, 0] + 360, r[:, 0]), r[:, 1]]) for r in rings]
        members = [(u, la, lo + 360 if lo < 0 else lo) for u, la, lo in members]
    lon0 = min(float(r[:, 0].min()) for r in rings)
    lon1 = max(float(r[:, 0].max()) for r in rings)
    lat0 = min(float(r[:, 1].min()) for r in rings)
    lat1 = max(float(r[:, 1].max()) for r in rings)
    coslat = max(0.2, math.cos(math.radians((lat0 + lat1) / 2)))
    step = max(MIN_STEP_DEG, math.sqrt(max((lon1 - lon0) * coslat * (lat1 - lat0), 1e-9) / CELLS))
    dlon = step / coslat
    lats = lat0 + (np.arange(int((lat1 - lat0) / step) + 1) + 0.5) * step
    lons = lon0 + (np.arange(int((lon1 - lon0) / dlon) + 1) + 0.5) * dlon
    inside = _inside(rings, lats, lons)

    units = sorted({u for u, _, _ in members})
    code = {u: i + 1 for i, u in enumerate(units)}
    labels = np.zeros(inside.shape, dtype=np.int32)
    for unit, lat, lon in members:
        i, j = int((lat - lat0) / step), int((lon - lon0) / dlon)
        if 0 <= i < lats.size and 0 <= j < lons.size and labels[i, j] == 0:
            labels[i, j] = code[unit]  # a cell holding places of two units goes to the first listed
    labels = _grow(labels, inside | (labels > 0))

    grid_lat, grid_lon = np.meshgrid(lats, lons, indexing="ij")
    weight = np.cos(np.radians(grid_lat))  # a cell's area shrinks toward the poles
    out: dict[int, tuple[float, float]] = {}
    for unit, k in code.items():
        cells = labels == k
        if not cells.any():
            continue
        w = weight[cells]
        c_lat, c_lon = grid_lat[cells], grid_lon[cells]
        lat = float((c_lat * w).sum() / w.sum())
        lon = float((c_lon * w).sum() / w.sum())
        far = (c_lat - lat) ** 2 + ((c_lon - lon) * coslat) ** 2
        if float(far.min()) > (2 * step) ** 2:  # a crescent-shaped unit: take its own cell nearest the centre
            nearest = int(far.argmin())
            lat, lon = float(c_lat[nearest]), float(c_lon[nearest])
        out[unit] = (lat, lon - 360 if lon > 180 else lon)
    return out


def unit_points(outlines: dict[str, list[np.ndarray]], places: Iterable[tuple[str, int, float, float]]
                ) -> dict[int, tuple[float, float]]:
    """Unit id -> point, over every country that has an outline; places are (cc, unit id, lat, lon)."""
    by_cc: dict[str, list[tuple[int, float, float]]] = defaultdict(list)
    for cc, unit, lat, lon in places:
        if cc in outlines:
            by_cc[cc].append((unit, lat, lon))
    out: dict[int, tuple[float, float]] = {}
    for cc, members in by_cc.items():
        out.update(country_unit_points(outlines[cc], members))
    return out
