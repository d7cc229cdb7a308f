"""A newly built default gazetteer clears the cache of earlier versions."""

from __future__ import annotations

from eventwire.geo.gazetteer import _remove_old_versions


def test_old_gazetteer_versions_are_removed(tmp_path):
    for name in ("gazetteer-1.sqlite", "gazetteer-2.sqlite", "gazetteer-4.sqlite", "notes.txt"):
        (tmp_path / name).write_bytes(b"x")
    _remove_old_versions(tmp_path / "gazetteer-4.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gazetteer-4.sqlite", "notes.txt"]
