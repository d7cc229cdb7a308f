"""Clustering logic on hand-made report features: no model, no store, fast."""

from __future__ import annotations

import random
from datetime import date, datetime

from eventwire.cluster import build_event, cluster_reports
from eventwire.cluster.features import ReportFeatures, date_interval, family_of, place_chain
from eventwire.cluster.origins import ArticleSource, outlet_key, report_origin
from eventwire.model import EventNumber, Place, PlaceMention

UKR_KHARKIV_OBLAST = Place(706482, "Kharkiv Oblast", "admin1", "ADM1", "UA", "UKR", None, None, None, None, 49.5, 36.5)
KHARKIV = Place(706483, "Kharkiv", "city", "PPLA", "UA", "UKR", "Kharkiv Oblast", 706482, None, 9114284, 50.0, 36.2)
CHUHUIV = Place(711416, "Chuhuiv", "city", "PPLA2", "UA", "UKR", "Kharkiv Oblast", 706482, None, 711417, 49.8, 36.7)
SUMY = Place(692194, "Sumy", "city", "PPLA", "UA", "UKR", "Sumy Oblast", 692196, None, 692195, 50.9, 34.8)


def _pm(place: Place | None) -> PlaceMention | None:
    if place is None:
        return None
    precision = {"city": "exact", "admin1": "admin1", "country": "country"}[place.kind]
    return PlaceMention(0, 5, place.name, "GPE", place, precision)


def rep(rid: str, *, place: Place | None = KHARKIV, day: date | None = date(2024, 6, 3), precision: str = "day",
        ptype: str = "ASSAULT", mode: str | None = None, actors: tuple[str, ...] = ("RUS military",),
        countries: tuple[str, ...] = ("RUS",), origin: str = "", status: str = "asserted", dead: int | None = None,
        article: str | None = None, published: datetime = datetime(2024, 6, 3, 12)) -> ReportFeatures:
    lo, hi, _ = date_interval(day, precision, published, False)
    pm = _pm(place)
    nums = (EventNumber("dead", dead, dead, "exact", 0, 1),) if dead is not None else ()
    origin = origin or f"outlet-{rid}"
    return ReportFeatures(rid, article or f"art-{rid}", ptype, mode, family_of(ptype, mode), day,
                          precision if day else "unknown", lo, hi, published, origin, outlet_key(origin), origin,
                          "test",
                          pm, place_chain(pm), frozenset(actors), frozenset(), frozenset(countries), nums, status,
                          status == "asserted")


def _groups(reports) -> set[frozenset[str]]:
    return {frozenset(r.report_id for r in c.members) for c in cluster_reports(reports)}


def test_city_and_region_reports_of_one_raid_merge():
    assert _groups([rep("a"), rep("b", place=UKR_KHARKIV_OBLAST)]) == {frozenset("ab")}


def test_same_day_other_town_and_same_town_other_day_stay_apart():
    reports = [rep("a"), rep("b"), rep("c", place=SUMY), rep("d", day=date(2024, 6, 4))]
    assert _groups(reports) == {frozenset("ab"), frozenset("c"), frozenset("d")}


def test_a_region_report_does_not_chain_two_towns_together():
    reports = [rep("a"), rep("b", place=CHUHUIV), rep("r", place=UKR_KHARKIV_OBLAST)]
    groups = _groups(reports)
    assert frozenset("ab") not in groups and not any({"a", "b"} <= g for g in groups)
    assert len(groups) == 2 and any("r" in g and len(g) == 2 for g in groups)


def test_other_type_family_or_actor_country_keeps_reports_apart():
    reports = [rep("a"), rep("p", ptype="PROTEST", mode="demo"), rep("s", place=None, actors=("UKR military",),
                                                                       countries=("UKR",))]
    assert _groups(reports) == {frozenset("a"), frozenset("p"), frozenset("s")}


def test_week_precision_overlaps_the_days_inside_it():
    week = rep("w", day=date(2024, 6, 3), precision="week")  # the week starting Monday 3 June
    assert _groups([week, rep("d", day=date(2024, 6, 6))]) == {frozenset("wd")}
    assert _groups([week, rep("x", day=date(2024, 6, 10))]) == {frozenset("w"), frozenset("x")}


def test_same_set_in_any_order_gives_the_same_events():
    rng = random.Random(7)
    places = [KHARKIV, CHUHUIV, SUMY, UKR_KHARKIV_OBLAST, None]
    reports = [rep(f"r{i:03d}", place=rng.choice(places), day=date(2024, 6, rng.randint(1, 6)),
                   actors=rng.choice([("RUS military",), (), ("UKR military",)]),
                   countries=("RUS",), ptype=rng.choice(["ASSAULT", "PROTEST"]))
               for i in range(150)]
    first = {(c.event_id, tuple(sorted(r.report_id for r in c.members))) for c in cluster_reports(reports)}
    for _ in range(4):
        rng.shuffle(reports)
        again = {(c.event_id, tuple(sorted(r.report_id for r in c.members))) for c in cluster_reports(reports)}
        assert again == first


def test_consensus_keeps_disagreements_and_counts_origins_once():
    reports = [rep("a", dead=5, origin="Reuters"), rep("b", dead=7, origin="Reuters"),
               rep("c", dead=6, origin="The Kyiv Independent", actors=("UKR military",), countries=("UKR",)),
               rep("d", place=UKR_KHARKIV_OBLAST, dead=5, origin="AP", status="attributed")]
    (cluster,) = cluster_reports(reports)
    ev = build_event(cluster)
    assert ev.reports == 4 and ev.origins == ("AP", "Reuters", "The Kyiv Independent")
    assert ev.place is not None and ev.place.place.geonameid == KHARKIV.geonameid  # the most specific
    assert "dead: 5–7 across 4 reports" in ev.disagreements
    assert any(d.startswith("actor disputed: RUS military (3) vs UKR military (1)") for d in ev.disagreements)
    assert ev.corroboration == "multi-source" and ev.any_asserted


def test_corroboration_statuses():
    single = build_event(cluster_reports([rep("a", origin="Reuters"), rep("b", origin="Reuters")])[0])
    assert single.corroboration == "single-source" and single.reports == 2 and len(single.origins) == 1
    claim = build_event(cluster_reports([rep("a", status="attributed"), rep("b", status="hedged")])[0])
    assert claim.corroboration == "attributed-only" and not claim.any_asserted
    denied = build_event(cluster_reports([rep("a"), rep("b", status="denied")])[0])
    assert denied.corroboration == "contested"


def test_origin_rules():
    blog = ArticleSource("blog", None, "https://www.example-blog.net/x", ("Newsweek",), ((100, 500, "Newsweek"),))
    assert report_origin(blog, 120, "Newsweek").key == "newsweek"  # inside the excerpt
    assert report_origin(blog, 10, None).name == "example-blog.net"  # the blogger's own paragraph
    wire = ArticleSource("w", "Reuters", "https://reuters.com/a")
    copy = ArticleSource("c", "Yahoo News", "https://news.yahoo.com/a", dup_origin=wire)
    assert report_origin(copy, 0, None).key == "reuters"  # a syndicated copy counts for its origin
    assert outlet_key("The Kyiv Independent") == outlet_key("kyivindependent.com") == "kyivindependent"
