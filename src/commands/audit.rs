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
    // Said now, while the terminal is a terminal: the export at the end of the meeting reads
    // the token file again under the audit's screen, where nothing can be printed.
    if let Some(warning) = super::benchmark::env_token_file()
        .and_then(|path| super::https::token_file_warning(&path, lang))
    {
        eprintln!("{warning}");
    }
    let exporter = |audit: &questionnaire::audit::Audit<'_>,
                    evidence: Option<&questionnaire::evidence::Evidence>,
                    path: &std::path::Path,
                    lang: Lang| {
        super::report::export_from_audit(audit, evidence, path, &facts, lang).map_err(|error| {
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
        emit(&format!("{}\n", i18n::t!(lang, "cli-audit-cancelled")))?;
        return Ok(status);
    };
    emit(&closing(&outcome, &facts, lang, Lang::from_env()))?;
    Ok(status)
}

/// What is printed once the terminal is given back: where the session is, and the commands to
/// resume it and to see its results, with what the session file does not keep — the language
/// when it is not the environment's (or English, never the default), the facts files.
fn closing(outcome: &tui::Outcome, facts: &[PathBuf], lang: Lang, env_lang: Lang) -> String {
    let shown = outcome.path.display().to_string();
    let path = shell_word(&shown);
    let (answered, total) = (outcome.answered, outcome.total);
    let mut options = String::new();
    if lang != env_lang || lang == Lang::En {
        options.push_str(&format!(" --lang {}", lang.code()));
    }
    if !facts.is_empty() {
        options.push_str(" --facts");
        for file in facts {
            options.push(' ');
            options.push_str(&shell_word(&file.display().to_string()));
        }
    }
    let (resume, results) = (
        format!("posture audit {path}{options}"),
        format!("posture score {path}{options}"),
    );
    format!(
        "{}\n{}\n{}\n",
        i18n::t!(
            lang,
            "cli-audit-saved",
            path = shown,
            answered = answered,
            total = total
        ),
        i18n::t!(lang, "cli-audit-resume", command = resume),
        i18n::t!(lang, "cli-audit-results", command = results)
    )
}

/// `word` as the shell reads it back: as it is when it is plain, in single quotes otherwise.
fn shell_word(word: &str) -> String {
    let plain = !word.is_empty()
        && word.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, '.' | '/' | '-' | '_' | '+' | ',' | ':' | '@')
        });
    if plain {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(path: &str) -> tui::Outcome {
        tui::Outcome {
            path: PathBuf::from(path),
            answered: 3,
            total: 22,
            dropped: Vec::new(),
        }
    }

    #[test]
    fn the_resume_hint_keeps_the_language_and_the_facts() {
        let fr = closing(&outcome("audit.toml"), &[], Lang::Fr, Lang::Fr);
        assert_eq!(
            fr,
            "session enregistrée : audit.toml (3/22 réponses)\nreprendre : posture audit audit.toml\nrésultats : posture score audit.toml\n"
        );
        // `--lang en` in a French (or any) environment: the hint says it, or resuming would be in
        // French.
        let en = closing(&outcome("audit.toml"), &[], Lang::En, Lang::Fr);
        assert!(
            en.contains("resume: posture audit audit.toml --lang en\n"),
            "{en}"
        );
        assert!(
            en.contains("results: posture score audit.toml --lang en\n"),
            "{en}"
        );
        let fr_in_en = closing(&outcome("audit.toml"), &[], Lang::Fr, Lang::En);
        assert!(
            fr_in_en.contains("reprendre : posture audit audit.toml --lang fr\n"),
            "{fr_in_en}"
        );
        let facts = [PathBuf::from("srv.json"), PathBuf::from("poste 2.json")];
        let with_facts = closing(&outcome("audit.toml"), &facts, Lang::Fr, Lang::Fr);
        assert!(
            with_facts
                .contains("reprendre : posture audit audit.toml --facts srv.json 'poste 2.json'\n"),
            "{with_facts}"
        );
    }

    #[test]
    fn paths_are_quoted_for_the_shell_when_needed() {
        assert_eq!(
            shell_word("audits/audit-2026.toml"),
            "audits/audit-2026.toml"
        );
        assert_eq!(shell_word("Mes audits/a.toml"), "'Mes audits/a.toml'");
        assert_eq!(shell_word("l'audit.toml"), r"'l'\''audit.toml'");
        assert_eq!(shell_word("santé.toml"), "santé.toml");
    }
}
