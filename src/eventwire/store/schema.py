"""DuckDB schema as an append-only list of migrations, applied automatically on open.

To add tables for a new layer, append a migration (never edit a released one): the store
records every version applied and runs the missing ones in version order, each in a
transaction. Reserved ranges so parallel work never collides: 1-9 foundation, 10-19 events,
20-29 places, 30-39 quotes/attribution, 40-49 clustering, 50-59 serving/exports.
"""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str]] = [
    (1, """
    CREATE TABLE raw_inputs (
        sha256 VARCHAR PRIMARY KEY,
        source VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        url VARCHAR,
        size BIGINT NOT NULL,
        content BLOB NOT NULL,          -- zlib-compressed original bytes
        first_seen TIMESTAMP NOT NULL
    );
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        raw_sha256 VARCHAR,
        source VARCHAR,
        url VARCHAR,
        canonical_url VARCHAR,
        outlet VARCHAR,
        title VARCHAR,
        published TIMESTAMP,
        authors VARCHAR[],
        language VARCHAR,
        language_score DOUBLE,
        text VARCHAR NOT NULL,
        extraction_method VARCHAR,
        notes VARCHAR[],
        ingested_at TIMESTAMP NOT NULL
    );
    CREATE TABLE spans (
        article_id VARCHAR NOT NULL,
        layer VARCHAR NOT NULL,         -- paragraph | sentence | entity | cited_outlet
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        label VARCHAR,
        text VARCHAR,
        method VARCHAR,
        reason VARCHAR,
        PRIMARY KEY (article_id, layer, idx)
    );
    CREATE TABLE tokens (
        article_id VARCHAR PRIMARY KEY,
        starts INTEGER[] NOT NULL,
        ends INTEGER[] NOT NULL
    );
    CREATE TABLE rejects (
        source VARCHAR NOT NULL,
        stage VARCHAR NOT NULL,
        reason VARCHAR NOT NULL,
        raw_sha256 VARCHAR,
        first_seen TIMESTAMP NOT NULL,
        last_seen TIMESTAMP NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (source, stage, reason)
    );
    CREATE TABLE raw_articles (
        raw_sha256 VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        PRIMARY KEY (raw_sha256, article_id)
    );
    """),
]
