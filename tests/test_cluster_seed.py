"""The seed plus a syndicated copy and a wire report: one video-message event, two origins."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from cluster_support import video_jsonl, video_raws


@pytest.fixture(scope="module")
def works():
    """The three inputs through the real pipeline, once for the whole module."""
    from eventwire.pipeline import run_raw

    out = [run_raw(raw) for raw in video_raws()]
    assert all(hasattr(w, "article") for w in out), out
    return out


def _store(path, works, order, incremental=True):
    from eventwire.store import Store
    from eventwire.store.clusters import recluster

    store = Store(path)
    for i in order:
        store.save(works[i])
        if incremental:
            recluster(store, [works[i].article.id])
    return store


def _partition(store):
    rows = store.con.execute("SELECT event_id, list(report_id ORDER BY report_id) FROM event_members "
                             "GROUP BY event_id ORDER BY event_id").fetchall()
    return {eid: tuple(ids) for eid, ids in rows}


def _event_of(store, works, idx, plover):
    art = works[idx].article
    report = next(e for e in art.events if e.plover_type == plover)
    eid = store.con.execute("SELECT event_id FROM event_members WHERE report_id = ?", [report.id]).fetchone()[0]
    from eventwire.store.clusters import load_cluster_event

    return load_cluster_event(store.con, eid)


def test_video_message_is_one_event_with_two_independent_origins(works, tmp_path):
    with _store(tmp_path / "a.duckdb", works, [0, 1, 2]) as store:
        video = _event_of(store, works, 0, "REQUEST")
        assert video.reports == 3
        assert set(video.origins) == {"Newsweek", "Reuters"}
        assert {m.article_id for m in video.members} == {w.article.id for w in works}
        assert video.corroboration == "multi-source" and video.any_asserted
        assert video.first_outlet == "Yahoo News"  # the syndicated copy was out first
        for idx in (1, 2):  # the copy and the wire report land in the very same event
            assert _event_of(store, works, idx, "REQUEST").id == video.id
        raid = _event_of(store, works, 0, "COERCE")
        assert raid.id != video.id and raid.reports == 1 and raid.plover_mode == "seize"
        assert {m.article_id for m in raid.members} == {works[0].article.id}
        assert raid.origins == ("example-blog.net",)  # the blogger's own words, not Newsweek's


def test_syndicated_copy_counts_for_newsweek_not_for_its_publisher(works, tmp_path):
    with _store(tmp_path / "a.duckdb", works, [0, 1, 2]) as store:
        video = _event_of(store, works, 0, "REQUEST")
        copy = [m for m in video.members if m.article_id == works[1].article.id]
        assert copy and {m.origin for m in copy} == {"Newsweek"} and copy[0].outlet == "Yahoo News"
        wire = [m for m in video.members if m.article_id == works[2].article.id]
        assert {m.origin for m in wire} == {"Reuters"}


def test_two_ingest_orders_give_the_same_events_as_a_full_run(works, tmp_path):
    with _store(tmp_path / "a.duckdb", works, [0, 1, 2]) as a, _store(tmp_path / "b.duckdb", works, [2, 1, 0]) as b:
        assert _partition(a) == _partition(b)
        cols = "id, n_reports, n_origins, origins, corroboration, first_published, disagreements"
        assert (a.con.execute(f"SELECT {cols} FROM events ORDER BY id").fetchall()
                == b.con.execute(f"SELECT {cols} FROM events ORDER BY id").fetchall())
        from eventwire.store.clusters import recluster

        before = _partition(a)
        recluster(a)  # from scratch
        assert _partition(a) == before


def test_ingest_clusters_each_batch_and_reingest_changes_nothing(tmp_path):
    from eventwire.config import load_settings
    from eventwire.ingest.runner import ingest
    from eventwire.store import Store

    src = video_jsonl(tmp_path / "video.jsonl")
    settings = load_settings(tmp_path / "x.duckdb")
    with Store(tmp_path / "x.duckdb") as store:
        first = ingest(store, [str(src)], settings)
        assert first.ingested == 3
        events = store.con.execute("SELECT * FROM events ORDER BY id").fetchall()
        members = store.con.execute("SELECT * FROM event_members ORDER BY report_id").fetchall()
        assert events and len(members) == store.count("event_reports")
        again = ingest(store, [str(src)], settings)
        assert again.ingested == 0
        assert store.con.execute("SELECT * FROM events ORDER BY id").fetchall() == events
        assert store.con.execute("SELECT * FROM event_members ORDER BY report_id").fetchall() == members


def test_cli_lists_sources_filters_and_shows_every_report(works, tmp_path):
    from eventwire.cli import _register, cli

    db = tmp_path / "c.duckdb"
    _store(db, works, [0, 1, 2], incremental=False).close()
    _register()
    runner = CliRunner()
    out = runner.invoke(cli, ["cluster", "--db", str(db)])
    assert out.exit_code == 0 and out.output.startswith("clustered ") and "1 multi-source" in out.output
    out = runner.invoke(cli, ["events", "--db", str(db), "--min-sources", "2", "--format", "json"])
    assert out.exit_code == 0, out.output
    import json

    rows = [json.loads(line) for line in out.output.splitlines()]
    assert rows and {r["sources"] for r in rows} == {"2/3"} and {r["corroboration"] for r in rows} == {"multi-source"}
    assert {r["plover_type"] for r in rows} == {"REQUEST"}
    event_id = rows[0]["event"]
    out = runner.invoke(cli, ["events", "--db", str(db), "--corroboration", "contested", "--type", "COERCE:seize"])
    assert out.exit_code == 0 and "(nothing found)" in out.output
    out = runner.invoke(cli, ["show", "--db", str(db), event_id])
    assert out.exit_code == 0, out.output
    assert "sources: 2 independent / 3 reports" in out.output
    assert out.output.count("- report ") == len({r["id"] for r in rows})
    assert "Yahoo News" in out.output and "origin: Newsweek" in out.output and "status: attributed" in out.output
    out = runner.invoke(cli, ["show", "--db", str(db), "Enope"])
    assert out.exit_code == 1 and "[E312]" in out.output
