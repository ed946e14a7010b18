//! `posture audit`: hands over to the terminal UI and reports where the session is.

use std::path::PathBuf;
use std::process::ExitCode;

use questionnaire::Lang;
use questionnaire::tui::{self, AuditOptions};

use crate::cli::AuditArgs;

/// Runs the guided audit.
pub fn run(catalog: Option<PathBuf>, args: AuditArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let exporter = |audit: &questionnaire::audit::Audit<'_>, path: &std::path::Path, lang: Lang| {
        super::report::export_from_audit(audit, path, lang).map_err(|error| {
            match error.downcast_ref::<questionnaire::Error>() {
                Some(error) => error.render(lang),
                None => format!("{error:#}"),
            }
        })
    };
    let outcome = tui::run(
        AuditOptions {
            file: args.file,
            output: args.output,
            profile: args.profile,
            catalog,
            lang,
            duration: args.duration,
            from: args.from,
            facts: args.facts,
        },
        &exporter,
    )?;
    let Some(outcome) = outcome else {
        super::emit(&format!(
            "{}\n",
            lang.pick(
                "audit annulé : aucun fichier créé",
                "audit cancelled: no file created"
            )
        ))?;
        return Ok(ExitCode::SUCCESS);
    };
    let path = outcome.path.display();
    let (answered, total) = (outcome.answered, outcome.total);
    super::emit(&match lang {
        Lang::Fr => format!(
            "session enregistrée : {path} ({answered}/{total} réponses)\nreprendre : posture audit {path}\nrésultats : posture score {path}\n"
        ),
        Lang::En => format!(
            "session saved: {path} ({answered}/{total} answered)\nresume: posture audit {path}\nresults: posture score {path}\n"
        ),
    })?;
    Ok(ExitCode::SUCCESS)
}
