//! Tests of catalog loading and validation: the bundled catalog's shape, and one malformed
//! catalog per rule, each checked for the place and words of its error.

use super::*;
use crate::Lang;

const HEADER: &str = r#"
id = "test"
version = "1"
title = { fr = "Test", en = "Test" }

[[documents]]
key = "charte-ght"
title = "Charte"

[[documents]]
key = "cpts-sesan"
title = "Slides"
sections = false

[[domains]]
id = "sauvegardes"
weight = 3
title = { fr = "Sauvegardes", en = "Backups" }

[[profiles]]
id = "express"
title = { fr = "Express", en = "Express" }

[[profiles]]
id = "complet"
title = { fr = "Complet", en = "Complete" }
all = true
"#;

fn control(id: &str, extra: &str) -> String {
    format!(
        r#"
[[controls]]
id = "{id}"
domain = "sauvegardes"
weight = 3
critical = true
target = 3
profiles = ["express"]
refs = ["charte-ght §10.4", "cpts-sesan"]
question = {{ fr = "Sauvegardez-vous ?", en = "Do you back up?" }}
help = {{ fr = "Aide", en = "Help" }}
{extra}
[[controls.options]]
id = "non"
level = 0
label = {{ fr = "Non", en = "No" }}

[[controls.options]]
id = "parfois"
level = 2
label = {{ fr = "Parfois", en = "Sometimes" }}

[[controls.options]]
id = "teste"
level = 4
label = {{ fr = "Oui, testé", en = "Yes, tested" }}

[controls.recommendation]
title = {{ fr = "Sauvegarder", en = "Back up" }}
why = {{ fr = "Pourquoi", en = "Why" }}
how = {{ fr = "Comment", en = "How" }}
"#
    )
}

fn load_text(text: &str) -> Result<Catalog, Error> {
    load_sources(
        vec![SourceFile::new("c.toml", text)],
        CatalogSource::Path("c.toml".into()),
        Lint::Warnings,
    )
}

/// The problems of an invalid catalog, rendered in English, one per line.
fn problems(text: &str) -> Vec<String> {
    match load_text(text) {
        Ok(_) => panic!("the catalog should be invalid"),
        Err(Error::Invalid(problems)) => problems.iter().map(|p| p.render(Lang::En)).collect(),
        Err(other) => panic!("unexpected error {other:?}"),
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not in text"))
        + 1
}

#[test]
fn a_valid_single_file_catalog_loads() {
    let catalog = load_text(&format!("{HEADER}{}", control("BAK-01", ""))).unwrap();
    assert_eq!(catalog.controls.len(), 1);
    let control = &catalog.controls[0];
    assert_eq!(control.profiles, vec!["express", "complet"]);
    assert_eq!(control.refs, vec!["charte-ght §10.4", "cpts-sesan"]);
    assert!(catalog.hash.starts_with("sha256:"));
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let text = format!("{HEADER}\n[[controls]]\nid = \"X\nweight = 1\n");
    let found = problems(&text);
    let line = line_of(&text, "id = \"X");
    assert!(
        found[0].starts_with(&format!("c.toml:{line}:")),
        "{found:?}"
    );
    assert!(found[0].contains("invalid TOML"), "{found:?}");
}

#[test]
fn an_unknown_field_is_reported_where_it_stands() {
    let text = format!(
        "{HEADER}{}",
        control("BAK-01", "qestion = { fr = \"x\", en = \"x\" }\n")
    );
    let found = problems(&text);
    assert!(found[0].contains("unknown field `qestion`"), "{found:?}");
    assert!(found[0].starts_with(&format!("c.toml:{}:", line_of(&text, "qestion"))));
}

#[test]
fn duplicate_control_ids_point_at_both_places() {
    let text = format!("{HEADER}{}{}", control("BAK-01", ""), control("BAK-01", ""));
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    let second = text.match_indices("id = \"BAK-01\"").nth(1).unwrap().0;
    let line = text[..second].lines().count() + 1;
    assert!(
        found[0].starts_with(&format!("c.toml:{line}:6:")),
        "{found:?}"
    );
    assert!(found[0].contains("already taken"));
    assert!(found[0].contains(&format!("c.toml:{}:", line_of(&text, "id = \"BAK-01\""))));
}

#[test]
fn levels_weights_and_targets_must_be_in_range() {
    let text = format!("{HEADER}{}", control("BAK-01", "")).replace("level = 2", "level = 7");
    let found = problems(&text);
    assert!(
        found
            .iter()
            .any(|p| p.contains("level is 7: it must be between 0 and 4")),
        "{found:?}"
    );

    let text = format!("{HEADER}{}", control("BAK-01", ""))
        .replace("weight = 3\ncritical", "weight = 5\ncritical");
    assert!(problems(&text).iter().any(|p| p.contains("weight is 5")));
}

#[test]
fn unknown_domains_documents_and_profiles_are_named() {
    let text = format!("{HEADER}{}", control("BAK-01", ""))
        .replace("domain = \"sauvegardes\"", "domain = \"sauvegarde\"")
        .replace("charte-ght §10.4", "charte §10.4")
        .replace("profiles = [\"express\"]", "profiles = [\"rapide\"]");
    let found = problems(&text).join("\n");
    assert!(found.contains("unknown domain \"sauvegarde\""), "{found}");
    assert!(found.contains("declared domains: sauvegardes"), "{found}");
    assert!(
        found.contains("does not start with a known document key"),
        "{found}"
    );
    assert!(found.contains("unknown profile \"rapide\""), "{found}");
}

#[test]
fn refs_name_a_section_unless_the_document_has_none() {
    let text = format!("{HEADER}{}", control("BAK-01", "")).replace(
        "\"charte-ght §10.4\", \"cpts-sesan\"",
        "\"charte-ght\", \"cpts-sesan §3\"",
    );
    let found = problems(&text).join("\n");
    assert!(found.contains("names no section"), "{found}");
    assert!(found.contains("\"cpts-sesan\" has no sections"), "{found}");
}

#[test]
fn both_languages_must_be_present() {
    let text = format!("{HEADER}{}", control("BAK-01", "")).replace(
        "help = { fr = \"Aide\", en = \"Help\" }",
        "help = { fr = \"Aide\" }",
    );
    let found = problems(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("help: the \"en\" text is missing"));
    assert!(found[0].starts_with(&format!("c.toml:{}:", line_of(&text, "help = "))));
}

#[test]
fn options_must_climb_and_reach_level_4() {
    let text = format!("{HEADER}{}", control("BAK-01", "")).replace("level = 4", "level = 1");
    let found = problems(&text).join("\n");
    assert!(found.contains("must climb the scale"), "{found}");
    assert!(found.contains("no option at level 4"), "{found}");
}

#[test]
fn reserved_choices_are_not_options() {
    let text =
        format!("{HEADER}{}", control("BAK-01", "")).replace("id = \"parfois\"", "id = \"na\"");
    assert!(problems(&text).join("\n").contains("\"na\" is reserved"));
}

#[test]
fn conditions_must_point_at_a_context_question_and_its_options() {
    let gate = r#"
[[controls]]
id = "CTX-00"
domain = "sauvegardes"
context = true
question = { fr = "Hébergez-vous ?", en = "Do you host?" }
help = { fr = "Aide", en = "Help" }
[[controls.options]]
id = "oui"
label = { fr = "Oui", en = "Yes" }
[[controls.options]]
id = "non"
label = { fr = "Non", en = "No" }
"#;
    let ok = format!(
        "{HEADER}{gate}{}",
        control(
            "BAK-01",
            "when = { control = \"CTX-00\", any_of = [\"oui\"] }\n"
        )
    );
    assert!(load_text(&ok).is_ok());

    let bad_option = ok.replace("any_of = [\"oui\"]", "any_of = [\"peut-etre\"]");
    let found = problems(&bad_option).join("\n");
    assert!(
        found.contains("\"CTX-00\" has no option \"peut-etre\""),
        "{found}"
    );
    assert!(found.contains("options of CTX-00: oui, non"), "{found}");

    let not_context = format!(
        "{HEADER}{}{}",
        control("BAK-01", ""),
        control(
            "BAK-02",
            "when = { control = \"BAK-01\", any_of = [\"non\"] }\n"
        )
    );
    assert!(
        problems(&not_context)
            .join("\n")
            .contains("not a context question")
    );

    let with_level = ok.replacen("id = \"oui\"\n", "id = \"oui\"\nlevel = 2\n", 1);
    assert!(
        problems(&with_level)
            .join("\n")
            .contains("its options have no level")
    );
}

#[test]
fn a_profile_without_controls_is_an_error() {
    let text = format!("{HEADER}{}", control("BAK-01", ""))
        .replace("profiles = [\"express\"]", "profiles = []");
    let found = problems(&text).join("\n");
    assert!(
        found.contains("the profile \"express\" has no control"),
        "{found}"
    );
}

#[test]
fn a_directory_catalog_is_read_header_first() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("catalog.toml"), HEADER).unwrap();
    std::fs::write(dir.path().join("b.toml"), control("BAK-02", "")).unwrap();
    std::fs::write(dir.path().join("a.toml"), control("BAK-01", "")).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
    let catalog = load(dir.path()).unwrap();
    let ids: Vec<&str> = catalog.controls.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, vec!["BAK-01", "BAK-02"]);

    std::fs::remove_file(dir.path().join("catalog.toml")).unwrap();
    let error = load(dir.path()).unwrap_err().render(Lang::Fr);
    assert!(error.contains("ne contient pas de catalog.toml"), "{error}");
}

#[test]
fn the_hash_follows_the_content() {
    let a = load_text(&format!("{HEADER}{}", control("BAK-01", ""))).unwrap();
    let b = load_text(&format!("{HEADER}{}", control("BAK-01", ""))).unwrap();
    let c =
        load_text(&format!("{HEADER}{}", control("BAK-01", "")).replace("Aide", "Aide.")).unwrap();
    assert_eq!(a.hash, b.hash);
    assert_ne!(a.hash, c.hash);
}

mod bundled_catalog {
    use super::*;

    const DOMAINS: [&str; 13] = [
        "gouvernance",
        "prestataires",
        "acces",
        "mises-a-jour",
        "sauvegardes",
        "acces-distants",
        "reseau",
        "postes",
        "journalisation",
        "incidents",
        "sensibilisation",
        "physique",
        "developpement",
    ];

    #[test]
    fn is_valid_and_has_the_thirteen_domains() {
        let catalog = bundled().unwrap_or_else(|error| panic!("{}", error.render(Lang::En)));
        let ids: Vec<&str> = catalog.domains.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, DOMAINS);
        for domain in DOMAINS {
            assert!(
                catalog
                    .controls
                    .iter()
                    .any(|c| c.domain == domain && !c.context),
                "no scored control in {domain}"
            );
        }
    }

    #[test]
    fn has_60_to_90_controls_each_citing_its_sources() {
        let catalog = bundled().unwrap();
        let scored: Vec<&Control> = catalog.controls.iter().filter(|c| !c.context).collect();
        assert!(
            (60..=90).contains(&scored.len()),
            "{} controls",
            scored.len()
        );
        for control in scored {
            assert!(!control.refs.is_empty(), "{} cites nothing", control.id);
            assert!((3..=5).contains(&control.options.len()), "{}", control.id);
            assert!(control.recommendation.is_some(), "{}", control.id);
        }
    }

    #[test]
    fn express_fits_a_90_minute_meeting_and_covers_what_the_audit_names_first() {
        let catalog = bundled().unwrap();
        let express: Vec<&Control> = catalog.controls_in("express").collect();
        assert!(
            (18..=25).contains(&express.len()),
            "{} questions",
            express.len()
        );
        let complet = catalog.controls_in("complet").count();
        assert_eq!(complet, catalog.controls.len());
        // Each topic the issue names, found by the words of its question.
        let topics: [(&str, &[&str]); 9] = [
            ("patch delays", &["correctifs", "mises à jour"]),
            (
                "MFA",
                &[
                    "double authentification",
                    "deux facteurs",
                    "authentification forte",
                ],
            ),
            ("backups and restore tests", &["restaur"]),
            ("remote access / VPN", &["VPN"]),
            ("admin interfaces exposed", &["administration"]),
            (
                "cyberattack protocol",
                &["cyberattaque", "rançon", "fiche réflexe"],
            ),
            ("continuity plan", &["continuité", "reprise"]),
            ("staff awareness", &["sensibilis"]),
            ("register / DPO", &["registre", "délégué"]),
        ];
        for (topic, words) in topics {
            let found = express.iter().any(|control| {
                let text = format!("{} {}", control.question.fr, control.help.fr).to_lowercase();
                words.iter().any(|word| text.contains(&word.to_lowercase()))
            });
            assert!(found, "express does not cover {topic}");
        }
    }

    #[test]
    fn gates_are_context_questions_that_never_count() {
        let catalog = bundled().unwrap();
        let gated: Vec<&Control> = catalog
            .controls
            .iter()
            .filter(|c| c.when.is_some())
            .collect();
        assert!(!gated.is_empty());
        for control in gated {
            let gate = catalog
                .control(&control.when.as_ref().unwrap().control)
                .unwrap();
            assert!(gate.context);
            assert!(gate.options.iter().all(|o| o.level.is_none()));
        }
        let dev = catalog.domain("developpement").unwrap();
        assert_eq!(dev.when.as_ref().unwrap().control, "DEV-00");
    }
}

/// A catalog of one control with one evidence rule: a `cap` at level 1, with its reason.
fn rule(fact: &str, op: &str, value: &str) -> String {
    format!("{HEADER}{}", control("BAK-01", ""))
        + &format!(
            "\n[[controls.evidence]]\nfact = \"{fact}\"\nop = \"{op}\"\n{value}kind = \"cap\"\nmax_level = 1\nreason = {{ fr = \"Raison\", en = \"Reason\" }}\n"
        )
}

#[test]
fn evidence_rules_name_documented_facts_and_fitting_values() {
    let ok = load_text(&rule("patch.days_since_upgrade", ">", "value = 30\n")).unwrap();
    assert_eq!(ok.controls[0].evidence.len(), 1);
    assert!(load_text(&rule("net.admin_exposed", "not-empty", "")).is_ok());

    let found = problems(&rule("patch.jours", ">", "value = 30\n")).join("\n");
    assert!(found.contains("unknown fact \"patch.jours\""), "{found}");
    assert!(
        found.contains("patch.days_since_upgrade"),
        "the hint lists the documented facts"
    );
    let found = problems(&rule("patch.days_since_upgrade", "~", "value = 30\n")).join("\n");
    assert!(found.contains("unknown comparison \"~\""), "{found}");
    let found = problems(&rule("fw.active", ">", "value = 3\n")).join("\n");
    assert!(found.contains("does not fit"), "{found}");
    let text = rule("patch.days_since_upgrade", ">", "value = 30\n")
        .replace("max_level = 1", "max_level = 9");
    assert!(problems(&text).join("\n").contains("max_level is 9"));
}

#[test]
fn evidence_rules_on_closed_text_sets_and_messages_in_words() {
    // tls.version only ever holds the probe's three texts.
    let ok = load_text(&rule("tls.version", "==", "value = \"< TLSv1.2\"\n")).unwrap();
    assert_eq!(ok.controls[0].evidence.len(), 1);
    for bad in ["TLSv1.1", "TLSv1.0", "tls1.3"] {
        let found = problems(&rule("tls.version", "==", &format!("value = \"{bad}\"\n")));
        let found = found.join("\n");
        assert!(
            found.contains(&format!("never has the value \"{bad}\"")),
            "{found}"
        );
        assert!(
            found.contains("\"TLSv1.3\", \"TLSv1.2\", \"< TLSv1.2\""),
            "{found}"
        );
    }
    let found = problems(&rule("ssh.root_login_mode", "!=", "value = \"No\"\n")).join("\n");
    assert!(found.contains("never has the value \"No\""), "{found}");
    // Free text keys accept any text.
    assert!(load_text(&rule("os.name", "==", "value = \"Debian GNU/Linux\"\n")).is_ok());

    // Kinds are said in words, with the value expected, never as Rust type names.
    let found = problems(&rule("fw.active", ">", "value = 3\n")).join("\n");
    assert!(found.contains("(a yes/no fact)"), "{found}");
    assert!(found.contains("only number facts compare with"), "{found}");
    let found = problems(&rule("patch.days_since_upgrade", ">", "value = \"30\"\n")).join("\n");
    assert!(found.contains("(a number fact)"), "{found}");
    assert!(found.contains("write a number: value = 30"), "{found}");
    let found = problems(&rule("fw.active", "==", "value = \"no\"\n")).join("\n");
    assert!(
        found.contains("write value = true or value = false"),
        "{found}"
    );
    for text in [
        rule("fw.active", ">", "value = 3\n"),
        rule("net.admin_exposed", "==", "value = 3\n"),
        rule("os.name", "<", "value = 3\n"),
    ] {
        let Err(Error::Invalid(found)) = load_text(&text) else {
            panic!("should be invalid");
        };
        for lang in [Lang::Fr, Lang::En] {
            let shown: String = found.iter().map(|p| p.render(lang)).collect();
            for rust in ["Bool", "Number", "Text", "List"] {
                assert!(!shown.contains(&format!("({rust})")), "{shown}");
            }
        }
    }
    let fr: String = problems_fr(&rule("fw.active", ">", "value = 3\n"));
    assert!(fr.contains("(constat oui/non)"), "{fr}");
}

#[test]
fn evidence_rules_say_their_kind_their_machines_and_why() {
    let base = rule("patch.security_pending_days", ">", "value = 8\n");
    let ok = load_text(&base).unwrap();
    let loaded = &ok.controls[0].evidence[0];
    assert_eq!(loaded.kind, scoring::facts::RuleKind::Cap);
    assert_eq!(loaded.reason.fr, "Raison");
    assert!(loaded.roles.is_empty(), "no roles: any machine");

    // A point to verify, limited to servers.
    let verify = base.replace("kind = \"cap\"", "kind = \"verify\"\nroles = [\"server\"]");
    let ok = load_text(&verify).unwrap();
    let loaded = &ok.controls[0].evidence[0];
    assert_eq!(loaded.kind, scoring::facts::RuleKind::Verify);
    assert_eq!(loaded.roles, vec!["server".to_owned()]);

    // The kind must be written, and be one of the two.
    let found = problems(&base.replace("kind = \"cap\"\n", "")).join("\n");
    assert!(found.contains("does not say its kind"), "{found}");
    assert!(
        found.contains("kind = \"verify\""),
        "the hint names both: {found}"
    );
    let found = problems(&base.replace("\"cap\"", "\"plafond\"")).join("\n");
    assert!(
        found.contains("unknown kind of rule \"plafond\""),
        "{found}"
    );

    // Roles are the agent's words for host.role.
    let text = base.replace("kind = \"cap\"", "kind = \"cap\"\nroles = [\"serveur\"]");
    let found = problems(&text).join("\n");
    assert!(
        found.contains("unknown machine role \"serveur\""),
        "{found}"
    );
    assert!(found.contains("server, laptop, workstation"), "{found}");
    let line = line_of(&text, "roles =");
    assert!(found.contains(&format!("c.toml:{line}:")), "{found}");

    // The reason is required: it is shown under the discrepancy.
    let text = base
        .lines()
        .filter(|l| !l.starts_with("reason ="))
        .collect::<Vec<_>>()
        .join("\n");
    let found = problems(&text).join("\n");
    assert!(found.contains("does not say why (reason)"), "{found}");
    let fr = problems_fr(&text);
    assert!(
        fr.contains("BAK-01\u{a0}: la règle sur «\u{a0}patch.security_pending_days\u{a0}» ne dit pas pourquoi"),
        "{fr}"
    );
}

fn problems_fr(text: &str) -> String {
    match load_text(text) {
        Err(Error::Invalid(problems)) => problems.iter().map(|p| p.render(Lang::Fr)).collect(),
        other => panic!("unexpected {other:?}"),
    }
}

/// The warnings of a valid catalog, rendered in English, one per line.
fn warnings(text: &str) -> Vec<String> {
    load_text(text)
        .unwrap_or_else(|error| panic!("the catalog should be valid: {error}"))
        .warnings
        .iter()
        .map(|w| w.render(Lang::En))
        .collect()
}

#[test]
fn the_bundled_catalog_has_no_warning() {
    let catalog = bundled_with(Lint::Warnings).unwrap();
    let listed: Vec<String> = catalog
        .warnings
        .iter()
        .map(|w| w.render(Lang::En))
        .collect();
    assert_eq!(listed, Vec::<String>::new());
}

#[test]
fn warnings_point_at_what_a_catalog_author_gets_wrong() {
    // Levels 0, 2 and 4: a gap at 1 and 3.
    let clean = format!("{HEADER}{}", control("BAK-01", ""));
    let found = warnings(&clean);
    assert!(
        found.iter().any(|w| w.contains("no option at level 1, 3")),
        "{found:?}"
    );
    // French typography: a plain space before « ? », none inside « ».
    let slips = clean.replace(
        "Sauvegardez-vous\u{202f}?",
        "Sauvegardez-vous ? Même «les» copies",
    );
    let found = warnings(&slips);
    let line = line_of(&slips, "Sauvegardez-vous ? Même");
    let typography: Vec<&String> = found
        .iter()
        .filter(|w| w.contains("no-break space"))
        .collect();
    assert_eq!(typography.len(), 3, "{found:?}");
    assert!(
        typography
            .iter()
            .all(|w| w.starts_with(&format!("c.toml:{line}:"))),
        "{typography:?}"
    );
    // Too long to be read aloud, and a French text left in English.
    let long = "mot ".repeat(40);
    let wordy = clean
        .replace("Sauvegardez-vous\u{202f}?", long.trim())
        .replace(
            r#"label = { fr = "Parfois", en = "Sometimes" }"#,
            r#"label = { fr = "Copies made sometimes", en = "Copies made sometimes" }"#,
        );
    let found = warnings(&wordy);
    assert!(
        found
            .iter()
            .any(|w| w.contains("BAK-01 question has 40 words")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|w| w.contains("same as the English")),
        "{found:?}"
    );
    // Warnings never refuse the catalog; errors still do.
    assert!(load_text(&wordy).is_ok());
}
