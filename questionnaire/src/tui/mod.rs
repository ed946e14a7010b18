//! `posture audit`: the guided audit in the terminal.
//!
//! Everything that can fail on the user's input (a corrupt session, another catalog version) is
//! checked before the terminal is taken over, so errors print like any other command's. Then the
//! loop draws, waits for a key or a second, lets [`app::App::update`] decide, and carries out what
//! it asks: every change is written to the session file at once, atomically.

pub mod app;
pub mod clock;
pub mod form;
pub mod keys;
pub mod labels;
pub mod search;
mod signals;
pub mod view;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event as TermEvent};

use self::app::{App, Effect, Event};
use self::form::{FormOutcome, StartForm};
use crate::audit::Audit;
use crate::catalog::{self, Catalog};
use crate::error::{Error, Problem};
use crate::lang::{Lang, Text};
use crate::reassess::reassess;
use crate::session::{DEFAULT_DURATION_MINUTES, Session};

/// What `posture audit` was asked.
#[derive(Debug, Clone, Default)]
pub struct AuditOptions {
    /// The session file: resumed if it exists, created by the start form otherwise.
    pub file: Option<PathBuf>,
    /// With `from`: the new session file.
    pub output: Option<PathBuf>,
    /// The profile, for a new session.
    pub profile: Option<String>,
    /// A catalog of the team's own.
    pub catalog: Option<PathBuf>,
    /// The interface language.
    pub lang: Lang,
    /// The meeting's time budget.
    pub duration: Option<Duration>,
    /// A previous session to re-assess.
    pub from: Option<PathBuf>,
    /// Facts files from `posture agent`.
    pub facts: Vec<PathBuf>,
}

/// Writes the report of an audit, with the machines' facts the audit shows (the reports crate
/// does it; the binary passes it in, so that this crate does not depend on the renderers).
/// Returns the files written, or why it failed, in the interface's language.
pub type Exporter<'e> = &'e dyn Fn(
    &Audit<'_>,
    Option<&crate::evidence::Evidence>,
    &Path,
    Lang,
) -> Result<Vec<PathBuf>, String>;

/// How `posture audit` ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    /// The session, unless the start form was cancelled.
    pub outcome: Option<Outcome>,
    /// The signal (SIGTERM, SIGHUP…) that ended the audit, the session saved and the terminal
    /// restored first.
    pub signal: Option<i32>,
}

/// Where the session stands at the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The session file.
    pub path: PathBuf,
    /// Questions of the score answered ([`Audit::progress`]).
    pub answered: usize,
    /// Questions of the score asked.
    pub total: usize,
    /// Answers of the previous session that could not be carried over.
    pub dropped: Vec<String>,
}

/// How often the clock redraws while no key is pressed.
const TICK: Duration = Duration::from_millis(500);
/// How often the time spent is written to the session while no key is pressed.
const SAVE_CLOCK_EVERY: Duration = Duration::from_secs(30);

/// Runs the guided audit.
pub fn run(options: AuditOptions, exporter: Exporter<'_>) -> Result<Finished, Error> {
    let lang = options.lang;
    let evidence = (!options.facts.is_empty())
        .then(|| crate::evidence::Evidence::load(&options.facts))
        .transpose()?;
    let prepared = prepare(&options)?;
    // Caught before the terminal is taken over, so that it is always given back.
    let signals = signals::Signals::catch();
    let mut terminal = Terminal::enter()?;
    let (catalog, session, path, dropped, upgraded) = match prepared {
        Prepared::Ready {
            catalog,
            session,
            path,
            dropped,
            upgraded,
        } => (catalog, session, path, dropped, upgraded),
        Prepared::Form { catalog, file } => {
            let dir = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
            let mut form = StartForm::new(
                &catalog,
                options.profile.as_deref(),
                &dir,
                chrono::Utc::now(),
            );
            if let Some(file) = file {
                form.set_file(&file);
            }
            let Some((session, path)) =
                run_form(&mut terminal, &catalog, &mut form, lang, &signals)?
            else {
                return Ok(Finished {
                    outcome: None,
                    signal: signals.received(),
                });
            };
            (catalog, session, path, Vec::new(), None)
        }
    };
    let mut session = session;
    if let Some(duration) = options.duration {
        session.meta.duration_minutes = u32::try_from(duration.as_secs() / 60).unwrap_or(u32::MAX);
    }
    session.save(&path)?;
    let budget = Duration::from_secs(u64::from(session.meta.duration_minutes.max(1)) * 60);
    let audit = Audit {
        catalog: &catalog,
        session,
    };
    let mut app = App::new(audit, lang, chrono::Utc::now(), budget);
    if let Some(evidence) = evidence {
        app.set_evidence(evidence);
    }
    if let Some(upgraded) = &upgraded {
        app.report(
            Text::new(upgraded.describe(Lang::Fr), upgraded.describe(Lang::En)),
            false,
        );
    }
    if !dropped.is_empty() {
        app.report(
            i18n::text!(
                "tui-previous-answers-dropped",
                controls = dropped.join(", ")
            ),
            true,
        );
    }
    let ran = run_app(&mut terminal, &mut app, &path, exporter, &signals);
    drop(terminal);
    let signal = ran?;
    // The count of the header, the summary and the reports: the questions of the score.
    let progress = app.audit.progress();
    Ok(Finished {
        outcome: Some(Outcome {
            path,
            answered: progress.answered,
            total: progress.total,
            dropped,
        }),
        signal,
    })
}

/// Made once per run: the size of the variants does not matter.
#[allow(clippy::large_enum_variant)]
enum Prepared {
    Ready {
        catalog: Catalog,
        session: Session,
        path: PathBuf,
        dropped: Vec<String>,
        /// What reading a session of an earlier catalog version did.
        upgraded: Option<crate::upgrade::Upgraded>,
    },
    Form {
        catalog: Catalog,
        file: Option<PathBuf>,
    },
}

/// Reads and checks everything before the terminal is taken over.
fn prepare(options: &AuditOptions) -> Result<Prepared, Error> {
    if let Some(previous_path) = &options.from {
        let (previous, _) = Session::load(previous_path)?;
        let recorded = previous.meta.catalog_path.as_ref().map(PathBuf::from);
        let catalog = catalog::load_or_bundled(options.catalog.as_deref().or(recorded.as_deref()))?;
        let Some(path) = options.output.clone().or_else(|| options.file.clone()) else {
            return Err(Error::invalid(
                Problem::new(i18n::text!("tui-from-needs-output"))
                    .hint(i18n::text!("tui-from-needs-output-hint")),
            ));
        };
        refuse_existing(&path)?;
        let (session, dropped) = reassess(
            &catalog,
            &previous,
            previous_path,
            options.profile.as_deref(),
            chrono::Utc::now(),
        )?;
        return Ok(Prepared::Ready {
            catalog,
            session,
            path,
            dropped,
            upgraded: None,
        });
    }
    match options.file.clone().or_else(|| options.output.clone()) {
        Some(path) if path.exists() => {
            let (mut session, source) = Session::load(&path)?;
            refuse_other_profile(&path, &session, options.profile.as_deref())?;
            let recorded = session.meta.catalog_path.as_ref().map(PathBuf::from);
            let catalog =
                catalog::load_or_bundled(options.catalog.as_deref().or(recorded.as_deref()))?;
            let upgraded = crate::upgrade::upgrade(&catalog, &mut session);
            // Refuse a session that does not match its catalog before touching anything.
            Audit::open(&catalog, session.clone(), &source)?;
            Ok(Prepared::Ready {
                catalog,
                session,
                path,
                dropped: Vec::new(),
                upgraded,
            })
        }
        file => {
            let catalog = catalog::load_or_bundled(options.catalog.as_deref())?;
            if let Some(profile) = &options.profile
                && catalog.profile(profile).is_none()
            {
                return Err(Error::invalid(crate::session::unknown_profile(
                    profile, &catalog,
                )));
            }
            Ok(Prepared::Form { catalog, file })
        }
    }
}

/// `--profile` with a session that exists: the session keeps the profile it was made with, so a
/// different one is refused rather than silently ignored.
fn refuse_other_profile(
    path: &Path,
    session: &Session,
    profile: Option<&str>,
) -> Result<(), Error> {
    let Some(profile) = profile.filter(|p| *p != session.meta.profile) else {
        return Ok(());
    };
    let kept = &session.meta.profile;
    let file = path.display().to_string();
    Err(Error::invalid(
        Problem::new(i18n::text!(
            "tui-other-profile",
            profile = profile,
            file = file,
            kept = kept
        ))
        .hint(i18n::text!(
            "tui-other-profile-hint",
            profile = profile,
            file = file
        )),
    ))
}

fn refuse_existing(path: &Path) -> Result<(), Error> {
    if path.exists() {
        return Err(Error::invalid(
            Problem::new(i18n::text!(
                "tui-file-exists",
                path = path.display().to_string()
            ))
            .hint(i18n::text!("tui-file-exists-hint")),
        ));
    }
    Ok(())
}

/// The terminal in raw mode on the alternate screen, restored when dropped (and by ratatui's
/// panic hook after a panic).
struct Terminal(ratatui::DefaultTerminal);

impl Terminal {
    fn enter() -> Result<Terminal, Error> {
        ratatui::try_init().map(Terminal).map_err(|error| {
            Error::invalid(
                Problem::new(i18n::text!(
                    "tui-terminal-unusable",
                    error = error.to_string()
                ))
                .hint(i18n::text!("tui-terminal-unusable-hint")),
            )
        })
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        ratatui::restore();
    }
}

fn terminal_error(error: std::io::Error) -> Error {
    Error::Write {
        path: PathBuf::from("<terminal>"),
        source: error,
    }
}

/// The start form; `None` when cancelled (by Escape or a signal).
fn run_form(
    terminal: &mut Terminal,
    catalog: &Catalog,
    form: &mut StartForm,
    lang: Lang,
    signals: &signals::Signals,
) -> Result<Option<(Session, PathBuf)>, Error> {
    loop {
        if signals.received().is_some() {
            return Ok(None);
        }
        terminal
            .0
            .draw(|frame| view::render_form(frame, form, catalog, lang))
            .map_err(terminal_error)?;
        if !event::poll(TICK).map_err(terminal_error)? {
            continue;
        }
        if let TermEvent::Key(key) = event::read().map_err(terminal_error)? {
            match form.update(key) {
                FormOutcome::Continue => {}
                FormOutcome::Cancel => return Ok(None),
                FormOutcome::Submit(new, path) => {
                    let session = Session::new(catalog, new, chrono::Utc::now())?;
                    match session.save(&path) {
                        Ok(()) => return Ok(Some((session, path))),
                        Err(error) => {
                            form.error =
                                Some(Text::new(error.render(Lang::Fr), error.render(Lang::En)));
                        }
                    }
                }
            }
        }
    }
}

/// The audit's loop; returns the signal that ended it, if one did.
///
/// A signal, or a terminal that fails (closed?), stops the audit as `q` does: it becomes
/// [`Event::Stop`] in place of the next event, and what that asks for (keep the open note, save)
/// is carried out like any other event's before the loop ends.
fn run_app(
    terminal: &mut Terminal,
    app: &mut App<'_>,
    path: &Path,
    exporter: Exporter<'_>,
    signals: &signals::Signals,
) -> Result<Option<i32>, Error> {
    let started = Instant::now();
    let mut last_clock_save = Instant::now();
    let mut signal = None;
    let mut failed = None;
    // Then kept up to date by the terminal's resize events.
    if let Ok(size) = terminal.0.size() {
        app.screen_size = size;
    }
    loop {
        app.clock.this_run = started.elapsed();
        app.now = chrono::Utc::now();
        let event = match signals.received() {
            Some(received) => {
                signal = Some(received);
                Event::Stop
            }
            None => next_event(terminal, app).unwrap_or_else(|error| {
                failed = Some(error);
                Event::Stop
            }),
        };
        app.clock.this_run = started.elapsed();
        app.now = chrono::Utc::now();
        let mut effects = app.update(event);
        if last_clock_save.elapsed() >= SAVE_CLOCK_EVERY && !effects.contains(&Effect::Save) {
            effects.insert(0, Effect::Save);
        }
        for effect in effects {
            match effect {
                Effect::Save => {
                    last_clock_save = Instant::now();
                    save(app, path);
                }
                Effect::Export => {
                    save(app, path);
                    export(app, path, exporter);
                }
                Effect::Quit => return failed.map_or(Ok(signal), Err),
            }
        }
    }
}

/// Draws the screen, then waits for a key or a tick (a resize is a tick, the new size noted).
fn next_event(terminal: &mut Terminal, app: &mut App<'_>) -> Result<Event, Error> {
    terminal
        .0
        .draw(|frame| view::render(frame, app))
        .map_err(terminal_error)?;
    // Sooner than the clock's tick when a note's draft is due to be written.
    let wait = app.tick_within().map_or(TICK, |due| due.min(TICK));
    if !event::poll(wait).map_err(terminal_error)? {
        return Ok(Event::Tick);
    }
    Ok(match event::read().map_err(terminal_error)? {
        TermEvent::Key(key) => Event::Key(key),
        TermEvent::Resize(width, height) => {
            app.screen_size = ratatui::layout::Size::new(width, height);
            Event::Tick
        }
        _ => Event::Tick,
    })
}

/// Writes the session; a failure is shown on screen and retried at the next change.
fn save(app: &mut App<'_>, path: &Path) {
    app.audit.session.meta.elapsed_seconds = app.elapsed_seconds();
    if let Err(error) = app.audit.session.save(path) {
        let error = Text::new(error.render(Lang::Fr), error.render(Lang::En));
        app.report(i18n::text!("tui-not-saved", error = error), true);
    }
}

fn export(app: &mut App<'_>, path: &Path, exporter: Exporter<'_>) {
    match exporter(&app.audit, app.evidence.as_ref(), path, app.lang) {
        Ok(paths) => {
            let list = written_list(&paths, path);
            app.report(i18n::text!("tui-report-written", files = list), false);
        }
        Err(error) => app.report(Text::new(error.clone(), error), true),
    }
}

/// The files written, short enough for the footer: `audit.{md,html,json}` when they sit next to
/// the session under its name, their names alone when they are in its directory.
fn written_list(paths: &[PathBuf], session: &Path) -> String {
    let dir = session.parent().unwrap_or(Path::new(""));
    let stem = session.file_stem();
    let beside: Option<Vec<String>> = paths
        .iter()
        .map(|p| {
            (p.parent() == Some(dir) && p.file_stem() == stem)
                .then(|| p.extension().map(|e| e.to_string_lossy().into_owned()))
                .flatten()
        })
        .collect();
    match (beside, stem) {
        (Some(extensions), Some(stem)) if extensions.len() > 1 => {
            format!("{}.{{{}}}", stem.to_string_lossy(), extensions.join(","))
        }
        _ => paths
            .iter()
            .map(|p| {
                if p.parent() == Some(dir) {
                    p.file_name().map_or_else(
                        || p.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    )
                } else {
                    p.display().to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The default meeting budget.
pub fn default_budget() -> Duration {
    Duration::from_secs(u64::from(DEFAULT_DURATION_MINUTES) * 60)
}

#[cfg(test)]
mod tests;
