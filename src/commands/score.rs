//! `posture score FILE [--format text|json]`.

use std::path::Path;
use std::process::ExitCode;

use questionnaire::Lang;
use questionnaire::evidence::Evidence;
use questionnaire::results::{score_json, score_text};

use super::Opened;
use crate::cli::{ScoreArgs, ScoreFormat};

/// Scores a session and prints the result.
pub fn run(catalog: Option<&Path>, args: ScoreArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let opened = Opened::read_in(&args.file, catalog, lang)?;
    let audit = opened.audit()?;
    let evidence = (!args.facts.is_empty())
        .then(|| Evidence::load(&args.facts))
        .transpose()?;
    let assessment = audit.assess_with(evidence.as_ref());
    let findings = evidence.as_ref().map(|e| audit.machine_findings(e));
    match args.format {
        ScoreFormat::Json => super::emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&score_json(
                &audit,
                &assessment,
                findings.as_ref(),
                lang
            ))?
        ))?,
        ScoreFormat::Text => {
            super::emit(&score_text(&audit, &assessment, findings.as_ref(), lang))?
        }
    }
    Ok(ExitCode::SUCCESS)
}
