//! End-to-end tests of the help and the interface language: `--help`, `-h` and `posture help` in
//! French and English for every command, usage errors with exit code 2, and messages that follow
//! `--lang` before or after the subcommand.

use crate::common::cli::{new_session, run, tempdir};
use crate::common::{posture, run_command};

/// Every command path of the interface.
const COMMANDS: [&[&str]; 9] = [
    &[],
    &["audit"],
    &["catalog"],
    &["catalog", "check"],
    &["catalog", "export"],
    &["session"],
    &["session", "new"],
    &["answer"],
    &["score"],
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
