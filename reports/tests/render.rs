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
    // A fixed id instead of the random one, for the snapshots: one per assessment.
    session.meta.id = Some(
        format!("0b7e4c1a-5f3d-4e2b-9a6c-{month:012}")
            .parse()
            .unwrap(),
    );
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
        let note = (index % 4 == 0).then(|| format!("Vu avec la direction ; preuve {index}"));
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
fn csv_snapshot_in_english() {
    let catalog = catalog::bundled().unwrap();
    let report = report(&catalog, Lang::En, false);
    let bytes = reports::render(&report, Format::Csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 BOM for Excel");
    insta::assert_snapshot!("csv_en", String::from_utf8(bytes[3..].to_vec()).unwrap());
}

#[test]
fn json_snapshot_carries_the_schema_version() {
    let catalog = catalog::bundled().unwrap();
    for (name, lang, previous) in [("json_fr", Lang::Fr, true), ("json_en", Lang::En, false)] {
        let report = report(&catalog, lang, previous);
        let json = text(&report, Format::Json);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["schema_version"], 1);
        assert_eq!(
            value["assessment_id"],
            "0b7e4c1a-5f3d-4e2b-9a6c-000000000011"
        );
        // The catalog hash changes with every catalog edit: keep it out of the snapshot.
        let json = json.replace(&catalog.hash, "[catalog hash]");
        insta::assert_snapshot!(name, json);
    }
}

/// The report names its assessment by the session's id; a session written before ids existed is
/// named by an id derived from it, the same in every report of it (a resent report is the same
/// assessment), and a re-assessment is another assessment.
#[test]
fn the_json_names_the_assessment_by_the_session_id() {
    let catalog = catalog::bundled().unwrap();
    let json = |session: &Session| -> serde_json::Value {
        let audit = Audit {
            catalog: &catalog,
            session: session.clone(),
        };
        let report = reports::build(&audit, None, Lang::Fr, at(11));
        serde_json::from_str(&text(&report, Format::Json)).unwrap()
    };
    let mut session = session(&catalog, 11, |i, n| (i * 3 + 1) % n);
    session.meta.id = Some("5d0c9a8e-3b1f-4c2d-8e7f-6a5b4c3d2e1f".parse().unwrap());
    assert_eq!(
        json(&session)["assessment_id"],
        session.meta.id.unwrap().to_string()
    );

    // An older session, without id: derived, the same in two reports made apart.
    session.meta.id = None;
    let first = json(&session)["assessment_id"].clone();
    let again = reports::build(
        &Audit {
            catalog: &catalog,
            session: session.clone(),
        },
        None,
        Lang::En,
        at(12),
    );
    assert_eq!(serde_json::Value::from(again.assessment_id), first);
    let first = first.as_str().unwrap().to_owned();
    assert_eq!(first.len(), 36, "{first}");
    assert_eq!(first, session.assessment_id().to_string());
    assert_ne!(first, "0b7e4c1a-5f3d-4e2b-9a6c-000000000011");

    // Another session of the same organisation (created another day) is another assessment.
    let mut other = self::session(&catalog, 5, |i, n| (i * 3) % n);
    other.meta.id = None;
    assert_ne!(json(&other)["assessment_id"], first.as_str());
}

/// English is written with English punctuation, French with its own.
#[test]
fn each_language_has_its_punctuation() {
    let catalog = catalog::bundled().unwrap();
    let english = report(&catalog, Lang::En, true);
    let french = report(&catalog, Lang::Fr, true);
    for format in [Format::Markdown, Format::Html] {
        let en = text(&english, format);
        for wrong in [
            "Overall index :",
            "Sources :",
            "Why :",
            "How :",
            "Finding :",
            "Answer :",
            "** :",
            "«",
            "»",
            "\u{a0}:",
        ] {
            assert!(!en.contains(wrong), "{format:?} in English has {wrong:?}");
        }
        assert!(en.contains("Overall index:"), "{format:?}");
        assert!(en.contains("Sources:"), "{format:?}");
        assert!(en.contains('“'), "{format:?}: English quotes");
        // English has no space at all before a colon.
        for wrong in ["Overall index :", "Sources :", "** :"] {
            assert!(!en.contains(wrong), "{format:?} in English has {wrong:?}");
        }
        // French: a no-break space before « : » and inside « », in every format
        // (docs/glossaire.md), never a plain one.
        let fr = text(&french, format);
        let space = '\u{a0}';
        assert!(fr.contains(&format!("Indice global{space}:")), "{format:?}");
        assert!(fr.contains(&format!("Sources{space}:")), "{format:?}");
        assert!(fr.contains(&format!("«{space}")), "{format:?}");
        for wrong in ["Indice global :", "Sources :", "** :", "« "] {
            assert!(!fr.contains(wrong), "{format:?} in French has {wrong:?}");
        }
        assert!(!fr.contains('“'), "{format:?}");
    }
    // Every French sentence of the Markdown report, the catalog's and the program's, follows
    // the rules that `catalog check` applies.
    let markdown = text(&french, Format::Markdown);
    let slips: Vec<String> = questionnaire::typography::slips(&markdown)
        .iter()
        .map(|slip| slip.describe(&markdown).fr)
        .collect();
    assert!(slips.is_empty(), "{slips:#?}");
}

/// A session's own text (a note, the organisation) goes into Markdown as text: no raw HTML, no
/// emphasis, no link, no broken table.
#[test]
fn user_text_is_inert_in_markdown() {
    let catalog = catalog::bundled().unwrap();
    let mut session = session(&catalog, 11, |i, n| (i * 3 + 1) % n);
    session.meta.organisation = "Cabinet <b>Dupont</b> & *associés* #1".into();
    session.meta.auditor = "[Alice](http://evil.example) _M_".into();
    let note = "<script>alert(\"x\")</script> **gras** | `code` [lien](http://evil.example)\nsuite";
    session.set_answer("PAT-01", "8-jours", Some(note.into()), at(11));
    let audit = Audit {
        catalog: &catalog,
        session,
    };
    let report = reports::build(&audit, None, Lang::Fr, at(11));
    let markdown = text(&report, Format::Markdown);
    for raw in [
        "<script",
        "<b>",
        "**gras**",
        "*associés*",
        "[lien]",
        "[Alice]",
        "`code`",
    ] {
        assert!(!markdown.contains(raw), "{raw:?} is raw in:\n{markdown}");
    }
    assert!(markdown.starts_with(
        "# Audit de sécurité — Cabinet &lt;b&gt;Dupont&lt;/b&gt; &amp; \\*associés\\* \\#1\n"
    ));
    assert!(markdown.contains("&lt;script&gt;alert(\"x\")&lt;/script&gt; \\*\\*gras\\*\\* \\|"));
    let row = markdown
        .lines()
        .find(|line| line.starts_with("| PAT-01 |"))
        .unwrap();
    assert!(row.contains("suite"), "the note stays on its row");
    let unescaped_pipes = row
        .char_indices()
        .filter(|&(i, c)| c == '|' && !row[..i].ends_with('\\'))
        .count();
    assert_eq!(unescaped_pipes, 6, "five cells: {row}");
}

/// A note that looks like a formula stays text in a spreadsheet; statuses are words of the
/// report's language.
#[test]
fn csv_cells_never_run_as_formulas() {
    let catalog = catalog::bundled().unwrap();
    let mut session = session(&catalog, 11, |i, n| (i * 3 + 1) % n);
    let formulas = [
        "=HYPERLINK(\"http://evil.example\";\"x\")",
        "+33 1 23 45 67 89",
        "-1+1",
        "@SUM(A1:A9)",
        "\tTAB",
        "\rCR",
    ];
    let controls: Vec<String> = catalog
        .controls_in("express")
        .filter(|c| !c.context)
        .take(formulas.len())
        .map(|c| c.id.clone())
        .collect();
    for (control, formula) in controls.iter().zip(formulas) {
        session.set_answer(control, "unknown", Some(formula.into()), at(11));
    }
    let audit = Audit {
        catalog: &catalog,
        session,
    };
    for (lang, note_column, status_column, unknown) in [
        (Lang::Fr, "note", "statut", "ne sait pas"),
        (Lang::En, "note", "status", "don't know"),
    ] {
        let report = reports::build(&audit, None, lang, at(11));
        let bytes = reports::render(&report, Format::Csv).unwrap();
        let mut reader = csv::Reader::from_reader(&bytes[3..]);
        let headers = reader.headers().unwrap().clone();
        let note = headers.iter().position(|h| h == note_column).unwrap();
        let status = headers.iter().position(|h| h == status_column).unwrap();
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        for (control, formula) in controls.iter().zip(formulas) {
            let record = records.iter().find(|r| &r[2] == control).unwrap();
            assert_eq!(&record[note], format!("'{formula}"), "{control}");
            assert_eq!(&record[status], unknown);
        }
        for record in &records {
            for cell in record {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?}"
                );
            }
            assert!(
                !["answered", "unknown", "unanswered", "not_applicable"].contains(&&record[status])
                    || lang == Lang::En && &record[status] == "answered",
                "{:?}",
                &record[status]
            );
        }
    }
}

/// A session filled with `posture answer` has no meeting time: every format says so rather than
/// "0 min".
#[test]
fn an_unrecorded_duration_is_not_zero_minutes() {
    let catalog = catalog::bundled().unwrap();
    let mut session = session(&catalog, 11, |i, n| (i * 3 + 1) % n);
    session.meta.elapsed_seconds = 0;
    let audit = Audit {
        catalog: &catalog,
        session,
    };
    for (lang, words) in [(Lang::Fr, "non mesurée"), (Lang::En, "not recorded")] {
        let report = reports::build(&audit, None, lang, at(11));
        for format in [Format::Markdown, Format::Html] {
            let text = text(&report, format);
            assert!(text.contains(words), "{format:?} {lang:?}");
            assert!(!text.contains("0 min ("), "{format:?} {lang:?}");
        }
        let json: serde_json::Value = serde_json::from_str(&text(&report, Format::Json)).unwrap();
        assert_eq!(json["cover"]["duration_recorded"], false);
        assert_eq!(json["cover"]["duration_minutes"], 0);
    }
    let recorded = report(&catalog, Lang::Fr, false);
    assert!(text(&recorded, Format::Markdown).contains("84 min (prévu"));
    assert!(!text(&recorded, Format::Html).contains("non mesurée"));
}

/// The radar's labels write each score as the domain table does: one decimal, no rounding.
#[test]
fn radar_labels_write_scores_as_the_table() {
    let catalog = catalog::bundled().unwrap();
    let report = report(&catalog, Lang::Fr, true);
    let html = text(&report, Format::Html);
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    for domain in report.domains.iter().filter(|d| d.score.is_some()) {
        let score = format!("{:.1}", domain.score.unwrap()).replace('.', ",");
        // Escaped as the whole page is, by the template engine's escaper.
        let label = minijinja::HtmlEscape(&format!("{} ({score})", domain.title)).to_string();
        assert!(svg.contains(&label), "no {label:?} in the radar");
        let table = format!("<td class=\"num\">{score}</td>");
        assert!(html.contains(&table), "no {table:?} in the table");
    }
    // Ties are not rounded to even: 37.5 and 12.5 keep their half.
    let mut rows = report.domains.clone();
    rows[0].score = Some(37.5);
    rows[1].score = Some(12.5);
    let svg = reports::radar::svg(&rows, Lang::En, "r", "now", "before");
    assert!(svg.contains("(37.5)") && svg.contains("(12.5)"), "{svg}");
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

/// The words in backquotes of the section of `docs/report-json.md` whose heading is `heading`,
/// and the quoted names in them (`{ "ref", "label" }`).
fn documented(heading: &str) -> std::collections::BTreeSet<String> {
    let doc = include_str!("../../docs/report-json.md");
    let start = doc
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("no section {heading:?} in docs/report-json.md"));
    let section = &doc[start + heading.len() + 5..];
    let section = &section[..section.find("\n## ").unwrap_or(section.len())];
    let spans: Vec<&str> = section.split('`').skip(1).step_by(2).collect();
    let quoted = spans
        .iter()
        .flat_map(|span| span.split('"').skip(1).step_by(2));
    spans
        .iter()
        .copied()
        .chain(quoted)
        .map(|word| word.trim_end_matches("[]").to_owned())
        .collect()
}

/// The security lists that `srv-dossiers`' pending update was read from.
const LISTS: &str = "/var/lib/dpkg/status, /var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_InRelease";

/// Three reports of facts:
///
/// - `srv-dossiers` (a server): a security update waiting for 40 days (caps PAT-01 at 1), SSH
///   listening on a public address (a point to verify on REM-01 and REM-02), no backup tool (a
///   point to verify on BAK-01), SMB on every interface (`net.admin_exposed`, which bears on
///   nothing) and a last upgrade 40 days ago (`patch.days_since_upgrade`, which bears on nothing
///   any more);
/// - `poste-accueil`: a security update waiting for 12 days (caps PAT-01 at 2);
/// - `acces.cpts-mureaux.fr`, probed from outside (`posture agent probe-ports`): remote desktop
///   open (caps REM-01 and REM-02 at 2).
fn evidence() -> questionnaire::evidence::Evidence {
    use scoring::facts::{Fact, FactReport, Status, Value};
    let fact = |key: &str, value: Value, source: &str| Fact {
        key: key.into(),
        value,
        status: Status::Fail,
        source: source.into(),
        detail: "Constat de test".into(),
        message: None,
    };
    let machine = |host: &str, facts: Vec<Fact>| FactReport {
        agent_version: "0.1.0".into(),
        host: host.into(),
        collected_at: "2026-11-12T09:00:00Z".into(),
        root: true,
        container: false,
        facts,
    };
    let list = |items: &[&str]| Value::List(items.iter().map(|&i| i.to_owned()).collect());
    questionnaire::evidence::Evidence {
        reports: vec![
            machine(
                "srv-dossiers",
                vec![
                    fact(
                        "host.role",
                        Value::Text("server".into()),
                        "/sys/class/dmi/id/chassis_type",
                    ),
                    fact(
                        "patch.days_since_upgrade",
                        Value::Number(40.0),
                        "/var/log/apt/history.log",
                    ),
                    fact("patch.security_pending_days", Value::Number(40.0), LISTS),
                    fact(
                        "net.admin_exposed",
                        list(&["445/tcp (SMB) 0.0.0.0", "22/tcp (SSH) 0.0.0.0"]),
                        "/proc/net/tcp",
                    ),
                    fact(
                        "net.admin_public",
                        list(&["22/tcp (SSH) 0.0.0.0"]),
                        "/proc/net/tcp, /proc/net/fib_trie",
                    ),
                    fact("backup.tools", list(&[]), "/usr/bin, /usr/sbin"),
                ],
            ),
            machine(
                "poste-accueil",
                vec![fact(
                    "patch.security_pending_days",
                    Value::Number(12.0),
                    "/var/lib/dpkg/status",
                )],
            ),
            machine(
                "acces.cpts-mureaux.fr",
                vec![fact(
                    "exposure.admin_open",
                    list(&["3389/tcp rdp"]),
                    "tcp connect acces.cpts-mureaux.fr",
                )],
            ),
        ],
    }
}

/// The fixed audit with every answer at the top, PAT-01 "within 8 days", and the machines' facts.
fn report_with_facts(catalog: &Catalog, lang: Lang) -> Report {
    let mut session = session(catalog, 11, |_, n| n - 1);
    session.set_answer("PAT-01", "8-jours", None, at(11));
    let audit = Audit { catalog, session };
    let before = session_for_previous(catalog);
    let previous = Audit {
        catalog,
        session: before,
    };
    reports::build_with_facts(&audit, Some(&previous), Some(&evidence()), lang, at(11))
}

fn session_for_previous(catalog: &Catalog) -> Session {
    session(catalog, 5, |i, n| (i * 3) % n)
}

/// Every field of the JSON is documented in `docs/report-json.md`, and every top-level field
/// documented is in the JSON.
#[test]
fn the_json_has_every_documented_field() {
    let catalog = catalog::bundled().unwrap();
    let report = report_with_facts(&catalog, Lang::En);
    let value: serde_json::Value = serde_json::from_str(&text(&report, Format::Json)).unwrap();
    let keys = |value: &serde_json::Value, what: &str| -> Vec<String> {
        value
            .as_object()
            .unwrap_or_else(|| panic!("{what} is not an object: {value}"))
            .keys()
            .cloned()
            .collect()
    };
    let top = documented("Top level");
    for key in keys(&value, "the report") {
        assert!(top.contains(&key), "top-level {key:?} is not documented");
    }
    for key in [
        "schema_version",
        "assessment_id",
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
        "machines",
        "discrepancies",
        "points_to_verify",
    ] {
        assert!(top.contains(key), "{key} is not documented");
        assert!(value.get(key).is_some(), "{key} is documented, not emitted");
    }
    let nested = [
        ("`cover`", &value["cover"]),
        ("`overall`", &value["overall"]),
        ("`domains[]`", &value["domains"][0]),
        ("`measures[]`", &value["measures"][0]),
        ("`measures[]`", &value["measures"][0]["refs"][0]),
        ("`answers[]` and `to_check[]`", &value["answers"][0]),
        (
            "`answers[]` and `to_check[]`",
            &value["answers"][0]["answers"][0],
        ),
        ("`comparison`", &value["comparison"]),
        ("`comparison`", &value["comparison"]["overall"]),
        ("`comparison`", &value["comparison"]["domains"][0]),
        ("`comparison`", &value["comparison"]["measures_done"][0]),
        ("`machines[]`", &value["machines"][0]),
        ("`machines[]`", &value["machines"][0]["facts"][0]),
        ("`discrepancies[]`", &value["discrepancies"][0]),
        ("`points_to_verify[]`", &value["points_to_verify"][0]),
    ];
    for (heading, object) in nested {
        let words = documented(heading);
        for key in keys(object, heading) {
            assert!(
                words.contains(&key),
                "{key:?} of {heading} is not documented"
            );
        }
    }
    let change = value["comparison"]["improved"]
        .get(0)
        .or_else(|| value["comparison"]["regressed"].get(0))
        .expect("a change");
    for key in keys(change, "a change") {
        assert!(documented("`comparison`").contains(&key), "{key:?}");
    }
    assert_eq!(
        value["measures"][0]["refs"][0]["ref"]
            .as_str()
            .map(|r| !r.is_empty()),
        Some(true)
    );
}

/// The report's discrepancies have the eight fields of `posture score --facts` (the seven and
/// `why`), typed the same, one row per control and machine; the answers show the level the facts
/// leave. Its points to verify likewise have the seven fields of the score's.
#[test]
fn discrepancies_carry_the_score_fields_for_every_machine() {
    let catalog = catalog::bundled().unwrap();
    let report = report_with_facts(&catalog, Lang::Fr);
    let value: serde_json::Value = serde_json::from_str(&text(&report, Format::Json)).unwrap();
    let rows = value["discrepancies"].as_array().unwrap();
    let pat: Vec<&serde_json::Value> = rows.iter().filter(|r| r["control"] == "PAT-01").collect();
    assert_eq!(pat.len(), 2, "one row per machine: {rows:#?}");
    assert_eq!(pat[0]["host"], "srv-dossiers");
    assert_eq!(pat[0]["effective"], 1);
    assert_eq!(pat[1]["host"], "poste-accueil");
    assert_eq!(pat[1]["effective"], 2);
    for row in &pat {
        assert_eq!(row["fact"], "patch.security_pending_days", "{row}");
    }
    assert_eq!(pat[0]["source"], LISTS);
    assert!(
        pat[0]["why"]
            .as_str()
            .unwrap()
            .contains("attend depuis plus de 30 jours"),
        "{}",
        pat[0]
    );
    assert!(
        pat[1]["why"]
            .as_str()
            .unwrap()
            .contains("attend depuis plus de 8 jours"),
        "{}",
        pat[1]
    );
    for row in rows {
        for field in [
            "control",
            "declared",
            "effective",
            "fact",
            "value",
            "host",
            "source",
            "why",
            "question",
            "answer",
            "value_text",
        ] {
            assert!(row.get(field).is_some(), "{field} in {row}");
        }
        // Neither the last upgrade nor a port open on the local network caps anything, and a
        // point to verify is no discrepancy.
        assert!(
            ![
                "patch.days_since_upgrade",
                "net.admin_exposed",
                "net.admin_public",
                "backup.tools"
            ]
            .contains(&row["fact"].as_str().unwrap()),
            "{row}"
        );
    }
    // Typed as in the facts file: a number, a list; not display strings.
    assert!(pat[0]["value"].is_number(), "{}", pat[0]["value"]);
    assert_eq!(pat[0]["value"].as_f64(), Some(40.0));
    let open: Vec<&serde_json::Value> = rows
        .iter()
        .filter(|r| r["fact"] == "exposure.admin_open")
        .collect();
    // REM-02 is answered "don't know" in the fixture: no level for a fact to contradict.
    let controls: Vec<&str> = open
        .iter()
        .map(|r| r["control"].as_str().unwrap())
        .collect();
    assert_eq!(controls, ["REM-01"], "{rows:#?}");
    for row in open {
        assert_eq!(row["value"], serde_json::json!(["3389/tcp rdp"]));
        assert_eq!(row["value_text"], "3389/tcp rdp");
        assert_eq!(
            (&row["declared"], &row["effective"]),
            (&4.into(), &2.into())
        );
        assert_eq!(row["host"], "acces.cpts-mureaux.fr");
    }

    // The points to verify: BAK-01 (no backup tool) and REM-01 (SSH on a public address; REM-02
    // is "don't know"), on srv-dossiers, at their declared level.
    let points = value["points_to_verify"].as_array().unwrap();
    let found: Vec<(&str, &str)> = points
        .iter()
        .map(|p| (p["control"].as_str().unwrap(), p["fact"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [("BAK-01", "backup.tools"), ("REM-01", "net.admin_public"),],
        "{points:#?}"
    );
    for point in points {
        assert_eq!(point["host"], "srv-dossiers", "{point}");
        assert_eq!(point["declared"], 4, "{point}");
        assert!(point.get("effective").is_none(), "{point}");
        for field in ["question", "answer", "value_text", "why", "source", "value"] {
            assert!(point.get(field).is_some(), "{field} in {point}");
        }
    }
    assert_eq!(points[0]["value"], serde_json::json!([]));
    assert!(
        points[0]["why"]
            .as_str()
            .unwrap()
            .starts_with("Aucun logiciel de sauvegarde connu"),
        "{}",
        points[0]
    );

    // The same rows as `posture score --facts` computes.
    let mut session = session(&catalog, 11, |_, n| n - 1);
    session.set_answer("PAT-01", "8-jours", None, at(11));
    let audit = Audit {
        catalog: &catalog,
        session,
    };
    let score: Vec<serde_json::Value> = audit
        .discrepancies(&evidence())
        .iter()
        .map(|d| questionnaire::results::discrepancy_json(d, Lang::Fr))
        .collect();
    let eight = |row: &serde_json::Value| {
        [
            "control",
            "declared",
            "effective",
            "fact",
            "value",
            "host",
            "source",
            "why",
        ]
        .map(|field| row[field].clone())
    };
    assert_eq!(
        rows.iter().map(eight).collect::<Vec<_>>(),
        score.iter().map(eight).collect::<Vec<_>>()
    );
    let score: Vec<serde_json::Value> = audit
        .points_to_verify(&evidence())
        .iter()
        .map(|p| questionnaire::results::point_json(p, Lang::Fr))
        .collect();
    let seven = |row: &serde_json::Value| {
        [
            "control", "declared", "fact", "value", "host", "source", "why",
        ]
        .map(|field| row[field].clone())
    };
    assert_eq!(
        points.iter().map(seven).collect::<Vec<_>>(),
        score.iter().map(seven).collect::<Vec<_>>()
    );

    // The answer row shows both levels; the measure uses the effective one.
    let row = report
        .answers
        .iter()
        .flat_map(|d| &d.answers)
        .find(|a| a.control == "PAT-01")
        .unwrap();
    assert_eq!((row.level, row.effective_level), (Some(3), Some(1)));
    let measure = report
        .measures
        .iter()
        .find(|m| m.control == "PAT-01")
        .unwrap();
    assert_eq!(Some(measure.level), row.effective_level);
    for d in report.answers.iter().flat_map(|d| &d.answers) {
        let capped = report
            .discrepancies
            .iter()
            .filter(|x| x.control == d.control);
        let lowest = capped.map(|x| x.effective).min();
        assert_eq!(
            d.effective_level,
            match lowest {
                Some(cap) => d.level.map(|l| l.min(cap)),
                None => d.level,
            },
            "{}",
            d.control
        );
    }
    let markdown = text(&report, Format::Markdown);
    assert!(markdown.contains("| 3 → 1 |"), "{markdown}");
    let html = text(&report, Format::Html);
    assert!(html.contains("3 → 1"));
    let csv =
        String::from_utf8(reports::render(&report, Format::Csv).unwrap()[3..].to_vec()).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let level = headers.iter().position(|h| h == "niveau").unwrap();
    let kept = headers.iter().position(|h| h == "niveau_retenu").unwrap();
    let pat = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[2] == "PAT-01")
        .unwrap();
    assert_eq!((&pat[level], &pat[kept]), ("3", "1"));
}

#[test]
fn machine_findings_cap_the_answers_and_get_their_section() {
    let catalog = catalog::bundled().unwrap();
    let mut session = session(&catalog, 11, |_, n| n - 1);
    session.set_answer("PAT-01", "8-jours", None, at(11));
    let audit = Audit {
        catalog: &catalog,
        session,
    };
    let evidence = server_with_a_security_update_waiting_40_days();
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
    assert_eq!(found.fact, "patch.security_pending_days");
    assert!(
        found.why.starts_with(
            "Sur cette machine, une mise à jour de sécurité publiée attend depuis plus de 30 jours"
        ),
        "{}",
        found.why
    );
    assert!(checked.points_to_verify.is_empty());
    assert!(checked.overall.score < plain.overall.score);
    let html = text(&checked, Format::Html);
    assert!(html.contains("Constats sur les machines"));
    assert!(html.contains("srv-dossiers"));
    assert!(html.contains("Mise à jour de sécurité en attente depuis au moins 40 jours"));
    assert!(html.contains("Aucun constat ne met une réponse en doute."));
    assert!(!text(&plain, Format::Html).contains("Constats sur les machines"));
    let markdown = text(&checked, Format::Markdown);
    assert!(markdown.contains("| PAT-01 |"), "{markdown}");
    // The measure says the answer was held lower, and by which machine.
    let measure = checked
        .measures
        .iter()
        .find(|m| m.control == "PAT-01")
        .expect("PAT-01 is a measure");
    assert_eq!((measure.declared_level, measure.level), (Some(3), 1));
    assert_eq!(
        measure.machines_note,
        "niveau déclaré 3, ramené à 1 par les constats de srv-dossiers (patch.security_pending_days = 40)"
    );
    assert!(html.contains("Sur les machines"), "{html}");
    assert!(
        markdown.contains("**Sur les machines\u{a0}:** niveau déclaré 3"),
        "{markdown}"
    );
    let status = markdown
        .lines()
        .find(|l| l.contains("`patch.security_pending_days`") && l.contains("| 40 |"))
        .expect("the fact's row");
    assert!(status.contains("| non conforme |"), "{status}");
}

#[test]
fn the_comparison_shows_today_as_the_machines_show_it() {
    let catalog = catalog::bundled().unwrap();
    let before = Audit {
        catalog: &catalog,
        session: session(&catalog, 5, |_, _| 0),
    };
    let mut now = session(&catalog, 11, |_, n| n - 1);
    now.set_answer("PAT-01", "8-jours", None, at(11));
    let after = Audit {
        catalog: &catalog,
        session: now,
    };
    let evidence = server_with_a_security_update_waiting_40_days();
    let report =
        reports::build_with_facts(&after, Some(&before), Some(&evidence), Lang::Fr, at(11));
    let comparison = report.comparison.as_ref().unwrap();
    // The comparison's "now" is the report's own index, not the answers taken on trust.
    assert_eq!(comparison.overall.after, report.overall.score);
    let pat = comparison
        .improved
        .iter()
        .find(|c| c.control == "PAT-01")
        .expect("PAT-01 improved from level 0");
    assert_eq!(pat.after, 1, "the machines hold PAT-01 at level 1");
    assert!(
        report.measures.iter().any(|m| m.control == "PAT-01"),
        "PAT-01 is still a measure"
    );
    assert!(
        !comparison
            .measures_done
            .iter()
            .any(|m| m.control == "PAT-01"),
        "a measure the machines contradict is not done"
    );
}

/// The facts of one server, `srv-dossiers`, with a security update waiting for 40 days (and
/// last upgraded 40 days ago, which alone caps nothing).
fn server_with_a_security_update_waiting_40_days() -> questionnaire::evidence::Evidence {
    use scoring::facts::{Fact, FactReport, Status, Value};
    questionnaire::evidence::Evidence {
        reports: vec![FactReport {
            agent_version: "0.1.0".into(),
            host: "srv-dossiers".into(),
            collected_at: "2026-11-12T09:00:00Z".into(),
            root: true,
            container: false,
            facts: vec![
                Fact {
                    key: "patch.days_since_upgrade".into(),
                    value: Value::Number(40.0),
                    status: Status::Fail,
                    source: "/var/log/apt/history.log".into(),
                    detail: "Dernière mise à jour il y a 40 jours".into(),
                    message: None,
                },
                Fact {
                    key: "patch.security_pending_days".into(),
                    value: Value::Number(40.0),
                    status: Status::Fail,
                    source: LISTS.into(),
                    detail: "Mise à jour de sécurité en attente depuis au moins 40 jours".into(),
                    message: None,
                },
            ],
        }],
    }
}

/// The facts of `srv-dossiers` as an agent writing French would: a French `detail`, and the
/// message it was said from (here the catalogs' `days`), which the report says in its language.
fn facts_said_in_french() -> questionnaire::evidence::Evidence {
    use scoring::facts::{Fact, FactReport, Status, Value};
    use scoring::message::Message;
    questionnaire::evidence::Evidence {
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
                    source: LISTS.into(),
                    detail: "40 jours".into(),
                    message: Some(Message::new("days").arg("count", 40)),
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
    }
}

#[test]
fn an_english_report_says_the_facts_in_english() {
    let catalog = catalog::bundled().unwrap();
    let mut session = session(&catalog, 11, |_, n| n - 1);
    session.set_answer("PAT-01", "8-jours", None, at(11));
    let audit = Audit {
        catalog: &catalog,
        session,
    };
    let evidence = facts_said_in_french();
    let english = reports::build_with_facts(&audit, None, Some(&evidence), Lang::En, at(11));
    let html = text(&english, Format::Html);
    // The fact with a message: its sentence in English, not the agent's French.
    assert!(html.contains("40 days"), "{html}");
    assert!(!html.contains("40 jours"), "{html}");
    // The fact without one: its detail as the agent wrote it.
    assert!(html.contains("Aucun outil de sauvegarde connu"), "{html}");
    // The JSON keeps every fact as the agent wrote it (docs/report-json.md).
    let json: serde_json::Value = serde_json::from_str(&text(&english, Format::Json)).unwrap();
    assert_eq!(json["machines"][0]["facts"][0]["detail"], "40 jours");
    assert_eq!(reports::model::fact_details(&english)[0][0], "40 days");
    // The same facts in a French report: the French sentence.
    let french = reports::build_with_facts(&audit, None, Some(&evidence), Lang::Fr, at(11));
    assert!(text(&french, Format::Html).contains("40 jours"));
}
