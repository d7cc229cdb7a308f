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
    # -- 10-19 events (issue 3): one row per event report, its arguments (actors, places, numbers) beside it
    (10, """
    CREATE TABLE event_reports (
        id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        plover_type VARCHAR NOT NULL, plover_mode VARCHAR,
        acled_type VARCHAR, acled_subtype VARCHAR, cameo_root VARCHAR,
        trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL, trigger_text VARCHAR,
        sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
        date_value DATE, date_precision VARCHAR NOT NULL, date_start INTEGER, date_end INTEGER,
        date_method VARCHAR, date_reason VARCHAR,
        status VARCHAR NOT NULL, status_qualifiers VARCHAR[], status_source VARCHAR,
        status_cue_start INTEGER, status_cue_end INTEGER, status_method VARCHAR, status_reason VARCHAR,
        confidence DOUBLE NOT NULL,
        method VARCHAR, reason VARCHAR, trigger_method VARCHAR, trigger_reason VARCHAR, mapping_reason VARCHAR,
        actor_names VARCHAR[],          -- canonical names (or text) of actors and recipients, for filtering
        countries VARCHAR[]             -- ISO3 of actors and recipients, for filtering
    );
    CREATE INDEX event_reports_article ON event_reports (article_id);
    CREATE TABLE event_arguments (
        event_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        role VARCHAR NOT NULL,          -- actor | recipient | place | number
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        text VARCHAR,
        label VARCHAR,                  -- place: place|context_place; number: dead|injured|arrested|size
        canonical VARCHAR, sector VARCHAR, country VARCHAR, aligned VARCHAR,
        low BIGINT, high BIGINT, qualifier VARCHAR,
        method VARCHAR, reason VARCHAR,
        PRIMARY KEY (event_id, role, idx)
    );
    """),
    # -- 30-39 attribution (issue 5): quotes, statement kinds, source paragraphs, headline flags
    (30, """
    CREATE TABLE quotes (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        kind VARCHAR NOT NULL,          -- direct | indirect | mixed
        content_starts INTEGER[] NOT NULL,
        content_ends INTEGER[] NOT NULL,
        content VARCHAR,
        cue_start INTEGER, cue_end INTEGER, cue VARCHAR,
        speaker_start INTEGER, speaker_end INTEGER, speaker VARCHAR,
        resolved_start INTEGER, resolved_end INTEGER, speaker_name VARCHAR,
        affiliation_start INTEGER, affiliation_end INTEGER, affiliation_name VARCHAR,
        method VARCHAR, reason VARCHAR,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE statements (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        kind VARCHAR NOT NULL,          -- fact | attributed | hedged | opinion
        source VARCHAR,
        cue_start INTEGER, cue_end INTEGER, cue VARCHAR,
        method VARCHAR, reason VARCHAR,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE source_paragraphs (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        origin VARCHAR NOT NULL,        -- own | cited
        outlet VARCHAR,
        role VARCHAR,                   -- commentary | reporting | excerpt | source line
        method VARCHAR, reason VARCHAR,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE headline_flags (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        kind VARCHAR NOT NULL,          -- unrelated | contradicted | place scope | wording | actor | number
        headline_start INTEGER, headline_end INTEGER, headline VARCHAR,  -- offsets into the title
        body_starts INTEGER[], body_ends INTEGER[], body VARCHAR[],
        method VARCHAR, reason VARCHAR,
        PRIMARY KEY (article_id, idx)
    );
    """),
    (31, """
    CREATE TABLE article_minhash (
        article_id VARCHAR PRIMARY KEY,
        signature UBIGINT[] NOT NULL
    );
    CREATE TABLE article_lsh (
        article_id VARCHAR NOT NULL,
        band INTEGER NOT NULL,
        bucket BIGINT NOT NULL
    );
    CREATE INDEX article_lsh_bucket ON article_lsh (band, bucket);
    CREATE TABLE near_duplicates (
        article_id VARCHAR PRIMARY KEY,  -- the copy
        origin_id VARCHAR NOT NULL,      -- earliest published near-copy
        similarity DOUBLE,
        method VARCHAR, reason VARCHAR
    );
    """),
    # -- 20-29 places (issue 4): resolved place mentions and event locations (queries in store/places.py)
    (20, """
    CREATE TABLE place_mentions (
        article_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        label VARCHAR,
        geonameid BIGINT,
        name VARCHAR,
        kind VARCHAR,
        feature_code VARCHAR,
        country VARCHAR,
        country_iso3 VARCHAR,
        admin1 VARCHAR,
        admin1_id BIGINT,
        admin2 VARCHAR,
        admin2_id BIGINT,
        lat DOUBLE,
        lon DOUBLE,
        precision VARCHAR NOT NULL,
        confidence DOUBLE,
        cue VARCHAR,
        method VARCHAR,
        reason VARCHAR,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE event_locations (
        article_id VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        start_char INTEGER,
        end_char INTEGER,
        text VARCHAR,
        geonameid BIGINT,
        name VARCHAR,
        kind VARCHAR,
        country VARCHAR,
        country_iso3 VARCHAR,
        admin1 VARCHAR,
        admin1_id BIGINT,
        lat DOUBLE,
        lon DOUBLE,
        precision VARCHAR NOT NULL,
        confidence DOUBLE,
        method VARCHAR,
        reason VARCHAR,
        PRIMARY KEY (article_id, event_id)
    );
    """),
    # -- 40-49 clustering (issue 6): events (many reports of one real event) and their members
    (40, """
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY,
        block VARCHAR NOT NULL,         -- connected component of compatible reports (recomputed as a unit)
        family VARCHAR NOT NULL,
        plover_type VARCHAR NOT NULL, plover_mode VARCHAR,
        date_value DATE, date_precision VARCHAR NOT NULL, date_reason VARCHAR,
        place_text VARCHAR, geonameid BIGINT, place_name VARCHAR, place_kind VARCHAR, country VARCHAR,
        admin1_id BIGINT, lat DOUBLE, lon DOUBLE, precision VARCHAR NOT NULL,
        actors VARCHAR[], recipients VARCHAR[],
        number_kinds VARCHAR[], number_lows BIGINT[], number_highs BIGINT[],
        disagreements VARCHAR[],
        n_reports INTEGER NOT NULL,     -- articles reporting it
        n_mentions INTEGER NOT NULL,    -- event-report rows
        n_outlets INTEGER NOT NULL,
        n_origins INTEGER NOT NULL,     -- independent origins
        origins VARCHAR[],
        first_published TIMESTAMP, first_outlet VARCHAR, first_article_id VARCHAR,
        any_asserted BOOLEAN NOT NULL,
        corroboration VARCHAR NOT NULL, -- single-source | multi-source | attributed-only | contested
        method VARCHAR, reason VARCHAR
    );
    CREATE INDEX events_block ON events (block);
    CREATE TABLE event_members (
        event_id VARCHAR NOT NULL,
        report_id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        block VARCHAR NOT NULL,
        outlet VARCHAR, published TIMESTAMP, status VARCHAR,
        origin VARCHAR NOT NULL, asserts BOOLEAN NOT NULL, origin_reason VARCHAR,
        method VARCHAR, reason VARCHAR
    );
    CREATE INDEX event_members_event ON event_members (event_id);
    CREATE INDEX event_members_block ON event_members (block);
    CREATE INDEX event_members_article ON event_members (article_id);
    """),
]
