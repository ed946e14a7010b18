//! A machine fact caps an answer only where it proves that answer false. Two fake machines read
//! with `posture agent collect --root`: a well-run LAN server, whose facts must not lower any
//! answer given at target level (the score with facts equals the score without), and a neglected
//! server, whose facts must lower exactly the answers they disprove — the rest are points to
//! verify, with their reasons, in the score and in the report.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use crate::common::{self, machines, posture, run_command};
use serde_json::Value;

/// Runs the binary with these arguments.
fn run(args: &[&str]) -> common::Run {
    run_command(posture().args(args))
}

/// A `complet` session where every scored question is answered at its target level, and every
/// context question so that all the questions are asked.
fn at_target(dir: &Path) -> PathBuf {
    let session = dir.join("audit.toml");
    let path = session.to_str().unwrap();
    run(&[
        "session",
        "new",
        "--profile",
        "complet",
        "--org",
        "Clinique du Lac",
        "-o",
        path,
    ])
    .success();
    let catalog = run(&["catalog", "export", "--format", "json"])
        .success()
        .json();
    for control in catalog["controls"].as_array().unwrap() {
        let id = control["id"].as_str().unwrap();
        let options = control["options"].as_array().unwrap();
        let choice = if control["context"] == true {
            // "oui": remote maintenance, software development, supplier of a hospital group…
            options[0]["id"].as_str().unwrap()
        } else {
            let target = control["target"].as_u64().unwrap();
            options
                .iter()
                .find(|o| o["level"].as_u64() == Some(target))
                .unwrap_or_else(|| panic!("{id} has an option at its target"))["id"]
                .as_str()
                .unwrap()
        };
        run(&["answer", path, id, choice]).success();
    }
    session
}

/// One session at target for the whole file (about ninety `posture answer` runs), read only.
static AT_TARGET: LazyLock<(tempfile::TempDir, PathBuf)> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let session = at_target(dir.path());
    (dir, session)
});

/// The facts of a fake machine built by `build`, as `posture agent collect` writes them.
fn facts(dir: &Path, name: &str, build: fn(&Path)) -> PathBuf {
    let root = dir.join(name);
    build(&root);
    let out = dir.join(format!("{name}.json"));
    run(&[
        "agent",
        "collect",
        "--root",
        root.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ])
    .success();
    out
}

fn score(session: &Path, facts: Option<&Path>, lang: &str) -> Value {
    let mut args = vec![
        "--lang",
        lang,
        "score",
        session.to_str().unwrap(),
        "--format",
        "json",
    ];
    if let Some(facts) = facts {
        args.extend(["--facts", facts.to_str().unwrap()]);
    }
    run(&args).success().json()
}

/// The numbers of a score: overall and per domain, with their levels and caps.
fn numbers(score: &Value) -> Value {
    serde_json::json!({
        "overall": score["overall"],
        "domains": score["domains"].as_array().unwrap().iter().map(|d| serde_json::json!({
            "id": d["id"], "score": d["score"], "level": d["level"], "capped": d["capped"],
        })).collect::<Vec<_>>(),
        "priorities": score["priorities"],
    })
}

fn controls_of(rows: &Value) -> Vec<String> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|row| row["control"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_well_run_lan_server_lowers_no_answer_given_at_target() {
    let dir = tempfile::tempdir().unwrap();
    let session = AT_TARGET.1.clone();
    let well_run = facts(dir.path(), "srv-lan", machines::well_run_lan_server);
    let without = score(&session, None, "fr");
    let with = score(&session, Some(&well_run), "fr");
    assert_eq!(
        numbers(&with),
        numbers(&without),
        "the facts changed the score"
    );
    assert_eq!(with["discrepancies"], serde_json::json!([]));
    // What a single server cannot prove of the whole organisation is a point to verify: its
    // backups may be made by the NAS.
    let host = serde_json::from_str::<Value>(&std::fs::read_to_string(&well_run).unwrap()).unwrap()
        ["host"]
        .clone();
    let points = controls_of(&with["points_to_verify"]);
    assert!(points.contains(&"BAK-01".to_owned()), "{points:?}");
    // SSH listening on 0.0.0.0 of a LAN server says nothing of the Internet: neither a cap
    // nor a point on the remote-access questions.
    assert!(
        !points.iter().any(|c| c == "REM-01" || c == "REM-02"),
        "{points:?}"
    );
    // An old last upgrade with nothing pending proves nothing.
    assert!(!points.contains(&"PAT-01".to_owned()), "{points:?}");
    for point in with["points_to_verify"].as_array().unwrap() {
        let why = point["why"].as_str().unwrap();
        assert!(!why.is_empty(), "{point}");
        assert!(
            questionnaire::typography::slips(why).is_empty(),
            "French typography in {why}"
        );
        assert_eq!(point["host"], host);
    }
}

#[test]
fn a_neglected_server_lowers_the_answers_it_disproves_and_only_those() {
    let dir = tempfile::tempdir().unwrap();
    let session = AT_TARGET.1.clone();
    let neglected = facts(dir.path(), "srv-oublie", machines::neglected_server);
    let without = score(&session, None, "en");
    let with = score(&session, Some(&neglected), "en");
    assert!(
        with["overall"]["score"].as_f64() < without["overall"]["score"].as_f64(),
        "{} vs {}",
        with["overall"],
        without["overall"]
    );
    let rows = with["discrepancies"].as_array().unwrap();
    let capped: Vec<(String, u64, u64)> = rows
        .iter()
        .map(|d| {
            (
                d["control"].as_str().unwrap().to_owned(),
                d["declared"].as_u64().unwrap(),
                d["effective"].as_u64().unwrap(),
            )
        })
        .collect();
    // A security update pending for 40 days disproves "within 8 days" and "within 30 days";
    // Debian 9 disproves "every system is supported".
    assert_eq!(
        capped,
        vec![("PAT-01".to_owned(), 3, 1), ("PAT-02".to_owned(), 3, 2)],
        "{rows:?}"
    );
    let host = serde_json::from_str::<Value>(&std::fs::read_to_string(&neglected).unwrap())
        .unwrap()["host"]
        .clone();
    for row in rows {
        assert_eq!(row["host"], host);
        assert!(row["why"].as_str().unwrap().contains("false"), "{row}");
    }
    // SSH and remote desktop on a public address: points to verify for the remote-access
    // questions (a firewall upstream may block them), not caps.
    let points = controls_of(&with["points_to_verify"]);
    for control in ["REM-01", "REM-02", "IAM-02", "LOG-01"] {
        assert!(
            points.contains(&control.to_owned()),
            "{control}: {points:?}"
        );
    }
    let mises_a_jour = |score: &Value| {
        score["domains"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == "mises-a-jour")
            .unwrap()["score"]
            .as_f64()
            .unwrap()
    };
    assert!(mises_a_jour(&with) < mises_a_jour(&without));
    let acces_distants = |score: &Value| {
        score["domains"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["id"] == "acces-distants")
            .unwrap()["score"]
            .clone()
    };
    assert_eq!(acces_distants(&with), acces_distants(&without));
}

#[test]
fn the_report_states_the_reasons_and_the_points_to_verify() {
    let dir = tempfile::tempdir().unwrap();
    let session = AT_TARGET.1.clone();
    let neglected = facts(dir.path(), "srv-oublie", machines::neglected_server);
    let out = dir.path().join("rapport.md");
    run(&[
        "report",
        session.to_str().unwrap(),
        "--facts",
        neglected.to_str().unwrap(),
        "--format",
        "md",
        "-o",
        out.to_str().unwrap(),
    ])
    .success();
    let markdown = std::fs::read_to_string(&out).unwrap();
    assert!(markdown.contains("### Points à vérifier"), "{markdown}");
    assert!(markdown.contains("posture agent probe-ports"), "{markdown}");
    assert!(
        markdown.contains("prouve faux les niveaux 3 et 4"),
        "the discrepancy's reason is printed"
    );
    let json_out = dir.path().join("rapport.json");
    run(&[
        "report",
        session.to_str().unwrap(),
        "--facts",
        neglected.to_str().unwrap(),
        "--format",
        "json",
        "-o",
        json_out.to_str().unwrap(),
    ])
    .success();
    let report: Value = serde_json::from_str(&std::fs::read_to_string(&json_out).unwrap()).unwrap();
    let points = controls_of(&report["points_to_verify"]);
    assert!(points.contains(&"REM-02".to_owned()), "{points:?}");
    assert_eq!(
        controls_of(&report["discrepancies"]),
        vec!["PAT-01", "PAT-02"]
    );
    for row in report["points_to_verify"].as_array().unwrap() {
        for field in ["question", "answer", "value_text", "why", "source"] {
            assert!(
                row[field].as_str().is_some_and(|s| !s.is_empty()),
                "{field}: {row}"
            );
        }
    }
}
