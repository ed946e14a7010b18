//! `posture score FILE [--format text|json]`.

use std::path::Path;
use std::process::ExitCode;

use questionnaire::Lang;
use questionnaire::results::{score_json, score_text};

use super::Opened;
use crate::cli::{ScoreArgs, ScoreFormat};

/// Scores a session and prints the result.
pub fn run(catalog: Option<&Path>, args: ScoreArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let opened = Opened::read(&args.file, catalog)?;
    let audit = opened.audit()?;
    let assessment = audit.assess();
    match args.format {
        ScoreFormat::Json => super::emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&score_json(&audit, &assessment, lang))?
        ))?,
        ScoreFormat::Text => super::emit(&score_text(&audit, &assessment, lang))?,
    }
    Ok(ExitCode::SUCCESS)
}
