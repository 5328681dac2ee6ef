-- index actors_by_country
CREATE INDEX actors_by_country ON actors (country, id);

-- index actors_by_parent
CREATE INDEX actors_by_parent ON actors (parent_id, id);

-- index attributions_by_actor
CREATE INDEX attributions_by_actor ON attributions (actor_id, operation_id);

-- index attributions_by_country
CREATE INDEX attributions_by_country ON attributions (country, operation_id);

-- index disclosures_by_date
CREATE INDEX disclosures_by_date ON disclosures (date_start, operation_id);

-- index disclosures_by_organisation
CREATE INDEX disclosures_by_organisation ON disclosures (organisation_id, operation_id);

-- index disclosures_by_report
CREATE INDEX disclosures_by_report ON disclosures (report_id, operation_id);

-- index operation_aliases_by_organisation
CREATE INDEX operation_aliases_by_organisation ON operation_aliases (organisation_id, operation_id);

-- index operation_countries_by_country
CREATE INDEX operation_countries_by_country ON operation_countries (role, country, operation_id);

-- index operation_languages_by_language
CREATE INDEX operation_languages_by_language ON operation_languages (language, operation_id);

-- index operation_platforms_by_platform
CREATE INDEX operation_platforms_by_platform ON operation_platforms (platform_id, operation_id);

-- index operation_tactics_by_technique
CREATE INDEX operation_tactics_by_technique ON operation_tactics (technique, operation_id);

-- index operation_topics_by_topic
CREATE INDEX operation_topics_by_topic ON operation_topics (topic_id, operation_id);

-- index operations_by_accounts_removed
CREATE INDEX operations_by_accounts_removed ON operations (accounts_removed, id);

-- index operations_by_first_disclosed
CREATE INDEX operations_by_first_disclosed ON operations (first_disclosed, id);

-- index operations_by_first_seen
CREATE INDEX operations_by_first_seen ON operations (first_seen_start, id);

-- index operations_by_last_disclosed
CREATE INDEX operations_by_last_disclosed ON operations (last_disclosed, id);

-- index operations_by_last_seen
CREATE INDEX operations_by_last_seen ON operations (last_seen_end, id);

-- index operations_by_max_followers
CREATE INDEX operations_by_max_followers ON operations (max_followers, id);

-- index operations_by_modified
CREATE INDEX operations_by_modified ON operations (modified, id);

-- index operations_by_name
CREATE INDEX operations_by_name ON operations (name COLLATE NOCASE, id);

-- index operations_by_status
CREATE INDEX operations_by_status ON operations (status, id);

-- index platform_actions_by_platform
CREATE INDEX platform_actions_by_platform ON platform_actions (platform_id, asset_kind_id);

-- index related_operations_by_related
CREATE INDEX related_operations_by_related ON related_operations (related_id, operation_id);

-- table actor_aliases
CREATE TABLE actor_aliases (
    actor_id TEXT NOT NULL REFERENCES actors (id),
    alias    TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
) WITHOUT ROWID;

-- table actor_sources
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

-- table actors
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

-- table asset_kinds
CREATE TABLE asset_kinds (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT NOT NULL
) WITHOUT ROWID;

-- table attributions
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

-- table dataset_metadata
CREATE TABLE dataset_metadata (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- table disclosure_platforms
CREATE TABLE disclosure_platforms (
    operation_id  TEXT NOT NULL,
    disclosure_id TEXT NOT NULL,
    platform_id   TEXT NOT NULL REFERENCES platforms (id),
    PRIMARY KEY (operation_id, disclosure_id, platform_id),
    FOREIGN KEY (operation_id, disclosure_id) REFERENCES disclosures (operation_id, id)
) WITHOUT ROWID;

-- table disclosures
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

-- table operation_aliases
CREATE TABLE operation_aliases (
    operation_id    TEXT NOT NULL REFERENCES operations (id),
    ordinal         INTEGER NOT NULL,
    name            TEXT NOT NULL,
    organisation_id TEXT REFERENCES organisations (id),
    source_id       TEXT NOT NULL,
    PRIMARY KEY (operation_id, ordinal)
) WITHOUT ROWID;

-- table operation_audiences
CREATE TABLE operation_audiences (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    audience     TEXT NOT NULL,
    PRIMARY KEY (operation_id, audience)
) WITHOUT ROWID;

-- table operation_countries
CREATE TABLE operation_countries (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    role         TEXT NOT NULL CHECK (role IN ('origin', 'target')),
    country      TEXT NOT NULL,
    PRIMARY KEY (operation_id, role, country)
) WITHOUT ROWID;

-- table operation_languages
CREATE TABLE operation_languages (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    language     TEXT NOT NULL,
    PRIMARY KEY (operation_id, language)
) WITHOUT ROWID;

-- table operation_platforms
CREATE TABLE operation_platforms (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    platform_id  TEXT NOT NULL REFERENCES platforms (id),
    PRIMARY KEY (operation_id, platform_id)
) WITHOUT ROWID;

-- table operation_sources
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

-- table operation_tactics
CREATE TABLE operation_tactics (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    technique    TEXT NOT NULL,
    PRIMARY KEY (operation_id, technique)
) WITHOUT ROWID;

-- table operation_topics
CREATE TABLE operation_topics (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    topic_id     TEXT NOT NULL REFERENCES topics (id),
    PRIMARY KEY (operation_id, topic_id)
) WITHOUT ROWID;

-- table operations
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

-- table operations_fts
CREATE VIRTUAL TABLE operations_fts USING fts5 (
    operation_id UNINDEXED,
    name,
    aliases,
    summary,
    -- porter: English stems, so that election and elections match each other.
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- table operations_fts_config
CREATE TABLE 'operations_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

-- table operations_fts_content
CREATE TABLE 'operations_fts_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3);

-- table operations_fts_data
CREATE TABLE 'operations_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

-- table operations_fts_docsize
CREATE TABLE 'operations_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

-- table operations_fts_idx
CREATE TABLE 'operations_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

-- table organisation_aliases
CREATE TABLE organisation_aliases (
    organisation_id TEXT NOT NULL REFERENCES organisations (id),
    alias           TEXT NOT NULL,
    PRIMARY KEY (organisation_id, alias)
) WITHOUT ROWID;

-- table organisations
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

-- table platform_actions
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

-- table platform_former_names
CREATE TABLE platform_former_names (
    platform_id TEXT NOT NULL REFERENCES platforms (id),
    name        TEXT NOT NULL,
    PRIMARY KEY (platform_id, name)
) WITHOUT ROWID;

-- table platforms
CREATE TABLE platforms (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    url  TEXT
) WITHOUT ROWID;

-- table reach_figures
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

-- table related_operations
CREATE TABLE related_operations (
    operation_id TEXT NOT NULL REFERENCES operations (id),
    related_id   TEXT NOT NULL REFERENCES operations (id),
    relation     TEXT NOT NULL,
    source_id    TEXT NOT NULL,
    PRIMARY KEY (operation_id, related_id, relation)
) WITHOUT ROWID;

-- table reports
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

-- table topics
CREATE TABLE topics (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    description TEXT NOT NULL
) WITHOUT ROWID;

-- view attributions_flat
CREATE VIEW attributions_flat AS
SELECT
    at.operation_id,
    o.name AS operation_name,
    at.actor_id,
    ac.name AS actor_name,
    at.country,
    at.organisation_id AS attributed_by,
    at.date,
    at.level,
    at.confidence,
    at.statement,
    s.url AS source_url,
    s.kind AS source_kind
FROM attributions at
JOIN operations o ON o.id = at.operation_id
LEFT JOIN actors ac ON ac.id = at.actor_id
JOIN operation_sources s ON s.operation_id = at.operation_id AND s.id = at.source_id;

-- view operations_flat
CREATE VIEW operations_flat AS
SELECT
    o.id,
    o.name,
    o.status,
    (SELECT group_concat(name, '; ') FROM (SELECT a.name AS name FROM operation_aliases a WHERE a.operation_id = o.id ORDER BY a.ordinal)) AS aliases,
    o.summary,
    o.domestic,
    o.first_seen,
    o.last_seen,
    (SELECT group_concat(country, ' ') FROM (SELECT c.country AS country FROM operation_countries c WHERE c.operation_id = o.id AND c.role = 'origin' ORDER BY c.country)) AS origin,
    (SELECT group_concat(country, ' ') FROM (SELECT c.country AS country FROM operation_countries c WHERE c.operation_id = o.id AND c.role = 'target' ORDER BY c.country)) AS target_countries,
    (SELECT group_concat(language, ' ') FROM (SELECT l.language AS language FROM operation_languages l WHERE l.operation_id = o.id ORDER BY l.language)) AS target_languages,
    (SELECT group_concat(topic_id, ' ') FROM (SELECT t.topic_id AS topic_id FROM operation_topics t WHERE t.operation_id = o.id ORDER BY t.topic_id)) AS topics,
    (SELECT group_concat(platform_id, ' ') FROM (SELECT p.platform_id AS platform_id FROM operation_platforms p WHERE p.operation_id = o.id ORDER BY p.platform_id)) AS platforms,
    (SELECT group_concat(actor_id, ' ') FROM (SELECT DISTINCT at.actor_id AS actor_id FROM attributions at WHERE at.operation_id = o.id ORDER BY at.actor_id)) AS actors,
    (SELECT group_concat(organisation_id, ' ') FROM (SELECT DISTINCT d.organisation_id AS organisation_id FROM disclosures d WHERE d.operation_id = o.id ORDER BY d.organisation_id)) AS disclosed_by,
    o.first_disclosed,
    o.last_disclosed,
    o.disclosure_count,
    o.accounts_removed,
    o.assets_removed,
    o.max_followers
FROM operations o;

-- view platform_actions_flat
CREATE VIEW platform_actions_flat AS
SELECT
    pa.operation_id,
    o.name AS operation_name,
    pa.disclosure_id,
    d.organisation_id AS disclosed_by,
    d.date AS disclosed_on,
    pa.platform_id,
    pa.asset_kind_id,
    pa.count,
    pa.qualifier,
    pa.note,
    pa.counts_in_totals,
    pa.counting,
    s.url AS source_url,
    s.kind AS source_kind
FROM platform_actions pa
JOIN operations o ON o.id = pa.operation_id
JOIN disclosures d ON d.operation_id = pa.operation_id AND d.id = pa.disclosure_id
JOIN operation_sources s ON s.operation_id = pa.operation_id AND s.id = pa.source_id;

-- view reach_figures_flat
CREATE VIEW reach_figures_flat AS
SELECT
    rf.operation_id,
    o.name AS operation_name,
    rf.disclosure_id,
    d.organisation_id AS disclosed_by,
    d.date AS disclosed_on,
    rf.metric,
    rf.value,
    rf.qualifier,
    rf.platform_id,
    rf.currency,
    rf.note,
    rf.counts_in_totals,
    rf.counting,
    s.url AS source_url,
    s.kind AS source_kind
FROM reach_figures rf
JOIN operations o ON o.id = rf.operation_id
JOIN disclosures d ON d.operation_id = rf.operation_id AND d.id = rf.disclosure_id
JOIN operation_sources s ON s.operation_id = rf.operation_id AND s.id = rf.source_id;

-- user_version 2
