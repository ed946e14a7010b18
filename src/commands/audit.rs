//! `posture audit`: hands over to the terminal UI and reports where the session is. Ended by a
//! signal (SIGTERM, SIGHUP…), it still reports, then exits with 128 + the signal's number, as a
//! shell shows a process killed by it.

use std::path::PathBuf;
use std::process::ExitCode;

use questionnaire::Lang;
use questionnaire::tui::{self, AuditOptions};

use crate::cli::AuditArgs;

/// Runs the guided audit.
pub fn run(catalog: Option<PathBuf>, args: AuditArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let facts = args.facts.clone();
    let exporter = |audit: &questionnaire::audit::Audit<'_>, path: &std::path::Path, lang: Lang| {
        super::report::export_from_audit(audit, path, &facts, lang).map_err(|error| {
            match error.downcast_ref::<questionnaire::Error>() {
                Some(error) => error.render(lang),
                None => format!("{error:#}"),
            }
        })
    };
    let finished = tui::run(
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
    let status = match finished.signal {
        None => ExitCode::SUCCESS,
        Some(signal) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(u8::MAX)),
    };
    // After SIGHUP the terminal may be gone: what cannot be printed is not an error then.
    let emit = |text: &str| match super::emit(text) {
        Err(_) if finished.signal.is_some() => Ok(()),
        result => result,
    };
    let Some(outcome) = finished.outcome else {
        emit(&format!(
            "{}\n",
            lang.pick(
                "audit annulé : aucun fichier créé",
                "audit cancelled: no file created"
            )
        ))?;
        return Ok(status);
    };
    let path = outcome.path.display();
    let (answered, total) = (outcome.answered, outcome.total);
    emit(&match lang {
        Lang::Fr => format!(
            "session enregistrée : {path} ({answered}/{total} réponses)\nreprendre : posture audit {path}\nrésultats : posture score {path}\n"
        ),
        Lang::En => format!(
            "session saved: {path} ({answered}/{total} answered)\nresume: posture audit {path}\nresults: posture score {path}\n"
        ),
    })?;
    Ok(status)
}
