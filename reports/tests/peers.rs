//! "Your position among your peers" in every format, from a collection server's answer given as
//! the caller fetched it (the reports crate does no networking), and the HTML cover on screen.

#![allow(clippy::unwrap_used)]

use chrono::{TimeZone as _, Utc};
use questionnaire::Lang;
use questionnaire::audit::Audit;
use questionnaire::catalog::{self, Catalog};
use questionnaire::session::{NewSession, Session};
use reports::benchmark::{Fetched, PeerDomain, Peers, Quartiles, Status, position};
use reports::{Format, Report};

fn report(catalog: &Catalog, lang: Lang) -> Report {
    let at = Utc.with_ymd_and_hms(2026, 11, 12, 9, 30, 0).unwrap();
    let mut session = Session::new(
        catalog,
        NewSession {
            organisation: "CPTS <Les> Mureaux".into(),
            profile: "express".into(),
            sector: "CPTS".into(),
            headcount: "10-49".into(),
            ..NewSession::default()
        },
        at,
    )
    .unwrap();
    session.meta.id = Some("0b7e4c1a-5f3d-4e2b-9a6c-000000000011".parse().unwrap());
    for (index, control) in catalog.controls_in("express").enumerate() {
        let option = &control.options[(index * 3 + 1) % control.options.len()];
        session.set_answer(&control.id, &option.id, None, at);
    }
    let audit = Audit { catalog, session };
    reports::build(&audit, None, lang, at)
}

/// Quartiles that put the first applicable domain below, the second in the middle and the third
/// above, whatever their scores.
fn peers(report: &Report) -> Peers {
    let scored: Vec<_> = report
        .domains
        .iter()
        .filter(|d| d.score.is_some())
        .collect();
    let around = |score: f64, shift: f64| Quartiles {
        p25: (score + shift - 5.0).clamp(0.0, 100.0),
        median: (score + shift).clamp(0.0, 100.0),
        p75: (score + shift + 5.0).clamp(0.0, 100.0),
    };
    let domains = scored
        .iter()
        .take(3)
        .zip([10.0, 0.0, -10.0])
        .map(|(d, shift)| PeerDomain {
            id: d.id.clone(),
            quartiles: around(d.score.unwrap(), shift),
        })
        .collect();
    Peers {
        count: 7,
        enough: true,
        overall: Some(around(report.overall.score.unwrap(), 0.0)),
        domains,
    }
}

fn text(report: &Report, format: Format) -> String {
    String::from_utf8(reports::render(report, format).unwrap()).unwrap()
}

fn with_peers(lang: Lang) -> Report {
    let catalog = catalog::bundled().unwrap();
    let mut report = report(&catalog, lang);
    let peers = peers(&report);
    report.benchmark = Some(position(&report, Fetched::Peers(peers)));
    report
}

#[test]
fn the_json_places_each_domain_among_the_peers() {
    let report = with_peers(Lang::Fr);
    let value: serde_json::Value = serde_json::from_str(&text(&report, Format::Json)).unwrap();
    let benchmark = &value["benchmark"];
    assert_eq!(benchmark["status"], "ok");
    assert_eq!(benchmark["count"], 7);
    assert_eq!(
        (&benchmark["sector"], &benchmark["size"]),
        (&"CPTS".into(), &"10-49".into())
    );
    assert_eq!(benchmark["overall"]["id"], "overall");
    assert_eq!(benchmark["overall"]["position"], "middle");
    let positions: Vec<&str> = benchmark["domains"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["position"].as_str().unwrap())
        .collect();
    assert_eq!(positions, ["below", "middle", "above"]);
    let first = &benchmark["domains"][0];
    let domain = value["domains"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == first["id"])
        .unwrap();
    assert_eq!(first["score"], domain["score"]);
    assert_eq!(first["title"], domain["title"]);
    let p25 = first["p25"].as_f64().unwrap();
    assert!((p25 - (domain["score"].as_f64().unwrap() + 5.0)).abs() < 1e-9);
    assert_eq!(value["schema_version"], 1);
}

#[test]
fn without_benchmark_the_json_has_no_such_field() {
    let catalog = catalog::bundled().unwrap();
    let value: serde_json::Value =
        serde_json::from_str(&text(&report(&catalog, Lang::En), Format::Json)).unwrap();
    assert!(value.get("benchmark").is_none());
}

/// Every field of the section is in `docs/report-json.md`.
#[test]
fn the_benchmark_fields_are_documented() {
    let doc = include_str!("../../docs/report-json.md");
    let start = doc
        .find("\n## `benchmark`\n")
        .expect("a `benchmark` section");
    let section = &doc[start..];
    let section = &section[..section[1..].find("\n## ").unwrap_or(section.len())];
    assert!(doc.contains("| `benchmark` | object |"), "top-level row");
    let report = with_peers(Lang::En);
    let value = serde_json::to_value(&report).unwrap();
    let objects = [
        &value["benchmark"],
        &value["benchmark"]["overall"],
        &value["benchmark"]["domains"][0],
    ];
    for object in objects {
        for key in object.as_object().unwrap().keys() {
            assert!(
                section.contains(&format!("`{key}`")),
                "{key} is not documented"
            );
        }
    }
    for word in [
        "\"ok\"",
        "\"too_few\"",
        "\"unavailable\"",
        "\"below\"",
        "\"middle\"",
        "\"above\"",
    ] {
        assert!(section.contains(word), "{word} is not documented");
    }
}

#[test]
fn the_html_shows_the_box_plot_and_the_table() {
    let report = with_peers(Lang::Fr);
    let html = text(&report, Format::Html);
    assert!(
        html.contains("<h2>Votre position parmi vos pairs</h2>"),
        "{html}"
    );
    assert!(html.contains(
        "Comparaison avec les 7 organisations du secteur «\u{a0}CPTS\u{a0}», effectif 10-49"
    ));
    let section = &html[html.find("id=\"peers\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    // The box plot: one box and one marker per row (the overall index and three domains).
    assert!(section.contains("role=\"img\""));
    assert_eq!(section.matches("class=\"box\"").count(), 4);
    assert_eq!(section.matches("class=\"marker\"").count(), 4);
    assert!(!section.contains("style="));
    for words in [
        "sous le premier quartile",
        "dans la moitié centrale",
        "au-dessus du troisième quartile",
    ] {
        assert!(section.contains(&format!("<td>{words}</td>")), "{words}");
    }
    assert!(section.contains("<th class=\"num\">1er quartile</th>"));
    // Before the priorities: it belongs with the synthesis.
    assert!(
        html.find("id=\"peers\"").unwrap() < html.find("Les six mesures prioritaires").unwrap()
    );
}

#[test]
fn too_few_peers_and_no_server_are_said() {
    let catalog = catalog::bundled().unwrap();
    let mut report = report(&catalog, Lang::Fr);
    let few = Peers {
        count: 3,
        enough: false,
        overall: None,
        domains: Vec::new(),
    };
    report.benchmark = Some(position(&report, Fetched::Peers(few)));
    assert_eq!(report.benchmark.as_ref().unwrap().status, Status::TooFew);
    let html = text(&report, Format::Html);
    assert!(
        html.contains("Trop peu d&#x27;organisations comparables")
            || html.contains("Trop peu d'organisations comparables"),
        "{html}"
    );
    assert!(!html.contains("class=\"box\""));
    let markdown = text(&report, Format::Markdown);
    assert!(markdown.contains("## Votre position parmi vos pairs"));
    assert!(markdown.contains("3 dans le secteur"), "{markdown}");
    let value: serde_json::Value = serde_json::from_str(&text(&report, Format::Json)).unwrap();
    assert_eq!(value["benchmark"]["status"], "too_few");
    assert_eq!(value["benchmark"]["count"], 3);
    assert_eq!(value["benchmark"]["domains"], serde_json::json!([]));

    report.benchmark = Some(position(
        &report,
        Fetched::Unavailable("le serveur ne répond pas".into()),
    ));
    let markdown = text(&report, Format::Markdown);
    assert!(
        markdown.contains("n'a pas pu être obtenue\u{a0}: le serveur ne répond pas."),
        "{markdown}"
    );
    let value: serde_json::Value = serde_json::from_str(&text(&report, Format::Json)).unwrap();
    assert_eq!(value["benchmark"]["status"], "unavailable");
    assert_eq!(value["benchmark"]["count"], serde_json::Value::Null);
    assert_eq!(value["benchmark"]["reason"], "le serveur ne répond pas");
}

#[test]
fn markdown_snapshot_with_peers() {
    let report = with_peers(Lang::En);
    let markdown = text(&report, Format::Markdown);
    let start = markdown.find("## Your position among your peers").unwrap();
    let section = &markdown[start..];
    let section = &section[..section[3..]
        .find("\n## ")
        .map_or(section.len(), |end| end + 3)];
    insta::assert_snapshot!("peers_markdown_en", section);
}

/// On screen the cover takes its own height; the page height is for print only.
#[test]
fn the_covers_page_height_is_for_print_only() {
    let catalog = catalog::bundled().unwrap();
    let html = text(&report(&catalog, Lang::Fr), Format::Html);
    let css = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    let print = css.find("@media print").expect("a print block");
    let (screen, print_block) = css.split_at(print);
    // Every rule naming the cover outside @media print says nothing of height.
    for rule in screen.split('}').filter(|rule| rule.contains(".cover")) {
        assert!(
            !rule.contains("height"),
            "screen rule with a height: {rule}"
        );
        assert!(!rule.contains("vh"), "screen rule with a height: {rule}");
    }
    let cover_rule = print_block
        .split('}')
        .find(|rule| rule.contains(".cover {"))
        .expect("the cover's print rule");
    assert!(cover_rule.contains("min-height: 80vh"), "{cover_rule}");
    // The print block is the last of the sheet: nothing after it puts the height back.
    assert!(!print_block.contains("@media screen"));
}

/// The reports do no networking: the binary fetches the peers' figures and hands them over.
#[test]
fn the_reports_crate_does_not_depend_on_an_http_client() {
    let manifest = include_str!("../Cargo.toml");
    for client in ["reqwest", "hyper", "ureq"] {
        assert!(
            !manifest.contains(client),
            "reports/Cargo.toml names {client}"
        );
    }
}
