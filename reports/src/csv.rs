//! The report as CSV: one row per control, for spreadsheets. UTF-8 with a byte-order mark so that
//! Excel shows the accents, comma-separated (`docs/report-json.md`, "CSV").

use crate::Error;
use crate::model::{AnswerStatus, Report};
use questionnaire::Lang;

/// Columns, in the report's language.
fn header(lang: Lang) -> [String; 13] {
    [
        i18n::t!(lang, "report-csv-column-domain"),
        i18n::t!(lang, "report-csv-column-domain-id"),
        i18n::t!(lang, "report-csv-column-control"),
        i18n::t!(lang, "report-csv-column-question"),
        i18n::t!(lang, "report-csv-column-answer"),
        i18n::t!(lang, "report-csv-column-status"),
        i18n::t!(lang, "report-csv-column-level"),
        i18n::t!(lang, "report-csv-column-target"),
        i18n::t!(lang, "report-csv-column-weight"),
        i18n::t!(lang, "report-csv-column-critical"),
        i18n::t!(lang, "report-csv-column-note"),
        i18n::t!(lang, "report-csv-column-refs"),
        i18n::t!(lang, "report-csv-column-effective-level"),
    ]
}

/// A row's status (`AnswerRow::status`) in the report's language.
fn status(status: AnswerStatus, lang: Lang) -> String {
    match status {
        AnswerStatus::Answered => i18n::t!(lang, "report-csv-status-answered"),
        AnswerStatus::Unknown => i18n::t!(lang, "report-csv-status-unknown"),
        AnswerStatus::Unanswered => i18n::t!(lang, "report-csv-status-unanswered"),
        AnswerStatus::NotApplicable => i18n::t!(lang, "report-csv-status-not-applicable"),
        AnswerStatus::Context => i18n::t!(lang, "report-csv-status-context"),
    }
}

/// A cell a spreadsheet will not run: text starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return would be read as a formula (CSV injection), so it gets a leading apostrophe, which
/// spreadsheets show as text and do not print.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// The report as CSV bytes (BOM, then one header row and one row per question).
pub fn render(report: &Report) -> Result<Vec<u8>, Error> {
    let lang = report.lang;
    let mut writer = ::csv::WriterBuilder::new().from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(header(lang))?;
    let level = |level: Option<u8>| level.map(|l| l.to_string()).unwrap_or_default();
    // Each status's words, looked up once rather than per row.
    let statuses: Vec<(AnswerStatus, String)> = AnswerStatus::ALL
        .into_iter()
        .map(|id| (id, status(id, lang)))
        .collect();
    let status = |id: AnswerStatus| {
        statuses
            .iter()
            .find(|(known, _)| *known == id)
            .map_or("", |(_, words)| words.as_str())
    };
    for domain in &report.answers {
        for row in &domain.answers {
            let refs: Vec<&str> = row.refs.iter().map(|c| c.label.as_str()).collect();
            let cells = [
                domain.title.as_str(),
                domain.domain.as_str(),
                row.control.as_str(),
                row.question.as_str(),
                row.answer.as_str(),
                status(row.status),
                &level(row.level),
                &level(row.target),
                &row.weight.to_string(),
                if row.critical { "1" } else { "0" },
                row.note.as_str(),
                &refs.join("; "),
                &level(row.effective_level),
            ];
            writer.write_record(cells.iter().map(|cell| inert(cell).into_owned()))?;
        }
    }
    writer
        .into_inner()
        .map_err(|error| Error::Csv(error.into_error().into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_become_text() {
        for cell in ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(inert(cell), format!("'{cell}"));
        }
        for cell in ["", "3", "Vu avec la direction", "a=b"] {
            assert_eq!(inert(cell), cell);
        }
    }

    #[test]
    fn every_status_has_its_words() {
        for id in AnswerStatus::ALL {
            assert!(!status(id, Lang::Fr).is_empty() && !status(id, Lang::En).is_empty());
        }
        assert_eq!(status(AnswerStatus::Unknown, Lang::Fr), "ne sait pas");
        assert_eq!(status(AnswerStatus::Unknown, Lang::En), "don't know");
    }
}
