//! The report as CSV: one row per control, for spreadsheets. UTF-8 with a byte-order mark so that
//! Excel shows the accents.

use crate::Error;
use crate::model::Report;

/// Columns, in the report's language.
fn header(lang: &str) -> [&'static str; 12] {
    if lang == "fr" {
        [
            "domaine",
            "id_domaine",
            "contrôle",
            "question",
            "réponse",
            "statut",
            "niveau",
            "cible",
            "poids",
            "critique",
            "note",
            "références",
        ]
    } else {
        [
            "domain",
            "domain_id",
            "control",
            "question",
            "answer",
            "status",
            "level",
            "target",
            "weight",
            "critical",
            "note",
            "refs",
        ]
    }
}

/// The report as CSV bytes (BOM, then one header row and one row per question).
pub fn render(report: &Report) -> Result<Vec<u8>, Error> {
    let mut writer = ::csv::WriterBuilder::new().from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(header(report.lang))?;
    for domain in &report.answers {
        for row in &domain.answers {
            let refs: Vec<&str> = row.refs.iter().map(|c| c.label.as_str()).collect();
            writer.write_record([
                domain.title.as_str(),
                domain.domain.as_str(),
                row.control.as_str(),
                row.question.as_str(),
                row.answer.as_str(),
                row.status,
                &row.level.map(|l| l.to_string()).unwrap_or_default(),
                &row.target.map(|t| t.to_string()).unwrap_or_default(),
                &row.weight.to_string(),
                if row.critical { "1" } else { "0" },
                row.note.as_str(),
                &refs.join("; "),
            ])?;
        }
    }
    writer
        .into_inner()
        .map_err(|error| Error::Csv(error.into_error().into()))
}
