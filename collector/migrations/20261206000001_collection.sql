-- The collection: organisations, their tokens, their assessments and each assessment's domains.
-- One set of migrations for SQLite and PostgreSQL: only SQL both accept. Ids are BIGINT assigned
-- by the application (no SERIAL, no AUTOINCREMENT); strings, dates (YYYY-MM-DD), times (RFC 3339)
-- and the submitted JSON are TEXT; scores DOUBLE PRECISION; flags and levels BIGINT.

CREATE TABLE organisations (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    sector TEXT,
    size TEXT,
    created TEXT NOT NULL
);

CREATE TABLE tokens (
    id BIGINT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('organisation', 'admin')),
    name TEXT NOT NULL,
    org_id BIGINT REFERENCES organisations (id) ON DELETE CASCADE,
    hash TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    revoked BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX tokens_org ON tokens (org_id);

CREATE TABLE assessments (
    assessment_id TEXT PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    organisation TEXT NOT NULL,
    assessed TEXT NOT NULL,
    score DOUBLE PRECISION,
    level BIGINT,
    next_assessment TEXT,
    document TEXT NOT NULL,
    received TEXT NOT NULL
);

CREATE INDEX assessments_org ON assessments (org_id, assessed);

CREATE TABLE assessment_domains (
    assessment_id TEXT NOT NULL REFERENCES assessments (assessment_id) ON DELETE CASCADE,
    ordinal BIGINT NOT NULL,
    domain TEXT NOT NULL,
    score DOUBLE PRECISION,
    level BIGINT,
    PRIMARY KEY (assessment_id, ordinal)
);
