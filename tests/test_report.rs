//! End-to-end tests of `posture report` as a user runs it: each text format next to the session
//! (mode 0600), outputs that would replace their inputs, formats asked twice, missing directories
//! (in the language of the interface), and the meeting time of a session filled with
//! `posture answer`, and the assessment's id that the JSON carries.

use serde_json::Value;

#[cfg(unix)]
use crate::common::cli::mode;
use crate::common::cli::{new_session, read_session, run, tempdir, write_answers};
use crate::common::reports::{created, posture, s, session};
use crate::common::{self, run_command};

#[test]
fn report_writes_each_text_format_next_to_the_session_with_mode_0600() {
    let dir = tempdir();
    let session = new_session(dir.path(), "express");
    write_answers(&session, &[("PAT-01", "8-jours"), ("BAK-02", "unknown")]);
    let run = run([
        "report",
        session.to_str().expect("utf-8"),
        "--format",
        "md,json,csv,html",
    ]);
    run.success();
    for extension in ["md", "json", "csv", "html"] {
        let path = session.with_extension(extension);
        assert!(path.is_file(), "{extension} written");
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600, "{extension}");
    }
    let json: Value = serde_json::from_str(
        &std::fs::read_to_string(session.with_extension("json")).expect("json"),
    )
    .expect("valid JSON");
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["cover"]["organisation"], "CPTS du Val");
    assert!(
        json["to_check"]
            .as_array()
            .expect("to_check")
            .iter()
            .any(|r| r["control"] == "BAK-02")
    );
    let markdown = run_command(common::posture().args([
        "--lang",
        "en",
        "report",
        session.to_str().expect("utf-8"),
        "--format",
        "md",
        "-o",
        "-",
    ]));
    assert!(
        markdown
            .stdout
            .starts_with("# Security audit — CPTS du Val"),
        "{}",
        markdown.stdout
    );
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

/// The JSON names the assessment by the session's `[meta] id`, in every language and every time
/// it is made (a report sent again is the same assessment); another session is another one.
#[test]
fn the_json_carries_the_sessions_id_as_assessment_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let toml = session(&dir.path().join("cpts.toml"), "CPTS du Val");
    let id = read_session(&toml)["meta"]["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    let report = |lang: &str| -> Value {
        posture([
            "--lang",
            lang,
            "report",
            s(&toml),
            "--format",
            "json",
            "-o",
            "-",
        ])
        .expect_code(0)
        .json()
    };
    assert_eq!(report("fr")["assessment_id"], id.as_str());
    assert_eq!(report("en")["assessment_id"], id.as_str());
    // Answering again is the same assessment.
    posture(["answer", s(&toml), "PAT-01", "dans-le-mois"]).expect_code(0);
    assert_eq!(report("fr")["assessment_id"], id.as_str());

    let other = session(&dir.path().join("autre.toml"), "CPTS du Val");
    let other_id = read_session(&other)["meta"]["id"]
        .as_str()
        .expect("an id")
        .to_owned();
    assert_ne!(other_id, id);
    let json = posture(["report", s(&other), "--format", "json", "-o", "-"])
        .expect_code(0)
        .json();
    assert_eq!(json["assessment_id"], other_id.as_str());
}
