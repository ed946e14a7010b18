//! posture's collection server: `posture serve` keeps the assessments that organisations submit
//! (`posture submit`, a report JSON document, `docs/report-json.md`) so that an SSI team sees who
//! was audited when, where each stands, and who progressed. SQLite by default, PostgreSQL for a
//! larger collection, through one set of migrations (`collector/migrations`).
#![forbid(unsafe_code)]
pub mod dashboard;
pub mod document;
pub mod server;
pub mod store;
