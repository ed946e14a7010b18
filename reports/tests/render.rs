//! The report of a fixed audit in every text format (snapshots), the HTML checked by content, and
//! the comparison of two assessments where some domains rise and one falls.

#![allow(clippy::unwrap_used)]

use chrono::{DateTime, TimeZone as _, Utc};
use questionnaire::Lang;
use questionnaire::audit::Audit;
use questionnaire::catalog::{self, Catalog};
use questionnaire::session::{NewSession, Session};
use reports::{Format, Report};

fn at(month: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, month, 12, 9, 30, 0).unwrap()
}

/// An express audit: each question answered with the option at `pick(index)`, a note on some.
fn session(catalog: &Catalog, month: u32, pick: impl Fn(usize, usize) -> usize) -> Session {
    let mut session = Session::new(
        catalog,
        NewSession {
            organisation: "CPTS Les Mureaux".into(),
            profile: "express".into(),
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
    session.meta.elapsed_seconds = 84 * 60;
    let controls: Vec<_> = catalog.controls_in("express").collect();
    for (index, control) in controls.iter().enumerate() {
        if control.id == "REM-00" {
            session.set_answer(&control.id, "oui", None, at(month));
            continue;
        }
        if index % 9 == 4 {
            session.set_answer(&control.id, "unknown", None, at(month));
            continue;
        }
        let option = &control.options[pick(index, control.options.len())];
        let note = (index % 4 == 0).then(|| format!("Vu avec la direction ; preuve {index}"));
        session.set_answer(&control.id, &option.id, note, at(month));
    }
    session
}

fn report(catalog: &Catalog, lang: Lang, with_previous: bool) -> Report {
    let now = session(catalog, 11, |i, n| (i * 3 + 1) % n);
    let audit = Audit {
        catalog,
        session: now,
    };
    let before = session(catalog, 5, |i, n| (i * 3) % n);
    let previous = Audit {
        catalog,
        session: before,
    };
    reports::build(&audit, with_previous.then_some(&previous), lang, at(11))
}

fn text(report: &Report, format: Format) -> String {
    String::from_utf8(reports::render(report, format).unwrap()).unwrap()
}

#[test]
fn markdown_snapshot() {
    let catalog = catalog::bundled().unwrap();
    insta::assert_snapshot!(
        "markdown_fr",
        text(&report(&catalog, Lang::Fr, true), Format::Markdown)
    );
    insta::assert_snapshot!(
        "markdown_en",
        text(&report(&catalog, Lang::En, false), Format::Markdown)
    );
}

#[test]
fn csv_snapshot_has_a_bom_and_one_row_per_question() {
    let catalog = catalog::bundled().unwrap();
    let report = report(&catalog, Lang::Fr, false);
    let bytes = reports::render(&report, Format::Csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    let csv = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let questions = catalog.controls_in("express").count();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), questions);
    insta::assert_snapshot!("csv_fr", csv);
}

#[test]
fn json_snapshot_carries_the_schema_version() {
    let catalog = catalog::bundled().unwrap();
    let report = report(&catalog, Lang::Fr, true);
    let json = text(&report, Format::Json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["schema_version"], 1);
    // The catalog hash changes with every catalog edit: keep it out of the snapshot.
    let json = json.replace(&catalog.hash, "[catalog hash]");
    insta::assert_snapshot!("json_fr", json);
}

#[test]
fn html_is_self_contained_and_carries_the_content() {
    let catalog = catalog::bundled().unwrap();
    let report = report(&catalog, Lang::Fr, true);
    let html = text(&report, Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("CPTS Les Mureaux"));
    assert!(html.contains("<svg"), "radar chart inline");
    assert!(
        html.contains("class=\"previous\""),
        "previous assessment overlaid"
    );
    assert!(!html.contains("<script"), "no script");
    assert!(!html.contains("src=\"http"), "no network resource");
    assert!(!html.contains("href=\"http"), "no network resource");
    assert!(html.contains("page-break-before"), "print page breaks");
    for measure in report.measures.iter().filter(|m| m.priority) {
        assert!(html.contains(&escape(&measure.title)), "{}", measure.title);
        for citation in &measure.refs {
            assert!(html.contains(&escape(&citation.label)));
        }
    }
    assert_eq!(report.measures.iter().filter(|m| m.priority).count(), 6);
    for domain in &report.domains {
        assert!(html.contains(&escape(&domain.title)));
    }
    assert!(
        html.contains("Évolution depuis l&#x27;évaluation précédente")
            || html.contains("Évolution depuis l'évaluation précédente")
    );
    assert!(
        html.contains("2027-05-12"),
        "next assessment six months later"
    );
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#x27;")
}

#[test]
fn the_comparison_shows_domains_rising_and_one_falling() {
    let catalog = catalog::bundled().unwrap();
    let mut before = session(&catalog, 5, |_, _| 1);
    let mut now = session(&catalog, 11, |_, _| 1);
    // Backups and access rise to the top; the network falls to nothing.
    for control in catalog.controls_in("express") {
        let top = control.options.last().unwrap().id.clone();
        let bottom = control.options[0].id.clone();
        match control.domain.as_str() {
            "sauvegardes" | "acces" => now.set_answer(&control.id, &top, None, at(11)),
            "reseau" => {
                before.set_answer(&control.id, &top, None, at(5));
                now.set_answer(&control.id, &bottom, None, at(11));
            }
            _ => {}
        }
    }
    let audit = Audit {
        catalog: &catalog,
        session: now,
    };
    let previous = Audit {
        catalog: &catalog,
        session: before,
    };
    let report = reports::build(&audit, Some(&previous), Lang::En, at(11));
    let comparison = report.comparison.as_ref().unwrap();
    let delta = |id: &str| {
        comparison
            .domains
            .iter()
            .find(|d| d.id == id)
            .unwrap()
            .delta
            .unwrap()
    };
    assert!(delta("sauvegardes") > 0.0);
    assert!(delta("acces") > 0.0);
    assert!(delta("reseau") < 0.0);
    assert_eq!(delta("gouvernance"), 0.0);
    assert!(comparison.improved.iter().any(|c| c.control == "BAK-02"));
    assert!(
        comparison
            .regressed
            .iter()
            .all(|c| c.control.starts_with("NET-"))
    );
    assert!(!comparison.regressed.is_empty());
    assert!(
        comparison
            .measures_done
            .iter()
            .any(|m| m.control == "BAK-02")
    );
    assert!(
        comparison
            .still_open
            .iter()
            .any(|m| m.control.starts_with("GOV-"))
    );
    let markdown = text(&report, Format::Markdown);
    assert!(markdown.contains("## Progress since the previous assessment (2026-05-12)"));
    let domain_row = report.domains.iter().find(|d| d.id == "reseau").unwrap();
    assert!(domain_row.previous_score > domain_row.score);
}

/// Every field `docs/report-json.md` names is in the JSON.
#[test]
fn the_json_has_every_documented_field() {
    let catalog = catalog::bundled().unwrap();
    let report = report(&catalog, Lang::En, true);
    let value: serde_json::Value = serde_json::from_str(&text(&report, Format::Json)).unwrap();
    for field in [
        "schema_version",
        "lang",
        "generated_at",
        "cover",
        "overall",
        "domains",
        "measures",
        "answers",
        "to_check",
        "comparison",
        "next_assessment",
        "method",
    ] {
        assert!(value.get(field).is_some(), "{field}");
    }
    for field in [
        "organisation",
        "date",
        "auditor",
        "participants",
        "profile",
        "duration_minutes",
        "catalog_id",
        "catalog_version",
    ] {
        assert!(value["cover"].get(field).is_some(), "cover.{field}");
    }
    for field in [
        "id",
        "title",
        "weight",
        "applicable",
        "score",
        "level",
        "capped",
        "capped_by",
        "previous_score",
    ] {
        assert!(
            value["domains"][0].get(field).is_some(),
            "domains[].{field}"
        );
    }
    for field in [
        "rank", "priority", "control", "title", "why", "how", "answer", "level", "target", "refs",
    ] {
        assert!(
            value["measures"][0].get(field).is_some(),
            "measures[].{field}"
        );
    }
    assert_eq!(
        value["measures"][0]["refs"][0]["ref"]
            .as_str()
            .map(|r| r.contains(' ') || !r.is_empty()),
        Some(true)
    );
    let row = &value["answers"][0]["answers"][0];
    for field in [
        "control", "domain", "question", "status", "choice", "answer", "level", "target", "note",
        "refs",
    ] {
        assert!(row.get(field).is_some(), "answers[].answers[].{field}");
    }
    for field in [
        "previous_date",
        "overall",
        "domains",
        "improved",
        "regressed",
        "measures_done",
        "still_open",
    ] {
        assert!(
            value["comparison"].get(field).is_some(),
            "comparison.{field}"
        );
    }
}

#[test]
fn machine_findings_cap_the_answers_and_get_their_section() {
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
            facts: vec![Fact {
                key: "patch.days_since_upgrade".into(),
                value: Value::Number(40.0),
                status: Status::Fail,
                source: "/var/log/apt/history.log".into(),
                detail: "Dernière mise à jour il y a 40 jours".into(),
            }],
        }],
    };
    let plain = reports::build(&audit, None, Lang::Fr, at(11));
    assert!(plain.machines.is_empty() && plain.discrepancies.is_empty());
    let checked = reports::build_with_facts(&audit, None, Some(&evidence), Lang::Fr, at(11));
    assert_eq!(checked.discrepancies.len(), 1);
    let found = &checked.discrepancies[0];
    assert_eq!(
        (found.control.as_str(), found.declared, found.effective),
        ("PAT-01", 3, 1)
    );
    assert_eq!(found.host, "srv-dossiers");
    assert!(checked.overall.score < plain.overall.score);
    let html = text(&checked, Format::Html);
    assert!(html.contains("Constats sur les machines"));
    assert!(html.contains("srv-dossiers"));
    assert!(html.contains("Dernière mise à jour il y a 40 jours"));
    assert!(!text(&plain, Format::Html).contains("Constats sur les machines"));
    let markdown = text(&checked, Format::Markdown);
    assert!(markdown.contains("| PAT-01 |"), "{markdown}");
}
