//! Benchmark of the report of a complete session: profile `complet`, every question answered
//! (context questions "oui", so that every domain applies), a note on some, compared with a
//! previous assessment. Targets of the issue: HTML ≤ 50 ms, PDF ≤ 1 s.
//!
//! `cargo bench -p reports --bench render` (release); `bench/report-pdf.sh` times the command
//! line and headless Chromium for comparison.

#![allow(clippy::unwrap_used)]

use chrono::{DateTime, TimeZone as _, Utc};
use questionnaire::Lang;
use questionnaire::audit::Audit;
use questionnaire::catalog::{self, Catalog};
use questionnaire::session::{NewSession, Session};
use reports::{Format, Report};

fn main() {
    divan::main();
}

fn at(month: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, 12, 9, 30, 0).unwrap()
}

/// Every question of `complet` answered: context questions "oui", the others cycling through
/// their options; a note on one in three.
fn session(catalog: &Catalog, month: u32, shift: usize) -> Session {
    let mut session = Session::new(
        catalog,
        NewSession {
            organisation: "CPTS Les Mureaux".into(),
            profile: "complet".into(),
            auditor: "Alice Martin (SSI)".into(),
            participants: vec![
                "Dr Gandon, présidente".into(),
                "M. Roux, chef de projet".into(),
            ],
            sector: "CPTS".into(),
            headcount: "10-49".into(),
        },
        at(month),
    )
    .unwrap();
    session.meta.elapsed_seconds = 96 * 60;
    let controls: Vec<_> = catalog.controls_in("complet").collect();
    for (index, control) in controls.iter().enumerate() {
        let option = match control.options.iter().find(|o| o.id == "oui") {
            Some(yes) if control.context => yes,
            _ => &control.options[(index * 3 + shift) % control.options.len()],
        };
        let note = (index % 3 == 0).then(|| {
            format!("Vu avec la direction et le prestataire ; preuve n° {index} classée au dossier")
        });
        session.set_answer(&control.id, &option.id, note, at(month));
    }
    session
}

/// The report, in French, compared with the assessment of six months before.
fn report() -> Report {
    let catalog = Box::leak(Box::new(catalog::bundled().unwrap()));
    let audit = Audit {
        catalog,
        session: session(catalog, 11, 1),
    };
    let previous = Audit {
        catalog,
        session: session(catalog, 5, 0),
    };
    assert!(
        audit.first_unanswered().is_none(),
        "every question answered"
    );
    reports::build(&audit, Some(&previous), Lang::Fr, at(11))
}

#[divan::bench]
fn build_the_model(bencher: divan::Bencher) {
    let catalog = catalog::bundled().unwrap();
    let audit = Audit {
        catalog: &catalog,
        session: session(&catalog, 11, 1),
    };
    let previous = Audit {
        catalog: &catalog,
        session: session(&catalog, 5, 0),
    };
    bencher.bench(|| reports::build(&audit, Some(&previous), Lang::Fr, at(11)));
}

#[divan::bench]
fn html(bencher: divan::Bencher) {
    let report = report();
    bencher.bench(|| reports::render(divan::black_box(&report), Format::Html).unwrap());
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn pdf(bencher: divan::Bencher) {
    let report = report();
    bencher.bench(|| reports::render(divan::black_box(&report), Format::Pdf).unwrap());
}

#[divan::bench]
fn markdown(bencher: divan::Bencher) {
    let report = report();
    bencher.bench(|| reports::render(divan::black_box(&report), Format::Markdown).unwrap());
}

#[divan::bench]
fn json(bencher: divan::Bencher) {
    let report = report();
    bencher.bench(|| reports::render(divan::black_box(&report), Format::Json).unwrap());
}
