//! `posture answer FILE CONTROL CHOICE [--note TEXT]`.

use std::path::Path;
use std::process::ExitCode;

use questionnaire::audit::{choice_label, resolve_choice};
use questionnaire::{Error, Lang, Problem, level_name};

use super::Opened;
use crate::cli::AnswerArgs;

/// Sets one answer and rewrites the session atomically. On any error the file is untouched.
pub fn run(catalog: Option<&Path>, args: AnswerArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let opened = Opened::read_in(&args.file, catalog, lang)?;
    let mut audit = opened.audit()?;
    let profile = audit.session.meta.profile.clone();
    let Some(control) = audit.catalog.control(&args.control) else {
        let controls = control_ids(&audit);
        return Err(Error::invalid(
            about_argument(
                Problem::new(i18n::text!(
                    "cli-answer-unknown-control",
                    control = args.control
                )),
                &args.file,
                Argument::Control,
            )
            .hint(i18n::text!(
                "cli-answer-profile-controls",
                profile = profile,
                controls = controls
            )),
        )
        .into());
    };
    if !control.profiles.contains(&profile) {
        return Err(Error::invalid(
            about_argument(
                Problem::new(i18n::text!(
                    "cli-answer-not-in-profile",
                    control = control.id,
                    profile = profile
                )),
                &args.file,
                Argument::Control,
            )
            .hint(i18n::text!(
                "cli-answer-asking-profiles",
                profiles = control.profiles.join(", ")
            )),
        )
        .into());
    }
    let choice = resolve_choice(control, &args.choice)
        .map_err(|problem| Error::invalid(about_argument(problem, &args.file, Argument::Choice)))?;
    let note = args.note.map(|note| note.trim().to_owned());
    let clear_note = note.as_deref() == Some("");
    audit.session.set_answer(
        &control.id,
        choice.clone(),
        note.filter(|n| !n.is_empty()),
        chrono::Utc::now(),
    );
    if clear_note && let Some(answer) = audit.session.answers.get_mut(&control.id) {
        answer.note = None;
    }
    audit.session.save(&args.file)?;

    let level = choice
        .option()
        .and_then(|id| control.option(id))
        .and_then(|option| option.level)
        .map(|level| {
            let name = level_name(level).get(lang).to_owned();
            format!(
                " — {}",
                i18n::t!(lang, "cli-answer-level", level = level, name = name)
            )
        })
        .unwrap_or_default();
    let (id, choice, label) = (
        control.id.as_str(),
        choice.to_string(),
        choice_label(control, &choice, lang),
    );
    super::emit(&format!(
        "{}{level}\n",
        i18n::t!(
            lang,
            "cli-answer-set",
            control = id,
            choice = choice,
            label = label
        )
    ))?;
    if !audit.applies(control) {
        eprintln!("{}", i18n::t!(lang, "cli-answer-not-applicable"));
    }
    Ok(ExitCode::SUCCESS)
}

/// The argument of `posture answer` a problem is about.
#[derive(Debug, Clone, Copy)]
enum Argument {
    Control,
    Choice,
}

/// Says which session and which argument a problem is about: `audit.toml : contrôle inconnu
/// « XXX-99 » (argument CONTROL)`. The file is untouched in every case.
fn about_argument(mut problem: Problem, file: &Path, argument: Argument) -> Problem {
    // The names the help shows, in both languages.
    let name = match argument {
        Argument::Control => "CONTROL",
        Argument::Choice => "CHOICE",
    };
    let file = file.display().to_string();
    problem.message = i18n::text!(
        "cli-answer-about-argument",
        file = file,
        problem = problem.message,
        argument = name
    );
    problem
}

fn control_ids(audit: &questionnaire::audit::Audit<'_>) -> String {
    audit
        .controls()
        .map(|control| control.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}
