//! End-to-end tests of the help and the interface language: `--help`, `-h` and `posture help` in
//! French and English for every command, usage errors with exit code 2, and messages that follow
//! `--lang` before or after the subcommand.

use crate::common::cli::{new_session, run, tempdir};
use crate::common::{posture, run_command};

/// Every command path of the interface.
const COMMANDS: [&[&str]; 16] = [
    &[],
    &["audit"],
    &["catalog"],
    &["catalog", "check"],
    &["catalog", "export"],
    &["session"],
    &["session", "new"],
    &["answer"],
    &["score"],
    &["report"],
    &["compare"],
    &["agent"],
    &["agent", "collect"],
    &["agent", "probe-tls"],
    &["agent", "probe-ports"],
    &["send"],
];

#[test]
fn help_is_french_by_default() {
    let run = run(["--help"]).success();
    run.stdout_has("Utilisation : posture")
        .stdout_has("Commandes :")
        .stdout_has("Afficher l'aide.");
    assert!(!run.stdout.contains("Usage:"), "{}", run.stdout);
}

#[test]
fn help_is_english_with_the_flag_or_the_environment() {
    for run in [
        run(["--lang", "en", "--help"]),
        run(["--help", "--lang", "en"]),
        run(["--lang=en", "--help"]),
        run_command(posture().arg("--help").env("LANG", "en_US.UTF-8")),
        run_command(
            posture()
                .arg("--help")
                .env("LANG", "fr_FR.UTF-8")
                .env("LC_MESSAGES", "en_US.UTF-8"),
        ),
    ] {
        let run = run.success();
        run.stdout_has("Usage: posture");
        assert!(!run.stdout.contains("Utilisation"), "{}", run.stdout);
    }
    for run in [
        run_command(
            posture()
                .args(["--lang", "fr", "--help"])
                .env("LANG", "en_US.UTF-8"),
        ),
        run_command(
            posture()
                .arg("--help")
                .env("LANG", "en_US.UTF-8")
                .env("LC_ALL", "fr_FR.UTF-8"),
        ),
    ] {
        run.success().stdout_has("Utilisation : posture");
    }
}

#[test]
fn help_works_for_every_subcommand_in_both_languages() {
    for path in COMMANDS {
        let shown = std::iter::once("posture")
            .chain(path.iter().copied())
            .collect::<Vec<_>>()
            .join(" ");
        for flag in ["--help", "-h"] {
            let french = run(path.iter().copied().chain([flag])).success();
            french.stdout_has(&format!("Utilisation : {shown}"));
            let english = run(path.iter().copied().chain([flag, "--lang", "en"])).success();
            english.stdout_has(&format!("Usage: {shown}"));
            let english = run(["--lang", "en"]
                .into_iter()
                .chain(path.iter().copied())
                .chain([flag]))
            .success();
            english.stdout_has(&format!("Usage: {shown}"));
        }
    }
}

/// The help messages of a language (`help-*` in its `cli.ftl`), as the program says them.
fn help_messages(lang: i18n::Lang) -> Vec<String> {
    let path = crate::common::cli::root().join(format!("i18n/locales/{}/cli.ftl", lang.code()));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let ids: Vec<&str> = text
        .lines()
        .filter(|line| line.starts_with("help-"))
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id))
        .collect();
    assert!(ids.len() > 50, "{ids:?}");
    ids.into_iter()
        .map(|id| i18n::messages(lang).get(id))
        .collect()
}

/// `text` with each run of ASCII white space as one space: the help is wrapped to the
/// terminal's width (a no-break space is not white space here).
fn one_line(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_help_in_one_language_has_nothing_of_the_other() {
    use i18n::Lang;
    for (lang, other) in [(Lang::Fr, Lang::En), (Lang::En, Lang::Fr)] {
        let theirs = help_messages(other);
        for path in COMMANDS {
            let help = run(path
                .iter()
                .copied()
                .chain(["--help", "--lang", lang.code()]))
            .success();
            let help = one_line(&help.stdout);
            for text in &theirs {
                assert!(
                    !help.contains(&one_line(text)),
                    "{path:?} in {lang:?} has {text:?}:\n{help}"
                );
            }
            // clap's own English words.
            for english in ["Possible values", "[default:", "[possible values:"] {
                assert!(!help.contains(english), "{path:?} in {lang:?}:\n{help}");
            }
        }
    }
}

#[test]
fn the_help_subcommand_works_in_both_languages() {
    run(["--lang", "en", "help", "score"])
        .success()
        .stdout_has("Usage: posture score");
    run(["help", "score"])
        .success()
        .stdout_has("Utilisation : posture score");
}

#[test]
fn usage_errors_are_in_the_interface_language_with_exit_code_2() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    run_command(posture().arg("score").arg(&path).arg("--bogus"))
        .invalid()
        .stderr_has("erreur : argument inattendu « --bogus »")
        .stderr_has("Utilisation : posture score");
    run_command(
        posture()
            .args(["--lang", "en", "score"])
            .arg(&path)
            .arg("--bogus"),
    )
    .invalid()
    .stderr_has("unexpected argument '--bogus'");
    run(["scor"])
        .invalid()
        .stderr_has("sous-commande inconnue « scor »")
        .stderr_has("« score »");
}

#[test]
fn messages_follow_the_language_flag_before_or_after_the_subcommand() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let after = run_command(
        posture()
            .arg("answer")
            .arg(&path)
            .args(["ZZZ-99", "1", "--lang", "en"]),
    )
    .invalid();
    after
        .stderr_has("error: ")
        .stderr_has("unknown control \"ZZZ-99\"");
    let before = run_command(
        posture()
            .args(["--lang", "en", "answer"])
            .arg(&path)
            .args(["ZZZ-99", "1"]),
    )
    .invalid();
    before
        .stderr_has("error: ")
        .stderr_has("unknown control \"ZZZ-99\"");
    let french = run_command(posture().arg("answer").arg(&path).args(["ZZZ-99", "1"])).invalid();
    french
        .stderr_has("erreur : ")
        .stderr_has("contrôle inconnu « ZZZ-99 »");
    run(["--lang", "de", "catalog", "check"]).invalid();
}
