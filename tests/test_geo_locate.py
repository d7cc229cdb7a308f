"""Event location: the place where the act happened, not where its actor came from."""

from __future__ import annotations

import eventwire


def _located(text: str, trigger: str):
    art = eventwire.process(text, published="2023-05-24T08:00:00")
    [report] = [e for e in art.events if art.text[e.trigger.start:e.trigger.end] == trigger]
    return report.location


def test_origin_after_from_is_not_the_event_location():
    loc = _located("Russian forces said on Tuesday they had ended a cross-border raid by armed groups "
                   "from Ukraine.", "raid")
    assert loc is None or loc.place.country != "UA", loc

