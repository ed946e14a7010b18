//! End-to-end tests of `posture score`: the JSON contract, the method's numbers (weighted means
//! rounded to one decimal, levels, critical caps, context gates, ranked priorities), the text in
//! both languages, and sessions whose own catalog changed or went away.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::cli::{
    answer, bundled_dir, control, controls, copy_dir, export, id, id_set, in_profile, mini_catalog,
    mkdir, new_session, num, place, score_json, scored, tempdir, write_answers,
};
use crate::common::{posture, run_command};

/// The controls asked only under an answer of the context question `gate`.
fn gated_by<'a>(export: &'a Value, gate: &str) -> Vec<&'a Value> {
    controls(export)
        .iter()
        .filter(|c| c["when"]["control"] == gate)
        .collect()
}

fn float(value: &Value) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("not a number: {value}"))
}

/// The option of a scored control at `level`.
fn option_at(control: &Value, level: u64) -> &str {
    control["options"]
        .as_array()
        .expect("options array")
        .iter()
        .find(|o| o["level"] == level)
        .and_then(|o| o["id"].as_str())
        .unwrap_or_else(|| panic!("{} has no option at level {level}", id(control)))
}

/// The highest and lowest options of a scored control, with their levels.
fn top_option(control: &Value) -> (&str, u64) {
    extreme_option(control, true)
}

fn lowest_option(control: &Value) -> (&str, u64) {
    extreme_option(control, false)
}

fn extreme_option(control: &Value, top: bool) -> (&str, u64) {
    let options = control["options"].as_array().expect("options array");
    let levels = options
        .iter()
        .map(|o| (o["id"].as_str().expect("option id"), num(&o["level"])));
    let found = if top {
        levels.max_by_key(|(_, level)| *level)
    } else {
        levels.min_by_key(|(_, level)| *level)
    };
    found.unwrap_or_else(|| panic!("{} has no option", id(control)))
}

/// Creates a session with `posture session new --catalog CATALOG`.
fn new_session_with(dir: &Path, profile: &str, catalog: &Path) -> PathBuf {
    let path = dir.join(format!("{profile}.toml"));
    run_command(
        posture()
            .args([
                "session",
                "new",
                "--profile",
                profile,
                "--org",
                "Cabinet",
                "-o",
            ])
            .arg(&path)
            .arg("--catalog")
            .arg(catalog),
    )
    .success();
    path
}

/// Every scored control of `profile` at its top option, every context question at `oui`.
fn all_top(export: &Value, profile: &str) -> Vec<(String, String)> {
    controls(export)
        .iter()
        .filter(|c| in_profile(c, profile))
        .map(|c| {
            let choice = if c["context"] == true {
                "oui"
            } else {
                top_option(c).0
            };
            (id(c).to_owned(), choice.to_owned())
        })
        .collect()
}

fn as_refs(pairs: &[(String, String)]) -> Vec<(&str, &str)> {
    pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect()
}

/// Replaces the choice of `control` in a list of answers.
fn set(pairs: &mut [(String, String)], control: &str, choice: &str) {
    let pair = pairs
        .iter_mut()
        .find(|(id, _)| id == control)
        .unwrap_or_else(|| panic!("{control} is not in the answers"));
    pair.1 = choice.to_owned();
}

/// The domain `id` of a score.
fn domain<'a>(score: &'a Value, id: &str) -> &'a Value {
    score["domains"]
        .as_array()
        .expect("domains array")
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no domain {id} in the score"))
}

/// The controls of the priority list, in rank order.
fn priority_ids(score: &Value) -> Vec<String> {
    score["priorities"]
        .as_array()
        .expect("priorities array")
        .iter()
        .map(|p| p["control"].as_str().expect("control").to_owned())
        .collect()
}

/// A score rounded to one decimal, as the method rounds.
fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The documented level of a score: 0 below 20, 1 from 20, 2 from 45, 3 from 70, 4 from 95.
fn level_for(score: f64) -> u64 {
    match score {
        s if s >= 95.0 => 4,
        s if s >= 70.0 => 3,
        s if s >= 45.0 => 2,
        s if s >= 20.0 => 1,
        _ => 0,
    }
}

/// The documented domain score of `(weight, level)` pairs.
fn weighted_score(pairs: &[(u64, u64)]) -> f64 {
    let total: u64 = pairs.iter().map(|(w, _)| w).sum();
    let sum: u64 = pairs.iter().map(|(w, l)| w * l).sum();
    round1(sum as f64 / total as f64 / 4.0 * 100.0)
}

fn assert_close(actual: f64, expected: f64, what: &str) {
    assert!(
        (actual - expected).abs() < 1e-9,
        "{what}: expected {expected}, got {actual}"
    );
}

#[test]
fn score_json_has_the_contract_shape() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    write_answers(
        &path,
        &[
            ("PAT-01", "8-jours"),
            ("IAM-02", "quelques-comptes"),
            ("BAK-01", "unknown"),
        ],
    );
    let score = score_json(&path);
    let overall_score = float(&score["overall"]["score"]);
    assert!((0.0..=100.0).contains(&overall_score));
    assert!(num(&score["overall"]["level"]) <= 4);
    let domains = score["domains"].as_array().expect("domains");
    assert_eq!(domains.len(), 13);
    for domain in domains {
        for key in ["id", "score", "level", "answered", "total", "capped"] {
            assert!(domain.get(key).is_some(), "domain without {key}: {domain}");
        }
        assert!(domain["capped"].is_boolean());
        assert!(
            num(&domain["answered"]) <= num(&domain["total"]),
            "{domain}"
        );
        if let Some(value) = domain["score"].as_f64() {
            assert!((0.0..=100.0).contains(&value), "{domain}");
            assert_close(value, round1(value), "one decimal");
            let level = num(&domain["level"]);
            assert!(level <= 4);
            if domain["capped"] == false {
                assert_eq!(level, level_for(value), "{domain}");
            } else {
                assert!(level <= 1, "{domain}");
            }
        }
    }
    for priority in score["priorities"].as_array().expect("priorities") {
        for key in ["control", "domain", "level", "target", "rank"] {
            assert!(
                priority.get(key).is_some(),
                "priority without {key}: {priority}"
            );
        }
    }
    assert!(score["unknown"].is_array());
}

#[test]
fn score_of_every_top_answer_given_with_posture_answer_is_100() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    for (control, choice) in all_top(export, "complet") {
        answer(&path, &control, &choice).success();
    }
    let score = score_json(&path);
    assert_close(float(&score["overall"]["score"]), 100.0, "overall");
    assert_eq!(score["overall"]["level"], 4);
    let mut total = 0;
    for domain in score["domains"].as_array().expect("domains") {
        assert_close(
            float(&domain["score"]),
            100.0,
            domain["id"].as_str().unwrap_or("?"),
        );
        assert_eq!(domain["level"], 4, "{domain}");
        assert_eq!(domain["capped"], false, "{domain}");
        assert_eq!(domain["answered"], domain["total"], "{domain}");
        total += num(&domain["total"]);
    }
    assert_eq!(total as usize, scored(export, "complet").len());
    assert_eq!(score["priorities"], serde_json::json!([]));
    assert_eq!(score["unknown"], serde_json::json!([]));

    let text = run_command(posture().arg("score").arg(&path)).success();
    text.stdout_has("100,0 / 100");
    let english = run_command(posture().args(["score", "--lang", "en"]).arg(&path)).success();
    english.stdout_has("100.0 / 100");
}

#[test]
fn score_of_every_lowest_answer_is_0() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    let lowest: Vec<(String, String)> = controls(export)
        .iter()
        .map(|c| {
            let choice = if c["context"] == true {
                "oui"
            } else {
                lowest_option(c).0
            };
            (id(c).to_owned(), choice.to_owned())
        })
        .collect();
    write_answers(&path, &as_refs(&lowest));
    let score = score_json(&path);
    assert_close(float(&score["overall"]["score"]), 0.0, "overall");
    assert_eq!(score["overall"]["level"], 0);
    for domain in score["domains"].as_array().expect("domains") {
        assert_close(
            float(&domain["score"]),
            0.0,
            domain["id"].as_str().unwrap_or("?"),
        );
        assert_eq!(domain["level"], 0);
    }
    let expected: BTreeSet<String> = scored(export, "complet")
        .iter()
        .filter(|c| num(&c["target"]) > 0)
        .map(|c| id(c).to_owned())
        .collect();
    let got: BTreeSet<String> = priority_ids(&score).into_iter().collect();
    assert_eq!(got, expected, "every control below its target is a measure");
    assert_eq!(
        score["unknown"],
        serde_json::json!([]),
        "answered at level 0 is not unknown"
    );
}

#[test]
fn a_failed_critical_control_caps_its_domain_even_when_the_rest_is_top() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    let critical: Vec<&Value> = scored(export, "complet")
        .into_iter()
        .filter(|c| c["critical"] == true)
        .collect();
    assert!(!critical.is_empty());
    for failed in critical {
        let domain_id = failed["domain"].as_str().expect("domain");
        for level in [0, 1] {
            let mut answers = all_top(export, "complet");
            set(&mut answers, id(failed), option_at(failed, level));
            write_answers(&path, &as_refs(&answers));
            let score = score_json(&path);
            let capped = domain(&score, domain_id);
            assert_eq!(
                capped["capped"],
                true,
                "{} at {level}: {capped}",
                id(failed)
            );
            assert_eq!(capped["capped_by"], serde_json::json!([id(failed)]));
            let pairs: Vec<(u64, u64)> = scored(export, "complet")
                .iter()
                .filter(|c| c["domain"] == domain_id)
                .map(|c| {
                    (
                        num(&c["weight"]),
                        if id(c) == id(failed) { level } else { 4 },
                    )
                })
                .collect();
            let expected = weighted_score(&pairs);
            assert_close(float(&capped["score"]), expected, id(failed));
            assert_eq!(
                num(&capped["level"]),
                level_for(expected).min(1),
                "{capped}"
            );
            assert!(num(&capped["level"]) <= 1);
            for other in score["domains"].as_array().expect("domains") {
                if other["id"] != domain_id {
                    assert_eq!(other["capped"], false, "{other}");
                    assert_eq!(other["level"], 4, "{other}");
                }
            }
            assert_eq!(score["overall"]["capped"], true);
            assert!(num(&score["overall"]["level"]) <= 2, "{}", score["overall"]);
            let priorities = score["priorities"].as_array().expect("priorities");
            assert_eq!(priorities.len(), 1, "{priorities:?}");
            assert_eq!(priorities[0]["control"], id(failed));
            assert_eq!(priorities[0]["rank"], 1);
            assert_eq!(priorities[0]["level"], level);
            assert_eq!(priorities[0]["target"], failed["target"]);
        }
    }
}

#[test]
fn a_critical_control_not_known_caps_but_not_applicable_does_not() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    let critical = scored(export, "complet")
        .into_iter()
        .find(|c| c["critical"] == true && c["na_allowed"] == true)
        .expect("a critical control that allows na");
    let domain_id = critical["domain"].as_str().expect("domain");

    let mut answers = all_top(export, "complet");
    set(&mut answers, id(critical), "unknown");
    write_answers(&path, &as_refs(&answers));
    let score = score_json(&path);
    assert_eq!(domain(&score, domain_id)["capped"], true);
    assert!(num(&domain(&score, domain_id)["level"]) <= 1);
    assert_eq!(
        id_set(&score, "unknown"),
        BTreeSet::from([id(critical).to_owned()])
    );

    set(&mut answers, id(critical), "na");
    write_answers(&path, &as_refs(&answers));
    let score = score_json(&path);
    let result = domain(&score, domain_id);
    assert_eq!(result["capped"], false, "{result}");
    assert_close(float(&result["score"]), 100.0, domain_id);
    assert_eq!(result["level"], 4);
    assert_eq!(score["unknown"], serde_json::json!([]));
    assert_close(float(&score["overall"]["score"]), 100.0, "overall");
}

#[test]
fn domain_scores_are_weighted_means_rounded_to_one_decimal() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    // In every domain with two weights or more, set its lightest control to level 0 and the rest
    // to the top: the scores are not round numbers.
    let mut answers = all_top(export, "complet");
    let mut expected_domains = Vec::new();
    for domain_value in export["domains"].as_array().expect("domains") {
        let domain_id = domain_value["id"].as_str().expect("id");
        let members: Vec<&Value> = scored(export, "complet")
            .into_iter()
            .filter(|c| c["domain"] == domain_id && c["critical"] == false)
            .collect();
        let Some(lightest) = members.iter().min_by_key(|c| num(&c["weight"])) else {
            continue;
        };
        set(&mut answers, id(lightest), lowest_option(lightest).0);
        let pairs: Vec<(u64, u64)> = scored(export, "complet")
            .iter()
            .filter(|c| c["domain"] == domain_id)
            .map(|c| (num(&c["weight"]), if id(c) == id(lightest) { 0 } else { 4 }))
            .collect();
        expected_domains.push((domain_id.to_owned(), weighted_score(&pairs)));
    }
    write_answers(&path, &as_refs(&answers));
    let score = score_json(&path);
    let mut weighted = 0.0;
    let mut weights = 0.0;
    for (domain_id, expected) in &expected_domains {
        let result = domain(&score, domain_id);
        assert_close(float(&result["score"]), *expected, domain_id);
        assert_eq!(num(&result["level"]), level_for(*expected), "{result}");
        let weight = num(&result["weight"]) as f64;
        weighted += expected * weight;
        weights += weight;
    }
    let overall = float(&score["overall"]["score"]);
    assert!(
        (overall - round1(weighted / weights)).abs() <= 0.1 + 1e-9,
        "overall {overall}, expected about {}",
        weighted / weights
    );
    assert_close(overall, round1(overall), "one decimal");
    assert_eq!(num(&score["overall"]["level"]), level_for(overall));
}

#[test]
fn scores_of_a_custom_catalog_weight_controls_and_domains() {
    let dir = tempdir();
    let path = new_session_with(dir.path(), "complet", &mini_catalog());
    answer(&path, "BAK-01", "teste").success();
    answer(&path, "NET-01", "partiel").success();
    let score = score_json(&path);
    assert_close(
        float(&domain(&score, "sauvegardes")["score"]),
        100.0,
        "sauvegardes",
    );
    assert_close(float(&domain(&score, "reseau")["score"]), 50.0, "reseau");
    assert_eq!(domain(&score, "reseau")["level"], 2);
    // (3 × 100 + 1 × 50) / 4
    assert_close(float(&score["overall"]["score"]), 87.5, "overall");
    assert_eq!(score["overall"]["level"], 3);
    assert_eq!(priority_ids(&score), ["NET-01"]);

    answer(&path, "BAK-01", "non").success();
    answer(&path, "NET-01", "complet").success();
    let score = score_json(&path);
    // (3 × 0 + 1 × 100) / 4
    assert_close(float(&score["overall"]["score"]), 25.0, "overall");
    assert_eq!(domain(&score, "sauvegardes")["capped"], true);
    assert_eq!(score["overall"]["level"], 1);

    let text = run_command(posture().arg("score").arg(&path)).success();
    text.stdout_has("25,0 / 100")
        .stdout_has("[BAK-01] Sauvegarder");
    let english = run_command(posture().args(["--lang", "en", "score"]).arg(&path)).success();
    english
        .stdout_has("25.0 / 100")
        .stdout_has("[BAK-01] Back up");
}

#[test]
fn a_no_to_the_development_gate_makes_the_domain_not_applicable() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    let dev: BTreeSet<String> = scored(export, "complet")
        .iter()
        .filter(|c| c["domain"] == "developpement")
        .map(|c| id(c).to_owned())
        .collect();
    assert!(!dev.is_empty());

    answer(&path, "DEV-00", "non").success();
    let score = score_json(&path);
    let developpement = domain(&score, "developpement");
    assert!(
        developpement["score"].is_null(),
        "null, not 0: {developpement}"
    );
    assert!(developpement["level"].is_null(), "{developpement}");
    assert_eq!(developpement["capped"], false);
    let unknown = id_set(&score, "unknown");
    assert!(unknown.is_disjoint(&dev), "{unknown:?}");
    assert!(priority_ids(&score).iter().all(|p| !dev.contains(p)));
    // The other domains still count: unanswered, they score 0, not null.
    assert_close(
        float(&domain(&score, "sauvegardes")["score"]),
        0.0,
        "sauvegardes",
    );

    // Everything else at the top: the not-applicable domain does not drag the index down.
    let mut answers = all_top(export, "complet");
    set(&mut answers, "DEV-00", "non");
    for dev_id in &dev {
        set(
            &mut answers,
            dev_id,
            lowest_option(control(export, dev_id)).0,
        );
    }
    write_answers(&path, &as_refs(&answers));
    let score = score_json(&path);
    assert!(domain(&score, "developpement")["score"].is_null());
    assert_close(float(&score["overall"]["score"]), 100.0, "overall");
    assert_eq!(score["overall"]["level"], 4);

    answer(&path, "DEV-00", "oui").success();
    let score = score_json(&path);
    assert_close(
        float(&domain(&score, "developpement")["score"]),
        0.0,
        "developpement",
    );
}

#[test]
fn a_no_to_the_remote_maintenance_gate_makes_its_controls_not_applicable() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    let gated: Vec<&Value> = gated_by(export, "REM-00");
    assert!(!gated.is_empty());
    let gated_ids: BTreeSet<String> = gated.iter().map(|c| id(c).to_owned()).collect();
    let domain_id = gated[0]["domain"].as_str().expect("domain");
    let in_domain = scored(export, "complet")
        .iter()
        .filter(|c| c["domain"] == domain_id)
        .count() as u64;

    // Everything top, except the gated controls at their lowest.
    let mut answers = all_top(export, "complet");
    for control in &gated {
        set(&mut answers, id(control), lowest_option(control).0);
    }
    set(&mut answers, "REM-00", "non");
    write_answers(&path, &as_refs(&answers));
    let score = score_json(&path);
    let remote = domain(&score, domain_id);
    assert_close(float(&remote["score"]), 100.0, domain_id);
    assert_eq!(
        num(&remote["total"]),
        in_domain - gated.len() as u64,
        "{remote}"
    );
    assert_eq!(
        num(&remote["not_applicable"]),
        gated.len() as u64,
        "{remote}"
    );
    assert!(
        priority_ids(&score).is_empty(),
        "{:?}",
        priority_ids(&score)
    );

    // Unanswered gated controls are not "to check" either.
    let path2 = new_session(&mkdir(&dir.path().join("x")), "complet");
    answer(&path2, "REM-00", "non").success();
    let unknown = id_set(&score_json(&path2), "unknown");
    assert!(unknown.is_disjoint(&gated_ids), "{unknown:?}");
    assert!(
        unknown.contains("REM-01"),
        "REM-01 is not gated: {unknown:?}"
    );
    // Answering one anyway says it does not count.
    answer(&path2, id(gated[0]), "1")
        .success()
        .stderr_has("ne s'applique pas");

    // A yes brings them back: at their lowest, they now pull the domain down.
    answer(&path, "REM-00", "oui").success();
    let score = score_json(&path);
    let remote = domain(&score, domain_id);
    assert!(float(&remote["score"]) < 100.0, "{remote}");
    assert_eq!(num(&remote["total"]), in_domain);
    let priorities: BTreeSet<String> = priority_ids(&score).into_iter().collect();
    assert_eq!(priorities, gated_ids);
}

#[test]
fn unanswered_and_unknown_controls_are_listed_as_unknown() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let export = export();
    let express = scored(export, "express");
    let na = express
        .iter()
        .find(|c| c["na_allowed"] == true)
        .expect("an express control allows na");
    answer(&path, "PAT-01", top_option(control(export, "PAT-01")).0).success();
    answer(&path, "BAK-01", "unknown").success();
    answer(&path, id(na), "na").success();
    let score = score_json(&path);
    let expected: BTreeSet<String> = express
        .iter()
        .map(|c| id(c).to_owned())
        .filter(|c| c != "PAT-01" && c != id(na))
        .collect();
    assert!(expected.contains("BAK-01"));
    assert_eq!(id_set(&score, "unknown"), expected);
    let unanswered = id_set(&score, "unanswered");
    assert!(!unanswered.contains("BAK-01") && !unanswered.contains("PAT-01"));
}

#[test]
fn priorities_are_ranked_critical_first_then_by_weighted_gap() {
    let dir = tempdir();
    let path = new_session(dir.path(), "complet");
    let export = export();
    // A mixed audit: each control at a level that depends on its position.
    let mut answers = Vec::new();
    let mut levels = std::collections::BTreeMap::new();
    for (index, control) in controls(export).iter().enumerate() {
        if control["context"] == true {
            answers.push((id(control).to_owned(), "oui".to_owned()));
            continue;
        }
        let level = (index % 5) as u64;
        let choice = control["options"]
            .as_array()
            .expect("options")
            .iter()
            .filter(|o| num(&o["level"]) <= level)
            .max_by_key(|o| num(&o["level"]))
            .map(|o| o["id"].as_str().expect("id"))
            .unwrap_or_else(|| lowest_option(control).0);
        levels.insert(
            id(control).to_owned(),
            num(&control["options"]
                .as_array()
                .expect("options")
                .iter()
                .find(|o| o["id"] == choice)
                .expect("option")["level"]),
        );
        answers.push((id(control).to_owned(), choice.to_owned()));
    }
    write_answers(&path, &as_refs(&answers));
    let score = score_json(&path);

    let mut expected: Vec<(bool, u64, String)> = scored(export, "complet")
        .iter()
        .filter(|c| levels[id(c)] < num(&c["target"]))
        .map(|c| {
            let gap = num(&c["target"]) - levels[id(c)];
            (
                c["critical"] == true,
                num(&c["weight"]) * gap,
                id(c).to_owned(),
            )
        })
        .collect();
    expected.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let expected_ids: Vec<String> = expected.into_iter().map(|(_, _, id)| id).collect();
    assert!(expected_ids.len() > 6, "a test with enough measures");
    assert_eq!(priority_ids(&score), expected_ids);

    let priorities = score["priorities"].as_array().expect("priorities");
    let mut seen_plain = false;
    for (index, priority) in priorities.iter().enumerate() {
        assert_eq!(num(&priority["rank"]), index as u64 + 1);
        let control = control(export, priority["control"].as_str().expect("control"));
        assert_eq!(priority["domain"], control["domain"]);
        assert_eq!(priority["target"], control["target"]);
        assert_eq!(num(&priority["level"]), levels[id(control)]);
        if control["critical"] == true {
            assert!(
                !seen_plain,
                "a critical measure after a plain one: {priority}"
            );
        } else {
            seen_plain = true;
        }
    }
}

#[test]
fn score_text_lists_the_domains_in_the_interface_language() {
    let dir = tempdir();
    let path = new_session(dir.path(), "express");
    let french = run_command(posture().arg("score").arg(&path)).success();
    french
        .stdout_has("Indice global")
        .stdout_has("Sauvegardes et continuité d'activité")
        .stdout_has("Mesures prioritaires");
    let english =
        run_command(posture().arg("score").arg(&path).env("LANG", "en_GB.UTF-8")).success();
    english
        .stdout_has("Overall index")
        .stdout_has("Backups and business continuity")
        .stdout_has("Priority measures");
    let json = run_command(
        posture()
            .args(["score", "--format", "json", "--lang", "en"])
            .arg(&path),
    )
    .success()
    .json();
    assert_eq!(
        domain(&json, "sauvegardes")["title"],
        "Backups and business continuity"
    );
}

#[test]
fn score_refuses_a_corrupt_session_file() {
    let dir = tempdir();
    let path = dir.path().join("s.toml");
    std::fs::write(&path, "[meta]\nformat = 1\norganisation = \"X\n").expect("write");
    run_command(posture().arg("score").arg(&path))
        .invalid()
        .stderr_has(&format!("{}:3:", path.display()));
    run_command(posture().args(["score", "--format", "json"]).arg(&path))
        .invalid()
        .stderr_has("illisible");
}

#[test]
fn a_changed_question_in_the_custom_catalog_is_refused_with_its_reason() {
    let dir = tempdir();
    let catalog = dir.path().join("catalogue");
    copy_dir(&bundled_dir(), &catalog);
    let path = new_session_with(dir.path(), "express", &catalog);
    answer(&path, "PAT-01", "1").success();
    run_command(posture().arg("score").arg(&path)).success();

    let file = catalog.join("sauvegardes.toml");
    let text = std::fs::read_to_string(&file).expect("sauvegardes.toml");
    let edited = text.replacen("question = { fr = \"", "question = { fr = \"(modifiée) ", 1);
    assert_ne!(text, edited);
    std::fs::write(&file, edited).expect("write");
    run_command(posture().args(["catalog", "check"]).arg(&catalog)).success();

    let before = std::fs::read(&path).expect("read");
    let hash_line = place(
        &String::from_utf8(before.clone()).expect("utf-8"),
        "catalog_hash",
        0,
    )
    .0;
    run_command(posture().arg("score").arg(&path))
        .invalid()
        .stderr_has(&format!("{}:{hash_line}:", path.display()))
        .stderr_has("a changé depuis la création de cette session")
        .stderr_has("empreinte");
    run_command(posture().args(["--lang", "en", "score"]).arg(&path))
        .invalid()
        .stderr_has("has changed since this session was made (different hash)");
    answer(&path, "PAT-01", "2").invalid();
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

#[test]
fn a_session_whose_catalog_is_gone_is_refused() {
    let dir = tempdir();
    let catalog = dir.path().join("catalogue");
    copy_dir(&bundled_dir(), &catalog);
    let path = new_session_with(dir.path(), "express", &catalog);
    let recorded = catalog.canonicalize().expect("canonical");
    std::fs::rename(&catalog, dir.path().join("ailleurs")).expect("rename");
    let before = std::fs::read(&path).expect("read");
    run_command(posture().arg("score").arg(&path))
        .invalid()
        .stderr_has("impossible de lire le catalogue")
        .stderr_has(&recorded.display().to_string());
    answer(&path, "PAT-01", "1").invalid();
    assert_eq!(std::fs::read(&path).expect("read"), before);
    // --catalog points at where it went.
    run_command(
        posture()
            .arg("score")
            .arg(&path)
            .arg("--catalog")
            .arg(dir.path().join("ailleurs")),
    )
    .success();
}
