"""The evidence view of one event: its reports, the sentences behind each field with the spans
marked, the quotes, the sources (independent vs reposts), headline flags and a "why" per decision.

Built from the store's own readers (events, places, attribution); offsets stay character
offsets into the article text, and passages carry their spans relative to the passage so a
client only slices and escapes, never re-finds text.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..model import Article, EventReport
from ..store.api_queries import jsonable_summary, summary_of

MAX_REPORTS = 20  # evidence shown per event; the sources list names them all
ROLE_ORDER = ("trigger", "actor", "recipient", "place", "location", "date", "number", "cue")


def event_detail(con: Any, event_id: str) -> dict[str, Any]:
    """Everything the evidence panel shows for one event (an id or a unique prefix)."""
    from ..store.events import load_event
    from .db import StoreView

    summary = summary_of(con, event_id)
    view = StoreView(con)
    if summary.kind == "event":  # a cluster: every member report, earliest first
        members = con.execute("SELECT report_id, article_id, outlet, published, origin, origin_reason FROM "
                              "event_members WHERE event_id = ? ORDER BY published NULLS LAST, report_id "
                              f"LIMIT {MAX_REPORTS}", [summary.id]).fetchall()
        reports = []
        for rid, aid, *_ in members:
            reports.append(report_detail(con, view, load_event(con, rid), view.article(aid)))
        return {"event": jsonable_summary(summary), "reports": reports, "sources": member_sources(con, members)}
    report = load_event(con, summary.id)
    article = view.article(report.article_id)
    return {
        "event": jsonable_summary(summary),
        "reports": [report_detail(con, view, report, article)],
        "sources": sources(con, view, article),
    }


def member_sources(con: Any, members: list[tuple[Any, ...]]) -> list[dict[str, Any]]:
    """A cluster's sources: the first article of each origin is independent, the rest repeat it."""
    titles = dict(con.execute(
        f"SELECT id, title FROM articles WHERE id IN ({', '.join('?' * len(members))})",
        [m[1] for m in members]).fetchall()) if members else {}
    seen: set[str] = set()
    out = []
    for _rid, aid, outlet, published, origin, why in members:
        independent = origin not in seen
        seen.add(origin)
        out.append({"article_id": aid, "title": titles.get(aid), "outlet": outlet, "url": None,
                    "published": published.isoformat() if published else None,
                    "role": "independent" if independent else "repost",
                    "reason": why or f"origin {origin}"})
    return out


def report_detail(con: Any, view: Any, report: EventReport, article: Article) -> dict[str, Any]:
    """One article's account: fields, evidence passages, decisions, quotes and headline flags."""
    from ..store.attribution import article_attribution

    location = _location(con, report)
    spans = _spans(report, article, location)
    attribution = article_attribution(view, article.id)
    passages = _passages(article, spans, report)
    lo, hi = (passages[0]["start"], passages[-1]["end"]) if passages else (0, 0)
    quotes = [_quote(q, article) for q in attribution.quotes]
    quotes.sort(key=lambda q: (not (lo <= q["start"] < hi), q["start"]))
    return {
        "id": report.id,
        "article": _article_head(article),
        "plover_type": report.plover_type, "plover_mode": report.plover_mode,
        "acled_type": report.acled_type, "acled_subtype": report.acled_subtype, "cameo_root": report.cameo_root,
        "date": report.date.value.isoformat() if report.date.value else None,
        "date_precision": report.date.precision,
        "status": report.status.status, "status_qualifiers": list(report.status.qualifiers),
        "status_source": report.status.source, "confidence": report.confidence,
        "actors": [_party(r) for r in report.actors], "recipients": [_party(r) for r in report.recipients],
        "numbers": [{"kind": n.kind, "low": n.low, "high": n.high, "qualifier": n.qualifier,
                     "text": article.text[n.start:n.end]} for n in report.numbers],
        "location": location,
        "evidence": passages,
        "decisions": _decisions(report, article, location),
        "quotes": quotes,
        "headline_flags": [_flag(f, article) for f in attribution.headline_flags],
        "statement": next(({"kind": s.kind, "source": s.source, "method": s.method, "reason": s.reason}
                           for s in attribution.statements if s.start <= report.trigger.start < s.end), None),
    }


def _article_head(article: Article) -> dict[str, Any]:
    return {"id": article.id, "title": article.title, "outlet": article.outlet, "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "cited_outlets": list(dict.fromkeys(c.name for c in article.cited_outlets))}


def _party(ref: Any) -> dict[str, Any]:
    return {"text": ref.text, "canonical": ref.canonical, "sector": ref.sector, "country": ref.country,
            "aligned": ref.aligned, "method": ref.method, "reason": ref.reason}


def _location(con: Any, report: EventReport) -> dict[str, Any] | None:
    row = con.execute(
        "SELECT start_char, end_char, text, geonameid, name, kind, country, country_iso3, admin1, admin1_id, lat, "
        "lon, precision, confidence, method, reason FROM event_locations WHERE event_id = ? AND article_id = ?",
        [report.id, report.article_id]).fetchone()
    if row is None:
        return None
    keys = ("start", "end", "text", "geonameid", "name", "kind", "country", "country_iso3", "admin1", "admin1_id",
            "lat", "lon", "precision", "confidence", "method", "reason")
    return dict(zip(keys, row, strict=True))


def _spans(report: EventReport, article: Article, location: dict[str, Any] | None) -> list[dict[str, Any]]:
    """Every evidence span of the report, as (start, end, role, label, method, reason)."""
    out: list[dict[str, Any]] = []

    def add(start: int | None, end: int | None, role: str, label: str, method: str, reason: str) -> None:
        if start is None or end is None or end <= start:
            return
        out.append({"start": start, "end": end, "role": role, "label": label, "text": article.text[start:end],
                    "method": method, "reason": reason})

    t = report.trigger
    add(t.start, t.end, "trigger", report.plover_type, t.method, t.reason)
    for ref in report.actors + report.recipients:
        add(ref.start, ref.end, ref.role, ref.canonical or ref.text, ref.method, ref.reason)
    for p in report.places:
        add(p.start, p.end, "place", p.label, p.method, p.reason)
    if location and location["start"] is not None:
        add(location["start"], location["end"], "location", location["precision"], location["method"] or "",
            location["reason"] or "")
    d = report.date
    add(d.start, d.end, "date", f"{d.value} ({d.precision})", d.method, d.reason)
    for n in report.numbers:
        add(n.start, n.end, "number", n.kind, n.method, n.reason)
    s = report.status
    add(s.cue_start, s.cue_end, "cue", s.status, s.method, s.reason)
    return out


def _passages(article: Article, spans: list[dict[str, Any]], report: EventReport) -> list[dict[str, Any]]:
    """The sentences that hold the spans (the trigger's first), merged, spans made passage-relative."""
    sentences = article.sentences or (report.sentence,)

    def sentence_of(pos: int) -> tuple[int, int]:
        found = next((s for s in sentences if s.start <= pos < s.end), None)
        return (found.start, found.end) if found else (report.sentence.start, report.sentence.end)

    ranges = sorted({sentence_of(s["start"]) for s in spans} | {(report.sentence.start, report.sentence.end)})
    merged: list[list[int]] = []
    for lo, hi in ranges:
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    passages = []
    for lo, hi in merged:
        inside = [{**s, "start": max(s["start"], lo) - lo, "end": min(s["end"], hi) - lo}
                  for s in spans if s["start"] < hi and s["end"] > lo]
        inside.sort(key=lambda s: (s["start"], ROLE_ORDER.index(s["role"])))
        passages.append({"start": lo, "end": hi, "text": article.text[lo:hi], "spans": inside,
                         "main": lo <= report.trigger.start < hi})
    return passages


def _decisions(report: EventReport, article: Article, location: dict[str, Any] | None) -> list[dict[str, Any]]:
    """A "why" per automatic decision: what was decided, by which component, for what reason."""
    mode = f":{report.plover_mode}" if report.plover_mode else ""
    rows = [
        ("event type", f"{report.plover_type}{mode}", report.method, report.reason),
        ("trigger", article.text[report.trigger.start:report.trigger.end], report.trigger.method,
         report.trigger.reason),
        ("ACLED / CAMEO mapping", f"{report.acled_type or '-'} / {report.acled_subtype or '-'}; CAMEO "
         f"{report.cameo_root or '-'}", "events.mapping", report.mapping_reason),
    ]
    for ref in report.actors + report.recipients:
        who = ref.canonical or "(unresolved)"
        rows.append((ref.role, f"{ref.text} → {who}", ref.method, ref.reason))
    if location:
        rows.append(("location", f"{location['name']} ({location['precision']})", location["method"],
                     location["reason"]))
    d = report.date
    rows.append(("date", f"{d.value or 'unknown'} ({d.precision})", d.method, d.reason))
    for n in report.numbers:
        rows.append((n.kind, f"{n.low}–{n.high} ({n.qualifier})" if n.high != n.low else str(n.low), n.method,
                     n.reason))
    s = report.status
    rows.append(("status", s.status + (f" ({', '.join(s.qualifiers)})" if s.qualifiers else ""), s.method,
                 s.reason))
    rows.append(("confidence", f"{report.confidence:.2f}", report.method, report.reason))
    return [{"field": f, "value": v, "method": m or "", "reason": r or ""} for f, v, m, r in rows]


def _quote(q: Any, article: Article) -> dict[str, Any]:
    start = min(c.start for c in q.content)
    return {"start": start, "kind": q.kind, "content": " … ".join(article.text[c.start:c.end] for c in q.content),
            "speaker": article.text[q.speaker.start:q.speaker.end] if q.speaker else None,
            "speaker_name": q.speaker_name or None, "affiliation": q.affiliation_name or None,
            "cue": article.text[q.cue.start:q.cue.end] if q.cue else None, "method": q.method, "reason": q.reason}


def _flag(f: Any, article: Article) -> dict[str, Any]:
    title = article.title or ""
    return {"kind": f.kind, "headline": title[f.headline.start:f.headline.end] if f.headline else None,
            "body": [article.text[b.start:b.end] for b in f.body], "method": f.method, "reason": f.reason}


def sources(con: Any, view: Any, article: Article) -> list[dict[str, Any]]:
    """The articles carrying this report: the original counts as independent, near-copies as reposts;
    outlets the article cites are listed as where its material comes from (not counted again)."""
    from ..store.attribution import origin_of

    origin = origin_of(view, article.id)
    ids = [origin] + [r[0] for r in con.execute(
        "SELECT article_id FROM near_duplicates WHERE origin_id = ? ORDER BY article_id", [origin]).fetchall()]
    rows = {r[0]: r[1:] for r in con.execute(
        f"SELECT id, title, outlet, coalesce(canonical_url, url), published FROM articles WHERE id IN "
        f"({', '.join('?' * len(ids))})", ids).fetchall()}
    out = []
    for aid in ids:
        if aid not in rows:
            continue
        title, outlet, url, published = rows[aid]
        independent = aid == origin
        out.append({"article_id": aid, "title": title, "outlet": outlet, "url": url,
                    "published": published.isoformat() if published else None,
                    "role": "independent" if independent else "repost",
                    "reason": "earliest article of its near-duplicate group" if independent
                    else f"near-duplicate of {origin[:12]} (dedup.minhash)"})
    for cited in dict.fromkeys(c.name for c in article.cited_outlets):
        out.append({"article_id": None, "title": None, "outlet": cited, "url": None, "published": None,
                    "role": "cited",
                    "reason": f"the article says its material comes from {cited}: the article repeats that "
                              "outlet's report, so they count as one independent source"})
    return out


def article_detail(con: Any, article_id: str) -> dict[str, Any]:
    """One stored article: metadata, text and its layers (events, places, quotes, flags, near-copies)."""
    from ..store.attribution import article_attribution
    from ..store.events import article_events
    from .db import StoreView

    view = StoreView(con)
    article = view.article(article_id)
    attribution = article_attribution(view, article.id)
    events = article_events(con, article.id)
    places = con.execute("SELECT start_char, end_char, text, name, precision, method, reason FROM place_mentions "
                         "WHERE article_id = ? ORDER BY idx", [article.id]).fetchall()
    return {
        **_article_head(article),
        "canonical_url": article.canonical_url, "authors": list(article.authors), "language": article.language,
        "text": article.text,
        "paragraphs": [[p.start, p.end] for p in article.paragraphs],
        "entities": [{"start": e.start, "end": e.end, "label": e.label, "method": e.method, "reason": e.reason}
                     for e in article.entities],
        "places": [dict(zip(("start", "end", "text", "name", "precision", "method", "reason"), r, strict=True))
                   for r in places],
        "events": [{"id": e.id, "plover_type": e.plover_type, "plover_mode": e.plover_mode,
                    "trigger": [e.trigger.start, e.trigger.end], "status": e.status.status} for e in events],
        "quotes": [_quote(q, article) for q in attribution.quotes],
        "headline_flags": [_flag(f, article) for f in attribution.headline_flags],
        "source_paragraphs": [asdict(p) for p in attribution.source_paragraphs],
        "near_duplicate_of": attribution.origin_id, "near_duplicates": list(attribution.copies),
    }
