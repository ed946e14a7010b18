//! Audit reports: one [`model::Report`] built from an audit, rendered as HTML, Markdown, JSON and
//! CSV (and PDF), all carrying the same content, written atomically with mode 0600.
#![forbid(unsafe_code)]

pub mod benchmark;
pub mod csv;
pub mod delivery;
pub mod html;
pub mod json;
mod labels;
pub mod markdown;
pub mod method;
pub mod model;
pub mod pdf;
pub mod radar;
pub mod text;

pub use model::{Report, build, build_with_facts};

/// Why a report could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A template failed to render (a bug in posture, not in the user's input).
    #[error("template: {0}")]
    Template(#[from] minijinja::Error),
    /// CSV writing failed.
    #[error("csv: {0}")]
    Csv(#[from] ::csv::Error),
    /// JSON writing failed.
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
    /// The PDF could not be made.
    #[error("pdf: {0}")]
    Pdf(String),
}

/// A report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One self-contained HTML file.
    Html,
    /// A4 PDF.
    Pdf,
    /// Markdown.
    Markdown,
    /// JSON (`docs/report-json.md`).
    Json,
    /// CSV, one row per control.
    Csv,
}

impl Format {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

/// The report in one format, as bytes.
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>, Error> {
    Ok(match format {
        Format::Html => html::render(report)?.into_bytes(),
        Format::Pdf => pdf::render(report)?,
        Format::Markdown => markdown::render(report).into_bytes(),
        Format::Json => json::render(report)?.into_bytes(),
        Format::Csv => csv::render(report)?,
    })
}

/// The formats written when none is asked for, and sent by e-mail: the ones a director keeps.
pub const DEFAULT_FORMATS: [Format; 2] = [Format::Html, Format::Pdf];
