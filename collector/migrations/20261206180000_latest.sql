-- Each organisation's latest two assessments, kept by `Store::submit` in the submission's own
-- transaction, so that every dashboard list (organisations, heat map, overdue) is one plain
-- indexed query on organisations + this table, without working out "the latest" per
-- organisation on each view. SQL that SQLite and PostgreSQL both accept (see the first
-- migration). "Latest" is `assessed DESC, received DESC, assessment_id DESC`, as everywhere in
-- the store. An organisation without assessments has no row; deleting an organisation deletes
-- its row (cascade). Assessments are only ever added, or deleted with their organisation.
CREATE TABLE organisation_latest (
    org_id BIGINT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
    assessments BIGINT NOT NULL,
    last_id TEXT NOT NULL,
    last_assessed TEXT NOT NULL,
    last_score DOUBLE PRECISION,
    last_level BIGINT,
    last_next TEXT,
    previous_id TEXT,
    previous_assessed TEXT,
    previous_score DOUBLE PRECISION,
    previous_level BIGINT,
    previous_next TEXT
);

-- The filter by level. (The lists' other keys, the latest's date, index, change and overdue
-- rule, are read from this table's rows as the organisations are scanned: with missing values
-- last whatever the direction, no index gives their order, and ten thousand rows are sorted in
-- a few milliseconds; each index more would cost every submission.)
CREATE INDEX organisation_latest_level ON organisation_latest (last_level);

-- The default sort: by name, case-insensitive, then id (a page read in the index's order).
CREATE INDEX organisations_lower_name ON organisations (LOWER(name), id);

-- The organisations already collected.
INSERT INTO organisation_latest (
    org_id, assessments,
    last_id, last_assessed, last_score, last_level, last_next,
    previous_id, previous_assessed, previous_score, previous_level, previous_next
)
SELECT l.org_id, l.n,
    l.assessment_id, l.assessed, l.score, l.level, l.next_assessment,
    p.assessment_id, p.assessed, p.score, p.level, p.next_assessment
FROM (
    SELECT org_id, assessment_id, assessed, score, level, next_assessment,
        ROW_NUMBER() OVER (PARTITION BY org_id
            ORDER BY assessed DESC, received DESC, assessment_id DESC) AS rn,
        COUNT(*) OVER (PARTITION BY org_id) AS n
    FROM assessments
) l
LEFT JOIN (
    SELECT org_id, assessment_id, assessed, score, level, next_assessment,
        ROW_NUMBER() OVER (PARTITION BY org_id
            ORDER BY assessed DESC, received DESC, assessment_id DESC) AS rn
    FROM assessments
) p ON p.org_id = l.org_id AND p.rn = 2
WHERE l.rn = 1;
