-- The Transparency SQLite schema. A public contract: docs/sqlite-schema.md describes every table and
-- column, and a snapshot test pins this file. Dates are ISO 8601 text; a date known only to a month or a
-- year keeps that precision in the `*_precision` column, with `*_start`/`*_end` giving the days it spans.

CREATE TABLE dataset_metadata (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE platforms (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    url  TEXT
) WITHOUT ROWID;

CREATE TABLE platform_former_names (
    platform_id TEXT NOT NULL REFERENCES platforms (id),
    name        TEXT NOT NULL,
    PRIMARY KEY (platform_id, name)
) WITHOUT ROWID;

CREATE TABLE organisations (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    country     TEXT,
    url         TEXT NOT NULL,
    description TEXT,
    stated_networks           INTEGER,
    stated_networks_qualifier TEXT,
    stated_networks_as_of     TEXT,
    stated_networks_url       TEXT,
    stated_networks_title     TEXT,
    stated_networks_note      TEXT
) WITHOUT ROWID;

CREATE TABLE reports (
    id              TEXT PRIMARY KEY,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    title           TEXT NOT NULL,
    published       TEXT NOT NULL,
    url             TEXT,
    copy_url        TEXT,
    copy_kind       TEXT NOT NULL CHECK (copy_kind IN ('discloser', 'mirror', 'news', 'none')),
    networks        INTEGER,
    note            TEXT
) WITHOUT ROWID;

CREATE TABLE organisation_aliases (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    alias           TEXT NOT NULL,
    PRIMARY KEY (organisation_id, alias)
) WITHOUT ROWID;

CREATE TABLE asset_kinds (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE topics (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE actors (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    country   TEXT,
    kind      TEXT NOT NULL,
    parent_id TEXT REFERENCES actors (id),
    summary   TEXT NOT NULL,
    file_path TEXT NOT NULL,
    published TEXT,
    modified  TEXT
) WITHOUT ROWID;

CREATE TABLE actor_aliases (
    actor_id TEXT NOT NULL REFERENCES actors (id),
    alias    TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;

CREATE TABLE actor_sources (
    actor_id  TEXT NOT NULL REFERENCES actors (id),
    id        TEXT NOT NULL,
    url       TEXT NOT NULL,
    title     TEXT NOT NULL,
    publisher TEXT NOT NULL,
    published TEXT,
    kind      TEXT NOT NULL CHECK (kind IN ('primary', 'mirror', 'secondary')),
    original  TEXT,
    archive   TEXT,
    PRIMARY KEY (actor_id, id)
) WITHOUT ROWID;

CREATE TABLE operations (
    id                   TEXT PRIMARY KEY,
    name                 TEXT NOT NULL,
    status               TEXT NOT NULL CHECK (status IN ('active', 'withdrawn', 'merged')),
    merged_into          TEXT,
    retired_on           TEXT,
    retired_reason       TEXT,
    summary              TEXT NOT NULL,
    domestic             INTEGER NOT NULL CHECK (domestic IN (0, 1)),
    first_seen           TEXT,
    first_seen_precision TEXT,
    first_seen_start     TEXT,
    last_seen            TEXT,
    last_seen_precision  TEXT,
    last_seen_end        TEXT,
    activity_source_id   TEXT,
    first_disclosed      TEXT,
    last_disclosed       TEXT,
    disclosure_count     INTEGER NOT NULL,
    accounts_removed     INTEGER,
    assets_removed       INTEGER,
    max_followers        INTEGER,
    file_path            TEXT NOT NULL,
    published            TEXT,
    modified             TEXT
) WITHOUT ROWID;

CREATE TABLE operation_aliases (
    operation_id    TEXT NOT NULL REFERENCES operations (id),
    ordinal         INTEGER NOT NULL,
    name            TEXT NOT NULL,
    organisation_id TEXT REFERENCES organisations (id),
    source_id       TEXT NOT NULL,
    PRIMARY KEY (operation_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE operation_countries (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    role         TEXT NOT NULL CHECK (role IN ('origin', 'target')),
    country      TEXT NOT NULL,
    PRIMARY KEY (operation_id, role, country)
) WITHOUT ROWID;

CREATE TABLE operation_languages (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    language     TEXT NOT NULL,
    PRIMARY KEY (operation_id, language)
) WITHOUT ROWID;

CREATE TABLE operation_audiences (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    audience     TEXT NOT NULL,
    PRIMARY KEY (operation_id, audience)
) WITHOUT ROWID;

CREATE TABLE operation_topics (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    topic_id     TEXT NOT NULL REFERENCES topics (id),
    PRIMARY KEY (operation_id, topic_id)
) WITHOUT ROWID;

CREATE TABLE operation_tactics (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    technique    TEXT NOT NULL,
    PRIMARY KEY (operation_id, technique)
) WITHOUT ROWID;

CREATE TABLE operation_platforms (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    platform_id  TEXT NOT NULL REFERENCES platforms (id),
    PRIMARY KEY (operation_id, platform_id)
) WITHOUT ROWID;

CREATE TABLE attributions (
    operation_id    TEXT NOT NULL REFERENCES operations (id),
    ordinal         INTEGER NOT NULL,
    actor_id        TEXT REFERENCES actors (id),
    country         TEXT,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    date            TEXT NOT NULL,
    date_precision  TEXT NOT NULL,
    level           TEXT NOT NULL,
    confidence      TEXT NOT NULL,
    statement       TEXT NOT NULL,
    source_id       TEXT NOT NULL,
    PRIMARY KEY (operation_id, ordinal)
) WITHOUT ROWID;

CREATE TABLE disclosures (
    operation_id    TEXT NOT NULL REFERENCES operations (id),
    id              TEXT NOT NULL,
    ordinal         INTEGER NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    date            TEXT NOT NULL,
    date_precision  TEXT NOT NULL,
    date_start      TEXT NOT NULL,
    date_end        TEXT NOT NULL,
    summary         TEXT,
    source_id       TEXT NOT NULL,
    report_id       TEXT REFERENCES reports (id),
    PRIMARY KEY (operation_id, id)
) WITHOUT ROWID;

CREATE TABLE disclosure_platforms (
    operation_id  TEXT NOT NULL,
    disclosure_id TEXT NOT NULL,
    platform_id   TEXT NOT NULL REFERENCES platforms (id),
    PRIMARY KEY (operation_id, disclosure_id, platform_id),
    FOREIGN KEY (operation_id, disclosure_id) REFERENCES disclosures (operation_id, id)
) WITHOUT ROWID;

CREATE TABLE platform_actions (
    operation_id     TEXT NOT NULL,
    disclosure_id    TEXT NOT NULL,
    ordinal          INTEGER NOT NULL,
    platform_id      TEXT NOT NULL REFERENCES platforms (id),
    asset_kind_id    TEXT NOT NULL REFERENCES asset_kinds (id),
    count            INTEGER NOT NULL,
    qualifier        TEXT NOT NULL,
    note             TEXT,
    source_id        TEXT NOT NULL,
    counts_in_totals INTEGER NOT NULL CHECK (counts_in_totals IN (0, 1)),
    counting         TEXT NOT NULL CHECK (counting IN ('new', 'cumulative', 'restatement')),
    PRIMARY KEY (operation_id, disclosure_id, ordinal),
    FOREIGN KEY (operation_id, disclosure_id) REFERENCES disclosures (operation_id, id)
) WITHOUT ROWID;

CREATE TABLE reach_figures (
    operation_id     TEXT NOT NULL,
    disclosure_id    TEXT NOT NULL,
    ordinal          INTEGER NOT NULL,
    metric           TEXT NOT NULL,
    value            NUMERIC NOT NULL,
    qualifier        TEXT NOT NULL,
    platform_id      TEXT REFERENCES platforms (id),
    currency         TEXT,
    note             TEXT,
    source_id        TEXT NOT NULL,
    counts_in_totals INTEGER NOT NULL CHECK (counts_in_totals IN (0, 1)),
    counting         TEXT NOT NULL CHECK (counting IN ('new', 'cumulative', 'restatement')),
    PRIMARY KEY (operation_id, disclosure_id, ordinal),
    FOREIGN KEY (operation_id, disclosure_id) REFERENCES disclosures (operation_id, id)
) WITHOUT ROWID;

CREATE TABLE related_operations (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    related_id   TEXT NOT NULL REFERENCES operations (id),
    relation     TEXT NOT NULL,
    source_id    TEXT NOT NULL,
    PRIMARY KEY (operation_id, related_id, relation)
) WITHOUT ROWID;

CREATE TABLE operation_sources (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    id           TEXT NOT NULL,
    url          TEXT NOT NULL,
    title        TEXT NOT NULL,
    publisher    TEXT NOT NULL,
    published    TEXT,
    kind         TEXT NOT NULL CHECK (kind IN ('primary', 'mirror', 'secondary')),
    original     TEXT,
    archive      TEXT,
    PRIMARY KEY (operation_id, id)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE operations_fts USING fts5 (
    operation_id UNINDEXED,
    name,
    aliases,
    summary,
    -- porter: English stems, so that election and elections match each other.
    tokenize = 'porter unicode61 remove_diacritics 2'
);
