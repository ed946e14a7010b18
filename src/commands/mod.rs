//! One module per command; each turns parsed arguments into calls to the library crates and
//! prints the result.

mod agent;
mod answer;
mod audit;
mod benchmark;
mod catalog;
mod compare;
mod https;
mod report;
mod score;
mod send;
mod serve;
mod serve_admin;
mod session;
mod submit;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use questionnaire::Lang;
use questionnaire::audit::Audit;
use questionnaire::catalog::{self as catalogs, Catalog};
use questionnaire::session::{Session, SessionSource};

use crate::cli::{CatalogCommand, Cli, Command, ServeCommand, SessionCommand};

/// Writes command output to standard output. A closed pipe (`posture score … | head`) is not an
/// error: the reader has what it wanted.
pub fn emit(text: &str) -> anyhow::Result<()> {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        result => Ok(result?),
    }
}

/// Runs the parsed command line.
pub fn run(cli: Cli, lang: Lang) -> anyhow::Result<ExitCode> {
    let catalog = cli.catalog.as_deref();
    match cli.command {
        Command::Audit(args) => audit::run(cli.catalog, args, lang),
        Command::Catalog(CatalogCommand::Check(args)) => {
            catalog::check(args.path.as_deref().or(catalog), lang)
        }
        Command::Catalog(CatalogCommand::Export(args)) => {
            catalog::export(catalog, args.format, lang)
        }
        Command::Session(SessionCommand::New(args)) => session::new(catalog, args, lang),
        Command::Answer(args) => answer::run(catalog, args, lang),
        Command::Score(args) => score::run(catalog, args, lang),
        Command::Report(args) => report::run(catalog, args, lang),
        Command::Compare(args) => compare::run(catalog, args, lang),
        Command::Agent(command) => agent::run(command, lang),
        Command::Send(args) => send::run(catalog, args, lang),
        Command::Serve(args) => match args.command {
            None => serve::run(args, lang),
            Some(ServeCommand::Token(command)) => serve_admin::token(command, lang),
            Some(ServeCommand::Org(command)) => serve_admin::org(command, lang),
        },
        Command::Submit(args) => submit::run(catalog, args, lang),
    }
}

/// A session file and the catalog it was made with, checked against each other.
pub struct Opened {
    pub catalog: Catalog,
    pub session: Session,
    pub source: SessionSource,
}

impl Opened {
    /// Reads the session at `path` and its catalog: `--catalog` if given, else the one the
    /// session names, else the bundled one.
    /// A session of an earlier catalog version is read with this one (its answers carried,
    /// renamed or set aside), and what that did is said on standard error in `lang`.
    pub fn read_in(path: &Path, catalog: Option<&Path>, lang: Lang) -> anyhow::Result<Opened> {
        let (mut session, source) = Session::load(path)?;
        let recorded = session.meta.catalog_path.as_ref().map(PathBuf::from);
        let catalog = catalogs::load_or_bundled(catalog.or(recorded.as_deref()))?;
        if let Some(upgraded) = questionnaire::upgrade::upgrade(&catalog, &mut session) {
            eprintln!("{} ({})", upgraded.describe(lang), path.display());
        }
        Ok(Opened {
            catalog,
            session,
            source,
        })
    }

    /// The previous assessment of a comparison, read against the catalog of the new one (which
    /// may be newer): answers it cannot place are left out, and said so on standard error.
    pub fn previous<'c>(
        path: &Path,
        catalog: &'c Catalog,
        lang: Lang,
    ) -> anyhow::Result<(Audit<'c>, Option<String>)> {
        let (mut session, _) = Session::load(path)?;
        let upgraded = questionnaire::upgrade::upgrade(catalog, &mut session);
        if let Some(upgraded) = &upgraded {
            eprintln!("{} ({})", upgraded.describe(lang), path.display());
        }
        let other_version = session.meta.catalog_version != catalog.version
            || session.meta.catalog_id != catalog.id;
        let (audit, dropped) = Audit::lenient(catalog, session);
        let mut note = None;
        if other_version || !dropped.is_empty() {
            let meta = &audit.session.meta;
            let then = format!("{} {}", meta.catalog_id, meta.catalog_version);
            let now = format!("{} {}", catalog.id, catalog.version);
            let path = path.display().to_string();
            let text = if dropped.is_empty() {
                i18n::t!(
                    lang,
                    "cli-previous-other-catalog",
                    path = path,
                    then = then,
                    now = now
                )
            } else {
                let answers = dropped.join(", ");
                i18n::t!(
                    lang,
                    "cli-previous-other-catalog-dropped",
                    path = path,
                    then = then,
                    now = now,
                    answers = answers
                )
            };
            note = Some(text);
        }
        Ok((audit, note))
    }

    /// The audit, once the session is checked against the catalog.
    pub fn audit(&self) -> anyhow::Result<Audit<'_>> {
        Ok(Audit::open(
            &self.catalog,
            self.session.clone(),
            &self.source,
        )?)
    }
}

/// The previous assessment of a comparison (`report --previous`, `send --previous`, `compare
/// OLD NEW`), read leniently against the current catalog, with what deserves a word on standard
/// error: another catalog version, another organisation, or a "previous" assessment made after
/// the current one.
pub(crate) fn previous<'c>(
    path: &Path,
    catalog: &'c Catalog,
    current: &Audit<'_>,
    current_path: &Path,
    lang: Lang,
) -> anyhow::Result<Audit<'c>> {
    let (previous, note) = Opened::previous(path, catalog, lang)?;
    if let Some(note) = note {
        eprintln!("{note}");
    }
    for warning in warnings(&previous, path, current, current_path, lang) {
        eprintln!("{warning}");
    }
    Ok(previous)
}

/// What is odd about comparing `current` with `previous`, in `lang`.
fn warnings(
    previous: &Audit<'_>,
    previous_path: &Path,
    current: &Audit<'_>,
    current_path: &Path,
    lang: Lang,
) -> Vec<String> {
    let (old, new) = (&previous.session.meta, &current.session.meta);
    let mut warnings = Vec::new();
    if old.organisation.trim() != new.organisation.trim() {
        let (previous, current) = (old.organisation.as_str(), new.organisation.as_str());
        warnings.push(i18n::t!(
            lang,
            "cli-previous-other-organisation",
            previous = previous,
            current = current
        ));
    }
    let newer = old.created > new.created;
    if newer {
        // The day, or the day and time when both are of the same day.
        let same_day = old.created.date_naive() == new.created.date_naive();
        let day = |time: &chrono::DateTime<chrono::FixedOffset>| {
            let form = if same_day {
                "%Y-%m-%d %H:%M"
            } else {
                "%Y-%m-%d"
            };
            time.format(form).to_string()
        };
        let (old_day, new_day) = (day(&old.created), day(&new.created));
        let (previous, current) = (
            previous_path.display().to_string(),
            current_path.display().to_string(),
        );
        warnings.push(i18n::t!(
            lang,
            "cli-previous-more-recent",
            previous = previous,
            previous_day = old_day,
            current = current,
            current_day = new_day
        ));
    }
    warnings
}
