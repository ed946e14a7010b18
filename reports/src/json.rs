//! The report as JSON: the format SSI teams collect (`docs/report-json.md`).

use crate::Error;
use crate::model::Report;

/// The report as pretty-printed JSON.
pub fn render(report: &Report) -> Result<String, Error> {
    Ok(serde_json::to_string_pretty(report)? + "\n")
}
