-- The dashboard (`posture serve` at `/`): signed-in sessions of SSI team members, the contact
-- written with an organisation's token, and the indexes its pages need to answer fast with ten
-- thousand organisations. SQL that SQLite and PostgreSQL both accept (see the first migration).

-- A session: its random id is only stored as its SHA-256 (a copy of the database does not sign
-- anyone in); times are Unix seconds. A session ends with its admin token (revoked: refused at
-- once, as the token is read on every request; deleted: cascade).
CREATE TABLE dashboard_sessions (
    id_hash TEXT PRIMARY KEY,
    token_id BIGINT NOT NULL REFERENCES tokens (id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created BIGINT NOT NULL,
    last_seen BIGINT NOT NULL
);

CREATE INDEX dashboard_sessions_token ON dashboard_sessions (token_id);

-- Whom to call about an organisation (`posture serve token create --contact`).
ALTER TABLE organisations ADD COLUMN contact TEXT;

-- The peers page: the organisations of a sector and size band.
CREATE INDEX organisations_sector_size ON organisations (sector, size);

-- Each organisation's assessments in order, and their overall figures, without reading the
-- table's rows (each holds a whole report document; `received` is stored after it).
CREATE INDEX assessments_org_latest
    ON assessments (org_id, assessed, received, assessment_id, score, level, next_assessment);
