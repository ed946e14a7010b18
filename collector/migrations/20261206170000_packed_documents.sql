-- Report documents stored compressed by the server: `document_lz4` holds the submitted bytes
-- compressed with LZ4 (block format, the uncompressed size first, as `lz4_flex` writes it), and
-- `document` is then left empty. An 87 kB report takes about a quarter of that, so a submission
-- writes a few pages instead of some twenty (and a checkpoint copies as few): SQLite stores
-- several times more submissions a second (`docs/benchmarks.md`). Rows written before keep their
-- text in `document`, `document_lz4` NULL; both are read (`Store::assessment`).
-- BYTEA: PostgreSQL's byte string; in SQLite any type name is accepted and a blob is stored as is.
ALTER TABLE assessments ADD COLUMN document_lz4 BYTEA;
