"""The embedded store: one DuckDB file, migrated on open, written in one transaction per article."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import NotFound, StoreError
from ..model import Article, CitedOutlet, Entity, RawDocument, Rejection, Span
from .ids import unique_article_id
from .layers import LAYER_WRITERS
from .schema import MIGRATIONS

__all__ = ["ArticleRow", "Store"]


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One line of ``eventwire articles``: the metadata, not the text."""

    id: str
    title: str | None
    outlet: str | None
    published: datetime | None
    url: str | None
    language: str
    words: int
    cited_outlets: tuple[str, ...]
    source: str


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """A DuckDB file holding raw inputs, articles, span layers and rejects."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        import duckdb

        self.path = Path(path)
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"[E201] cannot open store {self.path}: {exc}") from exc
        if not read_only:
            self._migrate()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ---------------------------------------------------------------------------
    def _migrate(self) -> None:
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        applied = {r[0] for r in self.con.execute("SELECT version FROM schema_version").fetchall()}
        for version, ddl in sorted(MIGRATIONS):
            if version in applied:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(ddl)
                self.con.execute("INSERT INTO schema_version VALUES (?)", [version])
                self.con.execute("COMMIT")
            except Exception as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(f"[E202] migration {version} failed: {exc}") from exc

    @property
    def schema_version(self) -> int:
        return self.con.execute("SELECT max(version) FROM schema_version").fetchone()[0]

    # -- writing --------------------------------------------------------------------------
    def article_for_raw(self, sha256: str) -> str | None:
        """The id of the article this exact input already became, if any."""
        row = self.con.execute("SELECT article_id FROM raw_articles WHERE raw_sha256 = ? ORDER BY article_id LIMIT 1",
                               [sha256]).fetchone()
        return row[0] if row else None

    def known_raw(self, sha256: str) -> bool:
        """True when this exact input was already turned into an article."""
        row = self.con.execute("SELECT 1 FROM raw_articles WHERE raw_sha256 = ? LIMIT 1", [sha256]).fetchone()
        return row is not None

    def save(self, work: Any) -> bool:
        """Store an analysed article (a :class:`~eventwire.pipeline.Work`); False if it was known.

        Everything for the article (raw input, row, layers) is written in one transaction, so a
        run killed half-way leaves either the whole article or none of it.
        """
        art: Article = work.article
        existed = self.con.execute("SELECT 1 FROM articles WHERE id = ?", [art.id]).fetchone() is not None
        self.con.execute("BEGIN TRANSACTION")
        try:
            if work.raw is not None:
                self._save_raw(work.raw, art.raw_sha256)
                self.con.execute("INSERT OR IGNORE INTO raw_articles VALUES (?, ?)", [art.raw_sha256, art.id])
            self._delete_article_rows(art.id)
            self.con.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [art.id, art.raw_sha256, art.source, art.url, art.canonical_url, art.outlet, art.title,
                 art.published, list(art.authors), art.language, art.language_score, art.text,
                 art.extraction_method, list(art.notes), _now()],
            )
            for writer in LAYER_WRITERS:
                writer.write(self.con, work)
            self._clear_rejects(art)
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"[E203] could not store article {art.id}: {exc}") from exc
        return not existed

    def _clear_rejects(self, art: Article) -> None:
        """A stored article settles earlier failures of the same bytes, and fetch failures of the
        same address (an unreachable URL that later answered is no longer a failure)."""
        self.con.execute("DELETE FROM rejects WHERE raw_sha256 = ?", [art.raw_sha256])
        addresses = [a for a in dict.fromkeys((art.source, art.url)) if a]
        if addresses:
            marks = ", ".join("?" * len(addresses))
            self.con.execute(f"DELETE FROM rejects WHERE raw_sha256 IS NULL AND source IN ({marks})", addresses)

    def _save_raw(self, raw: RawDocument, sha256: str | None) -> None:
        self.con.execute(
            "INSERT OR IGNORE INTO raw_inputs VALUES (?, ?, ?, ?, ?, ?, ?)",
            [sha256, raw.source, raw.kind, raw.url, len(raw.content), zlib.compress(raw.content, 6), _now()],
        )

    def _delete_article_rows(self, article_id: str) -> None:
        for table in dict.fromkeys(t for w in LAYER_WRITERS for t in w.tables):
            self.con.execute(f"DELETE FROM {table} WHERE article_id = ?", [article_id])
        self.con.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def reject(self, rejection: Rejection, raw: RawDocument | None = None) -> None:
        """Record a failure (once per source, stage and reason) and keep the raw bytes."""
        at = rejection.at or _now()
        self.con.execute("BEGIN TRANSACTION")
        try:
            if raw is not None and rejection.raw_sha256:
                self._save_raw(raw, rejection.raw_sha256)
            self.con.execute(
                """INSERT INTO rejects VALUES (?, ?, ?, ?, ?, ?, 1)
                   ON CONFLICT (source, stage, reason) DO UPDATE
                   SET last_seen = excluded.last_seen, attempts = rejects.attempts + 1""",
                [rejection.source, rejection.stage, rejection.reason, rejection.raw_sha256, at, at],
            )
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"[E204] could not record reject for {rejection.source}: {exc}") from exc

    def ingest(self, inputs: Any, settings: Any = None, progress: Any = None, stdin: Any = None) -> Any:
        """Ingest paths, URLs, feeds, WARC, JSON Lines (``-`` = ``stdin``) into this store.

        Same as :func:`eventwire.ingest.ingest` (returns its ``IngestSummary``); ``settings``
        defaults to :func:`~eventwire.config.load_settings` for this file.
        """
        from ..config import load_settings
        from ..ingest import ingest

        return ingest(self, list(inputs), settings or load_settings(self.path), progress=progress, stdin=stdin)

    # -- reading --------------------------------------------------------------------------
    def articles(self, since: datetime | None = None, outlet: str | None = None,
                 search: str | None = None, limit: int | None = None) -> Iterator[ArticleRow]:
        """Articles newest first, filtered by publication date, outlet and words in title/text."""
        where, params = ["1=1"], []
        if since is not None:
            where.append("published >= ?")
            params.append(since)
        if outlet:
            where.append("(outlet ILIKE ? OR url ILIKE ?)")
            params += [f"%{outlet}%", f"%{outlet}%"]
        for word in (search or "").split():
            where.append("(title ILIKE ? OR text ILIKE ?)")
            params += [f"%{word}%", f"%{word}%"]
        sql = f"""
            SELECT a.id, a.title, a.outlet, a.published, coalesce(a.canonical_url, a.url), a.language,
                   len(string_split_regex(trim(a.text), '\\s+')),
                   coalesce((SELECT list(s.text ORDER BY s.idx) FROM spans s
                             WHERE s.article_id = a.id AND s.layer = 'cited_outlet'), []),
                   a.source
            FROM articles a WHERE {' AND '.join(where)}
            ORDER BY a.published DESC NULLS LAST, a.ingested_at DESC, a.id
            {'LIMIT ' + str(int(limit)) if limit else ''}"""
        for row in self.con.execute(sql, params).fetchall():
            yield ArticleRow(*row[:7], tuple(dict.fromkeys(row[7])), row[8])

    def article(self, article_id: str) -> Article:
        """The full stored article with its span layers; accepts a unique id prefix."""
        rows = self.con.execute(
            "SELECT * FROM articles WHERE id = ?", [unique_article_id(self.con, article_id)]).fetchall()
        cols = [d[0] for d in self.con.description]
        rec = dict(zip(cols, rows[0], strict=True))
        spans = self.con.execute(
            "SELECT layer, start_char, end_char, label, text, method, reason FROM spans "
            "WHERE article_id = ? ORDER BY layer, idx", [rec["id"]]).fetchall()
        tok = self.con.execute("SELECT starts, ends FROM tokens WHERE article_id = ?", [rec["id"]]).fetchone()
        by_layer: dict[str, list[tuple[Any, ...]]] = {}
        for layer, *rest in spans:
            by_layer.setdefault(layer, []).append(tuple(rest))
        return Article(
            id=rec["id"], text=rec["text"], title=rec["title"], url=rec["url"],
            canonical_url=rec["canonical_url"], outlet=rec["outlet"], published=rec["published"],
            authors=tuple(rec["authors"] or ()), language=rec["language"],
            language_score=rec["language_score"], source=rec["source"], raw_sha256=rec["raw_sha256"],
            extraction_method=rec["extraction_method"], notes=tuple(rec["notes"] or ()),
            paragraphs=tuple(Span(s, e, lab, m, r) for s, e, lab, _, m, r in by_layer.get("paragraph", [])),
            sentences=tuple(Span(s, e, lab, m, r) for s, e, lab, _, m, r in by_layer.get("sentence", [])),
            tokens=tuple(zip(tok[0], tok[1], strict=True)) if tok else (),
            entities=tuple(Entity(s, e, lab, t, m, r) for s, e, lab, t, m, r in by_layer.get("entity", [])),
            cited_outlets=tuple(CitedOutlet(t, s, e, lab, m, r)
                                for s, e, lab, t, m, r in by_layer.get("cited_outlet", [])),
        )

    def raw_content(self, sha256: str) -> bytes:
        row = self.con.execute("SELECT content FROM raw_inputs WHERE sha256 = ?", [sha256]).fetchone()
        if row is None:
            raise NotFound(f"[E302] no raw input {sha256}")
        return zlib.decompress(row[0])

    def rejects(self) -> list[Rejection]:
        rows = self.con.execute(
            "SELECT source, stage, reason, raw_sha256, last_seen FROM rejects ORDER BY last_seen DESC").fetchall()
        return [Rejection(*r) for r in rows]

    def count(self, table: str) -> int:
        return self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
