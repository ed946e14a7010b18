//! `posture answer FILE CONTROL CHOICE [--note TEXT]`.

use std::path::Path;
use std::process::ExitCode;

use questionnaire::audit::{choice_label, resolve_choice};
use questionnaire::{Error, Lang, Problem, Text, level_name};

use super::Opened;
use crate::cli::AnswerArgs;

/// Sets one answer and rewrites the session atomically. On any error the file is untouched.
pub fn run(catalog: Option<&Path>, args: AnswerArgs, lang: Lang) -> anyhow::Result<ExitCode> {
    let opened = Opened::read_in(&args.file, catalog, lang)?;
    let mut audit = opened.audit()?;
    let profile = audit.session.meta.profile.clone();
    let Some(control) = audit.catalog.control(&args.control) else {
        return Err(Error::invalid(
            about_argument(
                Problem::new(Text::new(
                    format!("contrôle inconnu « {} »", args.control),
                    format!("unknown control \"{}\"", args.control),
                )),
                &args.file,
                Argument::Control,
            )
            .hint(Text::new(
                format!("contrôles du profil {profile} : {}", control_ids(&audit)),
                format!("controls of the profile {profile}: {}", control_ids(&audit)),
            )),
        )
        .into());
    };
    if !control.profiles.contains(&profile) {
        return Err(Error::invalid(
            about_argument(
                Problem::new(Text::new(
                    format!(
                        "{} ne fait pas partie du profil {profile} de cette session",
                        control.id
                    ),
                    format!(
                        "{} is not part of this session's profile {profile}",
                        control.id
                    ),
                )),
                &args.file,
                Argument::Control,
            )
            .hint(Text::new(
                format!("profils qui le posent : {}", control.profiles.join(", ")),
                format!("profiles that ask it: {}", control.profiles.join(", ")),
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
            format!(
                " — {} {level} ({})",
                lang.pick("niveau", "level"),
                level_name(level).get(lang)
            )
        })
        .unwrap_or_default();
    super::emit(&format!(
        "{} = {}{} {}{level}\n",
        control.id,
        choice,
        lang.colon(),
        choice_label(control, &choice, lang)
    ))?;
    if !audit.applies(control) {
        eprintln!(
            "{}",
            lang.pick(
                "remarque : d'après les réponses de contexte, cette question ne s'applique pas ; elle ne compte pas dans le score",
                "note: given the context answers, this question does not apply; it does not count in the score"
            )
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The argument of `posture answer` a problem is about.
#[derive(Debug, Clone, Copy)]
enum Argument {
    Control,
    Choice,
}

/// Says which session and which argument a problem is about: `audit.toml : contrôle inconnu
/// « XXX-99 » (argument CONTROL)`. The file is untouched in every case.
fn about_argument(mut problem: Problem, file: &Path, argument: Argument) -> Problem {
    // The names the help shows, in both languages.
    let name = match argument {
        Argument::Control => "CONTROL",
        Argument::Choice => "CHOICE",
    };
    let file = file.display();
    problem.message = Text::new(
        format!("{file} : {} (argument {name})", problem.message.fr),
        format!("{file}: {} ({name} argument)", problem.message.en),
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
