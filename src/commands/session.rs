//! `posture session new`.

use std::path::Path;
use std::process::ExitCode;

use questionnaire::catalog::{self, CatalogSource};
use questionnaire::session::{NewSession, Session};
use questionnaire::{Error, Lang, Problem};

use crate::cli::NewSessionArgs;

/// Creates an empty session file; never replaces one unless `--force`.
pub fn new(catalog: Option<&Path>, args: NewSessionArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut catalog = catalog::load_or_bundled(catalog)?;
    if let CatalogSource::Path(path) = &catalog.source {
        // Record an absolute path, so the session finds its catalog from any directory.
        if let Ok(absolute) = std::fs::canonicalize(path) {
            catalog.source = CatalogSource::Path(absolute);
        }
    }
    if args.output.exists() && !args.force {
        return Err(Error::invalid(
            Problem::new(i18n::text!(
                "cli-session-exists",
                path = args.output.display().to_string()
            ))
            .hint(i18n::text!("cli-session-exists-hint")),
        )
        .into());
    }
    let participants = args
        .participants
        .iter()
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .collect();
    let session = Session::new(
        &catalog,
        NewSession {
            organisation: args.org,
            profile: args.profile,
            auditor: args.auditor.trim().to_owned(),
            participants,
            sector: args.sector.trim().to_owned(),
            headcount: args
                .headcount
                .map(|h| h.label().to_owned())
                .unwrap_or_default(),
        },
        chrono::Utc::now(),
    )?;
    session.save(&args.output)?;
    let questions = catalog.controls_in(&session.meta.profile).count();
    let (path, name, questions) = (
        args.output.display().to_string(),
        format!("{} {}", catalog.id, catalog.version),
        i18n::t!(lang, "cli-session-questions", count = questions),
    );
    let meta = &session.meta;
    let (organisation, profile) = (meta.organisation.as_str(), meta.profile.as_str());
    super::emit(&format!(
        "{}\n",
        i18n::t!(
            lang,
            "cli-session-created",
            path = path,
            organisation = organisation,
            profile = profile,
            questions = questions,
            catalog = name
        )
    ))?;
    Ok(ExitCode::SUCCESS)
}
