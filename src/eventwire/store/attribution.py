"""Attribution in the store: write quotes/statements/source paragraphs/headline flags and
near-duplicate links, and read them back for ``eventwire quotes`` and ``eventwire article``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..model import HeadlineFlag, Quote, SourceParagraph, Span, Statement
from .bulk import insert_rows
from .ids import unique_article_id

if TYPE_CHECKING:
    from ..pipeline import Work
    from . import Store

Connection = Any
ATTRIBUTION_TABLES = ("quotes", "statements", "source_paragraphs", "headline_flags")
NEARDUP_TABLES = ("article_minhash", "article_lsh", "near_duplicates")


def _se(span: Span | None) -> tuple[int | None, int | None]:
    return (span.start, span.end) if span else (None, None)


def _txt(text: str, span: Span | None) -> str | None:
    return text[span.start : span.end] if span else None


def write_attribution(con: Connection, work: Work) -> None:
    """Rows for every attribution layer of one article (the store deleted the old ones)."""
    art = work.article
    t = art.text
    title = art.title or ""
    rows = [(art.id, i, q.kind, [c.start for c in q.content], [c.end for c in q.content],
             " … ".join(t[c.start:c.end] for c in q.content), *_se(q.cue), _txt(t, q.cue),
             *_se(q.speaker), _txt(t, q.speaker), *_se(q.resolved), q.speaker_name,
             *_se(q.affiliation), q.affiliation_name, q.method, q.reason) for i, q in enumerate(art.quotes)]
    if rows:
        insert_rows(con, "quotes", rows)
    rows = [(art.id, i, s.start, s.end, s.kind, s.source, *_se(s.cue), _txt(t, s.cue), s.method, s.reason)
            for i, s in enumerate(art.statements)]
    if rows:
        insert_rows(con, "statements", rows)
    rows = [(art.id, i, p.start, p.end, p.origin, p.outlet, p.role, p.method, p.reason)
            for i, p in enumerate(art.source_paragraphs)]
    if rows:
        insert_rows(con, "source_paragraphs", rows)
    rows = [(art.id, i, f.kind, *_se(f.headline), _txt(title, f.headline), [b.start for b in f.body],
             [b.end for b in f.body], [t[b.start:b.end] for b in f.body], f.method, f.reason)
            for i, f in enumerate(art.headline_flags)]
    if rows:
        insert_rows(con, "headline_flags", rows)


def write_neardup(con: Connection, work: Work) -> None:
    """Index the article's MinHash buckets and link it to its near-copies' origin."""
    from ..dedup.neardup import index_article

    if work.article.text.strip():
        index_article(con, work.article.id, work.article.text)


# -- reading ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One line of ``eventwire quotes``."""

    article_id: str
    idx: int
    kind: str
    speaker: str | None
    speaker_name: str | None
    affiliation: str | None
    cue: str | None
    content: str
    reason: str


QUOTE_KINDS = ("direct", "mixed", "indirect")  # "stance" attributions ("X endorsed Y") only on request


def quotes(store: Store, speaker: str | None = None, article: str | None = None,
           limit: int | None = None, kinds: tuple[str, ...] = QUOTE_KINDS) -> list[QuoteRow]:
    """Quotes in the store, filtered by speaker (as written, resolved or affiliation), article and kind."""
    where, params = [f"kind IN ({', '.join('?' for _ in kinds)})" if kinds else "1=1"], list(kinds)
    if speaker:
        where.append("(speaker ILIKE ? OR speaker_name ILIKE ? OR affiliation_name ILIKE ?)")
        params += [f"%{speaker}%"] * 3
    if article:
        where.append("article_id LIKE ? || '%'")
        params.append(article)
    sql = (f"SELECT article_id, idx, kind, speaker, speaker_name, affiliation_name, cue, content, reason "
           f"FROM quotes WHERE {' AND '.join(where)} ORDER BY article_id, idx"
           + (f" LIMIT {int(limit)}" if limit else ""))
    return [QuoteRow(*r) for r in store.con.execute(sql, params).fetchall()]


@dataclass(frozen=True, slots=True)
class AttributionView:
    """What ``eventwire article ID`` shows about attribution."""

    quotes: tuple[Quote, ...]
    statements: tuple[Statement, ...]
    source_paragraphs: tuple[SourceParagraph, ...]
    headline_flags: tuple[HeadlineFlag, ...]
    origin_id: str | None  # the article this one is a near-copy of
    copies: tuple[str, ...]  # articles that are near-copies of this one


def _span(s: int | None, e: int | None, label: str, method: str = "", reason: str = "") -> Span | None:
    return Span(s, e, label, method, reason) if s is not None and e is not None else None


def article_attribution(store: Store, article_id: str) -> AttributionView:
    """Everything attribution stored for one article (unique id prefix accepted)."""
    con = store.con
    aid = unique_article_id(con, article_id)
    qs = tuple(
        Quote(tuple(Span(s, e, "content", r[18]) for s, e in zip(r[3], r[4], strict=True)), r[2],
              _span(r[6], r[7], "cue"), _span(r[9], r[10], "speaker"), _span(r[12], r[13], "resolved speaker"),
              _span(r[15], r[16], "affiliation"), r[14] or "", r[17] or "", r[18], r[19])
        for r in con.execute("SELECT article_id, idx, kind, content_starts, content_ends, content, cue_start, "
                             "cue_end, cue, speaker_start, speaker_end, speaker, resolved_start, resolved_end, "
                             "speaker_name, affiliation_start, affiliation_end, affiliation_name, method, reason "
                             "FROM quotes WHERE article_id = ? ORDER BY idx", [aid]).fetchall())
    sts = tuple(Statement(r[0], r[1], r[2], r[3] or "", _span(r[4], r[5], "cue"), r[6], r[7])
                for r in con.execute("SELECT start_char, end_char, kind, source, cue_start, cue_end, method, reason "
                                     "FROM statements WHERE article_id = ? ORDER BY idx", [aid]).fetchall())
    paras = tuple(SourceParagraph(*r) for r in con.execute(
        "SELECT start_char, end_char, origin, outlet, role, method, reason FROM source_paragraphs "
        "WHERE article_id = ? ORDER BY idx", [aid]).fetchall())
    flags = tuple(HeadlineFlag(r[0], _span(r[1], r[2], "headline"),
                               tuple(Span(s, e, "body") for s, e in zip(r[3] or [], r[4] or [], strict=True)),
                               r[5], r[6])
                  for r in con.execute("SELECT kind, headline_start, headline_end, body_starts, body_ends, "
                                       "method, reason FROM headline_flags WHERE article_id = ? ORDER BY idx",
                                       [aid]).fetchall())
    origin = con.execute("SELECT origin_id FROM near_duplicates WHERE article_id = ?", [aid]).fetchone()
    copies = tuple(r[0] for r in con.execute(
        "SELECT article_id FROM near_duplicates WHERE origin_id = ? ORDER BY article_id", [aid]).fetchall())
    return AttributionView(qs, sts, paras, flags, origin[0] if origin else None, copies)


def origin_of(store: Store, article_id: str) -> str:
    """The origin of an article's near-duplicate group (itself when it has none)."""
    row = store.con.execute("SELECT origin_id FROM near_duplicates WHERE article_id = ?", [article_id]).fetchone()
    return row[0] if row else article_id
