//! Benchmark of scoring a real session: the bundled catalog, the `complet` profile, every
//! question answered, as `posture score` sees it. The `scoring` crate's own bench times the pure
//! arithmetic on a made-up input; this one adds what a user waits for: applying the context
//! gates, turning answers into levels, and reading the file.
//!
//! `cargo bench -p questionnaire --bench session`

use chrono::{TimeZone as _, Utc};
use questionnaire::audit::Audit;
use questionnaire::catalog::{self, Catalog};
use questionnaire::session::{NewSession, Session};

#[path = "common/mod.rs"]
mod common;

fn main() {
    divan::main();
}

/// A complete session: every control of `complet` answered, options spread over the levels,
/// context questions at their first option ("oui"), a note on every third answer.
fn complete_session(catalog: &Catalog) -> Session {
    let now = Utc
        .with_ymd_and_hms(2026, 11, 23, 10, 0, 0)
        .single()
        .expect("date");
    let new = NewSession {
        organisation: "CPTS Exemple".into(),
        profile: "complet".into(),
        auditor: "A. Martin".into(),
        ..NewSession::default()
    };
    common::answered_session(catalog, new, now, |index, control| {
        let option = if control.context {
            &control.options[0]
        } else {
            &control.options[index % control.options.len()]
        };
        let note = (index % 3 == 0).then(|| format!("Constat {index} : procédure écrite, vue."));
        Some((option.id.clone(), note))
    })
}

/// Scoring an open session: gates, levels, domain scores, caps and priorities.
#[divan::bench]
fn score_complete_session(bencher: divan::Bencher) {
    let catalog = catalog::bundled().expect("bundled catalog");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.toml");
    complete_session(&catalog).save(&path).expect("save");
    let (session, source) = Session::load(&path).expect("load");
    let audit = Audit::open(&catalog, session, &source).expect("open");
    bencher.bench(|| divan::black_box(&audit).assess());
}

/// What `posture score FILE` does after start-up: read and check the file, then score it.
#[divan::bench]
fn read_check_and_score_file(bencher: divan::Bencher) {
    let catalog = catalog::bundled().expect("bundled catalog");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("s.toml");
    complete_session(&catalog).save(&path).expect("save");
    bencher.bench(|| {
        let (session, source) = Session::load(divan::black_box(&path)).expect("load");
        Audit::open(&catalog, session, &source)
            .expect("open")
            .assess()
    });
}
