"""Near-duplicates: two outlets' copies of one story link to the earlier one; others do not."""

from __future__ import annotations

from eventwire.dedup.neardup import band_keys, signature, similarity
from eventwire.model import RawDocument

STORY = """Ukrainian officials said on Tuesday that a convoy carrying humanitarian aid had reached the
besieged town of Vovchansk after three days of negotiations with local commanders.

The convoy of twelve trucks brought food, medicine and generators for about 3,000 residents who
have lived without electricity since the start of the month, the regional governor said.

"People have been waiting for this for weeks," said Olena Petrenko, a volunteer who travelled with
the trucks. She said the road was damaged in several places and the drivers had to move slowly.

Aid groups have warned that conditions in frontline towns are getting worse as winter approaches,
and the United Nations has called for safe routes for civilians who want to leave."""

ORIGIN = "Aid convoy reaches Vovchansk\n\n" + STORY + "\n\nReporting by the Kharkiv Daily desk."
COPY = ("Home » World » Aid convoy finally reaches besieged Vovchansk\n\nAid convoy finally reaches besieged "
        "Vovchansk\n\n" + STORY.replace("on Tuesday", "on Tuesday evening").replace("twelve", "12")
        + "\n\nThis story was syndicated from the Kharkiv Daily. Share this article.")
OTHER = """Parliament passes budget after long night

Lawmakers approved next year's budget early on Friday after a debate that lasted more than fourteen
hours, with the governing coalition defeating every amendment proposed by the opposition.

The finance minister said the budget would raise spending on schools and hospitals while cutting the
deficit, a claim the opposition called unrealistic given the slowing economy."""


def _save(store, text, source, published):
    from eventwire.pipeline import run_raw

    work = run_raw(RawDocument(source, "text", text.encode(), published=published))
    store.save(work)
    return work.article.id


def test_signatures_estimate_similarity():
    a, b, c = signature(ORIGIN), signature(COPY), signature(OTHER)
    assert similarity(a, b) >= 0.5
    assert similarity(a, c) < 0.1
    assert len(band_keys(a)) == 32 and len(set(band_keys(a)) & set(band_keys(b))) > 0


def test_copies_from_two_outlets_link_to_one_origin(db_path):
    from eventwire.store import Store
    from eventwire.store.attribution import article_attribution, origin_of

    with Store(db_path) as store:
        copy_id = _save(store, COPY, "https://blog.example/aid-convoy", "2026-11-20T18:00:00")
        origin_id = _save(store, ORIGIN, "https://kharkivdaily.example/aid", "2026-11-20T09:00:00")
        other_id = _save(store, OTHER, "https://news.example/budget", "2026-11-19T09:00:00")
        assert origin_of(store, copy_id) == origin_id  # the earlier one, though stored second
        assert origin_of(store, origin_id) == origin_id
        assert origin_of(store, other_id) == other_id
        view = article_attribution(store, origin_id)
        assert view.copies == (copy_id,) and view.origin_id is None
        row = store.con.execute("SELECT similarity, method, reason FROM near_duplicates").fetchall()
        assert len(row) == 1 and row[0][0] >= 0.5 and row[0][1] == "dedup.minhash_lsh.v1"
        # re-saving the copy keeps exactly one link
        _save(store, COPY, "https://blog.example/aid-convoy", "2026-11-20T18:00:00")
        assert store.count("near_duplicates") == 1
