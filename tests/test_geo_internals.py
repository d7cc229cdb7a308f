"""Gazetteer cache and build details, and the mention finder's span index."""

from __future__ import annotations

from eventwire.geo.gazetteer import _remove_old_versions


def test_old_gazetteer_versions_are_removed(tmp_path):
    for name in ("gazetteer-1.sqlite", "gazetteer-2.sqlite", "gazetteer-4.sqlite", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    _remove_old_versions(tmp_path / "gazetteer-4.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazetteer-4.sqlite", "notes.txt"]


def test_admin_points_file_overrides_estimated_points():
    from eventwire.geo.build import _data_rows, _geonames_admin_points, _Place

    unit = _Place(1, "Somewhere", "admin1", "ADM1", lat=10.0, lon=20.0, coord="cities-voronoi")
    other = _Place(2, "Elsewhere", "admin1", "ADM1", lat=1.0, lon=2.0, coord="cities-voronoi")
    _geonames_admin_points({1: unit, 2: other}, [["1", "11.5", "-21.25", "Somewhere"], ["999", "0", "0"]])
    assert (unit.lat, unit.lon, unit.coord) == (11.5, -21.25, "geonames")
    assert (other.lat, other.lon, other.coord) == (1.0, 2.0, "cities-voronoi")
    assert _data_rows("admin_points.tsv") == []  # shipped empty: see the file's header


def test_span_index_answers_like_a_scan():
    import random

    from eventwire.geo.mentions import _overlaps, _Spans

    rng = random.Random(7)
    for _ in range(200):
        spans = [(a, a + rng.randint(1, 30)) for a in (rng.randint(0, 300) for _ in range(rng.randint(0, 12)))]
        index = _Spans(spans)
        for _ in range(20):
            s = rng.randint(0, 330)
            e = s + rng.randint(1, 20)
            assert index.overlaps(s, e) == _overlaps(s, e, spans), (spans, s, e)
