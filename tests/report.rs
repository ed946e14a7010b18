//! End-to-end tests of `posture report` and `posture compare` as a user runs them: outputs that
//! would replace their inputs, formats asked twice, missing directories (in the language of the
//! interface), and the warnings of a comparison.

use std::path::{Path, PathBuf};

mod common;
use common::{Run, run_command};

/// `posture ARGS…` with no locale (so: French unless `--lang en`).
fn posture<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    run_command(common::posture().args(args))
}

fn s(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

/// A new express session of `organisation` at `path`, with two answers given by `posture answer`.
fn session(path: &Path, organisation: &str) -> PathBuf {
    posture([
        "session",
        "new",
        "--profile",
        "express",
        "--org",
        organisation,
        "-o",
        s(path),
    ])
    .expect_code(0);
    posture(["answer", s(path), "PAT-01", "8-jours"]).expect_code(0);
    posture(["answer", s(path), "BAK-02", "unknown"]).expect_code(0);
    path.to_owned()
}

/// Moves the session's creation date (and so its assessment date).
fn created(path: &Path, when: &str) {
    let text = std::fs::read_to_string(path).expect("the session");
    let line = text
        .lines()
        .find(|line| line.starts_with("created = "))
        .expect("a created line")
        .to_owned();
    std::fs::write(path, text.replace(&line, &format!("created = \"{when}\""))).expect("write");
}

#[test]
fn a_report_never_replaces_its_session_or_the_previous_assessment() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A session named .json, and `--format json` writes next to it with the same name.
    let json_session = session(&dir.path().join("s.json"), "CPTS du Val");
    let before = std::fs::read(&json_session).expect("read");
    let run = posture(["report", s(&json_session), "--format", "json"]).expect_code(2);
    assert!(run.stderr.contains("remplacerait"), "{}", run.explain());
    assert!(
        run.stderr.contains("fichier de session"),
        "{}",
        run.explain()
    );
    assert!(run.stderr.contains("-o"), "{}", run.explain());
    assert_eq!(std::fs::read(&json_session).expect("read"), before);
    // Several formats: nothing at all is written, not even the ones that were fine.
    let run = posture(["report", s(&json_session), "--format", "md,json"]).expect_code(2);
    assert!(!dir.path().join("s.md").exists(), "{}", run.explain());
    assert_eq!(std::fs::read(&json_session).expect("read"), before);

    // -o naming the session, directly, through `..`, and through a symbolic link.
    let toml = session(&dir.path().join("cpts.toml"), "CPTS du Val");
    let before = std::fs::read(&toml).expect("read");
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).expect("mkdir");
    let dotted = sub.join("..").join("cpts.toml");
    let link = dir.path().join("link.md");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&toml, &link).expect("symlink");
    for output in [toml.clone(), dotted, link] {
        if !output.exists() {
            continue;
        }
        let run = posture([
            "--lang",
            "en",
            "report",
            s(&toml),
            "--format",
            "md",
            "-o",
            s(&output),
        ])
        .expect_code(2);
        assert!(
            run.stderr.contains("would replace the session file"),
            "{}",
            run.explain()
        );
        assert_eq!(std::fs::read(&toml).expect("read"), before, "{output:?}");
    }

    // -o naming the previous assessment.
    let old = session(&dir.path().join("old.toml"), "CPTS du Val");
    created(&old, "2026-05-12T09:30:00Z");
    let old_before = std::fs::read(&old).expect("read");
    let run = posture([
        "report",
        s(&toml),
        "--previous",
        s(&old),
        "--format",
        "html",
        "-o",
        s(&old),
    ])
    .expect_code(2);
    assert!(
        run.stderr.contains("remplacerait l'évaluation précédente"),
        "{}",
        run.explain()
    );
    assert_eq!(std::fs::read(&old).expect("read"), old_before);

    // And the same command with another output works.
    posture([
        "report",
        s(&toml),
        "--previous",
        s(&old),
        "--format",
        "html",
        "-o",
        s(&dir.path().join("r.html")),
    ])
    .expect_code(0);
}

#[test]
fn a_format_asked_twice_is_written_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let toml = session(&dir.path().join("cpts.toml"), "CPTS du Val");
    let run = posture(["report", s(&toml), "--format", "md,html,md"]).expect_code(0);
    let written: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| line.starts_with("rapport écrit :"))
        .collect();
    assert_eq!(written.len(), 2, "{}", run.explain());
    assert!(written[0].ends_with("cpts.md") && written[1].ends_with("cpts.html"));
}

#[test]
fn a_missing_directory_is_told_in_one_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let toml = session(&dir.path().join("cpts.toml"), "CPTS du Val");
    let target = dir.path().join("nonexist").join("x.md");
    let run = posture(["report", s(&toml), "--format", "md", "-o", s(&target)]).expect_code(2);
    assert!(
        run.stderr.contains("erreur : impossible d'écrire") && run.stderr.contains("n'existe pas"),
        "{}",
        run.explain()
    );
    for english in ["does not exist", "cannot", "the directory"] {
        assert!(!run.stderr.contains(english), "{}", run.explain());
    }
    let run = posture([
        "--lang",
        "en",
        "report",
        s(&toml),
        "--format",
        "md",
        "-o",
        s(&target),
    ])
    .expect_code(2);
    assert!(
        run.stderr.contains("error: cannot write") && run.stderr.contains("does not exist"),
        "{}",
        run.explain()
    );
    for french in ["impossible", "n'existe", "dossier"] {
        assert!(!run.stderr.contains(french), "{}", run.explain());
    }
    assert!(!target.exists());
}

#[test]
fn comparisons_warn_of_another_organisation_and_of_swapped_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let new = session(&dir.path().join("new.toml"), "CPTS du Val");
    created(&new, "2026-11-12T09:30:00Z");
    let other = session(&dir.path().join("other.toml"), "Cabinet Dupont");
    created(&other, "2026-05-12T09:30:00Z");
    let run = posture(["compare", s(&other), s(&new)]).expect_code(0);
    assert!(
        run.stderr
            .contains("« Cabinet Dupont », celle-ci « CPTS du Val »"),
        "{}",
        run.explain()
    );
    assert!(!run.stderr.contains("inversés"), "{}", run.explain());

    // OLD made after NEW.
    let later = session(&dir.path().join("later.toml"), "CPTS du Val");
    created(&later, "2027-05-12T09:30:00Z");
    let run = posture(["--lang", "en", "compare", s(&later), s(&new)]).expect_code(0);
    assert!(
        run.stderr.contains("is more recent than")
            && run.stderr.contains("(2027-05-12)")
            && run.stderr.contains("swapped"),
        "{}",
        run.explain()
    );
    assert!(!run.stderr.contains("is of"), "{}", run.explain());
    // The same warnings from report --previous.
    let run = posture([
        "report",
        s(&new),
        "--previous",
        s(&later),
        "--format",
        "md",
        "-o",
        "-",
    ])
    .expect_code(0);
    assert!(run.stderr.contains("plus récente"), "{}", run.explain());
    let run = posture([
        "report",
        s(&new),
        "--previous",
        s(&other),
        "--format",
        "md",
        "-o",
        "-",
    ])
    .expect_code(0);
    assert!(run.stderr.contains("Cabinet Dupont"), "{}", run.explain());
}

#[test]
fn a_session_filled_with_answer_has_no_meeting_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    let toml = session(&dir.path().join("cpts.toml"), "CPTS du Val");
    let run = posture(["report", s(&toml), "--format", "md", "-o", "-"]).expect_code(0);
    assert!(
        run.stdout
            .contains("**Durée de la réunion** : non mesurée (prévu"),
        "{}",
        run.explain()
    );
    let run = posture([
        "--lang",
        "en",
        "report",
        s(&toml),
        "--format",
        "md",
        "-o",
        "-",
    ])
    .expect_code(0);
    assert!(
        run.stdout
            .contains("**Meeting duration**: not recorded (planned"),
        "{}",
        run.explain()
    );
}
