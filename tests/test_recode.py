"""``recode`` replaces everything that depends on the coder: reports, their locations, their events."""

from __future__ import annotations

from eventwire.events.recode import recode
from eventwire.store import Store


def _snapshot(store: Store) -> tuple[list, list, list]:
    con = store.con
    reports = con.execute("SELECT id, plover_type FROM event_reports ORDER BY id").fetchall()
    locations = con.execute("SELECT event_id, geonameid, precision FROM event_locations ORDER BY event_id").fetchall()
    members = con.execute("SELECT report_id, event_id FROM event_members ORDER BY report_id").fetchall()
    return reports, locations, members


def test_recode_restores_locations_and_events(db_path, tmp_path, seed_text):
    seed = tmp_path / "belgorod-raid.txt"
    seed.write_text(seed_text, encoding="utf-8")
    with Store(db_path) as store:
        store.ingest([str(seed)])
        before = _snapshot(store)
        assert before[1] and before[2], "the seed has located and clustered reports"
        # What an older coder leaves behind: reports whose locations and events are gone or stale.
        store.con.execute("DELETE FROM event_locations")
        store.con.execute("DELETE FROM event_members")
        store.con.execute("DELETE FROM events")
        n_articles, n_reports = recode(store)
        assert (n_articles, n_reports) == (1, len(before[0]))
        assert _snapshot(store) == before
        assert store.con.execute("SELECT count(*) FROM place_mentions").fetchone()[0] > 0
