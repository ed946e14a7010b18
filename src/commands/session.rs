//! `posture session new`.

use std::path::Path;
use std::process::ExitCode;

use questionnaire::catalog::{self, CatalogSource};
use questionnaire::session::{NewSession, Session};
use questionnaire::{Error, Lang, Problem, Text};

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
            Problem::new(Text::new(
                format!("le fichier {} existe déjà", args.output.display()),
                format!("the file {} already exists", args.output.display()),
            ))
            .hint(Text::new(
                "choisissez un autre nom, ou ajoutez --force pour le remplacer",
                "choose another name, or add --force to replace it",
            )),
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
    super::emit(&format!(
        "{}\n",
        match lang {
            Lang::Fr => format!(
                "session créée : {} — {}, profil {} ({questions} questions), catalogue {} {}",
                args.output.display(),
                session.meta.organisation,
                session.meta.profile,
                catalog.id,
                catalog.version
            ),
            Lang::En => format!(
                "session created: {} — {}, profile {} ({questions} questions), catalog {} {}",
                args.output.display(),
                session.meta.organisation,
                session.meta.profile,
                catalog.id,
                catalog.version
            ),
        }
    ))?;
    Ok(ExitCode::SUCCESS)
}
