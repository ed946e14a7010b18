//! End-to-end tests of `posture catalog check` and `posture catalog export`: valid catalogs
//! accepted (the bundled one, a one-file one), each kind of mistake pointed at by its file, line and
//! column, and the export's contract fields in the interface language.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::cli::{
    bundled_dir, control, controls, copy_dir, export, id, in_profile, mini_catalog, num, place,
    run, scored, tempdir,
};
use crate::common::{posture, run_command};

fn mini_text() -> String {
    std::fs::read_to_string(mini_catalog()).expect("the mini catalog fixture")
}

/// Writes the mini catalog with `from` replaced by `to` (once) in `dir/name`.
fn bad_catalog(dir: &Path, name: &str, from: &str, to: &str) -> (PathBuf, String) {
    let text = mini_text();
    assert!(text.contains(from), "the fixture has no {from:?}");
    let text = text.replacen(from, to, 1);
    let path = dir.join(name);
    std::fs::write(&path, &text).expect("write catalog");
    (path, text)
}

/// `posture catalog check PATH` must fail with exit 2, point at `line:col` of `path` and say
/// `message` (in English).
fn assert_check_points_at(path: &Path, (line, col): (usize, usize), message: &str) {
    let run = run_command(
        posture()
            .args(["--lang", "en", "catalog", "check"])
            .arg(path),
    )
    .invalid();
    assert!(run.stdout.is_empty(), "nothing on stdout: {}", run.stdout);
    let place = format!("{}:{line}:{col}: ", path.display());
    let line_with_place = run
        .stderr
        .lines()
        .find(|l| l.contains(&place))
        .unwrap_or_else(|| panic!("stderr does not name {place}:\n{}", run.stderr));
    assert!(
        line_with_place.contains(message),
        "the problem at {place} does not say {message:?}:\n{}",
        run.stderr
    );
}

#[test]
fn catalog_check_accepts_the_bundled_catalog() {
    let version = export()["version"].as_str().expect("version");
    let run = run(["catalog", "check"]).success();
    run.stdout_has(&format!("catalogue valide : posture-sante {version}"));
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run_command(posture().args(["catalog", "check"]).arg(bundled_dir()))
        .success()
        .stdout_has("catalogue valide : posture-sante");
}

#[test]
fn catalog_check_accepts_a_one_file_catalog_and_reports_in_english() {
    run_command(posture().args(["catalog", "check"]).arg(mini_catalog()))
        .success()
        .stdout_has("catalogue valide : mini 1");
    run_command(
        posture()
            .args(["catalog", "check", "--lang", "en"])
            .arg(mini_catalog()),
    )
    .success()
    .stdout_has("valid catalog: mini 1");
}

#[test]
fn catalog_check_uses_the_global_catalog_flag_when_no_path_is_given() {
    let dir = tempdir();
    let (bad, _) = bad_catalog(
        dir.path(),
        "bad.toml",
        "domain = \"reseau\"\nweight = 2",
        "domain = \"nope\"\nweight = 2",
    );
    run_command(
        posture()
            .arg("--catalog")
            .arg(&bad)
            .args(["catalog", "check"]),
    )
    .invalid()
    .stderr_has("domaine inconnu « nope »");
    run_command(
        posture()
            .args(["catalog", "check", "--catalog"])
            .arg(mini_catalog()),
    )
    .success()
    .stdout_has("mini 1");
}

#[test]
fn catalog_check_points_at_a_toml_syntax_error() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "weight = 2\ntarget",
        "weight = \ntarget",
    );
    let (line, _) = place(&text, "weight = \n", 0);
    let run = run_command(posture().args(["catalog", "check"]).arg(&path)).invalid();
    run.stderr_has(&format!("{}:{line}:", path.display()))
        .stderr_has("TOML invalide");
}

#[test]
fn catalog_check_points_at_a_duplicate_control_id() {
    let dir = tempdir();
    let (path, text) = bad_catalog(dir.path(), "c.toml", "id = \"NET-01\"", "id = \"BAK-01\"");
    let first = place(&text, "\"BAK-01\"", 0);
    let (line, col) = place(&text, "\"BAK-01\"", 1);
    assert_check_points_at(
        &path,
        (line, col),
        "the control id \"BAK-01\" is already taken",
    );
    run_command(posture().args(["catalog", "check"]).arg(&path))
        .invalid()
        .stderr_has(&format!("{}:{}:{}", path.display(), first.0, first.1));
}

#[test]
fn catalog_check_points_at_an_unknown_domain() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "domain = \"reseau\"\nweight = 2",
        "domain = \"nope\"\nweight = 2",
    );
    assert_check_points_at(
        &path,
        place(&text, "\"nope\"", 0),
        "NET-01: unknown domain \"nope\"",
    );
}

#[test]
fn catalog_check_points_at_a_level_out_of_range() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "level = 4\nlabel = { fr = \"Tout",
        "level = 7\nlabel = { fr = \"Tout",
    );
    let (line, col) = place(&text, "level = 7", 0);
    assert_check_points_at(&path, (line, col + "level = ".len()), "level is 7");
}

#[test]
fn catalog_check_points_at_a_text_missing_its_english() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "question = { fr = \"Filtrez-vous les flux ?\", en = \"Do you filter traffic?\" }",
        "question = { fr = \"Filtrez-vous les flux ?\" }",
    );
    let (line, col) = place(&text, "question = { fr = \"Filtrez", 0);
    assert_check_points_at(
        &path,
        (line, col + "question = ".len()),
        "question: the \"en\" text is missing or empty",
    );
}

#[test]
fn catalog_check_points_at_a_ref_to_an_unknown_document() {
    let dir = tempdir();
    let (path, text) = bad_catalog(dir.path(), "c.toml", "\"charte-ght §9\"", "\"charte §9\"");
    assert_check_points_at(
        &path,
        place(&text, "\"charte §9\"", 0),
        "NET-01: the ref \"charte §9\" does not start with a known document key",
    );
}

#[test]
fn catalog_check_points_at_a_condition_on_a_missing_option() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "any_of = [\"oui\"]",
        "any_of = [\"peut-etre\"]",
    );
    assert_check_points_at(
        &path,
        place(&text, "\"peut-etre\"", 0),
        "NET-01: \"CTX-00\" has no option \"peut-etre\"",
    );
}

#[test]
fn catalog_check_points_at_an_empty_profile() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "all = true\n",
        "all = true\n\n[[profiles]]\nid = \"vide\"\ntitle = { fr = \"Vide\", en = \"Empty\" }\n",
    );
    // The problem points at the table of the profile: its [[profiles]] header.
    assert_check_points_at(
        &path,
        place(&text, "[[profiles]]", 2),
        "the profile \"vide\" has no control",
    );
}

#[test]
fn catalog_check_points_at_an_option_id_made_of_digits() {
    let dir = tempdir();
    let (path, text) = bad_catalog(dir.path(), "c.toml", "id = \"aucun\"", "id = \"3\"");
    assert_check_points_at(
        &path,
        place(&text, "\"3\"", 0),
        "the option id \"3\" is made of digits only",
    );
}

#[test]
fn catalog_check_points_at_a_domain_with_no_control() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "[[domains]]\nid = \"reseau\"",
        "[[domains]]\nid = \"physique\"\nweight = 1\ntitle = { fr = \"Physique\", en = \"Physical\" }\n\n[[domains]]\nid = \"reseau\"",
    );
    assert_check_points_at(
        &path,
        place(&text, "[[domains]]", 1),
        "the domain \"physique\" has no control",
    );
}

#[test]
fn catalog_check_of_a_directory_header_says_to_give_the_directory() {
    let run = run_command(
        posture()
            .args(["--lang", "en", "catalog", "check"])
            .arg(bundled_dir().join("catalog.toml")),
    )
    .invalid();
    run.stderr_has("is the header of a catalog directory")
        .stderr_has(&format!(
            "give the directory: posture catalog check {}",
            bundled_dir().display()
        ));
    // Named bare, from inside the directory: the directory is ".".
    let run = run_command(posture().current_dir(bundled_dir()).args([
        "--lang",
        "en",
        "catalog",
        "check",
        "catalog.toml",
    ]))
    .invalid();
    run.stderr_has("give the directory: posture catalog check .\n");
}

#[test]
fn catalog_check_columns_count_characters_not_bytes() {
    let dir = tempdir();
    let (path, text) = bad_catalog(
        dir.path(),
        "c.toml",
        "label = { fr = \"Tout est filtré\", en = \"Everything is filtered\" }",
        "label = { fr = \"Tout est filtré\", en = 5 }",
    );
    let (line, col) = place(&text, "en = 5", 0);
    // "filtré" is 7 bytes and 6 characters: a byte count would be one column further.
    assert_check_points_at(&path, (line, col + "en = ".len()), "invalid type: integer");
}

#[test]
fn catalog_check_reports_every_problem_at_once() {
    let dir = tempdir();
    let text = mini_text()
        .replacen(
            "domain = \"reseau\"\nweight = 2",
            "domain = \"nope\"\nweight = 2",
            1,
        )
        .replacen("any_of = [\"oui\"]", "any_of = [\"peut-etre\"]", 1);
    let path = dir.path().join("c.toml");
    std::fs::write(&path, &text).expect("write");
    let run = run_command(posture().args(["catalog", "check"]).arg(&path)).invalid();
    for needle in ["\"nope\"", "\"peut-etre\""] {
        let (line, col) = place(&text, needle, 0);
        run.stderr_has(&format!("{}:{line}:{col}:", path.display()));
    }
}

#[test]
fn catalog_check_names_the_file_of_a_catalog_directory_at_fault() {
    let dir = tempdir();
    let catalog = dir.path().join("catalog");
    copy_dir(&bundled_dir(), &catalog);
    let file = catalog.join("reseau.toml");
    let text = std::fs::read_to_string(&file).expect("reseau.toml");
    let broken = text.replacen("weight = 2", "weight = \"deux\"", 1);
    assert_ne!(text, broken);
    std::fs::write(&file, &broken).expect("write");
    let (line, col) = place(&broken, "\"deux\"", 0);
    let run = run_command(posture().args(["catalog", "check"]).arg(&catalog)).invalid();
    run.stderr_has(&format!("{}:{line}:{col}:", file.display()));
}

#[test]
fn catalog_check_refuses_a_missing_path_and_a_directory_without_header() {
    let dir = tempdir();
    run_command(
        posture()
            .args(["catalog", "check"])
            .arg(dir.path().join("nope.toml")),
    )
    .invalid()
    .stderr_has("impossible de lire le catalogue");
    run_command(posture().args(["catalog", "check"]).arg(dir.path()))
        .invalid()
        .stderr_has("ne contient pas de catalog.toml");
}

#[test]
fn catalog_export_describes_the_bundled_catalog() {
    let export = export();
    assert_eq!(export["id"], "posture-sante");
    assert!(export["version"].as_str().is_some_and(|v| !v.is_empty()));
    let domains = export["domains"].as_array().expect("domains");
    assert_eq!(domains.len(), 13);
    let domain_ids: BTreeSet<&str> = domains
        .iter()
        .map(|d| {
            assert!(d["title"].as_str().is_some_and(|t| !t.is_empty()), "{d}");
            assert!((1..=3).contains(&num(&d["weight"])), "{d}");
            d["id"].as_str().expect("domain id")
        })
        .collect();
    assert_eq!(domain_ids.len(), 13, "domain ids are unique");
    let keys: Vec<&str> = export["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .map(|d| d["key"].as_str().expect("key"))
        .collect();
    let mut ids = BTreeSet::new();
    for control in controls(export) {
        let id = id(control);
        assert!(ids.insert(id), "{id} twice");
        assert!(domain_ids.contains(control["domain"].as_str().expect("domain")));
        assert!(control["context"].is_boolean(), "{id}");
        assert!(control["na_allowed"].is_boolean(), "{id}");
        assert!(control["critical"].is_boolean(), "{id}");
        assert!(
            in_profile(control, "complet"),
            "{id}: complet has every control"
        );
        for reference in control["refs"].as_array().expect("refs") {
            let key = reference.as_str().expect("ref").split(' ').next();
            assert!(key.is_some_and(|k| keys.contains(&k)), "{id}: {reference}");
        }
        let options = control["options"].as_array().expect("options");
        if control["context"] == true {
            assert!(options.len() >= 2, "{id}");
            for option in options {
                assert!(
                    option["level"].is_null(),
                    "{id}: a context option has no level"
                );
            }
        } else {
            assert!((1..=3).contains(&num(&control["weight"])), "{id}");
            assert!(num(&control["target"]) <= 4, "{id}");
            assert!((3..=5).contains(&options.len()), "{id}");
            let levels: Vec<u64> = options.iter().map(|o| num(&o["level"])).collect();
            assert!(levels.windows(2).all(|w| w[0] <= w[1]), "{id}: {levels:?}");
            assert_eq!(levels.last(), Some(&4), "{id}: the top option is level 4");
        }
    }
    for gate in ["GOV-00", "REM-00", "DEV-00", "INC-00"] {
        assert_eq!(control(export, gate)["context"], true);
    }
    // The reviewed catalog (2026.12): 83 scored controls and 4 context questions; the express
    // profile has 23 questions and opens with the context question GOV-00; DEV-04 moved to
    // SUP-07.
    assert_eq!(export["version"], "2026.12");
    assert_eq!(scored(export, "complet").len(), 83);
    let context = controls(export)
        .iter()
        .filter(|c| c["context"] == true)
        .count();
    assert_eq!(context, 4);
    let express: Vec<&str> = controls(export)
        .iter()
        .filter(|c| in_profile(c, "express"))
        .map(id)
        .collect();
    assert_eq!(express.len(), 23, "{express:?}");
    assert_eq!(express.first(), Some(&"GOV-00"), "{express:?}");
    assert!(!ids.contains("DEV-04"));
    for new in [
        "GOV-09", "GOV-10", "GOV-11", "GOV-12", "GOV-13", "GOV-14", "SUP-06", "SUP-07", "IAM-09",
        "IAM-10", "IAM-11", "AWA-05", "NET-06", "PAT-06", "PAT-07", "WKS-06", "BAK-07",
    ] {
        assert!(ids.contains(new), "{new} is missing");
    }
}

#[test]
fn catalog_export_of_a_custom_catalog_has_the_contract_fields() {
    let run = run_command(
        posture()
            .args(["catalog", "export", "--format", "json", "--catalog"])
            .arg(mini_catalog()),
    )
    .success();
    let export = run.json();
    assert_eq!(export["id"], "mini");
    assert_eq!(export["version"], "1");
    assert_eq!(
        export["domains"],
        serde_json::json!([
            {"id": "sauvegardes", "title": "Sauvegardes", "weight": 3, "when": null},
            {"id": "reseau", "title": "Réseau", "weight": 1, "when": null},
        ])
    );
    let ids: Vec<&str> = controls(&export).iter().map(id).collect();
    assert_eq!(
        ids,
        ["BAK-01", "CTX-00", "NET-01"],
        "domain order, then file order"
    );

    let bak = control(&export, "BAK-01");
    assert_eq!(bak["domain"], "sauvegardes");
    assert_eq!(bak["weight"], 3);
    assert_eq!(bak["critical"], true);
    assert_eq!(bak["target"], 3);
    assert_eq!(bak["context"], false);
    assert_eq!(bak["na_allowed"], false);
    assert_eq!(bak["profiles"], serde_json::json!(["express", "complet"]));
    assert_eq!(
        bak["refs"],
        serde_json::json!(["charte-ght §10.4", "cpts-sesan"])
    );
    let options: Vec<(&str, u64)> = bak["options"]
        .as_array()
        .expect("options")
        .iter()
        .map(|o| (o["id"].as_str().expect("id"), num(&o["level"])))
        .collect();
    assert_eq!(options, [("non", 0), ("parfois", 2), ("teste", 4)]);

    let ctx = control(&export, "CTX-00");
    assert_eq!(ctx["context"], true);
    assert_eq!(ctx["profiles"], serde_json::json!(["complet"]));
    assert_eq!(
        ctx["options"]
            .as_array()
            .expect("options")
            .iter()
            .map(|o| (o["id"].clone(), o["level"].clone()))
            .collect::<Vec<_>>(),
        [
            (Value::from("oui"), Value::Null),
            (Value::from("non"), Value::Null)
        ]
    );

    let net = control(&export, "NET-01");
    assert_eq!(net["na_allowed"], true);
    assert_eq!(net["critical"], false);
    assert_eq!(net["profiles"], serde_json::json!(["complet"]));
    assert_eq!(
        net["when"],
        serde_json::json!({"control": "CTX-00", "any_of": ["oui"]})
    );
}

#[test]
fn catalog_export_titles_follow_the_interface_language() {
    let mini = mini_catalog();
    let export_in = |args: &[&str], envs: &[(&str, &str)]| {
        let mut command = posture();
        command.args(args).arg("--catalog").arg(&mini);
        for (key, value) in envs {
            command.env(key, value);
        }
        run_command(&mut command).success().json()
    };
    let titles = |export: &Value| -> Vec<String> {
        export["domains"]
            .as_array()
            .expect("domains")
            .iter()
            .map(|d| d["title"].as_str().expect("title").to_owned())
            .collect()
    };
    let french = export_in(&["catalog", "export"], &[]);
    assert_eq!(titles(&french), ["Sauvegardes", "Réseau"]);
    assert_eq!(control(&french, "BAK-01")["question"], "Sauvegardez-vous ?");
    let english = export_in(&["catalog", "export", "--lang", "en"], &[]);
    assert_eq!(titles(&english), ["Backups", "Network"]);
    assert_eq!(control(&english, "BAK-01")["question"], "Do you back up?");
    assert_eq!(
        control(&english, "BAK-01")["options"][2]["label"],
        "Yes, tested"
    );
    let before = export_in(&["--lang", "en", "catalog", "export"], &[]);
    assert_eq!(titles(&before), ["Backups", "Network"]);
    let from_env = export_in(&["catalog", "export"], &[("LANG", "en_US.UTF-8")]);
    assert_eq!(titles(&from_env), ["Backups", "Network"]);
    let c_locale = export_in(&["catalog", "export"], &[("LANG", "C")]);
    assert_eq!(titles(&c_locale), ["Sauvegardes", "Réseau"]);
}

#[test]
fn catalog_export_of_the_bundled_catalog_translates_every_domain() {
    let english = run(["catalog", "export", "--lang", "en"]).success().json();
    let french = export();
    assert_eq!(english["id"], french["id"]);
    assert_eq!(english["version"], french["version"]);
    let fr = french["domains"].as_array().expect("domains");
    let en = english["domains"].as_array().expect("domains");
    assert_eq!(fr.len(), en.len());
    for (fr, en) in fr.iter().zip(en) {
        assert_eq!(fr["id"], en["id"]);
        assert_ne!(fr["title"], en["title"], "{} is not translated", fr["id"]);
    }
    let backups = english["domains"]
        .as_array()
        .expect("domains")
        .iter()
        .find(|d| d["id"] == "sauvegardes")
        .expect("sauvegardes");
    assert_eq!(backups["title"], "Backups and business continuity");
    let providers = english["domains"]
        .as_array()
        .expect("domains")
        .iter()
        .find(|d| d["id"] == "prestataires")
        .expect("prestataires");
    assert_eq!(providers["title"], "Providers and processors");
}

#[test]
fn catalog_export_refuses_a_broken_catalog_and_an_unknown_format() {
    let dir = tempdir();
    let (path, _) = bad_catalog(
        dir.path(),
        "c.toml",
        "level = 4\nlabel = { fr = \"Tout",
        "level = 7\nlabel = { fr = \"Tout",
    );
    let run_bad = run_command(
        posture()
            .args(["catalog", "export", "--catalog"])
            .arg(&path),
    )
    .invalid();
    assert!(run_bad.stdout.is_empty(), "{}", run_bad.stdout);
    run(["catalog", "export", "--format", "yaml"]).invalid();
}
