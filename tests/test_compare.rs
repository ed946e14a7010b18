//! End-to-end tests of `posture compare`: a previous session made with another catalog version, and
//! the warnings of a comparison (another organisation, swapped files), which `report --previous`
//! gives too.

use serde_json::Value;

use crate::common::cli::{export, new_session, run, tempdir, write_answers};
use crate::common::reports::{created, posture, s, session};
use crate::common::{self, run_command};

#[test]
fn compare_reads_a_previous_session_made_with_another_catalog_version() {
    let dir = tempdir();
    let old = new_session(dir.path(), "express");
    write_answers(
        &old,
        &[
            ("PAT-01", "plusieurs-mois"),
            ("NET-01", "entrant-sortant-filtre"),
            ("OLD-99", "x"),
        ],
    );
    // Six months ago the catalog had another version: the answers it still knows are compared.
    let text = std::fs::read_to_string(&old).expect("old");
    let version = export()["version"].as_str().expect("version");
    std::fs::write(&old, text.replace(version, "2026.05")).expect("write");
    let new = dir.path().join("new.toml");
    std::fs::copy(new_session(dir.path(), "complet"), &new).expect("copy");
    let new_text = std::fs::read_to_string(&new)
        .expect("new")
        .replace("\"complet\"", "\"express\"");
    std::fs::write(&new, new_text).expect("write");
    write_answers(&new, &[("PAT-01", "8-jours")]);
    let run = run([
        "--lang",
        "en",
        "compare",
        old.to_str().expect("utf-8"),
        new.to_str().expect("utf-8"),
        "--format",
        "json",
    ])
    .success();
    assert!(run.stderr.contains("2026.05"), "{}", run.stderr);
    assert!(run.stderr.contains("OLD-99"), "{}", run.stderr);
    let comparison: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let improved: Vec<&str> = comparison["improved"]
        .as_array()
        .expect("improved")
        .iter()
        .map(|c| c["control"].as_str().expect("control"))
        .collect();
    assert_eq!(improved, vec!["PAT-01"]);
    let regressed: Vec<&str> = comparison["regressed"]
        .as_array()
        .expect("regressed")
        .iter()
        .map(|c| c["control"].as_str().expect("control"))
        .collect();
    assert_eq!(regressed, vec!["NET-01"], "{}", run.stdout);
    let text = run_command(common::posture().args([
        "compare",
        old.to_str().expect("utf-8"),
        new.to_str().expect("utf-8"),
    ]));
    assert!(
        text.stdout.contains("Contrôles en progrès (1)"),
        "{}",
        text.stdout
    );
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
