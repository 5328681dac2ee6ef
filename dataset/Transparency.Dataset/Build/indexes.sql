-- Created after the rows are in. One index for every filter and sort the API offers.
CREATE INDEX operations_by_name ON operations (name COLLATE NOCASE, id);
CREATE INDEX operations_by_first_seen ON operations (first_seen_start, id);
CREATE INDEX operations_by_last_seen ON operations (last_seen_end, id);
CREATE INDEX operations_by_first_disclosed ON operations (first_disclosed, id);
CREATE INDEX operations_by_last_disclosed ON operations (last_disclosed, id);
CREATE INDEX operations_by_accounts_removed ON operations (accounts_removed, id);
CREATE INDEX operations_by_max_followers ON operations (max_followers, id);
CREATE INDEX operations_by_status ON operations (status, id);
CREATE INDEX operations_by_modified ON operations (modified, id);
CREATE INDEX operation_countries_by_country ON operation_countries (role, country, operation_id);
CREATE INDEX operation_languages_by_language ON operation_languages (language, operation_id);
CREATE INDEX operation_topics_by_topic ON operation_topics (topic_id, operation_id);
CREATE INDEX operation_tactics_by_technique ON operation_tactics (technique, operation_id);
CREATE INDEX operation_platforms_by_platform ON operation_platforms (platform_id, operation_id);
CREATE INDEX attributions_by_actor ON attributions (actor_id, operation_id);
CREATE INDEX attributions_by_country ON attributions (country, operation_id);
CREATE INDEX disclosures_by_organisation ON disclosures (organisation_id, operation_id);
CREATE INDEX disclosures_by_date ON disclosures (date_start, operation_id);
CREATE INDEX disclosures_by_report ON disclosures (report_id, operation_id);
CREATE INDEX platform_actions_by_platform ON platform_actions (platform_id, asset_kind_id);
CREATE INDEX related_operations_by_related ON related_operations (related_id, operation_id);
CREATE INDEX actors_by_country ON actors (country, id);
CREATE INDEX actors_by_parent ON actors (parent_id, id);
CREATE INDEX operation_aliases_by_organisation ON operation_aliases (organisation_id, operation_id);

-- Flattened views, one row per thing, for CSV exports and spreadsheet users. Lists are joined from
-- ordered subqueries rather than group_concat(... ORDER BY ...), which sqlite3 shells before 3.44 cannot read.
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
