//! The PDF report, typeset by typst: its text read back with `pdftotext` (Debian's poppler-utils)
//! carries the same content as the HTML, in French and English, with and without a previous
//! assessment; and the same report gives the same bytes.
#![allow(clippy::unwrap_used)]

use std::process::Command;

use chrono::{DateTime, TimeZone as _, Utc};
use questionnaire::Lang;
use questionnaire::audit::Audit;
use questionnaire::catalog::{self, Catalog};
use questionnaire::session::{NewSession, Session};
use reports::{Format, Report};

fn at(month: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, 12, 9, 30, 0).unwrap()
}

/// A complete audit: every question of `complet` answered with the option at `pick(index)`,
/// some "don't know", a note on some.
fn session(catalog: &Catalog, month: u32, pick: impl Fn(usize, usize) -> usize) -> Session {
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
        if index % 11 == 5 {
            session.set_answer(&control.id, "unknown", None, at(month));
            continue;
        }
        let option = &control.options[pick(index, control.options.len())];
        let note = (index % 5 == 0).then(|| format!("Vu avec la direction ; preuve n° {index}"));
        session.set_answer(&control.id, &option.id, note, at(month));
    }
    session
}

fn report(catalog: &Catalog, lang: Lang, with_previous: bool) -> Report {
    let audit = Audit {
        catalog,
        session: session(catalog, 11, |i, n| (i * 3 + 1) % n),
    };
    let previous = Audit {
        catalog,
        session: session(catalog, 5, |i, n| (i * 3) % n),
    };
    reports::build(&audit, with_previous.then_some(&previous), lang, at(11))
}

/// The PDF's text, whitespace collapsed so that wrapped lines still match.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (Debian package poppler-utils) must be installed for this test");
    assert!(output.status.success(), "pdftotext failed: {output:?}");
    flat(&String::from_utf8(output.stdout).unwrap())
}

fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PDF; also written to `$POSTURE_PDF_DIR` when set, to look at.
fn render(report: &Report) -> Vec<u8> {
    let pdf = reports::render(report, Format::Pdf).unwrap();
    if let Some(dir) = std::env::var_os("POSTURE_PDF_DIR") {
        let name = format!(
            "{}-{}{}.pdf",
            report.lang.code(),
            report.cover.profile,
            if report.comparison.is_some() {
                "-compared"
            } else {
                ""
            }
        );
        std::fs::write(std::path::Path::new(&dir).join(name), &pdf).unwrap();
    }
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    assert!(pdf.trim_ascii_end().ends_with(b"%%EOF"), "truncated PDF");
    pdf
}

/// The PDF's text carries what the HTML carries: cover, summary, measures, domains.
fn assert_content(report: &Report, text: &str) {
    let has = |needle: &str| {
        let needle = flat(needle);
        assert!(
            text.contains(&needle),
            "{needle:?} is not in the PDF:\n{text}"
        );
    };
    has(&report.cover.organisation);
    has(&report.cover.auditor);
    has(&report.cover.participants.join(", "));
    has(&report.cover.profile_title);
    has(&format!(
        "{} {}",
        report.cover.catalog_id, report.cover.catalog_version
    ));
    let priorities: Vec<_> = report.measures.iter().filter(|m| m.priority).collect();
    assert_eq!(priorities.len(), 6);
    for measure in priorities {
        has(&format!("{}. {}", measure.rank, measure.title));
        has(&measure.why);
        for citation in &measure.refs {
            has(&citation.label);
        }
    }
    for domain in &report.domains {
        has(&domain.title);
    }
    has(&report.next_assessment);
    for answer in report.answers.iter().flat_map(|d| &d.answers) {
        has(&answer.control);
    }
    for note in report
        .answers
        .iter()
        .flat_map(|d| &d.answers)
        .map(|a| &a.note)
        .filter(|n| !n.is_empty())
    {
        has(note);
    }
}

#[test]
fn french_pdf_with_a_previous_assessment_carries_the_report() {
    let catalog = catalog::bundled().unwrap();
    let report = report(&catalog, Lang::Fr, true);
    let text = pdf_text(&render(&report));
    assert_content(&report, &text);
    for heading in [
        "Rapport d'audit de sécurité",
        "Synthèse",
        "Profil de maturité par domaine",
        "Les six mesures prioritaires",
        "Plan d'action",
        "Réponses par domaine",
        "Questions à compléter",
        "Évolution depuis l'évaluation précédente",
        "Prochaine évaluation",
        "Annexe : méthode de calcul",
        "Évaluation précédente",
    ] {
        // pdftotext gives the no-break spaces of French typography as plain ones.
        let heading = flat(heading);
        assert!(text.contains(&heading), "no {heading:?} in:\n{text}");
    }
    // Scores with a decimal comma, as the HTML writes them.
    let score = report.overall.score.unwrap();
    let written = format!("{score:.1}").replace('.', ",");
    assert!(
        text.contains(&format!("{written} / 100")),
        "no {written} / 100"
    );
    // The method annex, emphasis dropped by the text extraction.
    assert!(text.contains("plafonne le niveau de son domaine à 1"));
    assert!(text.contains("Échelle."));
    // Page numbers.
    assert!(text.contains("2 / "), "no page number");
}

#[test]
fn english_pdf_without_a_previous_assessment_has_no_comparison() {
    let catalog = catalog::bundled().unwrap();
    let report = report(&catalog, Lang::En, false);
    let text = pdf_text(&render(&report));
    assert_content(&report, &text);
    for heading in [
        "Security audit report",
        "Summary",
        "Maturity profile by domain",
        "The six priority measures",
        "Answers by domain",
        "Next assessment",
        "Annex: scoring method",
    ] {
        assert!(text.contains(heading), "no {heading:?} in:\n{text}");
    }
    let score = report.overall.score.unwrap();
    assert!(text.contains(&format!("{score:.1} / 100")));
    assert!(!text.contains("Progress since the previous assessment"));
    assert!(
        !text.contains("Previous assessment"),
        "no dashed polygon's legend"
    );
    assert!(!text.contains("Rapport d'audit"));
    // The radar's labels write the scores as the domain table: one decimal.
    for domain in report.domains.iter().filter(|d| d.score.is_some()) {
        let label = flat(&format!("{} ({:.1})", domain.title, domain.score.unwrap()));
        assert!(text.contains(&label), "no {label:?} in:\n{text}");
    }
    assert!(text.contains("96 min (planned"), "{text}");
}

#[test]
fn an_unrecorded_duration_is_said_so_in_the_pdf() {
    let catalog = catalog::bundled().unwrap();
    let mut session = session(&catalog, 11, |i, n| (i * 3 + 1) % n);
    session.meta.elapsed_seconds = 0;
    let audit = Audit {
        catalog: &catalog,
        session,
    };
    for (lang, words) in [
        (Lang::Fr, "non mesurée (prévu"),
        (Lang::En, "not recorded (planned"),
    ] {
        let report = reports::build(&audit, None, lang, at(11));
        let text = pdf_text(&render(&report));
        assert!(text.contains(words), "no {words:?} in:\n{text}");
        assert!(!text.contains(" 0 min"), "{text}");
    }
}

#[test]
fn english_pdf_with_a_previous_assessment_has_the_comparison() {
    let catalog = catalog::bundled().unwrap();
    let report = report(&catalog, Lang::En, true);
    let text = pdf_text(&render(&report));
    assert!(text.contains("Progress since the previous assessment"));
    let comparison = report.comparison.as_ref().unwrap();
    for change in comparison.improved.iter().chain(&comparison.regressed) {
        assert!(text.contains(&format!(
            "{} ({} → {})",
            change.control, change.before, change.after
        )));
    }
}

#[test]
fn machine_findings_get_their_section_in_the_pdf() {
    use questionnaire::evidence::Evidence;
    use scoring::facts::{Fact, FactReport, Status, Value};
    let catalog = catalog::bundled().unwrap();
    let mut session = session(&catalog, 11, |_, n| n - 1);
    session.set_answer("PAT-01", "8-jours", None, at(11));
    let audit = Audit {
        catalog: &catalog,
        session,
    };
    let evidence = Evidence {
        reports: vec![FactReport {
            agent_version: "0.1.0".into(),
            host: "srv-dossiers".into(),
            collected_at: "2026-11-12T09:00:00Z".into(),
            root: true,
            container: false,
            facts: vec![
                Fact {
                    key: "patch.security_pending_days".into(),
                    value: Value::Number(40.0),
                    status: Status::Fail,
                    source: "/var/lib/dpkg/status".into(),
                    detail: "Mise à jour de sécurité en attente depuis au moins 40 jours".into(),
                    message: None,
                },
                Fact {
                    key: "backup.tools".into(),
                    value: Value::List(Vec::new()),
                    status: Status::Warn,
                    source: "/usr/bin".into(),
                    detail: "Aucun outil de sauvegarde connu".into(),
                    message: None,
                },
            ],
        }],
    };
    let report = reports::build_with_facts(&audit, None, Some(&evidence), Lang::Fr, at(11));
    assert_eq!(report.discrepancies.len(), 1, "{:?}", report.discrepancies);
    assert_eq!(
        report.points_to_verify.len(),
        1,
        "{:?}",
        report.points_to_verify
    );
    let text = pdf_text(&render(&report));
    for needle in [
        "Constats sur les machines",
        "Réponses contredites par les machines",
        "srv-dossiers",
        "patch.security_pending_days = 40",
        "Mise à jour de sécurité en attente depuis au moins 40 jours",
        "lu en root",
        // The rule's reason, under the discrepancy.
        "une mise à jour de sécurité publiée attend depuis plus de 30 jours",
        // The point to verify: no backup tool, BAK-01 answered at the top level.
        "Points à vérifier",
        "backup.tools = []",
        "Aucun logiciel de sauvegarde connu n'est installé sur cette machine.",
    ] {
        let needle = flat(needle);
        assert!(text.contains(&needle), "no {needle:?} in:\n{text}");
    }
    // The answers table shows the level declared and the level the facts leave (pdftotext may
    // drop the spaces of a narrow cell).
    assert!(
        text.replace(' ', "").contains("logicielsmétier3→1"),
        "no 3 → 1 for PAT-01 in:\n{text}"
    );
}

/// An English report of facts that an agent wrote in French, each with its message: the PDF says
/// them in English.
#[test]
fn an_english_pdf_says_the_facts_in_english() {
    use questionnaire::evidence::Evidence;
    use scoring::facts::{Fact, FactReport, Status, Value};
    use scoring::message::Message;
    let catalog = catalog::bundled().unwrap();
    let audit = Audit {
        catalog: &catalog,
        session: session(&catalog, 11, |_, n| n - 1),
    };
    let evidence = Evidence {
        reports: vec![FactReport {
            agent_version: "0.1.0".into(),
            host: "srv-dossiers".into(),
            collected_at: "2026-11-12T09:00:00Z".into(),
            root: false,
            container: false,
            facts: vec![Fact {
                key: "patch.days_since_upgrade".into(),
                value: Value::Number(12.0),
                status: Status::Warn,
                source: "/var/log/apt/history.log".into(),
                detail: "12 jours".into(),
                message: Some(Message::new("days").arg("count", 12)),
            }],
        }],
    };
    let report = reports::build_with_facts(&audit, None, Some(&evidence), Lang::En, at(11));
    let text = pdf_text(&render(&report));
    assert!(text.contains("12 days"), "{text}");
    assert!(!text.contains("12 jours"), "{text}");
}

#[test]
fn the_same_report_gives_the_same_pdf() {
    let catalog = catalog::bundled().unwrap();
    let report = report(&catalog, Lang::Fr, true);
    assert_eq!(render(&report), render(&report));
}

#[test]
fn an_unanswered_session_still_gives_a_pdf() {
    let catalog = catalog::bundled().unwrap();
    let session = Session::new(
        &catalog,
        NewSession {
            organisation: "Cabinet <Dupont> & \"associés\" #1 $x$ *y* _z_ @ref [a] {b}".into(),
            profile: "express".into(),
            auditor: String::new(),
            participants: Vec::new(),
            sector: String::new(),
            headcount: String::new(),
        },
        at(11),
    )
    .unwrap();
    let audit = Audit {
        catalog: &catalog,
        session,
    };
    let report = reports::build(&audit, None, Lang::En, at(11));
    let text = pdf_text(&render(&report));
    assert!(text.contains(&report.cover.organisation), "{text}");
    assert!(text.contains("Questions to complete"));
}
